"""Operational alerts (about watcher itself, not a disclosure): stored like any alert,
so they go through the same outbox and are delivered exactly once."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from state.models import Alert, Delivery


def write_operational_alert(
    session: Session,
    *,
    title: str,
    severity: str,
    channels: list[str],
    now: datetime,
    source: str | None = None,
    summary: str | None = None,
) -> Alert:
    alert = Alert(
        kind="operational",
        disclosure_id=None,
        title=title,
        url=None,
        source=source,
        published=now,
        severity=severity,
        score=0.0,
        rules=[],
        matches=[
            {
                "rule": "source_health",
                "kind": "operational",
                "severity": severity,
                "summary": summary or title,
                "fact": None,
                "compared_to": None,
            }
        ],
        created_at=now,
    )
    session.add(alert)
    session.flush()
    assert alert.id is not None
    for channel in channels:
        session.add(
            Delivery(
                alert_id=alert.id,
                channel=channel,
                status="pending",
                idempotency_key=f"alert-{alert.id}-{channel}",
                next_attempt_at=now,
                created_at=now,
            )
        )
    session.flush()
    return alert
