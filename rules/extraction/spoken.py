"""Figures spelled out in words, as call transcripts write them.

"thirty-six to thirty-eight percent", "four hundred and ten million dollars",
"one point two billion dollar", "two hundred and sixty megawatts". The number
reader works on digits, so each spelled figure that is followed by a unit or a
scale word (or opens a range whose other end is) is rewritten as digits. The
rewrite comes with an offset map, so a fact's evidence and offsets are still
those of the original text. (Padding the digits to the old width would keep
offsets for free but would push the words before a figure out of the fixed
windows the number reader looks back over.)

Only figures next to a unit are rewritten: "two customers" or "twelve data
halls" stay words, so no new bare number appears where none was meant.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

_UNITS: Final = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALE_WORDS: Final = ("million", "billion", "trillion")
#: Words a spelled figure can end with.
_LAST_WORDS: Final = frozenset([*_UNITS, *_TENS, "hundred", "oh", "a"])
_DIGIT_WORDS: Final = "zero|oh|one|two|three|four|five|six|seven|eight|nine"
_UNIT_RE: Final = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_RE: Final = "|".join(_TENS)
_SMALL: Final = (
    rf"(?:(?:{_TENS_RE})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?|(?:{_UNIT_RE}))"
)
_HUNDREDS: Final = rf"(?:(?:{_SMALL}|a)[\s-]+hundred(?:[\s-]+(?:and[\s-]+)?{_SMALL})?|{_SMALL}|a)"
#: A spelled figure: "three hundred eighty-eight point five", "forty-one point two", and hyphenated
#: as a compound adjective: "a one-point-five-billion-dollar facility".
_NUMBER: Final = rf"\b{_HUNDREDS}(?:[\s-]+point(?:[\s-]+(?:{_DIGIT_WORDS})\b)+)?\b"
#: Unit words a spelled figure can stand before, found with `str.find` (far cheaper than a regex
#: scan over a whole filing); each hit is widened to its word ("megawatt", "billion").
_FRACTION_WORDS: Final = ("half ", "half-", "quarter ", "third ", "fraction of ")
_HALF_WORDS: Final = ("half ", "half-")
_UNIT_STEMS: Final = ("percent", "per cent", "watt", "illion", "dollar")
#: "roughly a third of net sales", "two-thirds of revenue", "half of our revenue": a share of revenue
#: in words, rewritten as a percentage ("33.3%") so concentration reads it like any other.
_FRACTION_STEMS: Final = ("third", "half", "quarter", "fifth")
_FRACTION: Final = re.compile(
    r"\b(?P<frac>(?:a|one|two|three|four)[\s-]+(?:thirds?|quarters?|fifths?|half)|half)"
    # "two-thirds of that revenue", "a fifth of Corvane's revenue": a determiner or a possessive too.
    r"\s+of\s+(?:[a-z][\w&-]*(?:'s|’s)\s+)?"
    r"(?:(?:our|its|their|the|that|this|those|these|total|net|group|consolidated|annual|quarterly)\s+)*"
    r"(?:revenues?|sales|net\s+sales|turnover)\b"
)
_FRACTION_KEY: Final = re.compile(r"[\s-]+")
_FRACTION_VALUES: Final = {
    "a third": "33.3",
    "one third": "33.3",
    "two thirds": "66.7",
    "a quarter": "25",
    "one quarter": "25",
    "three quarters": "75",
    "a fifth": "20",
    "one fifth": "20",
    "two fifths": "40",
    "three fifths": "60",
    "four fifths": "80",
    "a half": "50",
    "one half": "50",
    "half": "50",
}
#: The figure (or range of figures) ending right before a unit word.
_TAIL: Final = re.compile(rf"(?P<a>{_NUMBER})(?:\s*(?:to|-|–|—|and)\s*(?P<b>{_NUMBER}))?[\s-]*$")


def _value(words: str) -> float:
    """The number a spelled figure names ("four hundred and ten" -> 410)."""
    low = words.lower().replace("-", " ")
    whole, _sep, frac = low.partition(" point ")
    if whole.strip() == "a":
        return 1.0  # "a billion dollars"
    total = 0
    current = 0
    for w in whole.split():
        if w == "and":
            continue
        if w == "hundred":
            current = max(current, 1) * 100
        elif w in _TENS:
            current += _TENS[w]
        elif w in _UNITS:
            current += _UNITS[w]
    total += current
    if not frac:
        return float(total)
    digits = "".join(str(_UNITS.get(w, 0)) for w in frac.split() if w in _UNITS or w == "oh")
    return float(f"{total}.{digits}") if digits else float(total)


#: The counts a `_FRACTION` share opens on: "a third", "two-thirds", "three quarters".
_FRACTION_COUNTS: Final = ("a", "one", "two", "three", "four")


def _counted_before(low: str, hit: int) -> bool:
    """Is the fraction word at `hit` ("third", "quarter", "fifth") counted, as a `_FRACTION` match that
    holds it must count it: one of `_FRACTION_COUNTS`, a word of its own, then spaces or a hyphen?
    Most hits are "the third quarter of 2026", and the share pattern's scan is spared for them."""
    k = hit
    while k > 0 and (low[k - 1].isspace() or low[k - 1] == "-"):
        k -= 1
    if k == hit:
        return False
    j = k
    while j > 0 and (low[j - 1].isalnum() or low[j - 1] == "_"):
        j -= 1
    return low[j:k] in _FRACTION_COUNTS


def _digits(value: float) -> str:
    return f"{value:.10f}".rstrip("0").rstrip(".")


def rewrite_spoken(text: str, low: str | None = None) -> tuple[str, list[tuple[int, int]]]:
    """`rewrite_spoken_both` without the lower-cased result."""
    out, _low, shifts = rewrite_spoken_both(text, low)
    return out, shifts


def rewrite_spoken_both(
    text: str,
    low: str | None = None,
    breaks: list[tuple[int, int]] | None = None,
    cuts: list[tuple[int, int]] | None = None,
    spaces: list[tuple[int, int]] | None = None,
) -> tuple[str, str, list[tuple[int, int]]]:
    """`text` with unit-bearing spelled figures written as digits, and the offset map back.

    `breaks` are spans read as one line break (a page's furniture inside a sentence, see
    `pages`): they share the rewrite, so one offset map covers both. `cuts` are spans left out
    (Markdown's markup, see `markup`), in the same map, and `spaces` are spans read as one space
    (a run of spaces between a figure and its scale, see `wraps`).

    The map lists `(position in the new text, characters removed before it)` at each
    rewritten figure's end, in order; `original_offset` reads it. With no spelled figure the
    text is returned as it is and the map is empty.

    Scans for unit words only; a unit preceded by a digit (the usual "$4.1 million") is passed
    over at once, so the cost on ordinary filings is one literal scan. `low` is
    `text.lower()` when the caller has it. The second result is the new text built from `low`
    the same way (figures are written in digits, which have no case): the caller's lower-cased
    text, when lower-casing maps character to character, without lower-casing it again.
    """
    if low is None:
        low = text.lower()
    if len(low) != len(text):
        return text, low, []
    spans: list[tuple[int, int]] = []
    #: The text that replaces a span, where it is no spelled figure (a fraction, a page break).
    replaced: dict[tuple[int, int], str] = {}
    if breaks:
        for span in breaks:
            spans.append(span)
            replaced[span] = "\n"
    if cuts:
        for span in cuts:
            spans.append(span)
            replaced[span] = ""
    if spaces:
        for span in spaces:
            spans.append(span)
            replaced[span] = " "
    for stem in _UNIT_STEMS:
        hit = low.find(stem)
        while hit >= 0:
            unit = hit
            while unit > 0 and low[unit - 1].isalpha():
                unit -= 1
            k = unit - 1
            while k >= 0 and low[k] in " -":
                k -= 1
            j = k
            while j > 0 and low[j - 1].isalpha():
                j -= 1
            if k >= 0 and low[j : k + 1] in _LAST_WORDS:
                m = _TAIL.search(low, max(0, unit - 120), unit)
                if m is not None and m.group("a") == "a" and not low.startswith(_SCALE_WORDS, unit):
                    m = None  # "a" is one only in "a million", "a billion"
                if m is not None and m.group("a") == "a" and low.endswith(_FRACTION_WORDS, 0, m.start("a")):
                    if low.startswith(_SCALE_WORDS, unit) and low.endswith(_HALF_WORDS, 0, m.start("a")):
                        # "half a trillion dollars", "half-a-trillion dollars": 0.5 of the scale.
                        end = m.end("a")
                        hyphen = low.startswith("-", end)
                        span = (m.start("a") - 5, end + 1 if hyphen else end)
                        spans.append(span)
                        replaced[span] = "0.5 " if hyphen else "0.5"
                    m = None  # "half a billion dollars" is not one billion
                if m is not None:
                    for g in ("a", "b"):
                        if m.group(g) is not None:
                            spans.append((m.start(g), m.end(g)))
            hit = low.find(stem, hit + len(stem))
    for stem in _FRACTION_STEMS:
        hit = low.find(stem)
        while hit >= 0:
            # Most hits are "third quarter" or "half year": a share is always "… of …".
            after = hit + len(stem)
            if low.startswith("s", after):
                after += 1
            if not low.startswith(" of ", after) or (stem != "half" and not _counted_before(low, hit)):
                hit = low.find(stem, after)
                continue
            m = _FRACTION.search(low, max(0, hit - 12), after + 80)
            value = _FRACTION_VALUES.get(_FRACTION_KEY.sub(" ", m.group("frac"))) if m is not None else None
            if m is not None and value is not None and m.start("frac") <= hit < m.end("frac"):
                span = (m.start("frac"), m.end("frac"))
                spans.append(span)
                replaced[span] = value + "%"
            hit = low.find(stem, hit + len(stem))
    if not spans:
        return text, low, []
    parts: list[str] = []
    low_parts: list[str] = []
    shifts: list[tuple[int, int]] = []
    pos = 0
    size = 0
    removed = 0
    for a, b in sorted(set(spans)):
        if a < pos:
            continue
        digits = replaced[(a, b)] if (a, b) in replaced else _digits(_value(text[a:b]))
        parts.append(text[pos:a])
        parts.append(digits)
        low_parts.append(low[pos:a])
        low_parts.append(digits)
        size += (a - pos) + len(digits)
        removed += (b - a) - len(digits)
        shifts.append((size, removed))
        pos = b
    parts.append(text[pos:])
    low_parts.append(low[pos:])
    return "".join(parts), "".join(low_parts), shifts


class Shifts:
    """Offset map from the rewritten text back to the original: at each rewritten figure's
    end (`at`, in the rewritten text) the characters removed so far (`removed`)."""

    __slots__ = ("at", "removed")

    def __init__(self, pairs: list[tuple[int, int]] | None = None) -> None:
        self.at = [a for a, _r in pairs or []]
        self.removed = [r for _a, r in pairs or []]

    def __bool__(self) -> bool:
        return bool(self.at)

    def original(self, pos: int) -> int:
        """The offset in the original text of `pos` in the rewritten one."""
        i = bisect_right(self.at, pos)
        return pos + (self.removed[i - 1] if i else 0)


def original_offset(shifts: list[tuple[int, int]], pos: int) -> int:
    """`Shifts(shifts).original(pos)` for a one-off lookup."""
    return Shifts(shifts).original(pos)
