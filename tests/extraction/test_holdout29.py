"""TWENTY-NINTH HELD-OUT MEASUREMENT: used for fixes (blind 0.912 -> 0.980).

tests/extraction/holdout29/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets' documents, gold or
case files. The theme is the mainstream mix by a fresh pen: a neocloud's GlobeNewswire release on a
March fiscal year (US$ figures, "(12.5)%", "US$9.6bn", a plain-text table with prior-year columns, an
AI lab's lease, a GPU-backed loan, an ATM, quarter and fiscal-year outlook), an HTML IR release of a
data-center developer (leases with and without a named tenant, a table rendered as rows, notes and a
construction loan, raised guidance; cookie bar, stock widget, config scripts, related releases), an
HTML news page on an optics maker's forecast cut and share slump, a trade-press story on a miner
turned AI host signing Meta (with Meta lending to it and taking warrants), an 8-K on an OpenAI
capacity agreement with a customer loan, secured notes and a penny warrant, an earnings-call excerpt
of a power-equipment maker on a June fiscal year (Q&A with concentration and a framework agreement),
a 10-Q excerpt (three and six months, Customer A and B, a customer's prepayment facility,
convertible notes, a term loan, an ATM), a news roundup naming six companies, an investor-day
guidance update on a January fiscal year (fiscal 2028 targets, bounds, "plus or minus 150 basis
points", a revolver with two lead banks), a convertible pricing with an Amazon supply agreement,
loan and warrants, an HTML news page on a neocloud's OpenAI deal, and a distractor (a power-shelf
product launch). The gold says what a perfect extractor should output under spec/facts.md, not
what ours does; REPORT.md lists every miss and false fact by general cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the blind figures, so a regression fails the test. Do not edit the documents or labels
to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout29.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT29 = Path(__file__).parent / "holdout29"
DOC_PATHS = doc_paths(HOLDOUT29)

# Measured blind (REPORT.md, "Figures (blind)"), on base 6ff8d94 after the gold commit e442e69:
# P 0.895, R 0.930, F1 0.912, attributes 110/115 (0.957), tp=119 fp=14 fn=9. The floors sit about
# 0.03 under these. After the fix29 branch (REPORT.md, "After fixes"): P 0.984, R 0.977, F1 0.980,
# attributes 116/121 (0.959), tp=125 fp=2 fn=3; the floors sit about 0.02 under these.
F1_FLOOR = 0.96
PRECISION_FLOOR = 0.96
RECALL_FLOOR = 0.95
ATTRIBUTE_FLOOR = 0.94


def test_holdout29_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 3
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout29_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout29",
        "HELD-OUT 29 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
