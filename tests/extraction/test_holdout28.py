"""TWENTY-EIGHTH HELD-OUT MEASUREMENT: blind when written (F1 0.908), used for fixes (blind 0.908 -> 0.997;
REPORT.md, "After fixes").

tests/extraction/holdout28/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets' documents, gold or
case files. The theme is the mainstream mix by a fresh pen, leaning towards what a news-and-feeds
user receives most: four HTML pages (two news articles in different outlets' templates, an IR
release of a bitcoin miner turned AI host, an analyst blog with a per-company data table), a
First Word-style wire flash with terse upper-case headlines for two companies, an Atom feed item
from a trade site (a hyperscale lease, a raised leasing target, a construction loan and a green
bond), a newsletter digest covering five companies (a January fiscal year, Customer A and B, an
IPO), a UK RNS "statement re share price movement" with a guidance cut on a March fiscal year, an
8-K on a customer lending to its chip supplier with warrants vesting on delivered tranches, a
Business Wire release on an October fiscal year with a four-column table, an earnings-call
excerpt of a data-center developer with Q&A, and a distractor (a sustainability report excerpt).
The gold says what a perfect extractor should output under spec/facts.md, not what ours does;
REPORT.md lists every miss and false fact by general cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the blind figures, so a regression fails the test. Do not edit the documents or labels
to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout28.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT28 = Path(__file__).parent / "holdout28"
DOC_PATHS = doc_paths(HOLDOUT28)

# Measured when the set was written (REPORT.md), blind, on base 9e26d07: P 0.939, R 0.879,
# F1 0.908, attributes 125/134 (0.933), tp=138 fp=9 fn=19 (126/134 on main when the fixes began).
# Its causes were then fixed in general form (fix28, test_cases_fix28.py: tables of companies with
# the metric and unit in the column titles, a scale word wrapped onto an indented line, an update on
# trading for an ended period, a flash's "REV.", a share-price move as a noun, a leasing target, a
# share "of it", powered land, uses of proceeds, an equipment order's MW, "that share" after a business
# line's share, a unit price, growth "on" its base period, a lender as the subject of "will also
# provide", a customer "analysts believe to be", a named pair "together"): P 0.994, R 1.000, F1 0.997,
# attributes 138/143 (0.965), tp=157 fp=1 fn=0. The floors sit about 0.02 under these.
F1_FLOOR = 0.97
PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.98
ATTRIBUTE_FLOOR = 0.94


def test_holdout28_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 3
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout28_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout28",
        "HELD-OUT 28 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
