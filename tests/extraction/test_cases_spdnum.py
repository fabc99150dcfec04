"""The cheap screens in front of the number, bound, comparison and period patterns rule out only
texts those patterns cannot match, and the digits atom scan reads what the reference reads."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from rules.extraction import extractor, numbers, periods

_BOUND_VOCABULARY = (numbers._AT_LEAST + numbers._PASSED + numbers._AT_MOST + numbers._APPROX).lower()
_WORDS = [
    *sorted(set(re.findall(r"[a-z]+", _BOUND_VOCABULARY))),
    *sorted(set(re.findall(r"[a-z]{2,}", periods._PERIOD_SOURCE.lower()))),
    *extractor._COMPARATIVE_LEADS,
    *extractor._COMPARATIVE_WORDS,
    *extractor._FROM_COMPARED_WORDS,
    "negative", "minus", "same", "period", "levels", "seen", "rather", "well", "just",
    "approx.", "c.", "~", "≈", ">=", "≤", "2026", "26", "q3", "3q", "h2", "1h", "fy26", "$", "(", "-",
    "Revenue", "grew", "was", "ſ", "Kelvin", "of", "to", "as", "the",
]  # fmt: skip
_SEPS = [" ", "", "  ", "\n", "(", "-", " ("]
_TEXT = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPS)), max_size=10).map(
    lambda parts: "".join(w + s for w, s in parts)
)
_CASED = st.tuples(_TEXT, st.sampled_from(["same", "upper", "title"])).map(
    lambda p: p[0].upper() if p[1] == "upper" else p[0].title() if p[1] == "title" else p[0]
)


@settings(max_examples=500, deadline=None)
@given(_CASED)
@example("revenue of ")
@example("in excess of ")
@example("grew to ")
@example("up to ")
@example("topped the ")
@example("as much as ")
@example("(about ")
@example("WELL NORTH OF ")
def test_a_window_the_bound_screen_rules_out_has_no_bound_phrase(window: str) -> None:
    if numbers._BOUND_BEFORE.search_str(window):
        assert numbers._may_bound_before(window), window


def test_the_bound_screen_rules_out_a_bound_word_ending_no_bound_phrase() -> None:
    assert not numbers._may_bound_before("Kestrow reported revenue of ")
    assert not numbers._may_bound_before("capacity grew to ")
    assert not numbers._may_bound_before("Halvard was ")
    assert numbers._may_bound_before("backlog in excess of ")
    assert numbers._may_bound_before("a loan of up to ")
    assert numbers._may_bound_before("load topped the ")


@settings(max_examples=500, deadline=None)
@given(_CASED)
@example("compared with the prior guidance of ")
@example("rather than ")
@example("from the same period in ")
def test_comparison_matches_hold_a_screened_word(window: str) -> None:
    if extractor._COMPARATIVE.search_str(window):
        assert any(w in window.lower() for w in extractor._COMPARATIVE_LEADS), window
    if extractor._RE_FROM_COMPARED_WITH.search(window):
        assert any(w in window for w in extractor._FROM_COMPARED_WORDS), window


@settings(max_examples=500, deadline=None)
@given(_TEXT)
@example("for the first nine months ended ")
@example("april-june ")
@example("fiscal 26 ")
@example("2h26 ")
def test_every_period_phrase_holds_a_screened_word(text: str) -> None:
    low = text.lower()
    for pattern in (periods._PERIOD, periods._NINE_MONTHS):
        for m in pattern.finditer(low):
            assert any(w in m.group() for w in periods._PERIOD_WORDS), m.group()


def test_a_sentence_with_no_period_word_has_no_mentions() -> None:
    assert periods.find_mentions("Tessaly Grid signed a lease with Oravan for its Dalby campus.") == []
    assert [m.number for m in periods.find_mentions("Orvik grew sales in its second half.")] == [2]


def test_digits_atom_scan_reads_the_first_character_back() -> None:
    text = "Ulmar: US$1,250.5 million, (3.4)%, .5 pts, 12 bps, 2,400MW, 7 percent, 1,25 %, FY2026 and 2027"
    got = [(a.kind, a.value, a.start, a.end) for a in numbers.find_atoms(text)]
    assert got == [
        ("usd", 1250.5e6, 7, 25),
        ("percent", -3.4, 27, 33),
        ("pp", 0.5, 35, 41),
        ("bp", 12.0, 43, 49),
        ("mw", 2400.0, 51, 58),
        ("percent", 7.0, 60, 69),
        ("percent", 1.25, 71, 77),
        ("bare", 2027.0, 90, 94),
    ]
