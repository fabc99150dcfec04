"""Entries are stored in publication order, whichever way the feed lists them."""

from __future__ import annotations

from watcher.feedparse import parse_feed
from watcher.poller import oldest_first

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Newsroom</title><id>urn:n</id><updated>2024-11-04T14:00:00Z</updated>
  {entries}
</feed>"""

ENTRY = """<entry><title>{title}</title><id>urn:{title}</id>
  <link rel="alternate" href="http://example.invalid/{title}"/>{date}
  <summary>{title} text</summary></entry>"""


def _feed(*entries: tuple[str, str | None]) -> bytes:
    body = "".join(
        ENTRY.format(title=title, date=f"<updated>{date}</updated>" if date else "")
        for title, date in entries
    )
    return ATOM.format(entries=body).encode()


def _titles(content: bytes) -> list[str]:
    parsed = parse_feed(content, content_type="application/atom+xml", url="http://example.invalid/feed")
    return [entry.title or "" for entry in oldest_first(parsed.entries)]


def test_an_oldest_first_feed_is_stored_oldest_first() -> None:
    content = _feed(("q3", "2024-10-29T20:05:00Z"), ("q4-cut", "2024-11-04T14:00:00Z"))
    assert _titles(content) == ["q3", "q4-cut"]


def test_a_newest_first_feed_is_stored_oldest_first() -> None:
    content = _feed(("q4-cut", "2024-11-04T14:00:00Z"), ("q3", "2024-10-29T20:05:00Z"))
    assert _titles(content) == ["q3", "q4-cut"]


def test_undated_entries_fall_back_to_reversing_the_listing() -> None:
    content = _feed(("newest", None), ("middle", "2024-10-29T20:05:00Z"), ("oldest", None))
    assert _titles(content) == ["oldest", "middle", "newest"]
