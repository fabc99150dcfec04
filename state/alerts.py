"""The alert log: one alert per (disclosure, company) with its delivery outbox rows.

An alert and its `Delivery` rows are written in the caller's transaction, the
one that stored the disclosure's facts, so a crash leaves either both or
neither: delivery never misses an alert and never sees a half-written one.
The unique (disclosure_id, company_id) constraint is the last guard of "the same
disclosure never alerts twice"; the pipeline's dedup stops repeats before that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from state.models import Alert, Delivery


@dataclass(frozen=True)
class NewAlert:
    """Everything an alert row holds, decided by the (pure) scoring step."""

    disclosure_id: int
    company_id: int
    ticker: str
    title: str
    url: str | None
    source: str | None
    published: datetime | None
    severity: str
    score: float
    rules: tuple[str, ...]
    matches: tuple[dict[str, Any], ...]
    channels: tuple[str, ...]


def idempotency_key(alert_id: int, channel: str) -> str:
    return f"alert-{alert_id}-{channel}"


def existing_alert(session: Session, disclosure_id: int, company_id: int) -> Alert | None:
    return session.exec(
        select(Alert).where(Alert.disclosure_id == disclosure_id, Alert.company_id == company_id)
    ).first()


def write_alert(session: Session, new: NewAlert, *, now: datetime) -> Alert | None:
    """Insert the alert and one pending delivery per channel; None if it already exists."""
    if existing_alert(session, new.disclosure_id, new.company_id) is not None:
        return None
    alert = Alert(
        kind="disclosure",
        disclosure_id=new.disclosure_id,
        company_id=new.company_id,
        ticker=new.ticker,
        title=new.title,
        url=new.url,
        source=new.source,
        published=new.published,
        severity=new.severity,
        score=new.score,
        rules=list(new.rules),
        matches=list(new.matches),
        created_at=now,
    )
    try:
        with session.begin_nested():
            session.add(alert)
            session.flush()
    except IntegrityError:
        # Another replica alerted on the same (disclosure, company) first.
        return None
    assert alert.id is not None
    for channel in dict.fromkeys(new.channels):
        session.add(
            Delivery(
                alert_id=alert.id,
                channel=channel,
                status="pending",
                idempotency_key=idempotency_key(alert.id, channel),
                next_attempt_at=now,
                created_at=now,
            )
        )
    session.flush()
    return alert


@dataclass(frozen=True)
class AlertView:
    """An alert with its deliveries, as `alerts list/show` print it."""

    alert: Alert
    deliveries: tuple[Delivery, ...]

    def to_json(self, *, full: bool = False) -> dict[str, Any]:
        a = self.alert
        data: dict[str, Any] = {
            "id": a.id,
            "kind": a.kind,
            "ticker": a.ticker,
            "title": a.title,
            "url": a.url,
            "source": a.source,
            "published": a.published.isoformat() if a.published else None,
            "severity": a.severity,
            "score": a.score,
            "rules": list(a.rules),
            "created_at": a.created_at.isoformat(),
            "deliveries": [
                {
                    "channel": d.channel,
                    "status": d.status,
                    "attempts": d.attempts,
                    **({"last_error": d.last_error} if full and d.last_error else {}),
                    **({"delivered_at": d.delivered_at.isoformat()} if full and d.delivered_at else {}),
                }
                for d in self.deliveries
            ],
        }
        if full:
            data["disclosure_id"] = a.disclosure_id
            data["matches"] = list(a.matches)
        return data


def _with_deliveries(session: Session, alerts: Sequence[Alert]) -> list[AlertView]:
    ids = [a.id for a in alerts if a.id is not None]
    by_alert: dict[int, list[Delivery]] = {i: [] for i in ids}
    if ids:
        for delivery in session.exec(
            select(Delivery).where(col(Delivery.alert_id).in_(ids)).order_by(col(Delivery.id))
        ).all():
            by_alert[delivery.alert_id].append(delivery)
    return [AlertView(a, tuple(by_alert.get(a.id or 0, ()))) for a in alerts]


def list_alerts(session: Session, *, ticker: str | None = None, limit: int | None = None) -> list[AlertView]:
    """Newest first; every alert unless a ticker or a limit narrows it."""
    query = select(Alert).order_by(col(Alert.created_at).desc(), col(Alert.id).desc())
    if ticker is not None:
        query = query.where(Alert.ticker == ticker)
    if limit is not None:
        query = query.limit(limit)
    return _with_deliveries(session, session.exec(query).all())


def get_alert(session: Session, alert_id: int) -> AlertView | None:
    alert = session.get(Alert, alert_id)
    return None if alert is None else _with_deliveries(session, [alert])[0]
