"""SEVENTEENTH HELD-OUT MEASUREMENT: blind when written (F1 0.774), used for fixes since (REPORT.md).

tests/extraction/holdout17/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets' documents, gold or
case files. The styles were chosen to differ from the earlier sets: an investor-conference
fireside chat where the CFO reiterates and nudges guidance in speech, a hedge-fund letter whose
own model and price target give no facts but whose quoted company figures do, a Japanese
issuer's half-year release in JPY with US$ convenience translations and a March fiscal year, a
Substack-style Markdown newsletter with links, bold and a pipe table, a 424B5 notes prospectus
supplement with preliminary quarter ranges and a capitalization table, a utility's power-supply
agreement with a data-center developer, a private-credit club-loan news item, an 8-K Item 7.01
furnishing slide text with an updated outlook, a UK interim release full of typographic variety
(Unicode minus, thin and no-break spaces, "≈", "c.", "mn"/"bn", £/€ beside US$), an earnings
release whose Business Outlook is a plain-text Low/High table for two periods, an HTML news page
with a correction notice, captions, a related-stories sidebar and a newsletter box, and a
distractor (a sustainability report excerpt). The gold says what a perfect extractor should
output under spec/facts.md, not what ours does; REPORT.md lists every miss and false fact by
general cause.

The set was blind at F1 0.774 and has since been used for fixes (its causes fixed in general form,
with fresh fictional tests in test_cases_fix17*.py), so its figures no longer estimate unseen documents.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the figures measured after the fixes, so a regression fails the test. Do not edit the
documents or labels to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout17.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT17 = Path(__file__).parent / "holdout17"
DOC_PATHS = doc_paths(HOLDOUT17)

# Measured when the set was written (REPORT.md), blind, on base 86408e4: P 0.780, R 0.768,
# F1 0.774, attributes 74/97 (0.763), tp=96 fp=27 fn=29. The floors sit about 0.03 under these;
# extraction is deterministic, the margin only absorbs small unrelated extractor changes.
# After fix17a (tables, formats, markdown) and fix17b (periods, kinds, others' figures), each cause
# fixed in general form: P 1.000, R 1.000, F1 1.000, attributes 123/123; floors raised to sit
# about 0.03 under.
F1_FLOOR = 0.97
PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.97
ATTRIBUTE_FLOOR = 0.97


def test_holdout17_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout17_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout17",
        "HELD-OUT 17 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
