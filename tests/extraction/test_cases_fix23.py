"""Held-out set 23's causes 1 to 5 and its attribute slips (tests/extraction/holdout23/REPORT.md), in
general form: the company's reported figure inside an analysts' sentence, analysts referred back to by
"they" or an attribution tail, a purpose clause after a facility's size, equity bought around "common
stock", a buyback beside a financing, capacity under construction named as the object of "energize",
the estimated net proceeds of a priced deal, collateral written where a lender could be, an agent "for
which" the lenders act, a lead's forecast quarter carried onto later results, an at-the-market
program in a title-case headline, and one figure printed at two roundings (cause 5).

All companies, people and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts
from rules.facts import Fact


def ranges(text: str) -> set[tuple[str, str, float, float]]:
    return {(f.metric, f.kind, round(f.low, 4), round(f.high, 4)) for f in extract_facts(text)}


def only(text: str, metric: str) -> Fact:
    facts = [f for f in extract_facts(text) if f.metric == metric]
    assert len(facts) == 1, facts
    return facts[0]


# Cause 1a: an analysts' sentence may set their forecast against the company's own reported figure;
# the figure the company reported is its fact, the analysts' forecast is not.

_REPORTED_INSIDE = [
    (
        "Analysts at Greyfield Partners estimate the agreement could add about $900 million a year to "
        "Halcyra's sales, compared with the $640 million in revenue the company reported for 2025.",
        640_000_000,
        "2025-FY",
    ),
    (
        "Analysts at Tamsin & Co. expect the lease to lift Corvell's annual revenue to roughly $2.1 billion "
        "by 2028, from the $870 million it reported for fiscal 2025.",
        870_000_000,
        "2025-FY",
    ),
    (
        "Analysts at Ketch Research reckon the deal could bring in $450 million a year, against the $1.3 "
        "billion of revenue that Marrowind posted in 2025.",
        1_300_000_000,
        "2025-FY",
    ),
]


@pytest.mark.parametrize(("text", "revenue", "period"), _REPORTED_INSIDE)
def test_the_companys_reported_figure_in_an_analysts_sentence_is_kept(
    text: str, revenue: float, period: str
) -> None:
    assert ranges(text) == {("revenue", "actual", revenue, revenue)}
    assert only(text, "revenue").period == period


@pytest.mark.parametrize(
    "text",
    [
        "Analysts at Greyfield Partners estimate the agreement could add about $900 million a year to "
        "Halcyra's sales.",
        "Analysts had expected revenue of $3.9 billion, compared with the $3.5 billion they forecast a "
        "quarter ago.",
        "Analysts at Morrow Securities see 2027 revenue of $2.2 billion, above the $2.0 billion consensus "
        "reported by LSEG.",
    ],
)
def test_the_analysts_own_figures_stay_out(text: str) -> None:
    assert ranges(text) == set()


# Cause 1b: analysts named in one sentence and referred back to in the next by "they", "she" or an
# attribution tail ("…, they wrote."): their forecast is no company guidance. A result they restate
# stays the company's, and "they" after no analyst is whoever the sentence before named.

_ANALYSTS_BACK = [
    "Analysts at Orwell Capital raised their price targets on Fenmark after the call. Vellix is likely to "
    "account for about 40% of Fenmark's revenue by 2028, they wrote.",
    "Analysts at Orwell Capital raised their price targets on Fenmark after the call. Gross margin should "
    "recover to 38% next year, they wrote in a note to clients.",
    "Analysts at Orwell Capital raised their price targets. They expect gross margin of 31% for the full "
    "year.",
    "Priya Sandhu, an analyst at Coldharbour, kept her rating. In a note, she wrote that Fenmark's "
    "operating margin should reach 12% in 2027.",
    "Dunmore is set to account for about a third of Fenmark's revenue by 2028, the analysts wrote.",
]


@pytest.mark.parametrize("text", _ANALYSTS_BACK)
def test_analysts_referred_back_to_give_no_fact(text: str) -> None:
    assert ranges(text) == set()


def test_a_result_the_analysts_restate_stays() -> None:
    got = ranges(
        "Analysts at Orwell Capital were upbeat. Revenue rose 44% to $1.2 billion in 2025, they noted."
    )
    assert got == {
        ("revenue_growth", "actual", 44, 44),
        ("revenue", "actual", 1_200_000_000, 1_200_000_000),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Analysts at Orwell Capital raised their price targets. Fenmark said it expects gross margin of 31% "
        "for the full year.",
        "Fenmark's executives were upbeat on the call. They expect gross margin of 31% for the full year.",
    ],
)
def test_the_companys_forecast_after_analysts_stays(text: str) -> None:
    assert ranges(text) == {("gross_margin", "guidance", 31, 31)}


def test_a_share_still_to_come_is_guidance() -> None:
    got = ranges("Vellix is likely to account for about 40% of Fenmark's revenue by 2028.")
    assert got == {("customer_concentration", "guidance", 40, 40)}


# Cause 2: a purpose clause after a facility's size ("… to $1.8 billion to finance inventory") names no
# figure's noun; equity bought around "common stock" is money raised; a buyback is never financing.

_PURPOSE_AFTER = [
    (
        "Calloway Data also said it had expanded its revolving credit facility to $1.8 billion to finance "
        "inventory for its server builds.",
        1_800_000_000,
        "credit_facility",
    ),
    (
        "Brenlow enlarged its term loan to $600 million to cover capital expenditures at its Odessa site.",
        600_000_000,
        "loan",
    ),
]


@pytest.mark.parametrize(("text", "amount", "instrument"), _PURPOSE_AFTER)
def test_a_purpose_clause_after_a_facility_keeps_it(text: str, amount: float, instrument: str) -> None:
    assert ranges(text) == {("financing", "actual", amount, amount)}
    assert only(text, "financing").instrument == instrument


def test_a_buyback_beside_a_facility_is_no_financing() -> None:
    got = ranges(
        "Calloway Data increased its revolving credit facility to $1.8 billion, and bought back $90 million "
        "of its stock in the quarter."
    )
    assert got == {("financing", "actual", 1_800_000_000, 1_800_000_000)}


_EQUITY_BOUGHT = [
    "Glenmoor will invest $300 million in Tarrow Compute common stock at $41.50 a share.",
    "Glenmoor agreed to purchase $300 million of Tarrow Compute common stock.",
    "Tarrow Compute sold $300 million of common stock to Glenmoor.",
    "Tarrow Compute will issue $300 million of its class A shares to Glenmoor.",
]


@pytest.mark.parametrize("text", _EQUITY_BOUGHT)
def test_equity_bought_from_the_company_is_money_raised(text: str) -> None:
    assert ranges(text) == {("financing", "actual", 300_000_000, 300_000_000)}
    fact = only(text, "financing")
    assert fact.instrument == "equity"
    assert fact.counterparty == "Glenmoor"


@pytest.mark.parametrize(
    "text",
    [
        "Calloway Data repurchased $90 million of its common stock during the quarter.",
        "Glenmoor bought $300 million of Tarrow Compute stock in the open market last year.",
        "Tarrow Compute (NASDAQ: TRRW) will invest $300 million in Glenmoor common stock.",
        "Tarrow Compute (NASDAQ: TRRW) agreed to purchase $300 million of Glenmoor common stock.",
    ],
)
def test_a_buyback_or_the_companys_own_purchase_is_no_money_raised(text: str) -> None:
    assert "financing" not in {f.metric for f in extract_facts(text)}


# Cause 3: capacity named as the object of "energize" and as what the company has under construction is
# capacity still being built.


@pytest.mark.parametrize(
    "text",
    [
        "The new notes give us the money to energize the 260 MW we have under construction in Ohio.",
        "This raise lets Kestrel energize the 140 MW it has under construction at Pecos.",
    ],
)
def test_capacity_under_construction_to_energize_is_not_deployed(text: str) -> None:
    assert ranges(text) == set()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("We plan to energize 260 MW next year.", {("capacity_deployed", "guidance", 260, 260)}),
        (
            "Kestrel energized 260 MW during the quarter and has a further 140 MW under construction.",
            {("capacity_deployed", "actual", 260, 260)},
        ),
        (
            "We energized the 260 MW that we had under construction at the start of the year.",
            {("capacity_deployed", "actual", 260, 260)},
        ),
    ],
)
def test_energized_capacity_stays(text: str, want: set[tuple[str, str, float, float]]) -> None:
    assert ranges(text) == want


def test_a_part_of_the_capacity_under_construction_keeps_its_own_status() -> None:
    got = ranges(
        "All of the energized capacity, and 180 MW of the capacity under construction, is leased to two "
        "tenants: Vantor, which has 120 MW, and a hyperscaler."
    )
    assert ("capacity_contracted", "actual", 180, 180) in got


# Cause 4: the estimated net proceeds of a deal already priced are money raised, not a forecast.


def test_estimated_net_proceeds_of_a_priced_deal_are_actual() -> None:
    got = ranges(
        "Tallis Grid today announced the pricing of $900 million aggregate principal amount of 1.25% "
        "convertible senior notes due 2031. Tallis Grid estimates that the net proceeds from the offering "
        "will be approximately $877 million."
    )
    assert got == {
        ("financing", "actual", 900_000_000, 900_000_000),
        ("financing", "actual", 877_000_000, 877_000_000),
    }


def test_estimated_net_proceeds_of_a_proposed_deal_stay_guidance() -> None:
    got = ranges(
        "Tallis Grid intends to offer $900 million of convertible senior notes. Tallis Grid estimates that "
        "the net proceeds from the proposed offering will be approximately $877 million."
    )
    assert ("financing", "guidance", 877_000_000, 877_000_000) in got


# Attributes: the arrangers are the lenders, not the collateral written "backed by" before them; an
# agent "for which" the lenders act; a lead's forecast quarter is not the quarter of the results after
# it; an at-the-market program in a title-case headline is equity.


def test_arrangers_are_the_lender_not_the_collateral() -> None:
    fact = only(
        "Kestrel will fund the campus with a $1.2 billion delayed-draw term loan backed by the Vireo GPUs it "
        "plans to deploy, arranged by Pellham Bank.",
        "financing",
    )
    assert fact.counterparty == "Pellham Bank"


def test_a_backer_that_is_a_lender_stays() -> None:
    fact = only("Kestrel closed a $400 million term loan backed by Halsey Capital.", "financing")
    assert fact.counterparty == "Halsey Capital"


def test_an_agent_for_which_the_lenders_act() -> None:
    fact = only(
        "In May, the company entered into a $900 million term loan facility with a group of lenders for "
        "which Brightwater National Bank serves as administrative agent.",
        "financing",
    )
    assert fact.counterparty == "Brightwater National Bank"


_LEAD_FORECAST_THEN_RESULTS = (
    "Shares of Dravik Systems rose 6% in late trading after the company forecast second-quarter revenue "
    "above estimates.\n\n"
    "Dravik's revenue grew 40% to $2.1 billion in the first quarter of fiscal 2027, ended April 30.\n\n"
    "Adjusted gross margin widened to 14.2% from 12.9% a year earlier.\n\n"
    "The company expects second-quarter revenue of $2.3 billion to $2.5 billion. It said it expects an "
    "adjusted gross margin of about 13% for the quarter."
)


def test_a_leads_forecast_quarter_does_not_date_later_results() -> None:
    facts = extract_facts(_LEAD_FORECAST_THEN_RESULTS)
    periods = {(f.metric, f.kind, f.low): f.period for f in facts}
    assert periods[("gross_margin", "actual", 14.2)] == "2027-Q1"
    assert periods[("revenue", "actual", 2_100_000_000)] == "2027-Q1"
    assert periods[("revenue", "guidance", 2_300_000_000)] == "2027-Q2"
    # "for the quarter" after the forecast quarter the paragraph named is that quarter.
    assert periods[("gross_margin", "guidance", 13)] == "2027-Q2"


def test_a_forecast_quarter_still_dates_the_forecasts_after_it() -> None:
    facts = extract_facts(
        "Corvane expects fourth-quarter 2026 revenue of $400 million to $420 million.\n\n"
        "It expects gross margin of about 30%."
    )
    assert {f.period for f in facts} == {"2026-Q4"}


def test_results_after_a_forecast_lead_take_their_own_quarter() -> None:
    facts = extract_facts(
        "Corvane expects fourth-quarter revenue of $400 million to $420 million.\n\n"
        "Revenue for the third quarter of 2026 was $380 million.\n\n"
        "Gross margin was 29%."
    )
    assert only_period(facts, "gross_margin") == "2026-Q3"


def only_period(facts: list[Fact], metric: str) -> str | None:
    found = [f for f in facts if f.metric == metric]
    assert len(found) == 1, found
    return found[0].period


def test_an_at_the_market_program_in_a_headline_is_equity() -> None:
    facts = extract_facts(
        "Pellmore Announces $600 Million Convertible Notes Offering and $250 Million At-The-Market Equity "
        "Program"
    )
    instruments = {f.low: f.instrument for f in facts if f.metric == "financing"}
    assert instruments == {600_000_000: "convertible", 250_000_000: "equity"}


# Cause 5: the same figure in the prose and in a table, at two roundings, is one statement when the
# rounder one is the other rounded to the (three or more) digits it gives; two digits may be another
# figure.


def test_a_figure_rounded_to_its_own_digits_is_the_same_statement() -> None:
    got = ranges(
        "Fiscal 2025 revenue was $1.22 billion, up 31%.\n\n"
        "Revenue for fiscal 2025 was $1,224.0 million, compared with $934.5 million for fiscal 2024."
    )
    assert [g for g in got if g[0] == "revenue" and g[2] > 1e9] == [("revenue", "actual", 1.22e9, 1.22e9)]


def test_a_figure_at_two_digits_stays_apart() -> None:
    got = ranges(
        "Fiscal 2025 revenue was $1.2 billion, up 31%.\n\n"
        "Revenue for fiscal 2025 was $1,249.0 million, compared with $934.5 million for fiscal 2024."
    )
    assert {g[2] for g in got if g[0] == "revenue" and g[2] > 1e9} == {1.2e9, 1.249e9}
