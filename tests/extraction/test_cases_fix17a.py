"""Held-out set 17's table, format and party causes, in general form (tests/extraction/holdout17/REPORT.md).

- A Low / High column table pairs its columns into forecast ranges; a row label's "($ in millions)"
  scales a range in its cell.
- A table whose rows are companies (or customers) reads each cell under its column title.
- A "|" between two figure clauses on a slide line splits like ";".
- Thousands set apart by narrow, thin or no-break spaces; "US$880–920 mn"; ">" and "<" as bounds.
- A period token between "of" and "revenue" keeps a customer's share.
- An "including …" aside between subject and verb does not give the figure its status.
- A bare range for another period right after a revenue range is revenue.
- Parties: Markdown around names, a bracketed lender or customer on a slide, a superlative's
  appositive, a total "fully leased to" one tenant.

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts
from rules.facts import Fact


def facts(text: str) -> list[Fact]:
    return extract_facts(text)


def ranges(text: str) -> set[tuple[str, str, float, float]]:
    return {(f.metric, f.kind, f.low, f.high) for f in extract_facts(text)}


def dated(text: str) -> set[tuple[str, str, float, float, str | None]]:
    return {(f.metric, f.kind, f.low, f.high, f.period) for f in extract_facts(text)}


def parties(text: str) -> dict[tuple[str, float], str | None]:
    return {(f.metric, f.low): f.counterparty for f in extract_facts(text)}


# --- Cause 1: Low / High columns ------------------------------------------------------------------


def test_low_high_columns_under_period_groups_are_ranges() -> None:
    text = (
        "Outlook\n\n"
        "                                  Q1 2027                 Fiscal 2027\n"
        "                              Low        High         Low          High\n"
        "Net sales ($ in millions)    141.5      148.0        610.0        640.0\n"
        "Adjusted gross margin (a)    51.0%      52.5%        50.0%        52.0%\n"
        "Non-GAAP EPS                 $0.08      $0.10        $0.40        $0.46\n"
    )
    assert dated(text) == {
        ("revenue", "guidance", 141_500_000, 148_000_000, "2027-Q1"),
        ("revenue", "guidance", 610_000_000, 640_000_000, "2027-FY"),
        ("gross_margin", "guidance", 51.0, 52.5, "2027-Q1"),
        ("gross_margin", "guidance", 50.0, 52.0, "2027-FY"),
    }


def test_low_high_columns_need_no_outlook_heading_and_drop_the_midpoint() -> None:
    text = (
        "Quillon Networks Reports Results\n\n"
        "(US$ millions, except percentages)\n"
        "                      FY2027 Low    FY2027 High    Midpoint\n"
        "Revenue                  1,200          1,260        1,230\n"
        "Operating margin           (2)%           1%          (0.5)%\n"
    )
    assert ranges(text) == {
        ("revenue", "guidance", 1_200_000_000, 1_260_000_000),
        ("operating_margin", "guidance", -2, 1),
    }


def test_low_high_titles_of_a_converted_html_table_pair_too() -> None:
    text = (
        "Adjusted operating margin: 9.0% (Q2 2027 Low) | 10.5% (Q2 2027 High) | 8.0% (Fiscal 2027 Low) | "
        "9.0% (Fiscal 2027 High)"
    )
    assert dated(text) == {
        ("operating_margin", "guidance", 9.0, 10.5, "2027-Q2"),
        ("operating_margin", "guidance", 8.0, 9.0, "2027-FY"),
    }


def test_a_share_price_high_low_table_is_no_range() -> None:
    # Near-miss: "High  Low" columns of a stock's trading range name no metric.
    text = (
        "Market for Common Equity\n\n"
        "                     High       Low\n"
        "First quarter      $45.20    $38.10\n"
        "Second quarter     $51.00    $40.25\n"
    )
    assert facts(text) == []


def test_a_label_scale_applies_to_a_range_in_its_cell() -> None:
    text = "Guidance\n\nRevenue ($ in millions): $412.0 - $426.0\n"
    assert ranges(text) == {("revenue", "guidance", 412_000_000, 426_000_000)}
    text = "Guidance\n\n                          FY2027\nRevenue (US$ millions)    $980 - $1,010\n"
    assert ranges(text) == {("revenue", "guidance", 980_000_000, 1_010_000_000)}


# --- Cause 2: rows are companies, column titles name the metric -----------------------------------


def test_a_markdown_table_of_companies_reads_each_cell_under_its_title() -> None:
    text = (
        "Where the peers stand:\n\n"
        "| Operator | Leased (MW) | Online (MW) | Last quarter revenue |\n"
        "|---|---|---|---|\n"
        "| Tessaly Grid | 900 | 310 | $88.5M |\n"
        "| **Oakhurst Compute** | 1,450 | 520 | $142.0M |\n"
        "| Total | 2,350 | 830 | $230.5M |\n"
    )
    got = {(f.metric, f.low, f.company) for f in facts(text)}
    assert got == {
        ("capacity_contracted", 900, "Tessaly Grid"),
        ("capacity_deployed", 310, "Tessaly Grid"),
        ("revenue", 88_500_000, "Tessaly Grid"),
        ("capacity_contracted", 1450, "Oakhurst Compute"),
        ("capacity_deployed", 520, "Oakhurst Compute"),
        ("revenue", 142_000_000, "Oakhurst Compute"),
    }


def test_a_space_aligned_table_of_companies_reads_too() -> None:
    text = (
        "Peer snapshot as of the latest filings:\n\n"
        "Company              Contracted MW    Energized MW\n"
        "Harrow Digital       1,120            405\n"
        "Velune Systems       780              260\n"
    )
    got = {(f.metric, f.low, f.company) for f in facts(text)}
    assert got == {
        ("capacity_contracted", 1120, "Harrow Digital"),
        ("capacity_deployed", 405, "Harrow Digital"),
        ("capacity_contracted", 780, "Velune Systems"),
        ("capacity_deployed", 260, "Velune Systems"),
    }


def test_a_table_of_customers_gives_each_its_share() -> None:
    text = "| Customer | Share of revenue |\n|---|---|\n| Brightfold AI | 44% |\n| Corvane Labs | 18% |\n"
    assert parties(text) == {
        ("customer_concentration", 44): "Brightfold AI",
        ("customer_concentration", 18): "Corvane Labs",
    }


def test_a_table_of_sites_or_metrics_is_not_a_table_of_companies() -> None:
    # Near-misses: rows that are sites, and a metric table with periods for columns.
    text = "| Site | Leased (MW) |\n|---|---|\n| Abilene North | 200 |\n| Prineville | 120 |\n"
    assert facts(text) == []
    text = "| Metric | Q3 2026 | Q3 2025 |\n|---|---|---|\n| Revenue | $210M | $150M |\n"
    assert dated(text) == {
        ("revenue", "actual", 210_000_000, 210_000_000, "2026-Q3"),
        ("revenue", "actual", 150_000_000, 150_000_000, "2025-Q3"),
    }


# --- Cause 3: "|" between figure clauses ----------------------------------------------------------


def test_a_pipe_between_figure_clauses_splits_like_a_semicolon() -> None:
    text = "- 1.4 GW leased | 520 MW energized (end of Q2'27)"
    assert dated(text) == {
        ("capacity_contracted", "actual", 1400, 1400, "2027-Q2"),
        ("capacity_deployed", "actual", 520, 520, "2027-Q2"),
    }
    text = "Non-GAAP gross margin 38.1% | GAAP operating margin (4.5)%"
    assert ranges(text) == {
        ("gross_margin", "actual", 38.1, 38.1),
        ("operating_margin", "actual", -4.5, -4.5),
    }


def test_a_pipe_line_of_other_counts_or_a_table_row_is_unchanged() -> None:
    # Near-misses: clauses with no metric, and a label row with its values after the colon.
    assert facts("- 60,000 GPUs online | 11 data halls | 1,900 employees") == []
    assert facts("- Net leverage 2.8x | Liquidity $1.2B") == []
    text = "Gross margin: 47% (Q3 2026) | 40% (Q3 2025)"
    assert dated(text) == {
        ("gross_margin", "actual", 47, 47, "2026-Q3"),
        ("gross_margin", "actual", 40, 40, "2025-Q3"),
    }


# --- Cause 5: typography ----------------------------------------------------------------------------


def test_thousands_set_apart_by_narrow_thin_or_no_break_spaces() -> None:
    text = (
        "Contracted capacity reached 2\u202f150\u00a0MW at 30 June; energised capacity c.\u00a0780\u00a0MW."
    )
    assert {(f.metric, f.low, f.bound) for f in facts(text)} == {
        ("capacity_contracted", 2150, "exact"),
        ("capacity_deployed", 780, "approx"),
    }
    text = "Leased capacity \u2248\u20091\u2009300 MW."
    assert {(f.metric, f.low, f.bound) for f in facts(text)} == {("capacity_contracted", 1300, "approx")}
    # Near-miss: a phone number's groups are no thousands.
    assert facts("Media: +44\u00a020\u00a07946\u00a00321.") == []


def test_an_abbreviated_scale_after_a_range() -> None:
    text = "The Board now expects FY 2027 revenue of US$1.1\u20131.2 bn."
    assert ranges(text) == {("revenue", "guidance", 1_100_000_000, 1_200_000_000)}
    text = "The Board now expects FY 2027 revenue of US$640\u2013665 mn."
    assert ranges(text) == {("revenue", "guidance", 640_000_000, 665_000_000)}


def test_greater_and_less_than_signs_are_bounds() -> None:
    text = "Target: >2 GW energized by year-end 2028"
    assert {(f.metric, f.low, f.bound) for f in facts(text)} == {("capacity_deployed", 2000, "at_least")}
    text = "Operating margin <5% in FY2026."
    assert {(f.metric, f.low, f.bound) for f in facts(text)} == {("operating_margin", 5, "at_most")}
    # Near-miss: an arrow is no bound.
    text = "Energized capacity: 300 -> 450 MW."
    assert all(f.bound == "exact" for f in facts(text))


# --- Cause 11: a period token between "of" and "revenue" --------------------------------------------


def test_a_period_token_between_of_and_revenue_keeps_the_share() -> None:
    assert ranges("Largest customer: 47% of 6M'27 revenue") == {("customer_concentration", "actual", 47, 47)}
    assert ranges("Top 3 customers: 71% of nine-month revenue") == {
        ("customer_concentration", "actual", 71, 71)
    }
    assert ranges("Top customer was 22% of 1H27 revenue.") == {("customer_concentration", "actual", 22, 22)}
    # Near-miss: a share of capacity, not revenue.
    assert facts("Top customer: 47% of 6M'27 capacity") == []


# --- Cause 13: an aside between subject and verb ----------------------------------------------------


def test_an_including_aside_does_not_give_the_figure_its_status() -> None:
    text = "Leased capacity, including halls under construction, reached 610 MW."
    assert ranges(text) == {("capacity_contracted", "actual", 610, 610)}
    text = "Contracted capacity, excluding sites in development, stood at 380 MW."
    assert ranges(text) == {("capacity_contracted", "actual", 380, 380)}
    # Near-miss: the status word of the subject itself still governs.
    assert facts("Capacity under construction, including the new hall, reached 200 MW.") == []


# --- Cause 14: a range whose metric is the previous sentence's ---------------------------------------


def test_a_bare_range_for_another_period_continues_the_revenue_range_before_it() -> None:
    text = (
        "We guided fiscal 2027 to $1.80 billion to $1.90 billion of revenue. "
        "For the first quarter we said $400 million to $420 million."
    )
    assert dated(text) == {
        ("revenue", "guidance", 1_800_000_000, 1_900_000_000, "2027-FY"),
        ("revenue", "guidance", 400_000_000, 420_000_000, "2027-Q1"),
    }


def test_a_range_of_another_metric_or_without_a_revenue_range_before_is_not_carried() -> None:
    # Near-misses: the sentence names its own noun; the sentence before gave no range of revenue.
    text = (
        "We expect fiscal 2027 revenue of $1.8 billion to $1.9 billion. "
        "For the first quarter, capex of $300 million to $350 million."
    )
    assert ranges(text) == {("revenue", "guidance", 1_800_000_000, 1_900_000_000)}
    text = "Gross margin was 41%. For the first quarter we said $400 million to $420 million."
    assert ranges(text) == {("gross_margin", "actual", 41, 41)}


# --- Parties --------------------------------------------------------------------------------------


def test_markdown_links_and_bold_read_as_their_text() -> None:
    text = "The new **150 MW** lease with **Corvane Labs** carries total contract value of **$2.2B**."
    assert parties(text) == {
        ("capacity_contracted", 150): "Corvane Labs",
        ("contract_value", 2.2e9): "Corvane Labs",
    }
    text = (
        "[Tessaly Grid](https://example.com/t) closed a $300 million Series B led by "
        "[Marlow Peak](https://mp.example)."
    )
    got = facts(text)
    assert [(f.metric, f.low, f.counterparty) for f in got] == [("financing", 300_000_000, "Marlow Peak")]
    assert got[0].evidence == text  # the evidence keeps the markup as given


def test_a_slide_brackets_its_party_after_the_figure() -> None:
    assert parties("$750M delayed-draw term loan (Jun. 2027; Orrin Bay Credit)") == {
        ("financing", 750_000_000): "Orrin Bay Credit"
    }
    assert parties("Top customer: 51% of FY27 revenue (Brightfold AI)") == {
        ("customer_concentration", 51): "Brightfold AI"
    }
    # Near-misses: a date or a word in the bracket is no party.
    assert parties("$400M senior notes (Feb. 2027)") == {("financing", 400_000_000): None}
    assert parties("Top customer: 51% of revenue (unchanged)") == {("customer_concentration", 51): None}


def test_a_superlative_appositive_names_the_customer() -> None:
    text = "Three customers accounted for 66% of revenue; the largest, Corvane Labs, was 29%."
    assert parties(text) == {
        ("customer_concentration", 66): None,
        ("customer_concentration", 29): "Corvane Labs",
    }


def test_a_total_fully_leased_to_one_tenant_names_it() -> None:
    text = (
        "The loan funds two buildings at Marrow Creek, which together total 180 MW and are fully leased to "
        "Oracle."
    )
    assert parties(text) == {("capacity_contracted", 180): "Oracle"}
    # Near-miss: a total leased to several tenants names none.
    text = "Our campuses total 600 MW, all leased to hyperscalers."
    assert parties(text) == {("capacity_contracted", 600): None}
