"""Plain-text tables laid out with runs of spaces (no "|"), as EDGAR text and notices print them.

    (US$ millions, except percentages)
                        Q3 FY26    Q3 FY25    Y/Y chg
    Revenue               486.2      301.7       61%

                             Net sales      Operating profit ratio
                             (JPY million)  (%)
    Revised forecast (B)     163,500        14.0

A cell is a run of text without two spaces in a row. Header lines (no figures)
give column titles by position, a title written over two lines being joined;
data rows give a label and figures, each figure taking the title of the column
it sits under. The figures carry no unit, so the unit comes from the title or
from a "(US$ millions)" line above the table. This module only splits and
aligns; the extractor decides which cells are facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_CELL: Final = re.compile(r"\S+(?: \S+)*")
#: A figure cell: "486.2", "1,298.4", "61%", "(3.2)%", "+430bp", "+2.5 pp", "-", "$0.61", "$ 96,412"
#: (filings set the dollar sign apart), "$(17.3)", and the footnote mark "*" that filings print for
#: "less than 10%".
_FIGURE: Final = re.compile(
    r"(?:\$\s?)?[(+\-−]?(?:\$\s?)?\d[\d,]*(?:\.\d+)?\)?\s?(?:%|bp|bps|pts?|ppts?|pp|x)?|[-–—]|n/?m|n/?a|\*{1,3}",
    re.IGNORECASE,
)
#: A column title that is only a year: "2025", "FY2026".
_YEAR: Final = re.compile(r"(?:FY|CY)?\s?(?:19|20)\d\d")
_RULE: Final = re.compile(r"[-–—=_\s]+")
#: "(US$ millions …)", "($ in millions)", "in millions of U.S. dollars", "USD m", "(Dollars in millions,
#: except per share data)".
MILLIONS: Final = re.compile(
    r"(?:US\$|USD|U\.S\.\s?\$|\$)\s*(?:in\s+)?millions?\b|\bin\s+millions\s+of\s+(?:U\.?S\.?\s+)?dollars|"
    r"\(\s*(?:US\$|USD|\$)\s?m\s*\)|\(\s*(?:U\.?S\.?\s+)?dollars\s+in\s+millions\b",
    re.IGNORECASE,
)
#: "(in millions, except percentages and per-share amounts)", "(Amounts in millions)": a scale with no
#: currency.
BARE_MILLIONS: Final = re.compile(
    r"\(\s*(?:(?:all\s+)?(?:amounts|figures)\s+)?in\s+millions\s*(?:[,;)]|except\b)", re.IGNORECASE
)


@dataclass
class Column:
    """A column title and the span of characters (from the line start) it covers."""

    start: int
    end: int
    title: str


def cells(line: str) -> list[tuple[int, int, str]]:
    """The cells of one raw line with their spans, split at runs of two or more spaces."""
    return [(m.start(), m.end(), m.group()) for m in _CELL.finditer(line)]


def is_figure(cell: str) -> bool:
    return _FIGURE.fullmatch(cell) is not None


def is_years(line_cells: list[tuple[int, int, str]]) -> bool:
    """A header line of years ("2025   2024   2023"), whose cells are figures but title columns.

    Words may title the other columns ("2026   2025   Change"), as long as a year opens the line
    where a data row has its label.
    """
    years = sum(1 for c in line_cells if _YEAR.fullmatch(c[2]))
    if years < 2 or not _YEAR.fullmatch(line_cells[0][2]):
        return False
    others = [c[2] for c in line_cells if not _YEAR.fullmatch(c[2])]
    return not any(is_figure(c) for c in others)


def is_rule(line: str) -> bool:
    """A line of dashes under a header ("-------    -------")."""
    return bool(line.strip()) and _RULE.fullmatch(line) is not None


def merge_header(columns: list[Column], line_cells: list[tuple[int, int, str]]) -> list[Column]:
    """Add one header line's cells to the titles so far: a cell under a title extends it.

    Several cells under one title ("Year Ended December 31," over "2025   2024") split it into
    one column each, every one keeping the title above.
    """
    out = [Column(c.start, c.end, c.title) for c in columns]
    under: dict[int, list[tuple[int, int, str]]] = {}
    for cell in line_cells:
        start, end, text = cell
        idx = next((i for i, c in enumerate(out) if start < c.end + 2 and end > c.start - 2), -1)
        under.setdefault(idx, []).append(cell)
    merged: list[Column] = [Column(s, e, t) for s, e, t in under.get(-1, [])]
    for i, c in enumerate(out):
        cells_under = under.get(i, [])
        if len(cells_under) >= 2:
            merged.extend(Column(s, e, f"{c.title} {t}") for s, e, t in cells_under)
            continue
        for start, end, text in cells_under:
            c.title = f"{c.title} {text}"
            c.start, c.end = min(c.start, start), max(c.end, end)
        merged.append(c)
    merged.sort(key=lambda c: c.start)
    return merged


def column_of(columns: list[Column], start: int, end: int) -> Column | None:
    """The title over a figure at [start, end): the column it overlaps, else the nearest one."""
    best: tuple[int, Column] | None = None
    for c in columns:
        if start < c.end and end > c.start:
            return c
        gap = c.start - end if c.start >= end else start - c.end
        if gap <= 4 and (best is None or gap < best[0]):
            best = (gap, c)
    return best[1] if best else None
