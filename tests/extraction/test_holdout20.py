"""TWENTIETH HELD-OUT MEASUREMENT: blind when written (F1 0.877), used for fixes since (REPORT.md).

tests/extraction/holdout20/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets' documents, gold or
case files. The set's theme is realism and length: each document is 5-12 KB, written the way an
analyst's feed delivers real ones, in full. A neocloud's quarterly release on the wire (headline
bullets, highlights, an outlook table with Q4 and full-year columns, non-GAAP definitions, a long
forward-looking section, an income statement and a reconciliation "(in thousands, except per
share data)" where most numbers are not facts); an 8-K with an MSA, a warrant to the customer, a
private placement and a DDTL (Items 1.01, 2.03, 3.02, 9.01); a bitcoin miner's monthly update with
ARR that is not revenue; a developer's lease release with a backstop and warrants, critical IT vs
gross MW; a ~900-word wire story on a chip/AI-lab gigawatt deal with several companies' stock
moves; a long earnings-call transcript with a fiscal year ending January 31; an S-1 excerpt with
three years of customer shares and an MD&A table; a scraped HTML IR page around a guidance update;
a 10-Q MD&A (three and nine months, "$" columns, dashes, non-breaking spaces, segments, RPO,
liquidity); a newsletter covering four companies' quarters ("3Q FY26", "Q3'26", "Y/Y", "bps",
"CY2027"); an investor deck as PDF text; and a distractor (a proxy statement's ownership, pay and
fee tables). The gold says what a perfect extractor should output under spec/facts.md, not what
ours does; REPORT.md lists every miss and false fact by general cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the blind figures, so a regression fails the test. Do not edit the documents or labels
to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout20.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT20 = Path(__file__).parent / "holdout20"
DOC_PATHS = doc_paths(HOLDOUT20)

# Measured when the set was written (REPORT.md), blind, on base 2f3f451: P 0.860, R 0.894,
# F1 0.877, attributes 121/134 (0.903), tp=160 fp=26 fn=19. Its causes were then fixed in general form
# (run-rate revenue and "CY" years on main; fix20a tables and decks, fix20b capacity status and compute
# deals, fix20c whose figure and which amount; test_cases_fix20*.py): P 0.989, R 0.989, F1 0.989,
# attributes 156/161 (0.969). The floors sit about 0.03 under these.
F1_FLOOR = 0.96
PRECISION_FLOOR = 0.96
RECALL_FLOOR = 0.96
ATTRIBUTE_FLOOR = 0.94


def test_holdout20_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout20_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout20",
        "HELD-OUT 20 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
