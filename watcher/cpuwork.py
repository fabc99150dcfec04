"""The CPU-bound, pure steps of a poll, shaped to run in a worker process.

A poll of many feeds is CPU-bound in one interpreter (fetching, parsing,
extracting and storing all share one GIL). Parsing a feed and extracting facts
are pure functions of bytes and text, so a large cycle hands them to worker
processes (`WorkerPool`) and the poller's own process keeps fetching and
storing. Inputs and results are plain picklable values; this module imports
only what those two steps need, so a worker starts quickly.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, TypeVar

from rules.facts import Fact

if TYPE_CHECKING:
    from watcher.feedparse import ParsedFeed

log = logging.getLogger(__name__)

T = TypeVar("T")

#: worker processes at most, whatever the machine
MAX_WORKERS = 4


def standard_extractor(text: str) -> list[Fact]:
    """`rules.extraction.extract_facts`, imported on first use.

    Importing the extractor compiles a few hundred regular expressions (about
    half a second); a poll whose extraction runs in worker processes, or a
    cycle of 304s, never needs them in the poller's own process. `App` uses
    this by default; the poller recognises it to send extraction to workers.
    """
    from rules.extraction import extract_facts

    return extract_facts(text)


def extract_all(texts: list[str]) -> list[list[Fact]]:
    """Facts of each text, in order (one round trip to a worker for a whole feed)."""
    from rules.extraction import extract_facts

    return [extract_facts(text) for text in texts]


def parse_and_extract(
    content: bytes, content_type: str, url: str
) -> tuple[ParsedFeed, dict[str, list[Fact]]]:
    """A feed parsed, and the facts of each entry's own text: one round trip for a feed never stored.

    Entries with only a short summary are left out (their document may become
    the linked article's text), and so is a text the extractor failed on; the
    poller extracts whatever is missing.
    Raises FeedParseError as `parse_feed` does.
    """
    from rules.extraction import extract_facts
    from watcher.feedparse import parse_feed

    parsed = parse_feed(content, content_type=content_type, url=url)
    facts: dict[str, list[Fact]] = {}
    for entry in parsed.entries:
        if not entry.summary_only and entry.text not in facts:
            try:
                facts[entry.text] = extract_facts(entry.text)
            except Exception:  # left out: the store extracts it again, and fails only that entry
                log.exception("extraction failed in a worker")
    return parsed, facts


def _warm_up() -> None:
    """Runs first in each worker: its imports overlap the poller's first fetches."""
    import rules.extraction  # noqa: F401
    import watcher.feedparse  # noqa: F401


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: leave as soon as the poller is gone, even killed with -9.

    A worker blocked waiting for work does not notice its parent's death by
    itself; once orphaned its parent id changes, which a daemon thread checks.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="watcher-parent-watch", daemon=True).start()


def worker_count() -> int:
    """One worker per CPU, at most MAX_WORKERS; 0 on a single CPU.

    Not one fewer for the poller: its own process waits on the network and
    the database thread much of the time, and with a single worker on two
    CPUs a 1,000-feed first poll left a core idle whenever the poller waited
    for that worker (about a tenth slower than with two).
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return min(MAX_WORKERS, cpus) if cpus > 1 else 0


class WorkerPool:
    """Worker processes for pure CPU work; `call` runs inline when there are none or they died."""

    def __init__(self, workers: int) -> None:
        self._executor: ProcessPoolExecutor | None = None
        if workers > 0:
            # spawn, not fork: the poller has threads (the database one) when it starts these.
            context = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=_exit_with_parent,
                initargs=(os.getpid(),),
            )
            for _ in range(workers):
                self._executor.submit(_warm_up)

    @property
    def active(self) -> bool:
        return self._executor is not None

    async def call(self, fn: Callable[..., T], *args: object) -> T:
        """fn(*args) in a worker (fn and args picklable); exceptions come back as raised."""
        import asyncio

        executor = self._executor
        if executor is not None:
            try:
                return await asyncio.get_running_loop().run_in_executor(executor, fn, *args)
            except BrokenProcessPool:
                log.warning("a worker process died; parsing and extraction continue in the poller")
                self._executor = None
                executor.shutdown(wait=False, cancel_futures=True)
        return fn(*args)

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
