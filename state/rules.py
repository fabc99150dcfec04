"""Rules in the database: a `RuleRow` holds one validated rule as JSON.

The row's `spec` is the rule's own parameters (what `dump_rule` writes, minus
name, kind and enabled, which have columns); reading a row validates it again,
so a rule that no longer validates (a schema change, a hand-edited row) is
reported, never evaluated as a half-understood dict.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from rules.watchlist import Rule, WatchlistError, parse_rule, rule_parameters
from state.models import RuleRow

log = logging.getLogger(__name__)


class RuleNotFound(LookupError):
    """No rule has that name."""


class RuleExists(ValueError):
    """A rule with that name already exists."""


def to_rule(row: RuleRow) -> Rule:
    """The validated rule of a row; raises `WatchlistError` when it does not validate."""
    return parse_rule({**row.spec, "name": row.name, "kind": row.kind, "enabled": row.enabled})


def _fill(row: RuleRow, rule: Rule, now: datetime | None) -> RuleRow:
    row.name = rule.name
    row.kind = rule.kind
    row.enabled = rule.enabled
    row.spec = rule_parameters(rule)
    if now is not None:
        row.updated_at = now
    return row


def add_rule(session: Session, rule: Rule, *, now: datetime | None = None) -> RuleRow:
    if get_row(session, rule.name) is not None:
        raise RuleExists(f"a rule named {rule.name!r} already exists")
    row = _fill(RuleRow(name=rule.name, kind=rule.kind), rule, None)
    if now is not None:
        row.created_at = now
    session.add(row)
    session.flush()
    return row


def upsert_rule(session: Session, rule: Rule, *, now: datetime | None = None) -> RuleRow:
    """Create or replace the rule of that name (the watch-list import's update by name)."""
    row = get_row(session, rule.name)
    if row is None:
        return add_rule(session, rule, now=now)
    if to_rule_or_none(row) == rule:
        return row
    session.add(_fill(row, rule, now))
    session.flush()
    return row


def to_rule_or_none(row: RuleRow) -> Rule | None:
    try:
        return to_rule(row)
    except WatchlistError:
        return None


def get_row(session: Session, name: str) -> RuleRow | None:
    return session.exec(select(RuleRow).where(RuleRow.name == name)).first()


def require_row(session: Session, name: str) -> RuleRow:
    row = get_row(session, name)
    if row is None:
        raise RuleNotFound(f"no rule named {name!r}")
    return row


def list_rows(session: Session) -> Sequence[RuleRow]:
    return session.exec(select(RuleRow).order_by(col(RuleRow.name))).all()


def remove_rule(session: Session, name: str) -> None:
    session.delete(require_row(session, name))
    session.flush()


def set_enabled(session: Session, name: str, enabled: bool, *, now: datetime | None = None) -> RuleRow:
    row = require_row(session, name)
    row.enabled = enabled
    if now is not None:
        row.updated_at = now
    session.add(row)
    session.flush()
    return row


def enabled_rules(session: Session) -> list[Rule]:
    """Every enabled rule that validates; an invalid stored rule is logged and skipped."""
    rules: list[Rule] = []
    for row in session.exec(
        select(RuleRow).where(col(RuleRow.enabled).is_(True)).order_by(col(RuleRow.id))
    ).all():
        try:
            rules.append(to_rule(row))
        except WatchlistError as exc:
            log.error("rule %r is invalid and was skipped: %s", row.name, exc)
    return rules
