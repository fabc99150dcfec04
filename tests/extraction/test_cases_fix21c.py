"""Held-out set 21's table-header, others'-figure and carried-period causes, in general form
(tests/extraction/holdout21/REPORT.md, causes 1 and 6 and the period attributes).

- A plain-text table's scale note ("($ in millions, except earnings per share)", "(Dollars in
  millions)", "(in millions)") scales every dollar cell of the rows under it, also when it shares its
  line with the column titles; each cell takes its own column's period.
- Columns marked actual or estimate ("FY2025A   FY2026E   Long-term"): an "A" column is that year's
  result, "E"/"F"/"P" its forecast, a long-term column a target with no period; an analyst's note's
  estimate columns are none of the company's.
- Figures that are not the company's: a market an analyst sizes (its margins too), a rule of thumb
  per unit of power, a price per hour or per MWh, what a deal would value the company at.
- A lead-in's or an outlook heading's period dates its list only: after the list, "for the quarter"
  is the quarter reported again.

All companies and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


def dated(text: str) -> set[tuple[str, str, float, str | None]]:
    return {(f.metric, f.kind, f.low, f.period) for f in extract_facts(text)}


# --- Cause 1a: a table's scale note scales every cell, each dated by its column ------------------------

SHARED_LINE = """Tollander Semiconductor reports results for the second quarter of fiscal 2028

Second Quarter Fiscal 2028 Summary

(US$ in millions, except per-share data)        Q2 FY28     Q1 FY28     Q2 FY27     Y/Y
Revenue                                         $14,205     $12,880     $9,470      50%
Gross margin                                    68.4%       67.9%       65.2%       3.2 pts
Operating expenses                              $2,311      $2,190      $1,944      19%
Diluted earnings per share                      $1.12       $1.01       $0.74       51%
"""


def test_a_scale_note_sharing_its_line_with_the_column_titles() -> None:
    got = dated(SHARED_LINE)
    assert ("revenue", "actual", 14_205_000_000, "2028-Q2") in got
    assert ("revenue", "actual", 12_880_000_000, "2028-Q1") in got
    assert ("revenue", "actual", 9_470_000_000, "2027-Q2") in got
    assert ("gross_margin", "actual", 67.9, "2028-Q1") in got
    assert ("gross_margin", "actual", 65.2, "2027-Q2") in got
    # Near-misses: no dollar cell unscaled, no expense or per-share line read as a metric.
    assert not any(m == "revenue" and v < 1e9 for m, _k, v, _p in got)
    assert {m for m, _k, _v, _p in got} <= {"revenue", "revenue_growth", "gross_margin"}


@pytest.mark.parametrize(
    "note",
    [
        "(Dollars in millions)",
        "($ in millions)",
        "(in millions, except per share amounts)",
        "(Amounts in millions, except per share data)",
        "(In millions of U.S. dollars, except per share data)",
    ],
)
def test_each_scale_note_scales_every_dollar_cell(note: str) -> None:
    text = (
        "Pellam Networks reports third quarter 2026 results\n\n"
        f"{note}\n"
        "                          Q3 2026      Q2 2026      Q3 2025\n"
        "Revenue                   $11,640      $10,215      $7,930\n"
    )
    assert dated(text) == {
        ("revenue", "actual", 11_640_000_000, "2026-Q3"),
        ("revenue", "actual", 10_215_000_000, "2026-Q2"),
        ("revenue", "actual", 7_930_000_000, "2025-Q3"),
    }


def test_a_thousands_note_on_the_title_line_scales_in_thousands() -> None:
    text = (
        "Pellam Networks reports third quarter 2026 results\n\n"
        "(US$ in thousands, except per share amounts)    Q3 2026      Q3 2025\n"
        "Revenue                                         $318,440     $140,915\n"
    )
    assert dated(text) == {
        ("revenue", "actual", 318_440_000, "2026-Q3"),
        ("revenue", "actual", 140_915_000, "2025-Q3"),
    }


def test_near_miss_another_currency_or_bare_cells_give_no_dollars() -> None:
    euro = (
        "Pellam Networks reports third quarter 2026 results\n\n"
        "(€ in millions, except per share amounts)    Q3 2026      Q3 2025\n"
        "Revenue                                      €11,640      €7,930\n"
    )
    assert values(euro) == set()
    bare = (
        "Pellam Networks reports third quarter 2026 results\n\n"
        "(in millions, except percentages)    Q3 2026      Q3 2025\n"
        "Revenue                              11,640       7,930\n"
    )
    assert values(bare) == set()


# --- Cause 1b: actual and estimate columns -------------------------------------------------------------

MODEL_SLIDE = """Quarrington Data Centers - investor day

Slide 3 - Q3'26 at a glance

  - Q3'26 revenue: $312M (+88% Y/Y)
  - Q3'26 adj. gross margin: 59.0%

Slide 11 - Long-term financial targets

                          FY2025A     FY2026E     Long-term
  Revenue growth          141%        ~85%        30%+
  Adj. gross margin       55%         58-60%      63%+
  Adj. operating margin   7%          16-18%      28%+
"""


def test_actual_estimate_and_long_term_columns() -> None:
    got = {(f.metric, f.kind, f.low, f.high, f.period) for f in extract_facts(MODEL_SLIDE)}
    assert ("revenue_growth", "actual", 141, 141, "2025-FY") in got
    assert ("revenue_growth", "guidance", 85, 85, "2026-FY") in got
    assert ("revenue_growth", "guidance", 30, 30, None) in got
    assert ("gross_margin", "actual", 55, 55, "2025-FY") in got
    assert ("gross_margin", "guidance", 58, 60, "2026-FY") in got
    assert ("gross_margin", "guidance", 63, 63, None) in got
    assert ("operating_margin", "actual", 7, 7, "2025-FY") in got
    assert ("operating_margin", "guidance", 16, 18, "2026-FY") in got
    # Near-miss: the year's actuals are no forecast, and the earlier slide's quarter dates nothing here.
    assert not any(k == "guidance" and lo in (141, 55, 7) for _m, k, lo, _h, _p in got)
    assert not any(p == "2026-Q3" and lo in (85, 30, 63, 28) for _m, _k, lo, _h, p in got)


@pytest.mark.parametrize(
    ("actual", "estimate", "target"),
    [
        ("2025A", "2026E", "LT target"),
        ("FY25A", "FY26F", "Medium-term"),
        ("CY2025A", "CY2026P", "Long term model"),
    ],
)
def test_other_marks_for_actual_estimate_and_target(actual: str, estimate: str, target: str) -> None:
    text = (
        "Quarrington Data Centers financial framework\n\n"
        f"                     {actual:<12}{estimate:<12}{target}\n"
        "  Gross margin        52%         56%         60%+\n"
    )
    got = {(f.kind, f.low, f.period) for f in extract_facts(text) if f.metric == "gross_margin"}
    assert got == {("actual", 52, "2025-FY"), ("guidance", 56, "2026-FY"), ("guidance", 60, None)}


def test_marked_quarters_and_a_pipe_table() -> None:
    quarters = (
        "Quarrington Data Centers update\n\n"
        "                      Q3'26A      Q4'26E\n"
        "  Gross margin        57.5%       58%-59%\n"
    )
    got = {(f.kind, f.low, f.period) for f in extract_facts(quarters)}
    assert got == {("actual", 57.5, "2026-Q3"), ("guidance", 58, "2026-Q4")}
    pipes = (
        "Quarrington Data Centers update\n\n"
        "| Metric | FY2025A | FY2026E | Long-term |\n"
        "| --- | --- | --- | --- |\n"
        "| Adjusted operating margin | 6% | 14-16% | 25%+ |\n"
    )
    got = {(f.kind, f.low, f.period) for f in extract_facts(pipes)}
    assert got == {("actual", 6, "2025-FY"), ("guidance", 14, "2026-FY"), ("guidance", 25, None)}


def test_near_miss_an_analysts_estimate_columns_are_not_the_companys() -> None:
    note = (
        "Hallbright Securities | Quarrington Data Centers (QDC) | Outperform, price target $61\n\n"
        "We lift our estimates after the print.\n\n"
        "                      FY2025A     FY2026E     FY2027E\n"
        "  Revenue growth      141%        82%         47%\n"
        "  Gross margin        55%         58%         60%\n"
    )
    assert dated(note) == {
        ("revenue_growth", "actual", 141, "2025-FY"),
        ("gross_margin", "actual", 55, "2025-FY"),
    }


def test_near_miss_unmarked_year_columns_stay_results() -> None:
    text = (
        "Quarrington Data Centers annual results\n\n"
        "                      FY2026      FY2025\n"
        "  Gross margin        58.2%       55.0%\n"
    )
    assert dated(text) == {
        ("gross_margin", "actual", 58.2, "2026-FY"),
        ("gross_margin", "actual", 55.0, "2025-FY"),
    }


# --- Cause 6: figures that are not the company's own --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # An analyst's market sizing, its margin too.
        "We size the 2031 sovereign-cloud revenue pool at ~$140bn, at blended gross margins of 48-52%.",
        "Our work sizes the GPU-leasing market at roughly $220 billion by 2030, growing 28% a year.",
        "The neocloud profit pool could reach $60bn in 2029, with EBITDA margins near 45%.",
        # A rule of thumb per unit of power.
        "Every 1 GW of nuclear output contracted at $90/MWh is worth about $0.8bn a year of revenue.",
        "Each additional 100 MW adds roughly $140 million of annual revenue at current rents.",
        # Prices per hour or per MWh, no contract's value.
        "Spot rental rates for H200 clusters fell to about $1.95/hr, while reserved capacity held at "
        "$2.70–$3.30/hr.",
        "Lease rates on reserved B300 capacity ranged from $3.05 to $3.40 / GPU-hour in November.",
        # What a deal would value the company at, no money raised.
        "Brenmoor is preparing an initial public offering that could value the company at $14 billion to "
        "$16 billion.",
        "The offering would value Brenmoor Compute at about $15 billion, two people familiar said.",
    ],
)
def test_others_figures_give_no_fact(text: str) -> None:
    assert extract_facts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The IPO raised $1.5 billion for Brenmoor.", ("financing", "actual", 1_500_000_000)),
        (
            "Brenmoor signed a $2.6 billion contract with Ostrand AI.",
            ("contract_value", "actual", 2_600_000_000),
        ),
        (
            "Brenmoor raised $700 million in a round that valued the company at $9 billion.",
            ("financing", "actual", 700_000_000),
        ),
        ("Brenmoor upsized the offering to $500 million.", ("financing", "actual", 500_000_000)),
    ],
)
def test_near_miss_the_companys_own_deals_stay(text: str, expected: tuple[str, str, float]) -> None:
    assert values(text) == {expected}


def test_near_miss_a_market_size_then_the_companys_own_clause() -> None:
    text = "Our TAM is $400 billion, and our revenue grew 62% to $212 million in the quarter."
    assert values(text) == {("revenue_growth", "actual", 62), ("revenue", "actual", 212_000_000)}


def test_near_miss_talk_of_a_market_that_sizes_nothing() -> None:
    text = "We see a large market opportunity, with 300 MW signed this quarter and revenue up 70%."
    assert values(text) == {("capacity_contracted", "actual", 300), ("revenue_growth", "actual", 70)}
    # "SAM" is an acronym only in capitals: a first name sizes nothing.
    text = "Sam Okafor, the CFO, said revenue rose 48% to $96 million."
    assert values(text) == {("revenue_growth", "actual", 48), ("revenue", "actual", 96_000_000)}


def test_near_miss_a_second_outlook_heading_goes_on_with_the_outlooks_period() -> None:
    text = (
        "Caldry Infrastructure reports fiscal 2026 results\n\n"
        "Caldry reported revenue of $688 million for fiscal 2026.\n\n"
        "Fiscal 2027 Outlook\n\n"
        "Revenue is expected to be $900 million to $940 million.\n\n"
        "Guidance Assumptions\n\n"
        "Adjusted gross margin is expected to be 57% to 59%.\n\n"
        "Balance Sheet\n\n"
        "Our largest customer represented 44% of revenue for the year.\n"
    )
    got = dated(text)
    assert ("revenue", "guidance", 900_000_000, "2027-FY") in got
    assert ("gross_margin", "guidance", 57, "2027-FY") in got
    assert ("customer_concentration", "actual", 44, "2026-FY") in got


def test_near_miss_a_results_lead_in_still_dates_what_follows() -> None:
    text = (
        "Caldry Infrastructure reports fiscal 2026 results\n\n"
        "Caldry reported revenue of $688 million for fiscal 2026.\n\n"
        "Fourth-quarter fiscal 2026 highlights:\n\n"
        "  * Revenue of $196 million.\n\n"
        "Business update\n\n"
        "  * Our largest customer represented 44% of revenue for the quarter.\n"
    )
    got = dated(text)
    assert ("revenue", "actual", 196_000_000, "2026-Q4") in got
    assert ("customer_concentration", "actual", 44, "2026-Q4") in got


def test_near_miss_capacity_signed_is_no_unit_of_a_rule() -> None:
    text = "Brenmoor signed a 200 MW lease with Ostrand AI, and every MW of it is pre-leased."
    assert values(text) == {("capacity_contracted", "actual", 200)}


# --- Period attributes: a lead-in's or an outlook's period dates its list only -------------------------

LEAD_IN = """Caldry Infrastructure reports third quarter 2026 results

Caldry reported revenue of $188 million for the third quarter of 2026.

Outlook

For the fourth quarter of 2026, Caldry expects:

  * Revenue of $196 million to $204 million.
  * Adjusted gross margin of 57% to 59%.

Highlights

  * Our largest customer represented 44% of revenue for the quarter.
"""


def test_after_a_lead_ins_list_the_quarter_is_the_one_reported() -> None:
    got = dated(LEAD_IN)
    assert ("revenue", "guidance", 196_000_000, "2026-Q4") in got
    assert ("gross_margin", "guidance", 57, "2026-Q4") in got
    assert ("customer_concentration", "actual", 44, "2026-Q3") in got


@pytest.mark.parametrize(
    "between",
    [
        "Fourth Quarter 2026 Outlook\n\n",  # an outlook heading naming the period
        "Outlook\n\nCaldry's outlook for the fourth quarter of 2026 is as follows:\n\n",  # a lead-in sentence
    ],
)
def test_a_results_title_after_the_outlook_ends_its_period(between: str) -> None:
    text = (
        "Caldry Infrastructure reports third quarter 2026 results\n\n"
        "Caldry reported revenue of $188 million for the third quarter of 2026.\n\n"
        f"{between}"
        "  * Revenue of $196 million to $204 million.\n\n"
        "Operating highlights\n\n"
        "  * Our two largest customers represented 61% of revenue for the quarter.\n"
    )
    got = dated(text)
    assert ("revenue", "guidance", 196_000_000, "2026-Q4") in got
    assert ("customer_concentration", "actual", 61, "2026-Q3") in got


def test_reporting_prose_after_a_lead_ins_list_takes_the_reported_quarter() -> None:
    text = (
        "Caldry Infrastructure reports third quarter 2026 results\n\n"
        "Caldry reported revenue of $188 million for the third quarter of 2026.\n\n"
        "Caldry's outlook for the fourth quarter of 2026 is as follows:\n\n"
        "  * Revenue of $196 million to $204 million.\n\n"
        "Caldry's largest customer represented 44% of revenue for the quarter.\n"
    )
    got = {(f.metric, f.low, f.period) for f in extract_facts(text)}
    assert ("revenue", 196_000_000, "2026-Q4") in got
    assert ("customer_concentration", 44, "2026-Q3") in got


def test_near_miss_list_items_in_paragraphs_of_their_own_keep_the_lead_ins_period() -> None:
    text = (
        "Caldry Infrastructure reports third quarter 2026 results\n\n"
        "Caldry reported revenue of $188 million for the third quarter of 2026.\n\n"
        "For the fourth quarter of 2026, Caldry expects:\n\n"
        "Revenue of $196 million to $204 million.\n\n"
        "Adjusted gross margin of 57% to 59%, plus or minus one point, on a non-GAAP basis.\n"
    )
    got = dated(text)
    assert ("revenue", "guidance", 196_000_000, "2026-Q4") in got
    assert ("gross_margin", "guidance", 57, "2026-Q4") in got


def test_a_slides_outlook_title_dates_its_bullets_after_a_quarter_slide() -> None:
    text = (
        "Caldry Infrastructure investor update\n\n"
        "Slide 2 - Q3'26 at a glance\n\n"
        "  - Q3'26 revenue: $188M (+64% Y/Y)\n\n"
        "Slide 7 - 2027 outlook\n\n"
        "  - Revenue: $910-$950M\n"
        "  - Energized capacity at year-end: ~520 MW\n"
    )
    got = dated(text)
    assert ("revenue", "actual", 188_000_000, "2026-Q3") in got
    assert ("revenue", "guidance", 910_000_000, "2027-FY") in got
    assert ("capacity_deployed", "guidance", 520, "2027-FY") in got
