"""Held-out set 21's causes 2, 8, 9 and 10 and three attribute slips
(tests/extraction/holdout21/REPORT.md), in general form: tolerances, growth against a named quarter,
earnings per share, thresholds and vague ranges, "at quarter-end" and a bare "first half".

All companies, people and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts
from tests.extraction.cases import by_value, ranges


def metrics(text: str) -> set[str]:
    return {f.metric for f in extract_facts(text)}


# Cause 2: a tolerance after a figure. A percentage of an amount or of power is relative to it; one
# tolerance written after "respectively" is each listed figure's.

_RELATIVE_TOLERANCES = [
    (
        "Fourth-quarter revenue is expected to be $1.80 billion, plus or minus 3%.",
        1_746_000_000,
        1_854_000_000,
    ),
    (
        "For the first quarter of fiscal 2028, Quillon expects revenue of $640 million, ±2%.",
        627_200_000,
        652_800_000,
    ),
    ("Net sales are projected at $4.2 billion +/- 1.5% for the quarter.", 4_137_000_000, 4_263_000_000),
    ("We expect next-quarter revenue of $96 million, plus/minus 5%.", 91_200_000, 100_800_000),
]


@pytest.mark.parametrize(("text", "low", "high"), _RELATIVE_TOLERANCES)
def test_a_percentage_tolerance_of_an_amount_is_relative(text: str, low: float, high: float) -> None:
    assert ranges(text) == {("revenue", "guidance", low, high)}


def test_a_percentage_tolerance_of_power_is_relative() -> None:
    got = ranges("We expect contracted capacity of 900 MW, plus or minus 5%, by year-end.")
    assert got == {("capacity_contracted", "guidance", 855, 945)}


def test_a_tolerance_in_money_or_points_is_unchanged() -> None:
    assert ranges("Revenue is expected to be $850 million, plus or minus $20 million.") == {
        ("revenue", "guidance", 830_000_000, 870_000_000)
    }
    # Beside a percentage, a percentage tolerance is points of it, not a share of it.
    assert ranges("Gross margin is expected to be 45%, plus or minus 2%.") == {
        ("gross_margin", "guidance", 43, 47)
    }
    assert ranges("Non-GAAP gross margin is expected to be 61%, +/- 50 bps.") == {
        ("gross_margin", "guidance", 60.5, 61.5)
    }


def test_a_tolerance_after_respectively_is_each_figures_and_bases_pair() -> None:
    facts = extract_facts(
        "GAAP and non-GAAP operating margins are expected to be 18% and 26%, respectively, plus or minus "
        "one percentage point."
    )
    assert {(f.low, f.high, f.basis) for f in facts} == {(17, 19, "gaap"), (25, 27, "non_gaap")}
    facts = extract_facts(
        "Non-GAAP and GAAP gross margins are expected to be 67.5% and 66.0%, respectively, +/- 50 bps."
    )
    assert {(f.low, f.high, f.basis) for f in facts} == {(67, 68, "non_gaap"), (65.5, 66.5, "gaap")}
    facts = extract_facts(
        "GAAP, adjusted and core gross margins are expected to be 51%, 53% and 54%, respectively, plus or "
        "minus 75 basis points."
    )
    assert {(f.low, f.high, f.basis) for f in facts} == {
        (50.25, 51.75, "gaap"),
        (52.25, 53.75, "non_gaap"),
        (53.25, 54.75, "non_gaap"),
    }


def test_bases_listed_before_respectively_pair_with_the_figures() -> None:
    facts = extract_facts(
        "For the quarter, GAAP and non-GAAP gross margins were 58.1% and 60.4%, respectively."
    )
    assert {(f.low, f.basis) for f in facts} == {(58.1, "gaap"), (60.4, "non_gaap")}
    facts = extract_facts("Adjusted and reported operating margins were 12.0% and 9.5%, respectively.")
    # "reported" alone names no basis list: one basis word is both figures'.
    assert {f.basis for f in facts} == {"non_gaap"}


def test_bases_do_not_pair_when_respectively_pairs_periods() -> None:
    facts = extract_facts(
        "GAAP and non-GAAP gross margins were 41.2% and 44.0% in the third quarter and second quarter of "
        "2026, respectively."
    )
    assert {(f.low, f.period) for f in facts} == {(41.2, "2026-Q3"), (44.0, "2026-Q2")}


def test_a_tax_rate_tolerance_stays_no_fact() -> None:
    assert extract_facts("GAAP and non-GAAP tax rates are expected to be 14%, plus or minus 1%.") == []


# Cause 8: growth against the quarter before, named by its label or month, is sequential (no
# year-over-year growth); against the same quarter a year earlier it stays growth.

_SEQUENTIAL_ONLY = [
    ("Third-quarter 2026 revenue was $512 million, up 14% versus Q2 and 61% versus Q3 2025.", 61),
    ("Q3 2026 revenue rose 22% compared with 2Q and 70% year over year.", 70),
    ("Q2 FY27 revenue of A$210 mn (US$138 mn), up 9% on Q1 FY27 and up 48% on Q2 FY26.", 48),
    ("Revenue for Q4 2026 was $930 million, up 18% from Q3 2026 and 55% from Q4 2025.", 55),
    ("Halvern reported Q3 2026 revenue of $410 million, up 11% from Q2 and up 40% from a year ago.", 40),
]


@pytest.mark.parametrize(("text", "growth"), _SEQUENTIAL_ONLY)
def test_growth_against_the_previous_named_quarter_is_no_growth(text: str, growth: float) -> None:
    assert {f.low for f in extract_facts(text) if f.metric == "revenue_growth"} == {growth}


_SEQUENTIAL_NO_GROWTH = [
    "Halvern reported Q3 2026 revenue of $410 million, up 9% versus the June quarter.",
    "Halvern reported Q3 2026 revenue of $410 million, up 11% quarter on quarter.",
    "Revenue was $410 million, up 8% from Q2.",
    "Revenue of $300 million in the third quarter of 2026 was up 7% over the prior quarter.",
]


@pytest.mark.parametrize("text", _SEQUENTIAL_NO_GROWTH)
def test_sequential_growth_alone_gives_only_the_revenue(text: str) -> None:
    assert "revenue_growth" not in metrics(text)
    assert "revenue" in metrics(text)


_YEAR_OVER_YEAR = [
    "Halvern reported Q3 2026 revenue of $410 million, up 40% on the September quarter last year.",
    "Revenue for Q3 2026 was $300 million, up 40% from the September quarter a year earlier.",
    "Revenue for Q3 2026 was $300 million, up 40% from Q3 last year.",
    "Revenue for Q3 2026 was $300 million, up 40% from Q3 2025.",
    # The reported quarter's own number with no year: the year-ago quarter, not the one before.
    "Revenue in Q3 2026 was $300 million, up 40% from Q3.",
    # A year with no reported quarter to set it against: left as growth.
    "Revenue was $300 million, up 40% from Q2 2025.",
]


@pytest.mark.parametrize("text", _YEAR_OVER_YEAR)
def test_growth_against_a_year_ago_quarter_stays_growth(text: str) -> None:
    assert ("revenue_growth", "actual", 40, 40) in ranges(text)


# Cause 9: earnings per share of any kind is no share price, and its growth no stock move.

_PER_SHARE = [
    "GAAP earnings per diluted share were $1.14, up 38% from a year ago.",
    "Non-GAAP net income was $2.3 billion, or $1.21 per diluted share, up 44% year over year.",
    "Net income per basic and diluted share rose 12% to $0.56.",
    "Earnings per fully diluted share of $0.71 increased 9% from the prior year.",
    "Profit per ordinary share climbed 15% to 48 cents.",
]


@pytest.mark.parametrize("text", _PER_SHARE)
def test_earnings_per_share_growth_is_no_stock_move(text: str) -> None:
    assert "stock_move" not in metrics(text)


def test_real_stock_moves_stay() -> None:
    assert ranges("Orvane shares rose 4% in extended trading.") == {("stock_move", "actual", 4, 4)}
    assert ranges(
        "Shares of Orvane fell 6.5% on Tuesday after it reported earnings of $0.30 per diluted share."
    ) == {("stock_move", "actual", -6.5, -6.5)}


# Cause 10: a vague region of a decade and the reporting threshold under which customers are named
# are no values.

_VAGUE = [
    "For the full year, gross margins are expected to be in the mid-70% range.",
    "We expect non-GAAP gross margin in the high 30% range next year.",
    "Operating margin should land in the low-to-mid-20% range in fiscal 2027.",
    "Adjusted gross margin is tracking in the upper-60% area.",
]


@pytest.mark.parametrize("text", _VAGUE)
def test_a_vague_region_is_no_value(text: str) -> None:
    assert extract_facts(text) == []


def test_a_figure_near_a_region_word_stays() -> None:
    assert ranges("Gross margin was a high 74%, up from 70%.") >= {("gross_margin", "actual", 74, 74)}
    assert ranges("We expect gross margin of 72% to 74%, the high end of our range.") == {
        ("gross_margin", "guidance", 72, 74)
    }


_THRESHOLDS = [
    "In fiscal 2026, Harlan AI and Veyra were our only customers that each accounted for more than 10% "
    "of our revenue.",
    "Customers individually representing 10% or more of revenue were Harlan AI and Veyra.",
    "Two customers, each of which accounted for at least 10% of revenue, were hyperscalers.",
    "Tenants accounting for more than 5% of rental revenue are listed in Note 12.",
    "Orvane and Keld each accounted for more than 10% of revenue in 2026.",
    "Orvane and Keld, which each represented more than 10% of net sales, are hyperscalers.",
]


@pytest.mark.parametrize("text", _THRESHOLDS)
def test_a_reporting_threshold_is_no_customer_share(text: str) -> None:
    assert "customer_concentration" not in metrics(text)


def test_named_customers_shares_stay() -> None:
    assert ranges("Microsoft accounted for more than 40% of revenue in fiscal 2026.") == {
        ("customer_concentration", "actual", 40, 40)
    }
    # A named customer's own share at 10% is a share, not the threshold.
    assert ranges("Orvane accounted for more than 10% of revenue in fiscal 2026.") == {
        ("customer_concentration", "actual", 10, 10)
    }
    got = ranges(
        "Two customers, each of which accounted for at least 10% of revenue, together represented 58%."
    )
    assert got == {("customer_concentration", "actual", 58, 58)}
    got = ranges("Harlan AI and Veyra each accounted for 31% and 14% of revenue, respectively.")
    assert got == {("customer_concentration", "actual", 31, 31), ("customer_concentration", "actual", 14, 14)}


# Attributes: "at quarter-end" is the reported quarter; a bare "first half" is the half named before
# it, and a half set against a full year is of a later year than that full year.

_QUARTER_END_DOC = """Corvane Data Q2 FY27 quarterly activities report

Corvane Data reports its activities for the December quarter (Q2 FY27).

Operating data centre capacity at quarter-end was 640 MW.

Contracted capacity stood at 1,900 MW at the quarter's end.

Energised capacity as of quarter end was 650 MW.
"""


def test_at_quarter_end_is_the_reported_quarter() -> None:
    facts = extract_facts(_QUARTER_END_DOC)
    assert {(f.metric, f.low, f.period) for f in facts} == {
        ("capacity_deployed", 640, "2027-Q2"),
        ("capacity_contracted", 1900, "2027-Q2"),
        ("capacity_deployed", 650, "2027-Q2"),
    }


_STORY = """Cloud provider Norvane weighs US listing, sources say

November 17, 2026

Norvane's revenue more than doubled to $900 million in 2025, according to figures seen by Reuters.{first}

Microsoft accounted for about 55% of revenue in the first half, down from 70% for full-year 2025, one of
the sources said.

Adjusted gross margin was roughly 49% in the first half, the source said.
"""


@pytest.mark.parametrize(
    "first", ["", " In the first half of 2026, revenue rose 120% from a year earlier to $700 million."]
)
def test_a_bare_first_half_is_the_stories_half_not_the_compared_years(first: str) -> None:
    facts = extract_facts(_STORY.format(first=first))
    assert by_value(facts, "customer_concentration", 55).period == "2026-H1"
    assert by_value(facts, "customer_concentration", 70).period == "2025-FY"
    assert by_value(facts, "gross_margin", 49).period == "2026-H1"
    assert by_value(facts, "revenue", 900_000_000).period == "2025-FY"


_QUARTERLY = """Brannock Compute Reports Third Quarter 2026 Results

Brannock Compute today reported results for the third quarter of 2026.

We expect to bring a further 200 MW online in the second half of 2027.

Revenue in the second half is expected to be between $900 million and $950 million.
"""


def test_a_quarterly_reports_bare_half_stays_its_own_year() -> None:
    facts = extract_facts(_QUARTERLY)
    assert by_value(facts, "capacity_deployed", 200).period == "2027-H2"
    assert by_value(facts, "revenue", 900_000_000).period == "2026-H2"


_ANNUAL = """Pellory Systems Reports Full Year 2025 Results

Pellory Systems today reported results for the full year 2025.

Revenue for 2025 was $1.4 billion. Gross margin was 44% in the second half, up from 39% in the first half.
"""


def test_an_annual_reports_bare_halves_stay_its_year() -> None:
    facts = extract_facts(_ANNUAL)
    assert by_value(facts, "gross_margin", 44).period == "2025-H2"
