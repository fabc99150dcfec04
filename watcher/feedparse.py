"""Feed bytes to entries and documents, with feedparser doing the parsing.

A feed that cannot be read (malformed with no entries, an HTML page where a
feed was expected) is a `FeedParseError` whose message is the one line stored
on the feed. Entries that carry only a short summary are flagged so the poller
can fetch the article page; entry HTML is turned into plain text here.
"""

from __future__ import annotations

import calendar
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import feedparser

from rules.documents import Document

#: an entry whose only text is a summary shorter than this gets its article page fetched
SHORT_SUMMARY_CHARS = 600

_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "pre",
    "hr",
}
_CELL_TAGS = {"td", "th"}
_SKIP_TAGS = {"script", "style", "noscript", "template"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


class FeedParseError(Exception):
    """The bytes are not a usable feed; the message is one line for the feed's record."""


@dataclass(frozen=True)
class FeedEntry:
    title: str
    link: str | None
    guid: str | None
    published: datetime | None
    text: str
    #: the entry has no full content, only a short summary: fetch the article page
    summary_only: bool

    @property
    def key(self) -> str | None:
        """How the store identifies the entry within its feed (guid, else link)."""
        return self.guid or self.link

    def to_document(self, article_text: str | None = None) -> Document:
        text = article_text if article_text and len(article_text) > len(self.text) else self.text
        return Document(
            title=self.title or _first_line(text) or (self.link or ""),
            text=text,
            url=self.link,
            published=self.published,
            guid=self.guid or self.link,
        )


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: tuple[FeedEntry, ...]


class _TextExtractor(HTMLParser):
    """Fragment HTML to text: block elements become line breaks, table cells ' | '."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in _CELL_TAGS:
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def fragment_to_text(html: str) -> str:
    """Plain text of an entry's HTML (feed content is a fragment, not a page)."""
    if "<" not in html and "&" not in html:
        return _tidy(html)
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return _tidy("".join(parser.parts))


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip(" |") for line in text.split("\n")]
    joined = "\n".join(line.strip() for line in lines)
    return _BLANK_LINES.sub("\n\n", joined).strip()


def _first_line(text: str) -> str:
    return next((line.strip()[:300] for line in text.splitlines() if line.strip()), "")


def _looks_like_html_page(content: bytes) -> bool:
    head = content[:4096].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:1024]


def _timestamp(entry: Any) -> datetime | None:
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(field)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _entry_text(entry: Any) -> tuple[str, bool]:
    """(text, summary_only): full content when the feed has it, else the summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) or [] if c.get("value")]
    if contents:
        body = max(contents, key=len)
        return fragment_to_text(body), False
    summary = fragment_to_text(entry.get("summary", "") or "")
    return summary, len(summary) < SHORT_SUMMARY_CHARS


def parse_feed(content: bytes, *, content_type: str = "", url: str | None = None) -> ParsedFeed:
    """Parse RSS/Atom bytes; raise FeedParseError for anything that is not a usable feed.

    feedparser is lenient by design (`bozo` flags recoverable problems), so a
    feed is refused only when nothing usable came out of it.
    """
    headers = {"content-type": content_type} if content_type else {}
    if url:
        headers["content-location"] = url
    # feedparser's HTML sanitiser and relative-URI rewriting re-parse every fragment
    # (a third of the parse time); the HTML becomes plain text here anyway
    # (`fragment_to_text`, which drops script and style), and links are used as given.
    parsed = feedparser.parse(
        io.BytesIO(content), response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    entries = parsed.get("entries", [])
    if not entries:
        if _looks_like_html_page(content) or (not parsed.get("version") and "html" in content_type):
            raise FeedParseError("not a feed: the server returned an HTML page")
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            detail = str(problem).splitlines()[0][:200] if problem else "unreadable XML"
            raise FeedParseError(f"malformed feed: {detail}")
        if not parsed.get("version"):
            raise FeedParseError("not a feed: no RSS or Atom content")
    out: list[FeedEntry] = []
    for entry in entries:
        text, summary_only = _entry_text(entry)
        title = fragment_to_text(entry.get("title", "") or "")
        link = (entry.get("link") or "").strip() or None
        guid = (entry.get("id") or "").strip() or None
        if not (title or text or link):
            continue
        out.append(
            FeedEntry(
                title=title[:1000],
                link=link[:2000] if link else None,
                guid=guid[:2000] if guid else None,
                published=_timestamp(entry),
                text=text,
                summary_only=summary_only and link is not None,
            )
        )
    feed_title = fragment_to_text(parsed.get("feed", {}).get("title", "") or "") or None
    return ParsedFeed(title=feed_title, entries=tuple(out))


def feed_document_text(text: str) -> str | None:
    """A saved feed (or one feed item) read as the poller reads it: each entry's title, then its text.

    `watcher extract item.xml` must see what a poll would, not markup: an HTML summary wrapped in
    CDATA is no HTML to a page parser (it would read it as a comment and lose its first
    paragraph). None when the text is no usable feed, so the caller can fall back to reading it as HTML.
    """
    try:
        parsed = parse_feed(text.encode("utf-8", errors="replace"))
    except FeedParseError:
        return None
    blocks = [part for entry in parsed.entries for part in (entry.title, entry.text) if part]
    return "\n\n".join(blocks) + "\n" if blocks else None
