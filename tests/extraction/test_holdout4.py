"""FOURTH HELD-OUT SET: blind when written, used for fixes since 2026-12-04 (REPORT.md says which).

tests/extraction/holdout4/ holds fifteen fictional disclosures written and
labelled before the extractor was run on any of them, in styles absent from
tests/extraction/docs, holdout, holdout2 and holdout3: an 8-K Item 1.01 capacity
lease, an AI lab's own release about the capacity it signed (roles reversed), a
lender's release about a facility it arranged, an S-1 prospectus summary with a
summary-financials table, a release with a GAAP-to-non-GAAP reconciliation, an
annual shareholder letter with spelled-out percentages, a Reuters-style story
citing people familiar with the matter, a sell-side note quoting guidance beside
its own estimates, a UK interim release ("£", "per cent", "H1 FY26"), a bitcoin
miner's HPC pivot update, a full-year outlook raise, an RSS feed digest with a
withdrawn outlook, an HTML IR page of nested divs and a table, and two
distractors (a GPU-cloud pricing page and AGM poll results). The gold says what a
perfect extractor should output under spec/facts.md, not what ours does;
REPORT.md lists every miss and false fact with its cause.

Why only a floor: asserting high figures would invite tuning to these fifteen
texts and destroy the measurement. The floor sits a little under the figures
measured when the set was written, so a regression fails the test. Do not edit
the documents or labels to make this pass; fix a general cause from REPORT.md
and raise the floor instead. Run `pytest -s tests/extraction/test_holdout4.py`
to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT4 = Path(__file__).parent / "holdout4"
DOC_PATHS = doc_paths(HOLDOUT4)

# Measured on main at fa0109c when the set was written (REPORT.md): P 0.909, R 0.935,
# F1 0.922, attributes 75/88 (0.852), tp=100 fp=10 fn=7. Extraction is deterministic;
# the margin only absorbs small unrelated extractor changes. After the fixes of 2026-12-04
# (the last three from this set's report, so it no longer measures generalisation):
# P 0.981, R 0.981, F1 0.981, attributes 84/93 (0.903).
F1_FLOOR = 0.96
PRECISION_FLOOR = 0.96
RECALL_FLOOR = 0.96
ATTRIBUTE_FLOOR = 0.88


def test_holdout4_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 15
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 2
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 2, "two distractor-only documents"
    assert_well_formed(DOC_PATHS)


def test_holdout4_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout4",
        "HELD-OUT 4 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
