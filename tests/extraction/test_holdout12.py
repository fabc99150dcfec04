"""TWELFTH HELD-OUT MEASUREMENT: blind when written, used for fixes since (REPORT.md).

tests/extraction/holdout12/ holds ten fictional disclosures written and labelled
before any extractor was run on them, by a writer who had not read the
extractor's rules nor the other labelled sets: a US wire earnings release with
GAAP and non-GAAP margins, a raised full-year outlook and the superseded range
beside it, an 8-K where a customer lends its supplier a delayed-draw term loan
and takes warrants, a wire news story with a stock drop, a missed capacity
target, an analyst's own estimate and a rival's numbers, an HTML investor
relations page with a key-figures table and a capital list, an earnings-call
excerpt where an analyst quotes his own margin and the CFO raises guidance
without naming the metric, a convertible notes pricing release (upsized, option,
net proceeds, use of proceeds), a shareholder letter with long-range targets and
a hypothetical, an offering memorandum summary with a half-year table in
millions and "Customer A/B" shares, a CEO's social-media thread ("~$4.1B",
"$KAIR closed up 19%"), and one distractor (a campus groundbreaking full of
numbers that are not facts). The gold says what a perfect extractor should
output under spec/facts.md, not what ours does; REPORT.md lists every miss and
false fact with its cause.

Why only a floor: asserting high figures would invite tuning to these ten texts
and destroy the measurement. The floor sits a little under the figures measured
when the set was written, so a regression fails the test. Do not edit the
documents or labels to make this pass; fix a general cause from REPORT.md and
raise the floor instead. Run `pytest -s tests/extraction/test_holdout12.py` to
see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT12 = Path(__file__).parent / "holdout12"
DOC_PATHS = doc_paths(HOLDOUT12)

# Measured when the set was written (REPORT.md), on base 72845e5: P 0.857, R 0.896,
# F1 0.876, attributes 54/61 (0.885), tp=60 fp=10 fn=7. Still blind, on main after the fixes
# of holdout6-11 (783c034): P 0.897, R 0.910, F1 0.904, attributes 54/61, tp=61 fp=7 fn=6.
# After the fixes of holdout12 (branch fix12b: vocabulary and attributes, causes 6, 7, 9 and the
# attribute disagreements of REPORT.md): P 0.915, R 0.970, F1 0.942, attributes 61/61, tp=65 fp=6
# fn=2. After the rest of holdout12's causes and that evening's real-world fixes (a5f83ec): P 1.000,
# R 1.000, F1 1.000, attributes 64/64; the floors sit a little under these. Extraction is
# deterministic; the margin only absorbs small unrelated extractor changes.
F1_FLOOR = 0.97
PRECISION_FLOOR = 0.96
RECALL_FLOOR = 0.96
ATTRIBUTE_FLOOR = 0.95


def test_holdout12_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout12_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout12",
        "HELD-OUT 12 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
