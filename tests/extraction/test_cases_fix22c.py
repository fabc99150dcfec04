"""Held-out set 22's cause 1 (tests/extraction/holdout22/REPORT.md), in general form: a PDF-to-text
dump of a two-column page prints the columns side by side, and each column is read on its own.

All companies, people and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts
from rules.extraction.columns import read_columns


def cols(*rows: tuple[str, str], width: int = 44) -> str:
    """Lines of two columns, the right one starting at `width`, as a layout dump prints them."""
    return "\n".join((left.ljust(width) + right).rstrip() for left, right in rows) + "\n"


LETTER = "TALLOWAY DIGITAL INFRASTRUCTURE          THIRD QUARTER 2026 UPDATE\n\n" + cols(
    ("To our shareholders,", "Power and capacity"),
    ("", ""),
    ("We delivered another quarter of growth", "Our contracted capacity reached 720"),
    ("in the third quarter of 2026. Revenue", "megawatts at the end of the quarter, and"),
    ("for the quarter was $212.4 million, up", "we now have 385 MW in operation across"),
    ("41% from the same quarter a year ago,", "our Ohio and Nevada sites. Construction"),
    ("as new halls at our Columbus campus", "of the second Reno hall remains on"),
    ("came online ahead of schedule.", "schedule for the spring."),
)

# A sentence runs from the foot of the left column to the head of the right one; a gutter of three.
REPORT = cols(
    ("Liquidity improved markedly during the", "signed with a hyperscale tenant for an"),
    ("period. On September 30, 2026 we closed", "additional 150 MW at our Dallas campus,"),
    ("a $600 million senior secured term loan", "bringing total contracted capacity to"),
    ("with Marlow Harbor Bank. In addition, a", "1.1 gigawatts. The lease has a term of"),
    ("fifteen-year lease agreement was", "fifteen years."),
    width=42,
)

# Ragged: a paragraph break in one column only (a line with the right side alone, then the left).
RAGGED = cols(
    ("Non-GAAP gross margin was 47.5% for", "Our board approved a new program to"),
    ("the second quarter of 2026, compared", "return capital over the coming years."),
    ("with 44.0% a year earlier.", ""),
    ("", "Looking at the rest of the year, we"),
    ("Operating expenses rose with the", "now expect full-year revenue of $1.05"),
    ("opening of two regional offices and", "billion, above the range we gave in May."),
    ("the hiring of sales staff.", ""),
    width=46,
)


def _read(text: str) -> set[tuple[str, float]]:
    facts = extract_facts(text)
    for f in facts:
        # The evidence is the text as given at the fact's offsets (the other column's text inside).
        assert text[f.start : f.end] == f.evidence
    return {(f.metric, round(f.value, 4)) for f in facts}


@pytest.mark.parametrize(
    ("text", "want", "wrong"),
    [
        (
            LETTER,
            {("revenue", 212_400_000), ("capacity_contracted", 720), ("capacity_deployed", 385)},
            set(),
        ),
        (REPORT, {("financing", 600_000_000), ("capacity_contracted", 150)}, set()),
        (RAGGED, {("gross_margin", 47.5), ("revenue", 1_050_000_000)}, set()),
    ],
)
def test_two_columns_read_one_after_the_other(
    text: str, want: set[tuple[str, float]], wrong: set[tuple[str, float]]
) -> None:
    got = _read(text)
    assert want <= got
    assert not wrong & got


def test_column_reading_keeps_each_sentence_whole() -> None:
    read, pieces = read_columns(LETTER)
    assert pieces is not None
    assert "Revenue\nfor the quarter was $212.4 million, up\n41% from" in read
    assert "Our contracted capacity reached 720\nmegawatts at the end of the quarter" in read
    # Every piece maps back to the same characters.
    for at, orig, size in zip(pieces.at, pieces.orig, pieces.size, strict=True):
        assert read[at : at + size] == LETTER[orig : orig + size]
    facts = {f.metric: f for f in extract_facts(LETTER)}
    assert facts["revenue"].period == "2026-Q3"
    report = {f.metric: f for f in extract_facts(REPORT)}
    assert report["financing"].counterparty == "Marlow Harbor Bank"


# Near-misses: space-aligned layouts that are not two columns of prose stay as they are.
_UNTOUCHED = [
    # A financial table: numbers aligned in columns.
    "                                  Three months ended September 30,\n"
    "                                     2026          2025      Change\n"
    "Revenue                            $412.6        $301.2         37%\n"
    "Cost of revenue                     231.0         180.4         28%\n"
    "Gross profit                        181.6         120.8         50%\n"
    "Operating expenses                   96.3          81.1         19%\n"
    "Operating income                     85.3          39.7        115%\n",
    # Label/value lines.
    "Revenue                          $412.6 million\n"
    "Adjusted EBITDA                  $190.2 million\n"
    "Contracted capacity              1.4 gigawatts\n"
    "Capacity in operation            610 megawatts\n"
    "Net leverage                     3.2x\n",
    # Label/value lines with wordy values.
    "Revenue for the third quarter      $412.6 million versus $301.2 million\n"
    "Gross profit for the quarter       $181.6 million versus $120.8 million\n"
    "Operating income for the quarter   $85.3 million versus $39.7 million\n"
    "Net income for the third quarter   $61.0 million versus $22.4 million\n",
    # A table of phrases: each row its own item, none wrapped.
    "Term Loan B facility           Senior secured loan from the bank group\n"
    "Revolving credit facility      Undrawn commitments for general purposes\n"
    "Equipment financing lines      Secured by servers at the Phoenix campus\n"
    "Convertible senior notes       Unsecured notes convertible into shares\n",
    # Code-like text with comments after a gutter.
    "total_mw = sum(site.mw for site in sites)      # add the capacity of every site\n"
    "if total_mw > target:                          # more power than the plan needs\n"
    "    log.info('capacity above the plan')        # tell the operators about it\n"
    "return total_mw                                # and hand the total back up\n",
    # Only three lines of two prose columns.
    cols(
        ("Revenue for the quarter was $98.1", "We ended the quarter with 310 MW"),
        ("million, up 22% from a year ago, on", "in operation and 540 MW under contract"),
        ("strong demand for inference capacity.", "across three campuses in Texas."),
    ),
    # Prose sides whose right side drifts: no gutter at a fixed column.
    "Revenue for the quarter was the best   we have had in the history of the firm\n"
    "in our history as a public company and it grew     faster than the plan we set\n"
    "out in the spring when we met our investors   in New York at the annual day\n"
    "for the whole of the industry and its many suppliers     of power and of land\n",
]


@pytest.mark.parametrize("text", _UNTOUCHED)
def test_tables_labels_and_code_are_untouched(text: str) -> None:
    read, pieces = read_columns(text)
    assert pieces is None
    assert read is text


def test_label_value_lines_still_read() -> None:
    text = _UNTOUCHED[1]
    assert ("revenue", 412_600_000) in _read(text)


def test_no_gutter_no_cost() -> None:
    text = "Revenue for the quarter was $98.1 million.\nWe ended the quarter with 310 MW in operation.\n"
    assert read_columns(text) == (text, None)
