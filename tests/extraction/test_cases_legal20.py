"""Agreements written in filing prose (8-K Items 1.01 and 2.03, S-1, 10-Q notes).

Filings name each agreement and party once and give it a defined short name in brackets
('(the "Colocation Agreement")', '(“Trevane”)', "(the 'Customer')", '(together, the "Lenders")'), word
an agreement's value as "total contract revenue", "contracted revenue", "aggregate contract value" or
"total consideration", and name the parties "by and between" or as joint signers. All companies and
figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def facts(text: str) -> set[tuple[str, str, float, str | None]]:
    return {(f.metric, f.kind, f.low, f.counterparty) for f in extract_facts(text)}


def party_of(text: str, metric: str, low: float) -> str | None:
    found = [f for f in extract_facts(text) if f.metric == metric and f.low == low]
    assert found, (metric, low, facts(text))
    return found[0].counterparty


def same_party(got: str | None, want: str) -> bool:
    """As the scorer compares counterparties: case-blind, either containing the other."""
    return got is not None and (want.lower() in got.lower() or got.lower() in want.lower())


# (a) + (c): defined-term brackets between an agreement and "with X", or after a party's name, do not
# break the reading of the party, of the value or of the metric; the value takes the party its
# sentence names, as the capacity does.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "On February 9, 2028, Glenrock Compute entered into a 12-year colocation agreement (the "
            '"Colocation Agreement") with Trevane Cloud Ltd. ("Trevane") for approximately 84 MW, '
            "representing total contract revenue of approximately $1.9 billion.",
            {("capacity_contracted", 84.0), ("contract_value", 1.9e9)},
        ),
        (
            "On February 9, 2028, Glenrock Compute entered into a $1.9 billion, 12-year lease agreement "
            "(the “Lease”) with Trevane Cloud, Inc. (“Trevane”) for 84 megawatts of critical IT load.",
            {("capacity_contracted", 84.0), ("contract_value", 1.9e9)},
        ),
        (
            "The Company entered into a data center lease (the 'Lease') with Trevane Cloud, Inc. (the "
            "'Customer') for 84 MW, with contracted revenue of approximately $1.9 billion.",
            {("capacity_contracted", 84.0), ("contract_value", 1.9e9)},
        ),
        (
            # No defined terms: "Ltd." inside the sentence ends no clause.
            "Glenrock signed a 7-year lease with Trevane Cloud Ltd. for 84 MW, representing total "
            "contract revenue of approximately $1.9 billion.",
            {("capacity_contracted", 84.0), ("contract_value", 1.9e9)},
        ),
        (
            "Glenrock entered into a 12-year colocation agreement with Trevane Cloud Ltd. for "
            "approximately 84 MW of critical IT load, representing total contract revenue of "
            "approximately $1.9 billion over the initial term.",
            {("capacity_contracted", 84.0), ("contract_value", 1.9e9)},
        ),
        (
            "Glenrock entered into a colocation agreement (the ‘Agreement’) with Trevane Cloud Ltd. "
            "(‘Trevane’) for approximately 84 MW, representing aggregate contract value of approximately "
            "$1.9 billion.",
            {("capacity_contracted", 84.0), ("contract_value", 1.9e9)},
        ),
    ],
)
def test_a_defined_agreement_and_party_keep_the_party_of_value_and_capacity(
    text: str, want: set[tuple[str, float]]
) -> None:
    got = facts(text)
    assert {(m, low) for m, _k, low, _p in got} == want
    assert all(same_party(p, "Trevane Cloud") for _m, _k, _low, p in got), got


def test_parties_defined_before_the_agreement() -> None:
    text = (
        'On April 3, 2028, Wexmoor Digital, Inc. (the "Company") and Kinvara AI Corp. ("Kinvara") '
        'entered into a Master Services Agreement (the "MSA") for 150 MW, with an aggregate contract '
        "value of approximately $3.2 billion."
    )
    got = facts(text)
    assert {(m, low) for m, _k, low, _p in got} == {("capacity_contracted", 150.0), ("contract_value", 3.2e9)}
    assert all(same_party(p, "Kinvara AI") for _m, _k, _low, p in got), got


def test_the_company_signing_second_is_not_the_party() -> None:
    # The other party named first, the filer defined as "the Company" after it.
    text = (
        'On May 1, 2028, Kinvara AI Corp. ("Kinvara") and Wexmoor Digital, Inc. (the "Company") entered '
        "into a capacity reservation agreement for 90 MW."
    )
    assert party_of(text, "capacity_contracted", 90.0) == "Kinvara AI"


@pytest.mark.parametrize(
    "text",
    [
        'On March 2, 2028, Wexmoor Digital, Inc. entered into a Colocation Agreement (the "Agreement") '
        'by and between the Company and Selmont Systems LLC (the "Customer"). Under the Agreement, the '
        "Customer has contracted for 64 MW. The Agreement is expected to generate approximately $1.5 "
        "billion of revenue over 10 years.",
        "This Agreement is made by and between Wexmoor Digital, Inc. (the “Company”) and Selmont Systems "
        "LLC (the “Customer”) for 64 MW. The Agreement is expected to generate approximately $1.5 "
        "billion of revenue over 10 years.",
    ],
)
def test_the_party_by_and_between_and_the_defined_customer_later(text: str) -> None:
    got = facts(text)
    assert {(m, low) for m, _k, low, _p in got} == {("capacity_contracted", 64.0), ("contract_value", 1.5e9)}
    assert all(p == "Selmont Systems" for _m, _k, _low, p in got), got


def test_a_defined_short_name_pays_later_in_the_document() -> None:
    text = (
        'On June 3, 2028, Maelor Data Centers, Inc. (the "Company") entered into a hosting agreement '
        '(the "Hosting Agreement") with Vantaro Labs, Inc. ("Vantaro") for 110 MW.\n\n'
        "Vantaro will pay the Company total consideration of approximately $2.2 billion over the initial "
        "term."
    )
    assert same_party(party_of(text, "capacity_contracted", 110.0), "Vantaro Labs")
    assert same_party(party_of(text, "contract_value", 2.2e9), "Vantaro Labs")


def test_a_defined_agreement_name_carries_its_party_to_a_later_sentence() -> None:
    text = (
        "Elbury Compute, Inc. (“Elbury,” the “Company,” “we,” “us” or “our”) develops and operates data "
        "centers.\n\n"
        "In August 2027, we entered into a master colocation agreement (the “Quillan MCA”) with Quillan "
        "Networks Ltd. (“Quillan”), under which Quillan has contracted for 72 MW of critical IT load. We "
        "expect the Quillan MCA to generate approximately $1.6 billion of revenue over its initial "
        "eight-year term."
    )
    got = facts(text)
    assert ("capacity_contracted", "actual", 72.0, "Quillan Networks") in got
    assert ("contract_value", "actual", 1.6e9, "Quillan Networks") in got


def test_the_agent_stands_for_lenders_defined_in_a_bracket() -> None:
    text = (
        'On July 1, 2028, Maelor Data Centers, Inc. (the "Company") entered into a credit agreement (the '
        '"Credit Agreement") among the Company, the lenders party thereto (together, the "Lenders") and '
        'Pemcott National Bank, as administrative agent (the "Agent"), providing for a $600 million '
        "senior secured term loan facility."
    )
    (fact,) = extract_facts(text)
    assert (fact.metric, fact.low, fact.counterparty, fact.instrument) == (
        "financing",
        600e6,
        "Pemcott National Bank",
        "loan",
    )
    assert fact.company == "Maelor Data Centers"


def test_named_lenders_beat_the_agent() -> None:
    text = (
        "The Company entered into a credit agreement with Drossel Bank and Fennimore Capital LLC, as "
        "lenders, and Haverly Trust Company, as administrative agent, providing for a $250 million term "
        "loan."
    )
    party = party_of(text, "financing", 250e6)
    assert same_party(party, "Drossel Bank")
    assert "Haverly" not in (party or "")


def test_a_lease_by_the_company_as_tenant_is_still_a_contract_value() -> None:
    text = (
        'On January 8, 2028, Glenrock Compute, Inc. (the "Company"), as tenant, entered into a lease '
        'agreement (the "Lease") with Yarrowfield Realty LLC (the "Landlord") for a 30 MW facility. The '
        "aggregate base rent payable over the initial 15-year term of the Lease is approximately $260 "
        "million."
    )
    assert ("contract_value", "actual", 260e6, "Yarrowfield Realty") in facts(text)


def test_evidence_is_the_text_as_written() -> None:
    text = (
        'Glenrock entered into a colocation agreement (the "Colocation Agreement") with Trevane Cloud '
        'Ltd. ("Trevane") for approximately 84 MW.'
    )
    (fact,) = extract_facts(text)
    assert fact.evidence == text[fact.start : fact.end]
    assert '(the "Colocation Agreement")' in fact.evidence


# (b): a named agreement's whole revenue is its value; revenue a period earned stays revenue.


@pytest.mark.parametrize(
    "text",
    [
        "The Agreement represents total contract revenue of approximately $1.5 billion.",
        "The Lease carries total contracted revenue of approximately $1.5 billion.",
        "The aggregate contract value of the Capacity Agreement is approximately $1.5 billion.",
        "Total consideration payable by Selmont under the Lease is approximately $1.5 billion.",
        "The Agreement is expected to generate approximately $1.5 billion of revenue over 10 years.",
        "Revenue from the Agreement is expected to total approximately $1.5 billion over its initial term.",
        "During the quarter, the Company entered into a colocation agreement with Selmont Systems for 20 "
        "MW, representing total contract revenue of approximately $1.5 billion.",
    ],
)
def test_an_agreements_total_revenue_is_its_value(text: str) -> None:
    assert ("contract_value", 1.5e9) in {(m, low) for m, _k, low, _p in facts(text)}
    assert not any(m == "revenue" for m, _k, _low, _p in facts(text))


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("The Company recognized revenue of $12 million under the Agreement during the quarter.", "revenue"),
        ("Revenue from the Ravelin agreement in the quarter was $12 million.", "revenue"),
        ("Total contract revenue for the quarter was $12 million.", "revenue"),
        (
            "Revenue recognized under the Lease during the three months ended June 30, 2028 was $12 million.",
            "revenue",
        ),
        ("The Company now has contracted revenue of $12 million across its portfolio.", "backlog"),
    ],
)
def test_revenue_earned_under_an_agreement_stays_revenue(text: str, metric: str) -> None:
    assert {(m, low) for m, _k, low, _p in facts(text)} == {(metric, 12e6)}


def test_period_revenue_and_an_agreements_value_in_one_document() -> None:
    text = (
        'Glenrock Compute, Inc. (the "Company") reported revenue of $88.1 million for the quarter ended '
        "June 30, 2028. During the quarter, the Company entered into a colocation agreement (the "
        '"Agreement") with Trevane Cloud Ltd. for 40 MW, representing total contract revenue of '
        "approximately $610 million. The Company recognized revenue of $2.3 million under the Agreement "
        "during the quarter."
    )
    got = {(m, low, p) for m, _k, low, p in facts(text)}
    assert ("revenue", 88.1e6, None) in got
    assert ("contract_value", 610e6, "Trevane Cloud") in got
    assert ("revenue", 2.3e6, None) in got
    assert not any(m == "contract_value" and low == 2.3e6 for m, low, _p in got)


def test_a_part_of_revenue_from_a_lease_is_no_fact() -> None:
    got = facts("Revenue for the quarter was $96.1 million, including $14.2 million from the Elbury Lease.")
    assert {(m, low) for m, _k, low, _p in got} == {("revenue", 96.1e6)}


def test_a_sum_over_all_customers_is_no_agreements_value() -> None:
    got = facts("The contracts represent total contract revenue of $3 billion across all of our customers.")
    assert not any(m == "contract_value" for m, _k, _low, _p in got)


# Near-misses of the brackets: a defined term that is the company itself is never the counterparty; a
# bracket right after a figure names the figure and is kept.


def test_the_company_defined_term_is_never_the_counterparty() -> None:
    got = facts(
        'Haverly Systems, Inc. (the "Company") entered into a lease agreement (the "Lease") for 40 MW.'
    )
    assert got == {("capacity_contracted", "actual", 40.0, None)}


@pytest.mark.parametrize(
    ("text", "metric", "low"),
    [
        (
            "On May 2, 2028, the Company entered into a credit agreement with Pemcott National Bank, as "
            "administrative agent, providing for a senior secured delayed draw term loan facility of up "
            'to $1,200,000,000 (the "DDTL Facility").',
            "financing",
            1.2e9,
        ),
        (
            "Under the Hosting Agreement, the aggregate fees payable by Vantaro over the initial term "
            'are expected to be approximately $2.2 billion (the "Contract Value").',
            "contract_value",
            2.2e9,
        ),
    ],
)
def test_a_bracket_after_a_figure_still_names_it(text: str, metric: str, low: float) -> None:
    assert (metric, low) in {(m, lo) for m, _k, lo, _p in facts(text)}


def test_revenue_over_the_term_before_its_figure_takes_the_paragraphs_party() -> None:
    text = (
        'On March 14, 2028, Ravelin Grid, Inc. (the "Company") entered into a Capacity Purchase '
        'Agreement (the "Agreement") with Tarnwick Intelligence, Inc. ("Tarnwick"). Pursuant to the '
        "Agreement, Tarnwick has agreed to purchase 240 MW of critical IT capacity. Total contract "
        "revenue over the initial term is expected to be approximately $5.4 billion."
    )
    got = facts(text)
    assert ("contract_value", "actual", 5.4e9, "Tarnwick Intelligence") in got
    assert not any(m == "revenue" for m, _k, _low, _p in got)


def test_revenue_over_the_next_years_is_no_contract_term() -> None:
    got = facts("Revenue over the next five years is expected to reach approximately $5.4 billion.")
    assert not any(m == "contract_value" for m, _k, _low, _p in got)


def test_each_defined_agreement_keeps_its_own_party() -> None:
    text = (
        'On May 20, 2028, we entered into an agreement (the "Selmont Agreement") with Selmont Systems '
        'LLC ("Selmont") and a separate agreement (the "Kinvara Agreement") with Kinvara AI Corp. '
        '("Kinvara"). The Selmont Agreement covers 50 MW and the Kinvara Agreement covers 120 MW. '
        "Aggregate contract value of the Kinvara Agreement is approximately $2.6 billion."
    )
    got = {(m, low, p) for m, _k, low, p in facts(text)}
    assert got == {
        ("capacity_contracted", 50.0, "Selmont Systems"),
        ("capacity_contracted", 120.0, "Kinvara AI"),
        ("contract_value", 2.6e9, "Kinvara AI"),
    }


@pytest.mark.parametrize(
    "text",
    [
        'On May 1, 2028, Kinvara ("Kinvara") and Wexmoor (the "Company") entered into a capacity '
        "reservation agreement for 90 MW.",
        "Wexmoor (the “Company”) and Kinvara (“Kinvara”) entered into a capacity reservation agreement "
        "for 90 MW.",
    ],
)
def test_a_plain_name_defined_as_the_company_is_the_company(text: str) -> None:
    (fact,) = extract_facts(text)
    assert (fact.counterparty, fact.company) == ("Kinvara", "Wexmoor")


@pytest.mark.parametrize(
    "text",
    [
        "Glenrock's agreement with Trevane covers 84 MW and carries a total contract value of "
        "approximately $1.9 billion.",
        "Glenrock entered into a colocation agreement with Trevane Cloud, Inc. for 84 MW, with total "
        "contract revenue of approximately $1.9 billion, and a separate lease with Kinvara for 40 MW.",
        "Trevane has contracted for 84 MW under a ten-year agreement valued at approximately $1.9 billion.",
        "Under the lease with Trevane, which covers 84 MW, Glenrock expects total contract revenue of "
        "$1.9 billion.",
    ],
)
def test_the_value_takes_the_party_its_capacity_takes(text: str) -> None:
    got = {(m, low): p for m, _k, low, p in facts(text)}
    assert same_party(got[("capacity_contracted", 84.0)], "Trevane Cloud")
    assert same_party(got[("contract_value", 1.9e9)], "Trevane Cloud")
    assert got.get(("capacity_contracted", 40.0), "Kinvara") == "Kinvara"
