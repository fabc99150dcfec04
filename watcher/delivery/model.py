"""The alert as the renderers see it: plain, immutable values read from the row.

Renderers take this record (not the SQLModel row) so they stay pure and can be
tested with values built by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from state.models import Alert


@dataclass(frozen=True)
class MatchView:
    """One fired rule: its one-line summary and the sentence it came from."""

    rule: str
    severity: str
    summary: str
    evidence: str


@dataclass(frozen=True)
class AlertView:
    id: int
    ticker: str | None
    title: str
    url: str | None
    source: str | None
    published: datetime | None
    severity: str
    score: float
    kind: str = "disclosure"
    company_id: int | None = None
    matches: tuple[MatchView, ...] = field(default_factory=tuple)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def match_view(raw: dict[str, Any]) -> MatchView:
    """Tolerant of missing keys: a malformed match still renders, never crashes a send."""
    fact = raw.get("fact") if isinstance(raw.get("fact"), dict) else {}
    assert isinstance(fact, dict)
    return MatchView(
        rule=_text(raw.get("rule")),
        severity=_text(raw.get("severity")) or "warning",
        summary=_text(raw.get("summary")),
        evidence=_text(fact.get("evidence")),
    )


def alert_view(alert: Alert) -> AlertView:
    assert alert.id is not None
    return AlertView(
        id=alert.id,
        ticker=alert.ticker,
        title=alert.title,
        url=alert.url,
        source=alert.source,
        published=alert.published,
        severity=alert.severity,
        score=alert.score,
        kind=alert.kind,
        company_id=alert.company_id,
        matches=tuple(match_view(m) for m in alert.matches if isinstance(m, dict)),
    )
