"""The speed-ups must not change a single match: guards, lower-cased patterns, suffix pre-tests."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rules.extraction import extractor, metrics, numbers, periods
from rules.extraction.folding import CasePattern, Folded, lower_pattern, may_end_with
from rules.extraction.prefix import guard

_VOCABULARY = (periods._PERIOD_SOURCE + metrics._CUE_ALTERNATION + numbers._ATOM_SOURCE).lower()
_EXTRA = [
    "2026",
    "26",
    "q3",
    "3q",
    "h2",
    "fy26",
    "$",
    "12.5",
    "1,200",
    "%",
    "(",
    ")",
    "MW",
    "ſ",
    "ı",
    "–",
    "’",
    "~",
]
_WORDS = [*sorted(set(re.findall(r"[a-z]{2,}", _VOCABULARY))), *_EXTRA]
_SEPS = [" ", "", "-", "\n", ", ", "\xa0", "_", "   ", " \n\n  ", "\t"]
_TEXT = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPS)), max_size=12).map(
    lambda parts: "".join(w + s for w, s in parts)
)
_CASED = st.tuples(_TEXT, st.sampled_from(["same", "upper", "title"])).map(
    lambda p: p[0].upper() if p[1] == "upper" else p[0].title() if p[1] == "title" else p[0]
)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]


def test_guard_states_only_what_a_match_starts_with() -> None:
    g = re.compile(guard(r"abc|d[ef]x?|(?i:q)r"))
    assert all(g.match(s) for s in ("abc", "dex", "dfz", "Qr", "qr"))
    assert not any(g.match(s) for s in ("abx", "dgx", "xqr", "r"))
    assert guard(r"x?") == guard(r"foo|$") == ""  # an empty match is possible: no guard
    word_then_z = re.compile(guard(r"\w*z"))
    assert word_then_z.match("ab1z")
    assert not word_then_z.match(" z")
    assert lower_pattern(r"\S+(?P<Name>A)[A-Z]") == r"\S+(?P<Name>a)[a-z]"


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_guarded_scans_find_what_the_plain_patterns_find(text: str) -> None:
    plain_period = re.compile(r"(?<![a-z0-9_])(?=[a-z0-9])(?:" + periods._PERIOD_LOWER + ")", re.VERBOSE)
    plain_cue = re.compile(r"(?<![a-z0-9_])(?=[a-z0-9])" + metrics._CUE_ALTERNATION)
    plain_atom = re.compile(numbers._ATOM_SOURCE, re.VERBOSE)
    low = text.lower()
    assert _spans(periods._PERIOD, low) == _spans(plain_period, low)
    assert _spans(metrics._CUE_RE, low) == _spans(plain_cue, low)
    assert _spans(numbers._ATOM, text) == _spans(plain_atom, text)


@settings(max_examples=400, deadline=None)
@given(_CASED)
def test_lower_cased_patterns_match_like_ignorecase(text: str) -> None:
    folded = Folded.of(text)
    for module in (numbers, extractor, metrics):
        for pattern in vars(module).values():
            if isinstance(pattern, CasePattern):
                expected = [m.span() for m in pattern.slow.finditer(text)]
                assert [m.span() for m in pattern.finditer(folded)] == expected
                first = pattern.slow.search(text)
                found = pattern.search_str(text)
                assert (found and found.span()) == (first and first.span())


@settings(max_examples=400, deadline=None)
@given(_CASED)
def test_suffix_pre_tests_never_hide_a_match(text: str) -> None:
    for pattern, words, space in (
        (numbers._BOUND_BEFORE, numbers._BOUND_WORDS, False),
        (numbers._SIGN_BEFORE, numbers._SIGN_WORDS, True),
        (extractor._COMPARATIVE, extractor._COMPARATIVE_WORDS, True),
    ):
        if pattern.slow.search(text):
            assert may_end_with(text, words, space)


def test_a_suffix_pre_test_does_reject() -> None:
    assert not may_end_with("revenue is ", numbers._BOUND_WORDS)
    assert may_end_with("revenue of approximately ", numbers._BOUND_WORDS)
