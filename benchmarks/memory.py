"""Memory: peak RSS of polling 1,000 feeds, and RSS growth over 500 poll cycles.

    python -m benchmarks.memory [--feeds 1000] [--cycle-feeds 100] [--cycles 500]

Phase 1: one process polls `--feeds` feeds (3 entries each, all new) and then
again (all 304); its peak RSS is reported. Phase 2: in the same process, a
cycle polls `--cycle-feeds` feeds, every tenth cycle with a new entry on a
tenth of them (so the pipeline, not only the 304 path, runs); RSS is sampled
every 50 cycles. Growth worth noting would show as a steady climb after the
first samples (allocator warm-up) together with a climb in live Python objects.
The feed server runs in this process without keeping a request log, so its
own bookkeeping does not count as growth.
"""

from __future__ import annotations

import argparse
import gc
import resource
import tempfile
from pathlib import Path

from state.db import session_scope
from state.feeds import add_feed
from tests.feedserver import FeedServer, press_release
from watcher.app import make_app
from watcher.poller import poll_once
from watcher.settings import load_settings


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--cycle-feeds", type=int, default=100)
    parser.add_argument("--cycles", type=int, default=500)
    args = parser.parse_args()
    server = FeedServer(record_requests=False)
    for i in range(args.feeds):
        feed = server.add_feed(f"/m/{i}.xml", "atom" if i % 4 == 0 else "rss")
        for n in range(3):
            feed.add_entry(press_release(f"Memory Company {i}", n, margin=30 + (i + n) % 20))
    with tempfile.TemporaryDirectory() as tmp:
        app = make_app(load_settings(database_url=f"sqlite:///{Path(tmp) / 'm.db'}", http_port=0))
        with session_scope(app.engine) as session:
            ids = [add_feed(session, server.url(f"/m/{i}.xml"))[0].id for i in range(args.feeds)]
        feed_ids = [i for i in ids if i is not None]
        start = rss_mb()
        first = poll_once(app, force=True)
        second = poll_once(app, force=True)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{args.feeds} feeds: RSS before {start:.0f} MB, peak after first + 304 poll {peak:.0f} MB")
        print(f"  first: {first.line()}")
        print(f"  304:   {second.line()}")

        subset = feed_ids[: args.cycle_feeds]
        samples: list[tuple[int, float, int]] = []
        for cycle in range(1, args.cycles + 1):
            if cycle % 10 == 0:
                for i in range(0, args.cycle_feeds, 10):
                    server.feeds[f"/m/{i}.xml"].add_entry(press_release(f"Memory Company {i}", 100 + cycle))
            poll_once(app, feed_ids=subset, force=True)
            if cycle % 50 == 0 or cycle == 10:
                gc.collect()
                samples.append((cycle, rss_mb(), len(gc.get_objects())))
        app.close()
    server.close()
    print(
        f"{args.cycles} cycles of {args.cycle_feeds} feeds: RSS by cycle "
        + ", ".join(f"{c}: {m:.1f}" for c, m, _ in samples)
    )
    s0, s1 = samples[0], samples[-1]
    print(f"growth from cycle {s0[0]} to {s1[0]}: {s1[1] - s0[1]:+.1f} MB RSS")
    # A leak of Python objects shows here; RSS alone also moves with allocator
    # fragmentation and SQLite's page cache filling up to its bound.
    print(f"live Python objects: {s0[2]:,} at cycle {s0[0]}, {s1[2]:,} at cycle {s1[0]}")


if __name__ == "__main__":
    main()
