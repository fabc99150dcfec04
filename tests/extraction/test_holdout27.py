"""TWENTY-SEVENTH HELD-OUT MEASUREMENT: used for fixes (blind 0.931 -> 0.996), see holdout27/REPORT.md.

tests/extraction/holdout27/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets' documents, gold or
case files. The theme is the mainstream mix by a fresh pen, heavier on filings and calls: two
earnings-call excerpts (a neocloud on a January fiscal year and an optics supplier on a June
fiscal year; CFO guidance, then analysts quoting numbers back and management correcting them,
including a corrected GAAP margin), a 10-Q MD&A of a GPU lessor (a table "in thousands", three-
and nine-month "respectively" sentences, Customer A and B, a term loan and an ATM), an 8-K
(Items 1.01/2.03/3.02/8.01) on an OpenAI capacity agreement with a loan, a penny warrant and a
private placement from the customer, a proxy statement's shareholder letter with incentive-plan
goals that are not guidance, an HTML IR page of a miner turned AI host whose key metrics sit in a
table, a Business Wire investor-day release (a plain-text outlook table with prior columns, 2028
targets, a CAGR), an HTML news story on a neocloud's forecast cut and share slump, an HTML
trade-press lease story, a weekly roundup naming six companies, a GlobeNewswire convertible
pricing with an ATM and preliminary quarter results, and a distractor (a sustainability report).
The gold says what a perfect extractor should output under spec/facts.md, not what ours does;
REPORT.md lists every miss and false fact by general cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the blind figures, so a regression fails the test. Do not edit the documents or labels
to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout27.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT27 = Path(__file__).parent / "holdout27"
DOC_PATHS = doc_paths(HOLDOUT27)

# Measured when the set was written (REPORT.md), blind, on base b230089: P 0.921, R 0.942,
# F1 0.931, attributes 126/143 (0.881), tp=129 fp=11 fn=8. After the fix27 branch's fixes of its
# causes (REPORT.md, "After fixes"): P 1.000, R 0.993, F1 0.996, attributes 148/150 (0.987),
# tp=136 fp=0 fn=1; no longer blind. The floors sit about 0.02 under these; extraction is
# deterministic, the margin only absorbs small unrelated extractor changes.
F1_FLOOR = 0.97
PRECISION_FLOOR = 0.98
RECALL_FLOOR = 0.97
ATTRIBUTE_FLOOR = 0.96


def test_holdout27_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 3
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout27_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout27",
        "HELD-OUT 27 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
