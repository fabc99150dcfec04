"""THIRTEENTH HELD-OUT MEASUREMENT: blind when written, used for fixes since (REPORT.md).

tests/extraction/holdout13/ holds twelve fictional disclosures written and
labelled before any extractor was run on them, by a writer who had not read the
extractor's rules nor the other labelled sets: a wire earnings release with a
"(in millions)" non-GAAP reconciliation table, a raised outlook beside the
superseded one and a forward-looking-statements tail, an 8-K with an "up to"
at-the-market equity programme and an officer change, a wire news story with a
stock jump, a customer contract, a customer's equity stake and an analyst's
estimates, an HTML investor-relations results page (navigation, quote widget,
table, related news, footer), an earnings-call Q&A excerpt (fiscal year ending in
January, an analyst's own margin, a hypothetical), a financing release where a
customer buys stock and lends its supplier beside a bank term loan and revolver,
prepared remarks as PDF-to-text with page headers, footers, hyphenation and a
sentence split by a page break, a sell-side morning note covering three
companies, an S-1 summary table "(in thousands)" with four columns, a headline
flash with estimates beside actuals, an HTML investor FAQ, and one distractor (a
newsletter market wrap full of numbers that are not facts). The gold says what a
perfect extractor should output under spec/facts.md, not what ours does;
REPORT.md lists every miss and false fact with its cause.

Why only a floor: asserting high figures would invite tuning to these twelve
texts and destroy the measurement. The floor sits a little under the figures
measured when the set was written, so a regression fails the test. Do not edit
the documents or labels to make this pass; fix a general cause from REPORT.md
and raise the floor instead. Run `pytest -s tests/extraction/test_holdout13.py`
to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT13 = Path(__file__).parent / "holdout13"
DOC_PATHS = doc_paths(HOLDOUT13)

# Measured when the set was written (REPORT.md), on base 6fc6d62: P 0.887, R 0.839,
# F1 0.862, attributes 81/94 (0.862), tp=94 fp=12 fn=18. Still blind after the real-world fixes of
# 2026-12-04 evening (a5f83ec): F1 0.872 (P 0.896, R 0.848, attributes 84/95). Then used for fixes
# (branches fix13a and fix13b, 2026-12-04 night, every cause of REPORT.md in general form): P 1.000,
# R 1.000, F1 1.000, attributes 112/112; the floors sit a little under these. Extraction is
# deterministic; the margin only absorbs small unrelated extractor changes.
F1_FLOOR = 0.97
PRECISION_FLOOR = 0.96
RECALL_FLOOR = 0.96
ATTRIBUTE_FLOOR = 0.95


def test_holdout13_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout13_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout13",
        "HELD-OUT 13 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
