"""Poll throughput with 1 and with 3 `watcher run` replicas on one PostgreSQL database.

    python -m benchmarks.replicas [--feeds 1000] [--latency 0.1] [--replicas 1 3]

N feeds served on 127.0.0.1, each response delayed by `--latency`. For each
replica count, a fresh schema: start the replicas, time until every feed has
been polled once (first poll: every entry new, stored, extracted, scored; the
start-up of the processes included), then make every feed due again and time
until every feed has been polled again (fully 304). Needs PostgreSQL
(`WATCHER_BENCH_POSTGRES_URL`, else `WATCHER_TEST_POSTGRES_URL`, else the local
server on 127.0.0.1:5432).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from benchmarks.pgschema import fresh_schema
from rules.watchlist import CompanySpec, FeedSpec, WatchList
from state.db import open_database, session_scope
from state.models import Feed
from state.watchlist import import_watchlist
from tests.feedserver import FeedServer, press_release
from tests.ops.replicas import Fleet, wait_until


def polled_since(engine: object, mark: object) -> int:
    with Session(engine) as session:  # type: ignore[arg-type]
        query = select(func.count()).select_from(Feed).where(col(Feed.last_polled_at).is_not(None))
        if mark is not None:
            query = query.where(col(Feed.last_polled_at) > mark)
        return int(session.exec(query).one())


def one_run(server: FeedServer, feeds: int, replicas: int, workdir: Path) -> tuple[float, float, int]:
    with fresh_schema() as url:
        engine = open_database(url)
        watchlist = WatchList(
            companies=[
                CompanySpec(
                    ticker="BENCH",
                    name="Bench Corp",
                    feeds=[FeedSpec(url=server.url(f"/b/{i}.xml"), interval=3600) for i in range(feeds)],
                )
            ]
        )
        with session_scope(engine) as session:
            import_watchlist(session, watchlist)
        fleet = Fleet(url, {"tick_interval": "1", "lease_duration": "2m"}, workdir)
        try:
            started = time.perf_counter()
            fleet.start(replicas)
            wait_until(
                lambda: polled_since(engine, None) == feeds, timeout=900, what="first poll", fleet=fleet
            )
            first = time.perf_counter() - started
            with session_scope(engine) as session:
                mark = session.exec(select(func.max(Feed.last_polled_at))).one()
                session.execute(update(Feed).values(next_poll_at=mark))
            started = time.perf_counter()
            wait_until(lambda: polled_since(engine, mark) == feeds, timeout=900, what="304 poll", fleet=fleet)
            second = time.perf_counter() - started
            with Session(engine) as session:
                disclosures = session.exec(select(func.count()).select_from(Feed)).one()
        finally:
            fleet.terminate_all()
            fleet.close()
            engine.dispose()
    return first, second, int(disclosures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--entries", type=int, default=3)
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 3])
    args = parser.parse_args()
    server = FeedServer(latency=args.latency)
    for i in range(args.feeds):
        feed = server.add_feed(f"/b/{i}.xml", "atom" if i % 4 == 0 else "rss")
        for n in range(args.entries):
            feed.add_entry(press_release(f"Bench Company {i}", n, margin=30 + (i + n) % 20))
    print(
        f"{args.feeds} feeds x {args.entries} entries on 127.0.0.1, "
        f"{args.latency * 1000:.0f} ms per response, PostgreSQL"
    )
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for replicas in args.replicas:
                first, second, _ = one_run(server, args.feeds, replicas, Path(tmp))
                print(f"{replicas} replica(s): first poll {first:7.2f} s   fully-304 poll {second:7.2f} s")
    finally:
        server.close()


if __name__ == "__main__":
    main()
