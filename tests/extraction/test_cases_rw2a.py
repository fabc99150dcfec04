"""Deal stories as news and aggregators write them: who the other party is, deal values worded as
revenue, a term between the amount and the deal noun, capacity tense, and one fact per statement.
Every company and sentence here is invented."""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts
from rules.facts import Fact

_TICKER_HEAD = "Quorvex Compute, Inc. (NASDAQ: QVX) issued an update.\n\n"


def _of(text: str, metric: str) -> list[Fact]:
    return [f for f in extract_facts(text) if f.metric == metric]


def _one(text: str, metric: str) -> Fact:
    found = _of(text, metric)
    assert len(found) == 1, [(f.metric, f.low, f.counterparty) for f in extract_facts(text)]
    return found[0]


# --- 1. the company and the other party -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Quorvex Compute signed a lease valued at $2.4 billion.",
        "Quorvex Compute has signed a colocation lease valued at $2.4 billion.",
        "Quorvex Compute signed a $2.4 billion lease with a U.S.-based investment-grade hyperscaler.",
        "TLDR\n\nQuorvex Compute signed a lease worth $2.4 billion for its Ashby campus.",
        "Quorvex Compute on Monday signed a lease valued at $2.4 billion.",
        "Markets were calm. Quorvex Compute signed a lease valued at $2.4 billion.",
    ],
)
def test_signer_with_no_other_party_is_the_company(text: str) -> None:
    f = _one(text, "contract_value")
    assert (f.low, f.counterparty) == (2.4e9, None)


@pytest.mark.parametrize(
    "text",
    [
        "Quorvex Compute said demand was strong.\n\n"
        "Halcyon Labs signed a $6.1 billion contract with Quorvex Compute.",
        "Quorvex Compute announced a new customer.\n\nHalcyon Labs has signed a $6.1 billion, five-year "
        "contract with Quorvex.",
        _TICKER_HEAD + "Halcyon Labs signed a $6.1 billion contract with Quorvex Compute.",
    ],
)
def test_customer_as_subject_is_the_counterparty(text: str) -> None:
    assert _one(text, "contract_value").counterparty == "Halcyon Labs"


def test_vendor_after_with_stays_counterparty_when_subject_is_the_company() -> None:
    # Near-miss: the story's own company signs with the other party.
    f = _one("Quorvex Compute signed a $6.1 billion contract with Halcyon Labs.", "contract_value")
    assert f.counterparty == "Halcyon Labs"
    f = _one("Halcyon Labs has signed a lease valued at $2.4 billion.", "contract_value")
    assert f.counterparty is None or f.counterparty == "Halcyon Labs"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Quorvex signed a $4.2 billion deal with Oslo-based Brightmoor to host GPUs.", "Brightmoor"),
        (
            "Quorvex signed a $4.2 billion deal with U.S.-based cloud provider Brightmoor Labs.",
            "Brightmoor Labs",
        ),
        ("Quorvex signed a $4.2 billion lease with Larkspur-backed Halcyon Labs.", "Halcyon Labs"),
        ("Quorvex signed a $4.2 billion lease with Oslo-based AI cloud firm Brightmoor.", "Brightmoor"),
        ("Quorvex signed a $4.2 billion lease with Halcyon Labs.", "Halcyon Labs"),
        ("Quorvex signed a $4.2 billion deal with New York-based Halcyon Labs.", "Halcyon Labs"),
        ("Quorvex signed a $4.2 billion deal with Halcyon Labs, a Boston-based startup.", "Halcyon Labs"),
    ],
)
def test_modifiers_are_no_part_of_the_name(text: str, party: str) -> None:
    assert _one(text, "contract_value").counterparty == party


@pytest.mark.parametrize(
    "text",
    [
        "The plan gives Quorvex access to Zephyr's X9 accelerators, delivered via a $3.2 billion agreement "
        "with Tarnell Systems.",
        "Halcyon will prepay 20% to Quorvex, money that will help fund a separate $3.2 billion equipment "
        "purchase agreement with Tarnell Systems for servers.",
        "Quorvex, which sells to Zephyr, signed a $3.2 billion supply contract with Tarnell Systems.",
    ],
)
def test_the_figures_own_deal_names_its_party(text: str) -> None:
    assert _one(text, "contract_value").counterparty == "Tarnell Systems"


def test_party_named_before_the_figure_still_counts() -> None:
    # Near-miss: no deal noun with "with" after the figure.
    f = _one("Our agreement with Kestrel Labs, signed in May, is valued at $1.1 billion.", "contract_value")
    assert f.counterparty == "Kestrel Labs"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        (
            "Quorvex Boosts Notes Offering to $600M Amid Strong Demand\n\nQuorvex Ltd. said it will sell "
            "$600 million of senior notes.",
            "Quorvex",
        ),
        (
            "Quorvex Closes $1.4 Billion Financing to Speed Up Campus Development\n\nQuorvex Digital "
            "(NASDAQ:QVX) has secured a $1.4 billion project financing facility.",
            "Quorvex Digital",
        ),
        ("Quorvex Ltd. Reports Results\n\nRevenue was $5 million in the third quarter of 2026.", "Quorvex"),
    ],
)
def test_headline_does_not_run_into_the_company(text: str, company: str) -> None:
    assert {f.company for f in extract_facts(text)} == {company}


# --- 4. a term between the amount and the deal noun -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Quorvex signed a $4.4 billion, 12-year lease agreement with Vantor AI.",
        "Quorvex signed a $4.4 billion 12-year lease with Vantor AI.",
        "Quorvex announced a $4.4 billion, 15-year colocation agreement with Vantor AI on Monday.",
        "Quorvex signed a 12-year, $4.4 billion lease agreement with Vantor AI.",
        "Quorvex signed a $4.4 billion, twelve-year lease agreement with Vantor AI.",
    ],
)
def test_term_between_amount_and_deal_noun(text: str) -> None:
    f = _one(text, "contract_value")
    assert (f.kind, f.low, f.counterparty) == ("actual", 4.4e9, "Vantor AI")


def test_numeral_after_amount_that_is_no_term_gives_no_deal() -> None:
    assert _of("Quorvex reported $4.4 million, 12 new leases and two new sites.", "contract_value") == []


# --- 10. one fact per statement, two facts per two statements ---------------------------------


def test_two_deals_of_one_size_are_two_facts() -> None:
    text = (
        "Quorvex signed a $2 billion lease with Vantor AI.\n\nThe campus will open in 2027.\n\n"
        "Separately, Quorvex signed a $2 billion contract with Halcyon Labs."
    )
    assert {f.counterparty for f in _of(text, "contract_value")} == {"Vantor AI", "Halcyon Labs"}


def test_restated_deal_is_one_fact() -> None:
    text = (
        "Quorvex Signs $2 Billion Lease With Vantor AI\n\n"
        "Quorvex signed a $2 billion lease with Vantor AI Inc. on Monday.\n\n"
        "The $2 billion lease runs for 12 years."
    )
    found = _of(text, "contract_value")
    assert len(found) == 1
    assert found[0].counterparty is not None


def test_notes_and_a_separate_facility_of_one_size_are_two_facts() -> None:
    text = (
        "Quorvex Ltd. priced $300 million of convertible senior notes due 2031.\n\n"
        "The notes carry a 1.5% coupon, and the company said demand came from long-only funds and from "
        "several hedge funds that had followed the stock since its listing in Toronto. Its shares fell 4% "
        "on the day, and the initial purchasers may buy more notes within 13 days.\n\n"
        "The offering comes alongside a separate $300 million credit facility from Larkspur Bank for "
        "the Ashby data center."
    )
    found = {(f.instrument, f.counterparty) for f in _of(text, "financing")}
    assert found == {("convertible", None), ("credit_facility", "Larkspur Bank")}


def test_headline_and_story_of_one_loan_are_one_fact() -> None:
    text = (
        "Halcyon lends Quorvex $750 million, gets warrants tied to new contract\n\n"
        "Halcyon Labs has agreed to lend Quorvex $750 million in working capital and will receive warrants."
    )
    assert len(_of(text, "financing")) == 1


# --- 2. a deal's value worded as the revenue it brings -----------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "party"),
    [
        (
            "Quorvex signed two colocation agreements with Vantor AI that lock in $3.1 billion in contracted "
            "revenue.",
            3.1e9,
            "Vantor AI",
        ),
        (
            "The lease represents roughly $2.8 billion in total contracted revenue over a 15-year term.",
            2.8e9,
            None,
        ),
        (
            "The agreement with Vantor AI is poised to generate approximately $3 billion in contracted "
            "revenue over the initial term.",
            3e9,
            "Vantor AI",
        ),
        (
            "The joint venture with Vantor AI carries about $9.5 billion in contracted revenue over "
            "25 years.",
            9.5e9,
            "Vantor AI",
        ),
        (
            "Quorvex signed a 10-year lease with Vantor AI that is expected to generate $3.3 billion of "
            "revenue over the term.",
            3.3e9,
            "Vantor AI",
        ),
    ],
)
def test_deal_revenue_is_the_deal_value(text: str, value: float, party: str | None) -> None:
    f = _one(text, "contract_value")
    assert (f.kind, f.low, f.counterparty) == ("actual", value, party)
    assert _of(text, "backlog") == []


@pytest.mark.parametrize(
    "text",
    [
        "Quorvex now has $3.1 billion in contracted revenue across its portfolio.",
        "The new lease brings total contracted revenue to $11 billion.",
        "Contracted revenue backlog was roughly $19 billion at quarter end.",
        "Including the new lease, Quorvex has $11 billion of contracted revenue across its portfolio.",
    ],
)
def test_a_companys_contracted_revenue_stays_backlog(text: str) -> None:
    assert [f.metric for f in extract_facts(text)] == ["backlog"]


@pytest.mark.parametrize(
    "text",
    [
        "Quorvex expects the lease to generate $0.9 billion in annual revenue over 15 years.",
        "Quorvex projects average annual revenue exceeding $1 billion over the 15-year lease term.",
        "The lease should bring in $0.9 billion of revenue a year over its 15-year term.",
    ],
)
def test_yearly_revenue_over_a_term_is_no_deal_total(text: str) -> None:
    assert _of(text, "contract_value") == []


def test_total_over_a_term_beside_its_yearly_share() -> None:
    text = (
        "The lease is expected to generate $13.5 billion of revenue over the initial term of 15 years, or "
        "roughly $0.9 billion a year."
    )
    assert [f.low for f in _of(text, "contract_value")] == [13.5e9]


# --- 6. capacity: still to come, promised under a lease, or a site's ceiling -------------------


@pytest.mark.parametrize(
    "text",
    [
        "The new hall will provide an additional 140 MW of critical IT load, with operations expected to "
        "begin in 2027.",
        "The new building will add 140 MW of critical IT load.",
        "The new hall provides 140 MW of critical IT load, with operations expected to begin in 2027.",
        "Building 4 will deliver a further 140 MW of critical IT load next year.",
    ],
)
def test_capacity_still_to_come_is_guidance(text: str) -> None:
    f = _one(text, "capacity_deployed")
    assert (f.kind, f.low) == ("guidance", 140)


@pytest.mark.parametrize(
    "text",
    [
        "The hall has 140 MW of critical IT load online.",
        "The new hall provided an additional 140 MW of critical IT load during the quarter.",
        "Quorvex energized 140 MW at Ashby in the third quarter.",
    ],
)
def test_capacity_running_stays_actual(text: str) -> None:
    f = _one(text, "capacity_deployed")
    assert (f.kind, f.low) == ("actual", 140)


def test_capacity_promised_under_a_lease_stays_contracted() -> None:
    f = _one("Under the lease, Quorvex will provide 140 MW to Halcyon Labs.", "capacity_contracted")
    assert (f.kind, f.counterparty) == ("actual", "Halcyon Labs")


@pytest.mark.parametrize(
    "text",
    [
        "With the expectation of delivering 168 MW of critical IT load, Quorvex plans to use its maximum "
        "gross capacity of 244 MW.",
        "Quorvex signed a ten-year lease with Halcyon Labs. With the expectation of delivering 168 MW of "
        "critical IT load at its Ashby site, Quorvex plans to use its maximum gross capacity of 244 MW.",
    ],
)
def test_expected_delivery_is_contracted_and_site_ceiling_no_fact(text: str) -> None:
    got = [(f.metric, f.low) for f in extract_facts(text) if f.unit == "mw"]
    assert got == [("capacity_contracted", 168)]


@pytest.mark.parametrize(
    "text",
    [
        "The Ashby site has a maximum capacity of 300 MW.",
        "The campus has a gross site capacity of 300 MW.",
    ],
)
def test_site_ceiling_is_no_capacity(text: str) -> None:
    assert [f for f in extract_facts(text) if f.unit == "mw"] == []


def test_expects_to_deliver_stays_deployed_guidance() -> None:
    f = _one("Quorvex expects to deliver 700 MW by 2027.", "capacity_deployed")
    assert f.kind == "guidance"


@pytest.mark.parametrize(
    "text",
    [
        "Quorvex secured $60 million in financing for its 350 MW campus in Texas.",
        "Quorvex closed a $1.4 billion loan to build out the 350 MW Ashby campus.",
        "Quorvex secured a $1.4 billion project financing facility for the 350 MW Ashby data center.",
    ],
)
def test_financing_for_a_campus_gives_no_capacity(text: str) -> None:
    assert [f.metric for f in extract_facts(text)] == ["financing"]


def test_leased_campus_named_by_financing_still_contracted() -> None:
    # Near-miss: the sentence says the campus is leased.
    f = _one(
        "The facility will fund the 350 MW Ashby campus, which is leased to Halcyon.", "capacity_contracted"
    )
    assert f.counterparty == "Halcyon"


# --- the backer written as the facility's modifier, and a same-size facility kept apart ---------


@pytest.mark.parametrize(
    ("text", "lender"),
    [
        ("Quorvex signed a $1 billion Harwick Bank-led term loan.", "Harwick Bank"),
        ("Quorvex raised $200 million in a Larkspur-led funding round.", "Larkspur"),
        (
            "Quorvex also has a separate ~$300 million Tamsin-backed credit facility for its Ohio site.",
            "Tamsin",
        ),
        ("Quorvex raised $200 million in a round led by Larkspur Capital.", "Larkspur Capital"),
    ],
)
def test_backer_before_the_facility_is_the_lender(text: str, lender: str) -> None:
    assert _one(text, "financing").counterparty == lender


def test_placed_investors_are_no_lender() -> None:
    assert _one("Quorvex raised $200 million from Oslo-based investors.", "financing").counterparty is None


def test_upsized_offering_and_a_separate_backed_facility_of_the_old_size() -> None:
    text = (
        "Quorvex Lifts Notes Sale to $450M\n\n"
        "Quorvex Ltd. said on Tuesday it had raised the size of its convertible notes sale to $450 million "
        "from $250 million because orders were strong.\n\n"
        "The notes pay 2% a year and convert at about $14 a share, a 28% premium to Monday's close, "
        "according to the pricing term sheet that the company filed with regulators late on Tuesday "
        "evening.\n\n"
        "Quorvex has also lined up a separate $250 million Tamsin-backed construction facility for its Ohio "
        "campus."
    )
    lenders = [f.counterparty for f in _of(text, "financing") if f.low == 250e6]
    assert "Tamsin" in lenders


@pytest.mark.parametrize(
    "text",
    [
        "Quorvex secured an $850 million GPU-backed loan.",
        "Quorvex secured an $850 million Bitcoin-backed loan.",
    ],
)
def test_collateral_before_the_loan_is_no_lender(text: str) -> None:
    assert _one(text, "financing").counterparty is None


def test_lender_named_after_a_collateral_modifier_wins() -> None:
    text = "Quorvex closed a $2.4 billion GPU-backed term loan with a group led by Larkspur Capital."
    assert _one(text, "financing").counterparty == "Larkspur Capital"


def test_headline_subject_after_a_label_is_the_story_company() -> None:
    text = (
        "Exclusive: Quorvex expands Halcyon pact with new $6.5 billion contract\n\n"
        "May 12 (Wire) - AI cloud provider Quorvex has expanded its partnership with Halcyon Labs in a new "
        "deal worth up to $6.5 billion, the third expansion this year.\n\n"
        + "The two companies did not comment on pricing or on the sites that will host the machines. " * 6
        + "Halcyon said Tuesday it will open new sites with Quorvex."
    )
    found = _of(text, "contract_value")
    assert [(f.low, f.counterparty) for f in found] == [(6.5e9, "Halcyon Labs")]
