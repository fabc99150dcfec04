"""Faster scans in the metric reader must find exactly what the reference patterns find."""

from __future__ import annotations

import re

from hypothesis import example, given, settings

from rules.extraction import extractor, metrics
from rules.extraction.folding import may_end_with
from tests.extraction.test_fast_paths import _CASED, _TEXT

_PLAIN_CUE = re.compile(r"(?<![a-z0-9_])(?=[a-z0-9])" + metrics._CUE_PLAIN)
_PLAIN_CUE_ANYCASE = re.compile(r"(?<![a-z0-9_])(?=[a-z0-9])" + metrics._CUE_PLAIN, re.IGNORECASE)


def _reference_cues(text: str) -> list[tuple[str, int, int, str]]:
    low = text.lower()
    if len(low) == len(text):
        found = [(m.lastgroup or "", m.start(), m.end()) for m in _PLAIN_CUE.finditer(low)]
    else:
        found = [(m.lastgroup or "", m.start(), m.end()) for m in _PLAIN_CUE_ANYCASE.finditer(text)]
    return [(metrics._GROUP_TYPE[name], a, b, text[a:b]) for name, a, b in found]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example("Revenue rose; gross margin2 of 52%, the Street's revenue (run-rate) and a $4 a share price")
@example("revenue backlog—and “convertible notes” at the S&P 500 index, (revolving credit facility)")
@example("İ revenue of ſales")
def test_cue_scan_finds_what_the_plain_pattern_finds(text: str) -> None:
    """The separator-led scan over the padded text, cue words at its very start included."""
    for variant in (text, text.upper(), text.title()):
        got = [(c.type, c.start, c.end, c.text) for c in metrics.find_cues(variant)]
        assert got == _reference_cues(variant)


@settings(max_examples=400, deadline=None)
@given(_CASED)
@example("Revenue would have increased by approximately ")
@example("the lease could lower backlog by about ")
@example("an increase of ")
@example("REVENUE ROSE BY\n")
@example(" \t per share")
@example("FY27E and 2026E")
@example("up 12% Year-over-Year")
def test_word_screens_pass_every_text_their_pattern_matches(text: str) -> None:
    """The screens before the metric reader's IGNORECASE patterns only rule out texts they cannot match."""
    low = text.lower()
    if text.isascii():
        if metrics.GROWTH_UP.search(text):
            assert any(w in low for w in metrics.GROWTH_UP_WORDS)
        if extractor._SENSITIVITY_BEFORE.search(text):
            assert "by" in low
            assert any(w in low for w in extractor._MODALS)
        if extractor._PER_UNIT_AFTER.match(text):
            assert low.lstrip()[:1] in ("a", "p", "e", "f")
    if extractor._CHANGE_BEFORE.search(text):
        assert may_end_with(text, extractor._CHANGE_LAST_WORDS, space=True)
    if extractor._ESTIMATE_PERIOD.search(text):
        assert extractor._digit_then_e(text, 0, len(text))
