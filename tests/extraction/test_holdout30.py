"""THIRTIETH HELD-OUT MEASUREMENT: blind (F1 0.975; holdout30/REPORT.md).

tests/extraction/holdout30/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets' documents, gold or
case files. The theme is the mainstream mix by a fresh pen: a neocloud's GlobeNewswire release on
a January fiscal year with a plain-text table, an 8-K on an Oracle lease and a construction loan,
an optics supplier's earnings-call excerpt with Q&A, an HTML IR page of a bitcoin miner turned AI
host, a Reuters-style story on a guidance cut and share slide, an HTML news page on an Anthropic
compute deal with a customer's prepayment loan, a trade-press lease story, a weekly news roundup
naming several companies, an investor-day guidance update with a prior/updated table and
multi-year targets, an HTML financing release (an OpenAI contract, OpenAI's loan, warrants,
convertible notes and an ATM), a 10-Q excerpt (three and nine months, Customer A and B, a
customer's prepayment facility), and a distractor (a product launch with annual-meeting votes).
The gold says what a perfect extractor should output under spec/facts.md, not what ours does;
REPORT.md lists every miss and false fact by general cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the blind figures, so a regression fails the test. Do not edit the documents or labels
to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout30.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT30 = Path(__file__).parent / "holdout30"
DOC_PATHS = doc_paths(HOLDOUT30)

# Measured when the set was written (REPORT.md, "Figures (blind)"), blind, on base 50c7ea7: P 0.951,
# R 1.000, F1 0.975, attributes 117/126 (0.929), tp=135 fp=7 fn=0. Causes: a results table after an
# "Outlook" heading read as guidance; a superseded "raised from X to Y" range split into a result and a
# financing; a use of proceeds that "will fund capped call transactions"; counterparties as subjects,
# carried from a neighbouring financing, or swapped in a possessive. The floors sit about 0.03 under.
F1_FLOOR = 0.945
PRECISION_FLOOR = 0.92
RECALL_FLOOR = 0.97
ATTRIBUTE_FLOOR = 0.90


def test_holdout30_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 10
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 3
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout30_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout30",
        "HELD-OUT 30 (blind)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
