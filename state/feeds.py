"""Feeds: the watched list, leases for polling, and each poll's recorded outcome.

Polling state lives here rather than in the scheduler, so a restart or another
replica picks up exactly where the last poll left off. Leases make several
replicas safe: a feed is polled by whoever claimed it, and a dead replica's
claims expire after the lease duration.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal
from urllib.parse import urlsplit

from sqlalchemy import and_, bindparam, func, or_, update
from sqlmodel import Session, col, select

from state.models import Company, Disclosure, Feed


class FeedError(Exception):
    """A feed operation the user asked for cannot be done; the message says why."""


PollStatus = Literal["ok", "not_modified", "error"]


@dataclass(frozen=True)
class FeedJob:
    """What the poller needs to poll one claimed feed (a plain value, no session attached)."""

    id: int
    url: str
    company_id: int | None
    interval_seconds: int | None
    etag: str | None
    last_modified: str | None
    consecutive_failures: int
    last_error: str | None
    #: None: never polled, so nothing is stored from it yet (the poller skips that look-up)
    last_polled_at: datetime | None = None


@dataclass(frozen=True)
class PollRecord:
    """The outcome of polling one feed, as stored on its row."""

    status: PollStatus
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    #: keep the stored validators (e.g. an entry failed and the feed must be re-read)
    keep_validators: bool = False
    retry_after: timedelta | None = None
    title: str | None = None


def validate_feed_url(url: str) -> str:
    """Accept only absolute http(s) URLs with a host; the message names the problem."""
    clean = url.strip()
    parts = urlsplit(clean)
    if parts.scheme not in ("http", "https"):
        raise FeedError(f"{url!r} is not an http(s) URL")
    if not parts.hostname:
        raise FeedError(f"{url!r} has no host")
    if len(clean) > 2000:
        raise FeedError(f"{url[:60]!r}... is longer than 2000 characters")
    return clean


def add_feed(
    session: Session,
    url: str,
    *,
    company_id: int | None = None,
    interval: timedelta | None = None,
    title: str | None = None,
) -> tuple[Feed, bool]:
    """Insert a feed (due at once); returns (row, created). An existing URL is left as it is."""
    clean = validate_feed_url(url)
    if interval is not None and interval.total_seconds() < 1:
        raise FeedError("the interval must be at least 1s")
    existing = session.exec(select(Feed).where(Feed.url == clean)).first()
    if existing is not None:
        return existing, False
    row = Feed(
        url=clean,
        company_id=company_id,
        interval_seconds=int(interval.total_seconds()) if interval is not None else None,
        title=title[:500] if title else None,
    )
    session.add(row)
    session.flush()
    return row, True


def get_feed(session: Session, feed_id: int) -> Feed:
    feed = session.get(Feed, feed_id)
    if feed is None:
        raise FeedError(f"no feed with id {feed_id}")
    return feed


def list_feeds(session: Session) -> Sequence[tuple[Feed, str | None]]:
    """Every feed with its company's ticker, in id order."""
    rows = session.exec(
        select(Feed, Company.ticker)
        .join(Company, col(Feed.company_id) == col(Company.id), isouter=True)
        .order_by(col(Feed.id))
    ).all()
    return [(feed, ticker) for feed, ticker in rows]


def remove_feed(session: Session, feed_id: int) -> Feed:
    """Delete a feed; its disclosures stay (they may carry alerts) with no feed."""
    feed = get_feed(session, feed_id)
    session.delete(feed)
    session.flush()
    return feed


def set_paused(session: Session, feed_id: int, paused: bool, *, now: datetime) -> Feed:
    """Pause or resume a feed; resuming makes it due at once and forgets its backoff."""
    feed = get_feed(session, feed_id)
    feed.paused = paused
    if not paused:
        feed.next_poll_at = now
        feed.consecutive_failures = 0
    session.add(feed)
    session.flush()
    return feed


def feed_json(feed: Feed, ticker: str | None) -> dict[str, object]:
    return {
        "id": feed.id,
        "url": feed.url,
        "ticker": ticker,
        "title": feed.title,
        "interval_seconds": feed.interval_seconds,
        "paused": feed.paused,
        "last_status": feed.last_status,
        "last_error": feed.last_error,
        "consecutive_failures": feed.consecutive_failures,
        "last_polled_at": feed.last_polled_at.isoformat() if feed.last_polled_at else None,
        "next_poll_at": feed.next_poll_at.isoformat() if feed.next_poll_at else None,
    }


def claim_due_feeds(
    session: Session,
    owner: str,
    now: datetime,
    limit: int,
    lease: timedelta,
    *,
    ids: Collection[int] | None = None,
    ignore_schedule_before: datetime | None = None,
) -> list[FeedJob]:
    """Lease up to `limit` due, unpaused, unleased feeds to `owner`; commits nothing.

    One UPDATE ... WHERE id IN (SELECT ...) RETURNING statement: on PostgreSQL
    the inner SELECT takes `FOR UPDATE SKIP LOCKED`, so concurrent replicas
    claim disjoint feeds without waiting on each other; on SQLite the statement
    runs under the database write lock, which serialises claims the same way.
    An expired lease (its replica died) counts as free.

    `ignore_schedule_before` polls feeds regardless of their next poll time,
    but only those not polled since that moment (a manual `poll --once`).
    `ids` restricts the claim to those feeds.
    """
    if limit <= 0:
        return []
    free = or_(col(Feed.lease_owner).is_(None), col(Feed.lease_expires_at) <= now)
    conditions = [col(Feed.paused).is_(False), free]
    if ignore_schedule_before is not None:
        conditions.append(
            or_(col(Feed.last_polled_at).is_(None), col(Feed.last_polled_at) < ignore_schedule_before)
        )
    else:
        conditions.append(or_(col(Feed.next_poll_at).is_(None), col(Feed.next_poll_at) <= now))
    if ids is not None:
        conditions.append(col(Feed.id).in_(list(ids)))
    pick = (
        select(col(Feed.id))
        .where(and_(*conditions))
        .order_by(col(Feed.next_poll_at).asc().nulls_first(), col(Feed.id))
        .limit(limit)
    )
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    statement = (
        update(Feed)
        .where(col(Feed.id).in_(pick.scalar_subquery()))
        .values(lease_owner=owner, lease_expires_at=now + lease)
        .returning(
            col(Feed.id),
            col(Feed.url),
            col(Feed.company_id),
            col(Feed.interval_seconds),
            col(Feed.etag),
            col(Feed.last_modified),
            col(Feed.consecutive_failures),
            col(Feed.last_error),
            col(Feed.last_polled_at),
        )
        .execution_options(synchronize_session=False)
    )
    rows = session.execute(statement).all()
    jobs = [FeedJob(*row) for row in rows]
    return sorted(jobs, key=lambda job: job.id)


def release_leases(session: Session, owner: str, feed_ids: Collection[int]) -> int:
    """Give back leases without recording a poll (shutdown before the work finished)."""
    if not feed_ids:
        return 0
    result = session.execute(
        update(Feed)
        .where(col(Feed.id).in_(list(feed_ids)), col(Feed.lease_owner) == owner)
        .values(lease_owner=None, lease_expires_at=None)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def backoff_delay(interval: timedelta, failures: int, cap: timedelta) -> timedelta:
    """Exponential backoff: the normal interval after the first failure, doubling up to `cap`."""
    if failures <= 0:
        return interval
    factor: int = 2 ** min(failures - 1, 30)
    delay: timedelta = interval * factor
    return min(delay, cap)


@dataclass(frozen=True)
class PollState:
    """The columns of a feed that recording a poll reads."""

    id: int
    url: str
    title: str | None
    interval_seconds: int | None
    consecutive_failures: int
    last_error: str | None
    lease_owner: str | None
    failure_alerted: bool


def poll_changes(
    state: PollState,
    record: PollRecord,
    *,
    owner: str,
    now: datetime,
    default_interval: timedelta,
    backoff_max: timedelta,
) -> dict[str, Any]:
    """The columns recording this poll sets: outcome, backoff, next poll, validators, title, lease.

    Pure; `record_poll` applies it to an ORM row, `record_polls` to many rows
    at once. The lease is only cleared when we still hold it, so a slow
    replica cannot free another's claim.
    """
    interval = timedelta(seconds=state.interval_seconds) if state.interval_seconds else default_interval
    changes: dict[str, Any] = {"last_polled_at": now, "last_status": record.status}
    if record.status == "error":
        failures = state.consecutive_failures + 1
        changes["consecutive_failures"] = failures
        changes["last_error"] = (record.error or "unknown error")[:2000]
        delay = backoff_delay(interval, failures, backoff_max)
    else:
        changes["consecutive_failures"] = 0
        changes["last_error"] = record.error[:2000] if record.error else None
        delay = interval
        if not record.keep_validators and record.status == "ok":
            changes["etag"] = record.etag[:500] if record.etag else None
            changes["last_modified"] = record.last_modified[:100] if record.last_modified else None
    if record.retry_after is not None:
        delay = min(max(record.retry_after, timedelta(seconds=1)), backoff_max)
    changes["next_poll_at"] = now + delay
    if record.title and not state.title:
        changes["title"] = record.title[:500]
    if state.lease_owner == owner:
        changes["lease_owner"] = None
        changes["lease_expires_at"] = None
    return changes


def _state(feed: Feed) -> PollState:
    assert feed.id is not None
    return PollState(
        feed.id,
        feed.url,
        feed.title,
        feed.interval_seconds,
        feed.consecutive_failures,
        feed.last_error,
        feed.lease_owner,
        feed.failure_alerted,
    )


def record_poll(
    session: Session,
    job: FeedJob,
    record: PollRecord,
    *,
    owner: str,
    now: datetime,
    default_interval: timedelta,
    backoff_max: timedelta,
    flush: bool = True,
) -> Feed | None:
    """Store one poll's outcome on the feed, schedule its next poll and release the lease.

    Returns None when the feed was removed meanwhile (`poll_changes` says what
    is written). `flush=False` leaves the UPDATE to the caller's next flush.
    """
    feed = session.get(Feed, job.id)
    if feed is None:
        return None
    changes = poll_changes(
        _state(feed), record, owner=owner, now=now, default_interval=default_interval, backoff_max=backoff_max
    )
    for name, value in changes.items():
        setattr(feed, name, value)
    session.add(feed)
    if flush:
        session.flush()
    return feed


_FEEDS = Feed.__table__  # type: ignore[attr-defined]
_POLL_STATE = select(  # type: ignore[call-overload]
    _FEEDS.c.id,
    _FEEDS.c.url,
    _FEEDS.c.title,
    _FEEDS.c.interval_seconds,
    _FEEDS.c.consecutive_failures,
    _FEEDS.c.last_error,
    _FEEDS.c.lease_owner,
    _FEEDS.c.failure_alerted,
).where(_FEEDS.c.id.in_(bindparam("ids", expanding=True)))
_UPDATES: dict[tuple[str, ...], Any] = {}


def _update_for(columns: tuple[str, ...]) -> Any:
    """UPDATE feeds SET these columns WHERE id = ?, built once per set of columns."""
    statement = _UPDATES.get(columns)
    if statement is None:
        statement = (
            update(_FEEDS)
            .where(_FEEDS.c.id == bindparam("feed_id"))
            .values({name: bindparam(f"new_{name}") for name in columns})
        )
        _UPDATES[columns] = statement
    return statement


def record_polls(
    session: Session,
    outcomes: Sequence[tuple[int, PollRecord]],
    *,
    owner: str,
    now: datetime,
    default_interval: timedelta,
    backoff_max: timedelta,
) -> dict[int, tuple[PollState, dict[str, Any]]]:
    """`record_poll` for many feeds: one SELECT, and one executemany UPDATE per set of changed columns.

    Plain Core statements (no ORM rows: with hundreds of 304s a cycle is
    mostly this bookkeeping). Returns each recorded feed's state before and
    its changes; removed feeds are left out.
    """
    connection = session.connection()
    ids = sorted({feed_id for feed_id, _ in outcomes})
    states: dict[int, PollState] = {}
    for start in range(0, len(ids), 500):
        rows = connection.execute(_POLL_STATE, {"ids": ids[start : start + 500]}).all()
        states.update({row[0]: PollState(*row) for row in rows})
    done: dict[int, tuple[PollState, dict[str, Any]]] = {}
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for feed_id, record in outcomes:
        state = states.get(feed_id)
        if state is None:
            continue
        changes = poll_changes(
            state, record, owner=owner, now=now, default_interval=default_interval, backoff_max=backoff_max
        )
        done[feed_id] = (state, changes)
        columns = tuple(sorted(changes))
        params = {f"new_{name}": value for name, value in changes.items()}
        shapes.setdefault(columns, []).append({"feed_id": feed_id, **params})
    for columns, params_list in shapes.items():
        connection.execute(_update_for(columns), params_list)
    return done


def known_entry_keys(session: Session, feed_id: int, keys: Collection[str]) -> set[str]:
    """Which of these entry keys (guid or link) this feed has already stored."""
    if not keys:
        return set()
    found = session.exec(
        select(Disclosure.guid).where(Disclosure.feed_id == feed_id, col(Disclosure.guid).in_(list(keys)))
    ).all()
    return {key for key in found if key is not None}


def count_due_feeds(
    session: Session,
    now: datetime,
    *,
    ids: Collection[int] | None = None,
    ignore_schedule: bool = False,
) -> int:
    """How many unpaused feeds are due now (all unpaused ones with `ignore_schedule`)."""
    query = select(func.count()).select_from(Feed).where(col(Feed.paused).is_(False))
    if not ignore_schedule:
        query = query.where(or_(col(Feed.next_poll_at).is_(None), col(Feed.next_poll_at) <= now))
    if ids is not None:
        query = query.where(col(Feed.id).in_(list(ids)))
    return int(session.exec(query).one())
