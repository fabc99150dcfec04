"""Held-out set 26's causes (tests/extraction/holdout26/REPORT.md), in general form: power a site is
entitled to or makes for itself (secured grid power, on-site turbines: cause 2), generation a power
company has under contract with data-center customers (cause 6), a forecast's growth base as a
result (cause 3), "down X% from a year earlier" after revenue (cause 4), "The increase of $X, or N%"
after a revenue sentence (cause 5), financing only sought (cause 7), and the attribute slips (a
customer named in "which is" or after the share, a customer as the signing subject and the deal it
signed carried to the next sentence, a sponsor "backed by" beside the lender, "three and nine months
ended …, respectively", a period of a relative clause's event). Causes 1 and 8 ("sales of common
stock", "backlog of … contracts", "X% of sales") are left to the fix24 branch.

All companies, people and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts
from tests.extraction.cases import by_value, ranges

# Cause 2: secured grid power and on-site generation equipment are no capacity signed or running.


@pytest.mark.parametrize(
    "text",
    [
        "Quillon Digital controls 2.2 GW of secured grid power at its five Texas campuses.",
        "The miner has 900 MW of secured power across its portfolio, the filing shows.",
        "Until transmission is ready, Farrowgate has installed 250 MW of on-site natural gas turbines.",
        "Palisade Compute operates 120 MW of backup diesel generators at the Ridgeway campus.",
    ],
)
def test_site_power_entitlements_and_generation_equipment_are_no_capacity(text: str) -> None:
    assert not any(f.unit == "mw" for f in extract_facts(text))


def test_capacity_beside_secured_grid_power_is_still_read() -> None:
    text = (
        "At June 30, 2026, Quillon had 210 MW energized for AI tenants and 580 MW of leased capacity, "
        "out of 2.2 GW of secured grid power."
    )
    assert ranges(text) == {
        ("capacity_deployed", "actual", 210, 210),
        ("capacity_contracted", "actual", 580, 580),
    }


def test_secured_power_as_the_verbs_object_is_still_contracted() -> None:
    # "has secured grid-connected power of …" (another labelled set's contracted power) is unchanged.
    assert ranges("Ostrel Data has secured grid-connected power of 1,450 MW for its campuses.") == {
        ("capacity_contracted", "actual", 1450, 1450)
    }


def test_a_supply_deal_for_behind_the_meter_power_is_still_capacity() -> None:
    got = ranges("Tarnwell Energy Signs Agreement for Up to 600 MW of Behind-the-Meter Power for Vexa Cloud")
    assert got == {("capacity_contracted", "actual", 600, 600)}


# Cause 6: generation a power company has under contract with data-center customers is capacity contracted.


def test_generation_under_contract_with_data_center_customers_is_contracted() -> None:
    text = (
        "Ashgrove Energy now has 2.4 GW of generation under contract with hyperscale customers, of which "
        "900 MW is in commercial operation."
    )
    assert ranges(text) == {
        ("capacity_contracted", "actual", 2400, 2400),
        ("capacity_deployed", "actual", 900, 900),
    }


def test_generation_bought_is_still_no_capacity() -> None:
    assert (
        ranges("Ashgrove signed PPAs for 540 MW of wind generation under contract with two utilities.")
        == set()
    )


# Cause 3: the revenue a forecast's growth is measured from is that year's result.


def test_the_growth_base_in_a_forecast_is_a_result_of_its_year() -> None:
    text = (
        "The new outlook implies revenue growth of roughly 48% over fiscal 2025 revenue of $860 million, "
        "Bellmare said."
    )
    facts = extract_facts(text)
    base = by_value(facts, "revenue", 860_000_000)
    assert base.kind == "actual"
    assert base.period == "2025-FY"
    assert by_value(facts, "revenue_growth", 48).kind == "guidance"


def test_a_forecast_level_after_a_growth_rate_stays_guidance() -> None:
    got = ranges("We expect revenue growth of 30% in 2027, to revenue of $1.4 billion.")
    assert ("revenue", "guidance", 1_400_000_000, 1_400_000_000) in got


# Cause 4: "down X% from a year earlier" right after a revenue amount is the revenue's change.


@pytest.mark.parametrize(
    "text",
    [
        "For the quarter, Tennick posted revenue of $412.0 million, down (6.3)% from a year earlier.",
        "Tennick posted revenue of $412.0 million, down 6.3% from the prior year.",
        "Revenue slipped to $412.0 million, lower 6.3% than a year ago.",
    ],
)
def test_a_decline_on_a_year_earlier_after_revenue_is_growth(text: str) -> None:
    assert ("revenue_growth", "actual", -6.3, -6.3) in ranges(text)


def test_another_nouns_decline_after_revenue_is_no_growth() -> None:
    got = ranges("Revenue rose to $412.0 million, while operating costs were down 6.3% from a year earlier.")
    assert got == {("revenue", "actual", 412_000_000, 412_000_000)}


# Cause 5: "The increase of $X, or N%" restating the revenue sentence before it is revenue growth.


def test_the_increase_after_a_revenue_sentence_is_growth() -> None:
    text = (
        "Revenue was $88.4 million for the three months ended June 30, 2026. The increase of $41.2 "
        "million, or 87%, was primarily due to new GPU leases."
    )
    facts = extract_facts(text)
    growth = by_value(facts, "revenue_growth", 87)
    assert growth.kind == "actual"
    assert growth.period == "2026-Q2"


def test_the_increase_in_revenue_names_its_own_noun() -> None:
    assert ranges("The increase in revenue of 64% reflected two new hyperscale tenants.") == {
        ("revenue_growth", "actual", 64, 64)
    }


def test_the_increase_after_another_line_is_no_growth() -> None:
    text = (
        "General and administrative expenses were $30.2 million. The increase of $9.1 million, or 43%, was "
        "driven by headcount."
    )
    assert not any(f.metric == "revenue_growth" for f in extract_facts(text))


def test_a_period_of_a_relative_clauses_event_is_not_the_figures() -> None:
    text = (
        "Revenue was $88.4 million for the three months ended June 30, 2026. The increase of $41.2 "
        "million, or 87%, was driven by leases with Corvane that commenced in the second half of 2025."
    )
    assert by_value(extract_facts(text), "revenue_growth", 87).period == "2026-Q2"


# Cause 7: financing only sought is no money raised.


@pytest.mark.parametrize(
    "text",
    [
        "People familiar with the talks said Brennock was seeking as much as $3 billion in project loans.",
        "Brennock is in talks to raise up to $2.5 billion of private credit.",
        "Brennock is in discussions with a group of insurers to borrow about $1.2 billion.",
        "The company is looking to raise roughly $700 million in a private placement.",
    ],
)
def test_financing_only_sought_is_no_fact(text: str) -> None:
    assert not any(f.metric == "financing" for f in extract_facts(text))


@pytest.mark.parametrize(
    "text",
    [
        "Brennock, which is seeking new tenants, raised $600 million in senior notes.",
        "After months of talks, Brennock closed a $900 million term loan with Harlan Bank.",
        "Brennock raised $450 million in notes.",
    ],
)
def test_financing_raised_is_still_read(text: str) -> None:
    assert any(f.metric == "financing" and f.kind == "actual" for f in extract_facts(text))


def test_a_planned_raise_stays_a_forecast() -> None:
    got = ranges("Brennock plans to raise $2 billion in loans.")
    assert got == {("financing", "guidance", 2_000_000_000, 2_000_000_000)}


# Attribute slips: counterparties and periods.


def test_a_customer_named_in_which_is_is_the_counterparty() -> None:
    facts = extract_facts(
        "Our biggest customer, which is Vantor AI, was roughly 31% of revenue in the quarter."
    )
    assert [(f.metric, f.low, f.counterparty) for f in facts] == [("customer_concentration", 31, "Vantor AI")]


def test_a_customer_named_after_the_share_with_its_rank() -> None:
    text = (
        "No tenant above 40% of revenue, compared with 57% for its largest customer, Orbisa Cloud, in "
        "fiscal 2025."
    )
    share = by_value(extract_facts(text), "customer_concentration", 57)
    assert share.counterparty == "Orbisa Cloud"
    assert share.period == "2025-FY"


def test_a_named_customers_share_is_still_its_own() -> None:
    facts = extract_facts("Orbisa Cloud accounted for 44% of revenue in the quarter.")
    assert [(f.metric, f.counterparty) for f in facts] == [("customer_concentration", "Orbisa Cloud")]


def test_the_customer_as_the_signing_subject_and_the_deal_it_signed() -> None:
    text = (
        "Harwick's first phase is leased to Nuvola under a 12-year agreement.\n\n"
        "The second tenant is eLumen, which has signed for 96MW in the north hall, the company said. "
        "A person close to the deal put the value of the lease at about $1.9 billion."
    )
    facts = extract_facts(text)
    assert by_value(facts, "capacity_contracted", 96).counterparty == "eLumen"
    assert by_value(facts, "contract_value", 1_900_000_000).counterparty == "eLumen"


def test_a_sponsor_backed_by_is_not_the_lender_beside_a_led_by() -> None:
    text = (
        "Privately held Tessaly, backed by growth investor Marrow Peak Capital, closed a $1.1 billion "
        "construction loan in May, led by Ferrante National Bank."
    )
    assert by_value(extract_facts(text), "financing", 1_100_000_000).counterparty == "Ferrante National Bank"


def test_a_backer_of_the_loan_alone_is_still_its_lender() -> None:
    text = "Tessaly closed a $1.1 billion construction loan backed by Marrow Peak Capital."
    assert by_value(extract_facts(text), "financing", 1_100_000_000).counterparty == "Marrow Peak Capital"


def test_three_and_nine_months_respectively() -> None:
    text = (
        "Revenue was $74.2 million and $190.6 million for the three and nine months ended September 30, "
        "2026, respectively."
    )
    facts = extract_facts(text)
    assert by_value(facts, "revenue", 74_200_000).period == "2026-Q3"
    assert by_value(facts, "revenue", 190_600_000).period is None


def test_three_and_six_months_respectively() -> None:
    text = "Gross margin was 41.2% and 39.8% for the three and six months ended June 30, 2026, respectively."
    facts = extract_facts(text)
    assert by_value(facts, "gross_margin", 41.2).period == "2026-Q2"
    assert by_value(facts, "gross_margin", 39.8).period == "2026-H1"
