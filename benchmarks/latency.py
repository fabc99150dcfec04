"""End-to-end latency: a new entry on a feed to its Slack message, through a real `watcher run`.

    python -m benchmarks.latency [--entries 30] [--feeds 10] [--poll-interval 15s] [--tick 1s]

A loopback feed server and a loopback Slack-API server; one `watcher run`
process (SQLite) with the given poll interval. Entries that fire a keyword rule
are published at random moments; latency is the Slack server's arrival time of
the message minus the moment the entry appeared on the feed. With a 15 s poll
interval the expected median is about half the interval plus the pipeline.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlmodel import Session, select

from rules.watchlist import CompanySpec, FeedSpec, WatchList
from state.db import open_database, session_scope
from state.models import Delivery, Disclosure
from state.watchlist import import_watchlist, load_watchlist_text
from tests.feedserver import Entry, FeedServer
from tests.ops.replicas import Fleet, delivered, wait_until
from tests.slackserver import SlackServer
from watcher.durations import parse_duration

PROBE = "LATENCY-PROBE"


def entry(number: int) -> Entry:
    return Entry(
        title=f"Latency Corp notice {number} {PROBE}",
        body=f"<p>Latency Corp notice {number}. {PROBE}.</p><p>" + "Background text. " * 60 + "</p>",
        link=f"http://127.0.0.1:9/unused/{number}",
        guid=f"latency-{number}",
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=30)
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--poll-interval", default="15s")
    parser.add_argument("--tick", default="1s")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    interval = parse_duration(args.poll_interval).total_seconds()
    rng = random.Random(args.seed)
    server = FeedServer()
    for i in range(args.feeds):
        server.add_feed(f"/l/{i}.xml", "rss").add_entry(
            Entry(
                title=f"Latency Corp intro {i}", body="<p>" + "Intro text. " * 60 + "</p>", guid=f"intro-{i}"
            )
        )
    with tempfile.TemporaryDirectory() as tmp, SlackServer() as slack:
        url = f"sqlite:///{Path(tmp) / 'latency.db'}"
        engine = open_database(url)
        rules = load_watchlist_text(
            f"rules:\n  - name: probe\n    kind: keyword\n    pattern: '{PROBE}'\n"
        ).rules
        feeds = [FeedSpec(url=server.url(f"/l/{i}.xml"), interval=int(interval)) for i in range(args.feeds)]
        with session_scope(engine) as session:
            import_watchlist(
                session,
                WatchList(
                    companies=[CompanySpec(ticker="LAT", name="Latency Corp", feeds=feeds)], rules=rules
                ),
            )
        fleet = Fleet(
            url,
            {
                "tick_interval": args.tick,
                "poll_interval": args.poll_interval,
                "slack_bot_token": slack.token,
                "slack_channel": "#alerts",
                "slack_api_url": slack.api_url,
            },
            Path(tmp),
        )
        published: dict[str, float] = {}
        try:
            fleet.start(1)
            time.sleep(interval + 3)  # the intro entries are in; the schedule is steady
            for number in range(args.entries):
                time.sleep(rng.uniform(0.2, interval / 2))
                feed = server.feeds[f"/l/{rng.randrange(args.feeds)}.xml"]
                feed.add_entry(entry(number))
                published[f"notice {number} "] = time.time()
            wait_until(
                lambda: delivered(engine) == args.entries,
                timeout=interval * 4 + 60,
                what="all probes",
                fleet=fleet,
            )
        finally:
            fleet.terminate_all()
            fleet.close()
            server.close()
        stored: list[float] = []
        with Session(engine) as session:
            for title, fetched in session.exec(select(Disclosure.title, Disclosure.fetched_at)).all():
                for token, at in published.items():
                    if token in title + " ":
                        stored.append(fetched.timestamp() - at)
            sends = [
                (d.delivered_at - d.created_at).total_seconds()
                for d in session.exec(select(Delivery)).all()
                if d.delivered_at is not None
            ]
        engine.dispose()
        latencies = []
        for message in slack.messages("C0ALERTS"):
            text = str(message.get("text", ""))
            for token, at in published.items():
                if token in text + " ":
                    latencies.append(float(message["ts"]) - at)
                    break
    print(f"entry on feed -> disclosure stored: p50 {statistics.median(stored):.2f} s")
    print(f"alert stored -> delivery recorded: p50 {statistics.median(sends):.2f} s")
    print(
        f"{len(latencies)} alerts, poll interval {args.poll_interval}, tick {args.tick}: "
        f"p50 {statistics.median(latencies):.2f} s   p95 {percentile(latencies, 0.95):.2f} s   "
        f"max {max(latencies):.2f} s"
    )


if __name__ == "__main__":
    main()
