"""FIFTH HELD-OUT SET: blind when written, used for fixes since 2026-12-04 (REPORT.md says which).

tests/extraction/holdout5/ holds fourteen fictional disclosures written and
labelled before the extractor was run on any of them, by a writer who had not
read the extractor source nor the other sets' documents: a 10-Q liquidity
section (credit agreement amendment, drawn and undrawn amounts, covenants), a
CFO's prepared remarks with guidance and Q&A, a Japanese FY2026/3 release in
billion yen with US$ translations, a data-center REIT supplemental with a
leasing table, an HTML funding announcement (Series E, debt facility), a
trade-press campus story (MW planned, energized, under construction), a Korean
Form 6-K, an HTML news story on a hyperscaler's supplier, a release with a
"Business Outlook" table, a bitcoin-miner shareholder letter, the text of an
investor-presentation deck, a wire story on a guidance cut, and two
distractors (an earnings preview of consensus figures and a county rezoning
notice). The gold says what a perfect extractor should output under
spec/facts.md, not what ours does; REPORT.md lists every miss and false fact
with its cause.

Why only a floor: asserting high figures would invite tuning to these fourteen
texts and destroy the measurement. The floor sits a little under the lower of
the two figures measured when the set was written (this branch's extractor and
the integrated one, see REPORT.md), so a regression fails the test. Do not edit
the documents or labels to make this pass; fix a general cause from REPORT.md
and raise the floor instead. Run `pytest -s tests/extraction/test_holdout5.py`
to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT5 = Path(__file__).parent / "holdout5"
DOC_PATHS = doc_paths(HOLDOUT5)

# Measured when the set was written (REPORT.md). This branch's extractor (fa0109c):
# P 0.748, R 0.821, F1 0.783, attributes 76/97 (0.784), tp=110 fp=37 fn=24. The
# integrated extractor (integ f78b520): P 0.793, R 0.828, F1 0.810, attributes 80/98
# (0.816), tp=111 fp=29 fn=23. The floors sit a little under the lower of the two;
# extraction is deterministic, the margin only absorbs small unrelated changes. After the
# fixes from this set's report (2026-12-04): P 0.956, R 0.970, F1 0.963, attributes 104/120.
F1_FLOOR = 0.94
PRECISION_FLOOR = 0.93
RECALL_FLOOR = 0.95
ATTRIBUTE_FLOOR = 0.84


def test_holdout5_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 14
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 2
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 2, "two distractor-only documents"
    assert_well_formed(DOC_PATHS)


def test_holdout5_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout5",
        "HELD-OUT 5 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
