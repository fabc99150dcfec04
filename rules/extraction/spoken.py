"""Figures spelled out in words, as call transcripts write them.

"thirty-six to thirty-eight percent", "four hundred and ten million dollars",
"one point two billion dollar", "two hundred and sixty megawatts". The number
reader works on digits, so each spelled figure that is followed by a unit or a
scale word (or opens a range whose other end is) is rewritten in place as
digits, right-aligned and padded with spaces to the same length. Offsets in the
rewritten text are therefore the offsets of the original, and the evidence can
still be cut from the original text.

Only figures next to a unit are rewritten: "two customers" or "twelve data
halls" stay words, so no new bare number appears where none was meant.
"""

from __future__ import annotations

import re

_UNITS = {
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
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_DIGIT_WORDS = "zero|oh|one|two|three|four|five|six|seven|eight|nine"
_UNIT_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_RE = "|".join(_TENS)
_SMALL = rf"(?:(?:{_TENS_RE})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?|(?:{_UNIT_RE}))"
_HUNDREDS = rf"(?:{_SMALL}\s+hundred(?:\s+(?:and\s+)?{_SMALL})?|{_SMALL})"
#: A spelled figure: "three hundred eighty-eight point five", "forty-one point two".
_NUMBER = rf"\b{_HUNDREDS}(?:\s+point(?:\s+(?:{_DIGIT_WORDS})\b)+)?\b"
_FIGURE = re.compile(_NUMBER, re.IGNORECASE)
#: What may follow a figure for it to be a quantity.
_UNIT_AFTER = re.compile(
    r"[\s-]*(?:percent|per\s+cent|percentage\s+points?|megawatts?|gigawatts?|kilowatts?|"
    r"million|billion|trillion|dollars?)\b",
    re.IGNORECASE,
)
_RANGE_GAP = re.compile(r"\s*(?:to|-|–|—|and)\s*", re.IGNORECASE)
#: Cheap pre-filter: some tens word or "hundred"/"point" next to a unit must occur.
_HINT = re.compile(
    rf"\b(?:{_TENS_RE}|{_UNIT_RE}|hundred)\b[\w\s-]{{0,60}}?\b(?:percent|per\s+cent|watts?|"
    r"megawatts?|gigawatts?|million|billion|trillion|dollars?)\b",
    re.IGNORECASE,
)


def _value(words: str) -> float:
    """The number a spelled figure names ("four hundred and ten" -> 410)."""
    low = words.lower().replace("-", " ")
    whole, _sep, frac = low.partition(" point ")
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


def _digits(value: float) -> str:
    return f"{value:.10f}".rstrip("0").rstrip(".")


def rewrite_spoken(text: str) -> str:
    """`text` with unit-bearing spelled figures written as digits (same length, same offsets)."""
    if not _HINT.search(text):
        return text
    figures = list(_FIGURE.finditer(text))
    if not figures:
        return text
    keep = [bool(_UNIT_AFTER.match(text, m.end())) for m in figures]
    # "thirty-six to thirty-eight percent": the first end of a range takes the unit of the second.
    for i in range(len(figures) - 2, -1, -1):
        if (
            not keep[i]
            and keep[i + 1]
            and _RANGE_GAP.fullmatch(text, figures[i].end(), figures[i + 1].start())
        ):
            keep[i] = True
    if not any(keep):
        return text
    parts: list[str] = []
    pos = 0
    for m, ok in zip(figures, keep, strict=True):
        if not ok:
            continue
        digits = _digits(_value(m.group()))
        width = m.end() - m.start()
        if len(digits) > width:
            continue
        parts.append(text[pos : m.start()])
        parts.append(digits.rjust(width))
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts)
