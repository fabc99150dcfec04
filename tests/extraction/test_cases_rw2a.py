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
