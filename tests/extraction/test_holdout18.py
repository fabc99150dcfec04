"""EIGHTEENTH HELD-OUT MEASUREMENT: blind when written (F1 0.861), used for fixes since (REPORT.md).

tests/extraction/holdout18/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets' documents, gold or
case files. The styles were chosen to differ from the earlier sets: a Reuters-style brief on an
earnings miss with the after-hours move and a forecast cut, a 10-Q "Liquidity and Capital
Resources" section (revolver amendment, draws and repayments, a DDTL, convertible notes, RPO), a
company blog post on a new campus with phases and a named anchor tenant, a GPU cloud's funding
release with a Series C, a GPU-backed term loan and a vendor financing line at once, a chip
company's prepared remarks for a fiscal year ending in January ("Q1 FY27"), an Atom feed entry
whose HTML summary is entity-escaped twice, a CFO's LinkedIn post with emoji and hashtags, an
Israeli issuer's Form 6-K in US$ with NIS mentioned and quarter plus six-month figures, a terse
terminal wire in capitals ("*... SEES FY REV", "Y/Y", "BLN", "MLN"), a data-center REIT's
supplemental with a leases-signed table in dollars in thousands, a British-English interim
release ("per cent", "H1 FY27", "financial year 2026/27", £ beside US$), and a distractor (a
conference agenda page full of numbers). The gold says what a perfect extractor should output
under spec/facts.md, not what ours does; REPORT.md lists every miss and false fact by general
cause.

The set was blind at F1 0.861 and has since been used for fixes (its causes fixed in general form,
with fresh fictional tests in test_cases_fix18*.py), so its figures no longer estimate unseen documents.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the figures measured after the fixes, so a regression fails the test. Do not edit the
documents or labels to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout18.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT18 = Path(__file__).parent / "holdout18"
DOC_PATHS = doc_paths(HOLDOUT18)

# Measured when the set was written (REPORT.md), blind, on base 148e716: P 0.841, R 0.882,
# F1 0.861, attributes 71/90 (0.789), tp=90 fp=17 fn=12. The floors sit about 0.03 under these;
# extraction is deterministic, the margin only absorbs small unrelated extractor changes.
# After fix18 (causes 1, 2, 4, 5, 7, 8, 10, 11, 12, instruments and counterparties): P 0.980, R 0.951,
# F1 0.965, attributes 81/93 (0.871), tp=97 fp=2 fn=5; the floors were raised to about 0.03 under these.
# After fix18b (lease tables' bare MW column, half labels and six-month periods, split financial years,
# fiscal year-end deadlines, forecast quarters carried, consensus beside the company's figure): P 1.000,
# R 1.000, F1 1.000, attributes 99/101 (0.980), tp=102 fp=0 fn=0; floors raised to about 0.03 under these.
F1_FLOOR = 0.97
PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.97
ATTRIBUTE_FLOOR = 0.95


def test_holdout18_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout18_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout18",
        "HELD-OUT 18 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
