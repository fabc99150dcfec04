"""FIFTEENTH HELD-OUT MEASUREMENT: blind when written (F1 0.971), used for fixes since (REPORT.md).

tests/extraction/holdout15/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets. About two thirds
are mainstream: a GlobeNewswire and a PR Newswire earnings release with outlooks, an 8-K
with a delayed-draw credit agreement, two wire news stories (a lease deal with a rival's
move; an upsized convertible with earlier equity and loan), an HTML IR results page with
tables, and an earnings-call excerpt. The rest is less usual: a newsletter's deal roundup,
a Korean issuer's English release in KRW with US$ beside, a podcast transcript with spoken
figures, a short-seller report quoting the company's own figures among its estimates, and
a distractor (a power utility's rate case). The gold says what a perfect extractor should
output under spec/facts.md, not what ours does; REPORT.md lists every miss and false fact.

Why only a floor: asserting high figures would invite tuning to these twelve texts and
destroy the measurement. The floor sits a little under the figures measured after the fixes
(blind figures below), so a regression fails the test. Do not edit the documents or labels to make
this pass; fix a general cause from REPORT.md and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout15.py` to see the figures. Written as a realistic day's
feed; blind at P 0.983, R 0.960, F1 0.971, then used for fixes (branch fix15, "Fixed" in REPORT.md).
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT15 = Path(__file__).parent / "holdout15"
DOC_PATHS = doc_paths(HOLDOUT15)

# Measured when the set was written (REPORT.md), blind, on base 6ecd6fe: P 0.983, R 0.960,
# F1 0.971, attributes 102/112 (0.911), tp=119 fp=2 fn=5. Then used for fixes (branch fix15, every
# cause of REPORT.md in general form and the cheap attribute ones): P 1.000, R 1.000, F1 1.000,
# attributes 111/116 (0.957), tp=124 fp=0 fn=0. The floors sit a little under these; extraction is
# deterministic, the margin only absorbs small unrelated extractor changes.
F1_FLOOR = 0.98
PRECISION_FLOOR = 0.98
RECALL_FLOOR = 0.98
ATTRIBUTE_FLOOR = 0.94


def test_holdout15_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout15_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout15",
        "HELD-OUT 15 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
