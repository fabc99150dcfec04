"""Storing disclosures with dedup: by feed entry, and by content across feeds."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import bindparam, func, insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from rules.documents import Document
from state.models import Disclosure, DisclosureCompany

StoreStatus = Literal["new", "updated", "unchanged", "duplicate"]

_SPACE = re.compile(r"\s+")


def content_hash(title: str, text: str) -> str:
    """Hash of normalised title and text: the same story from two feeds hashes alike.

    Case, Unicode forms and whitespace differ between wire copies of one release,
    so they are folded before hashing.
    """
    folded = unicodedata.normalize("NFKC", f"{title}\n{text}").casefold()
    return hashlib.sha256(_SPACE.sub(" ", folded).strip().encode()).hexdigest()


@dataclass(frozen=True)
class StoreOutcome:
    disclosure: Disclosure
    status: StoreStatus

    @property
    def is_news(self) -> bool:
        """New or corrected content: the cases later stages must look at."""
        return self.status in ("new", "updated")


@dataclass
class KnownContent:
    """What the database held for a batch of entries when the batch began.

    Read with two queries per feed (`known_content`) instead of two per entry.
    Only a "nothing like it" answer is acted on (a plain insert without the
    per-entry look-ups); anything already known takes the full path. Entries
    stored during the batch are added (`remember`), so two entries of one feed
    with the same text are still a new and a duplicate.
    """

    entries: dict[str, tuple[int, str]] = field(default_factory=dict)
    hashes: dict[str, int] = field(default_factory=dict)

    def is_unseen(self, entry_key: str | None, digest: str) -> bool:
        return bool(entry_key) and entry_key not in self.entries and digest not in self.hashes

    def remember(self, entry_key: str | None, disclosure_id: int, digest: str) -> None:
        if entry_key:
            self.entries[entry_key] = (disclosure_id, digest)
        self.hashes.setdefault(digest, disclosure_id)


_DISCLOSURES = Disclosure.__table__  # type: ignore[attr-defined]
#: Core statements, built once: these run for every polled feed, and the ORM's
#: per-statement work cost more than the indexed look-ups themselves.
_KNOWN_ENTRIES = select(_DISCLOSURES.c.id, _DISCLOSURES.c.guid, _DISCLOSURES.c.content_hash).where(
    _DISCLOSURES.c.feed_id == bindparam("feed_id"), _DISCLOSURES.c.guid.in_(bindparam("keys", expanding=True))
)
_FIRST_BY_HASH = (
    select(_DISCLOSURES.c.content_hash, func.min(_DISCLOSURES.c.id))
    .where(_DISCLOSURES.c.content_hash.in_(bindparam("digests", expanding=True)))
    .group_by(_DISCLOSURES.c.content_hash)
)


@dataclass(frozen=True, slots=True)
class NewDisclosure:
    """The column values of a disclosure stored for the first time, and its id once inserted.

    A plain value for the batch insert of a poll: an ORM `Disclosure` costs
    about 0.1 ms of SQLModel and SQLAlchemy bookkeeping to build, per entry,
    and that path never adds rows to the session. Scoring reads the same
    attributes from either.
    """

    feed_id: int | None
    guid: str | None
    url: str | None
    title: str
    published: datetime | None
    text: str
    content_hash: str
    source: str
    fetched_at: datetime
    id: int | None = None

    def columns(self) -> dict[str, Any]:
        """Every column but the id, as a first insert writes them."""
        return {
            "feed_id": self.feed_id,
            "guid": self.guid,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "text": self.text,
            "content_hash": self.content_hash,
            "source": self.source,
            "fetched_at": self.fetched_at,
            "revision": 1,
            "updated_at": None,
        }


def new_disclosure(
    document: Document, digest: str, *, guid: str | None, now: datetime, feed_id: int | None, source: str
) -> NewDisclosure:
    """What a document becomes when it is stored for the first time (the one place that says so)."""
    return NewDisclosure(
        feed_id=feed_id,
        guid=guid,
        url=document.url,
        title=document.title,
        published=document.published,
        text=document.text,
        content_hash=digest,
        source=source,
        fetched_at=now,
    )


def new_row(
    document: Document, digest: str, *, guid: str | None, now: datetime, feed_id: int | None, source: str
) -> Disclosure:
    """The ORM row a document becomes when it is stored for the first time."""
    fresh = new_disclosure(document, digest, guid=guid, now=now, feed_id=feed_id, source=source)
    return Disclosure(**fresh.columns())


def stored_entry_hashes(connection: Connection, feed_id: int, keys: Collection[str]) -> dict[str, str]:
    """Content hash of each of these entry keys the feed has stored (one indexed query, no session)."""
    if not keys:
        return {}
    rows = connection.execute(_KNOWN_ENTRIES, {"feed_id": feed_id, "keys": sorted(set(keys))}).all()
    return {guid: digest for _, guid, digest in rows if guid is not None}


def known_content(session: Session, feed_id: int, items: Collection[tuple[str | None, str]]) -> KnownContent:
    """Stored (id, hash) of these entry keys in the feed, and the first id of each of these hashes."""
    keys = sorted({key for key, _ in items if key})
    digests = sorted({digest for _, digest in items})
    known = KnownContent()
    if session.new or session.dirty or session.deleted:
        session.flush()  # plain Core below: no autoflush
    connection = session.connection()
    if keys:
        rows = connection.execute(_KNOWN_ENTRIES, {"feed_id": feed_id, "keys": keys}).all()
        for disclosure_id, guid, digest in rows:
            if guid is not None and disclosure_id is not None:
                known.entries[guid] = (disclosure_id, digest)
    if digests:
        first = connection.execute(_FIRST_BY_HASH, {"digests": digests}).all()
        known.hashes.update({digest: first_id for digest, first_id in first if first_id is not None})
    return known


def store_disclosure(
    session: Session,
    document: Document,
    *,
    now: datetime,
    feed_id: int | None = None,
    source: str = "feed",
    known: KnownContent | None = None,
    digest: str | None = None,
) -> StoreOutcome:
    """Insert, update or recognise one document; flushes, never commits.

    Order of checks: the same feed entry (guid, else link) first, so a corrected
    release is an update of its entry; then the content hash across all feeds, so
    the same text from another feed or a manual ingest is a duplicate.
    With `known` (read at the start of the same transaction) an entry that is
    neither a known entry nor known content skips both look-ups.
    """
    digest = digest or content_hash(document.title, document.text)
    entry_key = document.guid or document.url
    if known is not None and feed_id is not None and known.is_unseen(entry_key, digest):
        return _insert_new(session, document, digest, now=now, feed_id=feed_id, source=source)
    if feed_id is not None and entry_key:
        existing = session.exec(
            select(Disclosure).where(Disclosure.feed_id == feed_id, Disclosure.guid == entry_key)
        ).first()
        if existing is not None:
            if existing.content_hash == digest:
                return StoreOutcome(existing, "unchanged")
            duplicate = _by_hash(session, digest)
            existing.title = document.title
            existing.text = document.text
            existing.url = document.url or existing.url
            existing.published = document.published or existing.published
            existing.content_hash = digest
            existing.revision += 1
            existing.updated_at = now
            session.add(existing)
            session.flush()
            return StoreOutcome(existing, "duplicate" if duplicate is not None else "updated")
    duplicate = _by_hash(session, digest)
    if duplicate is not None:
        return StoreOutcome(duplicate, "duplicate")
    row = new_row(
        document,
        digest,
        guid=entry_key if feed_id is not None else document.guid,
        now=now,
        feed_id=feed_id,
        source=source,
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        # Another replica stored the same entry between our check and insert.
        winner = session.exec(
            select(Disclosure).where(Disclosure.feed_id == feed_id, Disclosure.guid == row.guid)
        ).first()
        if winner is None:
            raise
        return StoreOutcome(winner, "duplicate")
    return StoreOutcome(row, "new")


#: a plain Core statement: compiled once, no ORM bookkeeping per row
_INSERT_DISCLOSURE = insert(Disclosure.__table__).returning(Disclosure.__table__.c.id)  # type: ignore[attr-defined]


def _insert_new(
    session: Session, document: Document, digest: str, *, now: datetime, feed_id: int, source: str
) -> StoreOutcome:
    """One INSERT (no ORM unit of work) for an entry nothing in the database resembled.

    No savepoint of its own: the batch caller holds one per entry, and on an
    IntegrityError (another replica stored the entry since the batch looked)
    it rolls that back and stores the entry again without `known`.
    """
    guid = document.guid or document.url
    row = new_row(document, digest, guid=guid, now=now, feed_id=feed_id, source=source)
    row.id = session.connection().execute(_INSERT_DISCLOSURE, row.model_dump(exclude={"id"})).scalar_one()
    return StoreOutcome(row, "new")


_INSERT_DISCLOSURES = insert(Disclosure.__table__).returning(  # type: ignore[attr-defined]
    Disclosure.__table__.c.id,  # type: ignore[attr-defined]
    sort_by_parameter_order=True,
)


def insert_disclosures(session: Session, rows: list[NewDisclosure]) -> list[NewDisclosure]:
    """Insert new disclosures with one multi-row INSERT; returns them with their ids, in order.

    For entries the caller has checked are new (`KnownContent.is_unseen`); a
    unique-key clash raises IntegrityError like a single insert would.
    """
    if not rows:
        return []
    result = session.connection().execute(_INSERT_DISCLOSURES, [row.columns() for row in rows])
    ids = [int(i) for i in result.scalars().all()]
    return [replace(row, id=new_id) for row, new_id in zip(rows, ids, strict=True)]


def _by_hash(session: Session, digest: str) -> Disclosure | None:
    return session.exec(
        select(Disclosure).where(Disclosure.content_hash == digest).order_by(Disclosure.id)  # type: ignore[arg-type]
    ).first()


def attribute(session: Session, disclosure_id: int, company_ids: set[int]) -> None:
    """Record which watched companies a disclosure belongs to (idempotent)."""
    known = set(
        session.exec(
            select(DisclosureCompany.company_id).where(DisclosureCompany.disclosure_id == disclosure_id)
        ).all()
    )
    for company_id in sorted(company_ids - known):
        session.add(DisclosureCompany(disclosure_id=disclosure_id, company_id=company_id))
    session.flush()
