"""NINETEENTH HELD-OUT MEASUREMENT: blind when written (F1 0.913), used for fixes since (REPORT.md).

tests/extraction/holdout19/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets' documents, gold or
case files. The styles were chosen to differ from the earlier sets: a Hong Kong-listed operator's
"voluntary announcement" with RMB amounts and US$ equivalents, a sell-side conference panel with
executives of two companies, a joint-venture release, an 8-K Item 8.01 lease amendment ("from
120 MW to 310 MW"), a news story on a data-center acquisition, a cooling/power supplier's earnings
release (orders, book-to-bill, backlog), a magazine Q&A interview ("Q:" / "A:") with a neocloud
CEO, a plain-text investor-update e-mail, an HTML release with a segment table and a non-GAAP
reconciliation table, a bitcoin miner's HPC pivot (EH/s, mining vs HPC MW, convertible notes), an
"UPDATE" release correcting earlier figures, and a distractor (a FERC-style interconnection order
full of MW, kV and dollars). The gold says what a perfect extractor should output under
spec/facts.md, not what ours does; REPORT.md lists every miss and false fact by general cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the blind figures, so a regression fails the test. Do not edit the documents or labels
to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout19.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT19 = Path(__file__).parent / "holdout19"
DOC_PATHS = doc_paths(HOLDOUT19)

# Measured when the set was written (REPORT.md), blind, on base bcc92fb: P 0.940, R 0.888,
# F1 0.913, attributes 77/80 (0.963), tp=79 fp=5 fn=10. The floors sit about 0.03 under these;
# extraction is deterministic, the margin only absorbs small unrelated extractor changes.
# Its first cause (an interview's "A:" on the question's next line) was then fixed in general form
# (qa19: P 0.933, R 0.944, F1 0.939); then fix19 fixed causes 2, 3 (its panel shape), 4 and 6 and the
# three attribute causes (P 0.966, R 0.966, F1 0.966, attributes 86/86); cause 3's interview shapes and
# cause 5 (judgement calls) remain.
F1_FLOOR = 0.93
PRECISION_FLOOR = 0.93
RECALL_FLOOR = 0.93
ATTRIBUTE_FLOOR = 0.96


def test_holdout19_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout19_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout19",
        "HELD-OUT 19 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
