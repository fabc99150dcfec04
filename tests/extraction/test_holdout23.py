"""TWENTY-THIRD HELD-OUT MEASUREMENT: blind when written (F1 0.956), used for fixes since (REPORT.md).

tests/extraction/holdout23/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets' documents, gold or
case files. The theme is the mainstream mix an evaluation of real-world disclosures would hold:
three quarterly earnings releases (a neocloud with active/contracted power and RPO, a data-center
developer with leases signed, an HTML cooling supplier's release with customer concentration, a
four-column table and a margin outlook), an 8-K on a bitcoin miner's HPC colocation agreement
(MW, contract value, a hyperscaler's backstop and warrants, a construction loan), a convertible
notes pricing with an at-the-market program, two wire stories (results and a stock move with
analysts' numbers beside the company's; an AI lab's compute deal with a neocloud's financing and
a chip maker's equity stake), an earnings-call excerpt with guidance and Q&A, an HTML IR release
page of a bitcoin miner turned AI host, an HTML news page with market strip and related-story
teasers, a 10-K excerpt (concentration over three years, RPO, capacity, debt), and a distractor
(a GPU-cluster launch full of prices and specs). The gold says what a perfect extractor should
output under spec/facts.md, not what ours does; REPORT.md lists every miss and false fact by
general cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the figures measured, so a regression fails the test. Do not edit the documents or labels
to make this pass; fix a general cause and raise the floor instead. Since the set has been used for
fixes, its figures are no longer blind. Run
`pytest -s tests/extraction/test_holdout23.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT23 = Path(__file__).parent / "holdout23"
DOC_PATHS = doc_paths(HOLDOUT23)

# Measured when the set was written (REPORT.md), blind, on base b79f9c0: P 0.948, R 0.965,
# F1 0.956, attributes 105/115 (0.913), tp=109 fp=6 fn=4 (main had reached P 0.965, R 0.965 by the
# time it was used for fixes).
# Its causes were then fixed in general form (fix23, test_cases_fix23.py: the company's reported figure
# inside an analysts' sentence and analysts referred back to by "they" or an attribution tail, a purpose
# clause after a facility's size, equity bought around "common stock", capacity under construction after
# "energize", estimated net proceeds of a priced deal, one figure at two roundings; lender, agent, period
# and instrument slips): P 1.000, R 1.000, F1 1.000, attributes 115/120 (0.958), tp=113 fp=0 fn=0. The
# floors sit about 0.02 under these. What is left: a contract value whose party a defined term named
# sentences before, a customer-side "agreed to buy … from" deal, two capacity and backlog periods.
F1_FLOOR = 0.98
PRECISION_FLOOR = 0.98
RECALL_FLOOR = 0.98
ATTRIBUTE_FLOOR = 0.94


def test_holdout23_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 3
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout23_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout23",
        "HELD-OUT 23 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
