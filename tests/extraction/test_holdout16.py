"""SIXTEENTH HELD-OUT MEASUREMENT: blind (REPORT.md, written after the first scoring).

tests/extraction/holdout16/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them.
Floors are set after the first measurement.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT16 = Path(__file__).parent / "holdout16"
DOC_PATHS = doc_paths(HOLDOUT16)

F1_FLOOR = 0.0
PRECISION_FLOOR = 0.0
RECALL_FLOOR = 0.0
ATTRIBUTE_FLOOR = 0.0


def test_holdout16_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout16_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout16",
        "HELD-OUT 16 (blind)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
