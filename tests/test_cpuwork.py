"""Worker processes for parsing and extraction (watcher.cpuwork): results, and no orphans."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

from rules.extraction import extract_facts
from tests.feedserver import Entry, Feed, press_release, render
from watcher.cpuwork import WorkerPool, extract_all, parse_and_extract
from watcher.feedparse import parse_feed

TEXT = "Gross margin was 41.5% and the company expects revenue of $100 million to $110 million."

CHILD = """
import asyncio, sys
from watcher.cpuwork import WorkerPool, extract_all
pool = WorkerPool(1)
asyncio.run(pool.call(extract_all, ["warm"]))
print(pool._executor._processes and list(pool._executor._processes), flush=True)
sys.stdin.read()
"""


def test_a_worker_returns_what_the_poller_would_compute() -> None:
    pool = WorkerPool(1)
    try:
        assert pool.active
        got = asyncio.run(pool.call(extract_all, [TEXT, "nothing here"]))
    finally:
        pool.shutdown()
    assert got == [extract_facts(TEXT), extract_facts("nothing here")]
    assert got[0]  # the text has facts: the comparison above is not trivially empty


def test_parse_and_extract_matches_the_two_steps_it_replaces() -> None:
    feed = Feed("/f.xml", "rss", "F", True, "http://127.0.0.1")
    feed.add_entry(press_release("Acme", 1))
    feed.add_entry(press_release("Acme", 2, margin=55.0))
    feed.add_entry(Entry(title="Short one", summary="Revenue grew.", link="http://127.0.0.1/a/3", guid="s3"))
    content = render(feed).encode()
    pool = WorkerPool(1)
    try:
        parsed, facts = asyncio.run(
            pool.call(parse_and_extract, content, "application/rss+xml", "http://x/f")
        )
    finally:
        pool.shutdown()
    assert parsed == parse_feed(content, content_type="application/rss+xml", url="http://x/f")
    full = [e for e in parsed.entries if not e.summary_only]
    assert len(full) == 2
    assert facts == {e.text: extract_facts(e.text) for e in full}  # the summary-only entry waits for its page
    assert all(facts.values())


def test_without_workers_the_call_runs_in_process() -> None:
    pool = WorkerPool(0)
    assert not pool.active
    assert asyncio.run(pool.call(extract_all, [TEXT])) == [extract_facts(TEXT)]


def test_workers_leave_when_the_poller_is_killed() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    workers = [int(pid) for pid in line.strip("[]\n ").split(",") if pid.strip()]
    assert workers
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [pid for pid in workers if _alive(pid)]
    assert not alive


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped by init) counts as gone
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False
