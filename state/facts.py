"""Storing facts and reading them back as `rules.facts.Fact` records."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import insert
from sqlmodel import Session, col, delete, select

from rules.facts import Fact
from state.models import FactRow

_INSERT_FACT = insert(FactRow.__table__)  # type: ignore[attr-defined]


def replace_facts(
    session: Session,
    disclosure_id: int,
    facts: Iterable[Fact],
    *,
    now: datetime,
    company_id: int | None = None,
    fresh: bool = False,
) -> int:
    """Store a disclosure's facts, replacing earlier ones (a corrected release re-extracts).

    `fresh`: the disclosure was inserted in this transaction, so it has no facts to
    delete. Rows go in as one multi-row INSERT (no ORM unit of work: this runs per
    new disclosure). Returns how many were stored.
    """
    if not fresh:
        session.exec(delete(FactRow).where(col(FactRow.disclosure_id) == disclosure_id))
    rows = [
        {"disclosure_id": disclosure_id, "company_id": company_id, "created_at": now, **fact.model_dump()}
        for fact in facts
    ]
    if rows:
        session.connection().execute(_INSERT_FACT, rows)
    return len(rows)


def insert_facts(session: Session, batch: Sequence[tuple[int, Sequence[Fact]]], *, now: datetime) -> int:
    """Facts of several new disclosures (ids with their facts) in one multi-row INSERT."""
    rows = [
        {"disclosure_id": disclosure_id, "company_id": None, "created_at": now, **fact.model_dump()}
        for disclosure_id, facts in batch
        for fact in facts
    ]
    if rows:
        session.connection().execute(_INSERT_FACT, rows)
    return len(rows)


def to_fact(row: FactRow) -> Fact:
    return Fact.model_validate(row.model_dump(exclude={"id", "disclosure_id", "company_id", "created_at"}))


def facts_of(session: Session, disclosure_id: int) -> Sequence[FactRow]:
    return session.exec(
        select(FactRow).where(FactRow.disclosure_id == disclosure_id).order_by(col(FactRow.id))
    ).all()
