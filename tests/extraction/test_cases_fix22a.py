"""Held-out set 22's text-shape causes 3, 4, 5, 10 and 14 and one period slip
(tests/extraction/holdout22/REPORT.md), in general form: bullets run together on one line, a run of
spaces or a tab between a figure and its scale, words hyphenated at a line end, a figure on the line
after its verb, an EDGAR submission's SGML header, a long aside between a metric and its verb, and a
founding year beside a year-less quarter.

All companies, people and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts
from tests.extraction.cases import by_value, ranges


def assert_evidence_true(text: str) -> None:
    """Every fact's evidence is the text as given at its offsets."""
    for f in extract_facts(text):
        assert text[f.start : f.end].strip() == f.evidence


# Cause 3: bullets run together on one line. Each glyph opens an item: a value keeps its own label.

_RUN_TOGETHER = [
    (
        "Quarter highlights: • Revenue of $41.7 million, up 96% year over year • Adjusted gross margin of "
        "52.3% • Operating margin of (6.2)%",
        {
            ("revenue", "actual", 41_700_000, 41_700_000),
            ("revenue_growth", "actual", 96, 96),
            ("gross_margin", "actual", 52.3, 52.3),
            ("operating_margin", "actual", -6.2, -6.2),
        },
    ),
    (
        "Key figures ▪ Contracted power of 410 MW ▪ Remaining performance obligations of $1.95 billion "
        "▪ Net loss per share of $(0.12)",
        {
            ("capacity_contracted", "actual", 410, 410),
            ("backlog", "actual", 1_950_000_000, 1_950_000_000),
        },
    ),
    (
        "• Energized capacity of 88 MW · Revenue growth of 61% · GAAP gross margin of 33.0%",
        {
            ("capacity_deployed", "actual", 88, 88),
            ("revenue_growth", "actual", 61, 61),
            ("gross_margin", "actual", 33.0, 33.0),
        },
    ),
]


@pytest.mark.parametrize(("text", "want"), _RUN_TOGETHER)
def test_bullets_run_together_on_one_line_are_items(
    text: str, want: set[tuple[str, str, float, float]]
) -> None:
    assert ranges(text) == want
    assert_evidence_true(text)


def test_a_run_together_bullet_keeps_its_own_basis() -> None:
    facts = extract_facts(
        "Highlights: • GAAP gross margin of 24.1%; adjusted gross margin of 30.8% • Adjusted operating "
        "margin of 2.2%"
    )
    assert by_value(facts, "gross_margin", 30.8).basis == "non_gaap"
    assert by_value(facts, "gross_margin", 24.1).basis == "gaap"
    assert by_value(facts, "operating_margin", 2.2).basis == "non_gaap"


def test_a_middle_dot_in_a_byline_is_no_bullet() -> None:
    # One " · " in a line that opens on no bullet separates a byline's parts, not items.
    text = "By Corin Vale · Revenue at Tessaly Cloud rose 33% to $120 million in the second quarter of 2026."
    assert ("revenue", "actual", 120_000_000, 120_000_000) in ranges(text)
    assert ("revenue_growth", "actual", 33, 33) in ranges(text)


def test_a_glyph_inside_a_word_cuts_nothing() -> None:
    assert ranges("Revenue for Q2•2026 was $18.4 million.") == {("revenue", "actual", 18_400_000, 18_400_000)}


def test_pipes_between_clauses_after_a_title_are_items() -> None:
    text = (
        "Second quarter 2026 at a glance: Revenue of $77.9 million, up 54% year over year | Adjusted gross "
        "margin of 38.5% | Energized capacity of 205 MW"
    )
    assert ranges(text) == {
        ("revenue", "actual", 77_900_000, 77_900_000),
        ("revenue_growth", "actual", 54, 54),
        ("gross_margin", "actual", 38.5, 38.5),
        ("capacity_deployed", "actual", 205, 205),
    }
    assert by_value(extract_facts(text), "revenue", 77_900_000).period == "2026-Q2"
    assert_evidence_true(text)


def test_a_table_row_with_pipes_stays_a_row() -> None:
    # Bare values in the later cells: the row's label is each cell's.
    assert ranges("Revenue: $120.0 million (Q2 2026) | $98.0 million (Q2 2025)") == {
        ("revenue", "actual", 120_000_000, 120_000_000),
        ("revenue", "actual", 98_000_000, 98_000_000),
    }


# Cause 4: a run of spaces or a tab between a figure and its scale or unit reads as one space.

_GAPS = [
    ("Revenue was $318.9  million for the three months ended June 30, 2026.", "revenue", 318_900_000),
    (
        "Remaining performance obligations totaled $5.02   billion as of June 30, 2026.",
        "backlog",
        5_020_000_000,
    ),
    ("We had 1.4\tGW of contracted capacity as of September 30, 2026.", "capacity_contracted", 1400),
    ("Energized capacity reached 260 \tMW at quarter end.", "capacity_deployed", 260),
]


@pytest.mark.parametrize(("text", "metric", "value"), _GAPS)
def test_a_gap_between_a_figure_and_its_scale_is_one_space(text: str, metric: str, value: float) -> None:
    assert (metric, "actual", value, value) in ranges(text)
    assert_evidence_true(text)


def test_a_gap_before_a_word_that_is_no_unit_joins_nothing() -> None:
    # "2026   Million Dollar Club" is a column and a title, not 2,026 million.
    assert ranges("Awards 2026   Million Dollar Club members") == set()


# Cause 5: hard wraps inside a phrase.

_HYPHEN_WRAPS = [
    (
        "Zephyr Grid reported results for the second quarter of 2026. Adjusted op-\nerating margin reached "
        "11.6% in the quarter.",
        ("operating_margin", "actual", 11.6, 11.6),
    ),
    (
        "For fiscal 2027 we now expect revenue of approximately $1.18 bil-\nlion, up from our earlier view.",
        ("revenue", "guidance", 1_180_000_000, 1_180_000_000),
    ),
    (
        "We expect to have more than 650 MW in operation by the end of the fis-\ncal year 2027.",
        ("capacity_deployed", "guidance", 650, 650),
    ),
]


@pytest.mark.parametrize(("text", "want"), _HYPHEN_WRAPS)
def test_a_word_hyphenated_at_a_line_end_is_joined(text: str, want: tuple[str, str, float, float]) -> None:
    assert want in ranges(text)
    assert_evidence_true(text)


def test_non_gaap_broken_after_its_hyphen_stays_non_gaap() -> None:
    text = (
        "In the third quarter of 2026, Non-\nGAAP gross margin expanded to 47.9%, and GAAP gross margin "
        "was 40.2%."
    )
    facts = extract_facts(text)
    assert by_value(facts, "gross_margin", 47.9).basis == "non_gaap"
    assert by_value(facts, "gross_margin", 40.2).basis == "gaap"
    assert_evidence_true(text)


def test_a_compound_broken_at_its_hyphen_keeps_the_hyphen() -> None:
    # "third-" / "party" is a compound, not "thirdparty"; the figures read as they do on one line.
    one_line = "Revenue from third-party colocation was $22.5 million in the second quarter of 2026."
    wrapped = "Revenue from third-\nparty colocation was $22.5 million in the second quarter of 2026."
    assert ranges(wrapped) == ranges(one_line)
    assert_evidence_true(wrapped)


_CUE_WRAPS = [
    (
        "Brackley Compute reported results for the third quarter of 2026. Its largest customer, Nimbus AI, "
        "represented\n44% of revenue in the quarter.",
        ("customer_concentration", "actual", 44, 44),
    ),
    (
        "At the end of the quarter Brackley Compute had contracted capacity of approximately\n1.1 GW across "
        "its campuses.",
        ("capacity_contracted", "actual", 1100, 1100),
    ),
]


@pytest.mark.parametrize(("text", "want"), _CUE_WRAPS)
def test_a_figure_on_the_line_after_its_verb_is_read(text: str, want: tuple[str, str, float, float]) -> None:
    assert want in ranges(text)
    assert_evidence_true(text)


def test_stacked_labels_stay_lines_of_their_own() -> None:
    # A label that ends on a noun over its value: each pair is read alone, never run together.
    text = "Contracted capacity\n1.3 GW\n\nEnergized capacity\n480 MW\n"
    got = ranges(text)
    assert ("capacity_contracted", "actual", 480, 480) not in got
    assert ("capacity_deployed", "actual", 1300, 1300) not in got


def test_list_lines_opening_on_figures_stay_separate() -> None:
    text = "Operating highlights for the quarter\n12 new customers signed\n3 campuses energized\n"
    assert ranges(text) == set()


# Cause 10: an EDGAR full submission's SGML header.

_SGML = (
    "<SEC-DOCUMENT>0009999999-26-000123.txt : 20261112\n"
    "<SEC-HEADER>0009999999-26-000123.hdr.sgml : 20261112\n"
    "<ACCEPTANCE-DATETIME>20261112161502\n"
    "ACCESSION NUMBER:\t\t0009999999-26-000123\n"
    "CONFORMED SUBMISSION TYPE:\t8-K\n"
    "PUBLIC DOCUMENT COUNT:\t\t3\n"
    "CONFORMED PERIOD OF REPORT:\t20261110\n"
    "ITEM INFORMATION:\t\tCreation of a Direct Financial Obligation or an Obligation under an Off-Balance "
    "Sheet Arrangement of a Registrant\n"
    "FILED AS OF DATE:\t\t20261112\n"
    "\n"
    "FILER:\n"
    "\n"
    "\tCOMPANY DATA:\t\n"
    "\t\tCOMPANY CONFORMED NAME:\t\t\tVantless Data Centers Inc.\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0009999999\n"
    "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tSERVICES-COMPUTER PROCESSING [7374]\n"
    "\t\tIRS NUMBER:\t\t\t\t861234599\n"
    "\t\tFISCAL YEAR END:\t\t\t1231\n"
    "</SEC-HEADER>\n"
    "<DOCUMENT>\n"
    "<TYPE>8-K\n"
    "<SEQUENCE>1\n"
    "<FILENAME>vdc-8k.txt\n"
    "<TEXT>\n"
    "Item 1.01  Entry into a Material Definitive Agreement.\n"
    "\n"
    'On November 10, 2026, Vantless Data Centers Inc. (the "Company") entered\n'
    'into a master lease agreement (the "Lease") with Corvid Labs, Inc. for 180\n'
    "megawatts of critical IT load at the Company's Abilene, Texas campus. The\n"
    "Company also entered into a Credit Agreement with the lenders party thereto\n"
    "and Ostrander Trust Bank, N.A., as administrative agent, providing for a\n"
    "$900,000,000 revolving credit facility and a $300,000,000 term loan facility.\n"
    "The Lease has an initial term of fifteen years from the commencement date of\n"
    "each phase, and the Company expects the first phase to be delivered in 2027.\n"
    "</TEXT>\n"
    "</DOCUMENT>\n"
)


def test_an_sgml_header_leaves_the_wrapped_body_read_by_sentences() -> None:
    facts = extract_facts(_SGML)
    got = {(f.metric, f.low) for f in facts}
    assert ("capacity_contracted", 180) in got
    assert ("capacity_deployed", 180) not in got
    assert by_value(facts, "capacity_contracted", 180).counterparty == "Corvid Labs"
    assert by_value(facts, "financing", 900_000_000).counterparty == "Ostrander Trust Bank"
    assert by_value(facts, "financing", 300_000_000).counterparty == "Ostrander Trust Bank"
    assert_evidence_true(_SGML)


def test_the_sgml_header_gives_no_facts() -> None:
    header = _SGML[: _SGML.index("<TEXT>")]
    assert extract_facts(header) == []


# Cause 14: a long aside between the metric and its verb.

_APPOSITIVES = [
    (
        "Revenue, which includes colocation, interconnection and the amortization of acquired customer "
        "contracts, was $174.3 million for the three months ended June 30, 2026.",
        ("revenue", "actual", 174_300_000, 174_300_000),
        "contract_value",
    ),
    (
        "Adjusted gross margin, a non-GAAP measure that excludes stock-based compensation and the "
        "depreciation of acquired equipment, was 44.6% for the quarter ended June 30, 2026.",
        ("gross_margin", "actual", 44.6, 44.6),
        None,
    ),
    (
        "Backlog, a key operating metric that we define as contracted revenue not yet recognized under "
        "signed customer agreements, stood at $3.3 billion at the end of the quarter.",
        ("backlog", "actual", 3_300_000_000, 3_300_000_000),
        "contract_value",
    ),
]


@pytest.mark.parametrize(("text", "want", "not_metric"), _APPOSITIVES)
def test_a_long_aside_keeps_the_metric(
    text: str, want: tuple[str, str, float, float], not_metric: str | None
) -> None:
    got = ranges(text)
    assert want in got
    if not_metric is not None:
        assert all(m != not_metric for m, _k, _l, _h in got)
    assert_evidence_true(text)


def test_an_aside_with_a_figure_keeps_its_figure() -> None:
    got = ranges("Revenue, which grew 52% from a year ago, was $63.8 million in the second quarter of 2026.")
    assert ("revenue_growth", "actual", 52, 52) in got
    assert ("revenue", "actual", 63_800_000, 63_800_000) in got


def test_an_adjusted_basis_survives_the_aside() -> None:
    text = (
        "Adjusted operating margin, a non-GAAP measure that excludes restructuring charges, was 8.8% in the "
        "third quarter of 2026."
    )
    assert by_value(extract_facts(text), "operating_margin", 8.8).basis == "non_gaap"


# Attribute: a year-less quarter does not take a founding's year from its sentence.


def test_a_founding_year_does_not_date_a_yearless_quarter() -> None:
    text = (
        "Brindle Compute, Inc. reported results for the third quarter of 2026. Halden AI accounted for 58% "
        "of the Company's third quarter revenue, a relationship that has grown steadily since the "
        "Company's founding in 2021."
    )
    assert by_value(extract_facts(text), "customer_concentration", 58).period == "2026-Q3"


def test_an_inception_year_does_not_date_a_yearless_quarter() -> None:
    text = (
        "Orlin Power reported results for the second quarter of 2026. Second quarter revenue was $71.0 "
        "million, the highest since its inception in 2019."
    )
    assert by_value(extract_facts(text), "revenue", 71_000_000).period == "2026-Q2"


def test_a_year_of_the_quarter_itself_still_dates_it() -> None:
    text = "Halden AI accounted for 58% of the Company's third quarter revenue in 2025."
    assert by_value(extract_facts(text), "customer_concentration", 58).period == "2025-Q3"


def test_a_year_opening_a_later_clause_about_the_past_does_not_date_the_quarter() -> None:
    text = (
        "Brindle Compute, Inc. reported results for the third quarter of 2026. Halden AI accounted for 58% "
        "of third quarter revenue; in 2021 it was a four-person research lab."
    )
    assert by_value(extract_facts(text), "customer_concentration", 58).period == "2026-Q3"


def test_a_sentence_opening_on_its_year_is_dated_by_it() -> None:
    text = (
        "Brindle Compute, Inc. reported results for the third quarter of 2026. In 2025 it had third quarter "
        "revenue of $40.1 million."
    )
    assert by_value(extract_facts(text), "revenue", 40_100_000).period == "2025-Q3"
