"""TWENTY-SECOND HELD-OUT MEASUREMENT: blind when written (F1 0.820), used for fixes since (REPORT.md).

tests/extraction/holdout22/ holds twelve fictional disclosures about AI-infrastructure
companies, written and labelled (and committed) before any extractor was run on them, by a
writer who had not read the extractor's rules nor the other labelled sets' documents, gold or
case files. The theme is documents as the machine receives them, where the format itself is the
trap: a filing agent's EDGAR exhibit 99.1 .htm (<font>-wrapped paragraphs, bullets and "$" and ")"
in their own table cells, page-break rules, a "Table of Contents" link block), an inline-XBRL 10-Q
MD&A excerpt (hidden ix:header contexts, <ix:nonFraction>-wrapped numbers, a revenue-by-customer
table), a news site's article page (paywall teaser, "Most read" list, ads, captions, author bio), a
plain-text EDGAR full submission with its SGML header and Windows line endings (an 8-K with a credit
agreement and a lease, plus its exhibit 99.1), a pdftotext dump of a two-column shareholder letter
(side-by-side and line-interleaved columns, hyphenated breaks, running headers and footers), a
transcript site's earnings call (speaker and role lines, timestamps, "(Operator Instructions)",
"Unidentified Analyst"), a release with one very long line per paragraph and "•" bullets run
together, an ASX release in British/Australian English ("m"/"bn", "per cent", "c.", FY26 = year to
30 June 2026, US$ beside A$), an IR "Key metrics" page made of definition lists, a news service's
e-mail alert with five unrelated stories, a short-seller's report mixing the company's figures with
the author's claims, and a distractor (an electric cooperative's large-load forecast, queue and
tariff update). The gold says what a perfect extractor should output under spec/facts.md, not what
ours does; REPORT.md lists every miss and false fact by general cause.

Why only a floor: asserting high figures would invite tuning to these twelve texts. The floor sits a
little under the blind figures, so a regression fails the test. Do not edit the documents or labels
to make this pass; fix a general cause and raise the floor instead. Run
`pytest -s tests/extraction/test_holdout22.py` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

from tests.extraction.corpus import assert_floors, assert_well_formed, doc_paths, gold

HOLDOUT22 = Path(__file__).parent / "holdout22"
DOC_PATHS = doc_paths(HOLDOUT22)

# Measured when the set was written (REPORT.md), blind, on base f76df6b: P 0.879, R 0.769,
# F1 0.820, attributes 131/139 (0.942), tp=123 fp=17 fn=37. The floors sit about 0.03 under these;
# extraction is deterministic, the margin only absorbs small unrelated extractor changes.
# Its causes were then fixed in general form (definition lists, inline XBRL, filing agents' bullet tables
# and Unicode hyphens on main; fix22a text shapes, fix22b meanings, fix22c two-column PDF text;
# test_cases_fix22*.py): P 0.962, R 0.950, F1 0.956, attributes 170/171. The floors sit about 0.03
# under these. What is left: interleaved PDF columns, a rounded headline figure.
F1_FLOOR = 0.93
PRECISION_FLOOR = 0.93
RECALL_FLOOR = 0.92
ATTRIBUTE_FLOOR = 0.96


def test_holdout22_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) == 12
    assert sum(1 for p in DOC_PATHS if p.suffix == ".html") >= 3
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 1, "a distractor-only document"
    assert_well_formed(DOC_PATHS)


def test_holdout22_windows_line_endings_are_kept() -> None:
    """The EDGAR full submission is stored with CRLF line endings (.gitattributes: -text)."""
    raw = (HOLDOUT22 / "04_harrowgate_8k_full_submission.txt").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > 100


def test_holdout22_aggregate_floor() -> None:
    assert_floors(
        DOC_PATHS,
        "holdout22",
        "HELD-OUT 22 (used for fixes)",
        f1=F1_FLOOR,
        precision=PRECISION_FLOOR,
        recall=RECALL_FLOOR,
        attributes=ATTRIBUTE_FLOOR,
    )
