"""SIXTH HELD-OUT MEASUREMENT, now USED for fixes (no longer blind; see REPORT.md).

tests/extraction/holdout6/ holds twelve fictional disclosures written and
labelled before any extractor was run on them, by a writer who had not read the
extractor's rules nor the other labelled sets: an Australian full-year result
(A$, "per cent", a fiscal year ending 30 June), a rating agency's release on a
neocloud's notes where the agency's own forecasts sit beside the company's
figures, a podcast transcript with a CEO, a 10-K MD&A with three-year
comparisons, an 8-K Item 2.03 delayed-draw term loan, a customer-concentration
risk factor, an HTML "numbers that matter" newsletter list, an HTML release with
footnote markers and a key-metrics table, a Chinese release in RMB with US$
convenience translations, a breaking-news flash, a German-English quarterly
statement ("46.7 %", "prior year:"), and one distractor (a cluster launch full
of numbers that are not facts). The gold says what a perfect extractor should
output under spec/facts.md, not what ours does; REPORT.md lists every miss and
false fact with its cause.

Why only a floor: asserting high figures would invite tuning to these twelve
texts and destroy the measurement. The floor sits a little under the lower of
the two figures measured when the set was written, so a regression fails the
test. Do not edit the documents or labels to make this pass; fix a general cause
from REPORT.md and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout6.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT6 = Path(__file__).parent / "holdout6"
DOC_PATHS = doc_paths(HOLDOUT6)

# Measured when the set was written (REPORT.md). On this branch's base fa0109c:
# P 0.835, R 0.786, F1 0.810, attributes 47/52 (0.904), tp=66 fp=13 fn=18. On the
# integrated extractor e42d5b3: P 0.857, R 0.857, F1 0.857, attributes 50/56 (0.893),
# tp=72 fp=12 fn=12. After the fixes of branch quality6 (REPORT.md, "Used for fixes"):
# P 0.930, R 0.952, F1 0.941, attributes 58/63 (0.921), tp=80 fp=6 fn=4. Extraction is
# deterministic; the margin only absorbs small unrelated extractor changes.
F1_FLOOR = 0.92
PRECISION_FLOOR = 0.91
RECALL_FLOOR = 0.93
ATTRIBUTE_FLOOR = 0.90


def test_holdout6_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 12
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout6_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout6",
        "HELD-OUT 6 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
