"""Held-out set 18's remaining causes, in general form (tests/extraction/holdout18/REPORT.md).

- A table whose rows are tenants, customers or leases, with the capacity in a bare "MW" column:
  each row is capacity contracted with that counterparty; its total row is the company's own.

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def read(text: str) -> set[tuple[str, str, float, str | None, str | None]]:
    return {(f.metric, f.kind, f.low, f.period, f.counterparty) for f in extract_facts(text)}


# --- Cause 3: a lease table's bare MW column ------------------------------------------------------

SPACED_LEASES = """Leasing summary, second quarter 2027

Customer                 Site         MW      Term (yrs)   Annual rent
Pelican Labs             Reno         40.0    10           $61,200
Northgate AI             Quincy       18.5    7            $25,900
Others (5 leases)        Various       6.0    3.1 (avg)    $9,100
Total                                 64.5                 $96,200
"""


def test_spaced_tenant_rows_are_contracted_capacity_with_the_tenant() -> None:
    got = read(SPACED_LEASES)
    assert ("capacity_contracted", "actual", 40.0, "2027-Q2", "Pelican Labs") in got
    assert ("capacity_contracted", "actual", 18.5, "2027-Q2", "Northgate AI") in got


def test_spaced_total_row_is_the_companys_own_without_counterparty() -> None:
    got = read(SPACED_LEASES)
    assert ("capacity_contracted", "actual", 64.5, "2027-Q2", None) in got


def test_group_row_and_rent_and_term_cells_give_nothing() -> None:
    lows = {low for _m, _k, low, _p, _c in read(SPACED_LEASES)}
    assert 6.0 not in lows  # "Others (5 leases)": no one's, and not the company's total
    assert not lows & {10.0, 7.0, 3.1, 61200.0, 25900.0, 96200.0}


def test_markdown_lessee_table_with_total() -> None:
    text = (
        "Leases signed in 4Q26:\n\n| Lessee | Capacity (MW) | Term |\n|---|---|---|\n"
        "| Rook Robotics | 12.0 | 8 |\n| Vantor Cloud | 30.0 | 12 |\n| Total | 42.0 | 11 |\n"
    )
    got = read(text)
    assert ("capacity_contracted", "actual", 12.0, "2026-Q4", "Rook Robotics") in got
    assert ("capacity_contracted", "actual", 30.0, "2026-Q4", "Vantor Cloud") in got
    assert ("capacity_contracted", "actual", 42.0, "2026-Q4", None) in got


def test_bare_mw_column_of_a_table_of_companies_gives_nothing() -> None:
    """A table of companies (peers) with a bare MW column says nothing of the issuer's capacity."""
    text = (
        "Peer comparison, second quarter 2027\n\n"
        "Company                  Market       MW      Employees\n"
        "Pelican Labs             Reno         40.0    120\n"
        "Northgate AI             Quincy       18.5    80\n"
        "Total                                 58.5    200\n"
    )
    assert not read(text)


def test_energized_column_of_a_tenant_table_stays_deployed() -> None:
    text = (
        "Tenants, 2Q27\n\n"
        "Tenant                   Energized MW   Rent ($/kW-mo)\n"
        "Pelican Labs             30.0           145\n"
    )
    got = read(text)
    assert {m for m, *_ in got} == {"capacity_deployed"}


# --- Periods: a half's own label, six months ended, split financial years, a forecast quarter ------


def test_a_halfs_own_label_beats_its_dates() -> None:
    """'six months ended 30 September 2026 ("H1 FY27")': the issuer's label names the period, and
    a comparative in brackets, "(H1 FY26: …)", dates only its own figure."""
    text = (
        "Wexcombe Data plc\n\n"
        'Half-year report for the six months ended 30 September 2026 ("H1 FY27")\n\n'
        "Strong first half\n\n"
        "Highlights\n"
        "• Revenue of US$98.0 million, up 41 per cent on H1 FY26\n"
        "• Gross margin of 44.5 per cent (H1 FY26: 40.1 per cent)\n"
    )
    got = read(text)
    assert ("revenue", "actual", 98_000_000, "2027-H1", None) in got
    assert ("revenue_growth", "actual", 41.0, "2027-H1", None) in got
    assert ("gross_margin", "actual", 44.5, "2027-H1", None) in got


def test_six_months_ended_is_the_issuers_half_ending_then() -> None:
    def period(ended: str) -> set[str | None]:
        return {p for *_r, p, _c in read(f"For the six months ended {ended}, revenue was $81.5 million.")}

    assert period("30 September 2026") == {"2027-H1"}  # a year to March 2027
    assert period("June 30, 2026") == {"2026-H1"}
    assert period("March 31, 2026") == {"2026-H1"}  # a year to September 2026
    assert period("December 31, 2026") == {"2026-H2"}  # a calendar year's second half


def test_split_financial_year_is_the_year_it_ends_in() -> None:
    got = read(
        "The Board expects revenue for the financial year 2027/28 of between US$610 million and "
        "US$640 million."
    )
    assert ("revenue", "guidance", 610_000_000, "2028-FY", None) in got
    got = read("For the 2026/27 financial year we expect revenue of US$2.1 billion.")
    assert ("revenue", "guidance", 2_100_000_000, "2027-FY", None) in got
    got = read("We expect revenue of $1.2 billion in FY2027-28.")
    assert ("revenue", "guidance", 1_200_000_000, "2028-FY", None) in got


def test_a_split_that_is_no_year_pair_is_no_period() -> None:
    got = read("We expect revenue for fiscal year 2026/29 of $1.2 billion.")
    assert all(p != "2027-FY" and p != "2029-FY" for *_r, p, _c in got)


def test_a_forecast_quarter_carries_to_the_paragraphs_next_forecasts() -> None:
    text = (
        "Harnwell Devices reports second quarter 2026 results\n\n"
        "Revenue for the second quarter of 2026 was $380 million.\n\n"
        "For the third quarter, we expect revenue of $400 million to $410 million. We expect adjusted gross "
        "margin of 61% to 62%. Full-year revenue is expected to be $1.6 billion.\n\n"
        "Adjusted gross margin was 58%.\n"
    )
    got = read(text)
    assert ("gross_margin", "guidance", 61.0, "2026-Q3", None) in got
    assert ("revenue", "guidance", 1_600_000_000, "2026-FY", None) in got  # its own period
    assert ("gross_margin", "actual", 58.0, "2026-Q2", None) in got  # another paragraph


# --- Superseded guidance and the consensus beside the company's own figure -------------------------


def test_a_figure_we_indicated_earlier_is_superseded_guidance() -> None:
    text = "For fiscal 2028, we now expect revenue growth of about 30%, up from the 24% we indicated in May."
    got = {(m, k, low) for m, k, low, _p, _c in read(text)}
    assert ("revenue_growth", "guidance", 30.0) in got
    assert ("revenue_growth", "guidance", 24.0) in got
    assert ("revenue_growth", "actual", 24.0) not in got


def test_a_figure_not_right_before_we_indicated_stays_actual() -> None:
    text = "Revenue grew 22% in the quarter, which we indicated reflects the new Reno campus."
    assert {(m, k) for m, k, *_ in read(text)} == {("revenue_growth", "actual")}


LEAD = "Tarrow Systems reported results on Tuesday. "
TAIL = " Its shares fell 3% after hours."


def test_the_consensus_after_the_companys_forecast_does_not_block_it() -> None:
    for sentence in (
        "Tarrow sees third-quarter gross margin of about 52%, versus analysts' estimates of 55%.",
        "Tarrow expects gross margin of about 52% in the third quarter, while analysts expect 55%.",
        "Tarrow sees gross margin of about 52%, below the Street's estimate of 55%.",
    ):
        got = {(m, k, low) for m, k, low, _p, _c in read(LEAD + sentence + TAIL)}
        assert ("gross_margin", "guidance", 52.0) in got, sentence
        assert not any(low == 55.0 for _m, _k, low in got), sentence


def test_a_wire_headlines_estimate_tag_gives_only_the_companys_figure() -> None:
    for line in (
        "*TARROW SYSTEMS SEES FY GROSS MARGIN ABOUT 52%, EST. 55%",
        "TARROW SYSTEMS SEES FY ADJ GROSS MARGIN ABOUT 52%, EST 55%",
    ):
        got = {(m, k, low) for m, k, low, _p, _c in read(line)}
        assert got == {("gross_margin", "guidance", 52.0)}, line


def test_the_analysts_own_forecast_is_still_no_fact() -> None:
    assert not read(LEAD + "Analysts expect gross margin of 55% in the third quarter." + TAIL) - {
        ("stock_move", "actual", -3.0, None, None)
    }


# --- A deal's capacity dated by the period it was signed in ----------------------------------------

Q2_RESULTS = (
    "Ostwick Data reports second quarter 2026 results\n\n"
    "Revenue for the second quarter of 2026 was $80 million. "
)


def test_capacity_signed_during_the_quarter_takes_the_quarter() -> None:
    text = (
        Q2_RESULTS
        + "Contracted capacity reached 900 MW, including 120 MW signed with Halden AI during the quarter."
    )
    assert ("capacity_contracted", "actual", 120.0, "2026-Q2", "Halden AI") in read(text)
    text = Q2_RESULTS + "In the quarter, we signed 80 MW with Brisk Labs."
    assert ("capacity_contracted", "actual", 80.0, "2026-Q2", "Brisk Labs") in read(text)


def test_a_deals_capacity_alone_is_of_no_period() -> None:
    text = Q2_RESULTS + "We signed a 120 MW lease with Halden AI, the largest in the history of the campus."
    assert ("capacity_contracted", "actual", 120.0, None, "Halden AI") in read(text)


# --- "by 31 March 2027": a fiscal year's end only where the issuer's year ends then ----------------


def _deadline_periods(top: str, sentence: str) -> set[str | None]:
    return {p for m, k, _low, p, _c in read(top + "\n\n" + sentence) if m == "capacity_deployed"}


def test_a_deadline_at_the_issuers_year_end_is_that_fiscal_year() -> None:
    top = "Brindle Compute plc\n\nInterim results for the six months ended 30 September 2026"
    assert _deadline_periods(top, "The Group expects to have 150 MW live by 31 March 2027.") == {"2027-FY"}
    top = "Halvard Chips Inc. reports results for the fiscal year ended January 31, 2027"
    assert _deadline_periods(top, "We plan to have 90 MW energized by January 31, 2028.") == {"2028-FY"}


def test_a_deadline_on_another_date_is_no_fiscal_year() -> None:
    top = "Ostwick Data reports results for the six months ended June 30, 2026"
    assert "2027-FY" not in _deadline_periods(top, "We expect to have 150 MW live by March 31, 2027.")
    top = "Consolidated Results for the First Half of the Fiscal Year Ending March 31, 2027 (1H FY2026)"
    assert "2027-FY" not in _deadline_periods(top, "We expect to have 150 MW live by March 31, 2027.")


def test_a_deadline_dates_the_figure_before_it_not_the_next() -> None:
    top = "Brindle Compute plc\n\nInterim results for the six months ended 30 September 2026"
    text = (
        top
        + "\n\nThe Group expects to have 150 MW live by 31 March 2027 and targets 400 MW contracted by FY29."
    )
    got = read(text)
    assert ("capacity_deployed", "guidance", 150.0, "2027-FY", None) in got
    assert ("capacity_contracted", "guidance", 400.0, "2029-FY", None) in got


# --- What was signed is no party -----------------------------------------------------------------


def test_a_sentence_opening_on_what_was_signed_names_no_counterparty() -> None:
    for sentence in (
        "Leases signed year to date: 388.4 MW.",
        "Contracts signed in the quarter totalled 88 MW.",
    ):
        got = read("Brindle Data Inc.\n\n" + sentence)
        assert {c for *_r, c in got} == {None}, sentence


def test_the_party_a_lease_was_signed_with_is_still_named() -> None:
    got = read("Brindle Data Inc.\n\nLeases signed with Halden AI in the quarter totalled 40 MW.")
    assert {c for *_r, c in got} == {"Halden AI"}
