"""TWENTY-FOURTH HELD-OUT MEASUREMENT: blind when written (F1 0.938), used for fixes (blind 0.938 -> 1.000;
REPORT.md, "After fixes").

tests/extraction/holdout24/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets' documents, gold or
case files. The theme is the mainstream mix again, by a fresh pen: a neocloud's release on a
January fiscal year (active vs contracted power, RPO, an AI lab's contract, a GPU-backed loan,
quarter and year outlook), a data-center developer's quarter (leases signed with and without a
named tenant, Core FFO and EBITDA margins beside the operating margin, notes, a construction loan,
raised guidance), an 8-K on a hyperscaler's services agreement with an option and a delayed-draw
facility, an HTML IR page of a bitcoin miner turned AI host, a wire story on a debt raise with the
stock move, an HTML news page on a supplier's guidance cut and share slide, an earnings-call
excerpt of a power-equipment maker (segment shares, a framework agreement, consensus in the Q&A),
a 10-Q excerpt (three and six months, Customer A and B, convertible notes, capped calls), a
trade-press lease story, an HTML IR release of a cable supplier with a four-column table, an IPO
pricing with a concurrent private placement, and a distractor (an 8-K on a CFO appointment and
annual-meeting votes). The gold says what a perfect extractor should output under spec/facts.md,
not what ours does; REPORT.md lists every miss and false fact by general cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the blind figures, so a regression fails the test. Do not edit the documents or labels
to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout24.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT24 = Path(__file__).parent / "holdout24"
DOC_PATHS = doc_paths(HOLDOUT24)

# Measured when the set was written (REPORT.md), blind, on base f4fd68f: P 0.928, R 0.949,
# F1 0.938, attributes 118/142 (0.831), tp=129 fp=10 fn=7 (main had reached attributes 120/142 by the
# time it was used for fixes).
# Its causes were then fixed in general form (fix24, test_cases_fix24.py: orders, market tallies and
# uses of proceeds are no financing, a noun that only measures the amount before it, a segment's share,
# an "About" paragraph's power in a release with none, a second figure's status and party, a past result
# inside an analysts' sentence, payments over an agreement's term, commenced leases, a campus's size; the
# comparison base of a call, "three and six months … respectively", and counterparty, basis and
# instrument slips): P 1.000, R 1.000, F1 1.000, attributes 145/145 (1.000), tp=136 fp=0 fn=0. The
# floors sit about 0.02 under these.
F1_FLOOR = 0.98
PRECISION_FLOOR = 0.98
RECALL_FLOOR = 0.98
ATTRIBUTE_FLOOR = 0.98


def test_holdout24_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 3
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout24_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout24",
        "HELD-OUT 24 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
