"""SECOND HELD-OUT MEASUREMENT, now used for fixes (no longer blind; see REPORT.md).

tests/extraction/holdout2/ holds twelve fictional disclosures written after the
first held-out set had been used to fix the extractor, so this set is the one
that still measures generalisation. Styles are absent from tests/extraction/docs
and tests/extraction/holdout: an S-1 risk factor and MD&A excerpt, a Japanese
TSE-style forecast revision ("operating profit ratio", JPY tables), an analyst
note quoting guidance beside its own estimates, a podcast transcript, a 6-K for
a Singapore issuer, a release with a five-column plain-text table, a news story
on a hyperscaler lease (MW signed and energized), a credit agreement amendment
(upsized revolver, delayed-draw term loan), a customer prepayment and vendor
financing story, a quarterly shareholder letter, an HTML IR guidance page and a
number-laden distractor. The gold says what a perfect extractor should output
under spec/facts.md, not what ours does; REPORT.md lists every miss and false
fact with its cause.

Why only a floor: asserting high figures would invite tuning to these twelve
texts and destroy the measurement. The floor sits a little under the figures
measured when the set was written. Do not edit the documents or labels to make
this pass; fix a general cause from REPORT.md and raise the floor instead.
Run `pytest -s tests/extraction/test_holdout2.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT2 = Path(__file__).parent / "holdout2"
DOC_PATHS = doc_paths(HOLDOUT2)

# Measured on main at ade3c2d when the set was written (identical at 48d5d0c): P 0.806, R 0.760,
# F1 0.782, attributes 63/82 (0.768). Extraction is deterministic; the margin
# only absorbs small unrelated extractor changes. After the fixes driven by the first
# held-out set (merge 29f0bfe): P 0.771, R 0.779, F1 0.775, attributes 70/86 (0.814).
# The set has since been USED FOR FIXES (branch generalise3, see REPORT.md): P 1.000, R 0.971,
# F1 0.985, attributes 102/102 (1.000). It no longer measures generalisation; the floors
# now guard against regressions only.
F1_FLOOR = 0.98
PRECISION_FLOOR = 0.99
RECALL_FLOOR = 0.96
ATTRIBUTE_FLOOR = 0.98


def test_holdout2_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 12
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert any(not gold(p) for p in DOC_PATHS), "at least one distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout2_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout2",
        "HELD-OUT 2 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
