"""HTML to readable text: the main content of a release or article page.

trafilatura finds the main content and drops navigation, footers, cookie
banners and scripts. Tables are rewritten *before* that, with lxml, into one
paragraph per row — `Gross margin: 31.5% (Q2 2026) | 27.2% (Q2 2025)` — so
each number keeps its row label and its column header (usually the period),
which is what the extractor needs to read it. Financial tables that split `$`,
`)` and `%` into their own cells, or state "(in millions)" once, are merged
into whole amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

import lxml.html  # type: ignore[import-untyped]
import trafilatura
from lxml import etree

_BOILERPLATE_XPATH = (
    "//script|//style|//noscript|//template|//nav|//footer|//aside|//form|//iframe|//svg|"
    "//*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='dialog' or "
    "@aria-hidden='true']|"
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' cookie') or contains(@id, 'cookie') or "
    "contains(@class, 'ticker') or contains(@class, 'breadcrumb') or contains(@class, 'related') or "
    "contains(@class, 'share-') or contains(@class, 'social') or contains(@class, 'newsletter') or "
    "contains(@class, 'stock-quote') or contains(@class, 'quote-widget')]"
)
_SCALE_NOTE = re.compile(r"\bin\s+(thousands|millions|billions)\b", re.IGNORECASE)
_NUMERIC = re.compile(r"^\(?-?\$?\s*\(?\d[\d,]*(?:\.\d+)?\)?$")
#: A cell that states a figure: "12%", "$4.1", "880 MW", "$ 2.3 billion".
_FIGURE_CELL = re.compile(r"\d[\d,.]*\s*(?:%|MW|GW|million|billion)|\$")
#: A column title that is only a year ("2025", "FY2026"): a header cell though it is a number.
_YEAR_CELL = re.compile(r"^(?:FY|CY)?\s?(?:19|20)\d\d[A-Z]?$")
#: A row label that names its own unit ("Capacity (MW)", "Revenue ($ billions)", "Margin, %",
#: "GPUs (thousands)"): the table's "(in millions)" does not turn that row's figures into dollars.
_LABEL_UNIT = re.compile(
    r"\([^()]*\b(?:MW|GW|kW|percent|thousands?|millions?|billions?|units|number)\b[^()]*\)|\([^()]*[%$][^()]*\)|"
    r",\s*(?:MW|GW|%|\$|US\$|in\s+\w+)",
    re.IGNORECASE,
)


#: Cells that only lay out a list: empty, or a bullet glyph ("·" in the Symbol font, "•", "▪", "–").
_BULLET_CELLS: Final = frozenset(("", "·", "•", "●", "▪", "■", "◦", "‣", "∙", "-", "–", "—", "o", "*", "§"))


#: An RSS, Atom or RDF document's root, after an optional XML declaration, comments and whitespace.
_FEED_ROOT: Final = re.compile(
    r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL
)


def looks_like_feed(data: str) -> bool:
    """Is this an RSS/Atom feed document rather than a page? (A pattern of its own here, so asking
    does not import feedparser.)"""
    return _FEED_ROOT.match(data, 0, 4096) is not None


def looks_like_html(data: str) -> bool:
    head = data[:2048].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or "<p>" in head or "<div" in head


@dataclass
class _Cell:
    text: str
    col: int
    span: int
    header: bool


def _cell_text(cell: etree._Element) -> str:
    return " ".join("".join(cell.itertext()).split())


def _rows(table: etree._Element) -> list[list[_Cell]]:
    """Rows of the table with each cell's starting column (colspan and rowspan expanded)."""
    out: list[list[_Cell]] = []
    carry: dict[int, int] = {}  # column -> rows still covered by a rowspan above
    for tr in table.iter("tr"):
        cells: list[_Cell] = []
        col = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            while carry.get(col, 0) > 0:
                carry[col] -= 1
                col += 1
            span = _int(td.get("colspan"))
            rowspan = _int(td.get("rowspan"))
            if rowspan > 1:
                for c in range(col, col + span):
                    carry[c] = rowspan - 1
            in_head = td.tag == "th" or any(
                isinstance(a.tag, str) and a.tag == "thead" for a in td.iterancestors()
            )
            cells.append(_Cell(_cell_text(td), col, span, in_head))
            col += span
        if any(c.text for c in cells):
            out.append(cells)
    return out


def _int(raw: str | None) -> int:
    try:
        return max(1, min(50, int(raw or "1")))
    except ValueError:
        return 1


def _is_header_row(cells: list[_Cell], seen_values: bool) -> bool:
    if seen_values:
        return False
    values = [c for c in cells[1:] if c.text]
    if all(c.header for c in cells if c.text):
        return True
    # A bare amount in a body cell ("201.4" under a "Revenue ($ millions)" label) is a value, not a
    # title; a bare year ("2025") is a title.
    return bool(values) and not any(
        _FIGURE_CELL.search(c.text)
        or (not c.header and _NUMERIC.match(c.text.replace(" ", "")) and not _YEAR_CELL.match(c.text))
        for c in values
    )


def _merge_value(parts: list[str], scale: str | None) -> str:
    """`$`, `236.9` -> `$236.9`; `(4.8`, `)%` -> `(4.8)%`; bare amounts take the table's scale."""
    text = ""
    for part in parts:
        if not part:
            continue
        if text and not (text.endswith("$") or part[0] in ")%" or text.endswith("(")):
            text += " "
        text += part
    text = text.strip()
    if scale and _NUMERIC.match(text.replace(" ", "")) and "%" not in text:
        compact = text.replace(" ", "")
        negative = compact.startswith("(") and compact.endswith(")")
        number = compact.strip("()$-")
        sign = "-" if negative or compact.startswith("-") else ""
        text = f"{sign}${number} {scale[:-1]}"
    return text


def _logical_cells(cells: list[_Cell]) -> list[tuple[str, _Cell]]:
    """Glue `$` cells to the amount after them and `)`/`%` cells to the one before."""
    out: list[tuple[str, _Cell]] = []
    prefix = ""
    for c in cells:
        text = c.text
        if not text:
            continue
        if text in ("$", "US$", "USD"):
            prefix = text
            continue
        if text in (")", "%", ")%", "%)") and out:
            last_text, last_cell = out[-1]
            out[-1] = (last_text + text, last_cell)
            continue
        out.append((prefix + text, c))
        prefix = ""
    return out


def table_to_lines(table: etree._Element, note: str = "") -> list[str]:
    """One readable line per table row, labels first, column headers in parentheses.

    `note` is the text just before the table, where "(in millions)" often sits.
    """
    rows = _rows(table)
    caption_el = table.find("caption")
    caption = _cell_text(caption_el) if caption_el is not None else ""
    scale_match = _SCALE_NOTE.search(" ".join([note[-200:], caption] + [c.text for r in rows[:3] for c in r]))
    scale = scale_match.group(1).lower() if scale_match else None
    headers: dict[int, str] = {}
    lines: list[str] = [caption] if caption else []
    seen_values = False
    for cells in rows:
        lead = 0
        while lead < len(cells) - 1 and cells[lead].text in _BULLET_CELLS:
            lead += 1
        if any(c.text for c in cells[:lead]):
            # A filing agent's bullet list is a table: a spacer cell, a "·" cell, the sentence. (Empty
            # leading cells alone stay: a label-less totals row keeps its columns.)
            cells = cells[lead:]
        if _is_header_row(cells, seen_values):
            for c in cells:
                if not c.text or (c.col == 0 and len(cells) > 1 and c is cells[0] and not c.header):
                    continue
                for col in range(c.col, c.col + c.span):
                    if col == 0:
                        continue
                    headers[col] = f"{headers[col]} {c.text}".strip() if col in headers else c.text
            continue
        seen_values = True
        label = cells[0].text if cells else ""
        row_scale = None if _LABEL_UNIT.search(label) else scale
        logical = _logical_cells(cells[1:])
        columns = sorted(headers)
        by_order = len(logical) == len(columns) and any(c.col not in headers for _t, c in logical)
        groups: dict[str, list[str]] = {}
        order: list[str] = []
        for i, (text, c) in enumerate(logical):
            col = columns[i] if by_order else c.col
            key = headers.get(col, f"#{col}")
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append(text)
        values: list[str] = []
        for key in order:
            value = _merge_value(groups[key], row_scale)
            if not value or value in ("$", "%", "—", "-", "–"):
                continue
            values.append(f"{value} ({key})" if not key.startswith("#") else value)
        if not values:
            if label:
                lines.append(label)
            continue
        if label and len(values) == 1:
            lines.append(f"{label} | {values[0]}")  # still a row, so its header is read
        else:
            lines.append(f"{label}: {' | '.join(values)}" if label else " | ".join(values))
    return lines


#: Inline XBRL (SEC filings since 2019): `ix:header` holds hidden facts and contexts, never text a
#: reader sees; the tags around visible numbers ("$<ix:nonFraction …>286.4</ix:nonFraction> million")
#: are only markup, which the main-text extractor took for blocks and split the amount from its scale.
_IX_HIDDEN: Final = ("ix:header", "ix:hidden", "ix:references", "ix:resources")
_IX_INLINE: Final = ("ix:nonfraction", "ix:nonnumeric", "ix:continuation", "ix:fraction", "ix:exclude",
                     "ix:footnote", "ix:numerator", "ix:denominator", "ix:tuple")  # fmt: skip


def _unwrap_inline_xbrl(doc: etree._Element) -> None:
    if next(doc.iter("ix:nonfraction", "ix:nonnumeric", "ix:header"), None) is None:
        return  # (one walk of the tree: most pages hold no inline XBRL)
    for el in list(doc.iter(*_IX_HIDDEN)):
        if el.getparent() is not None:
            el.drop_tree()  # (its tail joins the previous element or the parent's text)
    etree.strip_tags(doc, *_IX_INLINE)


def _rewrite_definition_lists(doc: etree._Element) -> None:
    """`<dt>Revenue</dt><dd>$188.3M</dd>` as one line, "Revenue: $188.3M": a metrics page written as a
    definition list has no sentences, and a value alone on its line names no metric."""
    for dl in list(doc.iter("dl")):
        parent = dl.getparent()
        if parent is None:
            continue
        div = etree.Element("div")
        term = ""
        for child in dl:
            if not isinstance(child.tag, str):
                continue
            text = " ".join("".join(child.itertext()).split())
            if child.tag == "dt":
                if term:
                    etree.SubElement(div, "p").text = term
                term = text
            elif child.tag == "dd" and text:
                etree.SubElement(div, "p").text = f"{term}: {text}" if term else text
                term = ""
        if term:
            etree.SubElement(div, "p").text = term
        div.tail = dl.tail
        parent.replace(dl, div)


def _rewrite_tables(doc: etree._Element) -> None:
    for table in list(doc.iter("table")):
        if table.getparent() is None or any(
            isinstance(a.tag, str) and a.tag == "table" for a in table.iterancestors()
        ):
            continue
        prev = table.getprevious()
        note = _cell_text(prev) if prev is not None and isinstance(prev.tag, str) else ""
        lines = table_to_lines(table, note)
        div = etree.Element("div")
        for line in lines:
            p = etree.SubElement(div, "p")
            p.text = line
        div.tail = table.tail
        parent = table.getparent()
        if parent is not None:
            parent.replace(table, div)


#: `huge_tree` lifts libxml2's default nesting limit of 256 elements, past which the rest of a page
#: was dropped without a word (a page nested 300 deep gave no text). Page size is bounded before
#: this by the fetcher's response limit, which the other limits `huge_tree` lifts also guard.
_PARSER: Final = lxml.html.HTMLParser(huge_tree=True)


def html_to_text(html: str) -> str:
    """Main text of an HTML page: boilerplate dropped, tables as labelled rows."""
    if not html.strip():
        return ""
    if looks_like_feed(html):
        # A saved RSS/Atom item: its entries as the poller reads them (see `feed_document_text`).
        from watcher.feedparse import feed_document_text  # feedparser loads only for a feed

        as_feed = feed_document_text(html)
        if as_feed is not None:
            return as_feed
    try:
        doc = lxml.html.document_fromstring(html.encode("utf-8", errors="replace"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return trafilatura.extract(html, include_tables=True, favor_recall=True) or ""
    for el in doc.xpath(_BOILERPLATE_XPATH):
        parent = el.getparent()
        if parent is not None:
            tail = el.tail
            parent.remove(el)
            if tail and tail.strip():
                prev = parent[-1] if len(parent) else None
                if prev is not None:
                    prev.tail = (prev.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
    _unwrap_inline_xbrl(doc)
    _rewrite_definition_lists(doc)
    _rewrite_tables(doc)
    # The tree itself, not its serialisation: re-parsed, a page nested deeper than libxml2's
    # default limit would lose its text again. trafilatura works on a copy, so `doc` stays whole
    # for the fallback below.
    text = trafilatura.extract(
        doc, include_tables=False, include_comments=False, favor_recall=True, deduplicate=False
    )
    if not text:
        body = doc.find("body")
        text = "\n".join(
            " ".join(t.split()) for t in (body if body is not None else doc).itertext() if t.strip()
        )
    return _paragraphs(text)


def _paragraphs(text: str) -> str:
    """Blank line between blocks so headings and rows stand on their own."""
    lines = [line.strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line) + "\n"
