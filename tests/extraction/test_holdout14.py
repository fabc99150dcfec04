"""FOURTEENTH HELD-OUT MEASUREMENT: blind when written, used for fixes since (REPORT.md).

tests/extraction/holdout14/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled before any extractor was run on them, by a writer who had
not read the extractor's rules nor the other labelled sets, in styles no earlier set used:
a 10-Q MD&A excerpt ("three and nine months ended" comparisons, segment revenue and margins,
a drawn part of a term loan), a Business Wire HTML release with a results table and an
outlook table, a wire news story with a rival's stock move, results and cut forecast, a CEO
podcast interview transcript (spoken figures, a hypothetical expansion), an aggregator post
of ticker bullets ("$GRDX +14.2%", "rev $241M vs est. $252M"), investor-day slides as text
(terse fragments, footnote markers, "YE FY27", "3 GW", an illustrative lease), a 6-K of a
foreign issuer reporting in US$ with Norwegian kroner beside, an earnings-call transcript
with an operator and three analysts, an earnings preview made mostly of estimates, a
rating-agency release on proposed notes (the agency's forecasts are not facts), and two
distractors (a local-news zoning hearing and a proxy CD&A with pay goals). The gold says
what a perfect extractor should output under spec/facts.md, not what ours does; REPORT.md
lists every miss and false fact with its cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts and
destroy the measurement. The floor sits a little under the figures measured when the set
was written, so a regression fails the test. Do not edit the documents or labels to make
this pass; fix a general cause from REPORT.md and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout14.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT14 = Path(__file__).parent / "holdout14"
DOC_PATHS = doc_paths(HOLDOUT14)

# Measured when the set was written (REPORT.md), on base d98985c: P 0.854, R 0.900,
# F1 0.876, attributes 88/98 (0.898), tp=117 fp=20 fn=13. Still blind after the fixes of
# holdout13's causes and of the real-world spot check (2026-12-04 night, 23a1c95): P 0.867,
# R 0.900, F1 0.883, attributes 88/98. Then used for fixes (branches fix14a and fix14b, every cause of
# REPORT.md in general form): P 1.000, R 0.992, F1 0.996, attributes 107/107; the floors sit a little
# under these. Extraction is deterministic; the margin only absorbs small unrelated extractor changes.
F1_FLOOR = 0.97
PRECISION_FLOOR = 0.96
RECALL_FLOOR = 0.96
ATTRIBUTE_FLOOR = 0.95


def test_holdout14_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout14_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout14",
        "HELD-OUT 14 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
