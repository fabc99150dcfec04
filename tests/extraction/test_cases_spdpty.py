"""The fast paths of the speed work give exactly what the patterns they stand for give.

Each shortcut (a `str.find` screen, a hand-read pattern, a scan tried only where a match can
start, an answer remembered for a document) must not change a fact. These tests compare each one
with the pattern or the call it replaces, on texts built at random from the pattern's own words
and invented names, and on a few invented sentences. All companies and figures are invented.
"""

from __future__ import annotations

import random
import re
import sys

from rules.extraction import counterparties, extractor, movers, sentences, spoken
from rules.extraction.folding import Folded

#: Non-ASCII pieces that lower-casing treats apart (long s, dotless i, Kelvin sign) or widens.
_ODD: tuple[str, ...] = ("ſ", "ı", "\u212a", "é", "’", "\u00a0", "İ")


def _texts(words: list[str], seps: list[str], count: int, seed: int, longest: int = 10) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, longest)))
        for _ in range(count)
    ]


def _spans(matches: list[re.Match[str]] | object) -> list[tuple[int, int, str]]:
    assert isinstance(matches, list)
    return [(m.start(), m.end(), m.group()) for m in matches]


def _lead_words() -> list[counterparties.LeadWords]:
    found = [
        counterparties._LENDER_RIGHT,
        counterparties._PARTY_WITH,
        extractor._RE_WITH_TO_FROM,
        extractor._WITH_TO_WORDS,
        extractor._HANDED_TO,
        extractor._APPOSITIVE,
        extractor._CONTRACT_DEFINITE,
    ]
    return found + [counterparties.slashed(lw) for lw in found]


def test_lead_words_find_what_their_pattern_finds() -> None:
    rng = random.Random(11)
    seps = [" ", "  ", "\n", "-", "", ", ", "(", "/", " - ", " — "]
    for k, lw in enumerate(_lead_words()):
        words = sorted(set(re.findall(r"[a-z]+", lw.pattern.pattern)))
        words += ["With", "TO", "By", "The", "w/", "W/", "Varnholt", "Quenby Labs", "_with", "2to", *_ODD]
        for text in _texts(words, seps, 1500, 100 + k):
            pos = rng.choice([0, rng.randint(-2, len(text) + 1)])
            endpos = rng.choice([sys.maxsize, rng.randint(-2, len(text) + 2)])
            assert _spans(lw.finditer(text, pos, endpos)) == _spans(
                list(lw.pattern.finditer(text, pos, endpos))
            ), (
                lw.pattern.pattern,
                text,
                pos,
                endpos,
            )
            want = lw.pattern.search(text, pos, endpos)
            got = lw.search(text, pos, endpos)
            assert (None if want is None else want.span()) == (None if got is None else got.span()), text


def test_lead_words_on_invented_sentences() -> None:
    text = "The $640 million term loan was arranged by Pellworth Bank, with Ostlund Capital joining later."
    assert [m.group() for m in counterparties._LENDER_RIGHT.finditer(text)] == ["arranged by ", "with "]
    text = "Its customer, Brannoch Systems, took the hall; THE AGREEMENT runs to 2031."
    assert extractor._APPOSITIVE.search(text) is not None
    assert extractor._CONTRACT_DEFINITE.search(text) is not None
    # A ticker post's "w/": only the slashed words read it.
    post = "inks 90 MW hosting deal w/ Tarrow AI"
    assert not counterparties._PARTY_WITH.finditer(post)
    assert [m.group() for m in counterparties.slashed(counterparties._PARTY_WITH).finditer(post)] == ["w/ "]


def test_agreement_word_written_whole() -> None:
    words = [
        "agreement",
        "Agreements",
        "leases",
        "lease",
        "dealer",
        "deal",
        "CONTRACT",
        "partnership",
        "x",
        "_deal",
    ]
    for text in _texts([*words, *_ODD], [" ", "", "-", "_", ".", "2"], 3000, 12):
        f = Folded.of(text)
        assert extractor._names_a_contract(f) == (extractor._CONTRACT_RE.search(f) is not None), text
    assert extractor._names_a_contract(Folded.of("Holmfirth signed a lease with Cadder AI."))
    assert not extractor._names_a_contract(Folded.of("Holmfirth leases halls to dealers."))


def test_move_verb_found_where_the_pattern_finds_it() -> None:
    words = sorted(set(re.findall(r"[a-z]+", movers._VERB_END.source)))
    words += ["Brackwater", "(BRKW", "US)", "shares", "rose,", "x-fell", "Has", "Jumps", "3%", "_up", *_ODD]
    rng = random.Random(13)
    for text in _texts(words, [" ", "  ", "\n", "-", "", "\t"], 4000, 13, longest=9):
        end = rng.randint(0, len(text))
        lo = rng.randint(0, end)
        want = movers._VERB_END.compiled.search(text, lo, end)
        got = movers._verb_end(text, lo, end)
        assert (want is None) == (got is None), (text, lo, end)
        if want is not None and got is not None:
            assert want.span() == got.span(), text
            assert want.groupdict() == got.groupdict(), text


def test_document_names_give_the_answers_asked_afresh() -> None:
    document = (
        "Marrowby Grid Inc. (NASDAQ: MRBY) supplies power equipment. "
        "Rival Tessaly Works fell 4.1% on Monday. Tessaly Works later rose 2.2%, "
        "while Marrowby Grid rose 3.5%. "
        "$MRBY closed up 1.8% today."
    )
    names = movers.DocumentNames()
    for sentence in sentences_of(document):
        for m in re.finditer(r"\d+(?:\.\d+)?%", sentence):
            fresh = movers.named_move(sentence, m.start(), m.end(), [], document, "Marrowby Grid")
            kept = movers.named_move(sentence, m.start(), m.end(), [], document, "Marrowby Grid", names)
            again = movers.named_move(sentence, m.start(), m.end(), [], document, "Marrowby Grid", names)
            assert fresh == kept == again, sentence
    assert names.known or names.owners


def sentences_of(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences.segment(text)]


def _old_split(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """The splitter as it was, with its patterns (the reference for the hand-read one)."""
    word_before_dot = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in sentences._SENT_END.finditer(source, start, end):
        cut = m.start() + 1
        word = word_before_dot.search(source[max(start, cut - 12) : cut])
        if word:
            w = word.group(1).lower().rstrip(".")
            if w in sentences._ABBREV or len(w) == 1 or sentences._initials(w):
                continue
            if w in sentences._CURRENCY_ABBREV and source[m.end() : m.end() + 1].isdigit():
                continue
        spans.append((cursor, cut))
        cursor = m.end()
    spans.append((cursor, end))
    return spans


def test_sentence_splitter_matches_its_patterns() -> None:
    pieces = [*"ab.AB Z9$!?\"'”’)](“‘([\n\t|", "Inc", "e.g", "Ps", "J.K", "No", "u.s", "  ", "\u2003", *_ODD]
    rng = random.Random(14)
    for text in _texts(pieces, [""], 6000, 14, longest=30):
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        assert sentences._split_sentences(text, a, b) == _old_split(text, a, b), (text, a, b)
        bullet = sentences._BULLET.match(text)
        assert sentences._bullet_end(text) == (bullet.end() if bullet else 0), text
        assert sentences._is_table_row(text) == (
            text.count(" | ") >= 1 or (text.lstrip().startswith("|") and text.count("|") >= 3)
        ), text
    text = (
        "Harlow Vane Inc. signed on Jan. 4. Revenue rose 12%! Was it “Q3”? Ps. 4,100 came in. U.S. sales fell"
    )
    assert sentences._split_sentences(text, 0, len(text)) == _old_split(text, 0, len(text))


def test_bullet_reader_matches_its_pattern() -> None:
    pieces = [*"ab9z0(.)A -*•·▪◦‣⁃–—\t", "  ", "\u2003", "\xa0", "iv", "12", "(a)", *_ODD]
    for text in _texts(pieces, [""], 6000, 15, longest=8):
        bullet = sentences._BULLET.match(text)
        assert sentences._bullet_end(text) == (bullet.end() if bullet else 0), text


def test_fraction_screen_keeps_every_share_in_words() -> None:
    words = ["a", "one", "two", "three", "four", "third", "thirds", "quarter", "fifth", "half", "of", "our"]
    words += ["revenue", "sales", "the", "roughly", "x", "One", "THIRD", "_a", "2", *_ODD]
    for text in _texts(words, [" ", "  ", "-", "\n", "", "\u00a0"], 4000, 15, longest=12):
        low = text.lower()
        if len(low) != len(text):
            continue
        for stem in ("third", "quarter", "fifth"):
            hit = low.find(stem)
            while hit >= 0:
                m = spoken._FRACTION.search(low, max(0, hit - 12), hit + len(stem) + 81)
                if m is not None and m.start("frac") <= hit < m.end("frac"):
                    assert spoken._counted_before(low, hit), text
                hit = low.find(stem, hit + 1)
    out, _low, _shifts = spoken.rewrite_spoken_both(
        "Roughly two-thirds of Fenwick's revenue came from leases."
    )
    assert "66.7%" in out
    out, _low, _shifts = spoken.rewrite_spoken_both("In the third quarter of 2026 revenue rose.")
    assert out == "In the third quarter of 2026 revenue rose."


def test_whole_is_is_integer() -> None:
    for x in (
        0.0,
        -0.0,
        3.0,
        -7.0,
        2.5,
        -2.5,
        1e300,
        2140000000.0000002,
        float("inf"),
        float("-inf"),
        float("nan"),
    ):
        assert extractor._whole(x) == x.is_integer(), x


def test_lender_answer_is_remembered_only_for_the_same_question() -> None:
    state = extractor._State(company="Ostrowe Compute", default_year=None)
    s = "Ostrowe Compute closed a $410 million loan led by Haverlock Bank, with Pinmoor Credit lending too."
    assert extractor._lender(state, s, 0, len(s), "Ostrowe Compute") == counterparties.lender(
        s, 0, len(s), "Ostrowe Compute"
    )
    assert extractor._lender(state, s, 0, len(s), "Ostrowe Compute") == "Haverlock Bank"
    tail = s.index("with")
    assert extractor._lender(state, s, tail, len(s), "Ostrowe Compute") == counterparties.lender(
        s, tail, len(s), "Ostrowe Compute"
    )
    assert extractor._lender(state, s, 0, len(s), "Haverlock Bank") == counterparties.lender(
        s, 0, len(s), "Haverlock Bank"
    )


def test_head_skip_screen_passes_over_nothing_it_would_skip() -> None:
    words = [
        "a",
        "an",
        "The",
        "ONE",
        "its",
        "Our",
        "their",
        "wholly-owned",
        "subsidiary",
        "of",
        "Vantrell",
        "Inc",
    ]
    for text in _texts([*words, "x", "2", "(", *_ODD], [" ", "", "-", "\n"], 3000, 16):
        m = counterparties._HEAD_SKIP.match(text)
        if text.isascii() and text[:1] not in counterparties._HEAD_FIRSTS:
            assert m is not None, text
            assert m.end() == 0, text
    assert counterparties.name_at("led by the Ravensholt Bank of Tulsa.", 7) == "Ravensholt Bank of Tulsa"
    assert counterparties.name_at("led by Ravensholt Bank.", 7) == "Ravensholt Bank"
