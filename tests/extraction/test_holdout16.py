"""SIXTEENTH HELD-OUT MEASUREMENT: blind when written (F1 0.833), used for fixes since (REPORT.md).

tests/extraction/holdout16/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets. The styles were
chosen to differ from the earlier sets: an 8-K Item 1.01/2.03 in legal prose with defined
terms, an Item 2.02 8-K wrapping a release with a plain-text two-quarter table and a non-GAAP
reconciliation, a Business Wire release from the customer's side (the supplier is the
counterparty), a 144A notes pricing, a Nordic half-year report in EUR with some USD figures
and prior-period figures in parentheses, a long trade-press feature, an earnings-call Q&A
where guidance is revised mid-answer, an HTML IR page with a capacity-by-site table, a
market-wire flash stream partly in capitals, a 10-K business section, an analyst initiation
whose own estimates give no facts but whose quoted company figures do, and a distractor (a
county's rezoning notice). The gold says what a perfect extractor should output under
spec/facts.md, not what ours does; REPORT.md lists every miss and false fact by general cause.

The set was blind at F1 0.833 (P 0.842, R 0.825) and has since been used for fixes (branch fix16:
every cause of REPORT.md in general form, with fresh fictional tests in test_cases_fix16.py), so its
figures no longer estimate unseen documents.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the figures measured after the fixes, so a regression fails the test. Do not edit the
documents or labels to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout16.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT16 = Path(__file__).parent / "holdout16"
DOC_PATHS = doc_paths(HOLDOUT16)

# Measured when the set was written (REPORT.md), blind, on base 5df3771: P 0.842, R 0.825,
# F1 0.833, attributes 70/85 (0.824), tp=85 fp=16 fn=18. Then used for fixes (branch fix16, every
# cause of REPORT.md in general form): P 1.000, R 1.000, F1 1.000, attributes 103/104 (0.990),
# tp=103 fp=0 fn=0. The floors sit a little under these; extraction is deterministic, the margin only
# absorbs small unrelated extractor changes.
F1_FLOOR = 0.97
PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.97
ATTRIBUTE_FLOOR = 0.96


def test_holdout16_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout16_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout16",
        "HELD-OUT 16 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
