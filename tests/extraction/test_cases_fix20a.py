"""Held-out set 20's table and deck causes, in general form (tests/extraction/holdout20/REPORT.md,
causes 1, 2 and 8, and two period attributes).

- An outlook table under a guidance title keeps its rows forecasts when its column titles name no
  forecast ("Updated / Prior", "Current / Previous", "New / Old"), the superseded column too; a
  results table's "Current quarter / Prior year" columns stay actual.
- Customers' shares of revenue: named customers' rows under a lead-in about them, with several
  period columns; a "Name   52%" list under a "% of Q3 2026 revenue" title; "X accounted for 52% of
  revenue, Y 21% and Z 11%". Lines of business, places and totals are no customers.
- A deck's stacked label / value / change lines, and a chart whose unit only its title states
  ("Active power (MW, end of period)" over "2026E   ~640").
- Each figure of an outlook table takes its own column's period; a slide's title dates its figures.

All companies and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


def dated(text: str) -> set[tuple[str, str, float, str | None]]:
    return {(f.metric, f.kind, f.low, f.period) for f in extract_facts(text)}


def shares(text: str) -> set[tuple[float, str | None, str | None]]:
    return {
        (f.low, f.period, f.counterparty) for f in extract_facts(text) if f.metric == "customer_concentration"
    }


# --- Cause 1: an outlook table whose column titles name no forecast ------------------------------------

REVISED_TABLE = """Brantley Compute Corporation

Fiscal 2027 outlook (revised October 28, 2027)

                               Revised                 Previous (July 30, 2027)
Revenue                        $1.15B - $1.19B         $1.08B - $1.14B
Adjusted gross margin          44% - 46%               42% - 44%
Energized capacity, year-end   ~410 MW                 ~380 MW
"""


def test_revision_columns_under_an_outlook_title_stay_guidance() -> None:
    got = dated(REVISED_TABLE)
    assert ("revenue", "guidance", 1_150_000_000, "2027-FY") in got
    assert ("revenue", "guidance", 1_080_000_000, "2027-FY") in got
    assert ("gross_margin", "guidance", 44, "2027-FY") in got
    assert ("gross_margin", "guidance", 42, "2027-FY") in got
    assert ("capacity_deployed", "guidance", 410, "2027-FY") in got
    assert not any(kind == "actual" for _m, kind, _v, _p in got)


@pytest.mark.parametrize(
    "titles",
    ["New            Old", "Current        Previous", "Updated        Prior", "Raised         Initial"],
)
def test_other_revision_titles_keep_the_outlook(titles: str) -> None:
    text = f"2026 guidance\n\n                {titles}\nRevenue     $410M - $425M    $395M - $415M\n"
    got = values(text)
    assert ("revenue", "guidance", 410_000_000) in got
    assert ("revenue", "guidance", 395_000_000) in got
    assert ("revenue", "actual", 410_000_000) not in got


def test_results_columns_under_a_results_title_stay_actual() -> None:
    text = (
        "Third-quarter results\n\n"
        "                  Current quarter        Prior-year quarter\n"
        "Revenue           $212.4 million         $148.0 million\n"
    )
    got = values(text)
    assert ("revenue", "actual", 212_400_000) in got
    assert not any(kind == "guidance" for _m, kind, _v in got)


def test_current_and_prior_columns_without_an_outlook_stay_actual() -> None:
    text = (
        "Selected data\n\n"
        "                 Current        Prior\n"
        "Backlog          $3.1 billion   $2.4 billion\n"
    )
    got = values(text)
    assert ("backlog", "actual", 3_100_000_000) in got
    assert not any(kind == "guidance" for _m, kind, _v in got)


# --- Period attribute: each column of an outlook table its own period ------------------------------------


def test_a_spaced_outlook_table_dates_each_column() -> None:
    text = (
        "Dunmore Cloud expects the following for the first quarter and full year 2027:\n\n"
        "                          Q1 2027                         Full Year 2027\n"
        "Revenue                   $300 million - $310 million     $1.40 billion - $1.46 billion\n"
        "Adj. operating margin     12% - 14%                       15% - 17%\n\n"
        "The outlook assumes no further acquisitions.\n"
    )
    got = dated(text)
    assert ("revenue", "guidance", 300_000_000, "2027-Q1") in got
    assert ("revenue", "guidance", 1_400_000_000, "2027-FY") in got
    assert ("operating_margin", "guidance", 12, "2027-Q1") in got
    assert ("operating_margin", "guidance", 15, "2027-FY") in got


def test_a_markdown_outlook_table_with_a_blank_corner_dates_each_column() -> None:
    text = (
        "## Outlook\n\n"
        "| | Q1 2027 | Full Year 2027 |\n"
        "|---|---|---|\n"
        "| Revenue | $300M - $310M | $1.40B - $1.46B |\n"
    )
    got = dated(text)
    assert ("revenue", "guidance", 300_000_000, "2027-Q1") in got
    assert ("revenue", "guidance", 1_400_000_000, "2027-FY") in got


# --- Cause 2: customers' shares of revenue in tables and lists --------------------------------------------

PROSPECTUS_TABLE = """Our revenue is concentrated among a few customers. The following customers each
accounted for 10% or more of our revenue in the periods presented:

                                            Six Months Ended
                                              June 30, 2027        Year Ended December 31,
                                                                    2026        2025
Corvane Intelligence, Inc.                       48%                 39%         22%
Pellam Systems LLC ("Pellam")                    17%                 *           31%
Customer C                                       11%                 14%          *

*  Less than 10% of revenue for the period.
"""


def test_named_customers_rows_under_a_prospectus_lead_in() -> None:
    got = shares(PROSPECTUS_TABLE)
    assert (48, "2027-H1", "Corvane Intelligence") in got
    assert (39, "2026-FY", "Corvane Intelligence") in got
    assert (17, "2027-H1", "Pellam Systems") in got
    assert (11, "2027-H1", "Customer C") in got
    assert (14, "2026-FY", "Customer C") in got
    # The latest period and the latest full year only: no older column.
    assert not any(v in (22, 31) for v, _p, _c in got)


def test_share_list_under_a_revenue_share_title() -> None:
    text = (
        "Customer diversification\n\n"
        "% of Q2 2027 revenue\n"
        "Corvane        44%\n"
        "Brightmoor     23%\n"
        "Lattice AI     12%\n"
        "All other      21%\n"
    )
    assert shares(text) == {
        (44, "2027-Q2", "Corvane"),
        (23, "2027-Q2", "Brightmoor"),
        (12, "2027-Q2", "Lattice AI"),
    }


def test_share_list_of_legal_names_under_a_year_title() -> None:
    text = "Share of revenue, FY2026\nHarwick Corporation     38%\nOrvane Labs Ltd.        17%\n"
    assert shares(text) == {(38, "2026-FY", "Harwick"), (17, "2026-FY", "Orvane Labs")}


@pytest.mark.parametrize(
    "text",
    [
        # Lines of business under a share title: no customer.
        "% of revenue\nAI Cloud        61%\nColocation      39%\n",
        # Places.
        "% of FY2026 revenue\nUnited States    71%\nRest of world    29%\n",
        # A split by segment, whatever the rows' names.
        "Revenue by segment (% of total revenue)\nNimbus        58%\nAtlas         42%\n",
        # Shares of power, not of revenue.
        "Customer mix\n\n% of contracted power (MW)\nCorvane      46%\nBrightmoor   27%\n",
        # An income statement as a percentage of revenue, its lines in title case.
        "Percentage of Revenue\nCost of Revenue          56%\nGross Profit             44%\n"
        "Research and Development   20%\nSales and Marketing        9%\n",
    ],
)
def test_share_lists_that_are_no_customers_revenue(text: str) -> None:
    assert shares(text) == set()


def test_a_comma_list_of_customers_shares_without_for() -> None:
    got = shares(
        "In fiscal 2026, Corvane accounted for 48% of revenue, Pellam Systems 17% and Customer C 9%."
    )
    assert got == {
        (48, "2026-FY", "Corvane"),
        (17, "2026-FY", "Pellam Systems"),
        (9, "2026-FY", "Customer C"),
    }


def test_a_metric_after_the_comma_is_no_customer() -> None:
    got = values("Harwick accounted for 41% of revenue, Adjusted EBITDA 21% and GAAP gross margin 34%.")
    assert ("customer_concentration", "actual", 41) in got
    assert ("customer_concentration", "actual", 21) not in got
    assert ("customer_concentration", "actual", 34) not in got


# --- Cause 8: a deck's stacked lines and charts with the unit in the title --------------------------------

DECK = """Important information: this presentation refers to our outlook for fiscal 2027.

Q2 2027: a record quarter

Revenue
$405.2M
+38% Y/Y

Adj. gross margin(2)
61.7%
+210 bps Y/Y

GAAP operating margin
9.4%

Employees
1,240
+12% Y/Y
"""


def test_stacked_label_value_and_change_lines() -> None:
    got = dated(DECK)
    assert ("revenue", "actual", 405_200_000, "2027-Q2") in got
    assert ("revenue_growth", "actual", 38, "2027-Q2") in got
    assert ("gross_margin", "actual", 61.7, "2027-Q2") in got
    assert ("operating_margin", "actual", 9.4, "2027-Q2") in got
    # The headcount and the changes of margins in basis points are no facts.
    assert not any(v in (1240, 12, 210) for _m, _k, v, _p in got)


def test_stacked_lines_keep_their_evidence_and_basis() -> None:
    facts = {f.metric: f for f in extract_facts(DECK)}
    assert facts["revenue"].evidence == "Revenue\n$405.2M\n+38% Y/Y"
    assert DECK[facts["revenue"].start : facts["revenue"].end] == facts["revenue"].evidence
    assert facts["gross_margin"].basis == "non_gaap"
    assert facts["gross_margin"].bound == "exact"


def test_a_stacked_power_figure_without_a_metric_word() -> None:
    got = values("Energized capacity\n640 MW\n+85% Y/Y\n")
    assert ("capacity_deployed", "actual", 640) in got


def test_a_label_without_a_metric_over_a_dollar_value_is_none() -> None:
    assert values("Outlook\n$2.7B\n") == set()


CHART = """Capacity roadmap

Energized capacity (MW, year-end)
2024          95
2025          210
2026E         ~420
2027E         ~700

All 2027E deliveries are pre-leased.
"""


def test_a_chart_with_its_unit_in_the_title() -> None:
    got = {(f.metric, f.kind, f.low, f.period, f.bound) for f in extract_facts(CHART)}
    assert ("capacity_deployed", "actual", 95, "2024-FY", "exact") in got
    assert ("capacity_deployed", "actual", 210, "2025-FY", "exact") in got
    assert ("capacity_deployed", "guidance", 420, "2026-FY", "approx") in got
    assert ("capacity_deployed", "guidance", 700, "2027-FY", "approx") in got


def test_a_chart_in_gigawatts_of_contracted_power() -> None:
    got = dated("Contracted power (GW)\nFY2025      1.2\nFY2026E     2.0\n")
    assert ("capacity_contracted", "actual", 1200, "2025-FY") in got
    assert ("capacity_contracted", "guidance", 2000, "2026-FY") in got


@pytest.mark.parametrize(
    "title",
    [
        "GPUs installed (thousands)",  # a count, no metric
        "Employees (year-end)",
        "Data center sites",
        "Energized capacity",  # no unit stated
        "Capital expenditures ($M)",  # no metric of the vocabulary
        "Adjusted EBITDA ($M)",
    ],
)
def test_charts_of_no_metric_or_no_unit_give_nothing(title: str) -> None:
    assert values(f"{title}\n2024          95\n2025          210\n2026E         ~420\n") == set()


def test_an_analysts_estimate_rows_are_not_the_company_forecast() -> None:
    text = (
        "We reiterate our Overweight rating and $64 price target on Brantley Compute.\n\n"
        "Energized capacity (MW, year-end)\n"
        "2025          210\n"
        "2026E         ~420\n"
    )
    got = values(text)
    assert ("capacity_deployed", "guidance", 420) not in got


# --- Period attribute: a slide's title dates the figures under it ----------------------------------------


def test_a_slide_title_with_a_colon_dates_its_figures() -> None:
    text = "This deck covers our fiscal 2027 outlook.\n\nQ2 2027: a strong quarter\n\nRevenue: $405M\n"
    assert ("revenue", "actual", 405_000_000, "2027-Q2") in dated(text)


def test_an_agenda_line_does_not_date_the_figures() -> None:
    text = (
        "This deck discusses our outlook for fiscal 2027.\n\nUpcoming: Q3 2027 results\n\nRevenue: $405.2M\n"
    )
    assert ("revenue", "actual", 405_200_000, "2027-Q3") not in dated(text)
