"""A feed's entries as one batch: each entry all-or-nothing, dedup as for single entries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, col, func, select

from rules.documents import Document
from rules.facts import Fact
from state.db import open_database, session_scope
from state.models import Disclosure, FactRow, Feed
from watcher.app import App
from watcher.pipeline import FeedDocuments, PipelineOutcome, process_feed_documents, process_feeds
from watcher.settings import Settings

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _fact(text: str) -> Fact:
    return Fact(
        metric="revenue",
        kind="actual",
        value=10.0,
        low=10.0,
        high=10.0,
        unit="usd",
        evidence=text[:40],
        start=0,
        end=min(40, len(text)),
    )


def _extractor(text: str) -> list[Fact]:
    if "EXPLODE" in text:
        raise ValueError("extractor failed on this one")
    return [_fact(text)]


def _app(url: str) -> tuple[App, int]:
    engine = open_database(url)
    app = App(settings=Settings(database_url=url), engine=engine, clock=lambda: NOW, extractor=_extractor)
    with session_scope(engine) as session:
        feed = Feed(url="http://127.0.0.1/feed")
        session.add(feed)
        session.flush()
        assert feed.id is not None
        return app, feed.id


def _statuses(results: list[PipelineOutcome | Exception]) -> list[str]:
    return [r.status if isinstance(r, PipelineOutcome) else "error" for r in results]


def test_batch_dedups_within_and_across_polls(database_url: str) -> None:
    app, feed_id = _app(database_url)
    docs = [
        Document(title="One", text="Revenue was $10 million.", guid="g1"),
        Document(title="Two", text="Revenue was $12 million.", guid="g2"),
        Document(title="one", text="Revenue  was $10 million.", guid="g3"),  # same content as g1
        Document(title="Bad", text="EXPLODE", guid="g4"),
    ]
    first = process_feed_documents(app, docs, feed_id=feed_id)
    assert _statuses(first) == ["new", "new", "duplicate", "error"]
    assert isinstance(first[3], ValueError)
    with Session(app.engine) as session:
        assert session.exec(select(func.count()).select_from(Disclosure)).one() == 2
        assert session.exec(select(func.count()).select_from(FactRow)).one() == 2

    corrected = [*docs[:1], Document(title="Two", text="Revenue was $13 million.", guid="g2"), *docs[2:3]]
    corrected.append(Document(title="Fixed", text="Revenue was $1 million.", guid="g4"))
    second = process_feed_documents(app, corrected, feed_id=feed_id)
    assert _statuses(second) == ["unchanged", "updated", "duplicate", "new"]
    assert isinstance(first[0], PipelineOutcome)
    assert isinstance(second[0], PipelineOutcome)
    assert second[0].disclosure_id == first[0].disclosure_id
    with Session(app.engine) as session:
        assert session.exec(select(func.count()).select_from(FactRow)).one() == 3
        updated = session.exec(select(Disclosure).where(Disclosure.guid == "g2")).one()
        assert updated.revision == 2
        assert "13" in updated.text
    app.engine.dispose()


def test_failed_entry_leaves_nothing_half_written(sqlite_url: str) -> None:
    app, feed_id = _app(sqlite_url)
    results = process_feed_documents(app, [Document(title="Bad", text="EXPLODE", guid="x")], feed_id=feed_id)
    assert _statuses(results) == ["error"]
    with Session(app.engine) as session:
        assert session.exec(select(func.count()).select_from(Disclosure)).one() == 0
    app.engine.dispose()


@pytest.mark.parametrize("count", [1, 7])
def test_metrics_count_committed_outcomes(sqlite_url: str, count: int) -> None:
    app, feed_id = _app(sqlite_url)
    docs = [Document(title=f"T{i}", text=f"Revenue was ${i} million.", guid=f"g{i}") for i in range(count)]
    assert _statuses(process_feed_documents(app, docs, feed_id=feed_id)) == ["new"] * count
    assert app.metrics.disclosures.labels(status="new")._value.get() == count
    app.engine.dispose()


def test_feeds_stored_together_stay_separate(database_url: str) -> None:
    """One transaction for several feeds: dedup sees the earlier feeds, failures stay in their entry."""
    app, first_feed = _app(database_url)
    with session_scope(app.engine) as session:
        other = Feed(url="http://127.0.0.1/other")
        session.add(other)
        session.flush()
        assert other.id is not None
        second_feed = other.id
    one = [
        Document(title="One", text="Revenue was $10 million.", guid="a1"),
        Document(title="Two", text="Revenue was $12 million.", guid="a2"),
    ]
    two = [
        Document(title="Bad", text="EXPLODE", guid="b1"),
        Document(title="ONE", text="Revenue was  $10 million.", guid="b2"),  # the same story as a1
        Document(title="Three", text="Revenue was $14 million.", guid="b3"),
    ]
    results = process_feeds(app, [FeedDocuments(first_feed, one), FeedDocuments(second_feed, two)])
    assert [_statuses(r) for r in results] == [["new", "new"], ["error", "duplicate", "new"]]
    with Session(app.engine) as session:
        feeds = session.exec(select(Disclosure.feed_id).order_by(col(Disclosure.id))).all()
        assert feeds == [first_feed, first_feed, second_feed]
        assert session.exec(select(func.count()).select_from(FactRow)).one() == 3
    assert app.metrics.disclosures.labels(status="new")._value.get() == 3
    app.engine.dispose()
