"""Held-out set 20's capacity-status and compute-deal causes (tests/extraction/holdout20/REPORT.md,
causes 3, 9 and 13), and gigawatt-scale compute deals as AI labs and chipmakers announce them, in
general form, with near-misses.

All companies, people and figures are invented (real AI labs appear only as counterparties).
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def read(text: str) -> list[tuple[str, str, float]]:
    return [(f.metric, f.kind, f.low) for f in extract_facts(text)]


def capacity(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text) if f.unit == "mw"}


# --- Cause 3 (a): a status written after the measure "of critical IT capacity" -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At June 30, 2027, Brenford had 510 MW of critical IT capacity in operation and 1,420 MW of "
            "critical IT capacity under signed leases.",
            {("capacity_deployed", "actual", 510), ("capacity_contracted", "actual", 1420)},
        ),
        (
            "Orvane now has 96 MW of critical IT load online and another 420 MW of critical IT load leased "
            "to hyperscalers.",
            {("capacity_deployed", "actual", 96), ("capacity_contracted", "actual", 420)},
        ),
        (
            "Halden ended the year with 640 MW of gross power under contract and 210 MW of gross power "
            "energized.",
            {("capacity_contracted", "actual", 640), ("capacity_deployed", "actual", 210)},
        ),
        (
            "Brenford operates 300 MW of critical IT load and has 900 MW of critical IT load under contract.",
            {("capacity_deployed", "actual", 300), ("capacity_contracted", "actual", 900)},
        ),
    ],
)
def test_each_figure_takes_the_status_after_its_measure(
    text: str, expected: set[tuple[str, str, float]]
) -> None:
    assert capacity(text) == expected


def test_compared_figures_answer_the_stated_ones_in_order() -> None:
    got = capacity(
        "We had 388 MW of critical IT capacity in operation and 1,210 MW of critical IT capacity under "
        "signed leases, compared with 301 MW and 940 MW, respectively, a year earlier."
    )
    assert ("capacity_contracted", "actual", 1210) in got
    assert ("capacity_contracted", "actual", 940) in got
    assert ("capacity_deployed", "actual", 1210) not in got
    assert ("capacity_deployed", "actual", 940) not in got


def test_a_measure_under_construction_is_still_no_capacity() -> None:
    # Near-miss: the status after the measure blocks the figure, as it does without the measure.
    got = capacity(
        "The campus has 300 MW of critical IT capacity under construction and 120 MW of critical IT "
        "capacity in service."
    )
    assert got == {("capacity_deployed", "actual", 120)}


# --- Cause 3 (b): a deal's term line with no status word -------------------------------------------

_LEASE = (
    "Brenford Data Signs 12-Year Lease with Orbis Labs\n\n"
    "PORTLAND, Ore., March 3, 2027 -- Brenford Data, Inc. (NASDAQ: BRND) today announced a 12-year "
    "lease with Orbis Labs at its Dalles campus.\n\n"
)


@pytest.mark.parametrize(
    "terms",
    [
        "Lease highlights\n\n- Term: 12 years.\n"
        "- Capacity: 200 MW of critical IT load (roughly 280 MW gross).\n",
        "Key terms of the lease:\n\n- Capacity: 200 MW of critical IT load (roughly 280 MW gross).\n",
        "Summary of the Agreement\n\n* Capacity: 200 MW of critical IT load (roughly 280 MW gross)\n",
        "Transaction overview\n\nCapacity: 200 MW of critical IT load (roughly 280 MW gross).\n",
    ],
)
def test_a_term_lines_capacity_is_the_capacity_signed(terms: str) -> None:
    got = capacity(_LEASE + terms)
    assert ("capacity_contracted", "actual", 200) in got
    assert ("capacity_contracted", "actual", 280) in got
    assert not any(m == "capacity_deployed" for m, _k, _l in got)


def test_a_term_lines_own_status_is_kept() -> None:
    got = capacity(
        _LEASE + "Lease highlights\n\n- Capacity: 200 MW of critical IT load.\n"
        "- Delivery: the first 80 MW is expected to be energized in the first half of 2028.\n"
    )
    assert ("capacity_contracted", "actual", 200) in got
    assert ("capacity_deployed", "guidance", 80) in got
    assert ("capacity_contracted", "actual", 80) not in got


def test_prose_after_the_terms_ends_them() -> None:
    got = capacity(
        _LEASE + "Lease highlights\n\n- Capacity: 200 MW of critical IT load.\n\n"
        "Following the signing, Brenford operates 140 MW of critical IT load across its two campuses in "
        "Oregon and Idaho.\n"
    )
    assert ("capacity_deployed", "actual", 140) in got
    assert ("capacity_contracted", "actual", 140) not in got


def test_a_capacity_line_outside_a_deals_terms_stays_as_it_was() -> None:
    # Near-miss: without a heading over a deal's terms, the measure alone still reads as capacity running.
    got = capacity(_LEASE + "Portfolio\n\nCapacity: 140 MW of critical IT load.\n")
    assert got == {("capacity_deployed", "actual", 140)}


# --- Cause 3 (c): a forecast raised "on" a deal ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Corvane Raises Full-Year 2027 Outlook on New 300 MW Microsoft Lease",
            ("capacity_contracted", "actual", 300, "Microsoft"),
        ),
        (
            "Corvane lifts 2027 guidance on the back of a $4.1 billion contract with Anthropic",
            ("contract_value", "actual", 4.1e9, "Anthropic"),
        ),
        (
            "Corvane raised its full-year revenue outlook to $1.3 billion on a new 300 MW lease with Meta.",
            ("capacity_contracted", "actual", 300, "Meta"),
        ),
    ],
)
def test_the_deal_an_outlook_was_raised_on_is_signed(
    text: str, expected: tuple[str, str, float, str]
) -> None:
    got = {(f.metric, f.kind, f.low, f.counterparty) for f in extract_facts(text)}
    assert expected in got
    assert not any(m == expected[0] and k == "guidance" for m, k, _l, _c in got)


def test_the_raised_outlook_itself_stays_guidance() -> None:
    got = read(
        "Corvane raised its full-year revenue outlook to $1.3 billion on a new 300 MW lease with Meta."
    )
    assert ("revenue", "guidance", 1.3e9) in got


@pytest.mark.parametrize(
    "text",
    [
        # Near-misses: a forecast of the capacity itself, no deal named after the outlook.
        "Corvane raised its outlook with 1.3 GW under contract by year-end.",
        "Corvane expects to end the year with a new 200 MW lease signed.",
    ],
)
def test_a_forecast_of_capacity_stays_guidance(text: str) -> None:
    assert all(k == "guidance" for m, k, _l in read(text) if m == "capacity_contracted")
    assert any(m == "capacity_contracted" for m, _k, _l in read(text))


def test_a_name_between_the_figure_and_the_deal_is_its_party() -> None:
    (fact,) = extract_facts("Corvane signed a 300 MW Microsoft lease.")
    assert (fact.metric, fact.counterparty) == ("capacity_contracted", "Microsoft")
    (fact,) = extract_facts("Corvane Signs 200 MW AI Cloud Lease")
    assert fact.counterparty is None  # a kind of lease, not a party


# --- Cause 13 and compute deals: chips or systems measured in gigawatts -----------------------------


@pytest.mark.parametrize(
    ("text", "low", "party"),
    [
        (
            "Orrin Semiconductor said it would supply Halden Labs with AI accelerators totalling 3 gigawatts "
            "of computing capacity over five years.",
            3000,
            "Halden Labs",
        ),
        (
            "Orrin will supply Halden Labs with compute systems totalling 1.5 GW starting next year.",
            1500,
            "Halden Labs",
        ),
        ("Anthropic agreed to deploy 2 GW of Orrin accelerators over four years.", 2000, None),
        ("Tessary agreed to purchase an additional 1.2 GW of Orrin systems through 2030.", 1200, None),
    ],
)
def test_a_supply_deal_told_by_its_verb_is_capacity_contracted(
    text: str, low: float, party: str | None
) -> None:
    facts = [f for f in extract_facts(text) if f.unit == "mw"]
    assert [(f.metric, f.kind, f.low) for f in facts] == [("capacity_contracted", "actual", low)]
    if party is not None:
        assert facts[0].counterparty == party


_CHIP_RELEASE = (
    "Orrin and Anthropic Announce Strategic Partnership to Deploy 4 Gigawatts of Orrin GPUs\n\n"
    "AUSTIN, Texas, May 4, 2027 -- Orrin Semiconductor, Inc. (NASDAQ: ORSM) and Anthropic today announced "
    "a multi-year agreement to deploy 4 gigawatts of Orrin GPUs to power Anthropic's next generation of "
    "models.\n\n"
    "As part of the agreement, Orrin has issued Anthropic a warrant for up to 120 million shares of Orrin "
    "common stock, vesting as deployments are completed.\n"
)


def test_a_joint_announcement_names_the_other_party() -> None:
    facts = extract_facts(_CHIP_RELEASE)
    assert [(f.metric, f.kind, f.low, f.counterparty) for f in facts] == [
        ("capacity_contracted", "actual", 4000, "Anthropic")
    ]  # the warrant for shares, with no dollar amount, is no fact


def test_a_headline_infinitive_is_no_party() -> None:
    (fact,) = extract_facts("Orrin and Anthropic Announce Partnership to Deploy 4 Gigawatts of Orrin GPUs")
    assert fact.counterparty != "Deploy"


@pytest.mark.parametrize(
    "text",
    [
        # Near-misses: costs, ceilings, market sizes, plans, power from a utility, an object not the figure.
        "Each gigawatt of capacity costs about $50 billion to build, analysts say.",
        "The campus could eventually support up to 5 GW.",
        "Global AI data-center demand may reach 100 GW by 2030.",
        "Orrin plans to deploy 1 GW of its own chips next year.",
        "Entergy will supply the campus with up to 500 MW of firm power.",
        "Kestrel agreed to deploy its software across 5 GW of customer capacity.",
        # A letter of intent is still a deal under negotiation (as "a letter of intent for a 200 MW lease").
        "The letter of intent covers at least 8 gigawatts of Orrin systems for Anthropic.",
    ],
)
def test_no_deal_no_capacity_contracted(text: str) -> None:
    assert not any(m == "capacity_contracted" for m, _k, _l in read(text))


# --- An investment in a named company is money it raises -------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "low", "bound", "company", "investor"),
    [
        (
            "Orrin intends to invest up to $60 billion in Anthropic progressively as each gigawatt is "
            "deployed.",
            "guidance",
            60e9,
            "at_most",
            "Anthropic",
            "Orrin",
        ),
        (
            "Tessary Capital invested $2 billion in Halden Labs.",
            "actual",
            2e9,
            "exact",
            "Halden Labs",
            "Tessary Capital",
        ),
        (
            "Tessary will make a $750 million equity investment in Halden Labs.",
            "actual",
            750e6,
            "exact",
            "Halden Labs",
            "Tessary",
        ),
    ],
)
def test_an_investment_in_a_named_company_is_its_equity_financing(
    text: str, kind: str, low: float, bound: str, company: str, investor: str
) -> None:
    (fact,) = extract_facts(text)
    assert (fact.metric, fact.kind, fact.low, fact.bound, fact.instrument) == (
        "financing",
        kind,
        low,
        bound,
        "equity",
    )
    assert (fact.company, fact.counterparty) == (company, investor)


@pytest.mark.parametrize(
    "text",
    [
        # Near-misses: a place, a field or a site invested in; the document's company investing in another.
        "Amazon will invest $20 billion in Pennsylvania to expand its data centers.",
        "Microsoft plans to invest $80 billion in AI data centers this year.",
        "Halvern will invest $300 million in its Texas campus.",
        "Grelling has invested about $1.2 billion in the campus.",
        "Halvern Compute Inc. (NASDAQ: HLVN) said today it will invest $50 million in Ostrava Power.",
    ],
)
def test_no_company_raising_no_financing(text: str) -> None:
    assert not any(m == "financing" for m, _k, _l in read(text))


# --- Cause 9: shares of the company bought for a stated total ---------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "buyer"),
    [
        (
            "In May 2027, Arvane Ventures purchased 6,250,000 shares of our Series E convertible "
            "preferred stock at a price of $24.00 per share, for an aggregate purchase price of $150.0 "
            "million.",
            150e6,
            "Arvane Ventures",
        ),
        (
            "Kestrel Capital bought 4,000,000 shares of our common stock for gross proceeds of $250 million.",
            250e6,
            "Kestrel Capital",
        ),
        (
            "In March 2027, we issued 12,500,000 shares of Series D preferred stock to Pellam Growth "
            "Partners for an aggregate purchase price of $180.0 million.",
            180e6,
            "Pellam Growth Partners",
        ),
        (
            "We sold 3,000,000 shares of our common stock to Orrin Semiconductor for total consideration of "
            "$96 million.",
            96e6,
            "Orrin Semiconductor",
        ),
    ],
)
def test_shares_bought_for_a_total_are_equity_raised_from_the_buyer(
    text: str, low: float, buyer: str
) -> None:
    money = [f for f in extract_facts(text) if f.metric == "financing"]
    assert [(f.kind, f.low, f.instrument, f.counterparty) for f in money] == [
        ("actual", low, "equity", buyer)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Near-misses: the company's own purchases (a buyback, another company's shares, equipment, an
        # acquisition) and one share's price.
        "We purchased 1,000,000 shares of our common stock for an aggregate purchase price of $50.0 million.",
        "Orbis purchased 2,000,000 shares of Dunmore common stock for an aggregate purchase price of $40 "
        "million.",
        "We paid an aggregate purchase price of $1.2 billion for the acquisition of Dunmore Networks.",
        "We purchased 400 GPU servers for an aggregate purchase price of $180 million.",
        "Kestrel bought 2,000,000 shares of our common stock at a purchase price of $31.50 per share.",
    ],
)
def test_purchases_that_raise_nothing_are_no_financing(text: str) -> None:
    assert not any(m == "financing" for m, _k, _l in read(text))
