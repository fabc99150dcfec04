"""TENTH HELD-OUT MEASUREMENT, now USED for fixes (no longer blind): not a tuning target.

tests/extraction/holdout10/ holds thirteen fictional disclosures written and
labelled before any extractor was run on them, by a writer who had not read the
extractor's rules nor the other labelled sets. Unlike the earlier held-out sets
it is mostly the ordinary day's mail: a Business Wire quarterly and full-year
release with highlights bullets and an outlook, a PR Newswire release with a
GAAP / non-GAAP margin table and next-quarter and full-year guidance, a
GlobeNewswire guidance cut, a Reuters story with a rival's and analysts'
numbers, an 8-K whose exhibit 99.1 has a customer lending to its supplier with
warrants, an IR-page HTML capacity update with contracted and energized MW by
campus, EDGAR full-text search snippets, a Bloomberg story on a chip startup's
round, a power-for-data-centers story with a hypothetical second phase, an
IR-page HTML results release with a key-metrics table, an earnings-call
transcript ("mid-teens", a Street number, a hypothetical tranche), a contract
announcement with an unexercised option, and one distractor (a GPU campus launch
full of numbers that are not facts). The gold says what a perfect extractor
should output under spec/facts.md, not what ours does; REPORT.md lists every
miss and false fact with its cause.

Why only a floor: asserting high figures would invite tuning to these thirteen
texts and destroy the measurement. The floor sits a little under the figures
measured when the set was written, so a regression fails the test. Do not edit
the documents or labels to make this pass; fix a general cause from REPORT.md
and raise the floor instead. Run `pytest -s tests/extraction/test_holdout10.py`
to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT10 = Path(__file__).parent / "holdout10"
DOC_PATHS = doc_paths(HOLDOUT10)

# Measured when the set was written (REPORT.md), on base 72845e5: P 0.885, R 0.906,
# F1 0.895, attributes 65/72 (0.903), tp=77 fp=10 fn=8. After the fixes of branch quality10
# (REPORT.md, "Now used"): P 0.988, R 0.976, F1 0.982, attributes 77/81 (0.951), tp=83 fp=1
# fn=2. Extraction is deterministic; the margin only absorbs small unrelated extractor changes.
F1_FLOOR = 0.96
PRECISION_FLOOR = 0.96
RECALL_FLOOR = 0.95
ATTRIBUTE_FLOOR = 0.93


def test_holdout10_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 12
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 2
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout10_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout10",
        "HELD-OUT 10 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
