"""Table rows whose unit sits in the row label or the column titles, not beside the figure.

KPI pages and filings print "Leased power (MW)" or "Net sales ($ in millions)" once and leave the
cells bare. The label's unit applies to its own row only, and rows about other things (costs,
per-unit amounts, headcount, GPUs, EPS) stay out however they are labelled.
"""

from __future__ import annotations

from rules.extraction import extract_facts
from watcher.htmltext import html_to_text


def got(text: str) -> set[tuple[str, float, str | None]]:
    return {(f.metric, f.low, f.period) for f in extract_facts(text)}


def test_label_units_give_bare_cells_their_unit() -> None:
    assert got("Leased power (megawatts): 415 (Q1 FY27) | 380 (Q4 FY26)") == {
        ("capacity_contracted", 415, "2027-Q1"),
        ("capacity_contracted", 380, "2026-Q4"),
    }
    assert got("Net sales (US$ millions) | 96.3 (Q2 2026) | 71.8 (Q2 2025)") == {
        ("revenue", 96_300_000, "2026-Q2"),
        ("revenue", 71_800_000, "2025-Q2"),
    }
    assert got("Total revenue (in thousands of U.S. dollars) | 84,210 (FY2026)") == {
        ("revenue", 84_210_000, "2026-FY")
    }
    assert got("Operational capacity, GW | 1.15 (Q3 2026) | 0.82 (Q3 2025)") == {
        ("capacity_deployed", 1150, "2026-Q3"),
        ("capacity_deployed", 820, "2025-Q3"),
    }
    assert got("Backlog ($B) | 7.2 (Q3 2026)") == {("backlog", 7_200_000_000, "2026-Q3")}
    assert got("Adjusted gross margin (%) | 38.5 (Q3 2026) | (2.1) (Q3 2025)") == {
        ("gross_margin", 38.5, "2026-Q3"),
        ("gross_margin", -2.1, "2025-Q3"),
    }


def test_customer_share_labels_are_concentration() -> None:
    for label in (
        "Top customer as % of revenue",
        "Biggest tenant, % of total revenue",
        "Revenue from our largest customer (%)",
        "Largest client as a percentage of net sales",
    ):
        assert got(f"{label} | 62 (Q3 2026) | 70 (Q3 2025)") == {
            ("customer_concentration", 62, "2026-Q3"),
            ("customer_concentration", 70, "2025-Q3"),
        }, label
    # A share of receivables, or a customer share with no "of revenue", is not revenue concentration.
    assert got("Largest customer (%) | 62 (Q3 2026)") == set()
    assert got("Largest customer, % of receivables | 62 (Q3 2026)") == set()


def test_label_row_on_its_own_line() -> None:
    assert got("Signed capacity (MW): 1,240 (FY2026)") == {("capacity_contracted", 1240, "2026-FY")}
    assert got("Contracted backlog ($ billions): 4.4") == {("backlog", 4_400_000_000, None)}
    # Without a colon the figure may share the label's cell, in a row or on a line of its own.
    assert got("Net sales ($ millions) 96.3 | 71.8") == {
        ("revenue", 96_300_000, None),
        ("revenue", 71_800_000, None),
    }
    assert got("Online Capacity (MW) 455 (Q2 FY27)") == {("capacity_deployed", 455, "2027-Q2")}
    assert got("Adjusted gross margin (%) 38.5") == {("gross_margin", 38.5, None)}
    assert got("Leased capacity (MW) at the Reno campus was 120.") == set()
    # Years after a labelled unit title the columns; they are not amounts.
    assert got("Net sales ($ millions) 2027") == set()
    assert got("Net sales ($ millions) | 2027 | 2026\n\nLeased capacity (MW) | 515 | 390") == {
        ("capacity_contracted", 515, "2027-FY"),
        ("capacity_contracted", 390, "2026-FY"),
    }
    # Prose after the colon is a sentence, not a row.
    assert got("Revenue ($ millions): 96.3 in the quarter, with 12 new logos.") == set()


def test_label_units_do_not_make_other_rows_facts() -> None:
    for row in (
        "Cost of revenue ($ millions) | 61.2 (Q3 2026) | 44.0 (Q3 2025)",
        "Revenue per MW ($ millions) | 1.9 (Q3 2026)",
        "Deferred revenue ($ millions) | 140.2 (Q3 2026)",
        "Adjusted EBITDA ($ millions) | 40.7 (Q3 2026)",
        "Net income (in millions) | 12.0 (Q3 2026)",
        "Diluted EPS ($) | 0.41 (Q3 2026)",
        "Weighted shares outstanding (millions) | 212.4 (Q3 2026)",
        "GPUs deployed (thousands) | 48 (Q3 2026)",
        "Employees (number) | 512 (Q3 2026)",
        "Average PUE (x) | 1.21 (Q3 2026)",
        "Revenue (EUR millions) | 96.3 (Q3 2026)",
        "Capacity under construction (MW) | 300 (Q3 2026)",
    ):
        assert got(row) == set(), row


def test_label_unit_applies_to_its_own_row_only() -> None:
    text = (
        "Quarter | Q2 2026 | Q3 2026\n\n"
        "Contracted capacity (MW) | 610 (Q2 2026) | 745 (Q3 2026)\n\n"
        "Racks in service | 410 (Q2 2026) | 455 (Q3 2026)\n\n"
        "Revenue ($ millions) | 88.1 (Q2 2026) | 97.0 (Q3 2026)\n\n"
        "Power usage effectiveness | 1.3 (Q2 2026) | 1.2 (Q3 2026)\n"
    )
    assert got(text) == {
        ("capacity_contracted", 610, "2026-Q2"),
        ("capacity_contracted", 745, "2026-Q3"),
        ("revenue", 88_100_000, "2026-Q2"),
        ("revenue", 97_000_000, "2026-Q3"),
    }


def test_html_kpi_table_reads_every_row() -> None:
    page = """<html><body><main><article><h1>Kestrelmark Compute key metrics</h1>
<p>Kestrelmark Compute reports the following unaudited operating metrics for its most recent quarters,
as shown below, so that investors can follow the growth of its contracted and energized capacity.</p>
<table><tr><td>Metric</td><td>Q2 2026</td><td>Q3 2026</td></tr>
<tr><td>Total revenue ($ millions)</td><td>140.5</td><td>171.2</td></tr>
<tr><td>Energized power (MW)</td><td>205</td><td>240</td></tr>
<tr><td>Top customer, % of revenue</td><td>48%</td><td>44%</td></tr>
<tr><td>GPUs (thousands)</td><td>30</td><td>36</td></tr></table>
</article></main></body></html>"""
    assert got(html_to_text(page)) == {
        ("revenue", 140_500_000, "2026-Q2"),
        ("revenue", 171_200_000, "2026-Q3"),
        ("capacity_deployed", 205, "2026-Q2"),
        ("capacity_deployed", 240, "2026-Q3"),
        ("customer_concentration", 48, "2026-Q2"),
        ("customer_concentration", 44, "2026-Q3"),
    }


def parties(text: str) -> set[tuple[str, float, str | None, str | None]]:
    """Facts read from the table rows (the lead-in's "10% or more" threshold is another matter)."""
    return {(f.metric, f.low, f.period, f.counterparty) for f in extract_facts(text) if "%  " in f.evidence}


def test_spaced_customer_table_under_fiscal_year_headers() -> None:
    text = (
        "Note 9. Significant Customers\n\n"
        "Revenue from clients that individually exceeded 10% of our net sales was as follows:\n\n"
        "                          Fiscal Year Ended June 30,\n"
        "                        2026          2025          2024\n"
        "    Client 1             52%           41%           **\n"
        "    Client 2             14%           **            19%\n"
        "    Top two clients      66%           58%           52%\n\n"
        "    ** Below 10% for the fiscal year.\n\n"
        "Client 1 is a large language model developer.\n"
    )
    got = parties(text)
    assert ("customer_concentration", 52, "2026-FY", "Client 1") in got
    assert ("customer_concentration", 14, "2026-FY", "Client 2") in got
    assert ("customer_concentration", 66, "2026-FY", None) in got
    # Only the current year is read from each row.
    assert not any(v in (41, 19, 58) for _m, v, _p, _c in got)


def test_spaced_customer_table_without_dated_titles_reads_the_first_column() -> None:
    text = (
        "Customers that represented more than 10% of total revenue:\n\n"
        "                   Current year     Prior year\n"
        "Customer X            37%              29%\n"
        "Customer Y            12%              *\n"
    )
    assert parties(text) == {
        ("customer_concentration", 37, None, "Customer X"),
        ("customer_concentration", 12, None, "Customer Y"),
    }


def test_spaced_shares_that_are_not_revenue_concentration_stay_out() -> None:
    for lead in (
        "The following customers accounted for 10% or more of accounts receivable, net:",
        "Purchases from the following suppliers each exceeded 10% of total purchases:",
        "Revenue by region, as a percentage of total revenue, was as follows:",
    ):
        text = (
            f"{lead}\n\n"
            "                        December 31,\n"
            "                      2025        2024\n"
            "  Customer A           61%         48%\n"
            "  Customer B           14%         22%\n"
            "  United States        71%         66%\n"
        )
        assert parties(text) == set(), lead
    # A customer table after prose that is about something else entirely.
    text = (
        "We had 412 employees at year end, 61% of them in engineering.\n\n"
        "                      2025        2024\n"
        "  Customer A           61%         48%\n"
    )
    assert parties(text) == set()


def test_spaced_rows_take_their_unit_from_the_label() -> None:
    text = (
        "SELECTED OPERATING DATA\n"
        "                                 FY2026       FY2025\n"
        "                                 ------       ------\n"
        "Net sales ($ in thousands)       412,300      268,900\n"
        "Leased capacity (megawatts)          640          410\n"
        "Online capacity, GW                 0.25         0.16\n"
        "RPO ($ billions)                     3.9          2.2\n"
        "Top customer as % of revenue         44%          51%\n"
        "Cost of sales ($ in thousands)   250,100      170,000\n"
        "Servers (thousands)                   21           14\n"
        "Adjusted EBITDA ($ in thousands)  98,000       61,000\n"
        "Diluted EPS ($)                     0.52         0.31\n"
        "\n"
        "The company will host a call at 8 a.m. Eastern.\n"
    )
    assert got(text) == {
        ("revenue", 412_300_000, "2026-FY"),
        ("capacity_contracted", 640, "2026-FY"),
        ("capacity_deployed", 250, "2026-FY"),
        ("backlog", 3_900_000_000, "2026-FY"),
        ("customer_concentration", 44, "2026-FY"),
    }


CONCENTRATION_PAGE = """<html><body><main><article><h1>Note 12. Concentrations</h1>
<p>{lead}</p>
<table><tr><td></td><td colspan="2">2026</td><td colspan="2">2025</td></tr>
<tr><td>Tenant A</td><td>58</td><td>%</td><td>49</td><td>%</td></tr>
<tr><td>Tenant B</td><td>21</td><td>%</td><td>*</td><td></td></tr></table>
<p>* Less than ten percent.</p>
</article></main></body></html>"""


def test_html_customer_table_after_a_revenue_lead_in() -> None:
    lead = "Tenants that individually represented a large percentage of our total revenue were as follows:"
    text = html_to_text(CONCENTRATION_PAGE.format(lead=lead))
    assert {(f.metric, f.low, f.period, f.counterparty) for f in extract_facts(text)} == {
        ("customer_concentration", 58, "2026-FY", "Tenant A"),
        ("customer_concentration", 49, "2025-FY", "Tenant A"),
        ("customer_concentration", 21, "2026-FY", "Tenant B"),
    }
    lead = "Tenants that individually represented a large percentage of accounts receivable were as follows:"
    assert got(html_to_text(CONCENTRATION_PAGE.format(lead=lead))) == set()


def test_outlook_table_ranges_take_the_label_unit() -> None:
    text = (
        "Financial Outlook\n\n"
        "Measure | Q1 2027 | FY2027\n\n"
        "Total revenue (US$ millions) | 410 – 430 (Q1 2027) | 1,900 to 2,000 (FY2027)\n\n"
        "Adjusted operating margin (%) | 8-10 (Q1 2027) | 12 (FY2027)\n\n"
        "Capital expenditures ($ millions) | 1,500 – 1,700 (FY2027)\n"
    )
    found = {(f.metric, f.kind, f.low, f.high, f.period) for f in extract_facts(text)}
    assert found == {
        ("revenue", "guidance", 410e6, 430e6, "2027-Q1"),
        ("revenue", "guidance", 1.9e9, 2.0e9, "2027-FY"),
        ("operating_margin", "guidance", 8, 10, "2027-Q1"),
        ("operating_margin", "guidance", 12, 12, "2027-FY"),
    }


def test_spaced_titles_over_sub_columns_and_a_thousands_note() -> None:
    text = (
        "Results of operations (in thousands, except percentages):\n\n"
        "                            Three Months Ended        Nine Months Ended\n"
        "                              March 31,                 March 31,\n"
        "                            2027        2026          2027        2026\n"
        "Total revenue              64,250      41,900       180,400     110,300\n"
        "Cost of revenue            30,100      22,800        88,000      61,000\n"
        "Leased capacity (MW)          310         220           310         220\n\n"
        "Revenue grew as new halls came online.\n"
    )
    assert got(text) == {
        ("revenue", 64_250_000, "2027-Q1"),
        ("capacity_contracted", 310, "2027-Q1"),
    }


def test_a_footnote_marker_fused_to_the_label_is_no_part_of_the_noun() -> None:
    row = "Non-GAAP gross margin3: 61.4% (Q2 2027) | 58.0% (Q2 2026) | +340 bps"
    got = [(f.metric, f.low, f.basis, f.period) for f in extract_facts(row)]
    assert got == [
        ("gross_margin", 61.4, "non_gaap", "2027-Q2"),
        ("gross_margin", 58.0, "non_gaap", "2026-Q2"),
    ]
    line = "GAAP operating margin of 9.5%; adjusted operating margin1 of 14.0%."
    prose = [(f.metric, f.low, f.basis) for f in extract_facts(line)]
    assert prose == [("operating_margin", 9.5, "gaap"), ("operating_margin", 14.0, "non_gaap")]


def test_spaced_margin_rows_with_a_change_in_points() -> None:
    text = (
        "KEY OPERATING METRICS\n"
        "                                  2Q2027     2Q2026     Change\n"
        "EBITDA margin (%)                   41.0       39.2    +1.8 ppt\n"
        "Gross margin (%)                    29.6       31.1     -1.5 pp\n"
        "Operating margin (%)                12.5       12.0    +0.5 pts\n"
        "\n"
        "The board met on 10 August 2027 and approved these figures for release.\n"
    )
    assert got(text) == {("gross_margin", 29.6, "2027-Q2"), ("operating_margin", 12.5, "2027-Q2")}


def test_spaced_revenue_growth_in_a_table_of_another_currency() -> None:
    text = (
        "OPERATING HIGHLIGHTS\n"
        "\n"
        "                                    Six months ended 30 June\n"
        "                                        2027          2026       Change\n"
        "                                        NT$'m         NT$'m\n"
        "Revenue                               8,140.2       6,010.9      +35.4%\n"
        "\n"
        "The board met on 20 August 2027 and approved these figures for release.\n"
    )
    assert got(text) == {("revenue_growth", 35.4, "2027-H1")}


def test_pay_plan_goal_columns_are_not_results() -> None:
    # A proxy's incentive table: the weight, threshold, target and maximum are levels set for pay;
    # only the actual column is a result, each row in its own unit.
    text = (
        "BRELLIC DATA WORKS, INC.\n"
        "\n"
        "2025 Short-Term Incentive\n"
        "\n"
        "The board set these goals early in the year.\n"
        "\n"
        "Metric                   Weighting   Threshold   Target   Maximum   2025 Results\n"
        "Revenue ($ millions)       45%        320.0       355.0    390.0     362.8\n"
        "Adjusted gross margin      35%        27.5%       30.0%    32.5%     31.2%\n"
        "MW online (year-end)       20%        60          75       90        81\n"
        "\n"
        "The plan paid out at 112% of target.\n"
    )
    assert got(text) == {
        ("revenue", 362_800_000, "2025-FY"),
        ("gross_margin", 31.2, "2025-FY"),
        ("capacity_deployed", 81, "2025-FY"),
    }
    # "Target" alone is an outlook column, not a pay plan: its cells are read as before.
    text = (
        "KPI SUMMARY\n"
        "                              FY2025      FY2026 Target\n"
        "Contracted capacity (MW)         410           600\n"
        "\n"
        "The company will host a call at 9 a.m.\n"
    )
    assert got(text) == {("capacity_contracted", 600, "2026-FY")}


def test_spaced_dollar_cells_under_a_caption_in_millions_without_a_currency() -> None:
    text = (
        "Second quarter fiscal 2027 at a glance (in millions, except percentages)\n\n"
        "                              Q2 FY27     Q1 FY27     Q2 FY26\n"
        "Net revenue                   $412.7      $388.0      $301.5\n"
        "GAAP gross margin              47.2%       46.0%       44.9%\n\n"
        "Net revenue grew on demand for Ostrava switch silicon.\n"
    )
    assert ("revenue", 412_700_000, "2027-Q2") in got(text)
    # The same caption over cells with no currency sign gives no dollar figure.
    assert not any(f[0] == "revenue" for f in got(text.replace("$", " ")))


def test_spaced_percent_cells_take_the_period_of_their_column() -> None:
    # The prose reading of a row of percentages dates each cell by the column it sits under.
    text = (
        "Selected financial data\n"
        "(US$ in millions, except percentages)\n"
        "\n"
        "                                 Six months ended June 30,\n"
        "                                 2027          2026\n"
        "Net sales                        512.9         377.4\n"
        "Gross margin                     38.1%         35.6%\n"
        "Adjusted operating margin        14.4%         11.9%\n"
        "\n"
        "Figures are unaudited.\n"
    )
    found = got(text)
    assert {("gross_margin", 38.1, "2027-H1"), ("operating_margin", 14.4, "2027-H1")} <= found
    assert ("gross_margin", 35.6, "2026-H1") in found


def test_spaced_percent_cells_under_a_period_with_no_label_get_none() -> None:
    # Nine months have no label in the vocabulary: the cells are not dated by the document's quarter.
    text = (
        "Third quarter 2026 update\n"
        "\n"
        "                                 Nine months ended September 30,\n"
        "                                 2026          2025\n"
        "Gross margin                     38.1%         35.6%\n"
        "\n"
        "Figures are unaudited.\n"
    )
    assert ("gross_margin", 38.1, None) in got(text)
