"""The pipeline of one disclosure.

Order, for a polled entry and for `watcher ingest` alike:

1. store the document as a disclosure (dedup by feed entry, then by content hash);
2. only for new or corrected content: attribute it to companies, extract facts
   (pure, `rules.extraction`), store them;
3. score the facts against the watch-list and write alerts with their delivery
   rows, in the same transaction as the facts (`watcher.scoring`);
4. after commit, the caller runs delivery of pending rows (`watcher.delivery`).

A duplicate or unchanged document stops after step 1, which is what makes
"the same disclosure never alerts twice" hold across feeds, restarts and replicas.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from rules.documents import Document
from rules.facts import Fact
from state.db import session_scope
from state.disclosures import (
    KnownContent,
    StoreStatus,
    attribute,
    content_hash,
    insert_disclosures,
    known_content,
    new_disclosure,
    store_disclosure,
)
from state.facts import insert_facts, replace_facts
from state.models import Alert
from watcher.app import App
from watcher.scoring import ScoringCache, score_disclosure

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PipelineOutcome:
    disclosure_id: int
    status: StoreStatus
    facts: int = 0
    alert_ids: tuple[int, ...] = field(default_factory=tuple)


def process_document(
    app: App,
    document: Document,
    *,
    feed_id: int | None = None,
    company_ids: set[int] | None = None,
    source: str = "feed",
) -> PipelineOutcome:
    """Run steps 1-3 in one transaction; nothing is half-written if any step fails."""
    with session_scope(app.engine) as session:
        outcome = process_in_session(
            app, session, document, feed_id=feed_id, company_ids=company_ids or set(), source=source
        )
    _count(app, [outcome])
    return outcome


@dataclass(frozen=True)
class FeedDocuments:
    """One feed's entries for `process_feeds`, with what `process_feed_documents` takes beside them."""

    feed_id: int
    documents: Sequence[Document]
    company_ids: set[int] = field(default_factory=set)
    #: stands in for `app.extractor` (the poller passes one holding facts extracted ahead)
    extractor: Callable[[str], list[Fact]] | None = None


def process_feed_documents(
    app: App,
    documents: Sequence[Document],
    *,
    feed_id: int,
    company_ids: set[int] | None = None,
    source: str = "feed",
    extractor: Callable[[str], list[Fact]] | None = None,
) -> list[PipelineOutcome | Exception]:
    """One feed's entries, in order: an outcome or the error for each (`process_feeds` of one feed)."""
    feed = FeedDocuments(feed_id, documents, company_ids or set(), extractor)
    return process_feeds(app, [feed], source=source)[0]


def process_feeds(
    app: App, feeds: Sequence[FeedDocuments], *, source: str = "feed"
) -> list[list[PipelineOutcome | Exception]]:
    """Several feeds' entries, each in order: an outcome or the error for each entry.

    One transaction for them all, each feed in its own savepoint and each
    entry in one inside that: an entry's disclosure, facts, alert and
    deliveries are written together or not at all, a failing entry is rolled
    back alone while the others go on, and a feed whose reads fail is rolled
    back alone with that error for each of its entries. Each feed's known
    entries and content hashes are read once (an unchanged entry costs no
    further query), and so are the rows scoring needs
    (`watcher.scoring.ScoringCache`, once per transaction). If the
    transaction cannot start or its commit fails, every entry that was to be
    written reports that error. The poller hands over the feeds whose fetches
    finished while the previous transaction ran: one BEGIN and COMMIT for
    several feeds instead of one each.
    """
    done: list[list[PipelineOutcome | Exception]] = []
    try:
        with session_scope(app.engine) as session:
            cache = ScoringCache()
            for feed in feeds:
                try:
                    with session.begin_nested():
                        done.append(_feed_in_session(app, session, feed, source, cache))
                except Exception as exc:
                    log.warning("feed %s: entries not stored: %s", feed.feed_id, exc)
                    done.append([exc] * len(feed.documents))
    except Exception as exc:  # no transaction, or the commit failed: nothing of this batch was stored
        failed = [
            [exc if isinstance(r, PipelineOutcome) and r.status != "unchanged" else r for r in rs]
            for rs in done
        ]
        return failed + [[exc] * len(feed.documents) for feed in feeds[len(done) :]]
    _count(app, [r for results in done for r in results if isinstance(r, PipelineOutcome)])
    return done


def _feed_in_session(
    app: App, session: Session, feed: FeedDocuments, source: str, cache: ScoringCache
) -> list[PipelineOutcome | Exception]:
    """One feed's entries inside the caller's transaction (see `process_feeds`)."""
    documents, feed_id, ids = feed.documents, feed.feed_id, feed.company_ids
    extract = feed.extractor or app.extractor
    digests = [content_hash(d.title, d.text) for d in documents]
    results: list[PipelineOutcome | Exception] = []
    known = known_content(
        session, feed_id, [(d.guid or d.url, h) for d, h in zip(documents, digests, strict=True)]
    )
    fast = _fresh_batch(app, session, documents, digests, feed_id, ids, source, known, extract, cache)
    for index, (document, digest) in enumerate(zip(documents, digests, strict=True)):
        key = document.guid or document.url
        if fast is not None and index in fast:
            results.append(fast[index])
            continue
        stored = known.entries.get(key) if key else None
        if stored is not None and stored[1] == digest:
            results.append(PipelineOutcome(stored[0], "unchanged"))
            continue
        try:
            outcome = _entry_in_savepoint(app, session, document, feed_id, ids, source, known, cache, extract)
        except IntegrityError:
            # Another replica stored this entry since `known` was read: the
            # full path (look-ups first) tells a duplicate from a conflict.
            try:
                outcome = _entry_in_savepoint(
                    app, session, document, feed_id, ids, source, None, cache, extract
                )
            except Exception as exc:
                results.append(exc)
                continue
        except Exception as exc:
            results.append(exc)
            continue
        known.remember(key, outcome.disclosure_id, digest)
        results.append(outcome)
    return results


def _fresh_batch(
    app: App,
    session: Session,
    documents: Sequence[Document],
    digests: Sequence[str],
    feed_id: int,
    company_ids: set[int],
    source: str,
    known: KnownContent,
    extract: Callable[[str], list[Fact]],
    cache: ScoringCache,
) -> dict[int, PipelineOutcome] | None:
    """The common case in a few statements: every entry to write is new to the database.

    When each entry that is not unchanged has a key and content nothing stored
    resembles (and no two of them share a key or content), all of them are
    inserted with one multi-row INSERT and their facts with another, then
    scored one by one in feed order, exactly as the per-entry path would
    (an entry's history only counts disclosures already attributed, so the
    later entries' rows, inserted first, change nothing). Returns outcomes by
    document index, or None to take the per-entry path: when the batch does
    not qualify, or anything fails (the batch's savepoint is rolled back, so
    the per-entry path starts from a clean slate and isolates the bad entry).
    """
    todo: list[int] = []
    keys: set[str] = set()
    hashes: set[str] = set()
    for index, (document, digest) in enumerate(zip(documents, digests, strict=True)):
        key = document.guid or document.url
        stored = known.entries.get(key) if key else None
        if stored is not None and stored[1] == digest:
            continue
        if not key or not known.is_unseen(key, digest) or key in keys or digest in hashes:
            return None
        keys.add(key)
        hashes.add(digest)
        todo.append(index)
    if len(todo) < 2:  # nothing to gain over the per-entry path
        return None
    try:
        with session.begin_nested():
            outcomes = _insert_fresh(
                app,
                session,
                [documents[i] for i in todo],
                [digests[i] for i in todo],
                feed_id,
                company_ids,
                source,
                extract,
                cache,
            )
    except Exception as exc:
        log.info("feed %s: batch insert fell back to one entry at a time: %s", feed_id, exc)
        return None
    for index, outcome in zip(todo, outcomes, strict=True):
        document = documents[index]
        known.remember(document.guid or document.url, outcome.disclosure_id, digests[index])
    return dict(zip(todo, outcomes, strict=True))


def _insert_fresh(
    app: App,
    session: Session,
    documents: list[Document],
    digests: list[str],
    feed_id: int,
    company_ids: set[int],
    source: str,
    extract: Callable[[str], list[Fact]],
    cache: ScoringCache,
) -> list[PipelineOutcome]:
    now = app.clock()
    rows = insert_disclosures(
        session,
        [
            new_disclosure(
                document, digest, guid=document.guid or document.url, now=now, feed_id=feed_id, source=source
            )
            for document, digest in zip(documents, digests, strict=True)
        ],
    )
    all_facts = [extract(document.text) for document in documents]
    ids = [row.id for row in rows if row.id is not None]
    insert_facts(session, list(zip(ids, all_facts, strict=True)), now=now)
    outcomes: list[PipelineOutcome] = []
    for row, facts in zip(rows, all_facts, strict=True):
        assert row.id is not None
        if company_ids:
            attribute(session, row.id, company_ids)
        alert_ids = score_disclosure(
            app, session, disclosure=row, facts=facts, company_ids=company_ids, cache=cache
        )
        outcomes.append(PipelineOutcome(row.id, "new", facts=len(facts), alert_ids=tuple(alert_ids)))
    return outcomes


def _entry_in_savepoint(
    app: App,
    session: Session,
    document: Document,
    feed_id: int,
    company_ids: set[int],
    source: str,
    known: KnownContent | None,
    cache: ScoringCache,
    extract: Callable[[str], list[Fact]] | None = None,
) -> PipelineOutcome:
    """One entry, all-or-nothing inside the batch's transaction."""
    with session.begin_nested():
        return process_in_session(
            app,
            session,
            document,
            feed_id=feed_id,
            company_ids=company_ids,
            source=source,
            known=known,
            cache=cache,
            extractor=extract,
        )


def _count(app: App, outcomes: Sequence[PipelineOutcome]) -> None:
    """Metrics, counted only once the transaction has committed (never rolled-back work)."""
    alert_ids: list[int] = []
    for outcome in outcomes:
        app.metrics.disclosures.labels(status=outcome.status).inc()
        if outcome.facts:
            app.metrics.facts.inc(outcome.facts)
        alert_ids.extend(outcome.alert_ids)
    if alert_ids:
        with Session(app.engine) as session:
            for alert_id in alert_ids:
                alert = session.get(Alert, alert_id)
                if alert is not None:
                    app.metrics.alerts.labels(severity=alert.severity).inc()


def process_in_session(
    app: App,
    session: Session,
    document: Document,
    *,
    feed_id: int | None,
    company_ids: set[int],
    source: str,
    known: KnownContent | None = None,
    digest: str | None = None,
    cache: ScoringCache | None = None,
    extractor: Callable[[str], list[Fact]] | None = None,
) -> PipelineOutcome:
    now = app.clock()
    stored = store_disclosure(
        session, document, now=now, feed_id=feed_id, source=source, known=known, digest=digest
    )
    disclosure = stored.disclosure
    assert disclosure.id is not None
    if not stored.is_news:
        return PipelineOutcome(disclosure.id, stored.status)
    if company_ids:
        attribute(session, disclosure.id, company_ids)
    facts = (extractor or app.extractor)(document.text)
    replace_facts(session, disclosure.id, facts, now=now, fresh=stored.status == "new")
    alert_ids = score_disclosure(
        app, session, disclosure=disclosure, facts=facts, company_ids=company_ids, cache=cache
    )
    return PipelineOutcome(disclosure.id, stored.status, facts=len(facts), alert_ids=tuple(alert_ids))
