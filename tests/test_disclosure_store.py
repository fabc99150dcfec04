"""Disclosure dedup: by feed entry, by content across feeds, corrections as updates."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, func, select

from rules.documents import Document
from state.db import open_database
from state.disclosures import content_hash, store_disclosure
from state.models import Disclosure, Feed

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _feeds(session: Session) -> tuple[int, int]:
    a, b = Feed(url="http://127.0.0.1/a"), Feed(url="http://127.0.0.1/b")
    session.add_all([a, b])
    session.flush()
    assert a.id is not None
    assert b.id is not None
    return a.id, b.id


def test_same_entry_twice_is_unchanged_and_correction_is_update(database_url: str) -> None:
    engine = open_database(database_url)
    with Session(engine) as session:
        feed_a, _ = _feeds(session)
        doc = Document(title="Q3 results", text="Revenue was $10 million.", guid="g1", url="http://x/1")
        assert store_disclosure(session, doc, now=NOW, feed_id=feed_a).status == "new"
        assert store_disclosure(session, doc, now=NOW, feed_id=feed_a).status == "unchanged"
        corrected = doc.model_copy(update={"text": "Revenue was $11 million."})
        outcome = store_disclosure(session, corrected, now=NOW, feed_id=feed_a)
        assert outcome.status == "updated"
        assert outcome.disclosure.revision == 2
        assert session.exec(select(func.count()).select_from(Disclosure)).one() == 1
    engine.dispose()


def test_same_story_on_two_feeds_is_one_disclosure(database_url: str) -> None:
    engine = open_database(database_url)
    with Session(engine) as session:
        feed_a, feed_b = _feeds(session)
        first = Document(title="Big News", text="Contracted  power rose to 1.1 GW.", guid="wire-1")
        second = Document(title="big news", text="Contracted power rose to 1.1 GW.\n", guid="ir-77")
        assert store_disclosure(session, first, now=NOW, feed_id=feed_a).status == "new"
        again = store_disclosure(session, second, now=NOW, feed_id=feed_b)
        assert again.status == "duplicate"
        manual = store_disclosure(session, first, now=NOW, source="ingest")
        assert manual.status == "duplicate"
        assert session.exec(select(func.count()).select_from(Disclosure)).one() == 1
    engine.dispose()


def test_content_hash_folds_case_and_space_but_not_words() -> None:
    assert content_hash("A  Title", "x\ny") == content_hash("a title", "X y")
    assert content_hash("A Title", "x y") != content_hash("A Title", "x z")
