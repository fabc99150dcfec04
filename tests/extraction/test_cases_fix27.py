"""Held-out set 27's causes (tests/extraction/holdout27/REPORT.md), in general form: a future figure
with no forecast verb (a present-tense schedule, a later phase "following in", "would be handed over",
a later quarter's figure that "is": cause 1), a call's analyst named by the operator, an answer that
repeats one of the question's numbers and a bare power answering a question on a deal (cause 2), a
superseded range "when we last reported" (cause 3), a second "respectively" list (cause 4), a result
"in line with" the estimate, a sum after a per-share price and a deal "expected to close" (cause 5),
"N% growth over fiscal <year> revenue" (cause 6), "a loss of N%" (cause 8), a compound annual growth
rate (cause 9), a site for a customer in an "including" list (cause 10), a priced offering's estimated
net proceeds (cause 11), and the attribute slips (a proxy title's meeting year, "the period ended
<date>" glossing a fiscal quarter, "as reported under GAAP", listed and second measures' parties, a
customer described as "the anchor tenant at <site>", a customer "signed to" a lease, the buyer of a
class of shares, a row label's "New"). Cause 7 and "The Oracle lease" are left to the fix24 branch.

All companies, people and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts
from tests.extraction.cases import by_value, ranges

# Cause 8: "a loss of N%" is a negative margin.


@pytest.mark.parametrize(
    "text",
    [
        "On a GAAP basis, Threlkeld Cloud's operating margin was a loss of 6.4% for the quarter.",
        "Operating margin came in at a loss of approximately 6.4%, better than we planned.",
    ],
)
def test_a_margin_written_as_a_loss_of_is_negative(text: str) -> None:
    assert ranges(text) == {("operating_margin", "actual", -6.4, -6.4)}


def test_a_loss_of_and_its_bracketed_form_are_one_fact() -> None:
    text = "Gross margin was a loss of 2.5%, which is to say (2.5)%, as the new halls ramped."
    assert ranges(text) == {("gross_margin", "actual", -2.5, -2.5)}


def test_a_margin_beside_a_net_loss_keeps_its_sign() -> None:
    # Near miss: the loss is another line's; the margin is positive.
    text = "Marlow Grid posted a net loss of $14 million, while adjusted operating margin was 9.5%."
    assert ("operating_margin", "actual", 9.5, 9.5) in ranges(text)


# Cause 9: a compound annual growth rate is multi-year, no year-over-year growth.


@pytest.mark.parametrize(
    "text",
    [
        "Stenhouse's 2030 revenue goal implies a compound annual growth rate of about 42% from 2026.",
        "Management expects revenue to grow at a 35% CAGR through fiscal 2030.",
        "The plan calls for revenue to rise at a 38% compound annual rate over five years.",
    ],
)
def test_a_compound_annual_growth_rate_is_no_growth(text: str) -> None:
    assert not any(f.metric == "revenue_growth" for f in extract_facts(text))


def test_year_over_year_growth_beside_a_long_term_rate_is_still_read() -> None:
    text = "Revenue rose 27% year over year to $410 million in the third quarter."
    assert ("revenue_growth", "actual", 27, 27) in ranges(text)


# Cause 3: a superseded outlook "when we last reported" is one old range, guidance like "previously".


def test_a_prior_range_when_we_last_reported_is_one_old_outlook() -> None:
    text = (
        "For fiscal 2028, Ambleside now expects revenue growth of 24% to 27%, up from 20% to 22% "
        "when we last reported."
    )
    assert ranges(text) == {
        ("revenue_growth", "guidance", 24, 27),
        ("revenue_growth", "guidance", 20, 22),
    }


def test_a_prior_dollar_range_when_we_last_updated_is_one_old_outlook() -> None:
    text = (
        "We now expect full-year revenue of $1.48 billion to $1.52 billion, compared with $1.40 billion "
        "to $1.44 billion when we last updated."
    )
    assert ranges(text) == {
        ("revenue", "guidance", 1_480_000_000, 1_520_000_000),
        ("revenue", "guidance", 1_400_000_000, 1_440_000_000),
    }


def test_a_change_from_one_level_to_another_is_still_two_figures() -> None:
    # Near miss: "from X% to Y%" with no new range before it is a change, not a range.
    got = ranges("Adjusted gross margin expanded from 41% to 44% over the year.")
    assert ("gross_margin", "actual", 44, 44) in got
    assert not any(low != high for _m, _k, low, high in got)


# Basis: "as reported under GAAP" between the metric and its figure.


def test_a_margin_as_reported_under_gaap_is_gaap() -> None:
    text = "Adjusted operating margin rose to 21.2%, while operating margin as reported under GAAP was 12.6%."
    facts = extract_facts(text)
    assert by_value(facts, "operating_margin", 12.6).basis == "gaap"
    assert by_value(facts, "operating_margin", 21.2).basis == "non_gaap"


def test_a_margin_with_no_basis_word_stays_unlabelled() -> None:
    facts = extract_facts("Operating margin was 12.6% in the quarter, under our plan of 13%.")
    assert by_value(facts, "operating_margin", 12.6).basis is None


# Cause 4: a second "respectively" list in the same sentence, each share with its party.


def test_a_second_respectively_list_is_read_with_its_parties() -> None:
    text = (
        "Customer A and Customer B accounted for 36% and 21% of revenue for the three months ended "
        "June 30, 2026, respectively, and 39% and 18% for the six months then ended, respectively."
    )
    facts = extract_facts(text)
    got = {(round(f.low, 4), f.counterparty) for f in facts if f.metric == "customer_concentration"}
    assert got == {(36, "Customer A"), (21, "Customer B"), (39, "Customer A"), (18, "Customer B")}


def test_named_customers_second_list_takes_the_same_order() -> None:
    text = (
        "Orrin Labs and Feldspar AI accounted for 52% and 14% of revenue, respectively, and 48% and 17% "
        "in the prior year, respectively."
    )
    facts = extract_facts(text)
    assert by_value(facts, "customer_concentration", 48).counterparty == "Orrin Labs"
    assert by_value(facts, "customer_concentration", 17).counterparty == "Feldspar AI"


def test_a_two_item_list_closed_by_respectively_reads_both_shares() -> None:
    text = "Customer A and Customer B accounted for 33% and 12% for the nine months then ended, respectively."
    assert {f.low for f in extract_facts(text) if f.metric == "customer_concentration"} == {33, 12}


def test_a_margin_list_after_a_share_list_stays_margins() -> None:
    # Near miss: the second list names its own metric.
    text = (
        "Customer A and Customer B accounted for 36% and 21% of revenue, respectively, and gross margin "
        "was 31% and 35% in the third and second quarters, respectively."
    )
    got = ranges(text)
    assert ("gross_margin", "actual", 31, 31) in got
    assert ("customer_concentration", "actual", 31, 31) not in got


# Period: a proxy title's meeting year dates nothing; a fiscal quarter glossed "the period ended <date>".


def test_a_proxy_titles_meeting_year_is_no_period() -> None:
    text = (
        "HOLLINS POWER CORP.\nNotice of 2027 Annual Meeting and Proxy Statement\n\nDear shareholders,\n\n"
        "Fiscal 2026, which ended June 30, 2026, was our strongest year. Revenue grew 26% to $2.2 billion. "
        "Adjusted gross margin was 29.5%.\n"
    )
    assert {f.period for f in extract_facts(text)} == {"2026-FY"}


def test_a_proxy_statement_title_year_gives_way_to_the_letters_year() -> None:
    text = "2027 Proxy Statement\n\nDear shareholders,\n\nIn fiscal 2026, revenue grew 26% to $2.2 billion.\n"
    assert {f.period for f in extract_facts(text)} == {"2026-FY"}


def test_a_results_titles_year_still_dates_its_figures() -> None:
    # Near miss: a year that names the results is the period.
    text = "Fourth Quarter and Full Year 2026 Results\n\nRevenue grew 26% to $2.2 billion.\n"
    assert {f.period for f in extract_facts(text)} != {None}


@pytest.mark.parametrize(
    "text",
    [
        "Q2 Fiscal 2027 Earnings Call\n\nSecond-quarter revenue - that's the period ended December 27, "
        "2026 - was $288.1 million, up 41% year over year.\n",
        "Revenue for the second quarter of fiscal 2027, the period ended December 27, 2026, was $288.1 "
        "million, up 41% year over year.\n",
    ],
)
def test_a_fiscal_quarter_glossed_the_period_ended_keeps_its_label(text: str) -> None:
    assert {f.period for f in extract_facts(text)} == {"2027-Q2"}


def test_a_quarter_ended_on_a_date_alone_is_still_the_calendars() -> None:
    facts = extract_facts("Revenue for the quarter ended December 31, 2026 was $288.1 million.")
    assert [f.period for f in facts] == ["2026-Q4"]


# Cause 1: a future figure stated without a forecast verb: a present-tense schedule, a later phase
# after one, reported speech ("would be handed over"), a later quarter's figure "is" on a call.


@pytest.mark.parametrize(
    "text",
    [
        "Second Quarter Fiscal 2027 Results\n\nRevenue was $310 million. The next 90 megawatts go live in "
        "the third quarter of fiscal 2028.\n",
        "Its first 60MW hall is set to come online in the first half of 2027, with the remaining 140MW "
        "following in 2028.\n",
        "Executives said the first 45 MW would be handed over to the tenant in the autumn.\n",
    ],
)
def test_a_schedule_without_a_forecast_verb_is_guidance(text: str) -> None:
    facts = [f for f in extract_facts(text) if f.metric == "capacity_deployed"]
    assert facts
    assert all(f.kind == "guidance" for f in facts)


def test_capacity_handed_over_in_the_past_stays_actual() -> None:
    assert ranges("Executives said 45 MW was handed over to the tenant in the autumn.") == {
        ("capacity_deployed", "actual", 45, 45)
    }


def test_capacity_live_followed_by_an_unrelated_following_stays_actual() -> None:
    got = ranges("The campus went live in March with 75 MW, following in the footsteps of its sister site.")
    assert got == {("capacity_deployed", "actual", 75, 75)}


def test_a_later_quarters_margin_that_is_on_a_call_is_guidance() -> None:
    text = "Q1 Fiscal 2027 Earnings Call\n\nRevenue was $400 million. Q2 adjusted gross margin is 44% to 45%."
    assert ("gross_margin", "guidance", 44, 45) in ranges(text)


def test_the_reported_quarters_margin_that_is_stays_actual() -> None:
    text = "Q1 Fiscal 2027 Earnings Call\n\nRevenue was $400 million. Q1 adjusted gross margin is 44.2%."
    assert ("gross_margin", "actual", 44.2, 44.2) in ranges(text)


# Cause 2: an analyst the operator names with a firm; an answer repeating one of the question's numbers.

_CALL = (
    "Q3 Fiscal 2027 Earnings Call\n\n"
    "Tobias Renn, Chief Financial Officer\n\n"
    "Revenue was $512 million. Our largest customer accounted for 28% of revenue. Adjusted operating "
    "margin was 12.5%.\n\n"
    "Operator: Camille Osei, Brandling Securities, your line is open.\n\n"
    "Camille Osei: Thanks. Tobias, I think you said fourth-quarter operating margin of 16%. And is the "
    "largest customer still 28%?\n\n"
    "Tobias Renn: Let me correct that, Camille. We said the fourth-quarter operating margin would be "
    "about 14%. And yes, 28% for the quarter.\n"
)


def test_an_analyst_named_by_the_operator_with_a_firm_is_not_the_company() -> None:
    facts = extract_facts(_CALL)
    assert not any(f.metric == "operating_margin" and f.low == 16 for f in facts)
    assert any(f.metric == "operating_margin" and f.low == 14 and f.kind == "guidance" for f in facts)


def test_an_answer_repeating_one_of_the_questions_numbers_takes_no_other_metric() -> None:
    facts = extract_facts(_CALL)
    assert not any(f.metric == "operating_margin" and f.low == 28 for f in facts)
    assert any(f.metric == "customer_concentration" and f.low == 28 for f in facts)


def test_an_answer_to_a_question_with_one_number_still_takes_its_metric() -> None:
    text = (
        "Operator: Camille Osei, Brandling Securities, your line is open.\n\n"
        "Camille Osei: What should we assume for fourth-quarter gross margin?\n\n"
        "Tobias Renn: We're comfortable at 41% to 42% for the quarter.\n"
    )
    assert any(m == "gross_margin" and (low, high) == (41, 42) for m, _k, low, high in ranges(text))


# Cause 5: a company figure beside a trap figure in the same clause: the result "in line with" the
# analysts' estimate, the sum after a per-share price; a deal "expected to close" is agreed.


@pytest.mark.parametrize(
    "text",
    [
        "Second-quarter revenue rose 41% to $288 million, roughly in line with the average analyst "
        "estimate of $285 million, according to LSEG data.",
        "Revenue climbed 41% to $288 million, in line with the consensus estimate of $285 million.",
    ],
)
def test_a_result_in_line_with_the_estimate_is_still_the_companys(text: str) -> None:
    got = ranges(text)
    assert ("revenue", "actual", 288_000_000, 288_000_000) in got
    assert not any(low == 285_000_000 for _m, _k, low, _h in got)


def test_the_estimate_alone_is_still_no_fact() -> None:
    text = "Analysts expect revenue of $285 million, according to LSEG data."
    assert not any(f.metric == "revenue" for f in extract_facts(text))


def test_the_sum_after_a_per_share_price_is_the_money_raised() -> None:
    text = (
        "Separately, Halvorsen Capital agreed to purchase 4,100,000 shares of common stock in a private "
        "placement at $29.25 per share, for an aggregate purchase price of approximately $120 million, "
        "expected to close in January 2027."
    )
    assert ranges(text) == {("financing", "actual", 120_000_000, 120_000_000)}


def test_an_acquisition_priced_per_share_is_still_no_financing() -> None:
    text = "Dunmore agreed to acquire Kelso at $31.00 per share, for an aggregate price of $900 million."
    assert not extract_facts(text)


def test_a_figure_expected_to_grow_is_still_guidance() -> None:
    # Near miss: "expected to" with any other verb than closing still forecasts the figure.
    assert ("revenue", "guidance", 300_000_000, 300_000_000) in ranges(
        "Revenue of about $300 million, expected to grow 20% next year."
    )


# Cause 11: a priced offering's estimated net proceeds are the deal's, no forecast.


def test_a_priced_offerings_estimated_net_proceeds_are_actual() -> None:
    text = (
        "Larkhill Compute Prices Upsized $800 Million Convertible Notes Offering\n\n"
        "Larkhill Compute today announced the pricing of $800 million of convertible senior notes. Larkhill "
        "estimates that the net proceeds from the offering will be approximately $781 million.\n"
    )
    assert ("financing", "actual", 781_000_000, 781_000_000) in ranges(text)


def test_proceeds_a_company_expects_from_a_raise_to_come_stay_guidance() -> None:
    # Near miss: with no priced offering, money still to raise is a forecast.
    text = "Larkhill expects to raise approximately $780 million from a planned offering next year."
    assert not any(f.kind == "actual" for f in extract_facts(text))


# Cause 10: a site listed as part of the power under contract, for a named customer.


def test_a_campus_for_a_customer_included_in_contracted_power_is_contracted() -> None:
    facts = extract_facts("Brennock has 540 MW under contract, including a 150 MW campus for Meta.")
    got = {(f.metric, round(f.low, 4), f.counterparty) for f in facts}
    assert got == {("capacity_contracted", 540, None), ("capacity_contracted", 150, "Meta")}


def test_a_campus_included_with_no_customer_stays_a_site_size() -> None:
    got = ranges("Brennock has 540 MW under contract, including a 1 GW campus in west Texas.")
    assert got == {("capacity_contracted", "actual", 540, 540)}


# Cause 6: "N% growth over fiscal <year> revenue" is revenue growth of the year after that base year.


def test_growth_over_last_years_revenue_on_a_quarter_call_is_the_years_forecast() -> None:
    text = (
        "Second Quarter Fiscal 2027 Results\n\n"
        "For the full year we now expect revenue of $1.50 billion to $1.54 billion. At the midpoint that's "
        "about 52% growth over fiscal 2026 revenue of $1.0 billion.\n"
    )
    growth = [f for f in extract_facts(text) if f.metric == "revenue_growth"]
    assert [(f.kind, f.low, f.period) for f in growth] == [("guidance", 52, "2027-FY")]


def test_growth_over_the_prior_years_revenue_in_an_annual_report_is_a_result() -> None:
    text = "Fiscal 2027 Annual Results\n\nRevenue was $1.52 billion, 52% growth over fiscal 2026 revenue.\n"
    growth = [f for f in extract_facts(text) if f.metric == "revenue_growth"]
    assert [(f.kind, f.low, f.period) for f in growth] == [("actual", 52, "2027-FY")]


def test_a_margin_change_on_growth_is_no_revenue_growth() -> None:
    text = "Gross margin improved 3% on growth over 2025 levels."
    assert not any(f.metric == "revenue_growth" for f in extract_facts(text))


# Counterparties: each listed figure's own "with X", a deal's second measure, a customer described by
# an appositive that names a site.


def _parties(text: str, metric: str) -> dict[float, str | None]:
    return {round(f.low, 4): f.counterparty for f in extract_facts(text) if f.metric == metric}


def test_each_listed_figure_takes_the_party_after_it() -> None:
    text = (
        "Ardwick has signed 520 MW of leases this year, including 210 MW with Oracle at its Odessa campus "
        "and 160 MW with Anthropic at its Lubbock site."
    )
    got = _parties(text, "capacity_contracted")
    assert got[210] == "Oracle"
    assert got[160] == "Anthropic"


def test_a_deals_second_measure_takes_the_deals_party() -> None:
    text = "Threlby disclosed a lease with Microsoft worth $2.6 billion and covering about 190 MW in Ohio."
    assert _parties(text, "capacity_contracted") == {190: "Microsoft"}


def test_an_amount_in_a_second_predicate_takes_no_deal_party() -> None:
    # Near miss: "and raised" opens another predicate.
    text = "Threlby signed a lease with Microsoft worth $2.6 billion and raised $400 million in notes."
    assert _parties(text, "financing") == {400_000_000: None}


def test_a_customer_described_as_the_tenant_at_a_site_is_the_customer() -> None:
    text = "Amazon, the anchor tenant at Cedar Ridge, accounted for 34% of total revenue in the quarter."
    assert _parties(text, "customer_concentration") == {34: "Amazon"}


def test_a_customer_named_in_the_appositive_is_still_read() -> None:
    text = "Our largest customer, Kitewing AI, accounted for 34% of total revenue in the quarter."
    assert _parties(text, "customer_concentration") == {34: "Kitewing AI"}


def test_the_buyer_of_a_class_of_the_companys_shares_is_the_placements_party() -> None:
    text = (
        "Carrowmere Compute, Inc. today announced a capacity agreement with Anthropic.\n\n"
        "In addition, Anthropic agreed to purchase 3,200,000 shares of Class A common stock in a private "
        "placement at $25.00 per share, for an aggregate purchase price of approximately $80 million.\n"
    )
    assert _parties(text, "financing") == {80_000_000: "Anthropic"}


def test_the_buyer_of_another_companys_shares_raises_nothing_for_the_company() -> None:
    text = (
        "Carrowmere Compute, Inc. today announced a capacity agreement with Anthropic.\n\n"
        "Separately, Anthropic agreed to purchase 3,200,000 shares of Dunmore common stock for an "
        "aggregate purchase price of approximately $80 million.\n"
    )
    assert not any(f.counterparty == "Anthropic" and f.metric == "financing" for f in extract_facts(text))


_DEAL_QA = (
    "Operator: Our first question comes from Leah Brandt with Corwin Tate.\n\n"
    "Leah Brandt: Thanks. And on Cohere itself, is that the 250-megawatt lease?\n\n"
    "Tobias Renn: It's 260 megawatts, Leah. We signed it in July, and the total contract value is "
    "approximately $5.2 billion.\n"
)


def test_an_answers_bare_power_corrects_the_deal_the_question_named() -> None:
    facts = extract_facts(_DEAL_QA)
    got = {(f.metric, round(f.low, 4), f.counterparty) for f in facts}
    assert ("capacity_contracted", 260, "Cohere") in got
    assert ("contract_value", 5_200_000_000, "Cohere") in got
    assert not any(f.low == 250 for f in facts)


def test_an_answers_bare_power_after_a_question_on_no_deal_is_no_fact() -> None:
    text = (
        "Operator: Our first question comes from Leah Brandt with Corwin Tate.\n\n"
        "Leah Brandt: Thanks. How should we think about the ramp?\n\n"
        "Tobias Renn: It's 260 megawatts, Leah.\n"
    )
    assert not extract_facts(text)


def test_a_customer_signed_to_a_lease_is_its_party_and_the_next_sentences() -> None:
    text = (
        "Corrie Grid has signed Oracle to a 240MW lease at its Brackley campus, the developer said.\n\n"
        "The company put the value of the 12-year lease at roughly $4.1bn.\n"
    )
    assert _parties(text, "capacity_contracted") == {240: "Oracle"}
    assert _parties(text, "contract_value") == {4_100_000_000: "Oracle"}


def test_a_figure_with_its_unit_is_no_party() -> None:
    text = "Corrie Grid has agreed to a 240MW lease at its Brackley campus, the developer said."
    assert _parties(text, "capacity_contracted") == {240: None}


def test_an_outlook_rows_adjective_is_no_party_and_the_row_keeps_its_year() -> None:
    text = (
        "Updated 2027 outlook\n\n"
        "                                     Updated 2027 outlook     Prior 2027 outlook\n"
        "Revenue                              $2.10 bn - $2.20 bn      $2.00 bn - $2.10 bn\n"
        "New leases signed during the year    at least 450 MW          at least 400 MW\n"
    )
    facts = [f for f in extract_facts(text) if f.metric == "capacity_contracted"]
    got = {(f.low, f.counterparty, f.period) for f in facts}
    assert got == {(450, None, "2027-FY"), (400, None, "2027-FY")}
