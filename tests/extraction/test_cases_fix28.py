"""Held-out set 28's causes (tests/extraction/holdout28/REPORT.md), in general form: a table whose
rows are companies and whose column titles name the metric and its unit ("Contracted power (MW)",
"RPO ($bn)", "Q3 2026 revenue ($m)"), as `html_to_text` renders it (each cell with its title in
brackets, the first column's title lost), as a Markdown table with no first title and as a
space-aligned one with no title over its labels (cause 1); a scale word wrapped onto an indented
next line (cause 2); an "update on trading" for an ended period (cause 3); a wire flash's "REV."
(cause 4); a share-price move written as a noun (cause 5); a leasing target (cause 6); a customer's
share "of it" (cause 7); powered land (cause 8); money spent out of proceeds (cause 9); an equipment
order's megawatts (cause 10); "that share" after a business line's share (cause 11); a unit price in
a revenue sentence (cause 12); growth "on" its comparison base (a period slip); a lender as the
subject of "will also provide", a customer "analysts believe to be", a named pair "together"
(counterparty slips). Near misses stay as
they were: a table titled by periods, share prices, EPS, ratios, total rows and sites; an indented
line that is no scale; a year still running; a share of the market; leasing revenue; "of it" after
backlog or a stake; power "powered and in service"; gross proceeds; a firm order for megawatts; a
named customer's "that share". Cause 13 (a writer's sum across companies) is left.

All companies, people and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts
from tests.extraction.cases import by_value, ranges
from watcher.htmltext import html_to_text

# Cause 1: a table of companies, the metric and unit in the column titles.

_PEER_HTML = (
    "<h2>How the hosts stack up</h2>"
    "<p>Figures below are as each company reported them for its latest quarter.</p>"
    "<table><tr><th>Host</th><th>Leased MW</th><th>Energized (MW)</th><th>Backlog (US$ bn)</th>"
    "<th>Q2 2026 revenue ($M)</th><th>Revenue growth (%)</th><th>Adj. gross margin (%)</th></tr>"
    "<tr><td>Corrib Data</td><td>720</td><td>305</td><td>3.9</td><td>214.6</td><td>58</td><td>44.2</td></tr>"
    "<tr><td>Lusk Valley Compute</td><td>1,340</td><td>610</td><td>12.25</td><td>498.0</td><td>131</td>"
    "<td>37.5</td></tr></table>"
)


def test_a_converted_html_table_of_companies_reads_each_cell_under_its_title() -> None:
    facts = extract_facts(html_to_text(_PEER_HTML))
    corrib = {(f.metric, f.low) for f in facts if f.company == "Corrib Data"}
    assert corrib == {
        ("capacity_contracted", 720),
        ("capacity_deployed", 305),
        ("backlog", 3_900_000_000),
        ("revenue", 214_600_000),
        ("revenue_growth", 58),
        ("gross_margin", 44.2),
    }
    lusk = {(f.metric, f.low) for f in facts if f.company == "Lusk Valley Compute"}
    assert ("capacity_contracted", 1340) in lusk
    assert ("backlog", 12_250_000_000) in lusk
    assert ("revenue", 498_000_000) in lusk


def test_the_title_gives_the_period_and_basis_and_the_growth_takes_its_revenue_period() -> None:
    facts = extract_facts(html_to_text(_PEER_HTML))
    assert by_value(facts, "revenue", 214_600_000).period == "2026-Q2"
    assert by_value(facts, "revenue_growth", 58).period == "2026-Q2"
    assert by_value(facts, "gross_margin", 44.2).basis == "non_gaap"
    assert all(f.kind == "actual" for f in facts)


def test_a_row_with_nested_brackets_in_its_titles_is_read() -> None:
    text = (
        "Contracted and live power as disclosed by each company at June 30, 2026.\n\n"
        "Harrowgate AI: 880 (Contracted power (MW)) | 215 (Active power (MW)) | 5.6 (RPO ($bn))\n"
    )
    facts = extract_facts(text)
    assert ranges(text) == {
        ("capacity_contracted", "actual", 880, 880),
        ("capacity_deployed", "actual", 215, 215),
        ("backlog", "actual", 5_600_000_000, 5_600_000_000),
    }
    assert {f.company for f in facts} == {"Harrowgate AI"}


def test_a_markdown_table_of_companies_with_no_first_title_is_read() -> None:
    text = (
        "Peer comparison:\n\n"
        "| | Contracted power (MW) | Energized power (MW) | Backlog ($bn) |\n"
        "|---|---|---|---|\n"
        "| Tamsin Grid | 1,050 | 390 | 7.7 |\n"
        "| Orrel Compute | 460 | 120 | 2.2 |\n"
    )
    facts = extract_facts(text)
    assert {(f.company, f.metric, f.low) for f in facts} == {
        ("Tamsin Grid", "capacity_contracted", 1050),
        ("Tamsin Grid", "capacity_deployed", 390),
        ("Tamsin Grid", "backlog", 7_700_000_000),
        ("Orrel Compute", "capacity_contracted", 460),
        ("Orrel Compute", "capacity_deployed", 120),
        ("Orrel Compute", "backlog", 2_200_000_000),
    }


def test_a_space_aligned_table_of_operators_still_reads_its_titles() -> None:
    text = (
        "Operator             Contracted (MW)    Backlog ($bn)\n"
        "Vessel Park AI       640                4.1\n"
        "Dunmore Cloud        300                1.8\n"
    )
    facts = extract_facts(text)
    assert ("Vessel Park AI", "capacity_contracted", 640) in {(f.company, f.metric, f.low) for f in facts}
    assert ("Dunmore Cloud", "backlog", 1_800_000_000) in {(f.company, f.metric, f.low) for f in facts}


def test_a_space_aligned_table_with_no_title_over_its_companies_is_read() -> None:
    text = (
        "How the listed peers compare:\n\n"
        "                     Contracted (MW)    Energized (MW)    Backlog ($bn)\n"
        "Fenwick Grid         520                140               3.3\n"
        "Dunmore Cloud        300                120               1.8\n"
    )
    got = {(f.company, f.metric, f.low) for f in extract_facts(text)}
    assert ("Fenwick Grid", "capacity_contracted", 520) in got
    assert ("Fenwick Grid", "backlog", 3_300_000_000) in got
    assert ("Dunmore Cloud", "capacity_deployed", 120) in got
    assert len(got) == 6


def test_a_space_aligned_table_of_campuses_gives_no_company_rows() -> None:
    text = (
        "Our campuses at quarter end:\n\n"
        "                     Contracted (MW)    Energized (MW)\n"
        "Abilene campus       640                155\n"
        "Ellendale site       300                120\n"
    )
    assert not any(f.company in ("Abilene campus", "Ellendale site") for f in extract_facts(text))


# Near misses: no metric column, a total row, a site, and a table titled by periods.


def test_prices_targets_ratios_debt_and_share_counts_give_nothing() -> None:
    html = (
        "<p>The companies we cover, with their latest figures:</p>"
        "<table><tr><th>Company</th><th>Share price ($)</th><th>EPS ($)</th><th>Price target ($)</th>"
        "<th>Shares outstanding (m)</th><th>Active to contracted (%)</th><th>Net debt ($bn)</th>"
        "<th>Utilization (%)</th></tr>"
        "<tr><td>Corrib Data</td><td>47.85</td><td>1.12</td><td>58</td><td>310</td><td>42</td><td>2.1</td>"
        "<td>81</td></tr></table>"
    )
    assert extract_facts(html_to_text(html)) == []


def test_total_rows_and_sites_of_a_table_of_companies_give_nothing() -> None:
    text = (
        "Figures as each company reported them.\n\n"
        "Total: 2,060 (Leased MW) | 915 (Energized (MW))\n\n"
        "Abilene campus: 400 (Leased MW) | 200 (Energized (MW))\n"
    )
    assert extract_facts(text) == []


def test_a_name_row_with_no_lead_about_companies_gives_nothing() -> None:
    text = "The figures below.\n\nCorrib Data: 720 (Leased MW) | 305 (Energized (MW))\n"
    assert extract_facts(text) == []


def test_a_table_titled_by_periods_keeps_its_reading() -> None:
    html = (
        "<p>Results of the companies' segments by quarter.</p>"
        "<table><tr><th>Metric</th><th>Q3 2026</th><th>Q3 2025</th></tr>"
        "<tr><td>Revenue ($M)</td><td>410.2</td><td>300.1</td></tr>"
        "<tr><td>Contracted capacity (MW)</td><td>950</td><td>610</td></tr></table>"
    )
    facts = extract_facts(html_to_text(html))
    assert {(f.metric, f.low, f.period) for f in facts} == {
        ("revenue", 410_200_000, "2026-Q3"),
        ("revenue", 300_100_000, "2025-Q3"),
        ("capacity_contracted", 950, "2026-Q3"),
        ("capacity_contracted", 610, "2025-Q3"),
    }
    assert all(f.company is None for f in facts)


# Cause 2: a scale word wrapped onto an indented next line keeps its figure.


def test_a_scale_word_on_an_indented_next_line_scales_its_figure() -> None:
    text = (
        "  * Contracted backlog reached $3.75 billion at September 30, compared with $2.95\n"
        "    billion a year earlier.\n"
    )
    got = ranges(text)
    assert ("backlog", "actual", 3_750_000_000, 3_750_000_000) in got
    assert all(low > 1_000_000 for _m, _k, low, _h in got)


def test_a_range_wrapped_after_its_first_figure_is_one_range() -> None:
    text = (
        "- Full-year revenue is now expected to be $612 million to $628 million (prior outlook: $640\n"
        "  million to $660 million).\n"
    )
    got = ranges(text)
    assert ("revenue", "guidance", 612_000_000, 628_000_000) in got
    assert not any(low == high == 660_000_000 for _m, _k, low, high in got)


def test_an_indented_line_after_a_figure_that_is_no_scale_is_left_alone() -> None:
    text = "Revenue for the quarter was $88.2 million, compared with 2025\n    millennial-focused products.\n"
    assert ranges(text) == {("revenue", "actual", 88_200_000, 88_200_000)}


# Cause 3: an "update on trading" for a period already ended reports results, even worded "is
# expected to be" under the label the announcement gave that period.


def test_an_update_on_trading_for_an_ended_half_reports_its_revenue_as_actual() -> None:
    text = (
        "The Board of Kelso Render plc provides the following update on trading for the six months ended "
        '31 October 2026 ("H1 FY27") and its outlook for the year ending 30 April 2027 ("FY27").\n\n'
        "Revenue for H1 FY27 is expected to be approximately US$88 million.\n\n"
        "The Board now expects FY27 revenue of US$170 million to US$180 million.\n"
    )
    facts = extract_facts(text)
    assert by_value(facts, "revenue", 88_000_000).kind == "actual"
    assert by_value(facts, "revenue", 170_000_000).kind == "guidance"


def test_a_forecast_for_a_year_still_running_stays_guidance() -> None:
    text = (
        "Moray Compute provides an update on its expectations for the financial year ending 31 March "
        "2027. Revenue for FY27 is expected to be approximately US$300 million."
    )
    assert ranges(text) == {("revenue", "guidance", 300_000_000, 300_000_000)}


# Cause 5: a share-price move written as a noun phrase.


def test_the_fall_of_a_percent_in_the_share_price_is_a_move() -> None:
    text = "Harwick Data plc notes the fall of approximately 22% in the Company's share price this morning."
    facts = extract_facts(text)
    assert ranges(text) == {("stock_move", "actual", -22, -22)}
    assert facts[0].bound == "approx"


def test_the_rise_of_a_percent_in_a_named_companys_shares_is_a_move() -> None:
    assert ranges("The rise of 9.5% in Lorne Systems' shares followed the contract news.") == {
        ("stock_move", "actual", 9.5, 9.5)
    }


def test_an_increase_in_a_share_of_the_market_is_no_move() -> None:
    got = ranges("Kettle Compute said the increase of 5% in its share of the market came from new tenants.")
    assert not any(m == "stock_move" for m, _k, _l, _h in got)


# Cause 6: a capacity target worded with "leasing".


def test_a_leasing_target_in_megawatts_is_contracted_capacity_guidance() -> None:
    text = "Brisco Data lifted its 2027 leasing target to at least 1 GW."
    facts = extract_facts(text)
    assert ranges(text) == {("capacity_contracted", "guidance", 1000, 1000)}
    assert facts[0].bound == "at_least"


def test_leasing_revenue_is_no_capacity_word() -> None:
    got = ranges("GPU leasing revenue rose 40%, and 50 MW of halls remain under construction.")
    assert not any(m.startswith("capacity") for m, _k, _l, _h in got)


# Cause 7: a customer's share "of it" / "of that", the pronoun standing for the revenue before it.


def test_a_customers_share_of_it_after_revenue_is_concentration() -> None:
    text = "Tolland AI booked sales of $61.2 million in the quarter, with Anthropic accounting for 44% of it."
    facts = extract_facts(text)
    share = by_value(facts, "customer_concentration", 44)
    assert share.counterparty == "Anthropic"


def test_a_share_of_it_after_backlog_or_a_stake_is_no_concentration() -> None:
    assert not any(
        f.metric == "customer_concentration"
        for f in extract_facts("Backlog rose to $2 billion, with Oracle accounting for 40% of it.")
    )
    assert not any(
        f.metric == "customer_concentration"
        for f in extract_facts("Revenue was $80 million; Oracle holds a 20% stake and owns 30% of it.")
    )


# Cause 4: a wire flash's "REV." is an abbreviation, not a sentence end, whatever leads the headline.


def test_a_time_stamped_flash_range_with_an_estimate_tail_is_guidance() -> None:
    text = "07:42:10 ET  *MARLOW GRID SEES FY REV. $1.31B TO $1.36B, EST. $1.29B\n"
    assert ranges(text) == {("revenue", "guidance", 1_310_000_000, 1_360_000_000)}


def test_a_dated_flash_range_keeps_its_ends() -> None:
    text = "Oct 2: HALVERN SEES 1Q REV. $96M TO $101M, EST. $94.5M\n"
    assert ranges(text) == {("revenue", "guidance", 96_000_000, 101_000_000)}


# Cause 8: powered land and powered shells are property, not power in service.


def test_powered_land_and_shells_are_no_deployed_capacity() -> None:
    assert extract_facts("Ansel Digital now controls 1.8 GW of powered land in three states.") == []
    assert extract_facts("The REIT owns 450 MW of powered shells near Ashburn.") == []


def test_capacity_powered_and_in_service_is_still_deployed() -> None:
    assert ranges("Ansel Digital had 210 MW powered and in service at quarter end.") == {
        ("capacity_deployed", "actual", 210, 210)
    }


# Cause 9: money spent out of an offering's proceeds is no money raised.


def test_capped_calls_paid_from_proceeds_are_no_financing() -> None:
    text = "*ORREN POWER TO USE PART OF PROCEEDS FOR $38M CAPPED CALLS\n"
    assert extract_facts(text) == []
    text = "Orren will use a portion of the net proceeds to fund $38 million of capped call transactions."
    assert not any(f.metric == "financing" for f in extract_facts(text))


def test_proceeds_raised_are_still_financing() -> None:
    assert ranges("The placing raised gross proceeds of $64 million.") == {
        ("financing", "actual", 64_000_000, 64_000_000)
    }
    got = ranges("Orren priced $400 million of convertible notes and will use the proceeds for capex.")
    assert got == {("financing", "actual", 400_000_000, 400_000_000)}


# Cause 10: an equipment order's power borrows no status from another clause's verb.


def test_an_orders_megawatts_take_no_later_delivered_verb() -> None:
    text = (
        "Pyke Energy has 900 MW of systems on order, including a 240 MW order from Meta, and said it had "
        "shipped and delivered 130 MW this year."
    )
    got = ranges(text)
    assert ("capacity_deployed", "actual", 240, 240) not in got
    assert ("capacity_deployed", "actual", 130, 130) in got


def test_a_firm_order_for_megawatts_is_still_contracted() -> None:
    assert ranges("Pyke Energy received an initial firm order for 180 megawatts from Corran AI.") == {
        ("capacity_contracted", "actual", 180, 180)
    }


# Cause 11: "that share" after a business line's share of revenue is no customer's.


def test_that_share_after_a_business_lines_share_is_no_concentration() -> None:
    text = (
        "Cloud hosting was 38% of our revenue in the quarter, and with the new Dallas hall we see that "
        "share passing 60% in 2028."
    )
    assert not any(f.metric == "customer_concentration" for f in extract_facts(text))


def test_that_share_after_a_named_customers_share_is_still_concentration() -> None:
    text = "Oracle was 41% of our revenue this quarter, and we expect that share to fall to 30% in 2027."
    facts = extract_facts(text)
    assert by_value(facts, "customer_concentration", 30).kind == "guidance"
    assert by_value(facts, "customer_concentration", 41).counterparty == "Oracle"


# Cause 12: a unit's price in a revenue sentence is no revenue.


def test_an_average_realized_price_is_no_revenue() -> None:
    text = (
        "Mining revenue was $42.6 million, as the Company mined 410 bitcoin at an average realized "
        "price of $103,900 per coin."
    )
    assert ranges(text) == {("revenue", "actual", 42_600_000, 42_600_000)}


# Attribute slip: growth "on the six months ended …" names the base of the comparison, not its period.


def test_growth_on_an_earlier_half_keeps_the_reported_halfs_period() -> None:
    text = (
        "Revenue for the six months ended 31 October 2026 was approximately US$64 million, an increase of "
        "31%\non the six months ended 31 October 2025."
    )
    facts = extract_facts(text)
    growth = by_value(facts, "revenue_growth", 31)
    assert growth.period == by_value(facts, "revenue", 64_000_000).period


# Attribute slips: a lender as the subject of "will also provide" / "will lend"; a customer the
# analysts believe it to be, after a clause that declines to name it; a named pair "together".


def test_a_customer_that_will_also_provide_a_loan_is_the_lender() -> None:
    text = "Meta will also provide Tolland AI with a $900 million secured loan to fund the new halls."
    facts = extract_facts(text)
    assert ranges(text) == {("financing", "actual", 900_000_000, 900_000_000)}
    assert facts[0].counterparty == "Meta"
    assert extract_facts("Anthropic will lend Tolland AI $400 million.")[0].counterparty == "Anthropic"


def test_a_customer_analysts_believe_it_to_be_after_an_unnamed_clause_is_the_party() -> None:
    text = (
        "Halvern said revenue from its largest customer, which it did not name but which analysts believe "
        "to be Amazon, was 47% of the total."
    )
    assert by_value(extract_facts(text), "customer_concentration", 47).counterparty == "Amazon"


def test_an_unnamed_largest_customer_stays_unnamed() -> None:
    text = "Halvern said its largest customer, which it did not name, accounted for 44% of revenue."
    assert by_value(extract_facts(text), "customer_concentration", 44).counterparty is None


def test_a_named_pair_together_is_the_group_party() -> None:
    text = "Our two largest tenants, Corran AI and Meta together, were 58% of revenue in the quarter."
    assert by_value(extract_facts(text), "customer_concentration", 58).counterparty == "Corran AI and Meta"
    text = "Ardent was 30% of sales, and our top two clients, Ardent and Oakridge AI\ncombined, were 52%."
    assert (
        by_value(extract_facts(text), "customer_concentration", 52).counterparty == "Ardent and Oakridge AI"
    )
    text = "Our two largest customers, both hyperscalers together, were 58% of revenue."
    assert by_value(extract_facts(text), "customer_concentration", 58).counterparty is None
