"""`watcher run` end to end: a polled feed's alerts reach Slack (through 429 storms) and
SMTP once each, in order, from a real daemon process."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, col, select

from rules.watchlist import CompanySpec, FeedSpec, WatchList
from state.db import open_database, session_scope
from state.models import Alert, Delivery
from state.watchlist import import_watchlist, load_watchlist_text
from tests.delivery.conftest import run_smtp
from tests.feedserver import Entry, serving
from tests.ops.replicas import Fleet, delivered, wait_until
from tests.slackserver import Reply, SlackServer

ALERTS = 6


def _entries() -> list[Entry]:
    from datetime import UTC, datetime, timedelta

    start = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    return [
        Entry(
            title=f"Storm Corp notice {n} TRIGGER",
            body=f"<p>Storm Corp notice {n}: TRIGGER.</p><p>" + "Filler text. " * 60 + "</p>",
            guid=f"storm-{n}",
            link=f"https://ir.storm.example/notice/{n}",
            published=start + timedelta(minutes=n),
        )
        for n in range(ALERTS)
    ]


def _setup(database_url: str, feed_url: str) -> None:
    engine = open_database(database_url)
    rules = load_watchlist_text("rules:\n  - name: trigger\n    kind: keyword\n    pattern: TRIGGER\n").rules
    with session_scope(engine) as session:
        import_watchlist(
            session,
            WatchList(
                companies=[CompanySpec(ticker="STRM", name="Storm Corp", feeds=[FeedSpec(url=feed_url)])],
                rules=rules,
            ),
        )
    engine.dispose()


def test_run_delivers_every_alert_once_in_order_through_429_storms(sqlite_url: str, tmp_path: Path) -> None:
    with serving() as server, SlackServer() as slack:
        feed = server.add_feed("/storm.xml", "rss")
        for entry in _entries():
            feed.add_entry(entry)
        _setup(sqlite_url, server.url("/storm.xml"))
        # A storm: every message is first refused with 429 (Retry-After 1), some twice.
        slack.script("chat.postMessage", *([Reply.ratelimited(1)] * 2))
        fleet = Fleet(
            sqlite_url,
            {
                "tick_interval": "0.5",
                "slack_bot_token": slack.token,
                "slack_channel": "#alerts",
                "slack_api_url": slack.api_url,
                "thread_window": "0s",  # top-level messages, so order is easy to read
            },
            tmp_path,
        )
        engine = open_database(sqlite_url)
        try:
            fleet.start(1)
            for _ in range(3):
                wait_until(lambda: delivered(engine) >= 1, timeout=60, what="first delivery", fleet=fleet)
                slack.script("chat.postMessage", Reply.ratelimited(1))
            wait_until(lambda: delivered(engine) == ALERTS, timeout=120, what="all alerts", fleet=fleet)
            assert [code for code, _ in fleet.terminate_all()] == [0]
        finally:
            fleet.close()
        messages = slack.messages("C0ALERTS")
        # Every call that did not become a message was answered 429.
        limited = len(slack.calls("chat.postMessage")) - len(messages)
        with Session(engine) as session:
            alerts = session.exec(select(Alert).order_by(col(Alert.id))).all()
            rows = session.exec(select(Delivery)).all()
        engine.dispose()
    assert limited >= 3
    assert len(messages) == ALERTS
    # Once each, and in alert order.
    keys = [m["metadata"]["event_payload"]["idempotency_key"] for m in messages]
    assert keys == [f"alert-{a.id}-slack:#alerts" for a in alerts]
    assert all(r.status == "delivered" and r.provider_message_id for r in rows)
    assert [m["text"].split("notice ")[1].split(" ")[0] for m in messages] == [
        a.title.split("notice ")[1].split(" ")[0] for a in alerts
    ]


def test_run_delivers_every_alert_once_by_smtp(sqlite_url: str, tmp_path: Path) -> None:
    with serving() as server, run_smtp() as smtp:
        feed = server.add_feed("/storm.xml", "atom")
        for entry in _entries():
            feed.add_entry(entry)
        _setup(sqlite_url, server.url("/storm.xml"))
        fleet = Fleet(
            sqlite_url,
            {
                "tick_interval": "0.5",
                "smtp_host": smtp.host,
                "smtp_port": str(smtp.port),
                "email_from": "watcher@example.com",
                "email_to": "pm@example.com",
            },
            tmp_path,
        )
        engine = open_database(sqlite_url)
        try:
            fleet.start(1)
            wait_until(lambda: delivered(engine) == ALERTS, timeout=120, what="all emails", fleet=fleet)
            assert [code for code, _ in fleet.terminate_all()] == [0]
        finally:
            fleet.close()
        with Session(engine) as session:
            alerts = session.exec(select(Alert).order_by(col(Alert.id))).all()
        engine.dispose()
        received = list(smtp.received)
    assert len(received) == ALERTS
    assert all(r.envelope_to == ["pm@example.com"] for r in received)
    subjects = [str(r.message["Subject"]) for r in received]
    assert all(s.startswith("[STRM] warning:") for s in subjects), subjects
    assert len({str(r.message["Message-ID"]) for r in received}) == ALERTS
    order = [a.title.split("notice ")[1].split(" ")[0] for a in alerts]
    bodies = [r.message.get_body(("plain",)) for r in received]
    got = [b.get_content().split("notice ")[1].split(" ")[0] if b is not None else "" for b in bodies]
    assert got == order
