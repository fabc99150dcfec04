"""Watched companies: the tickers feeds and disclosures are attributed to."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from state.models import Company


class CompanyError(Exception):
    """A company operation the user asked for cannot be done; the message says why."""


def normalise_ticker(ticker: str) -> str:
    """Tickers are compared upper-case and without surrounding space (`acme` is `ACME`)."""
    value = ticker.strip().upper()
    if not value or len(value) > 16 or any(ch.isspace() for ch in value):
        raise CompanyError(f"invalid ticker {ticker!r}: 1-16 characters, no spaces")
    return value


def get_company(session: Session, ticker: str) -> Company | None:
    return session.exec(select(Company).where(Company.ticker == normalise_ticker(ticker))).first()


def add_company(
    session: Session,
    ticker: str,
    *,
    name: str | None = None,
    aliases: Sequence[str] = (),
    customers: Sequence[str] = (),
) -> tuple[Company, bool]:
    """Insert a company, or update the given fields of an existing one; returns (row, created).

    Adding an existing ticker again updates it rather than failing, so a
    company created implicitly by `feeds add --ticker` can be named later.
    """
    symbol = normalise_ticker(ticker)
    existing = get_company(session, symbol)
    clean_aliases = _unique(aliases)
    clean_customers = _unique(customers)
    if existing is None:
        row = Company(
            ticker=symbol,
            name=(name or symbol).strip() or symbol,
            aliases=clean_aliases,
            customers=clean_customers,
        )
        session.add(row)
        session.flush()
        return row, True
    if name:
        existing.name = name.strip()
    if clean_aliases:
        existing.aliases = _unique([*existing.aliases, *clean_aliases])
    if clean_customers:
        existing.customers = _unique([*existing.customers, *clean_customers])
    session.add(existing)
    session.flush()
    return existing, False


def ensure_company(session: Session, ticker: str) -> Company:
    """The company for a ticker, created with the ticker as its name when new."""
    company = get_company(session, ticker)
    if company is None:
        company, _ = add_company(session, ticker)
    return company


def list_companies(session: Session) -> Sequence[Company]:
    return session.exec(select(Company).order_by(col(Company.ticker))).all()


def remove_company(session: Session, ticker: str) -> Company:
    """Delete a company; its feeds stay (unattributed) and its alerts keep their ticker."""
    company = get_company(session, ticker)
    if company is None:
        raise CompanyError(f"no company with ticker {normalise_ticker(ticker)}")
    session.delete(company)
    session.flush()
    return company


def company_json(company: Company) -> dict[str, object]:
    return {
        "id": company.id,
        "ticker": company.ticker,
        "name": company.name,
        "aliases": list(company.aliases),
        "customers": list(company.customers),
    }


def _unique(values: Sequence[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        clean = value.strip()
        if clean and clean.casefold() not in seen:
            seen[clean.casefold()] = clean
    return list(seen.values())
