"""Held-out set 16's causes, in general form (tests/extraction/holdout16/REPORT.md).

- A forecast written with a noun or a form other than the known forecast verbs: a metric's "range" or
  "view", "raising full-year revenue to", a full year "now" stated, and a spoken answer's verbless
  figure for a quarter the call has not reported. "Now" alone, or a period already reported, keeps a
  figure a result.

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


def ranges(text: str) -> set[tuple[str, str, float, float]]:
    return {(f.metric, f.kind, f.low, f.high) for f in extract_facts(text)}


# --- Cause 1: forecasts marked by a noun, "now", or a period still to come --------------------------


def test_a_raised_range_and_its_old_range_are_guidance() -> None:
    text = (
        "Tarrow Systems is raising its full-year sales range to $610 million to $640 million, up from "
        "$580 million to $600 million."
    )
    assert ranges(text) == {
        ("revenue", "guidance", 610_000_000, 640_000_000),
        ("revenue", "guidance", 580_000_000, 600_000_000),
    }
    text = "We are lifting fiscal 2027 revenue to $2.1 billion to $2.2 billion on stronger demand."
    assert values(text) == {("revenue", "guidance", 2_100_000_000)}
    text = "Management is lowering Q3 gross margin to 36% to 38% on higher freight."
    assert values(text) == {("gross_margin", "guidance", 36)}
    # Near-misses: a past change of a reported year, and a cut that sets no figure "to" another.
    text = "The Orlen acquisition lifted fiscal 2025 revenue to $2.1 billion."
    assert values(text) == {("revenue", "actual", 2_100_000_000)}
    text = "Cutting fiscal 2026 costs helped gross margin reach 40%."
    assert values(text) == {("gross_margin", "actual", 40)}


def test_a_range_or_margin_now_stated_for_the_year_is_guidance() -> None:
    text = "The full-year revenue range is now $610 million to $640 million."
    assert values(text) == {("revenue", "guidance", 610_000_000)}
    assert values("Full-year operating margin is now 12% to 14%.") == {("operating_margin", "guidance", 12)}
    assert values("We're now at 12% to 14% operating margin for the year.") == {
        ("operating_margin", "guidance", 12)
    }
    text = "Q1 Fiscal 2027 results. Full-year gross margin is now 39% to 41%."
    assert values(text) == {("gross_margin", "guidance", 39)}


def test_now_alone_keeps_a_result() -> None:
    # Near-misses: "now" of a current state, of the period being reported, or of a year already over.
    assert values("Vela Labs is now 40% of our revenue.") == {("customer_concentration", "actual", 40)}
    assert values("Revenue is now running 40% above last year's pace.") == set()
    text = "Third quarter 2026 results. Gross margin is now 45%, up from 41%."
    assert values(text) == {("gross_margin", "actual", 45), ("gross_margin", "actual", 41)}
    text = "Fourth quarter 2026 results. Full-year gross margin is now 41%."
    assert values(text) == {("gross_margin", "actual", 41)}
    text = "Full-year revenue was $1.2 billion, and sales are now growing 30%."
    assert values(text) == {("revenue", "actual", 1_200_000_000), ("revenue_growth", "actual", 30)}


def test_a_view_is_a_forecast_noun() -> None:
    text = "LUMEN ARC RAISES FY27 SALES VIEW TO $1.2B-$1.3B FROM $1.0B-$1.1B"
    assert ranges(text) == {
        ("revenue", "guidance", 1_200_000_000, 1_300_000_000),
        ("revenue", "guidance", 1_000_000_000, 1_100_000_000),
    }
    text = "Delmont sees Q3 operating margin 8%-9%, down from prior 10%-11% view; shares -7%"
    assert ranges(text) == {
        ("operating_margin", "guidance", 8, 9),
        ("operating_margin", "guidance", 10, 11),
        ("stock_move", "actual", -7, -7),
    }
    text = "Lumen Arc lifts revenue view to $1.2 billion-$1.3 billion"
    assert values(text) == {("revenue", "guidance", 1_200_000_000)}
    # Near-miss: "in our view" is an opinion, not a forecast.
    text = "In our view, revenue of $410 million was a record."
    assert values(text) == {("revenue", "actual", 410_000_000)}


def test_the_new_range_works_out_to_a_growth_forecast() -> None:
    text = (
        "Revenue was $200 million in Q1, up 40%, and the new range works out to 28% to 31% growth for "
        "the year."
    )
    assert values(text) == {
        ("revenue", "actual", 200_000_000),
        ("revenue_growth", "actual", 40),
        ("revenue_growth", "guidance", 28),
    }


def test_an_old_range_after_a_new_one_stays_whole() -> None:
    text = "Stellan cut its Q4 gross margin outlook to 31% to 33% from 35% to 37%."
    assert ranges(text) == {("gross_margin", "guidance", 31, 33), ("gross_margin", "guidance", 35, 37)}
    # Near-miss: a change from one figure to another is two figures.
    assert values("Gross margin improved from 35% to 37%.") == {
        ("gross_margin", "actual", 35),
        ("gross_margin", "actual", 37),
    }


_CALL = (
    "Fenmore Pumps Q3 Fiscal 2026 Earnings Call\n\n"
    "Operator: Our next question comes from Rhea Lind with Carrow Partners.\n\n"
    "Rhea Lind (Carrow Partners): And the fourth quarter?\n\n"
)


def test_a_verbless_answer_about_a_quarter_to_come_is_guidance() -> None:
    text = _CALL + "Omar Haddad (CFO): For Q4, revenue of about $120 million, and gross margin near 38%.\n"
    assert values(text) == {("revenue", "guidance", 120_000_000), ("gross_margin", "guidance", 38)}
    text = _CALL + "Omar Haddad (CFO): That implies revenue growth of 20% to 22% for the full year.\n"
    assert values(text) == {("revenue_growth", "guidance", 20)}


def test_an_answer_about_the_reported_quarter_stays_a_result() -> None:
    # Near-misses: the quarter the call reports, and a past quarter with its verb.
    text = _CALL + "Omar Haddad (CFO): For Q3, revenue of $110 million and gross margin of 37%.\n"
    assert values(text) == {("revenue", "actual", 110_000_000), ("gross_margin", "actual", 37)}
    text = _CALL + "Omar Haddad (CFO): In Q2 we had revenue of $95 million.\n"
    assert values(text) == {("revenue", "actual", 95_000_000)}
    text = _CALL + "Omar Haddad (CFO): For Q4 last year, revenue of $90 million.\n"
    assert values(text) == {("revenue", "actual", 90_000_000)}


# --- Cause 3: an analyst's estimates and the company's figures, clause by clause ---------------------


def test_the_companys_target_inside_the_analysts_sentence_stays() -> None:
    text = (
        "We assume Harwell Grid energizes about 900 MW by year-end 2028, ahead of the company's target "
        'of "at least 820 MW."'
    )
    assert values(text) == {("capacity_deployed", "guidance", 820)}
    text = "We model 2028 revenue of $3.4 billion, above management's target of $3.1 billion."
    assert values(text) == {("revenue", "guidance", 3_100_000_000)}
    # Near-miss: the analyst's own figure alone stays out.
    assert values("We assume Harwell Grid energizes about 900 MW by year-end 2028.") == set()


def test_a_share_crossing_a_level_is_no_stock_move() -> None:
    assert values("We expect Vantor's share to fall below 30% in 2028 as new tenants ramp.") == set()
    text = "Harwell expects the customer's share of revenue to fall below 30% in 2028."
    assert values(text) == {("customer_concentration", "guidance", 30)}
    # Near-miss: a move of the shares.
    assert values("Harwell shares fell 12% on the news.") == {("stock_move", "actual", -12)}


def test_a_benchmark_set_against_a_move_is_no_move() -> None:
    text = "Harwell shares are up 41% year to date, against 17% for our data-center coverage."
    assert values(text) == {("stock_move", "actual", 41)}
    text = "The stock has gained 41% this year, versus 17% for the sector index."
    assert values(text) == {("stock_move", "actual", 41)}
    # Near-miss: the shares' own earlier move stays.
    text = "Harwell shares fell 8% on Tuesday, after a 3% drop on Monday."
    assert values(text) == {("stock_move", "actual", -8), ("stock_move", "actual", -3)}


def test_a_funding_gap_is_no_money_raised() -> None:
    text = "Risks: a funding gap we estimate at $1.1 billion for 2028 that could require equity."
    assert values(text) == set()
    assert values("Harwell faces a financing shortfall of about $400 million next year.") == set()
    # Near-miss: equity actually sold.
    text = "Harwell raised $400 million in an equity offering to close its funding gap."
    assert values(text) == {("financing", "actual", 400_000_000)}


# --- Cause 4: a speaker's line or a quote closes an outlook section --------------------------------

_OUTLOOK = (
    "Outlook for 2027 (raised)\n"
    "Harwell expects revenue of USD 610-640 million and an EBIT margin of 15-17%.\n\n"
)


def test_a_speakers_quote_after_the_outlook_reports() -> None:
    text = (
        _OUTLOOK + "CFO Mira Salo:\n"
        '"In June we signed a seven-year lease with Ostrel AI for 64 MW at our Oulu site. It took our '
        'contracted capacity to 350 megawatts, and our shares rose 5.2% that day."\n'
    )
    facts = values(text)
    assert ("capacity_contracted", "actual", 64) in facts
    assert ("capacity_contracted", "actual", 350) in facts
    assert ("stock_move", "actual", 5.2) in facts
    assert ("operating_margin", "guidance", 15) in facts
    # A quoted paragraph with no speaker line before it.
    text = _OUTLOOK + '"In June we signed a seven-year lease with Ostrel AI for 64 MW," the CEO said.\n'
    assert ("capacity_contracted", "actual", 64) in values(text)


def test_the_outlooks_own_lines_and_a_quoted_forecast_stay_guidance() -> None:
    # Near-misses: a label under the outlook, and a quote that forecasts in its own words.
    text = "Outlook\nFull year 2027:\n- Contracted capacity of 400 MW by year-end\n"
    assert values(text) == {("capacity_contracted", "guidance", 400)}
    text = _OUTLOOK + 'CEO Aino Salo:\n"We expect to have 420 MW energized by the end of 2027."\n'
    assert ("capacity_deployed", "guidance", 420) in values(text)


# --- Cause 5: a customer's share in a headline in capitals ------------------------------------------


def test_a_customers_share_in_capitals() -> None:
    text = "TARN CLOUD S-1 SHOWS 2025 REVENUE OF $512M, UP 96%; LARGEST CUSTOMER ORVIK AI WAS 47% OF REVENUE"
    assert values(text) == {
        ("revenue", "actual", 512_000_000),
        ("revenue_growth", "actual", 96),
        ("customer_concentration", "actual", 47),
    }
    assert values("TOP TWO CUSTOMERS WERE 61% OF SALES IN 2025") == {("customer_concentration", "actual", 61)}
    # Near-misses: a segment's share in capitals, and the mixed-case form.
    assert values("DATA CENTER SEGMENT WAS 83% OF REVENUE") == set()
    text = "Largest customer Orvik AI was 47% of revenue."
    assert values(text) == {("customer_concentration", "actual", 47)}


# --- Cause 10: a bracketed percentage right after another is the prior period's ----------------------


def test_a_bracketed_percentage_after_a_figure_is_the_prior_periods() -> None:
    assert values("Gross margin was 41.2% (37.5%).") == {
        ("gross_margin", "actual", 41.2),
        ("gross_margin", "actual", 37.5),
    }
    text = "Operating profit was USD 18.1 million, or 11.4% of revenue (6.2%)."
    assert ("operating_margin", "actual", -6.2) not in values(text)
    # Near-misses: the accounting negative "(3.0)%", a bracket after words, and an aligned table column.
    text = "Non-GAAP operating margin was 8.7%, compared with (2.1)% a year ago."
    assert values(text) == {("operating_margin", "actual", 8.7), ("operating_margin", "actual", -2.1)}
    text = "Operating margin was 5.1%, compared with (3.2%) a year ago."
    assert values(text) == {("operating_margin", "actual", 5.1), ("operating_margin", "actual", -3.2)}
    assert values("Operating margin      5.1%      (3.2%)") == {
        ("operating_margin", "actual", 5.1),
        ("operating_margin", "actual", -3.2),
    }


# --- Cause 11: a prepayment under an agreement is not its value -------------------------------------


def test_a_prepayment_is_no_contract_value() -> None:
    text = (
        "Customer B signed a supply agreement with a minimum purchase commitment of $900 million, under "
        "which it prepaid $150 million."
    )
    assert values(text) == {("contract_value", "actual", 900_000_000)}
    assert values("Under the agreement the customer prepaid $150 million.") == set()
    assert values("Ostrel made a $150 million prepayment under the agreement.") == set()
    assert values("The lease requires an advance payment of $40 million.") == set()
    # Near-miss: the agreement's value beside a deposit.
    text = "Ostrel signed a $1.4 billion agreement with Harwell and paid a deposit of $100 million."
    assert values(text) == {("contract_value", "actual", 1_400_000_000)}


# --- Cause 2: a metric or a customer named in an earlier sentence ------------------------------------


def test_a_percentage_with_only_a_basis_word_is_the_margin_just_spoken_of() -> None:
    text = (
        "Last quarter we guided full-year operating margin of 18% to 20%. In the second quarter we did "
        "17.2% GAAP and 19.4% on a non-GAAP basis."
    )
    assert values(text) == {
        ("operating_margin", "guidance", 18),
        ("operating_margin", "actual", 17.2),
        ("operating_margin", "actual", 19.4),
    }
    bases = {(f.low, f.basis) for f in extract_facts(text)}
    assert (17.2, "gaap") in bases
    assert (19.4, "non_gaap") in bases
    # Near-misses: no margin before, or a basis-less percentage.
    assert values("In the second quarter we did 17.2% GAAP and 19.4% on a non-GAAP basis.") == set()
    text = "Gross margin was 44%. About 12% of orders came from Europe."
    assert values(text) == {("gross_margin", "actual", 44)}


def test_a_period_right_after_the_figure_beats_one_of_an_earlier_phrase() -> None:
    text = (
        "Gross margin was 40% in Q1. With the freight contracts we've locked for the second quarter, "
        "we're now at 38% to 40% non-GAAP for the year."
    )
    periods = {(f.low, f.period) for f in extract_facts("Q1 Fiscal 2027 call.\n" + text)}
    assert (38, "2027-FY") in periods


def test_a_pronoun_with_a_copula_after_a_customer_is_that_customers_share() -> None:
    text = "Same customer, Priya. They were 29% of revenue in the quarter."
    assert values(text) == {("customer_concentration", "actual", 29)}
    text = "Our largest tenant is Orvik AI. It was about 31% of revenue last year."
    assert values(text) == {("customer_concentration", "actual", 31)}
    # Near-miss: a product line, no customer.
    assert values("Cooling units grew fastest. They were 29% of revenue in the quarter.") == set()


# --- Cause 6: a profit line's share of revenue after an amount in another currency -------------------


def test_a_profit_lines_share_of_revenue_in_any_currency_is_its_margin() -> None:
    text = "Operating profit (EBIT) was EUR 9.8 million (EUR 2.1 million), or 11.2% of revenue (3.9%)."
    assert ("operating_margin", "actual", 11.2) in values(text)
    text = "Operating profit was SEK 212 million, or 8.4% of net sales."
    assert values(text) == {("operating_margin", "actual", 8.4)}
    assert values("EBIT was $9.8 million, or 11.2% of revenue.") == {("operating_margin", "actual", 11.2)}
    assert values("Gross profit was NOK 310 million, or 41% of revenue.") == {("gross_margin", "actual", 41)}
    # Near-misses: other lines' shares of revenue, and the foreign amount itself.
    assert values("Adjusted EBITDA was EUR 40.1 million, or 21% of revenue.") == set()
    assert values("Net income was EUR 9.0 million, or 5% of revenue.") == set()


# --- Cause 7: an "About" paragraph's capacity figures are the company's own ------------------------


def test_an_about_paragraphs_capacity_is_read() -> None:
    text = (
        "Harwell Grid prices $900 million of senior notes.\n\n"
        "About Harwell Grid\n"
        "Harwell Grid builds AI campuses, with 410 MW of critical IT capacity under lease to customers and "
        "150 MW in operation.\n"
    )
    assert values(text) == {
        ("financing", "actual", 900_000_000),
        ("capacity_contracted", "actual", 410),
        ("capacity_deployed", "actual", 150),
    }


def test_an_about_paragraphs_other_figures_stay_out() -> None:
    # Near-misses: money, shares and a portfolio's power in the boilerplate.
    text = (
        "About Harwell Grid\n"
        "Founded in 2019, Harwell Grid has raised $1.2 billion and serves customers with 99.99% uptime. "
        "It owns 1.1 GW of power capacity, including 300 MW under development.\n"
    )
    assert values(text) == set()


# --- Cause 8: a bare ticker before a signed move -----------------------------------------------------


def test_a_bare_ticker_before_a_signed_move() -> None:
    text = "11:02 ET  *ORMSBY GRID RAISES FY27 REVENUE GUIDANCE TO $2.2B-$2.3B; ORMG +7.5%"
    assert ("stock_move", "actual", 7.5) in values(text)
    assert values("ORMG -4% after Ormsby Grid cut its outlook") == {("stock_move", "actual", -4)}
    # Near-misses: an index, a metric and a segment in capitals before a signed figure.
    assert values("11:05 ET  SECTOR: SOX +1.4%; PHLX semis +1.1%") == set()
    assert values("Q3 snapshot: EPS +9%; HPC +12%") == set()
    assert values("Term Loan B (Ormsby)   600.0   SOFR+2.75%   2031") == set()


# --- Cause 9: fees payable over an agreement's term are its value ----------------------------------


def test_fees_payable_over_the_term_are_the_contract_value() -> None:
    text = (
        "The initial term of the Hosting Agreement is seven years, and the aggregate fees payable by Orvik "
        'over the initial term are expected to be approximately $3.4 billion (the "Contract Value").'
    )
    assert values(text) == {("contract_value", "actual", 3_400_000_000)}
    # Near-misses: fees with no agreement named, and fees of an adviser.
    assert values("The advisory fees payable over the term are $4 million.") == set()
    assert values("Total fees payable by Orvik over the initial term are about $3.4 billion.") == set()


# --- Month-span periods ------------------------------------------------------------------------------


def periods(text: str) -> set[tuple[str, float, str | None]]:
    return {(f.metric, f.low, f.period) for f in extract_facts(text)}


def test_month_spans_are_quarters_and_halves() -> None:
    assert periods("In April-June 2026, revenue increased 44%.") == {("revenue_growth", 44, "2026-Q2")}
    assert periods("In October–December 2025 gross margin was 37.1%.") == {("gross_margin", 37.1, "2025-Q4")}
    text = "July-September 2026 in brief\n- Revenue increased 31% to USD 88.0 million.\n"
    assert periods(text) == {("revenue_growth", 31, "2026-Q3"), ("revenue", 88_000_000, "2026-Q3")}
    text = "January-June 2026 in brief\n- Gross margin was 35.2%.\n"
    assert periods(text) == {("gross_margin", 35.2, "2026-H1")}
    # Near-miss: nine months has no label.
    assert periods("In January-September 2026, revenue increased 40%.") == {("revenue_growth", 40, None)}


# --- Counterparties ----------------------------------------------------------------------------------


def parties(text: str) -> set[tuple[str, float, str | None]]:
    return {(f.metric, f.low, f.counterparty) for f in extract_facts(text)}


def test_the_customer_as_the_subject_of_the_signing() -> None:
    text = (
        "The anchor tenant is Ostrel Labs, the Austin AI lab, which in May signed a 12-year lease for 180 "
        "megawatts at Pecos. Harwell put the value of the lease at about $2.9 billion."
    )
    assert parties(text) == {
        ("capacity_contracted", 180, "Ostrel Labs"),
        ("contract_value", 2_900_000_000, "Ostrel Labs"),
    }
    text = (
        "During fiscal 2026, Customer B entered into a three-year capacity reservation agreement with a "
        "minimum purchase commitment of $800 million."
    )
    assert parties(text) == {("contract_value", 800_000_000, "Customer B")}
    text = "It is our largest lease and, the CFO says, a risk: Ostrel already accounts for 39% of revenue."
    assert parties(text) == {("customer_concentration", 39, "Ostrel")}
    # Near-miss: the company itself signing names no party.
    text = (
        "Harwell Grid, Inc. said that in May, Harwell signed a lease for 180 MW. The lease is worth "
        "$2.9 billion."
    )
    assert {p for _m, _v, p in parties(text)} == {None}


def test_the_supplier_is_the_party_of_a_customers_release() -> None:
    text = (
        "Ostrel AI Signs 250-Megawatt Compute Agreement with Tarn Compute\n\n"
        "SAN FRANCISCO--(BUSINESS WIRE)--Ostrel AI today announced a five-year agreement under which Tarn "
        "Compute (NASDAQ: TRNC) will supply Ostrel with GPU clusters supported by 250 megawatts of power. "
        "The agreement is valued at approximately $5.2 billion over its term.\n"
    )
    assert parties(text) == {
        ("capacity_contracted", 250, "Tarn Compute"),
        ("contract_value", 5_200_000_000, "Tarn Compute"),
    }


def test_a_value_in_a_trailing_clause_takes_the_leases_party() -> None:
    text = (
        "During the quarter the company signed a 10-year lease with Ostrel Cloud for 90 MW at its Pecos "
        "campus, with total contracted rent of approximately $1.4 billion."
    )
    assert parties(text) == {
        ("capacity_contracted", 90, "Ostrel Cloud"),
        ("contract_value", 1_400_000_000, "Ostrel Cloud"),
    }
    # Near-miss: a portfolio's total takes no party.
    text = "Total contracted rent across our portfolio reached $6.2 billion."
    assert parties(text) == {("contract_value", 6_200_000_000, None)}


def test_a_second_financing_has_its_own_party() -> None:
    text = (
        "In May Harwell closed a $1.8 billion construction loan led by Pellam Capital and secured by the "
        "Ostrel lease, on top of $400 million of preferred equity it sold to the Tarn teachers' pension fund."
    )
    assert parties(text) == {
        ("financing", 1_800_000_000, "Pellam Capital"),
        ("financing", 400_000_000, "Tarn"),
    }
    text = "Harwell sold $400 million of preferred equity to the Tarn teachers' pension fund."
    assert parties(text) == {("financing", 400_000_000, "Tarn")}
    # Near-miss: notes sold to unnamed buyers.
    assert parties("Harwell sold $400 million of notes to qualified institutional buyers.") == {
        ("financing", 400_000_000, None)
    }


def test_the_agent_after_the_lenders_party_thereto() -> None:
    text = (
        "On May 4, 2026, the Borrower entered into a Credit Agreement with the lenders party thereto and "
        "Pellam National Bank, as administrative agent, providing for a delayed draw term loan facility of "
        "up to $900,000,000."
    )
    assert parties(text) == {("financing", 900_000_000, "Pellam National Bank")}
