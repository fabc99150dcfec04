"""TWENTY-FIRST HELD-OUT MEASUREMENT: blind when written (F1 0.829), used for fixes since (REPORT.md).

tests/extraction/holdout21/ holds twelve fictional disclosures, written and labelled (and
committed) before any extractor was run on them, by a writer who had not read the extractor's
rules nor the other labelled sets' documents, gold or case files. The theme is a real analyst's
feed on an ordinary week, full length and in styles the earlier sets used least: a software
giant's fiscal-Q2 release (fiscal year ending in May) where RPO, cloud growth and a Meta contract
are a small part; an AI-chip maker's Q3 fiscal 2027 release (segment revenue, "plus or minus 50
basis points", "plus or minus 2%"); an Amsterdam neocloud's HTML release (ARR guidance that is not
revenue, contracted power "secured" vs "active", a Microsoft contract that "could increase to" a
larger value, EUR traps); an ASX miner-turned-AI-cloud's quarterly activities report ("Q1 FY27" =
the September quarter, US$ and A$, a prepayment, a GPU purchase that is no financing); an
independent power producer's PPA with Amazon (MW of generation sold vs the buyer's planned campus);
a fuel-cell supplier's "up to 1 GW" supply deal with a strategic investment and warrants; a
Reuters-style exclusive on a neocloud's IPO filing; an 8-K Item 7.01 investor-day excerpt with
bulleted KPIs and a long-term model ("30%+", footnote markers "(1)" and "²"); an RSS item as
delivered (HTML summary in CDATA with a "Read more" link); a CEO's numbered social thread with
abbreviations, emoji and replies; a 10-K excerpt (Item 1 and an Item 7 three-year comparison,
repeated page headers, a sentence broken by a page break); and a distractor (a sell-side power
primer full of market forecasts, others' prices and index moves). The gold says what a perfect
extractor should output under spec/facts.md, not what ours does; REPORT.md lists every miss and
false fact by general cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the blind figures, so a regression fails the test. Do not edit the documents or labels
to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout21.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT21 = Path(__file__).parent / "holdout21"
DOC_PATHS = doc_paths(HOLDOUT21)

# Measured when the set was written (REPORT.md), blind, on base 32d8314 (gold committed in 61f3e09
# before any extractor run): P 0.765, R 0.904, F1 0.829, attributes 83/99 (0.838), tp=104 fp=32 fn=11.
# Its causes were then fixed in general form (a saved feed item read as the poller reads it, "YE26",
# DDTL and placements on main; fix21a numbers and comparisons, fix21b capacity and deal values, fix21c
# table headers, others' figures and carried periods; test_cases_fix21*.py): P 0.991, R 1.000,
# F1 0.996, attributes 112/112. The floors sit about 0.03 under these.
F1_FLOOR = 0.96
PRECISION_FLOOR = 0.96
RECALL_FLOOR = 0.97
ATTRIBUTE_FLOOR = 0.97


def test_holdout21_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 2
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout21_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout21",
        "HELD-OUT 21 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
