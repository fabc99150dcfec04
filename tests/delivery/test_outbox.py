"""The outbox on SQLite and PostgreSQL: claims, leases, order, concurrent workers, backoff."""

from __future__ import annotations

import random
import threading
from datetime import timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from state import deliveries as store
from state.db import session_scope
from state.models import Delivery
from tests.delivery.conftest import NOW, FakeClock, add_alert, build_app, delivery, slack_settings
from tests.slackserver import SlackServer
from watcher.delivery import deliver_pending
from watcher.delivery.outbox import Pacer, backoff

LEASE = timedelta(minutes=2)


def _claim(engine: Engine, owner: str, *, limit: int = 10) -> list[store.ClaimedDelivery]:
    with session_scope(engine) as session:
        return store.claim_due(session, owner=owner, now=NOW, lease=LEASE, limit=limit)


def test_claim_takes_one_head_per_channel_in_alert_order(engine: Engine) -> None:
    a = add_alert(engine, channels=["slack:#alerts", "email:pm@example.com"])
    b = add_alert(engine, channels=["slack:#alerts"], ticker="OTHR")

    claimed = _claim(engine, "w1")

    assert [(c.alert_id, c.channel) for c in claimed] == [(a, "slack:#alerts"), (a, "email:pm@example.com")]
    assert all(c.idempotency_key == f"alert-{a}-{c.channel}" for c in claimed)
    # Claimed rows are leased: another worker gets nothing, not even b (it waits behind a).
    assert _claim(engine, "w2") == []
    assert delivery(engine, b).claimed_by is None


def test_expired_claim_is_taken_over_and_sending_row_is_marked_recovering(engine: Engine) -> None:
    alert_id = add_alert(engine, channels=["console"])
    [row] = _claim(engine, "w1")
    with session_scope(engine) as session:
        assert store.mark_sending(session, row.id, owner="w1", now=NOW, lease=LEASE, thread_ts=None)
    with session_scope(engine) as session:
        assert store.claim_due(session, owner="w2", now=NOW + LEASE / 2, lease=LEASE, limit=5) == []
    with session_scope(engine) as session:
        [again] = store.claim_due(session, owner="w2", now=NOW + LEASE * 2, lease=LEASE, limit=5)
    assert again.recovering
    assert again.sending_started_at == NOW
    assert again.attempts == 1
    # The old owner lost its claim: its late failure report is ignored.
    with session_scope(engine) as session:
        assert not store.record_failure(session, row.id, owner="w1", error="late", retry_at=None)
    assert delivery(engine, alert_id).claimed_by == "w2"


def test_recorded_success_is_never_claimed_again(engine: Engine) -> None:
    alert_id = add_alert(engine, channels=["console"])
    [row] = _claim(engine, "w1")
    with session_scope(engine) as session:
        store.record_delivered(session, row.id, now=NOW, provider_message_id="x", thread_ts=None)
        # A stale worker cannot turn it back into a failure either.
        assert not store.record_failure(session, row.id, owner="w1", error="late", retry_at=None)
    with session_scope(engine) as session:
        assert store.claim_due(session, owner="w2", now=NOW + timedelta(days=9), lease=LEASE, limit=5) == []
    assert delivery(engine, alert_id).status == "delivered"


def test_stuck_sending_row_with_nothing_sent_is_sent_once(engine: Engine, slack: SlackServer) -> None:
    """Crash after marking 'sending' but before the post: the lookup finds nothing, so it posts."""
    alert_id = add_alert(engine, channels=["slack:#alerts"])
    [row] = _claim(engine, "dead-worker")
    with session_scope(engine) as session:
        store.mark_sending(session, row.id, owner="dead-worker", now=NOW, lease=LEASE, thread_ts=None)

    clock = FakeClock(NOW + timedelta(minutes=10))
    assert deliver_pending(build_app(engine, clock, **slack_settings(slack))).delivered == 1

    assert len(slack.calls("conversations.history")) == 1
    assert len(slack.messages()) == 1
    assert (delivery(engine, alert_id).status, delivery(engine, alert_id).attempts) == ("delivered", 2)


def test_two_concurrent_workers_deliver_each_alert_once_in_order(engine: Engine, slack: SlackServer) -> None:
    for n in range(12):
        add_alert(engine, channels=["slack:#alerts"], ticker=f"T{n % 3}", title=f"story {n}")
    barrier = threading.Barrier(2)

    def work(owner: str) -> None:
        app = build_app(engine, FakeClock(), **slack_settings(slack))
        barrier.wait()
        deliver_pending(app, owner=owner)

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    posted = [m["blocks"][1]["text"]["text"].split("|")[1].rstrip(">*") for m in slack.messages()]
    assert posted == [f"story {n}" for n in range(12)]
    with Session(engine) as session:
        rows = list(session.exec(select(Delivery)))
    assert {r.status for r in rows} == {"delivered"}
    assert all(r.attempts == 1 for r in rows)


def test_limit_bounds_the_work_of_one_call(engine: Engine) -> None:
    for n in range(3):
        add_alert(engine, channels=["console"], ticker=f"T{n}")
    app = build_app(engine, FakeClock())
    assert deliver_pending(app, limit=2).delivered == 2
    assert deliver_pending(app).delivered == 1


def test_backoff_grows_exponentially_with_bounded_jitter() -> None:
    rng = random.Random(7)
    base, cap = timedelta(seconds=30), timedelta(hours=6)
    for attempts in range(1, 12):
        full = min(cap, base * 2 ** (attempts - 1))
        delays = {backoff(attempts, base=base, cap=cap, rng=rng) for _ in range(20)}
        assert all(full / 2 <= d <= full for d in delays)
        assert len(delays) > 1  # jittered
    assert backoff(30, base=base, cap=cap, rng=rng) <= cap


def test_pacer_spaces_sends_per_channel() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = Pacer(1.0, monotonic=lambda: now[0], sleep=sleep)
    pacer.wait("slack:#a")
    pacer.wait("slack:#b")
    now[0] += 0.25
    pacer.wait("slack:#a")
    assert slept == [0.75]
