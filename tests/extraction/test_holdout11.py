"""ELEVENTH HELD-OUT MEASUREMENT, now USED for fixes (no longer blind): not a tuning target.

tests/extraction/holdout11/ holds thirteen fictional disclosures written and
labelled before any extractor was run on them, by a writer who had not read the
extractor's rules nor the other labelled sets: a US wire earnings release whose
headline rounds a body figure and whose outlook supersedes an earlier one, an
8-K where a customer lends to its supplier and buys a warrant tied to the
contract, a wire news story with a rival's and analysts' numbers, an HTML IR
key-metrics page (a three-column table, outlook, a term loan), an earnings-call
excerpt with an analyst's model, a hypothetical and "mid-teens", a Swedish
interim report (SEK, "per cent", bracketed prior year, USD translations), an
HTML trade-press story on a campus build, a 10-Q liquidity and concentration
section, an analyst's blog post mixing the company's figures with the author's
own, a distractor (a cluster opening full of numbers that are not facts), an
8-K preliminary result with a lowered fiscal-year outlook and an ATM programme,
a social-media thread, and an IPO pricing release. The gold says what a perfect
extractor should output under spec/facts.md, not what ours does; REPORT.md
lists every miss and false fact with its cause.

Why only a floor: asserting high figures would invite tuning to these thirteen
texts and destroy the measurement. The floor sits a little under the figures
measured when the set was written, so a regression fails the test. Do not edit
the documents or labels to make this pass; fix a general cause from REPORT.md
and raise the floor instead. Run `pytest -s tests/extraction/test_holdout11.py`
to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT11 = Path(__file__).parent / "holdout11"
DOC_PATHS = doc_paths(HOLDOUT11)

# Measured when the set was written (REPORT.md). On this branch's base 72845e5:
# P 0.852, R 0.915, F1 0.882, attributes 65/72 (0.903), tp=75 fp=13 fn=7. Still blind, on
# main after the fixes of holdout6-10 (1187a77): P 0.906, R 0.939, F1 0.922, attributes
# 71/76 (0.934), tp=77 fp=8 fn=5. After the fixes of branch quality11 (REPORT.md, "Now used"):
# P 1.000, R 1.000, F1 1.000, attributes 78/82 (0.951), tp=82 fp=0 fn=0; the floors sit a little
# under these. Extraction is deterministic; the margin only absorbs small unrelated extractor changes.
F1_FLOOR = 0.97
PRECISION_FLOOR = 0.96
RECALL_FLOOR = 0.96
ATTRIBUTE_FLOOR = 0.93


def test_holdout11_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 12
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 2
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout11_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout11",
        "HELD-OUT 11 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
