"""A "sentence" longer than any written one is read in pieces.

Each figure's reading scans its sentence, and the status of a power figure compares it with
every status word around it, so the cost of one sentence grows faster than its length: a
100 KB line with no full stop (a page flattened by a converter, a list written with commas)
took four minutes before it was cut. These tests hold the shape of the cut, not a time
(`benchmarks/extraction_worst.py` times it).
"""

from __future__ import annotations

import itertools

from rules.extraction import extract_facts
from rules.extraction.sentences import MAX_SENTENCE, segment

_CLAUSE = "Harwick signed an agreement with Olsen Cloud for 20 MW at its Tarn campus; "


def test_an_over_long_line_is_cut_into_pieces_at_clause_ends() -> None:
    text = _CLAUSE * 300
    pieces = segment(text)
    assert len(pieces) > 1
    assert all(p.end - p.start <= MAX_SENTENCE for p in pieces)
    # Each piece ends at a clause's end, so no clause is split across two pieces.
    assert all(text[p.start : p.end].endswith(";") for p in pieces[:-1])
    # Nothing is lost between the pieces: only the space after each cut.
    assert pieces[0].start == 0
    assert pieces[-1].end == len(text.rstrip())
    assert all(text[a.end : b.start] == " " for a, b in itertools.pairwise(pieces))


def test_a_line_with_no_clause_marks_is_cut_at_a_space() -> None:
    text = "word " * 1000
    pieces = segment(text)
    assert all(p.end - p.start <= MAX_SENTENCE for p in pieces)
    assert all(text[p.end] == " " for p in pieces[:-1])


def test_the_figures_of_every_piece_are_read() -> None:
    """The first and the last clause of a 22 KB line both give their fact."""
    text = (
        _CLAUSE + "The weather was mild and the roads were clear, " * 450 + "Harwick energized 35 MW at Tarn."
    )
    found = sorted((f.metric, f.low) for f in extract_facts(text))
    assert found == [("capacity_contracted", 20.0), ("capacity_deployed", 35.0)]


def test_a_long_written_sentence_stays_whole() -> None:
    """Legal prose runs to several hundred characters: it is not cut."""
    sentence = (
        "On March 3, 2026, Harwick Data Centers, Inc. entered into a credit agreement with Calder Bank, "
        "N.A., as administrative agent, and the lenders party thereto, providing for a senior secured "
        "revolving credit facility of up to $400 million, which may be increased by up to $150 million "
        "subject to customary conditions, and which matures on the fifth anniversary of the closing date, "
        "with interest at a rate equal to SOFR plus a margin of between 2.25% and 3.00% per annum."
    )
    (piece,) = segment(sentence)
    assert piece.end - piece.start == len(sentence)
