"""The delivery outbox: claiming, marking and recording delivery rows.

Scoring writes an alert and one `Delivery` row per channel in one transaction;
these functions move a row through ``pending -> sending -> delivered | failed``
(``sending -> pending`` again on a retryable failure).

Every state change is a conditional UPDATE so that two workers (two replicas,
or a worker whose lease ran out) cannot both believe they own a row. Claiming
uses ``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite ignores the
clause and serialises writers with its database lock, so the same code path
is correct on both.

Order: only the *head* of each channel (the row with the lowest alert id that
is not yet delivered or failed) can be claimed, so a channel receives its
alerts in alert order even with several workers, and a follow-up can be
threaded under a first message that is already delivered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, or_, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from state.models import Alert, Delivery

PENDING = "pending"
SENDING = "sending"
DELIVERED = "delivered"
FAILED = "failed"
#: Rows still owed to their channel; they hold back later alerts on it.
OPEN_STATUSES = (PENDING, SENDING)


def idempotency_key(alert_id: int, channel: str) -> str:
    """The shared key shape (see COMMON.md): one per alert and channel."""
    return f"alert-{alert_id}-{channel}"


@dataclass(frozen=True)
class ClaimedDelivery:
    """A claimed row as the worker needs it; plain values, safe outside the session."""

    id: int
    alert_id: int
    channel: str
    idempotency_key: str
    attempts: int
    #: True when the row was found in 'sending' with an expired claim: an earlier
    #: worker may have sent it and died before recording the outcome.
    recovering: bool
    sending_started_at: datetime | None
    thread_ts: str | None


def claim_due(
    session: Session,
    *,
    owner: str,
    now: datetime,
    lease: timedelta,
    limit: int,
) -> list[ClaimedDelivery]:
    """Claim up to `limit` due rows, at most one per channel (its head); caller commits.

    Due means: pending, past its `next_attempt_at`, and not claimed by a live
    lease; or stuck in sending with an expired claim (a crashed worker).

    One ``UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING``:
    on PostgreSQL concurrent workers skip each other's rows; on SQLite the
    statement takes the write lock before it reads, so two processes never
    claim the same row (a SELECT-then-UPDATE transaction could fail to upgrade).
    """
    earlier = aliased(Delivery)
    blocked_by_earlier = exists().where(
        col(earlier.channel) == col(Delivery.channel),
        col(earlier.status).in_(OPEN_STATUSES),
        col(earlier.alert_id) < col(Delivery.alert_id),
    )
    claim_free = or_(col(Delivery.claim_expires_at).is_(None), col(Delivery.claim_expires_at) <= now)
    due = or_(
        and_(
            col(Delivery.status) == PENDING,
            or_(col(Delivery.next_attempt_at).is_(None), col(Delivery.next_attempt_at) <= now),
            claim_free,
        ),
        and_(col(Delivery.status) == SENDING, col(Delivery.claim_expires_at) <= now),
    )
    candidates = (
        select(col(Delivery.id))
        .where(due, ~blocked_by_earlier)
        .order_by(col(Delivery.alert_id), col(Delivery.id))
        .limit(limit)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    returned = session.execute(
        update(Delivery)
        .where(col(Delivery.id).in_(candidates))
        .values(claimed_by=owner, claim_expires_at=now + lease)
        .returning(
            col(Delivery.id),
            col(Delivery.alert_id),
            col(Delivery.channel),
            col(Delivery.idempotency_key),
            col(Delivery.attempts),
            col(Delivery.status),
            col(Delivery.sending_started_at),
            col(Delivery.thread_ts),
        )
    ).all()
    claimed = [
        ClaimedDelivery(
            id=row.id,
            alert_id=row.alert_id,
            channel=row.channel,
            idempotency_key=row.idempotency_key,
            attempts=row.attempts,
            recovering=row.status == SENDING,
            sending_started_at=row.sending_started_at,
            thread_ts=row.thread_ts,
        )
        for row in returned
    ]
    return sorted(claimed, key=lambda c: (c.alert_id, c.id))


def mark_sending(
    session: Session,
    delivery_id: int,
    *,
    owner: str,
    now: datetime,
    lease: timedelta,
    thread_ts: str | None,
) -> bool:
    """Record that a send is about to start; False if the claim is no longer ours.

    Committed before the send, so a crash during or after the send leaves a
    'sending' row that the next worker treats as possibly sent.
    """
    result = session.execute(
        update(Delivery)
        .where(
            col(Delivery.id) == delivery_id,
            col(Delivery.claimed_by) == owner,
            col(Delivery.status).in_(OPEN_STATUSES),
        )
        .values(
            status=SENDING,
            sending_started_at=now,
            attempts=col(Delivery.attempts) + 1,
            claim_expires_at=now + lease,
            thread_ts=thread_ts,
        )
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def record_delivered(
    session: Session,
    delivery_id: int,
    *,
    now: datetime,
    provider_message_id: str | None,
    thread_ts: str | None,
) -> bool:
    """The message is out: never send this row again (unless a user resends it).

    Not conditional on the claim: a success is a fact even if our lease ran out.
    """
    result = session.execute(
        update(Delivery)
        .where(col(Delivery.id) == delivery_id, col(Delivery.status).in_(OPEN_STATUSES))
        .values(
            status=DELIVERED,
            provider_message_id=provider_message_id,
            thread_ts=thread_ts,
            delivered_at=now,
            last_error=None,
            next_attempt_at=None,
            claimed_by=None,
            claim_expires_at=None,
        )
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def record_failure(
    session: Session,
    delivery_id: int,
    *,
    owner: str,
    error: str,
    retry_at: datetime | None,
    count_attempt: bool = False,
) -> bool:
    """A failed send: back to pending until `retry_at`, or failed for good when None.

    `count_attempt` for failures before `mark_sending` (no sender configured),
    so a misconfigured channel also runs out of attempts.
    """
    result = session.execute(
        update(Delivery)
        .where(
            col(Delivery.id) == delivery_id,
            col(Delivery.claimed_by) == owner,
            col(Delivery.status).in_(OPEN_STATUSES),
        )
        .values(
            status=PENDING if retry_at is not None else FAILED,
            attempts=col(Delivery.attempts) + (1 if count_attempt else 0),
            last_error=error[:2000],
            next_attempt_at=retry_at,
            claimed_by=None,
            claim_expires_at=None,
        )
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def release_claim(session: Session, delivery_id: int, *, owner: str) -> None:
    """Give a claimed row back untouched (the worker stopped before sending it)."""
    session.execute(
        update(Delivery)
        .where(
            col(Delivery.id) == delivery_id,
            col(Delivery.claimed_by) == owner,
            col(Delivery.status) == PENDING,
        )
        .values(claimed_by=None, claim_expires_at=None)
    )


def thread_parent(
    session: Session,
    *,
    channel: str,
    company_id: int | None,
    since: datetime,
) -> str | None:
    """The provider id of the first top-level message for this company on this
    channel delivered since `since`: follow-ups go into its thread."""
    if company_id is None:
        return None
    query = (
        select(Delivery.provider_message_id)
        .join(Alert, col(Alert.id) == col(Delivery.alert_id))
        .where(
            col(Delivery.channel) == channel,
            col(Delivery.status) == DELIVERED,
            col(Delivery.thread_ts).is_(None),
            col(Delivery.provider_message_id).is_not(None),
            col(Delivery.delivered_at) >= since,
            col(Alert.company_id) == company_id,
        )
        .order_by(col(Delivery.delivered_at), col(Delivery.id))
        .limit(1)
    )
    return session.exec(query).first()


def requeue(
    session: Session,
    alert_id: int,
    *,
    channels: Sequence[str] | None = None,
) -> list[Delivery]:
    """Queue an alert's delivered or failed rows again (`watcher alerts resend`).

    Rows still pending or sending are left alone: they are on their way. The
    recovery state is cleared so the next send is a fresh one, not a lookup.
    """
    query = select(Delivery).where(
        col(Delivery.alert_id) == alert_id, col(Delivery.status).in_((DELIVERED, FAILED))
    )
    if channels:
        query = query.where(col(Delivery.channel).in_(list(channels)))
    rows = list(session.exec(query.order_by(col(Delivery.id))))
    for row in rows:
        row.status = PENDING
        row.attempts = 0
        row.next_attempt_at = None
        row.claimed_by = None
        row.claim_expires_at = None
        row.sending_started_at = None
        row.last_error = None
        row.thread_ts = None
        session.add(row)
    session.flush()
    return rows


def deliveries_of(session: Session, alert_id: int) -> list[Delivery]:
    return list(
        session.exec(select(Delivery).where(col(Delivery.alert_id) == alert_id).order_by(col(Delivery.id)))
    )
