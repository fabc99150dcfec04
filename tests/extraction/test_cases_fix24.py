"""Held-out set 24's causes (tests/extraction/holdout24/REPORT.md), in general form: sums around a
financing that are no money the company raised (cause 2: investors' orders, a market's tally, a use
of the proceeds after "of which"), a noun after the amount that only measures the one before it
(cause 3: "through sales of common stock", "a backlog of … of annualized rent"), the comparison base
of a call and "three and six months … respectively" (periods), a business line's share of revenue
(cause 4), an "About" paragraph's power in a release with none (cause 5), two figures in one sentence
(cause 1: a shared status, a status of the second clause, a power plant, a second source, an agreed
supply), payments over an agreement's term (cause 7), a past result inside an analysts' sentence
(cause 6), commenced leases (cause 8), a campus's size beside a deal, and the counterparty, basis and
instrument slips. Each comes with near misses that must stay as they were.

All companies, people and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts
from tests.extraction.cases import by_value, ranges

# Cause 2: investors' orders for a deal, a market's tally and a use of the proceeds are no money raised.

_NOT_RAISED = [
    "Bankers said orders for the bonds exceeded $7.5 billion at their peak.",
    "Demand for the convertible offering topped $3 billion, a person familiar with the deal said.",
    "The order book for the senior notes reached more than $11 billion.",
    "GPU cloud providers have raised more than $55 billion of private credit according to Pitchley.",
    "Hyperscalers have issued roughly $90 billion of bonds so far in 2026, according to data from Kelbrook.",
]


@pytest.mark.parametrize("text", _NOT_RAISED)
def test_orders_and_market_tallies_are_no_financing(text: str) -> None:
    assert not any(f.metric == "financing" for f in extract_facts(text))


def test_a_use_of_the_proceeds_after_of_which_is_no_second_raise() -> None:
    text = (
        "Net proceeds from the offering were about $1.46 billion, of which $132 million will be used to fund "
        "the capped call transactions."
    )
    assert ranges(text) == {("financing", "actual", 1_460_000_000, 1_460_000_000)}


def test_the_deal_beside_its_order_book_is_still_read() -> None:
    # Near miss: the notes sold are money raised; only the orders for them are not.
    text = (
        "Pelholt Compute sold $2.25 billion of senior secured notes, "
        "and orders for the deal topped $9 billion."
    )
    got = ranges(text)
    assert ("financing", "actual", 2_250_000_000, 2_250_000_000) in got
    assert not any(low == 9_000_000_000 for _, _, low, _ in got)


def test_raised_in_notes_is_still_financing() -> None:
    facts = extract_facts("Quenmark raised $800 million in convertible notes due 2032 during the quarter.")
    assert ranges("Quenmark raised $800 million in convertible notes due 2032 during the quarter.") == {
        ("financing", "actual", 800_000_000, 800_000_000)
    }
    assert facts[0].instrument == "convertible"


def test_a_part_drawn_of_a_facility_is_not_dropped_as_a_use() -> None:
    # Near miss: "of which … was drawn" is a draw, still read; only "used", "applied", "spent" are uses.
    drawn = "Holloway Grid entered into a $600 million term loan, of which $250 million was drawn at closing."
    used = "Holloway Grid entered into a $600 million term loan, of which $250 million was used to repay."
    assert ("financing", "actual", 250_000_000, 250_000_000) in ranges(drawn)
    assert ranges(used) == {("financing", "actual", 600_000_000, 600_000_000)}


# Cause 3: a noun after the amount that measures the figure named before it does not override it.


def test_sales_of_stock_are_money_raised_not_revenue() -> None:
    text = "Torvane also raised $145 million through sales of its Class A common stock under its ATM program."
    facts = extract_facts(text)
    assert ranges(text) == {("financing", "actual", 145_000_000, 145_000_000)}
    assert facts[0].instrument == "equity"


def test_product_sales_are_still_revenue() -> None:
    # Near miss: "sales" with no securities after it is the period's revenue.
    assert ranges("Net sales of $412 million rose 18% from a year earlier.") == {
        ("revenue", "actual", 412_000_000, 412_000_000),
        ("revenue_growth", "actual", 18, 18),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Leases signed but not yet commenced represented a backlog of $640 million of annualized base rent.",
        "The company ended June with a backlog of approximately $640 million in annualized rent.",
        "Remaining performance obligations were $640 million of contracted revenue at quarter end.",
    ],
)
def test_a_backlog_counted_in_rent_is_the_backlog(text: str) -> None:
    assert {m for m, _, low, _ in ranges(text) if low == 640_000_000} == {"backlog"}


# Period: the base every comparison is made against is not the period reported; "three and six
# months ended …, respectively" gives the quarter, then the half.


def test_the_comparison_base_does_not_move_the_reported_quarter() -> None:
    text = (
        "Marlow Turbine Corp.\n"
        "Second Quarter Fiscal 2027 Earnings Conference Call - Prepared Remarks\n"
        "May 12, 2027\n\n"
        "Ines Varga, CFO:\n\n"
        "Thank you. Unless noted, all comparisons are against the second quarter of fiscal 2026.\n\n"
        "Second-quarter revenue was $640 million, up 22%. For the third quarter, we expect revenue of "
        "$660 million to $680 million."
    )
    facts = extract_facts(text)
    assert by_value(facts, "revenue", 640_000_000).period == "2027-Q2"
    assert by_value(facts, "revenue_growth", 22).period == "2027-Q2"
    assert by_value(facts, "revenue", 660_000_000).period == "2027-Q3"


def test_a_stated_earlier_quarter_is_still_its_own_period() -> None:
    # Near miss: a figure of the earlier quarter itself keeps that quarter.
    text = "Revenue in the second quarter of fiscal 2026 was $525 million."
    assert extract_facts(text)[0].period == "2026-Q2"


def test_three_and_six_months_respectively_are_the_quarter_then_the_half() -> None:
    text = (
        "Operating margin was 12.4% and 10.9% for the three and six months ended June 30, 2026, respectively."
    )
    facts = extract_facts(text)
    assert by_value(facts, "operating_margin", 12.4).period == "2026-Q2"
    assert by_value(facts, "operating_margin", 10.9).period == "2026-H1"


def test_a_call_transcripts_title_dates_the_sentence_right_after_it() -> None:
    text = (
        "Fourth Quarter Fiscal 2026 Earnings Conference Call\n"
        "Fourth-quarter revenue was $2.05 billion, up 19%."
    )
    facts = extract_facts(text)
    assert ranges(text) == {
        ("revenue", "actual", 2_050_000_000, 2_050_000_000),
        ("revenue_growth", "actual", 19, 19),
    }
    assert {f.period for f in facts} == {"2026-Q4"}


def test_a_releases_conference_call_section_is_still_skipped() -> None:
    # Near miss: after a release's figures, its "Conference Call" section is boilerplate.
    text = (
        "Sandvale Networks Reports Second Quarter 2026 Results\n\n"
        "Revenue for the second quarter of 2026 was $318 million.\n\n"
        "Second Quarter 2026 Conference Call\n\n"
        "Sandvale will host a call at 5:00 p.m. ET; the replay covers revenue of $318 million and 85% of "
        "the slides."
    )
    assert ranges(text) == {("revenue", "actual", 318_000_000, 318_000_000)}


# Cause 4: a business line's share of revenue is no customer concentration; a customer's still is.


@pytest.mark.parametrize(
    "text",
    [
        "Liquid cooling revenue rose to $188 million, up 44%, and now makes up 37% of the total.",
        "Networking sales were $96 million, up 15%, and represented 22% of total revenue.",
        "Colocation was roughly 55% of revenue in fiscal 2024.",
        "Our hosting business accounted for 61% of revenue.",
    ],
)
def test_a_business_lines_share_is_no_concentration(text: str) -> None:
    assert not any(f.metric == "customer_concentration" for f in extract_facts(text))


@pytest.mark.parametrize(
    "text",
    [
        "Our largest customer was roughly 55% of revenue in the quarter.",
        "Tessaly Labs accounted for 61% of revenue.",
        "Our two largest tenants together represented 48% of total revenue.",
    ],
)
def test_a_customers_share_is_still_concentration(text: str) -> None:
    assert any(f.metric == "customer_concentration" for f in extract_facts(text))


# Cause 5: an "About" paragraph's active and contracted power is the company's capacity when the
# release states none of its own; otherwise, and for its other numbers, it stays boilerplate.

_PRICING = (
    "Larchmont Compute Announces Pricing of $400 Million Senior Notes Offering\n\n"
    "Larchmont Compute, Inc. priced $400 million of 8.25% senior notes due 2031.\n\n"
)


def test_the_about_paragraphs_power_is_read_when_the_release_has_none() -> None:
    text = (
        _PRICING + "About Larchmont Compute\n\n"
        "Larchmont Compute runs GPU clouds in Ohio and Manitoba, with roughly 95 MW of operational power "
        "and 410 MW of contracted power."
    )
    got = ranges(text)
    assert ("capacity_deployed", "actual", 95, 95) in got
    assert ("capacity_contracted", "actual", 410, 410) in got


def test_the_about_paragraphs_power_is_ignored_beside_the_releases_own() -> None:
    # Near miss: the release reported its capacity; the boilerplate's rounder figure is not read.
    text = (
        "Larchmont Compute ended the quarter with 102 MW of active power.\n\n"
        "About Larchmont Compute\n\n"
        "Larchmont Compute runs GPU clouds with roughly 95 MW of active power and 410 MW of contracted power."
    )
    assert ranges(text) == {("capacity_deployed", "actual", 102, 102)}


def test_the_about_paragraphs_other_numbers_stay_boilerplate() -> None:
    # Near miss: a portfolio's power pipeline, revenue and headcount in the About paragraph are no facts.
    text = (
        _PRICING + "About Larchmont Compute\n\n"
        "Larchmont Compute has 1.6 GW of power capacity in its pipeline, generated revenue of $310 million "
        "in 2025 and employs 420 people."
    )
    assert ranges(text) == {("financing", "actual", 400_000_000, 400_000_000)}


# Cause 1: two figures in one sentence: a second object of the same verb shares its status, a status in
# the second figure's own clause is its own, a power plant's size and a second source are no capacity,
# an agreement already made in a relative clause is no forecast, an unnamed party is no earlier party.


def test_a_second_listed_figure_shares_the_first_ones_status() -> None:
    text = (
        "Leasing in the period included a 240 MW lease with Anthropic at the Lockhart campus in Bastrop "
        "County, with a 12-year term, and 85 MW across two sites with an unnamed cloud customer."
    )
    facts = extract_facts(text)
    assert ranges(text) == {
        ("capacity_contracted", "actual", 240, 240),
        ("capacity_contracted", "actual", 85, 85),
    }
    assert by_value(facts, "capacity_contracted", 240).counterparty == "Anthropic"
    assert by_value(facts, "capacity_contracted", 85).counterparty is None


def test_a_second_item_of_another_kind_takes_no_status() -> None:
    # Near miss: a figure "of rooftop solar" after ", and" is generation, not a second object.
    text = (
        "During the quarter the company commissioned a 150 MW data hall at its Pellham Junction campus in "
        "Harlan County, Kentucky, after an eleven-month build, and 20 MW of rooftop solar."
    )
    assert ranges(text) == {("capacity_deployed", "actual", 150, 150)}


def test_the_second_clauses_own_status_wins() -> None:
    text = (
        "Roughly 260 MW of Tarnwick's capacity is operational today, and the company said it expects to "
        "deliver the first 150 MW of the Meta lease in the first half of 2027."
    )
    got = ranges(text)
    assert ("capacity_deployed", "actual", 260, 260) in got
    assert ("capacity_deployed", "guidance", 150, 150) in got
    assert not any(m == "capacity_contracted" for m, _, _, _ in got)


def test_a_power_plant_and_a_utilitys_agreed_supply() -> None:
    text = (
        "That power will come from Brenmoor Electric, which has agreed to supply up to 800 MW to the campus "
        "in stages through 2030, and from a 250 MW gas-fired plant the company is building."
    )
    facts = extract_facts(text)
    assert ranges(text) == {("capacity_contracted", "actual", 800, 800)}
    assert facts[0].counterparty == "Brenmoor Electric"


def test_a_supply_still_to_be_agreed_stays_a_forecast() -> None:
    # Near miss: with no agreement made, the power the utility will supply is still to come.
    text = "Brenmoor Electric will supply up to 800 MW to the campus in stages through 2030."
    assert not any(kind == "actual" for _, kind, _, _ in ranges(text))


def test_a_comparison_after_from_is_still_compared() -> None:
    # Near miss: "from 540 MW" after a figure is its earlier value, as before.
    text = "Contracted capacity rose to 910 MW from 540 MW a year earlier."
    assert ("capacity_contracted", "actual", 910, 910) in ranges(text)


# Cause 7: the payments the agreement's party makes over its term, in a sentence after the one that
# names the agreement, are the contract's value; with no agreement named before, they are not.


def test_payments_over_the_term_after_the_agreement_are_its_value() -> None:
    text = (
        'On March 3, 2027, Pellow Grid Inc. (the "Company") entered into a Capacity Services Agreement (the '
        '"Agreement") with Quill Systems, Inc. ("Quill"). The initial term of the Agreement is eight years. '
        "Total committed payments by Quill over the initial term are expected to be about $5.6 billion."
    )
    facts = extract_facts(text)
    value = by_value(facts, "contract_value", 5_600_000_000)
    assert value.kind == "actual"
    assert value.counterparty == "Quill"


def test_payments_over_a_term_with_no_agreement_named_are_no_value() -> None:
    # Near miss: no agreement with the payer named before.
    assert (
        ranges("Total payments by Quill over the initial term are expected to be about $5.6 billion.")
        == set()
    )


# Cause 6: the company's past result in a relative clause of an analyst's sentence is its own figure;
# the analyst's estimate beside it is not.


def test_a_past_result_in_an_analysts_sentence_is_read() -> None:
    text = (
        "Analysts at Morrow Lane estimated the contract will bring in about $410 million a year in fees, "
        "roughly half of Penwick's revenue, which was $820 million in 2025."
    )
    facts = extract_facts(text)
    assert ranges(text) == {("revenue", "actual", 820_000_000, 820_000_000)}
    assert facts[0].period == "2025-FY"


def test_an_analysts_estimate_stays_out() -> None:
    # Near miss: the analysts' own figure, no past result.
    text = "Analysts at Morrow Lane estimate Penwick's revenue will reach $1.1 billion next year."
    assert ranges(text) == set()


# Cause 8: leases that commenced are capacity delivered, not signed.


@pytest.mark.parametrize(
    "text",
    [
        "Commenced leases totaled 42 MW in the third quarter.",
        "Lease commencements of 42 MW were the highest in the company's history.",
    ],
)
def test_commenced_leases_are_deployed(text: str) -> None:
    assert ranges(text) == {("capacity_deployed", "actual", 42, 42)}


def test_leases_not_yet_commenced_are_still_signed() -> None:
    # Near miss: "signed but not yet commenced" is capacity contracted, not delivered.
    assert ranges("Signed-but-not-commenced leases totaled 42 MW at quarter end.") == {
        ("capacity_contracted", "actual", 42, 42)
    }


# Latent: a campus's size named beside a lease the sentence then calls a deal is no capacity; the
# customer as the subject of a reported signing is the counterparty.


def test_a_campus_size_before_a_named_deal_is_no_capacity() -> None:
    text = (
        "Bellhaven Data said Tuesday that Anthropic has signed a 12-year lease for 320 megawatts at its "
        "900-megawatt campus near Abilene, Texas, in a deal the company valued at about $7.2 billion."
    )
    facts = extract_facts(text)
    assert ranges(text) == {
        ("capacity_contracted", "actual", 320, 320),
        ("contract_value", "actual", 7_200_000_000, 7_200_000_000),
    }
    assert {f.counterparty for f in facts} == {"Anthropic"}


def test_a_campus_leased_whole_is_still_contracted() -> None:
    # Near miss: the site's own predicate still gives its status.
    assert ranges("The 240 MW Dunmore campus is fully leased to Oracle.") == {
        ("capacity_contracted", "actual", 240, 240)
    }


# Basis and instrument: GAAP spelled out; "the offering" after the initial public offering it refers to.


def test_gaap_spelled_out_is_gaap() -> None:
    text = (
        "Adjusted operating margin was 18.2%, while operating margin under generally accepted accounting "
        "principles was 14.7%."
    )
    facts = extract_facts(text)
    assert by_value(facts, "operating_margin", 18.2).basis == "non_gaap"
    assert by_value(facts, "operating_margin", 14.7).basis == "gaap"


def test_the_offering_after_an_ipo_is_the_ipo() -> None:
    text = (
        "Quarrow AI today announced the pricing of its initial public offering of 30,000,000 shares "
        "of Class A common stock at $19.00 per share. Quarrow expects gross proceeds from the "
        "offering of approximately $570 million."
    )
    assert extract_facts(text)[0].instrument == "ipo"


def test_the_offering_after_a_notes_offering_is_no_ipo() -> None:
    # Near miss: an offering of notes named before stays the notes.
    text = (
        "Quarrow AI priced $700 million of 7.5% senior notes due 2031. Net proceeds from the offering are "
        "expected to be approximately $690 million."
    )
    assert all(f.instrument != "ipo" for f in extract_facts(text))


# Counterparty: a party named as a deal's modifier, in a relative clause, as the subject of a linking
# verb, and an agent listed after "party thereto,".


def test_a_party_named_as_the_deals_modifier() -> None:
    text = "The Anthropic contract is worth roughly $2.3 billion over five years, and it covers two campuses."
    assert extract_facts(text)[0].counterparty == "Anthropic"


def test_an_agreements_own_title_is_no_party() -> None:
    # Near miss: "the Master Services Agreement" names no party.
    text = "The Master Services Agreement is worth roughly $2.3 billion over five years."
    assert extract_facts(text)[0].counterparty is None


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Tessel's biggest customer, which people familiar with the matter identify as Nvidia, "
            "accounted for 38% of revenue.",
            "Nvidia",
        ),
        (
            "Oracle remained Quandry's largest customer and accounted for 27% of revenue in the quarter.",
            "Oracle",
        ),
    ],
)
def test_a_customer_named_in_a_relative_clause_or_as_subject(text: str, party: str) -> None:
    facts = extract_facts(text)
    assert [f.metric for f in facts] == ["customer_concentration"]
    assert facts[0].counterparty == party


def test_an_unnamed_largest_customer_stays_unnamed() -> None:
    # Near miss: a relative clause that names no one.
    text = "Our largest customer, which we do not name, accounted for 27% of revenue."
    assert extract_facts(text)[0].counterparty is None


def test_the_agent_listed_after_party_thereto() -> None:
    text = (
        "On May 1, 2026, Orrel Funding LLC entered into a Credit Agreement with the lenders from time "
        "to time party thereto, Kessock Bank, N.A., as administrative agent, and Dunmore Securities, "
        "as lead arranger, providing for a term loan facility of up to $900,000,000."
    )
    assert extract_facts(text)[0].counterparty == "Kessock Bank"
