"""TWENTY-SIXTH HELD-OUT MEASUREMENT: used for fixes (blind 0.947 -> 0.977), see holdout26/REPORT.md.

tests/extraction/holdout26/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets' documents, gold or
case files. The theme is the mainstream mix by a fresh pen: a neocloud's wire release with a
plain-text table (active vs contracted power, RPO, two named customers "respectively", an AI
lab's contract, a GPU-backed loan, "plus or minus 100 basis points", a raised year), an
earnings-call excerpt of a power-equipment maker on a January fiscal year (spoken figures, a
Meta supply agreement, a convertible, a concentration answer in the Q&A), an 8-K on an Oracle
lease with warrants and a construction loan, an HTML IR release of a bitcoin miner turned AI
host, an HTML news page on an optics supplier's forecast cut (fiscal year ending in
September), a financing release (a customer lending to its supplier, an upsized convertible, an
ATM program), a wire story on a Meta computing deal with the stock move, a trade-press piece on
a campus energizing, an HTML news roundup naming four companies, an investor-day release with a
June fiscal year and fiscal 2029 targets, a 10-Q excerpt (three and nine months, Customer A and
B, a customer's loan), and a distractor (a campus groundbreaking). The gold says what a perfect
extractor should output under spec/facts.md, not what ours does; REPORT.md lists every miss and
false fact by general cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the blind figures, so a regression fails the test. Do not edit the documents or labels
to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout26.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT26 = Path(__file__).parent / "holdout26"
DOC_PATHS = doc_paths(HOLDOUT26)

# Measured when the set was written (REPORT.md), blind, on base 1a3610c (gold committed in
# 47e923d): P 0.939, R 0.954, F1 0.947, attributes 122/128 (0.953), tp=124 fp=8 fn=6. After the
# fix26 branch's fixes of its causes (REPORT.md, "After fixes"): P 0.970, R 0.985, F1 0.977,
# attributes 130/130 (1.000), tp=128 fp=4 fn=2; no longer blind. The floors sit about 0.02 under
# these; extraction is deterministic, the margin only absorbs small unrelated extractor changes.
F1_FLOOR = 0.95
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.96
ATTRIBUTE_FLOOR = 0.98


def test_holdout26_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 3
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout26_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout26",
        "HELD-OUT 26 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
