"""Polling benchmark: N feeds on 127.0.0.1 with per-response latency, polled twice.

    python -m benchmarks.poll [--feeds 1000] [--latency 0.1] [--entries 5] [--reader]
                              [--reader-python PATH] [--repeat 1]

Each pass runs as a whole fresh process (start-up included), as a user would
run it: `watcher poll --once` for the first poll (every entry new) and again
for a fully-304 poll. With `--reader`, lemon24/reader (`pip install reader`,
optional; `--reader-python` may name another interpreter that has it) polls the
same server with `update_feeds(workers=16, scheduled=False)`, also once with
new entries and once fully 304. Prints the median wall time of each pass and
the peak RSS of its process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.feedserver import FeedServer, press_release

READER_SETUP = """
import sys
from reader import make_reader
reader = make_reader(sys.argv[1])
for url in open(sys.argv[2]).read().split():
    reader.add_feed(url, exist_ok=True)
reader.close()
"""

READER_UPDATE = """
import sys
from reader import make_reader
reader = make_reader(sys.argv[1])
reader.update_feeds(workers=16, scheduled=False)
print(sum(1 for _ in reader.get_entries()))
reader.close()
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float
    output: str


def run_measured(args: list[str], env: dict[str, str]) -> Run:
    """Run one process to the end; wall time and its own peak RSS (reaped with os.wait4)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(args, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:4])} failed ({proc.returncode}): {stderr.strip()[-500:]}")
    return Run(elapsed, usage.ru_maxrss / 1024, stdout.strip())


def serve(feeds: int, entries: int, latency: float) -> tuple[FeedServer, list[str]]:
    server = FeedServer(latency=latency)
    for i in range(feeds):
        feed = server.add_feed(f"/feeds/{i}.xml", "atom" if i % 4 == 0 else "rss")
        for n in range(entries):
            feed.add_entry(press_release(f"Company {i}", n, margin=30 + (i + n) % 20))
    return server, [server.url(f"/feeds/{i}.xml") for i in range(feeds)]


def bench_watcher(urls: list[str], workdir: Path, repeat: int) -> tuple[list[Run], list[Run]]:
    firsts: list[Run] = []
    seconds: list[Run] = []
    listing = workdir / "feeds.txt"
    listing.write_text("\n".join(urls))
    for attempt in range(repeat):
        db = workdir / f"watcher-{attempt}.db"
        env = {**os.environ, "WATCHER_DATABASE_URL": f"sqlite:///{db}", "WATCHER_HTTP_PORT": "0"}
        watcher = [sys.executable, "-m", "watcher"]
        run_measured([*watcher, "feeds", "import", str(listing)], env)
        firsts.append(run_measured([*watcher, "poll", "--once"], env))
        seconds.append(run_measured([*watcher, "poll", "--once"], env))
    return firsts, seconds


def bench_reader(urls: list[str], workdir: Path, python: str, repeat: int) -> tuple[list[Run], list[Run]]:
    firsts: list[Run] = []
    seconds: list[Run] = []
    listing = workdir / "feeds.txt"
    listing.write_text("\n".join(urls))
    for attempt in range(repeat):
        db = str(workdir / f"reader-{attempt}.sqlite")
        env = dict(os.environ)
        run_measured([python, "-c", READER_SETUP, db, str(listing)], env)
        firsts.append(run_measured([python, "-c", READER_UPDATE, db], env))
        seconds.append(run_measured([python, "-c", READER_UPDATE, db], env))
    return firsts, seconds


def has_reader(python: str) -> bool:
    probe = subprocess.run([python, "-c", "import reader"], capture_output=True)
    return probe.returncode == 0


def report(name: str, first: list[Run], second: list[Run]) -> tuple[float, float]:
    a = statistics.median(r.seconds for r in first)
    b = statistics.median(r.seconds for r in second)
    rss = max(r.peak_rss_mb for r in first + second)
    print(f"{name:8s} first poll {a:7.2f} s   fully-304 poll {b:7.2f} s   peak RSS {rss:6.1f} MB")
    print(f"{'':8s} last output: {first[-1].output.splitlines()[-1] if first[-1].output else ''!s}")
    print(f"{'':8s}              {second[-1].output.splitlines()[-1] if second[-1].output else ''!s}")
    return a, b


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds added to every response")
    parser.add_argument("--entries", type=int, default=5, help="entries per feed")
    parser.add_argument("--repeat", type=int, default=1, help="runs per pass (the median is printed)")
    parser.add_argument("--reader", action="store_true", help="also run lemon24/reader, if installed")
    parser.add_argument("--reader-python", default=sys.executable, help="interpreter that has reader")
    args = parser.parse_args(argv)

    server, urls = serve(args.feeds, args.entries, args.latency)
    print(
        f"{args.feeds} feeds x {args.entries} entries on {server.base}, {args.latency * 1000:.0f} ms latency "
        f"per response; each pass is a whole process (median of {args.repeat})"
    )
    try:
        with tempfile.TemporaryDirectory(prefix="watcher-bench-") as tmp:
            w_first, w_second = report("watcher", *bench_watcher(urls, Path(tmp), args.repeat))
            if args.reader:
                if not has_reader(args.reader_python):
                    print("reader   not installed (pip install reader, or pass --reader-python)")
                    return
                r_first, r_second = report(
                    "reader", *bench_reader(urls, Path(tmp), args.reader_python, args.repeat)
                )
                print(
                    f"watcher / reader: first poll {w_first / r_first:.2f}x, "
                    f"fully-304 poll {w_second / r_second:.2f}x (target <= 0.50x)"
                )
    finally:
        server.close()


if __name__ == "__main__":
    main()
