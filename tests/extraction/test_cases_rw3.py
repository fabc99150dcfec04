"""Deal parties, instruments, amounts that are no facts and missed amounts (all fictional wording and
companies)."""

from __future__ import annotations

from rules.extraction import extract_facts
from rules.facts import Fact


def facts(text: str) -> list[Fact]:
    return extract_facts(text)


def metrics(text: str) -> set[tuple[str, float]]:
    return {(f.metric, f.low) for f in extract_facts(text)}


# --- 1. The customer as the subject in a story without a legal name --------------------------------


def test_customer_subject_is_the_counterparty_in_the_vendors_story() -> None:
    for story in (
        "Brennic Cloud lands hyperscale deal\n\n"
        "Tarrow Labs signed a $4.2 billion, six-year contract with Brennic Cloud.",
        "Brennic Cloud wins anchor tenant\n\n"
        "Tarrow Labs agreed a $4.2 billion lease with Brennic Cloud on Monday.",
    ):
        (deal,) = [f for f in facts(story) if f.metric == "contract_value"]
        assert deal.counterparty == "Tarrow Labs", story


def test_vendor_after_with_stays_the_counterparty_of_the_subjects_deal() -> None:
    # Near-miss: the story is the subject's, so the vendor after "with" is the other party.
    story = "Tarrow Labs expands compute\n\nTarrow Labs signed a $4.2 billion contract with Brennic Cloud."
    (deal,) = [f for f in facts(story) if f.metric == "contract_value"]
    assert deal.counterparty == "Brennic Cloud"


# --- 2. "with A and B": one counterparty ----------------------------------------------------------------


def test_two_parties_joined_by_and_give_the_first() -> None:
    for sentence in (
        "Together with existing agreements with Ostrel AI and Wendmark, Pellory's hosting contracts now "
        "total about $3.8 billion.",
        "Pellory's contracts with Ostrel AI and Wendmark, backed by Wendmark's guarantee, total "
        "about $3.8 billion.",
    ):
        (deal,) = [f for f in facts(sentence) if f.metric == "contract_value"]
        assert deal.counterparty == "Ostrel AI", sentence


def test_a_single_party_is_unchanged() -> None:
    (deal,) = [
        f
        for f in facts("Pellory signed a $3.8 billion lease with Ostrel AI.")
        if f.metric == "contract_value"
    ]
    assert deal.counterparty == "Ostrel AI"


# --- 3. Instruments -------------------------------------------------------------------------------------


def test_convertible_notes_noun_is_a_convertible() -> None:
    for sentence in (
        "Pellory Lifts Convertible Notes Offering to $750M on Demand",
        "Pellory priced $750 million of convertible senior notes due 2032.",
    ):
        (f,) = [f for f in facts(sentence) if f.metric == "financing"]
        assert f.instrument == "convertible", sentence


def test_plain_and_non_convertible_notes_stay_notes() -> None:
    for sentence in (
        "Pellory priced $750 million of senior notes due 2032.",
        "Pellory issued $750 million of non-convertible debentures due 2032.",
    ):
        (f,) = [f for f in facts(sentence) if f.metric == "financing"]
        assert f.instrument == "notes", sentence


def test_superseded_offering_size_keeps_the_offerings_instrument() -> None:
    text = (
        "Pellory enlarged its planned convertible note sale to $750 million, up from the $500 million "
        "announced a day earlier."
    )
    found = [f for f in facts(text) if f.metric == "financing"]
    assert found
    assert all(f.instrument == "convertible" for f in found)


def test_next_sentence_naming_the_facility_names_the_instrument() -> None:
    for text, want in (
        (
            "Pellory said it has secured $1.4 billion in funding. The debt facility runs for 48 months.",
            "credit_facility",
        ),
        ("Pellory said it has secured $1.4 billion in funding. The new term loan matures in 2030.", "loan"),
    ):
        (f,) = [f for f in facts(text) if f.metric == "financing"]
        assert f.instrument == want, text


def test_next_sentence_on_something_else_keeps_other() -> None:
    text = "Pellory said it has secured $1.4 billion in funding. The company will spend it on GPUs."
    (f,) = [f for f in facts(text) if f.metric == "financing"]
    assert f.instrument == "other"


def test_headline_ipo_and_body_proceeds_are_one_fact() -> None:
    text = (
        "Pellory Floats Hosting Arm in $184M IPO\n\n"
        "Pellory Hosting closed its initial public offering with gross proceeds of $184,300,000."
    )
    found = [f for f in facts(text) if f.metric == "financing"]
    assert len(found) == 1
    assert found[0].instrument == "ipo"


def test_different_offerings_near_in_size_stay_two() -> None:
    # Near-miss: a rounded amount is no twin of a different instrument, nor of a much larger one.
    text = "Pellory priced $200 million of senior notes. Pellory also closed a $200.9 million term loan."
    assert len([f for f in facts(text) if f.metric == "financing"]) == 2
    text = (
        "Pellory Raises $2 Billion in IPO\n\n"
        "Pellory Hosting raised $2.4 billion in its initial public offering."
    )
    assert len([f for f in facts(text) if f.metric == "financing"]) == 2


# --- 4. Amounts that are no facts ---------------------------------------------------------------------------


def test_rights_to_develop_capacity_are_no_contract() -> None:
    for sentence in (
        "Pellory signed a lease with Ostrel AI and won rights to co-develop the next 120 MW project.",
        "The venture gives Pellory the right to build a further 120 MW hall with Ostrel AI under contract.",
    ):
        assert not any(m == "capacity_contracted" for m, _ in metrics(sentence)), sentence
    # Near-miss: capacity signed stays contracted.
    assert ("capacity_contracted", 120.0) in metrics("Pellory signed a 120 MW lease with Ostrel AI.")


def test_another_companys_tally_of_deals_is_no_contract() -> None:
    head = "Pellory Hosting opens third campus\n\nPellory Hosting said on Monday it opened a campus in Ohio. "
    for sentence in (
        "Ostrel AI has signed as much as $700 billion of deals to buy chips.",
        "Ostrel AI has struck roughly $700 billion worth of chip deals this year.",
    ):
        assert not any(m == "contract_value" for m, _ in metrics(head + sentence)), sentence
    # Near-misses: the story's company takes part, or signs them itself.
    assert ("contract_value", 7e9) in metrics(head + "Ostrel AI has signed $7 billion of deals with Pellory.")
    assert ("contract_value", 7e9) in metrics(head + "Pellory has signed $7 billion of deals this year.")


def test_delivering_under_agreements_is_contracted() -> None:
    for sentence in (
        "Pellory is delivering more than 150 MW of capacity to Ostrel AI under previously announced "
        "agreements.",
        "Pellory is currently delivering about 150 MW under the two leases signed last year.",
    ):
        found = metrics(sentence)
        assert ("capacity_contracted", 150.0) in found, sentence
        assert ("capacity_deployed", 150.0) not in found, sentence


def test_delivering_alone_or_delivered_stays_deployed() -> None:
    for sentence in (
        "Pellory is delivering 150 MW of capacity to Ostrel AI.",
        "Pellory has delivered 150 MW to Ostrel AI under its existing leases.",
    ):
        assert ("capacity_deployed", 150.0) in metrics(sentence), sentence


# --- 5. Misses ------------------------------------------------------------------------------------


def test_two_amounts_before_one_noun_share_it() -> None:
    for sentence in (
        "Signed $3B and $6.2B-$7.5B contracts with two hyperscalers.",
        "Pellory signed $3 billion and $6 billion contracts with two hyperscalers.",
    ):
        assert ("contract_value", 3e9) in metrics(sentence), sentence


def test_amount_with_its_own_cue_before_is_unchanged() -> None:
    # Near-miss: a cue before the first amount keeps it; a comma list is no shared noun.
    found = metrics("Pellory closed $300 million and $450 million term loans.")
    assert ("financing", 3e8) in found
    assert ("financing", 4.5e8) in found


def test_half_a_scale_in_words() -> None:
    for sentence in (
        "Pellory said its RPO is likely to exceed half-a-trillion dollars.",
        "Pellory said its RPO is likely to exceed half a trillion dollars.",
        "Half a trillion dollars of backlog is what Pellory expects.",
    ):
        assert ("backlog", 5e11) in metrics(sentence), sentence
    assert ("backlog", 5e8) in metrics("Pellory expects backlog to reach half a billion dollars.")
    assert ("backlog", 1e9) in metrics("Pellory expects backlog to reach a billion dollars.")
    assert not metrics("Pellory expects half a billion users.")


def test_facilities_at_full_capacity_are_deployed() -> None:
    for sentence in (
        "Pellory has its two facilities at full capacity (170 MW combined).",
        "Pellory runs both halls at full capacity, 170 MW combined.",
    ):
        assert ("capacity_deployed", 170.0) in metrics(sentence), sentence


def test_full_capacity_still_to_come_is_no_deployment() -> None:
    for sentence in (
        "When at full capacity, the Wendle campus will draw 300 MW.",
        "Once at full capacity, Pellory expects 300 MW.",
    ):
        assert not any(m == "capacity_deployed" for m, _ in metrics(sentence)), sentence


def test_headline_ipo_and_body_share_sale_are_one_fact() -> None:
    text = (
        "Pellory Spins Out Hosting Arm via $184M IPO\n\n"
        "Pellory Hosting sold 10,000,000 ordinary shares at $18.43 per share, generating gross proceeds "
        "of $184,300,000."
    )
    found = [f for f in facts(text) if f.metric == "financing"]
    assert len(found) == 1
    assert found[0].instrument == "ipo"


def test_agreements_under_which_capacity_is_delivered_are_contracted() -> None:
    sentence = (
        "The expansion builds on agreements under which Pellory is delivering more than 150 MW of "
        "capacity to Ostrel AI."
    )
    found = metrics(sentence)
    assert ("capacity_contracted", 150.0) in found
    assert ("capacity_deployed", 150.0) not in found
