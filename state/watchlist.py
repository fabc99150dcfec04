"""The watch-list YAML round trip: import a file into the database, export it back.

Import is all-or-nothing: the whole file is validated before anything is
written, and the writes happen in the caller's one transaction, so a bad file
leaves the database exactly as it was. Companies are matched by ticker, feeds
by URL, rules by name; `replace=True` also removes what the file no longer has.

Customers learned from facts live on `Company.customers` beside the listed
ones. A plain import therefore *adds* the file's customers to those already
known (re-importing an old file does not forget what was learned); with
`replace=True` the file's list is taken as the whole truth.

Export is canonical (companies by ticker, feeds by URL, rules by name) so
export -> import into an empty database -> export gives the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import yaml
from sqlmodel import Session, col, select

from rules.attribution import is_known_party
from rules.watchlist import CompanySpec, FeedSpec, WatchList, WatchlistError, parse_watchlist
from state.models import Company, Feed, RuleRow
from state.rules import to_rule, upsert_rule


class WatchlistFileError(ValueError):
    """A watch-list file that cannot be imported; the message names file, field and reason."""


def load_watchlist_text(text: str, *, filename: str = "<watch-list>") -> WatchList:
    """Parse and validate YAML text; every error names the file and the field path."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f" line {mark.line + 1}, column {mark.column + 1}:"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise WatchlistFileError(f"{filename}:{where} invalid YAML: {problem}") from None
    try:
        return parse_watchlist(data)
    except WatchlistError as exc:
        raise WatchlistFileError(f"{filename}: {exc}") from None
    except ValueError as exc:  # a model validator's message (duplicates)
        raise WatchlistFileError(f"{filename}: {exc}") from None


def dump_watchlist_text(watchlist: WatchList) -> str:
    return yaml.safe_dump(watchlist.dump(), sort_keys=False, allow_unicode=True, width=1000)


@dataclass(frozen=True)
class ImportSummary:
    companies: int
    feeds: int
    rules: int
    removed_companies: int = 0
    removed_feeds: int = 0
    removed_rules: int = 0

    def describe(self) -> str:
        text = f"imported {self.companies} companies, {self.feeds} feeds, {self.rules} rules"
        if self.removed_companies or self.removed_feeds or self.removed_rules:
            text += (
                f"; removed {self.removed_companies} companies, {self.removed_feeds} feeds,"
                f" {self.removed_rules} rules"
            )
        return text


def _merge_names(stored: list[str], given: list[str]) -> list[str]:
    merged = list(given)
    for name in stored:
        if not is_known_party(name, merged):
            merged.append(name)
    return merged


def _upsert_company(session: Session, spec: CompanySpec, *, replace: bool) -> Company:
    company = session.exec(select(Company).where(Company.ticker == spec.ticker)).first()
    if company is None:
        company = Company(ticker=spec.ticker, name=spec.name)
        stored: list[str] = []
    else:
        stored = list(company.customers or [])
    company.name = spec.name
    company.aliases = list(spec.aliases)
    company.customers = list(spec.customers) if replace else _merge_names(stored, list(spec.customers))
    session.add(company)
    session.flush()
    return company


def _upsert_feed(session: Session, spec: FeedSpec, company_id: int | None) -> Feed:
    feed = session.exec(select(Feed).where(Feed.url == spec.url)).first()
    if feed is None:
        feed = Feed(url=spec.url)
    feed.company_id = company_id
    feed.interval_seconds = spec.interval
    session.add(feed)
    return feed


def import_watchlist(
    session: Session, watchlist: WatchList, *, replace: bool = False, now: datetime | None = None
) -> ImportSummary:
    """Write a validated watch-list in the caller's transaction (flushes, never commits)."""
    feeds = 0
    for spec in watchlist.companies:
        company = _upsert_company(session, spec, replace=replace)
        for feed in spec.feeds:
            _upsert_feed(session, feed, company.id)
            feeds += 1
    for feed in watchlist.feeds:
        _upsert_feed(session, feed, None)
        feeds += 1
    for rule in watchlist.rules:
        upsert_rule(session, rule, now=now)
    session.flush()
    removed = (0, 0, 0)
    if replace:
        removed = _remove_missing(session, watchlist)
    return ImportSummary(len(watchlist.companies), feeds, len(watchlist.rules), *removed)


def _remove_missing(session: Session, watchlist: WatchList) -> tuple[int, int, int]:
    tickers = {c.ticker for c in watchlist.companies}
    urls = {f.url for f in watchlist.feeds} | {f.url for c in watchlist.companies for f in c.feeds}
    names = {r.name for r in watchlist.rules}
    gone_feeds = [f for f in session.exec(select(Feed)).all() if f.url not in urls]
    gone_companies = [c for c in session.exec(select(Company)).all() if c.ticker not in tickers]
    gone_rules = [r for r in session.exec(select(RuleRow)).all() if r.name not in names]
    for row in (*gone_feeds, *gone_rules, *gone_companies):
        session.delete(row)
    session.flush()
    return len(gone_companies), len(gone_feeds), len(gone_rules)


def export_watchlist(session: Session) -> WatchList:
    """The database's watch-list as a validated model, in canonical order."""
    feeds = session.exec(select(Feed).order_by(col(Feed.url))).all()
    by_company: dict[int | None, list[dict[str, Any]]] = {}
    for feed in feeds:
        entry: dict[str, Any] = {"url": feed.url}
        if feed.interval_seconds is not None:
            entry["interval"] = feed.interval_seconds
        by_company.setdefault(feed.company_id, []).append(entry)
    companies = [
        {
            "ticker": c.ticker,
            "name": c.name,
            "aliases": list(c.aliases or []),
            "customers": list(c.customers or []),
            "feeds": by_company.get(c.id, []),
        }
        for c in session.exec(select(Company).order_by(col(Company.ticker))).all()
    ]
    rules = [to_rule(row) for row in session.exec(select(RuleRow).order_by(col(RuleRow.name))).all()]
    return WatchList.model_validate(
        {"companies": companies, "feeds": by_company.get(None, []), "rules": rules}
    )
