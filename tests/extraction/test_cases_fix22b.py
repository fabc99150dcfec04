"""Held-out set 22's causes 6, 8, 9, 11 and 12 and two attribute slips (tests/extraction/holdout22/REPORT.md),
in general form: facility terms that are no money raised, "built capacity", growth against the half
before and a utility's energy sales, delivery tranches, an analyst's estimate told with "she" or "he",
a contract value that refers back to the agreement, and "statutory" margins.

All companies, people and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def ranges(text: str) -> set[tuple[str, str, float, float]]:
    return {(f.metric, f.kind, round(f.low, 4), round(f.high, 4)) for f in extract_facts(text)}


def metrics(text: str) -> set[str]:
    return {f.metric for f in extract_facts(text)}


# Cause 6: a letter-of-credit or swingline sublimit, an accordion still to be asked for and a repayment
# are terms of a facility, not money raised; the facility itself, an upsizing and an accordion exercised
# are.

_FACILITY_TERMS = [
    "The revolver carries a $40,000,000 sublimit for the issuance of standby letters of credit.",
    "Marlow Grid's credit agreement includes a $25 million swingline sub-limit.",
    "Under the amended agreement, up to $60 million of the commitments may be used for letters of credit.",
    "Borrowings under the swingline facility may not exceed $35 million at any time.",
    "Brackenfield may, subject to lender consent, request increases in the aggregate revolving commitments "
    "by up to $400,000,000.",
    "The facility also has an uncommitted accordion of up to $175 million.",
    "The term loan is expandable by an additional $300 million at the borrower's option.",
    "Oakhurst has the option to upsize the loan by up to $150 million over its first two years.",
    "During the quarter, Oakhurst repaid the remaining $58 million outstanding under its equipment loan.",
    "The proceeds will be used to repay the entire outstanding $210 million balance of the bridge loan.",
]


@pytest.mark.parametrize("text", _FACILITY_TERMS)
def test_a_facility_term_is_no_money_raised(text: str) -> None:
    assert "financing" not in metrics(text)


def test_the_facility_beside_its_terms_is_still_money_raised() -> None:
    got = ranges(
        "Larchmont Compute closed a $1.2 billion revolving credit facility, which includes a $100 million "
        "letter of credit sublimit and an accordion feature of up to $400 million."
    )
    assert got == {("financing", "actual", 1_200_000_000, 1_200_000_000)}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("In August, Ferrant Data upsized its revolving credit facility by $250 million.", 250_000_000),
        ("Ferrant Data drew $90 million under its delayed-draw term loan in the quarter.", 90_000_000),
    ],
)
def test_an_upsizing_or_a_draw_is_money_raised(text: str, amount: float) -> None:
    assert ranges(text) == {("financing", "actual", amount, amount)}


# Cause 8: capacity "built" is deployed; a building's purpose or ceiling is not.


@pytest.mark.parametrize(
    ("text", "mw"),
    [
        ("Built capacity of approximately 310MW across Perth and Adelaide.", 310),
        ("Oakhurst ended the year with 275 MW of capacity built across four campuses.", 275),
        ("To date, Oakhurst has built out 190 MW at its Midland site.", 190),
    ],
)
def test_built_capacity_is_deployed(text: str, mw: float) -> None:
    assert ranges(text) == {("capacity_deployed", "actual", mw, mw)}


def test_built_capacity_in_an_outlook_list_is_guidance() -> None:
    got = ranges("For FY28 the company expects:\n– built capacity of c.420MW by 30 June 2028.")
    assert got == {("capacity_deployed", "guidance", 420, 420)}


@pytest.mark.parametrize(
    "text",
    [
        "The purpose-built 140 MW campus in Nevada opened to visitors in May.",
        "Its build-to-suit 90 MW hall for a hyperscaler is under construction.",
        "The Tamsin campus is built to support up to 1.2 GW over time.",
        "Oakhurst has another 160 MW of capacity to be built in 2028.",
        "Once built out, the Ridgeway site will host 700 MW.",
    ],
)
def test_a_build_that_is_no_capacity_standing_is_not_deployed(text: str) -> None:
    assert "capacity_deployed" not in metrics(text)


# Cause 9: growth against the half before is sequential; a utility's energy sales are volumes.


@pytest.mark.parametrize(
    "text",
    [
        "Revenue for H2 FY27 was US$188.4m, 17 per cent higher than H1 FY27.",
        "Second-half revenue of $240 million was up 11% on the first half.",
        "H2 revenue was $97 million, up 8% half-on-half.",
        "Revenue for 2H 2026 reached $130 million, 12% above 1H 2026.",
    ],
)
def test_growth_against_the_half_before_is_no_revenue_growth(text: str) -> None:
    assert "revenue_growth" not in metrics(text)
    assert "revenue" in metrics(text)


@pytest.mark.parametrize(
    ("text", "growth"),
    [
        ("Revenue for H2 FY27 was US$188.4m, 44 per cent higher than H2 FY26.", 44),
        ("H1 2027 revenue was $512 million, up 36% on H1 2026.", 36),
        ("Revenue for the second half rose 29% year over year to $301 million.", 29),
    ],
)
def test_growth_against_the_same_half_a_year_ago_stays(text: str, growth: float) -> None:
    assert ("revenue_growth", "actual", growth, growth) in ranges(text)


def test_growth_against_the_quarter_before_written_with_than_is_sequential() -> None:
    assert "revenue_growth" not in metrics(
        "Third-quarter 2026 revenue was $77 million, 6% higher than Q2 2026."
    )
    assert ("revenue_growth", "actual", 58, 58) in ranges(
        "Third-quarter 2026 revenue was $77 million, 58% higher than Q3 2025."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Energy sales to data-center members are forecast to grow 22% in 2028.",
        "Retail electricity sales rose 3.4% in the year as new large loads connected.",
        "The cooperative's kWh sales increased 6% from 2025.",
    ],
)
def test_a_utilitys_energy_sales_are_no_revenue(text: str) -> None:
    assert metrics(text) == set()


def test_sales_revenue_still_is_revenue() -> None:
    got = ranges("Net sales rose 27% year over year to $415 million.")
    assert got == {("revenue_growth", "actual", 27, 27), ("revenue", "actual", 415_000_000, 415_000_000)}


# Cause 11: a delivery tranche is a schedule of the capacity already contracted.


def test_phases_of_a_lease_are_no_more_capacity_contracted() -> None:
    text = (
        "Greyling signed a lease with Aster Labs for 200 MW at its Corsicana campus. The lease provides for "
        "handover in five tranches of 40 MW each between mid-2027 and the end of 2028."
    )
    got = ranges(text)
    assert ("capacity_contracted", "actual", 200, 200) in got
    assert not any(m == "capacity_contracted" and lo == 40 for m, _k, lo, _h in got)


def test_phases_written_after_the_unit_are_no_capacity_either() -> None:
    got = ranges("The Halden lease covers 150 MW, to be delivered in three 50 MW phases.")
    assert got == {("capacity_contracted", "actual", 150, 150)}


def test_a_single_phase_signed_is_still_contracted() -> None:
    got = ranges("Greyling signed a lease with Aster Labs for the 72 MW first phase of its Temple campus.")
    assert got == {("capacity_contracted", "actual", 72, 72)}


# Cause 12: an analyst's estimate told in the third person, right after the sentence that names them.


def test_an_analysts_estimate_by_pronoun_is_no_fact() -> None:
    text = (
        "“Nobody else has signed a deal this size,” said Rowan Achebe, an analyst at Fenwick Partners. He "
        "estimates Vela Labs could account for about 45% of Greyling's revenue by 2029."
    )
    assert metrics(text) == set()
    text = (
        "Imogen Hale, an analyst at Tasker & Co, raised her price target. She now sees 2028 revenue of $2.1 "
        "billion."
    )
    assert metrics(text) == set()


def test_an_executives_forecast_by_pronoun_stays_guidance() -> None:
    text = "Chief executive Lena Ortiz was upbeat on the call. She expects 2027 revenue of $860 million."
    assert ranges(text) == {("revenue", "guidance", 860_000_000, 860_000_000)}
    text = (
        "Rowan Achebe, an analyst at Fenwick Partners, kept his rating.\n"
        "Greyling's chief executive Lena Ortiz was upbeat. She expects 2027 revenue of $860 million."
    )
    assert ranges(text) == {("revenue", "guidance", 860_000_000, 860_000_000)}


# Attributes: a contract value that refers back to the agreement named before; "statutory" margins.


def test_a_value_over_the_term_takes_the_party_named_before() -> None:
    text = (
        'On May 4, 2027, Greyling entered into a data center lease (the "Lease") with Aster Labs, Inc. for '
        "96 megawatts at its Temple campus. The Lease has an initial term of 12 years. Aggregate base rent "
        "over the initial term is expected to be approximately $1.9 billion."
    )
    value = next(f for f in extract_facts(text) if f.metric == "contract_value")
    assert value.low == 1_900_000_000
    assert value.counterparty is not None
    assert "Aster" in value.counterparty


def test_a_value_of_several_leases_takes_no_one_party() -> None:
    text = (
        "Greyling signed leases with Aster Labs and Vela Labs for 96 MW. Aggregate base rent over the "
        "initial terms of the leases is about $1.4 billion."
    )
    value = next(f for f in extract_facts(text) if f.metric == "contract_value")
    assert value.counterparty is None


def test_a_new_deal_after_another_takes_no_earlier_party() -> None:
    text = (
        "Greyling signed a ten-year lease with Aster Labs for 96 MW. Separately, Greyling agreed a new "
        "$500 million contract with a second customer."
    )
    value = next(f for f in extract_facts(text) if f.metric == "contract_value")
    assert value.counterparty is None


def test_statutory_is_the_gaap_basis() -> None:
    facts = extract_facts(
        "Statutory gross margin of 52.4 per cent; underlying gross margin of 57.9 per cent for FY27."
    )
    assert {(f.low, f.basis) for f in facts} == {(52.4, "gaap"), (57.9, "non_gaap")}
    facts = extract_facts("Statutory operating margin was 18.2 per cent in FY27.")
    assert [(f.metric, f.basis) for f in facts] == [("operating_margin", "gaap")]
    # A statutory tax rate names no basis of the margin after it.
    facts = extract_facts("The statutory tax rate is 30%; gross margin was 49%.")
    assert [(f.metric, f.basis) for f in facts] == [("gross_margin", None)]
