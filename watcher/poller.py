"""One polling cycle: claim due feeds, fetch them concurrently, store what is new.

Order within a cycle:

1. claim due feeds in batches (a lease in the database, so replicas never
   poll the same feed at once);
2. fetch each feed (`watcher.fetch`, bounded by `fetch_concurrency`);
3. parse it (`watcher.feedparse`), fetching article pages for entries that
   carry only a short summary;
4. hand the feed's entries to `watcher.pipeline.process_feeds` (store with
   dedup, extract, score): feeds whose entries are ready together are stored
   in one transaction, each feed in its own savepoint; new entries go in with
   multi-row INSERTs, and if anything fails the batch is rolled back to its
   savepoint and redone with one savepoint per entry, so each entry is still
   all-or-nothing;
5. record the feed's outcome (status, error, backoff, validators) and release
   its lease; outcomes finishing together are written in one transaction.

Every feed's outcome is a value; an error in one feed, entry or write is
recorded and the cycle moves on. All database work runs on one worker thread
so the event loop keeps fetching while SQLite sees a single writer. Parsing
and fact extraction (pure, CPU-bound) move to worker processes
(`watcher.cpuwork`) once 16 feeds have been parsed in-process, or at the first
feed to parse in a cycle of 128 feeds or more.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import ParamSpec, TypeVar

from sqlalchemy import bindparam, update
from sqlmodel import Session

from rules.documents import Document
from rules.facts import Fact
from state.db import session_scope
from state.disclosures import content_hash, stored_entry_hashes
from state.feeds import (
    FeedJob,
    PollRecord,
    PollStatus,
    claim_due_feeds,
    count_due_feeds,
    known_entry_keys,
    record_poll,
    record_polls,
    release_leases,
)
from state.models import Feed
from watcher.app import App
from watcher.cpuwork import WorkerPool, extract_all, parse_and_extract, standard_extractor, worker_count
from watcher.feedparse import FeedEntry, FeedParseError, parse_feed
from watcher.fetch import Fetcher, FetchResult
from watcher.pipeline import FeedDocuments, PipelineOutcome, process_feeds
from watcher.source_health import check_source_health, judge_and_alert

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

#: after a stop request, in-flight feeds get this long before they are abandoned
SHUTDOWN_GRACE = timedelta(seconds=5)
#: article pages fetched at once for one feed
ARTICLE_CONCURRENCY = 4
#: once a cycle has parsed this many feeds itself, it starts worker processes
#: for the rest (starting one costs a fraction of a second of CPU: not worth it
#: for a handful of changed feeds, nor for a cycle of 304s)
WORKER_MIN_FEEDS = 16
#: a cycle that has claimed this many feeds starts its workers at the first feed
#: to parse: the poller then never loads the extractor itself, and the workers'
#: start-up overlaps the fetches (a large cycle with only a few changed feeds
#: pays a worker start it did not need, on another core)
WORKER_EARLY_CYCLE = 128
#: feeds stored in one transaction at most (each in its own savepoint)
STORE_BATCH_FEEDS = 32

_FEEDS = Feed.__table__  # type: ignore[attr-defined]
#: the source-health flag, for the few feeds in a batch of outcomes whose flag changes
_SET_FAILURE_ALERTED = (
    update(_FEEDS).where(_FEEDS.c.id == bindparam("feed_id")).values(failure_alerted=bindparam("alerted"))
)


def oldest_first(entries: Sequence[FeedEntry]) -> list[FeedEntry]:
    """Entries in publication order, so each one is scored against the history before it.

    Most feeds list newest first, some oldest first; when every entry carries a
    date that decides, else the usual newest-first listing is reversed. A
    guidance cut stored before the guidance it cuts would never be seen as one.
    """
    reversed_entries = list(reversed(entries))
    dated = [(e.published, e) for e in reversed_entries if e.published is not None]
    if reversed_entries and len(dated) == len(reversed_entries):
        return [e for _, e in sorted(dated, key=lambda pair: pair[0])]  # stable: ties keep order
    return reversed_entries


_StoreRequest = tuple[
    FeedJob,
    list[Document],
    Callable[[str], list[Fact]] | None,
    "asyncio.Future[tuple[tuple[StoredItem, ...], list[str]]]",
]


def make_owner() -> str:
    """A lease owner id unique to this process: host, pid and a random suffix."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True)
class StoredItem:
    """One entry that reached the store, and what the pipeline made of it."""

    feed_id: int
    disclosure_id: int
    status: str
    title: str
    facts: int
    alerts: int


@dataclass(frozen=True)
class FeedOutcome:
    feed_id: int
    url: str
    status: PollStatus
    error: str | None = None
    items: tuple[StoredItem, ...] = ()
    entry_errors: int = 0

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)


@dataclass
class PollSummary:
    """What one cycle did; `disclosures` lists new and updated ones."""

    feeds: int = 0
    ok: int = 0
    not_modified: int = 0
    failed: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    entry_errors: int = 0
    interrupted: bool = False
    disclosures: list[StoredItem] = field(default_factory=list)
    failures: list[tuple[int, str, str]] = field(default_factory=list)

    def add(self, outcome: FeedOutcome) -> None:
        self.feeds += 1
        if outcome.status == "error":
            self.failed += 1
            self.failures.append((outcome.feed_id, outcome.url, outcome.error or "error"))
        elif outcome.status == "not_modified":
            self.not_modified += 1
        else:
            self.ok += 1
        self.new += outcome.count("new")
        self.updated += outcome.count("updated")
        self.unchanged += outcome.count("unchanged")
        self.duplicate += outcome.count("duplicate")
        self.entry_errors += outcome.entry_errors
        self.disclosures.extend(i for i in outcome.items if i.status in ("new", "updated"))

    def line(self) -> str:
        """The one-line summary `watcher poll` prints."""
        text = (
            f"feeds polled: {self.feeds}, new: {self.new}, updated: {self.updated}, "
            f"unchanged: {self.unchanged + self.duplicate + self.not_modified}, failed: {self.failed}"
        )
        if self.not_modified:
            text += f" (not modified: {self.not_modified})"
        if self.interrupted:
            text += " (interrupted)"
        return text


class Poller:
    """Runs cycles for one App; `owner` names this process's leases."""

    def __init__(
        self,
        app: App,
        *,
        owner: str | None = None,
        progress: Callable[[FeedOutcome], None] | None = None,
    ) -> None:
        self.app = app
        self.settings = app.settings
        self.owner = owner or make_owner()
        self.progress = progress
        self._db: ThreadPoolExecutor | None = None
        self._cpu = WorkerPool(0)
        self._parsed = 0
        self._claimed = 0
        self._queue: list[tuple[FeedJob, PollRecord, asyncio.Future[None]]] = []
        self._flusher: asyncio.Task[None] | None = None
        self._stores: list[_StoreRequest] = []
        self._store_flusher: asyncio.Task[None] | None = None

    async def _in_db(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        assert self._db is not None
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._db, lambda: fn(*args, **kwargs))

    def count_due(self, *, feed_ids: Collection[int] | None = None, force: bool = False) -> int:
        """How many feeds a cycle would poll now (for a progress bar's total)."""
        now = self.app.clock()
        with session_scope(self.app.engine) as session:
            return count_due_feeds(session, now, ids=feed_ids, ignore_schedule=force)

    async def run_cycle(
        self,
        *,
        feed_ids: Collection[int] | None = None,
        force: bool = False,
        stop: threading.Event | None = None,
        fetcher: Fetcher | None = None,
    ) -> PollSummary:
        """Poll every due feed once (with `force`, every unpaused feed not yet polled this cycle)."""
        summary = PollSummary()
        cycle_start = self.app.clock()
        concurrency = self.settings.fetch_concurrency
        semaphore = asyncio.Semaphore(concurrency)
        own_fetcher = fetcher is None
        fetcher = fetcher or Fetcher(self.settings)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="watcher-db")
        pending: dict[asyncio.Task[FeedOutcome], FeedJob] = {}
        seen: set[int] = set()
        exhausted = False
        self._cpu = WorkerPool(0)
        self._parsed = 0
        self._claimed = 0
        try:
            while True:
                stopping = stop is not None and stop.is_set()
                if not stopping and not exhausted and len(pending) <= concurrency:
                    want = 2 * concurrency - len(pending)
                    jobs = await self._claim(want, cycle_start if force else None, feed_ids)
                    fresh = [job for job in jobs if job.id not in seen]
                    if len(jobs) < want or len(fresh) < len(jobs):
                        exhausted = True
                    stale = [job.id for job in jobs if job.id in seen]
                    if stale:
                        await self._release(stale)
                    self._claimed += len(fresh)
                    for job in fresh:
                        seen.add(job.id)
                        task = asyncio.create_task(self._poll_feed(job, fetcher, semaphore))
                        pending[task] = job
                if not pending:
                    break
                if stopping:
                    summary.interrupted = True
                    await self._drain(pending, summary)
                    break
                done, _ = await asyncio.wait(pending, timeout=0.2, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    pending.pop(task)
                    self._collect(task, summary)
        finally:
            if own_fetcher:
                await fetcher.aclose()
            self._db.shutdown(wait=True)
            self._db = None
            self._cpu.shutdown()
        return summary

    def _collect(self, task: asyncio.Task[FeedOutcome], summary: PollSummary) -> None:
        outcome = task.result()
        summary.add(outcome)
        if self.progress is not None:
            self.progress(outcome)

    async def _drain(self, pending: dict[asyncio.Task[FeedOutcome], FeedJob], summary: PollSummary) -> None:
        """Stop requested: let in-flight feeds finish briefly, abandon the rest and free their leases."""
        done, still = await asyncio.wait(pending, timeout=SHUTDOWN_GRACE.total_seconds())
        for task in done:
            self._collect(task, summary)
        for task in still:
            task.cancel()
        if still:
            await asyncio.wait(still)
            await self._release([pending[task].id for task in still])
            log.info("shutdown: released %d unfinished feed lease(s)", len(still))
        pending.clear()

    async def _claim(
        self, limit: int, ignore_schedule_before: datetime | None, feed_ids: Collection[int] | None
    ) -> list[FeedJob]:
        def claim() -> list[FeedJob]:
            with session_scope(self.app.engine) as session:
                return claim_due_feeds(
                    session,
                    self.owner,
                    self.app.clock(),
                    limit,
                    self.settings.lease_duration,
                    ids=feed_ids,
                    ignore_schedule_before=ignore_schedule_before,
                )

        try:
            return await self._in_db(claim)
        except Exception as exc:
            log.error("cannot claim feeds: %s", str(exc).splitlines()[0] if str(exc) else exc)
            return []

    async def _release(self, feed_ids: list[int]) -> None:
        def release() -> None:
            with session_scope(self.app.engine) as session:
                release_leases(session, self.owner, feed_ids)

        try:
            await self._in_db(release)
        except Exception as exc:  # leases expire on their own
            log.warning("cannot release leases: %s", exc)

    async def _poll_feed(self, job: FeedJob, fetcher: Fetcher, semaphore: asyncio.Semaphore) -> FeedOutcome:
        """Fetch, parse, store and record one feed; any failure becomes its outcome."""
        started = time.monotonic()
        try:
            async with semaphore:
                result = await fetcher.fetch(job.url, etag=job.etag, last_modified=job.last_modified)
            record, items, entry_errors = await self._handle(job, result, fetcher, semaphore)
        except Exception as exc:  # a bug or a database error: still only this feed fails
            log.exception("feed %s: unexpected error", job.id)
            record, items, entry_errors = PollRecord("error", error=f"internal error: {exc}"), (), 0
        try:
            await self._record_soon(job, record)
        except Exception as exc:
            log.error("feed %s: cannot record poll outcome: %s", job.id, exc)
        # Labels as docs/operations.md lists them.
        if record.status == "error":
            label = "failed"
        elif record.status == "not_modified":
            label = "not_modified"
        else:
            label = "new" if any(i.status in ("new", "updated") for i in items) else "unchanged"
        self.app.metrics.polls.labels(result=label).inc()
        self.app.metrics.poll_duration.observe(time.monotonic() - started)
        return FeedOutcome(job.id, job.url, record.status, record.error, items, entry_errors)

    async def _handle(
        self, job: FeedJob, result: FetchResult, fetcher: Fetcher, semaphore: asyncio.Semaphore
    ) -> tuple[PollRecord, tuple[StoredItem, ...], int]:
        if result.kind == "not_modified":
            return (
                PollRecord("not_modified", etag=result.etag, last_modified=result.last_modified),
                (),
                0,
            )
        if result.kind == "error":
            return PollRecord("error", error=result.error, retry_after=result.retry_after), (), 0
        self._parsed += 1
        if not self._cpu.active and (
            self._parsed == WORKER_MIN_FEEDS or (self._parsed == 1 and self._claimed >= WORKER_EARLY_CYCLE)
        ):
            self._cpu = WorkerPool(worker_count())
        extracted: dict[str, list[Fact]] = {}
        try:
            if self._extracts_ahead() and job.last_polled_at is None:
                # Nothing of a feed never polled is stored: its entries' facts come with the parse.
                parsed, extracted = await self._cpu.call(
                    parse_and_extract, result.content, result.content_type, job.url
                )
            else:
                parse = functools.partial(parse_feed, content_type=result.content_type, url=job.url)
                parsed = await self._cpu.call(parse, result.content)
        except FeedParseError as exc:
            return PollRecord("error", error=str(exc)), (), 0
        entries = oldest_first(parsed.entries)
        documents = await self._documents(job, entries, fetcher, semaphore)
        extractor = await self._extract_ahead(job, documents, extracted)
        items, errors = await self._store_soon(job, documents, extractor)
        record = PollRecord(
            "ok",
            error=errors[0] if errors else None,
            etag=result.etag,
            last_modified=result.last_modified,
            keep_validators=bool(errors),  # re-read the feed next time so failed entries retry
            title=parsed.title,
        )
        return record, items, len(errors)

    async def _documents(
        self, job: FeedJob, entries: list[FeedEntry], fetcher: Fetcher, semaphore: asyncio.Semaphore
    ) -> list[Document]:
        """Entries as documents; summary-only entries not seen before get their article text.

        A summary-only entry already stored is skipped: re-reading its summary
        would overwrite the article text with the shorter summary.
        """
        short: set[str] = {e.key for e in entries if e.summary_only and e.key}
        known: set[str] = await self._in_db(self._known, job.id, short) if short else set()
        to_fetch = [e for e in entries if e.summary_only and e.key not in known]
        articles: dict[str, str] = {}
        if to_fetch:
            limit = asyncio.Semaphore(ARTICLE_CONCURRENCY)

            async def article(entry: FeedEntry) -> None:
                assert entry.link is not None
                async with limit, semaphore:
                    text = await self._article_text(entry.link, fetcher)
                if text:
                    articles[entry.link] = text

            await asyncio.gather(*(article(e) for e in to_fetch))
        documents = []
        for entry in entries:
            if entry.summary_only and entry.key in known:
                continue
            documents.append(entry.to_document(articles.get(entry.link or "")))
        return documents

    def _extracts_ahead(self) -> bool:
        """Workers run, and the extractor is the standard one (a test's own need not be picklable)."""
        return self._cpu.active and self.app.extractor is standard_extractor

    async def _extract_ahead(
        self, job: FeedJob, documents: list[Document], extracted: dict[str, list[Fact]]
    ) -> Callable[[str], list[Fact]] | None:
        """With worker processes: extract the facts of entries not stored yet, before the store.

        Returns an extractor for the pipeline that answers from those results
        (and extracts anything else itself), or None to extract in the pipeline
        as usual: no workers, or an `App.extractor` other than the standard one
        (tests pass their own, which need not be picklable). Which entries are
        stored is read outside the store's transaction; that only decides what
        to extract ahead, never what is written.
        """
        if not self._extracts_ahead() or not documents:
            return None
        keys = [d.guid or d.url for d in documents]
        # A feed never polled has stored nothing yet (at worst, after a lost outcome
        # write, entries already stored are extracted again here: work, not harm).
        wanted = [key for key in keys if key]
        stored: dict[str, str] = {}
        if job.last_polled_at is not None and wanted:
            stored = await self._in_db(self._stored_hashes, job.id, wanted)
        texts = list(
            dict.fromkeys(
                d.text
                for d, key in zip(documents, keys, strict=True)
                if d.text not in extracted
                and (not key or key not in stored or stored[key] != content_hash(d.title, d.text))
            )
        )
        table = dict(extracted)
        if texts:
            table.update(zip(texts, await self._cpu.call(extract_all, texts), strict=True))
        if not table:
            return None
        fallback = self.app.extractor

        def extractor(text: str) -> list[Fact]:
            facts = table.get(text)
            return list(facts) if facts is not None else fallback(text)

        return extractor

    async def _article_text(self, url: str, fetcher: Fetcher) -> str | None:
        """The readable text of an article page linked from a feed, or None (the summary stays)."""
        result = await fetcher.fetch(
            url,
            public_only=not self.settings.fetch_private_links,
            accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        )
        if not result.ok:
            log.info("article %s not fetched: %s", url, result.error)
            return None
        raw = result.content.decode("utf-8", errors="replace")
        from watcher.htmltext import html_to_text  # trafilatura is slow to import; most feeds never need it

        if "html" in result.content_type or "<" in raw[:1000]:
            return await asyncio.to_thread(html_to_text, raw) or None
        return raw.strip() or None

    # -- database work: runs on the single DB thread ------------------------------------

    def _known(self, feed_id: int, keys: set[str]) -> set[str]:
        with session_scope(self.app.engine) as session:
            return known_entry_keys(session, feed_id, keys)

    def _stored_hashes(self, feed_id: int, keys: list[str]) -> dict[str, str]:
        with self.app.engine.connect() as connection:
            return stored_entry_hashes(connection, feed_id, keys)

    async def _store_soon(
        self, job: FeedJob, documents: list[Document], extractor: Callable[[str], list[Fact]] | None
    ) -> tuple[tuple[StoredItem, ...], list[str]]:
        """Queue a feed's entries; feeds waiting together are stored in one transaction.

        While the database thread stores one group, the next gathers; each
        feed keeps its own savepoint (`pipeline.process_feeds`).
        """
        future: asyncio.Future[tuple[tuple[StoredItem, ...], list[str]]]
        future = asyncio.get_running_loop().create_future()
        self._stores.append((job, documents, extractor, future))
        if self._store_flusher is None or self._store_flusher.done():
            self._store_flusher = asyncio.create_task(self._flush_stores())
        return await future

    async def _flush_stores(self) -> None:
        while self._stores:
            batch, self._stores = self._stores[:STORE_BATCH_FEEDS], self._stores[STORE_BATCH_FEEDS:]
            try:
                stored = await self._in_db(self._store, [(job, docs, ex) for job, docs, ex, _ in batch])
            except Exception as exc:
                for *_, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (*_, future), result in zip(batch, stored, strict=True):
                if not future.done():
                    future.set_result(result)

    def _store(
        self, batch: list[tuple[FeedJob, list[Document], Callable[[str], list[Fact]] | None]]
    ) -> list[tuple[tuple[StoredItem, ...], list[str]]]:
        feeds = [
            FeedDocuments(
                job.id, documents, {job.company_id} if job.company_id is not None else set(), extractor
            )
            for job, documents, extractor in batch
        ]
        try:
            outcomes = process_feeds(self.app, feeds)
        except Exception as exc:  # not even started (an unexpected error): every entry failed
            outcomes = [[exc] * len(documents) for _, documents, _ in batch]
        return [
            self._stored_items(job, documents, results)
            for (job, documents, _), results in zip(batch, outcomes, strict=True)
        ]

    @staticmethod
    def _stored_items(
        job: FeedJob, documents: list[Document], results: list[PipelineOutcome | Exception]
    ) -> tuple[tuple[StoredItem, ...], list[str]]:
        items: list[StoredItem] = []
        errors: list[str] = []
        for document, outcome in zip(documents, results, strict=True):
            if isinstance(outcome, Exception):
                message = f"entry {document.guid or document.title[:80]!r}: {_one_line(outcome)}"
                log.warning("feed %s: %s", job.id, message)
                errors.append(message)
                continue
            items.append(
                StoredItem(
                    job.id,
                    outcome.disclosure_id,
                    outcome.status,
                    document.title,
                    outcome.facts,
                    len(outcome.alert_ids),
                )
            )
        return tuple(items), errors

    async def _record_soon(self, job: FeedJob, record: PollRecord) -> None:
        """Queue the outcome; outcomes waiting together are written in one transaction.

        With hundreds of 304s a cycle is mostly bookkeeping, and one commit per
        batch instead of per feed keeps the database thread from becoming the
        bottleneck.
        """
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.append((job, record, future))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush())
        await future

    async def _flush(self) -> None:
        while self._queue:
            batch, self._queue = self._queue, []
            try:
                await self._in_db(self._record_batch, [(job, record) for job, record, _ in batch])
            except Exception as exc:
                for _, _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for _, _, future in batch:
                if not future.done():
                    future.set_result(None)

    def _record_batch(self, batch: list[tuple[FeedJob, PollRecord]]) -> None:
        try:
            with session_scope(self.app.engine) as session:
                recorded = record_polls(
                    session,
                    [(job.id, record) for job, record in batch],
                    owner=self.owner,
                    now=self.app.clock(),
                    default_interval=self.settings.poll_interval,
                    backoff_max=self.settings.backoff_max,
                )
                flags: list[dict[str, object]] = []
                for job, record in batch:
                    if job.id in recorded:
                        state, changes = recorded[job.id]
                        alerted, _ = judge_and_alert(
                            self.app,
                            session,
                            feed_id=job.id,
                            label=changes.get("title") or state.title or state.url,
                            url=state.url,
                            consecutive_failures=changes["consecutive_failures"],
                            last_error=changes["last_error"],
                            failure_alerted=state.failure_alerted,
                            succeeded=record.status != "error",
                        )
                        if alerted != state.failure_alerted:
                            flags.append({"feed_id": job.id, "alerted": alerted})
                if flags:
                    session.connection().execute(_SET_FAILURE_ALERTED, flags)
        except Exception:
            if len(batch) == 1:
                raise
            for job, record in batch:  # one bad row must not lose the others' outcomes
                try:
                    with session_scope(self.app.engine) as session:
                        self._record_in(session, job, record)
                except Exception as exc:
                    log.error("feed %s: cannot record poll outcome: %s", job.id, _one_line(exc))
        for job, record in batch:
            self._log_outcome(job, record)

    def _record_in(self, session: Session, job: FeedJob, record: PollRecord) -> None:
        """One outcome through the ORM: the fallback when a batch of outcomes failed."""
        feed = record_poll(
            session,
            job,
            record,
            owner=self.owner,
            now=self.app.clock(),
            default_interval=self.settings.poll_interval,
            backoff_max=self.settings.backoff_max,
        )
        if feed is not None:
            check_source_health(self.app, session, feed, succeeded=record.status != "error")

    @staticmethod
    def _log_outcome(job: FeedJob, record: PollRecord) -> None:
        """Log a failure once (when it starts or changes), a recovery once."""
        if record.status == "error":
            if job.consecutive_failures == 0 or job.last_error != record.error:
                log.warning("feed %s (%s) failed: %s", job.id, job.url, record.error)
            else:
                log.debug("feed %s still failing: %s", job.id, record.error)
        elif job.consecutive_failures:
            log.info("feed %s (%s) recovered", job.id, job.url)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0][:300] if text else type(exc).__name__) or type(exc).__name__


def poll_once(
    app: App,
    *,
    owner: str | None = None,
    feed_ids: Collection[int] | None = None,
    force: bool = False,
    stop: threading.Event | None = None,
    progress: Callable[[FeedOutcome], None] | None = None,
) -> PollSummary:
    """Run one cycle to completion from synchronous code (the CLI and the scheduler)."""
    poller = Poller(app, owner=owner, progress=progress)
    return asyncio.run(poller.run_cycle(feed_ids=feed_ids, force=force, stop=stop))


__all__ = ["FeedOutcome", "PollSummary", "Poller", "StoredItem", "make_owner", "poll_once"]
