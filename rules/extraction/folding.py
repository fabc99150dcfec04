"""Case-insensitive matching done the fast way: case-sensitive patterns over lower-cased text.

`re.IGNORECASE` disables the engine's literal fast paths (an alternation whose
branches start with different letters is tried branch by branch at every
position), so the extractor lower-cases a document once and runs lower-case
patterns on it. That is exactly equivalent to IGNORECASE as long as lower-casing
maps every character to one character and no character has one of the extra
case equivalences `re` knows about (dotless i, long s, Greek and Cyrillic
variants...); a text containing such a character is read with the
IGNORECASE patterns instead (`Folded.fast` is then False).
"""

from __future__ import annotations

import re
import sys
from typing import Final

from rules.extraction.prefix import guard, required_words, starts_at_word
from rules.extraction.record import Record

#: Characters whose IGNORECASE matching differs from comparing `str.lower()` results
#: (the extra cases of `re._casefix` plus "İ", which lower-cases to two characters).
_ODD_CHARS: Final = (
    "\u00b5\u0130\u0131\u017f\u0345\u0390\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2"
    "\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434\u043e\u0441\u0442\u044a\u0463"
    "\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06"
)
_ODD_CASE: Final = re.compile("[" + _ODD_CHARS + "]")


def _has_odd(text: str) -> bool:
    """Does `text` hold an `_ODD_CHARS` character? A long text's distinct non-ASCII characters are
    collected in one scan and looked up (fifty `in` scans of a two-byte text cost five times more)."""
    if len(text) < 4000:
        return _ODD_CASE.search(text) is not None
    return not _ODD_SET.isdisjoint(_NON_ASCII.findall(text))


_ODD_SET: Final = frozenset(_ODD_CHARS)
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")
#: Every ASCII byte: deleted from a text's UTF-8 form, they leave its non-ASCII characters.
_ASCII_BYTES: Final = bytes(range(128))


def foldable(text: str) -> bool:
    """Does `text.lower()` match lower-case patterns exactly as `text` matches IGNORECASE ones?"""
    if text.isascii():
        return True
    return _ODD_CASE.search(text) is None and len(text.lower()) == len(text)


def lower_pattern(source: str) -> str:
    """`source` with its literal letters lower-cased; escapes (`\\S`, `\\W`) and group names kept."""
    out: list[str] = []
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        if ch == "\\" and i + 1 < n:
            out.append(source[i : i + 2])
            i += 2
            continue
        if source.startswith("(?P<", i) or source.startswith("(?P=", i):
            close = source.index(">" if source[i + 3] == "<" else ")", i)
            out.append(source[i : close + 1])
            i = close + 1
            continue
        out.append(ch.lower())
        i += 1
    return "".join(out)


class Folded(Record):
    """A text together with its lower-cased form, when that form can stand in for IGNORECASE."""

    __slots__ = ("fast", "low", "text")

    text: str
    low: str
    fast: bool

    def __init__(self, text: str, low: str, fast: bool) -> None:
        self.text = text
        self.low = low
        self.fast = fast

    def _key(self) -> tuple[object, ...]:
        return (self.text, self.low, self.fast)

    @classmethod
    def of(cls, text: str) -> Folded:
        """`text` with its lower-cased form, and whether that form stands in for IGNORECASE.

        `str.lower` walks a text holding any non-ASCII character one character at a time through
        the Unicode tables (55 instructions a character), and the scan for odd characters took 48
        more. A document's few non-ASCII characters are picked out of its UTF-8 form instead, and
        when none of them changes under `lower` (curly quotes, dashes, accented small letters),
        lower-casing the UTF-8 bytes, which touches ASCII letters only, gives the same string:
        97 instructions a character down to 31 over the benchmark's 300 KB (29.4M to 9.3M).
        """
        if text.isascii():
            return cls(text, text.lower(), True)
        try:
            data = text.encode()
        except UnicodeEncodeError:  # a lone surrogate has no UTF-8 form
            low = text.lower()
            return cls(text, low, len(low) == len(text) and not _has_odd(text))
        others = data.translate(None, _ASCII_BYTES).decode()
        odd = _ODD_CASE.search(others) is not None
        if others.lower() == others:
            # Lower-casing then changes ASCII letters only ("Σ", whose form depends on its
            # neighbours, is no lower-case character).
            return cls(text, data.lower().decode(), not odd)
        low = text.lower()
        return cls(text, low, len(low) == len(text) and not odd)

    def slice(self, start: int, end: int) -> Folded:
        """The same view of text[start:end] (lower-casing is per character when `fast`)."""
        text = self.text[start:end]
        if self.fast:
            return Folded(text, self.low[start:end], True)
        return Folded(text, text.lower(), False)


class CasePattern:
    """One case-insensitive pattern compiled twice: lower-case (fast) and IGNORECASE (fallback).

    The lower-case form also gets the `prefix.guard` look-ahead, so positions no
    match can start at are rejected with a few literal comparisons, and a list of
    words one of which every match contains (`prefix.required_words`): a text with
    none of them is ruled out by `str.find`, without the engine visiting it at all.
    """

    __slots__ = ("_slow", "fast", "flags", "needs", "source")

    def __init__(self, source: str, flags: int = 0, depth: int = 3) -> None:
        low = lower_pattern(source)
        # `depth` characters of look-ahead: five suit a pattern scanned over whole sentences (a
        # third faster than three on the guidance scan); three keep the others quick to compile.
        # A pattern whose every branch opens with `\b` before a word character says so once more in
        # front of the guard, so positions inside words fail on one check (a quarter off the
        # capacity-status scan).
        lead = r"\b" if starts_at_word(low, flags) else ""
        self.fast = re.compile(lead + guard(low, flags, depth) + "(?:" + low + ")", flags)
        self.source = source
        self.flags = flags
        self._slow: re.Pattern[str] | None = None
        self.needs = required_words(low, flags)

    @property
    def slow(self) -> re.Pattern[str]:
        """The IGNORECASE form, compiled on first use: only text with odd-case characters needs
        it, and compiling every one at import slowed each `watcher extract` process."""
        slow = self._slow
        if slow is None:
            slow = self._slow = re.compile(self.source, self.flags | re.IGNORECASE)
        return slow

    def _ruled_out(self, low: str, pos: int, end: int) -> bool:
        """No required word in low[pos:end]: the pattern cannot match there."""
        needs = self.needs
        if not needs:
            return False
        return all(low.find(word, pos, end) < 0 for word in needs)

    def search_str(self, text: str) -> re.Match[str] | None:
        """Search a short string on its own, lower-cased when that is exact (see `foldable`)."""
        if foldable(text):
            low = text.lower()
            if self._ruled_out(low, 0, len(low)):
                return None
            return self.fast.search(low)
        return self.slow.search(text)

    def search(self, f: Folded, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(f.text) if endpos is None else endpos
        if f.fast:
            if self._ruled_out(f.low, pos, end):
                return None
            return self.fast.search(f.low, pos, end)
        return self.slow.search(f.text, pos, end)

    def match(self, f: Folded, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(f.text) if endpos is None else endpos
        if f.fast:
            if self._ruled_out(f.low, pos, end):
                return None
            return self.fast.match(f.low, pos, end)
        return self.slow.match(f.text, pos, end)

    def finditer(self, f: Folded, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        end = len(f.text) if endpos is None else endpos
        if f.fast:
            if self._ruled_out(f.low, pos, end):
                return []
            return list(self.fast.finditer(f.low, pos, end))
        return list(self.slow.finditer(f.text, pos, end))


class Screened:
    """A compiled pattern behind a substring screen, with the pattern's own methods and results.

    `needs` are the words one of which every match contains (`prefix.required_words`); most
    texts hold none of them, and `str.find` says so far faster than the regex engine visiting
    each position. An IGNORECASE pattern is screened on the lower-cased region when that region
    is ASCII (elsewhere IGNORECASE knows case pairs `str.lower` does not) and not at all otherwise.
    """

    __slots__ = ("icase", "needs", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.icase = bool(pattern.flags & re.IGNORECASE)
        source = lower_pattern(pattern.pattern) if self.icase else pattern.pattern
        self.needs = required_words(source, pattern.flags & re.VERBOSE)

    def _ruled_out(self, text: str, pos: int, end: int) -> bool:
        needs = self.needs
        if not needs:
            return False
        if self.icase:
            return not may_contain(text[pos:end], needs)
        return all(text.find(word, pos, end) < 0 for word in needs)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._ruled_out(text, pos, endpos):
            return None
        return self.pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._ruled_out(text, pos, endpos):
            return None
        return self.pattern.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[re.Match[str]]:
        if self._ruled_out(text, pos, endpos):
            return []
        return list(self.pattern.finditer(text, pos, endpos))


def may_end_with(
    window: str, words: tuple[str, ...], space: bool = False, whole: frozenset[str] = frozenset()
) -> bool:
    """Can a case-insensitive `(?:…words…)\\s*$` pattern match `window`? False means surely not.

    The look-back patterns (bound words, signs, comparatives) are anchored at the
    end of a short window and `re` tries them from every position of it; almost
    every window fails, and this suffix test says so at a fraction of the cost.
    `words` must hold every way such a match can end (its last word), lower-cased;
    with `space` the pattern also needs trailing whitespace. The words in `whole` are written
    after a word boundary in the pattern (`\\b` or whitespace before them), so "was" does not
    end with the word "as" and "data" not with "a".
    """
    if space and not window[-1:].isspace():
        return False
    stripped = window.rstrip()
    tail = stripped[-20:]
    if not foldable(tail):
        return True  # lower-casing is no exact stand-in for IGNORECASE here: let the pattern decide
    low = tail.lower()
    if not low.endswith(words):
        return False
    if not whole:
        return True
    for word in words:
        if low.endswith(word):
            if word not in whole:
                return True
            before = len(stripped) - len(word) - 1
            if before < 0 or not (stripped[before].isalnum() or stripped[before] == "_"):
                return True
    return False


def may_contain(text: str, words: tuple[str, ...]) -> bool:
    """Can a case-insensitive pattern that always matches one of `words` match `text`? False: surely not.

    A substring test on ASCII text is far cheaper than an IGNORECASE scan; other text goes to the
    pattern, since IGNORECASE knows case equivalences `str.lower` does not (long s, Kelvin sign).
    `words` must be lower-case.
    """
    if not text.isascii():
        return True
    low = text.lower()
    return any(word in low for word in words)
