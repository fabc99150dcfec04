"""TWENTY-FIFTH HELD-OUT MEASUREMENT: blind when written (F1 0.872), used for fixes since (REPORT.md).

tests/extraction/holdout25/ holds twelve fictional disclosures from outside the US wire-release
mould, written and labelled (and committed) before any extractor was run on them, by a writer who
had not read the extractor's rules nor the other labelled sets' documents, gold or case files:
a foreign private issuer's 6-K with a half-year interim report (H1/Q2, IFRS margins, order intake),
a London AIM RNS (trading update for a closed "FY25/26", contract award, placing in GBP with its USD
equivalent, "FY26/27" outlook), a translated Japanese "Notice regarding..." (contract in yen with a
USD conversion, forecast-revision table in millions of yen, growth and margin percentages), an HTML
capital-markets-day page with a multi-year target table ("2028 target", "2030 ambition", "≥45%"),
a Singapore conference fireside transcript ("1H26", spoken "36, 37", an S$ loan with its US$
equivalent), an HTML analyst newsletter full of GPU-hour arithmetic with two real company figures,
an Oslo green-bond placement with a term sheet, a CEO's social-media thread with replies, a distractor
(an SEC comment-letter response full of examples and thresholds), an HTML Indian Q1 FY27 results
page (crore, order book with a USD equivalent), an HTML Korean news story (won amounts with dollar
equivalents, a share jump, a rival's move) and an ASX quarterly activities report with Appendix 4C
(A$ amounts, pcp and sequential growth). The gold says what a perfect extractor should output under
spec/facts.md, not what ours does; REPORT.md lists every miss and false fact by general cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the blind figures, so a regression fails the test. Do not edit the documents or labels
to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout25.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT25 = Path(__file__).parent / "holdout25"
DOC_PATHS = doc_paths(HOLDOUT25)

# Measured when the set was written (REPORT.md), blind, on base f4fd68f: P 0.823, R 0.927,
# F1 0.872, attributes 66/83 (0.795), tp=102 fp=22 fn=8.
# Its causes were then fixed in general form (fix25, test_cases_fix25.py): P 1.000, R 0.991, F1 0.995,
# attributes 89/89, tp=109 fp=0 fn=1. The floors sit about 0.02 under these; extraction is
# deterministic, the margin only absorbs small unrelated extractor changes. What is left: spoken bare
# numbers after a metric named earlier ("the second half is more like 36, 37"), cause 7.
F1_FLOOR = 0.97
PRECISION_FLOOR = 0.98
RECALL_FLOOR = 0.97
ATTRIBUTE_FLOOR = 0.98


def test_holdout25_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 3
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout25_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout25",
        "HELD-OUT 25 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
