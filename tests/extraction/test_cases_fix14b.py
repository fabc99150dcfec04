"""Estimates, pay goals, illustrations and a rating agency's own view (held-out set 14's causes, in
general form).

- An earnings preview's numbers are the Street's when its forecaster is passive or implied: "is
  expected to report … according to the average of analysts", "is seen at", "models fourth-quarter
  revenue"; the company's own guidance and last quarter's results quoted there stay facts.
- A proxy statement's pay goals ("at threshold / target / maximum", a capacity goal under an incentive
  plan's heading, a vesting condition) and a peer group's median are no facts of the company.
- A section or sentence marked "Illustrative" or "hypothetical" gives no facts; a lease's annual rent is
  no contract value; a contract a site "could" carry, or will carry "once a tenant is signed", is no
  contracted capacity.
- In a rating agency's release "our expectation that X will …" and "<Agency> expects X to …" are the
  agency's forecasts; the company's reported figures it quotes stay facts.

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


# --- Estimates with passive or implied forecasters ------------------------------------------------


def test_passive_expectation_with_polled_analysts_is_the_streets() -> None:
    text = (
        "Brontide Cloud is expected to report fourth-quarter revenue of $88.1 million, according to the "
        "average of 9 analysts surveyed by DataPoll."
    )
    assert values(text) == set()
    text = "Marlowe Grid is expected to post revenue of $61.4 million for the quarter, per LSEG data."
    assert values(text) == set()
    text = "Revenue of $88.1 million is expected, according to a survey of analysts by DataPoll."
    assert values(text) == set()


def test_seen_at_and_forecast_by_analysts_are_estimates() -> None:
    text = "For the quarter, revenue is seen at $88.1 million and gross margin is seen at 41%."
    assert values(text) == set()
    assert values("Adjusted operating margin is now seen coming in near 12%.") == set()
    assert values("Revenue is forecast by analysts to reach $88.1 million in the fourth quarter.") == set()


def test_models_with_a_spelled_quarter_is_an_analysts_model() -> None:
    text = "Harlow models third quarter revenue of $88.1 million and 2028 revenue of $400 million."
    assert values(text) == set()
    assert values("Pemberton models fourth-quarter gross margin of 44%.") == set()
    assert values("We model $88.1 million of revenue in the fourth quarter.") == set()
    assert values("Our model assumes revenue of $88.1 million and gross margin of 41%.") == set()
    assert values("The Street models fourth-quarter revenue of $88.1 million.") == set()


def test_other_wordings_of_the_streets_expectation() -> None:
    for text in (
        "Analysts are looking for revenue of $88.1 million.",
        "Analysts, on average, expect revenue of $88.1 million.",
        "Revenue is projected at $88.1 million by analysts.",
        "The average estimate is for revenue of $88.1 million and gross margin of 41%.",
        "Brontide is projected to report revenue of $88.1 million.",
        "Brontide is seen posting revenue of $88.1 million.",
        "Investors expect revenue of $88.1 million.",
        "Revenue is expected to come in at $88.1 million, per analysts polled by DataPoll.",
    ):
        assert values(text) == set(), text
    # Near-misses: a report date is no forecast, a result praised by analysts stays the company's.
    text = "Brontide, which is expected to report results next week, said revenue rose 40% to $80.2 million."
    assert values(text) == {("revenue_growth", "actual", 40), ("revenue", "actual", 80_200_000)}
    text = "Brontide is expected to report on Thursday and said preliminary revenue was $80.2 million."
    assert values(text) == {("revenue", "actual", 80_200_000)}
    text = "Revenue rose to $80.2 million, a result praised by analysts as a turning point."
    assert values(text) == {("revenue", "actual", 80_200_000)}
    # Near-miss: the company's figure set against the average estimate stays.
    text = "Revenue rose to $702 million, just ahead of the analysts’ average estimate of $695 million."
    assert values(text) == {("revenue", "actual", 702_000_000)}
    # The clause after a semicolon is the company's own report.
    text = "Brontide is expected to report revenue of $88.1 million; last quarter it reported $80.2 million."
    assert values(text) == {("revenue", "actual", 80_200_000)}


def test_company_guidance_and_results_in_a_preview_stay_facts() -> None:
    # Near-misses: the company's own words, and its preliminary results ("expects to report").
    text = (
        "Brontide Cloud is expected to report fourth-quarter revenue of $88.1 million, according to the "
        "average of 9 analysts surveyed by DataPoll. The company itself guided in November to revenue "
        "of $84 million to $87 million. Third-quarter revenue was $80.2 million, up 41% from a year "
        "earlier."
    )
    assert values(text) == {
        ("revenue", "guidance", 84_000_000),
        ("revenue", "actual", 80_200_000),
        ("revenue_growth", "actual", 41),
    }
    text = "Brontide expects to report fourth-quarter revenue of about $88.1 million, the company said."
    assert values(text) == {("revenue", "actual", 88_100_000)}
    text = "Revenue is expected to be $88.1 million in the fourth quarter, the company said."
    assert values(text) == {("revenue", "guidance", 88_100_000)}
    text = "Revenue was $80.2 million, up 41% from a year earlier, according to the company's filing."
    assert values(text) == {("revenue", "actual", 80_200_000), ("revenue_growth", "actual", 41)}


# --- Pay goals and peer statistics -------------------------------------------------------------------


def test_goal_levels_at_threshold_target_maximum_are_no_facts() -> None:
    text = (
        "For 2027 the Compensation Committee set a revenue goal of $640 million at threshold, $720 million "
        "at target and $800 million at maximum, and an adjusted operating margin goal of 18% at target."
    )
    assert values(text) == set()
    # The levels alone, with no committee or plan named.
    text = "The revenue goal was $640 million for threshold and $800 million for maximum payout."
    assert values(text) == set()


def test_goals_under_a_pay_heading_are_no_facts() -> None:
    text = (
        "Compensation Discussion and Analysis\n\n"
        "Annual Bonus Program\n\n"
        "The bonus funds on two goals. The capacity goal was 250 MW energized by year-end. The margin "
        "target was 47%.\n"
        "Actual 2026 revenue was $845 million, up 52% from 2025.\n"
    )
    assert values(text) == {("revenue", "actual", 845_000_000), ("revenue_growth", "actual", 52)}


def test_vesting_conditions_are_no_facts() -> None:
    text = (
        "Performance Stock Units\n\n"
        "Half of each grant vests only if annual revenue exceeds $1.5 billion before 2029, and half if "
        "contracted capacity reaches 2 GW.\n"
    )
    assert values(text) == set()
    text = (
        "The 2027 PSU awards vest after three years based on relative total shareholder return, and on "
        "energized capacity of at least 900 MW by December 31, 2029."
    )
    assert values(text) == set()


def test_pay_goals_in_other_wordings() -> None:
    assert values("Target revenue under the 2026 STI bonus was $1.05 billion.") == set()
    assert values("Short-Term Incentive\n\nTarget revenue under the 2026 STI was $1.05 billion.\n") == set()
    text = "Under the annual incentive program, gross margin goals were 44% at threshold and 50% at maximum."
    assert values(text) == set()
    assert (
        values("Our long-term incentive awards are earned if contracted capacity reaches 3 GW by 2029.")
        == set()
    )
    # The result set against the goal stays; the goal named with the plan after it does not.
    text = "Revenue of $1.08 billion exceeded the target of $1.05 billion, funding the bonus pool at 140%."
    assert values(text) == {("revenue", "actual", 1_080_000_000)}
    # Near-miss: a company's own target, with pay named in another clause.
    text = "Our target is 1 GW energized by 2028, and RSU vesting is unchanged."
    assert values(text) == {("capacity_deployed", "guidance", 1000)}


def test_peer_group_medians_are_no_facts() -> None:
    text = "Peer companies had median revenue of $2.3 billion and an average gross margin of 52%."
    assert values(text) == set()
    assert values("Our 2027 peer group has median revenue of $3.1 billion.") == set()
    text = "The median revenue of companies in our compensation peer group was $2.3 billion."
    assert values(text) == set()


def test_company_goals_and_peer_comparisons_outside_pay_stay() -> None:
    # Near-misses: a company's growth beside its peers, and results under a highlights heading.
    text = "Kestrel's revenue grew 80%, the fastest in its peer group, to $410 million."
    assert values(text) == {("revenue_growth", "actual", 80), ("revenue", "actual", 410_000_000)}
    text = "Business highlights\n\nRevenue rose 58% to $1.1 billion and we signed leases for 300 MW.\n"
    assert values(text) == {
        ("revenue_growth", "actual", 58),
        ("revenue", "actual", 1_100_000_000),
        ("capacity_contracted", "actual", 300),
    }


# --- Illustrations, annual rent and contracts still to be signed ------------------------------------


def test_illustrative_slide_gives_no_facts() -> None:
    text = (
        "--- Slide 8 ---\n"
        "Illustrative 120 MW GPU lease\u2074\n"
        "- ~$1.6B contract value over 12 yrs\n"
        "- ~$130M annual rent\n"
        "\u2074 For illustration only; not a forecast\n"
        "--- Slide 9 ---\n"
        "Q2 FY27 snapshot\n"
        "- Revenue: $412.0M\n"
    )
    assert values(text) == {("revenue", "actual", 412_000_000)}
    text = "Slide 9 | Illustrative lease economics\n- 120 MW lease\n- $1.6B contract value over 12 yrs\n"
    assert values(text) == set()


def test_illustrative_sentences_and_sections_give_no_facts() -> None:
    assert values("Illustrative example: a 100 MW lease would carry ~$1.4B of contract value.") == set()
    text = "Hypothetically, a 200 MW campus leased at today's rates would bring in about $1.9 billion."
    assert values(text) == set()
    text = "Unit economics (for illustration only): a 50 MW hall carries $700 million of contract value."
    assert values(text) == set()
    text = (
        "Our update.\n\nHypothetical lease economics\n\n"
        "A 300 MW campus could carry $4 billion of leases over 15 years.\n\n"
        "Third quarter highlights\n\nRevenue was $98 million.\n"
    )
    assert values(text) == {("revenue", "actual", 98_000_000)}
    # The example's own unpunctuated lines stay in it; the next title ends it.
    text = (
        "Our update.\n\nHypothetical lease economics\n100 MW lease\n$1.4B contract value over 15 years\n"
        "Third quarter results\nRevenue was $98 million.\n"
    )
    assert values(text) == {("revenue", "actual", 98_000_000)}
    # A lead-in ending in ":" covers its list; the prose after the list is the company's again.
    text = (
        "Our update.\n\nIllustrative example:\n- 100 MW lease\n- $1.4B contract value over 15 yrs\n"
        "Revenue was $98 million in the quarter, up 40%.\n"
    )
    assert values(text) == {("revenue", "actual", 98_000_000), ("revenue_growth", "actual", 40)}


def test_a_footnote_calling_marked_lines_illustrative_drops_them() -> None:
    text = (
        "Deal economics\n"
        "- Revenue: $412M\n"
        "- $2.1B contract value\u2075\n"
        "\u2075 Illustrative only; not a signed contract\n"
    )
    assert values(text) == {("revenue", "actual", 412_000_000)}


def test_illustration_words_that_mark_no_example_keep_facts() -> None:
    # Near-misses: "as an illustration of demand" introduces a real deal; "for example" too.
    text = "As an illustration of demand, Corvane signed a 200 MW lease worth $2.8 billion in May."
    assert values(text) == {
        ("capacity_contracted", "actual", 200),
        ("contract_value", "actual", 2_800_000_000),
    }
    text = (
        "Slide 9 | Lease economics\n- 120 MW lease signed with Corvane\n- $1.6B contract value over 12 yrs\n"
    )
    assert values(text) == {
        ("capacity_contracted", "actual", 120),
        ("contract_value", "actual", 1_600_000_000),
    }


def test_annual_rent_is_no_contract_value() -> None:
    assert values("The lease carries ~$90M annual rent over 15 years.") == set()
    text = "The lease carries total contracted rent of approximately $1.2 billion over its initial term."
    assert values(text) == {("contract_value", "actual", 1_200_000_000)}
    text = "Signed-but-not-commenced leases represent annualized rent of $148.5 million."
    assert values(text) == {("backlog", "actual", 148_500_000)}


def test_a_contract_still_to_be_signed_is_no_contracted_capacity() -> None:
    text = (
        "Analysts will watch the 300 MW Brisco campus, which Tallow analyst Ena Park expects to carry a "
        "contract worth $3 billion once a tenant is signed."
    )
    assert values(text) == set()
    assert values("The 300 MW Brisco campus could carry a contract once a tenant is signed.") == set()
    assert values("We could sign leases for another 150 MW by the end of the year.") == set()
    assert values("The 250 MW Orrin campus is ready for a lease once an anchor customer signs.") == set()


def test_signed_and_stated_contracted_capacity_stays() -> None:
    # Near-misses: the figure's own status ("signed", "under contract", "contracted capacity").
    text = (
        "We signed 200 MW with Corvane and are marketing another 100 MW, which will be built once a tenant "
        "is signed."
    )
    assert values(text) == {("capacity_contracted", "actual", 200)}
    assert values("The new lease would bring our contracted capacity to 800 MW.") == {
        ("capacity_contracted", "actual", 800)
    }
    assert values("Halden has 450 MW under contract and 120 MW energized.") == {
        ("capacity_contracted", "actual", 450),
        ("capacity_deployed", "actual", 120),
    }


# --- A rating agency's own expectation -------------------------------------------------------------

_AGENCY_HEAD = (
    "Brantwell Ratings Affirms 'B' Rating On Tolvane Data Centers; Outlook Positive\n\n"
    "LONDON, May 4, 2027 - Brantwell Ratings today affirmed its 'B' issuer credit rating on Tolvane Data "
    "Centers Inc.\n\n"
)


def test_agency_expectations_are_no_guidance() -> None:
    for body in (
        "The positive outlook reflects our expectation that Tolvane will energize at least 420 MW in 2028.",
        "Brantwell expects Tolvane to energize at least 420 MW by mid-2028.",
        "We expect revenue to grow about 45% in 2028, to roughly $900 million.",
        "In our base case, revenue reaches $900 million in 2028.",
    ):
        assert values(_AGENCY_HEAD + body + "\n") == set(), body


def test_company_figures_quoted_by_an_agency_stay() -> None:
    body = "We note that Tolvane guides to revenue of $700 million to $740 million for 2027.\n"
    assert values(_AGENCY_HEAD + body) == {("revenue", "guidance", 700_000_000)}
    body = "Tolvane expects to energize 420 MW by the end of 2027.\n"
    assert values(_AGENCY_HEAD + body) == {("capacity_deployed", "guidance", 420)}
    body = "For 2026, Tolvane's revenue was $512 million and it had 610 MW under lease.\n"
    assert values(_AGENCY_HEAD + body) == {
        ("revenue", "actual", 512_000_000),
        ("capacity_contracted", "actual", 610),
    }
    # Outside a rating action, the company's "we expect" is its guidance.
    text = "Tolvane Data Centers Inc. reported results. We expect to energize at least 420 MW by mid-2028.\n"
    assert ("capacity_deployed", "guidance", 420) in values(text)
