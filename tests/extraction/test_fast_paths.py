"""The speed-ups must not change a single match: guards, lower-cased patterns, suffix pre-tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rules.extraction import counterparties, extractor, metrics, numbers, periods, sentences
from rules.extraction.folding import CasePattern, Folded, Screened, lower_pattern, may_end_with
from rules.extraction.prefix import guard, required_words, starts_at_word
from rules.extraction.spoken import rewrite_spoken_both


def _case_patterns() -> list[CasePattern]:
    modules = (numbers, extractor, metrics, sentences)
    found = [p for m in modules for p in vars(m).values() if isinstance(p, CasePattern)]
    return found + [p for _name, p in extractor._INSTRUMENTS]


def _screened() -> list[Screened]:
    modules = (counterparties, extractor, metrics, numbers, sentences)
    return [p for m in modules for p in vars(m).values() if isinstance(p, Screened)]


_VOCABULARY = (
    periods._PERIOD_SOURCE
    + "".join(p.pattern.pattern for p in _screened())
    + metrics._CUE_PLAIN
    + numbers._ATOM_SOURCE
    + "".join(p.slow.pattern for p in _case_patterns())
).lower()
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


def _atom_spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None]]:
    """Spans and kinds of a factored atom scan, its branches named as the reference's alternatives."""
    return [(m.span(), numbers.ATOM_KIND[m.lastgroup or ""]) for m in pattern.finditer(text)]


def _led_spans(low: str) -> list[tuple[tuple[int, int], str | None]]:
    """The period scan as `find_mentions` runs it on ASCII text (`periods._PERIOD_LED`)."""
    out: list[tuple[tuple[int, int], str | None]] = []
    padded, pos = " " + low, 0
    while (m := periods._PERIOD_LED.search(padded, pos)) is not None:
        pos = m.end() - 1
        out.append(((m.start(), pos), m.lastgroup))
    return out


_PLAIN_ATOM = re.compile(numbers._ATOM_SOURCE, re.VERBOSE)
_PLAIN_ATOM_DIGITS = re.compile(numbers._ATOM_SOURCE.replace("|" + numbers._WORDNUM, ""), re.VERBOSE)


def _wordy(text: str) -> bool:
    low = text.lower()
    return "watt" in low or "percentage" in low or "dollars" in low


def _reference_atoms(text: str) -> list[tuple[str, float, int, int, bool]]:
    """The atoms as the reference pattern reads them, group by group."""
    out = []
    for m in _PLAIN_ATOM.finditer(text):
        kind, (start, end) = m.lastgroup, m.span()
        if kind == "usd":
            raw = m.group("mnum") or m.group("mnum2")
            scale = m.group("mscale") or m.group("mscale2") or m.group("mscale3")
            if scale is None and raw.lower() in numbers._WORDNUMS:
                continue
            factor = numbers.SCALES[scale.lower()] if scale else 1.0
            out.append(("usd", numbers.parse_number(raw) * factor, start, end, scale is not None))
        elif kind == "percent":
            paren = m.group("pparen") or m.group("pparen2")
            value = -numbers.parse_number(paren) if paren else numbers.parse_number(m.group("pnum"))
            out.append(("percent", value, start, end, True))
        elif kind == "pp":
            out.append(("pp", numbers.parse_number(m.group("ppnum")), start, end, True))
        elif kind == "bp":
            out.append(("bp", numbers.parse_number(m.group("bpnum")), start, end, True))
        elif kind == "mw":
            unit = m.group("wunit").lower()
            if "watt" not in unit and m.group("wnum").lower() in numbers._WORDNUMS and not _wordy(text):
                continue  # "two GW": a spelled figure is read before spelled units only
            factor = 1000.0 if unit.startswith("g") else 0.001 if unit.startswith("k") else 1.0
            out.append(("mw", numbers.parse_number(m.group("wnum")) * factor, start, end, True))
        else:
            bscale = m.group("bscale")
            factor = numbers.SCALES[bscale.lower()] if bscale else 1.0
            out.append(("bare", numbers.parse_number(m.group("bnum")) * factor, start, end, bool(bscale)))
    return out


def test_guard_states_only_what_a_match_starts_with() -> None:
    g = re.compile(guard(r"abc|d[ef]x?|(?i:q)r"))
    assert all(g.match(s) for s in ("abc", "dex", "dfz", "Qr", "qr"))
    assert not any(g.match(s) for s in ("abx", "dgx", "xqr", "r"))
    assert guard(r"x?") == guard(r"foo|$") == ""  # an empty match is possible: no guard
    word_then_z = re.compile(guard(r"\w*z"))
    assert word_then_z.match("ab1z")
    assert not word_then_z.match(" z")
    assert lower_pattern(r"\S+(?P<Name>A)[A-Z]") == r"\S+(?P<Name>a)[a-z]"


def test_a_leading_word_boundary_is_added_only_where_every_branch_checks_one() -> None:
    assert starts_at_word(r"\bfoo|(?P<x>\b(?:bar|'ll))")
    assert not starts_at_word(r"foo|\bbar")  # "xfoo" matches at 1: no boundary there
    assert not starts_at_word(r"(?<![a-z])foo")
    statuses = metrics._STATUS_RE.fast.pattern
    assert statuses.startswith(r"\b(?=")  # the capacity-status scan gets it
    assert not CasePattern(r"foo|\bbar").fast.pattern.startswith(r"\b")
    # Same matches as without it, mid-word positions included.
    text = "xsigned, signed; re-leased leased"
    plain = re.compile(r"\b(?:signed|leased)")
    assert [m.span() for m in CasePattern(r"\b(?:signed|leased)").finditer(Folded.of(text))] == [
        m.span() for m in plain.finditer(text)
    ]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_guarded_scans_find_what_the_plain_patterns_find(text: str) -> None:
    plain_period = re.compile(r"(?<![a-z0-9_])(?=[a-z0-9])(?:" + periods._PERIOD_LOWER + ")", re.VERBOSE)
    plain_cue = re.compile(r"(?<![a-z0-9_])(?=[a-z0-9])" + metrics._CUE_PLAIN)
    plain_cue_anycase = re.compile(r"(?<![a-z0-9_])(?=[a-z0-9])" + metrics._CUE_PLAIN, re.IGNORECASE)
    low = text.lower()
    assert _spans(periods._PERIOD, low) == _spans(plain_period, low)
    assert _spans(metrics._CUE_RE, low) == _spans(plain_cue, low)
    assert _spans(metrics._cue_re_anycase(), text) == _spans(plain_cue_anycase, text)
    assert _spans(metrics._cue_re_anycase(), text.upper()) == _spans(plain_cue_anycase, text.upper())
    assert _atom_spans(numbers._ATOM, text) == _spans(_PLAIN_ATOM, text)
    assert _atom_spans(numbers._ATOM_DIGITS, text) == _spans(_PLAIN_ATOM_DIGITS, text)
    if text.isascii():
        # The re.ASCII twins used on ASCII text find exactly the same.
        assert _spans(metrics._CUE_RE_ASCII, low) == _spans(plain_cue, low)
        assert _spans(periods._PERIOD_ASCII, low) == _spans(plain_period, low)
        assert _led_spans(low) == _spans(plain_period, low)
        assert _atom_spans(numbers._ATOM_ASCII, text) == _spans(_PLAIN_ATOM, text)
        assert _atom_spans(numbers._ATOM_DIGITS_ASCII, text) == _spans(_PLAIN_ATOM_DIGITS, text)


@settings(max_examples=400, deadline=None)
@given(_CASED)
@example("two gigawatts, $ one, $1.2 billion, 3 million dollars, (28)%, 40 bps, 2.5 pp, 1,250MW, 12.4bn")
@example("Five percentage points and ten megawatts and twelve billion US dollars, (4.5 %) 2026 .5% c.300MW")
@example("five pts ")
@example("EIGHT KW ")
@example("a two GW campus")
@example("a two GW, two-gigawatt campus")
@example("Someone's ten-megawatt, TWELVE MW, eLeven gigawatts, NiNe percentage points, six billion dollars")
@example("usd 5 and Us$3 of eighteen gigawatts, often seven-kilowatt hours, $ three, US$ four million")
def test_factored_atom_scan_reads_what_the_reference_reads(text: str) -> None:
    """Each number is read once, then its unit: the atoms, values and all, are the reference's."""
    got = [(a.kind, a.value, a.start, a.end, a.scaled) for a in numbers.find_atoms(text)]
    assert got == _reference_atoms(text)


@settings(max_examples=400, deadline=None)
@given(_CASED)
def test_lower_cased_patterns_match_like_ignorecase(text: str) -> None:
    folded = Folded.of(text)
    for pattern in _case_patterns():
        expected = [m.span() for m in pattern.slow.finditer(text)]
        assert [m.span() for m in pattern.finditer(folded)] == expected
        first = pattern.slow.search(text)
        found = pattern.search_str(text)
        assert (found and found.span()) == (first and first.span())
        for start in (0, len(text) // 3):
            end = max(start, len(text) - 2)
            at = pattern.slow.match(text, start, end)
            got = pattern.match(folded, start, end)
            assert (got and got.span()) == (at and at.span())


@settings(max_examples=400, deadline=None)
@given(_CASED)
def test_every_match_holds_a_required_word(text: str) -> None:
    for pattern in _case_patterns():
        if pattern.needs:
            for m in pattern.slow.finditer(text):
                assert any(word in m.group().lower() for word in pattern.needs), (pattern.needs, m.group())


def test_required_words() -> None:
    assert required_words(r"\b(?:expects?|guid\w+|will\s+be|(?:reaffirm|reiterat)\w*)\b") == (
        "affirm",  # the parser factors out the common "re"
        "expect",
        "guid",
        "iterat",
        "will",
    )
    # The longest literal of each alternative; a look-ahead's text is not consumed.
    assert required_words(r"is\s+seeing\s+(?=revenue)|aims?\s+to") == ("aim", "seeing")
    # No useful set: an alternative with no literal of three characters, or one that may be empty.
    assert required_words(r"abc|de") == required_words(r"abc|\d+") == required_words(r"(?:abc)?") == ()
    assert required_words(r"(?i:abc)") == ()
    needs = CasePattern(r"\b(?:loans?|credit\s+facility)\b")
    assert needs.needs == ("facility", "loan")
    assert needs.search_str("A Revolving CREDIT   Facility") is not None
    assert needs.search(Folded.of("the term loan")) is not None
    assert needs.finditer(Folded.of("no such words here")) == []
    assert needs._ruled_out("no such words here", 0, 18)
    assert not needs._ruled_out("a term loan", 0, 11)


def test_records_compare_hash_and_print_by_their_fields() -> None:
    a = numbers.Quantity("usd", 1.0, 2.0, 0, 5, "exact", True)
    b = numbers.Quantity("usd", 1.0, 2.0, 0, 5, "exact", True)
    assert a == b
    assert hash(a) == hash(b)
    assert a != numbers.Quantity("usd", 1.0, 3.0, 0, 5, "exact", True)
    assert len({a, b}) == 1
    assert repr(a) == "Quantity('usd', 1.0, 2.0, 0, 5, 'exact', True)"
    assert periods.Period("Q", 1, 2026) != numbers.Atom("usd", 1.0, 0, 1, False)


@settings(max_examples=400, deadline=None)
@given(_CASED)
def test_suffix_pre_tests_never_hide_a_match(text: str) -> None:
    for pattern, words, space, whole in (
        (numbers._BOUND_BEFORE, numbers._BOUND_WORDS, False, numbers._BOUND_WHOLE),
        (numbers._SIGN_BEFORE, numbers._SIGN_WORDS, True, numbers._SIGN_WHOLE),
        (extractor._COMPARATIVE, extractor._COMPARATIVE_WORDS, True, extractor._COMPARATIVE_WHOLE),
    ):
        if pattern.slow.search(text):
            assert may_end_with(text, words, space, whole)


def test_a_suffix_pre_test_does_reject() -> None:
    assert not may_end_with("revenue is ", numbers._BOUND_WORDS)
    assert may_end_with("revenue of approximately ", numbers._BOUND_WORDS)
    # A whole word: "was" does not end with the bound word "as", "data" not with "a".
    assert may_end_with("revenue was ", numbers._BOUND_WORDS)
    assert not may_end_with("revenue was ", numbers._BOUND_WORDS, False, numbers._BOUND_WHOLE)
    assert may_end_with("as much as ", numbers._BOUND_WORDS, False, numbers._BOUND_WHOLE)
    assert may_end_with("aboutminus ", numbers._BOUND_WORDS, False, numbers._BOUND_WHOLE)
    assert not may_end_with("the data ", extractor._COMPARATIVE_WORDS, True, extractor._COMPARATIVE_WHOLE)
    assert may_end_with("compared with a ", extractor._COMPARATIVE_WORDS, True, extractor._COMPARATIVE_WHOLE)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Two", "gigawatts", "three hundred", "million", "dollars", "$", "’", "Σ", "é", "of"])
    )
)
def test_rewritten_text_keeps_its_lower_cased_twin(words: list[str]) -> None:
    text = " ".join(words)
    out, low, shifts = rewrite_spoken_both(text)
    if Folded.of(text).fast and "Σ" not in text:
        assert low == out.lower()
    assert bool(shifts) == (out != text)


def test_spelled_figures_rewrite_both_forms() -> None:
    out, low, shifts = rewrite_spoken_both("It signs Two Gigawatts ’firm’.")
    assert shifts
    assert "2" in out
    assert low == out.lower()


def test_long_texts_find_odd_case_characters_like_short_ones() -> None:
    from rules.extraction.folding import _ODD_CASE, _ODD_CHARS, _has_odd

    long_plain = "Revenue was $5 million — up 10%. " * 300
    assert not _has_odd(long_plain)
    assert Folded.of(long_plain).fast
    for ch in _ODD_CHARS:
        assert _ODD_CASE.fullmatch(ch)
        assert _has_odd(long_plain + ch)
        assert not Folded.of(long_plain + ch).fast


@settings(max_examples=400, deadline=None)
@given(_CASED)
def test_screened_patterns_match_like_the_plain_ones(text: str) -> None:
    assert len(_screened()) >= 10
    for screened in _screened():
        plain = screened.pattern
        assert [m.span() for m in screened.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for start in (0, len(text) // 3):
            end = max(start, len(text) - 2)
            got, want = screened.search(text, start, end), plain.search(text, start, end)
            assert (got and got.span()) == (want and want.span())
            got, want = screened.match(text, start, end), plain.match(text, start, end)
            assert (got and got.span()) == (want and want.span())


def test_a_screen_rules_out_texts_without_its_words() -> None:
    screened = Screened(re.compile(r"\b(?:under\s+which|whereby)\b", re.IGNORECASE))
    assert screened.needs == ("under", "whereby")
    assert screened._ruled_out("revenue grew 12%", 0, 16)
    assert not screened._ruled_out("a deal UNDER which", 0, 18)
    assert screened.search("a deal UNDER  which it pays") is not None
    # Non-ASCII text is never screened for an IGNORECASE pattern: "ſ" matches "s" there.
    assert not Screened(re.compile("ſales|sales", re.IGNORECASE))._ruled_out("ſales", 0, 5)


def test_scans_run_on_most_sentences_keep_their_word_screen() -> None:
    """A new alternative with no whole word (a bare "'d", say) empties a pattern's required
    words, and its scan then runs on every sentence: the facts stay right, the speed does not."""
    # These four match on punctuation or a lone letter in some alternatives, by design.
    unscreened = {"_GUIDE_RESET", "_COMPARATIVE", "_STATUS_RE", "_BOUND_BEFORE"}
    for module in (extractor, metrics, numbers, periods, counterparties):
        for name, value in vars(module).items():
            if isinstance(value, (CasePattern, Screened)) and name not in unscreened:
                assert value.needs, f"{module.__name__}.{name} lost its word screen"


def test_no_collection_runs_during_extraction() -> None:
    import gc

    from rules.extraction import extract_facts

    text = "Revenue was $12.0 million, up 41%, and gross margin was 38.5% in the quarter. " * 2000
    started: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(record)
    try:
        assert extract_facts(text)
    finally:
        gc.callbacks.remove(record)
    assert started == []
    # The same work with the collector running does trigger collections: the test can fail.
    gc.callbacks.append(record)
    try:
        from rules.extraction.extractor import extract_facts as unpaused

        unpaused(text)
    finally:
        gc.callbacks.remove(record)
    assert started


def test_collector_is_resumed_after_extraction_even_on_error() -> None:
    import gc

    from rules.extraction import extract_facts

    assert gc.isenabled()
    extract_facts("Revenue was $12.0 million.")
    assert gc.isenabled()
    with pytest.raises((TypeError, AttributeError)):
        extract_facts(None)  # type: ignore[arg-type]
    assert gc.isenabled()
    gc.disable()
    try:
        extract_facts("Revenue was $12.0 million.")
        assert not gc.isenabled(), "a caller's own pause is left as it was"
    finally:
        gc.enable()


@settings(max_examples=300, deadline=None)
@example(["540 MW", "of", "generation"])
@example(["85 MW", "of", "flexible load"])
@example(["generating capacity", "of", "540 MW"])
@example(["curtailed", "85 MW"])
@example(["PPAs", "totalling", "540 MW"])
@given(
    st.lists(
        st.sampled_from(
            [
                "power purchase agreements",
                "PPAs",
                "wind",
                "solar",
                "generation",
                "generating capacity",
                "battery storage",
                "demand-response",
                "demand response",
                "flexible load",
                "interruptible demand",
                "interconnection",
                "curtailed",
                "of",
                "new",
                "totalling",
                "covering",
                "up to",
                "the",
                "campus",
                "critical IT load",
                "demand for compute",
                "generated revenue",
                "energized",
                "540 MW",
                "85 MW",
            ]
        ),
        min_size=1,
        max_size=10,
    )
)
def test_grid_side_screen_passes_every_grid_side_match(words: list[str]) -> None:
    """The cheap word screen in front of the grid-side patterns never hides one of their matches."""
    text = " ".join(words)
    low = text.lower()
    for m in re.finditer(r"\d+ MW", text):
        start, end = m.span()
        matched = metrics._GRID_SIDE_AFTER.compiled.match(
            text, end
        ) or metrics._GRID_SIDE_BEFORE.compiled.search(text, max(0, start - 90), start)
        if matched:
            assert metrics._may_be_grid_side(low, start, end), text


@settings(max_examples=300, deadline=None)
@given(
    st.tuples(
        _TEXT, st.sampled_from(["", " or more", "+", " plus", "\u2003or less", " or  fewer", "plus or"])
    )
)
def test_bound_after_pre_test_rules_out_only_what_cannot_match(parts: tuple[str, str]) -> None:
    text = parts[0] + parts[1]
    for end in range(len(text) + 1):
        stop = min(len(text), end + 14)
        if numbers._BOUND_AFTER.match(text, end, stop):
            assert numbers.may_bound_after(text, end, stop)


def test_backer_stems_screen_what_the_backer_pattern_screens() -> None:
    text = "Nimbus signed a $3 billion lease with Orlo AI, with Tessaly Capital Taking a 6% Stake."
    assert counterparties.is_backer(text, text.index("Tessaly"))
    assert not counterparties.is_backer(text, text.index("Orlo"))
    # Outside ASCII the pattern screens: the same answers.
    curly = text.replace("Orlo AI,", "Orlo AI’s unit,")
    assert counterparties.is_backer(curly, curly.index("Tessaly"))
    assert not counterparties.is_backer(curly, curly.index("Orlo"))


_ROUNDUP_PARTS = st.sampled_from(
    ["- ", "• ", "* ", "  ", "\t", "x ", "$ABC", "$DEF", "$GHI", "$JK", "$5", "\n", " up 4%"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ROUNDUP_PARTS, max_size=30).map("".join))
@example("- $ABC up\n- $DEF down\n  • $GHI flat")
def test_ticker_roundup_reads_like_the_line_pattern(text: str) -> None:
    """Cashtags found by their "$" and checked for a bullet on their line: the line-start pattern's
    answer (bullet and cashtag on one line)."""
    line_pattern = re.compile(r"^[ \t]*[-•*][ \t]*\$([A-Z]{2,5})\b", re.MULTILINE)
    assert extractor._ticker_roundup(text) == (len(set(line_pattern.findall(text))) >= 3)
