"""Feed lists in and out: OPML (what every feed reader exports) or plain URLs one per line."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # only to write; reading uses the hardened parser below
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from watcher.errors import UserError


@dataclass(frozen=True)
class FeedListEntry:
    url: str
    title: str | None = None


def parse_feed_list(data: str, *, name: str = "the file") -> list[FeedListEntry]:
    """URLs from OPML (`<outline xmlUrl=...>` at any depth) or from a plain list.

    Plain lists skip blank lines and `#` comments. DTDs and entities are
    refused in OPML, so a hostile file cannot expand or reach out.
    """
    stripped = data.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<"):
        if "<!DOCTYPE" in stripped[:2000].upper() or "<!ENTITY" in stripped.upper():
            raise UserError(f"{name}: OPML with a DTD or entities is not accepted")
        try:
            root = ET.fromstring(stripped)  # noqa: S314 - DTDs/entities refused above
        except ET.ParseError as exc:
            raise UserError(f"{name}: not valid OPML ({exc})") from None
        found = []
        for outline in root.iter("outline"):
            url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
            if url:
                found.append(FeedListEntry(url, (outline.get("title") or outline.get("text") or None)))
        if not found:
            raise UserError(f"{name}: no <outline xmlUrl=...> feeds found")
        return found
    return [
        FeedListEntry(line.strip())
        for line in data.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def to_opml(feeds: Iterable[FeedListEntry], *, title: str = "watcher feeds") -> str:
    """An OPML 2.0 document listing the feeds."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_text(title)}</title></head>",
        "  <body>",
    ]
    for feed in feeds:
        label = feed.title or feed.url
        lines.append(
            f'    <outline type="rss" text={quoteattr(label)} title={quoteattr(label)} '
            f"xmlUrl={quoteattr(feed.url)}/>"
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
