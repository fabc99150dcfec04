"""Held-out set 21's capacity and deal-value causes (tests/extraction/holdout21/REPORT.md, causes 3, 4,
7, 11 and 14, and two counterparties), in general form, with near-misses.

- Power "secured" that is "grid-connected" is contracted: the adjective says what kind of power was
  secured, not that it runs.
- Capacity that "will be live" (or online, operational, in service) is a forecast; a firm order of
  power systems is capacity committed, whatever date its first units are energized.
- A maker's production capacity, module sizes and a grid schedule are no data-center capacity.
- A deal's value written with its size in power ("a $4.1 billion, 200 MW agreement") is the deal's
  value, in a backlog sentence or a backlog footnote too.
- A prepayment in brackets after its noun is no second contract value.
- A headline's class of buyers ("for AI Data Centers") is nobody; the buyer of newly issued shares is
  the party of the equity.

All companies, people and figures are invented (real AI labs and hyperscalers appear only as
counterparties).
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def capacity(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text) if f.unit == "mw"}


def money(text: str) -> set[tuple[str, float]]:
    return {(f.metric, f.low) for f in extract_facts(text) if f.unit == "usd"}


def parties(text: str) -> set[tuple[str, float, str | None]]:
    return {(f.metric, f.low, f.counterparty) for f in extract_facts(text)}


# --- Cause 3: "secured grid-connected power" is contracted ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Varenna has secured grid-connected power of 1,850 MW across three states.",
            {("capacity_contracted", "actual", 1850)},
        ),
        (
            "Contracted, grid-connected capacity stood at 640 MW at the end of the quarter.",
            {("capacity_contracted", "actual", 640)},
        ),
        (
            "Secured utility-connected power of 2.4 GW; operating capacity of 515 MW",
            {("capacity_contracted", "actual", 2400), ("capacity_deployed", "actual", 515)},
        ),
        (
            "Brisa Compute holds 2.2 GW of secured, utility-connected power.",
            {("capacity_contracted", "actual", 2200)},
        ),
    ],
)
def test_connected_power_that_was_secured_is_contracted(
    text: str, expected: set[tuple[str, str, float]]
) -> None:
    assert capacity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Near-misses: power that is connected, with no contract word before it, still runs.
        ("At quarter end 920 MW was connected and energised.", {("capacity_deployed", "actual", 920)}),
        (
            "Varenna now has 300 MW of grid-connected capacity in Ohio.",
            {("capacity_deployed", "actual", 300)},
        ),
    ],
)
def test_connected_power_alone_stays_deployed(text: str, expected: set[tuple[str, str, float]]) -> None:
    assert capacity(text) == expected


def test_a_grid_schedule_in_brackets_is_no_capacity() -> None:
    got = capacity(
        "Osterly has secured grid-connected power of 1,200 MW at its two sites (first 600 MW energization "
        "from March 2028)."
    )
    assert ("capacity_contracted", "actual", 1200) in got
    assert not any(low == 600 for _m, _k, low in got)


# --- Cause 7: capacity still to come; an order of power systems ---------------------------------------


@pytest.mark.parametrize(
    ("text", "low"),
    [
        (
            "We have signed 2 GW and about 700 megawatts of that will be live by the end of next "
            "fiscal year.",
            700,
        ),
        ("Orlen Compute has leased 900 MW, and some 400 MW of it will be online by mid-2027.", 400),
        ("Roughly 450 MW of the campus will be operational by the end of 2027.", 450),
        ("Another 150 MW should be online in the first quarter of 2027.", 150),
        ("Some 90 MW will be in service at Tallow Creek before the summer.", 90),
    ],
)
def test_capacity_that_will_be_live_is_a_forecast(text: str, low: float) -> None:
    got = capacity(text)
    assert ("capacity_deployed", "guidance", low) in got
    assert ("capacity_deployed", "actual", low) not in got


def test_capacity_live_today_is_still_actual() -> None:
    # Near-miss: the present tense reports.
    assert capacity("About 450 MW of the campus is live today.") == {("capacity_deployed", "actual", 450)}


def test_a_firm_order_of_power_systems_is_committed_not_running() -> None:
    got = capacity(
        "The deal starts with an initial firm order for 180 MW, valued at about $760 million, for the "
        "customer's Abilene campus, where the first units are scheduled to be energized in the first half "
        "of 2028."
    )
    assert got == {("capacity_contracted", "actual", 180)}


def test_a_purchase_order_for_megawatts_is_committed() -> None:
    got = parties("Corvane received a purchase order for 40 MW of fuel cells from Halden Data.")
    assert got == {("capacity_contracted", 40, "Halden Data")}


def test_a_schedule_alone_stays_a_forecast_of_deployed_capacity() -> None:
    # Near-miss: no order, only the energization date.
    got = capacity("The first 180 MW are scheduled to be energized in the first half of 2028.")
    assert got == {("capacity_deployed", "guidance", 180)}


# --- Cause 11: megawatts that are no data-center capacity -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "To meet demand under the agreement, Brightcell will triple annual production capacity at its Ohio "
        "plant to 3 GW by 2027.",
        "Backed by the new supply contract, Ardley plans to expand manufacturing capacity at its Leeds and "
        "Turin facilities to 1.5 GW by mid-2027.",
        "Its Reno gigafactory will turn out 1.2 GW of electrolysers per year under the supply deal.",
        "The contract lets Quarrin add 800 MW of annual manufacturing capacity.",
        "The systems are delivered in 250 kW building blocks.",
        "The skids ship as 2.5 MW modules under the contract.",
        "Rack densities under the lease reach 140 kW per rack.",
    ],
)
def test_production_capacity_and_unit_sizes_are_no_facts(text: str) -> None:
    assert capacity(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Near-misses: a deal's capacity beside a factory word, and a site's block of capacity.
        (
            "The supply agreement covers 500 MW, and the factory's output will double.",
            {("capacity_contracted", "actual", 500)},
        ),
        (
            "Velmont will supply 1.5 GW of fuel cells to Orbis Data under the agreement.",
            {("capacity_contracted", "actual", 1500)},
        ),
    ],
)
def test_deal_capacity_beside_a_factory_stays(text: str, expected: set[tuple[str, str, float]]) -> None:
    assert capacity(text) == expected


# --- Cause 4: a deal's value written with its size in power -----------------------------------------------


def test_contract_inside_a_backlog_sentence() -> None:
    got = parties("Backlog of $6.2 billion, including a $2.7 billion, 150 MW lease with Anthropic")
    assert ("backlog", 6.2e9, None) in got
    assert ("contract_value", 2.7e9, "Anthropic") in got
    assert ("capacity_contracted", 150, "Anthropic") in got
    assert ("backlog", 2.7e9, None) not in got


@pytest.mark.parametrize(
    ("text", "value", "party", "mw"),
    [
        ("Includes $1.9 billion from the 120 MW lease with Meta signed in August 2027.", 1.9e9, "Meta", 120),
        ("Signed a $3.3 billion, 250 MW agreement with xAI.", 3.3e9, "xAI", 250),
        ("Orvane has signed a $900 million 60-megawatt contract with Mistral AI.", 9e8, "Mistral AI", 60),
        ("The backlog includes $2.3 billion from the 240 MW lease with Oracle.", 2.3e9, "Oracle", 240),
    ],
)
def test_deal_value_beside_its_power(text: str, value: float, party: str, mw: float) -> None:
    got = parties(text)
    assert ("contract_value", value, party) in got
    assert ("capacity_contracted", mw, party) in got
    assert not any(m == "backlog" for m, _v, _p in got)


def test_a_backlog_part_from_a_named_lease_is_that_lease_s_value() -> None:
    assert money("The backlog includes $1.9 billion from the lease with Meta.") == {("contract_value", 1.9e9)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Near-misses: the deal is what lifted the balance, or the revenue earned from it.
        ("Backlog rose to $7.5 billion with the new 300 MW lease.", {("backlog", 7.5e9)}),
        ("Backlog grew to $4 billion following the new agreement with Orbis.", {("backlog", 4e9)}),
        (
            "Corvane raised its full-year revenue outlook to $1.4 billion on a new 200 MW lease with Meta.",
            {("revenue", 1.4e9)},
        ),
        (
            "Corvane raised its full-year revenue outlook to $1.4 billion on a new lease with Meta.",
            {("revenue", 1.4e9)},
        ),
        ("Revenue of $40 million came from 150 MW of leases with Meta.", {("revenue", 4e7)}),
    ],
)
def test_a_balance_or_revenue_beside_a_deal_keeps_its_metric(
    text: str, expected: set[tuple[str, float]]
) -> None:
    assert money(text) == expected


# --- Cause 14: a prepayment in brackets is no second contract value ----------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "The award carries a total contract value of about $3.1 billion, with a 20% prepayment "
            "(approximately $620 million) due on signing.",
            3.1e9,
        ),
        (
            "The lease is worth $2.4 billion, with an upfront payment equal to 15% of the contract value "
            "($360 million).",
            2.4e9,
        ),
        ("Orbis signed a $1.8 billion contract and made a deposit ($90 million) at signing.", 1.8e9),
    ],
)
def test_a_bracketed_prepayment_is_no_contract_value(text: str, value: float) -> None:
    assert money(text) == {("contract_value", value)}


def test_a_bracketed_second_contract_value_stays() -> None:
    # Near-miss: a bracket after a deal's own noun is that deal's value.
    got = money(
        "Orvane signed two deals: a $3.1 billion lease with Meta and a separate contract (valued at "
        "$900 million) with Orbis."
    )
    assert got == {("contract_value", 3.1e9), ("contract_value", 9e8)}


# --- Counterparties: a class of buyers in a headline; the buyer of new shares ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Halvard Power Signs Agreement for Up to 800 MW of Behind-the-Meter Power for AI Data Centers",
        "Cindral Announces 300 MW Capacity Deal for Hyperscalers",
        "Cindral Signs $1.2 Billion Supply Contract for Enterprise Customers",
        "Brevik Unveils Gigawatt-Scale Power Agreement of 1 GW for Sovereign AI Factories",
    ],
)
def test_a_class_of_buyers_is_no_counterparty(text: str) -> None:
    facts = extract_facts(text)
    assert facts
    assert all(f.counterparty is None for f in facts)


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # Near-misses: a company whose name ends in such a word.
        ("Cindral Signs 300 MW Lease with Ostrava Data Centers", "Ostrava Data Centers"),
        ("Cindral Signs 300 MW Lease with Pellham Enterprises", "Pellham Enterprises"),
    ],
)
def test_a_named_company_ending_in_a_class_word_stays(text: str, party: str) -> None:
    assert {f.counterparty for f in extract_facts(text)} == {party}


@pytest.mark.parametrize(
    ("text", "value", "party"),
    [
        (
            "Under the pact, Marlowe Capital will purchase 6,500,000 newly issued shares of Quenby common "
            "stock at $40.00 per share, for a total investment of $260 million.",
            2.6e8,
            "Marlowe Capital",
        ),
        (
            "Harlan Ventures agreed to buy 3,000,000 new shares of Velmont at $20.00 per share, for an "
            "aggregate purchase price of $60 million.",
            6e7,
            "Harlan Ventures",
        ),
    ],
)
def test_the_buyer_of_new_shares_is_the_equity_party(text: str, value: float, party: str) -> None:
    got = [(f.metric, f.low, f.counterparty, f.instrument) for f in extract_facts(text)]
    assert got == [("financing", value, party, "equity")]


def test_a_purchase_of_another_company_s_shares_names_no_party() -> None:
    # Near-misses: shares of another company bought by the company, or in the market.
    release = (
        "Halvern Compute, Inc. (NASDAQ: HLVN) today announced results. Halvern purchased 5,000,000 shares of "
        "Dunmore common stock for a total investment of $60 million."
    )
    assert all(f.counterparty is None for f in extract_facts(release))
    market = (
        "Orbis bought 2,000,000 shares of Dunmore common stock for an aggregate purchase price of "
        "$60 million."
    )
    assert all(f.counterparty is None for f in extract_facts(market))
