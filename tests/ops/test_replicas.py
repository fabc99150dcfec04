"""Three `watcher run` replicas on one PostgreSQL database share 300 feeds without losing or
doubling anything, also when one of them is killed with SIGKILL in the middle of a cycle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

from rules.watchlist import CompanySpec, FeedSpec, WatchList
from state.db import open_database, session_scope
from state.models import Alert, Delivery, Disclosure, Feed
from state.watchlist import import_watchlist, load_watchlist_text
from tests.feedserver import Entry, FeedServer, serving
from tests.ops.replicas import Fleet, count, delivered, leases_of, wait_until
from tests.slackserver import SlackServer

pytestmark = pytest.mark.postgres

FEEDS = 300
KEYWORD = "RED FLAG"


def _entry(feed: int, number: int, *, alert: bool) -> Entry:
    flag = f" {KEYWORD}" if alert else ""
    return Entry(
        title=f"Replica Holdings unit {feed} update {number}{flag}",
        body=(
            f"<p>Replica Holdings unit {feed} published update {number} about site works.{flag}</p>"
            f"<p>This paragraph makes the entry long enough to be full content rather than a summary, "
            f"so no article page is fetched. Unit {feed}, note {number}. " + "Filler text. " * 50 + "</p>"
        ),
        link=f"http://127.0.0.1:9/unused/{feed}/{number}",
        guid=f"replica-{feed}-{number}",
    )


def _publish(server: FeedServer, number: int, alerting: set[int]) -> None:
    for i in range(FEEDS):
        server.feeds[f"/r/{i}.xml"].add_entry(_entry(i, number, alert=i in alerting))


def _slack_keys(slack: SlackServer) -> list[str]:
    keys = []
    for message in slack.messages("C0ALERTS"):
        payload = (message.get("metadata") or {}).get("event_payload") or {}
        keys.append(str(payload.get("idempotency_key")))
    return keys


def test_three_replicas_share_feeds_and_survive_a_kill(postgres_url: str, tmp_path: Path) -> None:
    engine = open_database(postgres_url)
    with serving(latency=0.15) as server, SlackServer() as slack:
        for i in range(FEEDS):
            server.add_feed(f"/r/{i}.xml", "rss" if i % 2 else "atom")
        _publish(server, 1, alerting=set())
        rule_yaml = f"rules:\n  - name: red-flag\n    kind: keyword\n    pattern: '{KEYWORD}'\n"
        rules = load_watchlist_text(rule_yaml).rules
        watchlist = WatchList(
            companies=[
                CompanySpec(
                    ticker="REPL",
                    name="Replica Holdings",
                    feeds=[FeedSpec(url=server.url(f"/r/{i}.xml"), interval=1) for i in range(FEEDS)],
                )
            ],
            rules=rules,
        )
        with session_scope(engine) as session:
            import_watchlist(session, watchlist)

        fleet = Fleet(
            postgres_url,
            {
                "tick_interval": "0.5",
                "poll_interval": "1s",
                "lease_duration": "4s",
                "slack_bot_token": slack.token,
                "slack_channel": "#alerts",
                "slack_api_url": slack.api_url,
                "log_format": "json",
            },
            tmp_path,
        )
        try:
            fleet.start(3)
            wait_until(
                lambda: count(engine, Disclosure) == FEEDS, timeout=120, what="first entries", fleet=fleet
            )

            # New entries while all three run; ten of them fire the rule.
            _publish(server, 2, alerting=set(range(0, FEEDS, 30)))
            wait_until(
                lambda: count(engine, Disclosure) == 2 * FEEDS,
                timeout=120,
                what="second entries",
                fleet=fleet,
            )
            wait_until(lambda: delivered(engine) == 10, timeout=120, what="first ten alerts", fleet=fleet)

            # Kill one replica while it holds leases (in the middle of a cycle).
            victim = fleet.procs[0].pid
            wait_until(
                lambda: leases_of(engine, victim) > 0, timeout=60, what="victim holding leases", fleet=fleet
            )
            fleet.kill(0)
            orphaned = leases_of(engine, victim)
            _publish(server, 3, alerting=set(range(15, FEEDS, 30)))
            wait_until(
                lambda: count(engine, Disclosure) == 3 * FEEDS, timeout=180, what="third entries", fleet=fleet
            )
            wait_until(lambda: delivered(engine) == 20, timeout=120, what="all twenty alerts", fleet=fleet)
            wait_until(
                lambda: leases_of(engine, victim) == 0, timeout=60, what="dead leases taken over", fleet=fleet
            )

            exits = fleet.terminate_all(timeout=10)
        finally:
            fleet.close()

        assert orphaned > 0, "the kill should have left leases behind to take over"
        assert [code for code, _ in exits] == [0, 0], fleet.logs()
        assert all(seconds < 10 for _, seconds in exits)

        with Session(engine) as session:
            per_entry = session.exec(
                select(Disclosure.feed_id, Disclosure.guid, func.count())
                .group_by(col(Disclosure.feed_id), col(Disclosure.guid))
                .having(func.count() > 1)
            ).all()
            assert per_entry == []
            assert count(engine, Disclosure) == 3 * FEEDS
            alerts = session.exec(select(Alert)).all()
            assert len(alerts) == 20
            assert all(KEYWORD in a.title for a in alerts)
            deliveries = session.exec(select(Delivery)).all()
            assert len(deliveries) == 20
            assert {d.status for d in deliveries} == {"delivered"}
            # Every feed was polled after the kill, the victim's included.
            assert (
                session.exec(
                    select(func.count()).select_from(Feed).where(col(Feed.lease_owner).is_not(None))
                ).one()
                == 0
            )

        keys = _slack_keys(slack)
        assert len(keys) == 20, json.dumps(keys)
        assert len(set(keys)) == 20
        assert sorted(keys) == sorted(d.idempotency_key for d in deliveries)
    engine.dispose()
