"""EIGHTH HELD-OUT MEASUREMENT, now USED for fixes (no longer blind): not a tuning target.

tests/extraction/holdout8/ holds fourteen fictional disclosures written and
labelled before any extractor was run on them, by a writer who had not read the
extractor's rules nor the other labelled sets, in styles no earlier set used: a
Singapore exchange business update (S$ with US$ translations, a plain-text
table), an AGM chair's speech (numbers in words, "USD 1,2 bn", "two-thirds of
revenue", a customer lending its supplier money), a high-yield bond newswire
(coupon, spread, launch size, order book), a Tel Aviv immediate report from a
supplier naming its neocloud customer (NIS, warrants, a customer loan), a
Brazilian material fact (R$, "USD 1,1 bn", debentures), a French HTML release
("41,8 %", "Mds €", a quote widget), a business-magazine Q&A (a rival's and
analysts' numbers, a hypothetical, "45-ish percent", "under a third"), a
guidance-update-only release with superseded ranges, a landlord's HTML lease
page, a wire story at UPDATE 2 with its earlier version and a rounded headline,
a short-seller report excerpt, a Hong Kong interim results table, a Markdown
investor page with a joint venture, and one distractor (a sustainability
chapter: renewable MW, PUE, emissions, headcount). The gold says what a perfect
extractor should output under spec/facts.md, not what ours does; REPORT.md lists
every miss and false fact with its cause.

Why only a floor: asserting high figures would invite tuning to these fourteen
texts and destroy the measurement. The floor sits a little under the figures
measured when the set was written, so a regression fails the test. Do not edit
the documents or labels to make this pass; fix a general cause from REPORT.md
and raise the floor instead. Run `pytest -s tests/extraction/test_holdout8.py`
to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT8 = Path(__file__).parent / "holdout8"
DOC_PATHS = doc_paths(HOLDOUT8)

# Measured when the set was written (REPORT.md), on base 72845e5: P 0.822, R 0.814,
# F1 0.818, attributes 49/59 (0.831), tp=83 fp=18 fn=19. After the quality8 fixes of its
# causes (REPORT.md, "Used for fixes"): P 0.969, R 0.931, F1 0.950, attributes 65/75 (0.867),
# tp=95 fp=3 fn=7. Extraction is deterministic; the margin only absorbs small unrelated changes.
F1_FLOOR = 0.93
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.91
ATTRIBUTE_FLOOR = 0.85


def test_holdout8_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 12
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 2
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout8_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout8",
        "HELD-OUT 8 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
