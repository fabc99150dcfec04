"""Page breaks of text converted from PDF: a sentence cut by the page's furniture is one sentence.

A PDF-to-text page ends with a footer line ("Kestrel Inc. | Q3 Remarks   Page 2 of 4"), a form
feed and the next page's header line. When a sentence runs across the break ("We expect
contracted capacity of" / footer / form feed, header / "at least 900 megawatts by 2028."),
the segmenter would see two paragraphs, and neither half states a fact. `page_joins` finds
such breaks and gives the span of furniture between the two halves, which the reader
replaces with a line break (the offset map of `spoken` keeps the evidence and offsets
those of the text as given, furniture included).

Only a break with a form feed is read, and only when the text before it leaves its sentence
open (no closing stop) and the text after it goes on in lower case (or with an amount): a page
that ends a paragraph keeps its break.
"""

from __future__ import annotations

import re
from typing import Final

#: A footer that numbers the page: "Page 2 of 4", "- 7 -", "12".
_PAGE_NUMBER: Final = re.compile(r"(?:\b[Pp]age\s+\d{1,4}(?:\s+of\s+\d{1,4})?|^[-–—\s]*\d{1,4}[-–—\s]*)$")
_DIGITS: Final = re.compile(r"\d+")
#: A header or footer is a short line.
_FURNITURE_MAX: Final = 160
#: The marks that close a sentence (or a label line) at a line's end.
_CLOSED: Final = ".!?:;"


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _line_end(text: str, pos: int) -> int:
    at = text.find("\n", pos)
    return len(text) if at < 0 else at


def _previous_line(text: str, start: int) -> tuple[int, int]:
    """The last non-blank line ending before `start` (a line start), or (-1, -1)."""
    end = start - 1
    while end >= 0:
        s = _line_start(text, end)
        if text[s:end].strip():
            return s, end
        end = s - 1
    return -1, -1


def _next_line(text: str, start: int) -> tuple[int, int]:
    """The first non-blank line starting at or after `start` (a line start), or (-1, -1)."""
    n = len(text)
    while start < n:
        e = _line_end(text, start)
        if text[start:e].strip():
            return start, e
        start = e + 1
    return -1, -1


def _footer(line: str, footers: dict[str, int]) -> bool:
    """A page's footer: it numbers the page, or the same line (digits aside) closes another page."""
    s = line.strip()
    if not s or len(s) > _FURNITURE_MAX:
        return False
    return _PAGE_NUMBER.search(s) is not None or footers.get(_DIGITS.sub("#", s), 0) > 1


def page_joins(text: str) -> list[tuple[int, int]]:
    """Spans of page furniture (footer, form feed, header and the blank lines around them) that
    cut a sentence in two; each is read as one line break, which the segmenter joins as it joins
    any wrapped line (a line break keeps the document's line lengths, by which it tells a
    hard-wrapped text)."""
    feeds: list[int] = []
    at = text.find("\f")
    while at >= 0:
        feeds.append(at)
        at = text.find("\f", at + 1)
    if not feeds:
        return []
    # How often each last-line-before-a-feed recurs (digits aside): a repeated line is a footer.
    footers: dict[str, int] = {}
    for feed in feeds:
        s, e = _previous_line(text, _line_start(text, feed))
        if s >= 0:
            key = _DIGITS.sub("#", text[s:e].strip())
            footers[key] = footers.get(key, 0) + 1
    spans: list[tuple[int, int]] = []
    for feed in feeds:
        header_start = _line_start(text, feed)
        header_end = _line_end(text, feed)
        header = text[feed + 1 : header_end].strip()
        if len(header) > _FURNITURE_MAX or header.endswith((".", "!", "?")):
            continue
        if text[header_start:feed].strip():
            continue  # a feed inside a line of prose: no page break of this shape
        nxt_start, nxt_end = _next_line(text, header_end + 1)
        if nxt_start < 0:
            continue
        nxt = text[nxt_start:nxt_end].lstrip()
        if not (nxt[:1].islower() or nxt[:1] == "$" or nxt[:1].isdigit()):
            continue
        prev_start, prev_end = _previous_line(text, header_start)
        if prev_start < 0:
            continue
        if _footer(text[prev_start:prev_end], footers):
            prev_start, prev_end = _previous_line(text, prev_start)
            if prev_start < 0:
                continue
        prose = text[prev_start:prev_end].rstrip()
        if not prose or prose[-1] in _CLOSED or prose.endswith(('."', ".”")) or "|" in prose:
            continue
        if nxt[:1].isdigit() and not prose[-1].islower():
            continue  # "… of" / "600 megawatts": a figure goes on a sentence left on a word
        spans.append((prev_start + len(prose), nxt_start + (len(text[nxt_start:nxt_end]) - len(nxt))))
    return spans
