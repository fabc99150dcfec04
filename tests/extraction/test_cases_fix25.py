"""Held-out set 25's causes (tests/extraction/holdout25/REPORT.md), in general form: amounts in
another dollar, …

All companies, people and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts
from rules.facts import Fact


def ranges(text: str) -> set[tuple[str, str, float, float]]:
    return {(f.metric, f.kind, round(f.low, 4), round(f.high, 4)) for f in extract_facts(text)}


def by_value(facts: list[Fact], metric: str, low: float) -> Fact:
    return next(f for f in facts if f.metric == metric and round(f.low, 4) == low)


# Cause 3: an amount in another dollar (A$, C$, S$, HK$, NZ$) is no US-dollar figure; its US-dollar
# translation is, in brackets or spoken ("that's about US$…"), even with the deal's noun between them.

_OTHER_DOLLARS = [
    "Brolga Compute completed a A$320 million institutional placement in March.",
    "Tallis Cloud raised C$145 million in a bought-deal offering of common shares.",
    "The Group drew down a HK$2.4 billion syndicated term loan in August.",
    "Ruapehu Data closed a NZ$210 million green loan with Kauri Bank.",
    "Revenue for the half was S$312.5 million.",
    "We signed a 10-year lease for 48 MW with a total contract value of A$1.1 billion.",
]


@pytest.mark.parametrize("text", _OTHER_DOLLARS)
def test_an_amount_in_another_dollar_is_no_fact(text: str) -> None:
    assert not any(f.unit == "usd" for f in extract_facts(text))


def test_the_power_beside_an_amount_in_another_dollar_is_still_read() -> None:
    got = ranges("We signed a 10-year lease for 48 MW with a total contract value of A$1.1 billion.")
    assert got == {("capacity_contracted", "actual", 48, 48)}


def test_the_us_dollar_translation_after_the_deal_noun_is_the_fact() -> None:
    text = (
        "In June the Company completed a A$380 million equity placement (approximately US$251 million) at "
        "A$4.10 per share, and a A$25 million share purchase plan."
    )
    got = ranges(text)
    assert got == {("financing", "actual", 251_000_000, 251_000_000)}
    assert extract_facts(text)[0].instrument == "equity"


def test_a_spoken_translation_is_the_fact_with_its_lender() -> None:
    text = (
        "Last month we signed a S$850 million term loan, that's about US$630 million, with Merlion Pacific "
        "Bank as mandated lead arranger."
    )
    facts = extract_facts(text)
    assert ranges(text) == {("financing", "actual", 630_000_000, 630_000_000)}
    assert facts[0].bound == "approx"
    assert facts[0].counterparty == "Merlion Pacific Bank"


def test_a_growth_beside_amounts_in_another_dollar_keeps_its_period() -> None:
    # The compared amount in another dollar still holds its period, as it did before.
    text = "Revenue of NZ$64.2 million in Q3 2026, an increase of 38% from NZ$46.5 million in Q3 2025."
    facts = extract_facts(text)
    assert ranges(text) == {("revenue_growth", "actual", 38, 38)}
    assert facts[0].period == "2026-Q3"


@pytest.mark.parametrize(
    "text",
    [
        "Revenue was US$48.6 million, up 73% on the prior corresponding period.",
        "The Company closed a USD$500 million senior secured loan.",
        "The Company closed a $500 million senior secured loan.",
    ],
)
def test_us_dollars_stay_us_dollars(text: str) -> None:
    assert any(f.unit == "usd" for f in extract_facts(text))


def test_a_table_cell_in_another_dollar_is_no_fact() -> None:
    assert ranges("Revenue: A$5.3 million (FY2026) | A$4.1 million (FY2025)") == set()
    assert len(ranges("Revenue: US$5.3 million (FY2026) | US$4.1 million (FY2025)")) == 2


# Cause 4 and the column-title slip: a row label states the dollar unit with a singular scale word
# ("Revenue (US$ million)"), and a column titled by a year and its goal word ("2028 target", "2030
# ambition", "Target 2029") holds that year's forecast.


def test_a_singular_scale_word_in_a_row_label_states_the_unit() -> None:
    text = "Revenue (US$ million): 512 (2025A) | 690 (2026E)"
    assert ranges(text) == {
        ("revenue", "actual", 512_000_000, 512_000_000),
        ("revenue", "guidance", 690_000_000, 690_000_000),
    }


def test_a_row_of_targets_by_year_in_bracketed_column_titles() -> None:
    text = (
        "Mid-term framework\n\n"
        "Revenue (US$ billion): 1.16 (2025A) | 2.6–2.9 (2028 target) | 4.0–4.5 (2031 ambition)\n\n"
        "Gross margin: 33% (2025A) | ≥38% (2028 target) | ≥41% (2031 ambition)\n"
    )
    facts = extract_facts(text)
    assert ranges(text) == {
        ("revenue", "actual", 1_160_000_000, 1_160_000_000),
        ("revenue", "guidance", 2_600_000_000, 2_900_000_000),
        ("revenue", "guidance", 4_000_000_000, 4_500_000_000),
        ("gross_margin", "actual", 33, 33),
        ("gross_margin", "guidance", 38, 38),
        ("gross_margin", "guidance", 41, 41),
    }
    assert {f.low: f.period for f in facts if f.metric == "gross_margin"} == {
        33: "2025-FY",
        38: "2028-FY",
        41: "2031-FY",
    }
    assert by_value(facts, "revenue", 4_000_000_000).period == "2031-FY"


def test_a_markdown_table_of_targets_by_year() -> None:
    text = (
        "| Metric | 2025A | Target 2028 | FY2030 goal |\n"
        "|---|---|---|---|\n"
        "| Operating margin | 12% | 18% | 22% |\n"
    )
    facts = extract_facts(text)
    assert {(f.kind, f.low, f.period) for f in facts} == {
        ("actual", 12, "2025-FY"),
        ("guidance", 18, "2028-FY"),
        ("guidance", 22, "2030-FY"),
    }


def test_a_year_with_results_in_a_column_title_stays_actual() -> None:
    facts = extract_facts("Gross margin: 36% (2025 results) | 34% (2024 results)")
    assert {(f.kind, f.low, f.period) for f in facts} == {
        ("actual", 36, "2025-FY"),
        ("actual", 34, "2024-FY"),
    }


# Period slips: a split fiscal year written with two-digit years ("FY24/25") is the year it ends in, also
# when the document's top pairs it with the year's end date; a quarter or half "of the fiscal year ending
# <date>" is of that fiscal year.


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("FY24/25 revenue of US$96.2 million, up 41%.", "2025-FY"),
        ("The Group expects FY27/28 revenue of US$300m to US$320m.", "2028-FY"),
        ("Revenue for FY 25/26 was US$142 million.", "2026-FY"),
    ],
)
def test_a_split_fiscal_year_with_two_digit_years_is_the_year_it_ends_in(text: str, period: str) -> None:
    assert {f.period for f in extract_facts(text) if f.metric == "revenue"} == {period}


def test_a_split_year_label_after_the_year_end_date_names_the_calendar() -> None:
    text = (
        'Harrowgate Compute plc provides an update for the financial year ended 30 June 2026 ("FY25/26").\n\n'
        "The Board expects FY26/27 revenue of US$410m to US$440m and operational capacity of at least 300MW "
        "by 30 June 2027."
    )
    facts = extract_facts(text)
    assert by_value(facts, "revenue", 410_000_000).period == "2027-FY"
    assert by_value(facts, "capacity_deployed", 300).period == "2027-FY"


def test_a_split_year_that_is_no_fiscal_year_is_left_alone() -> None:
    # Two years apart: no one fiscal year (nor the first of them).
    assert {f.period for f in extract_facts("FY25/27 revenue of US$96.2 million.")} == {None}


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "In the second quarter of the fiscal year ending March 31, 2027, net sales rose 27.4% year on "
            "year.",
            "2027-Q2",
        ),
        (
            "For the first half of the fiscal year ending June 30, 2026, revenue grew 33% year over year.",
            "2026-H1",
        ),
        ("In the first quarter of fiscal 2027, revenue grew 18% year over year.", "2027-Q1"),
    ],
)
def test_a_quarter_of_the_fiscal_year_ending_on_a_date(text: str, period: str) -> None:
    assert {f.period for f in extract_facts(text)} == {period}
