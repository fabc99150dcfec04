"""NINTH HELD-OUT MEASUREMENT, now USED for fixes (see REPORT.md): no longer blind.

tests/extraction/holdout9/ holds fourteen fictional disclosures written and
labelled before any extractor was run on them, by a writer who had not read the
extractor's rules nor the other labelled sets: a proxy statement's compensation
discussion (incentive targets beside the published outlook), a 10-Q
subsequent-events note, a credit-agreement amendment's summary of terms, a
convertible notes pricing announcement with a capped call, an HTML monthly
operating update with an energization table, an investor-day transcript with
long-term targets, a Mexican release translated from Spanish ("Ps.", "mdp",
"1T26"), a Polish quarterly report with decimal commas ("mln", "mld"), a TV
interview transcript, an HTML newsletter deep dive by an outside writer, a CEO's
post thread, an OCR-like liquidity update with page headers and hyphenation, a
government contract award notice, and one distractor (a merger announcement full
of numbers that are not facts). The gold says what a perfect extractor should
output under spec/facts.md, not what ours does; REPORT.md lists every miss and
false fact with its cause.

Why only a floor: asserting high figures would invite tuning to these fourteen
texts and destroy the measurement. The floor sits a little under the figures
measured when the set was written, so a regression fails the test. Do not edit
the documents or labels to make this pass; fix a general cause from REPORT.md
and raise the floor instead. Run `pytest -s tests/extraction/test_holdout9.py`
to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT9 = Path(__file__).parent / "holdout9"
DOC_PATHS = doc_paths(HOLDOUT9)

# Measured when the set was written (REPORT.md), on base 72845e5: P 0.824, R 0.921,
# F1 0.870, attributes 48/56 (0.857), tp=70 fp=15 fn=6. Since used for fixes (branch
# quality9): P 0.974, R 0.974, F1 0.974, attributes 50/58 (0.862), tp=74 fp=2 fn=2.
# Extraction is deterministic; the margin only absorbs small unrelated extractor changes.
F1_FLOOR = 0.95
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95
ATTRIBUTE_FLOOR = 0.84


def test_holdout9_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 12
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 2
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout9_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout9",
        "HELD-OUT 9 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
