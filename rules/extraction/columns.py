"""Two-column pages of PDF-to-text dumps, read one column after the other.

A layout-preserving PDF-to-text dump prints a two-column page side by side on each line, the columns
split by a gutter (a run of spaces before a fixed column):

    The second quarter was the strongest      We ended the quarter with 1.2 gigawatts
    in our history. Revenue for the quarter   of contracted capacity, with 480 MW in

Read line by line, every sentence runs across the gutter into the other column's. `read_columns`
finds such blocks and gives the text with each block rewritten as its left column's lines, then its
right column's, and the offset map back (`Pieces`): a fact's evidence and offsets stay those of the
text as given.

Strict, since a false block would scramble a table: the block needs four or more lines whose two
sides are both prose (words, few figures, a fill close to the gutter, continuation lines that open in
lower case) and whose right side starts at one column (within two characters); every line in between
must fit the same layout (blank, one side only, or both sides at that column). A line with a third
column, a "|", a side without words ("$412.6") or code-like characters ends the block. Space-aligned
tables and label/value lines ("Revenue     $412.6 million") have too few prose pairs to qualify.

Columns interleaved line by line (no gutter: a left line, then a right line) are not read: no cheap
test tells them from a paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

#: Prose lines on both sides of a gutter needed for a block.
_MIN_PAIRS: Final = 4
#: How far the right column's start may drift between lines.
_DRIFT: Final = 2
#: A prose column's line fills its width up to the last word that fits: the gutter after a left side
#: is at most a long word wider than the layout's own gap.
_MAX_GUTTER: Final = 18
#: Marks that close a paragraph's last line.
_CLOSED: Final = ".!?:"


class Pieces:
    """Offset map of a column-read text: piece `i` starts at `at[i]` in the rewritten text and at
    `orig[i]` in the text as given, and runs on unchanged up to the next piece."""

    __slots__ = ("at", "orig", "size")

    def __init__(self, at: list[int], orig: list[int], size: list[int]) -> None:
        self.at = at
        self.orig = orig
        self.size = size

    def original(self, pos: int) -> int:
        """The offset in the text as given of `pos` in the rewritten one."""
        i = bisect_right(self.at, pos) - 1
        if i < 0:
            return pos
        return self.orig[i] + min(pos - self.at[i], self.size[i])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the text as given that holds every character of `start:end` in the rewritten
        text (a sentence of the right column starts on the block's first line and may end below
        where one of the left column ends)."""
        if end <= start:
            at = self.original(start)
            return at, at
        i = max(0, bisect_right(self.at, start) - 1)
        j = bisect_right(self.at, end - 1) - 1
        lo = self.original(start)
        hi = self.original(end - 1) + 1
        for k in range(i + 1, j + 1):
            # Each whole piece inside the span (its own characters, not the break written after it).
            if self.size[k] > 0:
                lo = min(lo, self.orig[k])
                hi = max(hi, self.orig[k] + min(self.size[k], end - self.at[k]))
        return lo, hi


#: A word of a prose side (two letters or more), a figure's digit, a letter, a code-like character.
_WORD: Final = re.compile(r"[^\W\d_]{2,}")
_DIGIT: Final = re.compile(r"\d")
_LETTER: Final = re.compile(r"[^\W\d_]")
_CODE: Final = re.compile(r"[=|{}<>\\#_`]")


def _prose(side: str) -> bool:
    """Is one side of a line prose: three or more words, figures few, no code-like characters?"""
    words = _WORD.findall(side)
    if len(words) < 3:
        return False
    letters = sum(len(w) for w in words)
    return letters >= 2 * len(_DIGIT.findall(side)) + 6 and _CODE.search(side) is None


def _wordy(side: str) -> bool:
    """A short side a column may hold ("date.", "Capacity"): a word, and no code-like characters."""
    return _LETTER.search(side) is not None and _CODE.search(side) is None


#: A line's layout: kind ("blank", "left", "right", "both" or "" for none), left side's end, right
#: side's start column, and whether both sides are prose.
_Layout = tuple[str, int, int, bool]


def _layout(line: str) -> _Layout:
    stripped = line.rstrip()
    if not stripped:
        return ("blank", 0, 0, False)
    indent = len(stripped) - len(stripped.lstrip())
    gap = stripped.find("   ", indent)
    if gap < 0:
        if indent >= 8:
            return ("right", 0, indent, False) if _wordy(stripped) else ("", 0, 0, False)
        return ("left", len(stripped), 0, False)
    right = gap + 3
    while stripped[right] == " ":
        right += 1
    if stripped.find("   ", right) >= 0:
        return ("", 0, 0, False)  # a third column: a table row
    left_side, right_side = stripped[indent:gap], stripped[right:]
    if not (_wordy(left_side) and _wordy(right_side)):
        return ("", 0, 0, False)
    pair = right - gap <= _MAX_GUTTER and _prose(left_side) and _prose(right_side)
    return ("both", gap, right, pair)


def _fits(layout: _Layout, column: int) -> bool:
    kind, left_end, right, _pair = layout
    if kind == "blank":
        return True
    if kind == "left":
        return left_end < column - _DRIFT
    if kind in ("right", "both"):
        return abs(right - column) <= _DRIFT
    return False


def _lower_share(sides: list[str]) -> bool:
    """A column wraps its sentences: a quarter or more of its lines go on in lower case."""
    return 4 * sum(1 for s in sides if s[:1].islower()) >= len(sides)


def _line_at(text: str, pos: int) -> tuple[int, int]:
    """The line holding `pos`: its start and end (before its line break)."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def _grow(text: str, start: int, end: int, column: int, down: bool, stop: int) -> tuple[int, int, int]:
    """From the line `start:end`, the lines below it (or above it, not above `stop`) that fit the
    layout of right column `column`: the span of the last one that is not blank and the prose pairs
    among them. Two blank lines in a row end the block."""
    pairs = 0
    blanks = 0
    last_start, last_end = start, end
    while True:
        if down:
            if end >= len(text):
                break
            start = end + 1
            nl = text.find("\n", start)
            end = len(text) if nl < 0 else nl
        else:
            if start <= stop:
                break
            end = start - 1
            start = text.rfind("\n", 0, end) + 1
        lay = _layout(text[start:end])
        if not _fits(lay, column):
            break
        if lay[0] == "blank":
            blanks += 1
            if blanks >= 2:
                break
            continue
        blanks = 0
        if lay[3]:
            pairs += 1
        last_start, last_end = start, end
    return last_start, last_end, pairs


def read_columns(text: str) -> tuple[str, Pieces | None]:
    """`text` with each two-column block read left column first, and the offset map back (None,
    with `text` as it is, when no block is found).

    Only lines with a run of three spaces after a word are looked at (found by `find`), and the
    lines around one that pairs two prose sides: a filing's tables cost one layout test a row."""
    blocks: list[tuple[int, int, int]] = []  # first line's start, last line's end, right column
    done = 0  # lines before this offset are read (in a block, or tested)
    at = text.find("   ")
    while at >= 0:
        start, end = _line_at(text, at)
        if at > start and not text[start:at].isspace():
            lay = _layout(text[start:end])
            if lay[3]:
                column = lay[2]
                _s, last, below = _grow(text, start, end, column, True, 0)
                if below + 1 >= _MIN_PAIRS:
                    first, _e, _above = _grow(text, start, end, column, False, done)
                    blocks.append((first, last, column))
                    end = last
        done = end
        at = text.find("   ", end)
    if not blocks:
        return text, None
    return _rewrite(text, blocks)


class _Builder:
    """The rewritten text, built piece by piece with its offset map."""

    __slots__ = ("at", "orig", "out", "parts", "size", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.parts: list[str] = []
        self.at: list[int] = []
        self.orig: list[int] = []
        self.size: list[int] = []
        self.out = 0

    def piece(self, source_at: int, length: int, after: str) -> None:
        """Copy `length` characters from `source_at`, then write `after` (a line break)."""
        self.at.append(self.out)
        self.orig.append(source_at)
        self.size.append(length)
        self.parts.append(self.text[source_at : source_at + length])
        self.parts.append(after)
        self.out += length + len(after)

    def write(self, s: str) -> None:
        self.parts.append(s)
        self.out += len(s)


def _sides(text: str, first: int, last: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Each line's left and right side in the block `first:last`, as (offset, length) in `text`
    (length 0: none)."""
    lefts: list[tuple[int, int]] = []
    rights: list[tuple[int, int]] = []
    s = first
    while s <= last:
        nl = text.find("\n", s, last)
        e = last if nl < 0 else nl
        line = text[s:e].rstrip()
        if not line:
            lefts.append((s, 0))
            rights.append((s, 0))
        else:
            kind, left_end, right, _pair = _layout(line)
            indent = len(line) - len(line.lstrip())
            if kind == "left":
                lefts.append((s + indent, len(line) - indent))
                rights.append((s + len(line), 0))
            elif kind == "right":
                lefts.append((s, 0))
                rights.append((s + right, len(line) - right))
            else:
                lefts.append((s + indent, left_end - indent))
                rights.append((s + right, len(line) - right))
        s = e + 1
    return lefts, rights


def _rewrite(text: str, blocks: list[tuple[int, int, int]]) -> tuple[str, Pieces | None]:
    b = _Builder(text)
    done = 0  # offset in `text` copied up to
    kept = 0
    for first, last, _column in blocks:
        lefts, rights = _sides(text, first, last)
        left_sides = [text[a : a + n] for a, n in lefts if n]
        right_sides = [text[a : a + n] for a, n in rights if n]
        if not (_lower_share(left_sides) and _lower_share(right_sides)):
            continue  # rows of a table of phrases, each line its own item: not wrapped prose
        while rights and not rights[0][1]:
            rights.pop(0)
        while lefts and not lefts[-1][1]:
            lefts.pop()
        kept += 1
        # The text before the block, as it is.
        b.piece(done, first - done, "")
        for a, n in lefts:
            b.piece(a, n, "\n")
        if lefts and text[lefts[-1][0] + lefts[-1][1] - 1] in _CLOSED:
            # The left column ends its paragraph: the right one opens its own.
            b.write("\n")
        for k, (a, n) in enumerate(rights):
            b.piece(a, n, "\n" if k + 1 < len(rights) else "")
        done = last
    if not kept:
        return text, None
    b.piece(done, len(text) - done, "")
    return "".join(b.parts), Pieces(b.at, b.orig, b.size)
