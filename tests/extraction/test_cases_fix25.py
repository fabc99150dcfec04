"""Held-out set 25's causes (tests/extraction/holdout25/REPORT.md), in general form: amounts in
another dollar and their US-dollar translations (cause 3), a row label's singular scale word and
columns titled by a year's target (cause 4 and a period slip), split fiscal years and quarters of a
fiscal year ending on a date, forecast or result by whether the thing has happened (cause 1: a
trading update on a closed year, power once a concluded deal is counted, target wording), made-up
examples, rules of thumb, a regulator's threshold question and power left to build (cause 2), grid
connection agreements (cause 6), growth on the prior quarter (cause 5) and the attribute slips
(a headline "Placing", a social-media handle, "they" for a customer, a lender beside a customer,
"by Dec 31"). Cause 7 (spoken bare numbers, "more like 36, 37") is left.

All companies, people and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts
from tests.extraction.cases import by_value, ranges

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


# Cause 1: whether a figure is a forecast is read from whether the thing has happened, not from the
# verb's tense alone.
# (a) A trading update on a fiscal year already over: its forecast-worded figures of that year are
# results (estimates of a closed year), its outlook still forecasts.

_CLOSED_YEAR_UPDATE = (
    'Larchfield Data plc provides a trading update for the financial year ended 30 June 2026 ("FY26"), '
    "ahead of its audited results in September.\n\n"
    "Highlights\n\n"
    "- FY26 revenue expected to be ahead of market expectations at not less than US$92m, growth of around "
    "48% on FY25.\n"
    "- Gross margin is expected to be around 37% (FY25: 33%).\n\n"
    "Outlook\n\n"
    "The Board expects FY27 revenue of US$120m to US$130m and a gross margin of at least 39%.\n"
)


def test_a_trading_update_on_a_closed_year_reports_results() -> None:
    facts = extract_facts(_CLOSED_YEAR_UPDATE)
    got = {(f.metric, f.kind, f.low, f.period) for f in facts if f.period in ("2026-FY", "2027-FY")}
    assert got == {
        ("revenue", "actual", 92_000_000, "2026-FY"),
        ("revenue_growth", "actual", 48, "2026-FY"),
        ("gross_margin", "actual", 37, "2026-FY"),
        ("revenue", "guidance", 120_000_000, "2027-FY"),
        ("gross_margin", "guidance", 39, "2027-FY"),
    }


def test_forecast_words_outside_a_trading_update_still_forecast() -> None:
    # An earnings release for a quarter ended: "is expected to be" is its outlook.
    text = (
        "Tessaly Cloud reported results for the quarter ended June 30, 2026.\n\n"
        "Gross margin is expected to be around 37%. Revenue is expected to be at least $92 million for the "
        "third quarter."
    )
    assert {(f.metric, f.kind) for f in extract_facts(text)} == {
        ("gross_margin", "guidance"),
        ("revenue", "guidance"),
    }


def test_a_trading_update_still_forecasts_the_year_after() -> None:
    text = (
        "Ormsby Compute plc issues a pre-close trading update for the six months ended 31 December 2026.\n\n"
        "Looking ahead, the Board expects revenue growth of around 30% in the second half."
    )
    assert {f.kind for f in extract_facts(text)} == {"guidance"}


# (b) A state once a concluded deal is counted ("With the Agreement, … will be 386MW, of which 142MW is in
# operation") is no forecast; a deal still to close, a date still to come or a period's revenue is.


@pytest.mark.parametrize(
    "text",
    [
        "Following this lease, our contracted capacity will be 1.05 GW, of which 410 MW is energised.",
        "With the Agreement, the group's total contracted power will be 620MW, of which 215MW is in "
        "operation.",
    ],
)
def test_power_once_a_concluded_deal_is_counted_is_actual(text: str) -> None:
    assert {f.kind for f in extract_facts(text)} == {"actual"}
    assert {f.metric for f in extract_facts(text)} == {"capacity_contracted", "capacity_deployed"}


@pytest.mark.parametrize(
    "text",
    [
        "Upon completion of the acquisition, our contracted capacity will be 900 MW.",
        "With this lease, our contracted capacity will be 900 MW by 2028.",
        "With the new lease, revenue will be $300 million in 2027.",
    ],
)
def test_a_deal_to_close_a_date_to_come_or_revenue_still_forecasts(text: str) -> None:
    assert {f.kind for f in extract_facts(text)} == {"guidance"}


def test_a_forecast_after_a_counted_deal_is_still_one() -> None:
    facts = extract_facts(
        "Including the new contracts, contracted capacity will be 1.4 GW, and we expect 600 MW to be live by "
        "year-end."
    )
    assert {(f.metric, f.kind) for f in facts} == {
        ("capacity_contracted", "actual"),
        ("capacity_deployed", "guidance"),
    }


# (c) Target wording: "targeted for 2029" after two figures, "is targeted for", "We want to get to",
# "a clear path to".


def test_a_participle_after_two_figures_joined_by_and_is_both_figures() -> None:
    text = (
        "Halden sets out its strategy at its investor day: revenue of US$1.1–1.3 billion and 900 MW of live "
        "capacity targeted for 2029"
    )
    assert ranges(text) == {
        ("revenue", "guidance", 1_100_000_000, 1_300_000_000),
        ("capacity_deployed", "guidance", 900, 900),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Revenue of US$2.0 billion is targeted for 2029.",
        "We want to get to 800 megawatts live by the end of 2028.",
        "We see a clear path to 350 MW live this year.",
    ],
)
def test_target_wording_is_guidance(text: str) -> None:
    assert {f.kind for f in extract_facts(text)} == {"guidance"}


@pytest.mark.parametrize(
    "text",
    [
        # The second figure's own verb: the first stays a result.
        "Revenue was $300 million and 500 MW is scheduled for energization in 2027.",
        "Revenue was $300 million and 500 MW are planned for 2027.",
    ],
)
def test_a_result_beside_a_target_stays_a_result(text: str) -> None:
    assert {f.kind for f in extract_facts(text) if f.metric == "revenue"} == {"actual"}


def test_a_want_already_met_is_no_target() -> None:
    assert {f.kind for f in extract_facts("We reached 500 megawatts live in June, as we wanted to.")} == {
        "actual"
    }


# Cause 2: a made-up example, a rule of thumb per unit of power, a regulator's question about a reporting
# threshold and a reader's sum of what is left to build are none of the company's figures.


@pytest.mark.parametrize(
    "text",
    [
        "For example, a lease for 24 MW handed over in three tranches of 8 MW would be counted in contracted "
        "power at 24 MW on signing.",
        "For instance, a 40 MW lease signed in March would add about $70 million of annual revenue.",
        "As an example, one 50 MW hall would generate about $90 million of revenue a year.",
    ],
)
def test_a_made_up_example_gives_no_fact(text: str) -> None:
    assert ranges(text) == set()


def test_a_real_example_keeps_its_figures() -> None:
    got = ranges("For example, the 120 MW lease we signed with Corvane in March was fully energised in June.")
    assert got == {("capacity_contracted", "actual", 120, 120)}


def test_a_rule_of_thumb_opening_with_each_unit_of_power_gives_no_fact() -> None:
    assert (
        ranges("Each 50 MW of energised capacity brings in roughly US$95 million of annual revenue.") == set()
    )


def test_each_after_a_list_is_each_ones_size() -> None:
    got = ranges("We signed leases for two halls, each 40 MW, with Pellory; revenue was $88 million.")
    assert ("revenue", "actual", 88_000_000, 88_000_000) in got


@pytest.mark.parametrize(
    "text",
    [
        "Please tell us whether any customer other than the customer named on page 41 accounted for 10% or "
        "more of revenue in any period presented.",
        "Explain whether any single customer represented more than 10% of your revenue in fiscal 2025.",
    ],
)
def test_a_question_about_any_customer_over_a_threshold_is_no_share(text: str) -> None:
    assert ranges(text) == set()


def test_a_named_customer_over_the_threshold_is_still_a_share() -> None:
    got = ranges("Kestrel Labs accounted for more than 10% of revenue in fiscal 2025.")
    assert got == {("customer_concentration", "actual", 10, 10)}


@pytest.mark.parametrize(
    "text",
    [
        "So 900MW signed vs ~310 live means ~590MW to build.",
        "With 1.2 GW contracted and 500 MW live, that leaves 700 MW left to build.",
    ],
)
def test_power_still_to_build_is_not_live(text: str) -> None:
    assert not any(f.metric == "capacity_deployed" and f.low in (590, 700) for f in extract_facts(text))


def test_power_signed_to_build_something_stays_contracted() -> None:
    got = ranges("We signed a lease for 300 MW to build out Tessaly's inference cloud.")
    assert got == {("capacity_contracted", "actual", 300, 300)}


# Cause 6: grid connection agreements are no contracted capacity.


@pytest.mark.parametrize(
    "text",
    [
        "The Group also holds grid connection agreements for a further 800MW in Queensland, which are not "
        "included in contracted capacity.",
        "We secured grid connections for 600 MW at two new sites.",
        "Kestrel has grid connection agreements for 900 MW in Victoria.",
    ],
)
def test_grid_connection_agreements_are_no_contracted_capacity(text: str) -> None:
    assert ranges(text) == set()


def test_a_grid_connection_beside_a_lease_leaves_the_lease_alone() -> None:
    got = ranges(
        "Ardley holds a grid connection for its Tamworth site and has 300 MW contracted with Microsoft."
    )
    assert got == {("capacity_contracted", "actual", 300, 300)}


# Cause 5: growth against the prior quarter ("on the prior quarter", "versus the previous quarter") is
# sequential, no year-over-year growth; against the prior corresponding period it is.


@pytest.mark.parametrize(
    ("text", "growth"),
    [
        ("Quarterly revenue of US$31.2 million, up 64% on the pcp and 11% on the prior quarter.", 64),
        ("Revenue rose 12% versus the previous quarter and 60% year over year.", 60),
        ("Revenue grew 9% against the preceding quarter, and 41% on the prior corresponding period.", 41),
    ],
)
def test_growth_on_the_prior_quarter_is_sequential(text: str, growth: float) -> None:
    assert {f.low for f in extract_facts(text) if f.metric == "revenue_growth"} == {growth}


def test_growth_on_the_prior_year_quarter_is_year_over_year() -> None:
    got = ranges("Revenue of $30 million was up 40% compared with the prior-year quarter.")
    assert ("revenue_growth", "actual", 40, 40) in got


# Attribute slips: a headline-style "Placing" is equity; a social-media handle names the party, and a
# value told right before "total contract value" refers back to the deal just named; a customer spoken
# of as "they"; a lender is no party to a customer's deal; "by Dec 31" with no year is the year's end.


def test_a_placing_opening_a_sentence_is_equity() -> None:
    facts = extract_facts("Placing raised gross proceeds of approximately US$118m before expenses.")
    assert [(f.metric, f.instrument) for f in facts] == [("financing", "equity")]


def test_a_handle_names_the_party_and_the_value_after_refers_back() -> None:
    text = (
        "3/ Huge news: we just signed a 180MW deal with @NorvaleLabs for our Tarragona campus. 9 years, "
        "~$3.1B total contract value. Thread below."
    )
    facts = extract_facts(text)
    assert by_value(facts, "capacity_contracted", 180).counterparty == "NorvaleLabs"
    assert by_value(facts, "contract_value", 3_100_000_000).counterparty == "NorvaleLabs"


def test_a_lowercase_handle_is_no_name() -> None:
    facts = extract_facts("We just signed a 180MW deal with @norvale for our Tarragona campus.")
    assert [f.counterparty for f in facts] == [None]


def test_a_customer_spoken_of_as_they() -> None:
    facts = extract_facts(
        "Our largest customer is Kestrel Labs. They were about 41% of revenue in the first half of 2026."
    )
    assert [(f.metric, f.counterparty) for f in facts] == [("customer_concentration", "Kestrel Labs")]


def test_a_lender_named_before_a_customers_power_is_not_its_party() -> None:
    text = (
        "Proceeds will repay the Company's USD 90 million bridge loan from Nordvik Bank ASA, and fund the "
        "construction of the 60MW Rjukan 3 data centre, which is fully contracted to Corvane AI."
    )
    assert by_value(extract_facts(text), "capacity_contracted", 60).counterparty == "Corvane AI"


def test_a_customer_named_with_from_stays_the_party() -> None:
    text = "We signed a 60MW lease with Corvane AI, our second order from Corvane AI this year."
    assert by_value(extract_facts(text), "capacity_contracted", 60).counterparty == "Corvane AI"


def test_by_dec_31_with_no_year_is_the_years_end() -> None:
    text = (
        "4/ The short version for 2026: we're lifting the FY revenue guide to $610-650M (from $580-600M). "
        "Target: 450MW live by Dec 31."
    )
    assert by_value(extract_facts(text), "capacity_deployed", 450).period == "2026-FY"


def test_an_answer_naming_the_customer_before_they() -> None:
    text = (
        "Moderator: Concentration keeps coming up with investors. Where is it now?\n\n"
        "CFO Anika Brandt: Lower than it was. Our largest customer is Kestrel Labs. They were about 44% of "
        "revenue in the first half, down from more than 60% a year ago."
    )
    facts = extract_facts(text)
    assert by_value(facts, "customer_concentration", 44).counterparty == "Kestrel Labs"


def test_an_answer_about_a_group_names_no_customer() -> None:
    text = "Analyst: How concentrated is revenue these days?\n\nCFO: Our top five are around 85%."
    assert [f.counterparty for f in extract_facts(text)] == [None]


def test_a_forecast_after_a_quarter_of_the_forecast_year_is_of_that_year() -> None:
    # The lead forecasts a fiscal year; a quarter of it is then reported; a forecast naming no period
    # after it is still the year's.
    text = (
        "Notice Regarding Revision of Consolidated Earnings Forecasts for the Fiscal Year Ending March 31, "
        "2027\n\n"
        "Hoshino Cloud Co., Ltd. hereby announces that it has revised its consolidated earnings forecasts "
        "for the fiscal year ending March 31, 2027.\n\n"
        "In the first quarter of the fiscal year ending March 31, 2027, net sales rose 31.5% year on year. "
        "As a result, net sales are expected to increase 28.0% year on year."
    )
    facts = extract_facts(text)
    assert by_value(facts, "revenue_growth", 31.5).period == "2027-Q1"
    assert (by_value(facts, "revenue_growth", 28.0).kind, by_value(facts, "revenue_growth", 28.0).period) == (
        "guidance",
        "2027-FY",
    )
