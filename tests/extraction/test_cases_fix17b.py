"""Held-out set 17's reading and period causes, in general form (tests/extraction/holdout17/REPORT.md).

- Periods: an undated quarter takes the document's own year, never a later target year ("by the end
  of 2028", "in the second half of 2028"); an issuer's own fiscal label ("1H FY2026", "FY2026 (fiscal
  year ending March 31, 2027)") is the period; a growth's comparison period ("up 12 % on H1 2025")
  does not date it; "by YE2027" is a year-end.

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


def periods(text: str) -> dict[tuple[str, float], str | None]:
    return {(f.metric, f.low): f.period for f in extract_facts(text)}


# --- Period (a): an undated quarter takes the document's year, not a later target year ---------------


def test_undated_quarter_takes_the_documents_date_not_a_later_target() -> None:
    text = (
        "Northgate Technology Summit\nFireside chat: Orrin Compute Corp.\nMarch 4, 2026\n\n"
        "Orrin CFO: Fourth quarter revenue was $210 million, up 40% from a year ago. "
        "We guided the full year to $1.1 billion to $1.2 billion of revenue. "
        "We expect to reach 900 megawatts energized by the end of 2028.\n\n"
        "Moderator: Thanks. How concentrated is the book?\n\n"
        "Orrin CFO: Our largest customer was 44% of revenue in the fourth quarter."
    )
    got = periods(text)
    assert got[("revenue", 210_000_000)] == "2026-Q4"
    assert got[("customer_concentration", 44)] == "2026-Q4"
    assert got[("revenue", 1_100_000_000)] == "2026-FY"
    assert got[("capacity_deployed", 900)] == "2028-FY"


def test_a_future_half_in_a_dated_story_does_not_date_the_reported_quarter() -> None:
    text = (
        "Posted Feb. 2, 2026\n\nSelbrook Cloud shares rise 9% on new lease\n\n"
        "Selbrook said it expects to bring 150 MW online in the second half of 2027. "
        "Its largest customer accounted for 52% of third-quarter revenue of $96 million."
    )
    got = periods(text)
    assert got[("revenue", 96_000_000)] == "2026-Q3"
    assert got[("customer_concentration", 52)] == "2026-Q3"


def test_a_fiscal_year_after_the_date_still_dates_the_report() -> None:
    # Near-miss: "fiscal 2027" reported in 2026 (a year ending in January) is the report's year.
    text = (
        "August 26, 2026 -- Pellam Systems reported results for the second quarter of fiscal 2027. "
        "Second quarter revenue was $1.4 billion."
    )
    assert periods(text)[("revenue", 1_400_000_000)] == "2027-Q2"
    # And a past year named first still dates the results as before.
    text = "Released March 2, 2027.\n\nFor 2026, Dunmere Data reported revenue of $820 million."
    assert periods(text)[("revenue", 820_000_000)] == "2026-FY"


def test_an_older_date_at_the_top_does_not_push_the_reported_year_aside() -> None:
    # Near-misses: a base prospectus's date, and an older date over a past-tense report of a later year.
    text = (
        "(To Prospectus dated March 3, 2025)\n\nOrrin Cloud, Inc.\n\nRevenue for Q3 2026 was $402 million. "
        "Second quarter revenue was $300 million."
    )
    assert periods(text)[("revenue", 300_000_000)] == "2026-Q2"
    text = (
        "Fact sheet first issued March 3, 2025\n\nRevenue in Q3 2026 was $402 million. Second quarter "
        "revenue was $300 million."
    )
    assert periods(text)[("revenue", 300_000_000)] == "2026-Q2"


# --- Period (b)-(d): fiscal labels, comparison periods, "YE" ------------------------------------------


def test_japanese_style_fiscal_labels_follow_the_issuers_label() -> None:
    text = (
        "November 10, 2026\nKurogane Data Holdings, Inc.\n\n"
        "Consolidated Results for the First Half of the Fiscal Year Ending March 31, 2027 (1H FY2026)\n\n"
        "1. Overview of 1H FY2026\n\n"
        "Net sales were US$410 million, an increase of 22.5% compared with 1H FY2025. "
        "The operating margin was 11.2%.\n\n"
        "2. Forecast for FY2026 (fiscal year ending March 31, 2027)\n\n"
        "The Company raised its net sales forecast for FY2026 to US$900 million. "
        "The operating income forecast is raised, for an operating margin of 12.0%."
    )
    got = periods(text)
    assert got[("revenue", 410_000_000)] == "2026-H1"
    assert got[("revenue_growth", 22.5)] == "2026-H1"
    assert got[("operating_margin", 11.2)] == "2026-H1"
    assert got[("revenue", 900_000_000)] == "2026-FY"
    assert got[("operating_margin", 12)] == "2026-FY"


def test_an_unlabelled_fiscal_year_end_still_names_its_year() -> None:
    # Near-miss: with no label of its own, a fiscal year ending March 31, 2027 is fiscal 2027.
    text = "Revenue for the fiscal year ending March 31, 2027 is expected to be $500 million."
    assert periods(text)[("revenue", 500_000_000)] == "2027-FY"
    assert periods("Revenue for 2Q FY26 was $120 million.")[("revenue", 120_000_000)] == "2026-Q2"


def test_a_growth_is_dated_by_its_own_period_not_the_one_it_is_measured_on() -> None:
    text = "H1 2026 results. Revenue US$88.0 mn, up 31 % on H1 2025."
    got = periods(text)
    assert got[("revenue_growth", 31)] == "2026-H1"
    text = "Revenue for the first half of 2026 rose 18 per cent on the first half of 2025 to US$300 million."
    assert periods(text)[("revenue_growth", 18)] == "2026-H1"
    # Near-miss: "on" not after a change keeps its period ("on H1 2026 volumes").
    text = "Revenue was US$77 mn on H1 2026 shipments."
    assert periods(text)[("revenue", 77_000_000)] == "2026-H1"


def test_by_ye_is_a_year_end() -> None:
    got = periods("Target: 1.5 GW energized by YE2028")
    assert got[("capacity_deployed", 1500)] == "2028-FY"
    assert values("Target: 1.5 GW energized by YE 2028") == {("capacity_deployed", "guidance", 1500)}


# --- Cause 4: preliminary results of a period already over, worded "is expected to be" -------------


def test_preliminary_estimates_of_an_ended_quarter_are_results() -> None:
    text = (
        "Recent Developments\n\n"
        "Preliminary Unaudited Results for the Quarter Ended June 30, 2026\n\n"
        "Our results for the quarter are not yet final. "
        "Revenue is expected to be between $121 million and $127 million. "
        "Adjusted gross margin is expected to be approximately 44%. "
        "For the full year 2026, we continue to expect revenue of $510 million to $530 million. "
        "Looking ahead, we expect gross margin of about 46%.\n"
    )
    got = values(text)
    assert ("revenue", "actual", 121_000_000) in got
    assert ("gross_margin", "actual", 44) in got
    assert ("revenue", "guidance", 510_000_000) in got
    assert ("gross_margin", "guidance", 46) in got
    text = (
        "Kestrin expects revenue for the three months ended March 31, 2026 to be between $50 million "
        "and $52 million."
    )
    assert values(text) == {("revenue", "actual", 50_000_000)}


def test_a_quarter_still_to_end_or_no_preliminary_heading_stays_guidance() -> None:
    text = (
        "Revenue for the quarter ending December 31, 2026 is expected to be between $60 million and "
        "$64 million."
    )
    assert values(text) == {("revenue", "guidance", 60_000_000)}
    text = (
        "Fourth Quarter 2026 Outlook\n\n"
        "Revenue is expected to be between $402 million and $418 million. "
        "Compared with $236 million for the three months ended December 31, 2025, that is growth of 70%."
    )
    assert ("revenue", "guidance", 402_000_000) in values(text)


# --- Cause 6: a forecast restated with "we said", a raise's purpose "will use the money to" -------


def test_a_forecast_restated_with_we_said_is_guidance() -> None:
    text = (
        "May 20, 2026\n\nTolland CFO: Second quarter revenue was $210 million. For the third quarter we "
        "said revenue of $230 million to $240 million. We've said 41% to 43% gross margin for the year."
    )
    got = values(text)
    assert ("revenue", "actual", 210_000_000) in got
    assert ("revenue", "guidance", 230_000_000) in got
    assert ("gross_margin", "guidance", 41) in got
    # Near-misses: what was said of the quarter being reported is a result.
    text = (
        "May 20, 2026\n\nTolland CFO: Second quarter revenue was $210 million. As we said, gross margin "
        "was 39% in the second quarter. I told investors revenue reached $210 million this quarter."
    )
    assert values(text) == {("revenue", "actual", 210_000_000), ("gross_margin", "actual", 39)}


def test_a_raise_spent_to_bring_capacity_online_is_a_forecast() -> None:
    text = (
        "Brandt AI closed a $300 million Series B and says it will use the proceeds to bring 90 MW online "
        "across two sites by the end of 2027."
    )
    assert ("capacity_deployed", "guidance", 90) in values(text)
    # Near-miss: capacity the money already brought online is a result.
    text = "Brandt AI used the proceeds of its Series A to bring 40 MW online in 2025."
    assert ("capacity_deployed", "actual", 40) in values(text)


# --- Cause 7: someone else's figure: a fund's weight, a writer's bet, a market's total ----------------


def test_a_funds_weight_in_a_holding_is_no_customer_share() -> None:
    assert values("Varrow Digital remains our largest long, at 7.2% of NAV at quarter-end.") == set()
    assert values("Our second-largest position, Teller Compute, is 4.1% of the portfolio.") == set()
    assert values("Corlin is our biggest short at 3% of gross exposure.") == set()
    # Near-misses: a customer's share of revenue, even beside a position word.
    text = "Our largest customer, which holds a large position in AI, was 46% of revenue."
    assert values(text) == {("customer_concentration", "actual", 46)}
    assert values("Our top tenant was 30% of revenue.") == {("customer_concentration", "actual", 30)}


def test_a_writers_bet_is_no_fact() -> None:
    assert values("My bet: Harlow crosses 2 GW contracted by next spring.") == set()
    assert values("I bet Orlen hits 500 MW energized by June.") == set()
    assert values("My guess is gross margin was 40% in the quarter.") == set()
    # Near-miss: the writer's reading of a reported deal keeps the deal.
    text = "My read: the raise is mostly the new 180 MW lease with Anthropic."
    assert values(text) == {("capacity_contracted", "actual", 180)}


def test_a_markets_total_is_no_financing() -> None:
    text = (
        "Private-credit funds provided an estimated $41 billion of such loans in 2026, according to data "
        "provider DebtWire."
    )
    assert values(text) == set()
    assert values("Banks have lent a record $12 billion to data-center builders this year.") == set()
    assert values("Developers raised an estimated $20 billion in 2025.") == set()
    assert values("Insurers bought $3 billion of similar notes last quarter.") == set()
    # Near-misses: one company's deal, even with a class of lenders or a data source.
    text = "Existing lenders provided $200 million of incremental term loans to Orrin Cloud."
    assert values(text) == {("financing", "actual", 200_000_000)}
    got = values("Lenders provided a $2 billion loan to Orrin Cloud.")
    assert got == {("financing", "actual", 2_000_000_000)}
    got = values("Orrin Cloud raised $300 million in a Series B, according to data provider PitchBook.")
    assert got == {("financing", "actual", 300_000_000)}


# --- Cause 8: a contract's value over its term written first; a deposit ------------------------------


def test_revenue_over_an_agreements_term_written_first_is_contract_value() -> None:
    text = (
        "Over the 15-year term, the agreement is expected to represent about $4.5 billion in revenue to "
        "Granite Valley Power."
    )
    assert values(text) == {("contract_value", "actual", 4_500_000_000)}
    text = "Over its initial term, the lease is expected to generate $900 million of revenue for Orrin."
    assert values(text) == {("contract_value", "actual", 900_000_000)}
    # Near-miss: a year's revenue, no term and no agreement, stays revenue.
    text = "Over the full year, revenue is expected to be about $4.5 billion."
    assert values(text) == {("revenue", "guidance", 4_500_000_000)}


def test_a_deposit_is_no_fact() -> None:
    text = (
        "The agreement is valued at $2 billion, and Tarrow will post a $90 million security deposit with "
        "the utility."
    )
    assert values(text) == {("contract_value", "actual", 2_000_000_000)}
    assert values("Revenue was $210 million, and customer deposits were $40 million.") == {
        ("revenue", "actual", 210_000_000)
    }


# --- Cause 9: a plan raised is no money raised ---------------------------------------------------------


def test_a_raised_capital_plan_is_no_financing() -> None:
    assert values("We have raised our five-year capital plan to $9.8 billion from $8.1 billion.") == set()
    assert values("Orrin raised its 2027 capex budget by $400 million.") == set()
    # Near-misses: money raised, an upsized offering, an enlarged facility.
    assert values("Orrin raised $500 million in a Series C.") == {("financing", "actual", 500_000_000)}
    assert values("Orrin raised the size of the offering to $500 million.") == {
        ("financing", "actual", 500_000_000)
    }
    assert values("Orrin raised $400 million to fund its capital plan.") == {
        ("financing", "actual", 400_000_000)
    }


# --- Cause 10: a figure withdrawn or denied in its own sentence -----------------------------------------


def test_a_corrections_withdrawn_figure_is_no_fact() -> None:
    text = (
        "Correction: An earlier version of this story misstated the capacity covered by the lease as "
        "300 megawatts. The lease covers 350 megawatts."
    )
    assert values(text) == {("capacity_contracted", "actual", 350)}
    text = "An earlier version incorrectly said the contract was worth $2 billion; it is worth $2.4 billion."
    assert values(text) == {("contract_value", "actual", 2_400_000_000)}
    # Near-miss: "wrongly" of something else keeps the figure.
    text = "Orrin said it had been wrongly accused of overstating revenue, which was $90 million."
    assert values(text) == {("revenue", "actual", 90_000_000)}


def test_a_contract_word_the_clause_denies_signs_nothing() -> None:
    text = (
        "Orrin's planned campuses total about 2.2 GW, including sites that do not yet have a power agreement."
    )
    assert values(text) == set()
    assert values("The 300 MW campus has no lease yet.") == set()
    text = "Orrin's pipeline of 800 MW is made up of projects that have yet to sign a customer contract."
    assert values(text) == set()
    # Near-miss: a contract signed with no option attached is still signed.
    assert values("Orrin signed a lease for 200 MW with no termination option.") == {
        ("capacity_contracted", "actual", 200)
    }


# --- Cause 12: sustainability figures: renewable generation bought, an intensity's denominator -------


def test_renewable_generation_and_intensity_denominators_are_no_facts() -> None:
    text = (
        "We signed two wind PPAs totaling 220 MW this year, bringing our contracted renewable generation "
        "to 640 MW."
    )
    assert values(text) == set()
    assert values("Our renewable energy supply reached 300 MW.") == set()
    assert values("Emissions intensity fell to 18 tonnes CO2e per US$1 million of revenue.") == set()
    assert values("Water use was 2.1 liters for every $1 of revenue.") == set()
    # Near-misses: a campus's own capacity beside renewable power, and a revenue figure beside a ratio.
    text = "Orrin secured renewable power for its 300 MW campus, which is fully leased."
    assert values(text) == {("capacity_contracted", "actual", 300)}
    text = "Revenue was $2 billion; we emitted 3 kg per $1,000 of revenue."
    assert values(text) == {("revenue", "actual", 2_000_000_000)}


# --- Basis and counterparty --------------------------------------------------------------------------


def test_a_reported_margin_beside_an_adjusted_one_is_gaap() -> None:
    facts = extract_facts("Adjusted operating margin 18.2 %; reported operating margin 11.9 %.")
    assert {(f.low, f.basis) for f in facts} == {(18.2, "non_gaap"), (11.9, "gaap")}
    # Near-miss: "reported" as the verb with no adjusted figure beside it says no basis.
    assert {f.basis for f in extract_facts("Orrin reported gross margin of 40%.")} == {None}


def test_a_utilitys_firm_power_contracted_to_a_developer_is_the_developers() -> None:
    text = (
        "COLUMBUS, Ohio, May 4, 2026 -- Ridgeway Electric Company (NYSE: RWEC) today announced a 15-year "
        "agreement with Kestrel Data Centers to supply up to 400 MW of firm power to Kestrel's New Albany "
        "campus."
    )
    facts = [f for f in extract_facts(text) if f.metric == "capacity_contracted"]
    assert [(f.low, f.company, f.counterparty) for f in facts] == [
        (400, "Kestrel Data Centers", "Ridgeway Electric Company")
    ]
    # Near-miss: a GPU cloud supplying computing capacity keeps its customer as the counterparty.
    text = (
        "SEATTLE, May 4, 2026 -- Velmora Cloud Inc. signed a five-year agreement to supply Anthropic "
        "with 300 MW of computing capacity."
    )
    facts = [f for f in extract_facts(text) if f.metric == "capacity_contracted"]
    assert [(f.low, f.counterparty) for f in facts] == [(300, "Anthropic")]


def test_numbered_list_items_stay_items_of_their_section() -> None:
    # Near-miss of the numbered section title ("2. Forecast for FY2026"): items that sit together.
    text = (
        "Fiscal 2027 Outlook\n\n1. Revenue of $1.2 billion to $1.3 billion\n"
        "2. Adjusted gross margin of 40% to 42%\n"
    )
    assert values(text) == {("revenue", "guidance", 1_200_000_000), ("gross_margin", "guidance", 40)}
