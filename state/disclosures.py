"""Storing disclosures with dedup: by feed entry, and by content across feeds."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

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


def store_disclosure(
    session: Session,
    document: Document,
    *,
    now: datetime,
    feed_id: int | None = None,
    source: str = "feed",
) -> StoreOutcome:
    """Insert, update or recognise one document; flushes, never commits.

    Order of checks: the same feed entry (guid, else link) first, so a corrected
    release is an update of its entry; then the content hash across all feeds, so
    the same text from another feed or a manual ingest is a duplicate.
    """
    digest = content_hash(document.title, document.text)
    entry_key = document.guid or document.url
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
    row = Disclosure(
        feed_id=feed_id,
        guid=entry_key if feed_id is not None else document.guid,
        url=document.url,
        title=document.title,
        text=document.text,
        published=document.published,
        content_hash=digest,
        source=source,
        fetched_at=now,
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
