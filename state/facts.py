"""Storing facts and reading them back as `rules.facts.Fact` records."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlmodel import Session, col, delete, select

from rules.facts import Fact
from state.models import FactRow


def replace_facts(
    session: Session,
    disclosure_id: int,
    facts: Iterable[Fact],
    *,
    now: datetime,
    company_id: int | None = None,
) -> list[FactRow]:
    """Store a disclosure's facts, replacing earlier ones (a corrected release re-extracts)."""
    session.exec(delete(FactRow).where(col(FactRow.disclosure_id) == disclosure_id))
    rows = [
        FactRow(disclosure_id=disclosure_id, company_id=company_id, created_at=now, **fact.model_dump())
        for fact in facts
    ]
    session.add_all(rows)
    session.flush()
    return rows


def to_fact(row: FactRow) -> Fact:
    return Fact.model_validate(row.model_dump(exclude={"id", "disclosure_id", "company_id", "created_at"}))


def facts_of(session: Session, disclosure_id: int) -> Sequence[FactRow]:
    return session.exec(
        select(FactRow).where(FactRow.disclosure_id == disclosure_id).order_by(col(FactRow.id))
    ).all()
