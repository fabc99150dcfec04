"""SEVENTH HELD-OUT MEASUREMENT, now USED for fixes (no longer blind; see REPORT.md).

tests/extraction/holdout7/ holds fourteen fictional disclosures written and
labelled before any extractor was run on them, by a writer who had not read the
extractor's rules nor the other labelled sets, in styles no earlier set used: a
Canadian TSX release (C$ with US$ figures, IFRS and non-IFRS margins), an Indian
result in ₹ crore with "~USD 2.9 bn" translations and a fiscal year ending 31
March, a Form 6-K carrying a Swedish interim report ("46,5 % (41,2)", "SEK
1 284 million"), an annual letter to shareholders (superseded guidance, a
customer's loan with warrants, a hypothetical, an unnamed peer), a LinkedIn-style
CEO post ("1.2GW", "USD14.6bn", "~310MW live"), a retail-investor forum thread
mixing quoted figures with posters' own models, a trade-press HTML article about
a campus (rival, rezoning and interconnection MW), a utility commission
testimony on a data-center customer's electric service agreement, a de-SPAC
announcement with management projections, a private-credit lender's deal
announcement, an HTML investor FAQ with an at-a-glance table, a correction
release with a restatement, a plain-text IR email with markdown bullets and
spelled numbers, and one distractor (conference-talk notes full of numbers that
are not facts). The gold says what a perfect extractor should output under
spec/facts.md, not what ours does; REPORT.md lists every miss and false fact
with its cause.

Why only a floor: asserting high figures would invite tuning to these fourteen
texts and destroy the measurement. The floor sits a little under the figures
measured after the fixes it was used for, so a regression fails the test. Do not edit
the documents or labels to make this pass; fix a general cause from REPORT.md
and raise the floor instead. Run `pytest -s tests/extraction/test_holdout7.py`
to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT7 = Path(__file__).parent / "holdout7"
DOC_PATHS = doc_paths(HOLDOUT7)

# Measured when the set was written (REPORT.md), on 72845e5: P 0.848, R 0.891, F1 0.869,
# attributes 69/91 (0.758), tp=106 fp=19 fn=13 (after the one label fix listed in REPORT.md;
# before it P 0.841, F1 0.865, fp=20). On branch quality7's base (holdout6 fixes included):
# the same F1, attributes 76/91 (0.835). After the fixes of branch quality7 (REPORT.md,
# "Used for fixes"): P 0.966, R 0.966, F1 0.966, attributes 93/101 (0.921), tp=115 fp=4 fn=4.
# Extraction is deterministic; the margin only absorbs small unrelated extractor changes.
F1_FLOOR = 0.95
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95
ATTRIBUTE_FLOOR = 0.90


def test_holdout7_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 12
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 2
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout7_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout7",
        "HELD-OUT 7 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
