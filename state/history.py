"""A company's known history, read from stored facts, as the pure `rules.evaluate.History`.

The history of a company is every fact of every disclosure attributed to it
(`disclosure_companies`), except the disclosure being scored (its facts are
passed to the evaluator separately, as "this disclosure") and except facts whose
`company` names some other firm. Disclosures are ordered by when they were
published (else fetched), so a back-filled old release does not become "latest".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from itertools import groupby

from sqlmodel import Session, col, select

from rules.attribution import CompanyRef, fact_belongs_to
from rules.evaluate import History
from rules.facts import Fact
from state.facts import to_fact
from state.models import Company, Disclosure, DisclosureCompany, FactRow


def company_ref(company: Company) -> CompanyRef:
    return CompanyRef(
        ticker=company.ticker,
        name=company.name,
        aliases=tuple(company.aliases or ()),
        customers=tuple(company.customers or ()),
        id=company.id,
    )


def history_facts(
    session: Session, company: CompanyRef, *, exclude_disclosure_id: int | None = None
) -> list[list[Fact]]:
    """The company's earlier facts grouped by disclosure, oldest disclosure first."""
    query = (
        select(FactRow, Disclosure.published, Disclosure.fetched_at)
        .join(DisclosureCompany, col(DisclosureCompany.disclosure_id) == col(FactRow.disclosure_id))
        .join(Disclosure, col(Disclosure.id) == col(FactRow.disclosure_id))
        .where(DisclosureCompany.company_id == company.id)
    )
    if exclude_disclosure_id is not None:
        query = query.where(col(FactRow.disclosure_id) != exclude_disclosure_id)
    rows: Sequence[tuple[FactRow, datetime | None, datetime]] = session.exec(query).all()

    def order(item: tuple[FactRow, datetime | None, datetime]) -> tuple[datetime, int, int]:
        row, published, fetched = item
        return (published or fetched, row.disclosure_id, row.id or 0)

    grouped: list[list[Fact]] = []
    for _, items in groupby(sorted(rows, key=order), key=lambda item: item[0].disclosure_id):
        facts = [to_fact(row) for row, _, _ in items]
        owned = [fact for fact in facts if fact_belongs_to(fact, company)]
        if owned:
            grouped.append(owned)
    return grouped


def load_history(
    session: Session, company: CompanyRef, *, exclude_disclosure_id: int | None = None
) -> History:
    """The indexed history view the evaluator reads (known customers included)."""
    return History.build(
        history_facts(session, company, exclude_disclosure_id=exclude_disclosure_id),
        customers=company.customers,
    )
