"""Feed leases: replicas never poll the same feed at once; a dead replica's leases expire."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from state.db import open_database, session_scope
from state.feeds import (
    FeedJob,
    PollRecord,
    add_feed,
    claim_due_feeds,
    record_poll,
    release_leases,
    set_paused,
)
from state.models import Feed

NOW = datetime(2024, 6, 3, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=2)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = open_database(database_url)
    yield engine
    engine.dispose()


def seed(engine: Engine, n: int) -> list[int]:
    with session_scope(engine) as session:
        return [add_feed(session, f"https://feeds.example.com/{i}.xml")[0].id or 0 for i in range(n)]


def claim(engine: Engine, owner: str, limit: int, now: datetime = NOW) -> list[FeedJob]:
    with session_scope(engine) as session:
        return claim_due_feeds(session, owner, now, limit, LEASE)


def test_two_owners_claim_disjoint_feeds(engine: Engine) -> None:
    ids = seed(engine, 10)
    first = claim(engine, "a", 6)
    second = claim(engine, "b", 6)
    assert len(first) == 6
    assert len(second) == 4
    assert {j.id for j in first} | {j.id for j in second} == set(ids)
    assert not {j.id for j in first} & {j.id for j in second}
    assert claim(engine, "c", 10) == []


def test_expired_leases_are_taken_over(engine: Engine) -> None:
    seed(engine, 3)
    assert len(claim(engine, "dead-replica", 10)) == 3
    assert claim(engine, "b", 10, NOW + LEASE - timedelta(seconds=1)) == []
    assert len(claim(engine, "b", 10, NOW + LEASE)) == 3


def test_recording_releases_only_our_own_lease(engine: Engine) -> None:
    (fid,) = seed(engine, 1)
    (job,) = claim(engine, "a", 1)
    with session_scope(engine) as session:
        record_poll(
            session,
            job,
            PollRecord("ok", etag='"v1"'),
            owner="someone-else",
            now=NOW,
            default_interval=timedelta(minutes=10),
            backoff_max=timedelta(hours=1),
        )
        row = session.get(Feed, fid)
        assert row is not None
        assert row.lease_owner == "a"
        assert row.etag == '"v1"'
        record_poll(
            session,
            job,
            PollRecord("ok"),
            owner="a",
            now=NOW,
            default_interval=timedelta(minutes=10),
            backoff_max=timedelta(hours=1),
        )
        assert row.lease_owner is None
        assert row.next_poll_at == NOW + timedelta(minutes=10)


def test_release_makes_feeds_claimable_again_and_paused_feeds_are_never_claimed(engine: Engine) -> None:
    ids = seed(engine, 3)
    with session_scope(engine) as session:
        set_paused(session, ids[2], True, now=NOW)
    jobs = claim(engine, "a", 10)
    assert {j.id for j in jobs} == set(ids[:2])
    with session_scope(engine) as session:
        assert release_leases(session, "a", [j.id for j in jobs]) == 2
    assert {j.id for j in claim(engine, "b", 10)} == set(ids[:2])


def test_not_due_feeds_are_not_claimed(engine: Engine) -> None:
    (fid,) = seed(engine, 1)
    with session_scope(engine) as session:
        row = session.get(Feed, fid)
        assert row is not None
        row.next_poll_at = NOW + timedelta(minutes=1)
        session.add(row)
    assert claim(engine, "a", 10) == []
    assert len(claim(engine, "a", 10, NOW + timedelta(minutes=1))) == 1


def test_concurrent_claims_on_postgres_never_overlap(postgres_url: str) -> None:
    engine = open_database(postgres_url)
    try:
        ids = seed(engine, 300)
        claimed: dict[str, list[int]] = {}
        barrier = threading.Barrier(6)

        def worker(owner: str) -> None:
            got: list[int] = []
            barrier.wait()
            while True:
                jobs = claim(engine, owner, 7)
                if not jobs:
                    break
                got.extend(j.id for j in jobs)
            claimed[owner] = got

        threads = [threading.Thread(target=worker, args=(f"owner-{i}",)) for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        every = [fid for got in claimed.values() for fid in got]
        assert sorted(every) == sorted(ids)  # each feed claimed exactly once
        assert sum(1 for got in claimed.values() if got) >= 2  # the work was really shared
        with session_scope(engine) as session:
            owners = {row.lease_owner for row in session.exec(select(Feed)).all()}
        assert owners <= set(claimed)
    finally:
        engine.dispose()
