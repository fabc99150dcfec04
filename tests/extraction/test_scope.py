"""Which words govern which figure: paired status words, compared pairs, relative clauses,
numbered things that are not range ends, and a wire's note on its own edit."""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def metrics_of(text: str) -> list[tuple[str, float]]:
    return [(f.metric, f.low) for f in extract_facts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Status after each figure: the word between them is the first figure's.
        (
            "Kestrel Compute had 280 MW of capacity in service and 910 MW under signed leases at year end.",
            [("capacity_deployed", 280), ("capacity_contracted", 910)],
        ),
        (
            "The Tulsa campus has 120 MW energized and 300 MW contracted.",
            [("capacity_deployed", 120), ("capacity_contracted", 300)],
        ),
        # Status before each figure: the word between them is the second figure's.
        (
            "Energized capacity reached 210 MW and contracted capacity 640 MW.",
            [("capacity_deployed", 210), ("capacity_contracted", 640)],
        ),
        (
            "We energized 40 MW in the quarter and signed 200 MW with a hyperscaler.",
            [("capacity_deployed", 40), ("capacity_contracted", 200)],
        ),
        (
            "Contracted capacity rose to 900 MW and 350 MW is now energized.",
            [("capacity_contracted", 900), ("capacity_deployed", 350)],
        ),
        # One trailing status shared by both figures.
        (
            "We have leases for 100 MW and 200 MW under contract with two tenants.",
            [("capacity_contracted", 100), ("capacity_contracted", 200)],
        ),
    ],
)
def test_status_word_between_two_power_figures(text: str, expected: list[tuple[str, float]]) -> None:
    assert metrics_of(text) == expected


def test_compared_pair_answers_the_stated_pair_in_order() -> None:
    got = metrics_of(
        "Brantley had 356 MW in operation and 1,020 MW under signed leases as of June 30, 2026, "
        "compared with 241 MW and 690 MW as of December 31, 2025."
    )
    assert got == [
        ("capacity_deployed", 356),
        ("capacity_contracted", 1020),
        ("capacity_deployed", 241),
        ("capacity_contracted", 690),
    ]
    margins = metrics_of(
        "Gross margin was 41% and operating margin 12%, compared with 38% and 9% a year earlier."
    )
    assert margins == [
        ("gross_margin", 41),
        ("operating_margin", 12),
        ("gross_margin", 38),
        ("operating_margin", 9),
    ]


def test_forecast_in_a_relative_clause_does_not_reach_the_main_clause() -> None:
    found = extract_facts(
        "Veltro, which has said it expects to bring 200 MW online by mid-2028, had 75 MW energized "
        "at the end of June."
    )
    kinds = {f.low: f.kind for f in found}
    assert kinds == {200: "guidance", 75: "actual"}
    found = extract_facts(
        "Orla Systems, which expects revenue of $1.2 billion this year, reported gross margin of 44%."
    )
    assert {(f.metric, f.kind) for f in found} == {("revenue", "guidance"), ("gross_margin", "actual")}
    # Without the relative clause the forecast still governs the rest of the sentence.
    found = extract_facts("The company expects revenue of $1.2 billion and gross margin of 44%.")
    assert {f.kind for f in found} == {"guidance"}


@pytest.mark.parametrize(
    "text",
    [
        "The company is expanding Phase 2 to 300 MW of leased capacity.",
        "As described in Note 7 to $300 million of notes issued in May, the notes mature in 2031.",
    ],
)
def test_numbered_thing_is_not_a_range_end(text: str) -> None:
    assert all(f.low == f.high for f in extract_facts(text))


def test_bare_number_still_opens_a_range() -> None:
    (fact,) = extract_facts("Fiscal 2027 revenue guidance is 2 to $2.2 billion.")
    assert (fact.low, fact.high) == (2e9, 2.2e9)


def test_wire_edit_note_gives_no_fact_and_the_story_does() -> None:
    text = (
        "(Corrects size of facility in second paragraph to $750 million from $570 million)\n\n"
        "Harwick Data Centers said on Tuesday it had closed a $750 million credit facility "
        "led by Ashby Bank."
    )
    found = extract_facts(text)
    assert [(f.metric, f.low) for f in found] == [("financing", 750e6)]
    assert found[0].evidence.startswith("Harwick")
    # A bracketed sentence that is not an edit note is read as usual.
    (fact,) = extract_facts("(Revenue rose to $310 million in the quarter.)")
    assert fact.metric == "revenue"


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        (
            "Under the prospectus we are selling 3,500,000 shares of common stock, and we expect gross "
            "proceeds of $180 million.",
            "equity",
        ),
        ("Halden closed a $2.4 billion project financing for its Amarillo campus.", "loan"),
        ("Halden closed a $700 million construction financing with Ashby Bank.", "loan"),
    ],
)
def test_instrument_named_in_another_clause_or_as_project_financing(text: str, instrument: str) -> None:
    (fact,) = extract_facts(text)
    assert (fact.metric, fact.instrument) == ("financing", instrument)


def test_heading_period_dates_the_sections_balances() -> None:
    text = (
        "Arden Compute Reports Results\n\n"
        "Second Quarter 2026 Highlights\n\n"
        "- Revenue of $212.0 million.\n"
        "- Contracted capacity of 1.4 GW.\n"
        "- Remaining performance obligations of $6.2 billion.\n\n"
        "About Arden Compute\n\n"
        "Arden operates 300 MW of energized capacity across four campuses.\n"
    )
    periods = {(f.metric, f.period) for f in extract_facts(text)}
    assert ("revenue", "2026-Q2") in periods
    assert ("capacity_contracted", "2026-Q2") in periods
    assert ("backlog", "2026-Q2") in periods
    # Without a period heading a balance keeps no period: the document's context is not its date.
    found = extract_facts(
        "Arden reported revenue of $212.0 million for the second quarter of 2026.\n\n"
        "The company has 1.4 GW of contracted capacity."
    )
    assert {(f.metric, f.period) for f in found} == {("revenue", "2026-Q2"), ("capacity_contracted", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The verb after the whole is the part's; the whole takes no status.
        (
            "The last 220 MW of the 500 MW Ravensholt campus is now leased to Pellworth AI.",
            [("capacity_contracted", 220)],
        ),
        (
            "Velmora energized 90 MW in May, and says the other 130 MW of its 220 MW second hall has been "
            "committed to a cloud customer.",
            [("capacity_deployed", 90), ("capacity_contracted", 130)],
        ),
    ],
)
def test_a_part_of_a_whole_takes_the_verb_after_it(text: str, expected: list[tuple[str, float]]) -> None:
    assert metrics_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leases signed but not yet energized came to 175 MW at year end.", [("capacity_contracted", 175)]),
        ("Capacity under contract that is not yet live totalled 310 MW.", [("capacity_contracted", 310)]),
    ],
)
def test_a_denied_status_is_no_status(text: str, expected: list[tuple[str, float]]) -> None:
    assert metrics_of(text) == expected


def test_a_present_tense_energizes_is_deployed() -> None:
    assert metrics_of("Brackwell energizes its first 60MW in Ohio, signs a lease with Tamsin Cloud") == [
        ("capacity_deployed", 60)
    ]


def test_an_outlook_lead_in_after_another_sentence_on_its_line_governs_the_list() -> None:
    text = (
        "Brennoch Data Ltd. today revised its guidance for fiscal 2027. "
        "For the full year, Brennoch anticipates:\n"
        "\n"
        "  * Revenue: $640 million to $660 million\n"
        "  * Adjusted gross margin: 29% to 31%\n"
        "\n"
        "The change follows the loss of a colocation tenant in Leeds, "
        "which Brennoch disclosed in its last filing.\n"
        "Revenue for the second quarter was $150 million.\n"
    )
    got = [(f.metric, f.kind, f.low) for f in extract_facts(text)]
    assert got == [
        ("revenue", "guidance", 640_000_000),
        ("gross_margin", "guidance", 29),
        ("revenue", "actual", 150_000_000),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Under the 2027 executive bonus plan, the board set a revenue goal of $1.3 billion and an "
        "adjusted operating margin goal of 18%.",
        "Performance stock units granted this year vest only if cumulative revenue reaches $5.1 billion.",
        "The long-term incentive award pays out at a gross margin of 47% over the cycle.",
    ],
)
def test_pay_plan_goals_are_not_results_nor_outlook(text: str) -> None:
    assert metrics_of(text) == []


def test_pay_words_elsewhere_leave_results_alone() -> None:
    text = "Revenue was $412.5 million, up 31%; the board paid no bonus for the year."
    assert metrics_of(text) == [("revenue", 412_500_000), ("revenue_growth", 31)]


@pytest.mark.parametrize(
    "text",
    [
        "If the utility hands us another 60 megawatts next spring, we could book perhaps $350 million of "
        "revenue.",
        "Pellamy expects net proceeds of about $388.0 million, or about $446.5 million if the underwriters "
        "take up their option in full.",
        "Conditions to Final Funding: a certificate that at least 90 MW of capacity is energized across the "
        "Borrower's sites.",
        "Conditions Precedent to Phase II Loans: delivery of evidence that 90 MW is in service.",
    ],
)
def test_hypotheticals_and_conditions_are_not_facts(text: str) -> None:
    assert all(low not in (350_000_000, 446_500_000, 90) for _m, low in metrics_of(text))


def test_an_assumed_schedule_keeps_the_estimate() -> None:
    text = "Total rent over the term will be approximately $2.2 billion, assuming each phase starts on time."
    assert metrics_of(text) == [("contract_value", 2_200_000_000)]


def test_a_full_year_lead_in_with_its_year_dates_its_list_after_a_quarters_list() -> None:
    text = (
        "Outlook\n"
        "\n"
        "For the second quarter of 2028, Tarnow Cloud expects:\n"
        "- Revenue of $210 million to $220 million.\n"
        "\n"
        "For the full year 2028, Tarnow Cloud expects:\n"
        "- Revenue of $900 million to $940 million.\n"
    )
    got = [(f.low, f.period) for f in extract_facts(text)]
    assert got == [(210_000_000, "2028-Q2"), (900_000_000, "2028-FY")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A figure with its own label outside the vocabulary takes no earlier label's metric.
        (
            "Q3: Revenue $880M, Adj. EBITDA $301M, FCF ($120M), Net debt $2.4B, Bookings $1.1B.",
            [("revenue", 880e6)],
        ),
        ("Revenue $1.4B, FCF $510M, Debt: $3.3B", [("revenue", 1.4e9)]),
        ("Sales $760M; Inventory $410M; Deposits $90M; Goodwill $1.2B", [("revenue", 760e6)]),
        ("Gross margin: 41%, EBITDA margin: 28%, OpM: 9%.", [("gross_margin", 41)]),
        ("Revenue by customer: Ardent $300M, Quarry $210M.", []),
        # A period, basis or outlook word qualifies the metric before it, and an own cue keeps its own.
        ("Non-GAAP gross margin 45%, GAAP 43%.", [("gross_margin", 45), ("gross_margin", 43)]),
        ("Revenue: Q3 $1.26B, Q2 $1.02B.", [("revenue", 1.26e9), ("revenue", 1.02e9)]),
        ("Revenue $1.2B, cRPO $3.4B.", [("revenue", 1.2e9), ("backlog", 3.4e9)]),
        ("Revenue: $1.26B", [("revenue", 1.26e9)]),
    ],
)
def test_a_list_items_own_label_governs_its_figure(text: str, expected: list[tuple[str, float]]) -> None:
    assert metrics_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our Reno campus has 180 MW in service now, and we'll have about 320 MW energized by the close "
            "of 2027.",
            [("capacity_deployed", "actual", 180), ("capacity_deployed", "guidance", 320)],
        ),
        (
            "Sales were $95 million last quarter; we’ll be at roughly $450 million in fiscal 2028.",
            [("revenue", "actual", 95_000_000), ("revenue", "guidance", 450_000_000)],
        ),
        (
            "Of the remainder, 60 MW'll be handed over in the third quarter.",
            [("capacity_deployed", "guidance", 60)],
        ),
        # A contraction with no forecast verb after it leaves the figure a result.
        ("We'll take the win: gross margin was 47% in the quarter.", [("gross_margin", "actual", 47)]),
    ],
)
def test_a_contracted_will_forecasts_like_will(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert [(f.metric, f.kind, f.low) for f in extract_facts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pellworth reaffirmed its 2027 sales outlook of $410 million to $440 million while "
            "disclosing that 275 MW was energized at the end of June.",
            [("revenue", "guidance", 410_000_000), ("capacity_deployed", "actual", 275)],
        ),
        (
            "Norvale kept its full-year revenue forecast at $1.3 billion, and leased capacity had risen to "
            "640 MW by September.",
            [("revenue", "guidance", 1_300_000_000), ("capacity_contracted", "actual", 640)],
        ),
        (
            "We now aim for 900 MW by 2028, and we have 510 MW in service today.",
            [("capacity_deployed", "guidance", 900), ("capacity_deployed", "actual", 510)],
        ),
        # The joined clause forecasts too: both stay guidance.
        (
            "Dorrance expects revenue of $700 million, and said gross margin would be roughly 38%.",
            [("revenue", "guidance", 700_000_000), ("gross_margin", "guidance", 38)],
        ),
        (
            "We expect revenue of $1.2 billion and 300 MW energized by June.",
            [("revenue", "guidance", 1_200_000_000), ("capacity_deployed", "guidance", 300)],
        ),
    ],
)
def test_a_clause_that_reports_ends_the_forecast_before_it(
    text: str, expected: list[tuple[str, str, float]]
) -> None:
    assert [(f.metric, f.kind, f.low) for f in extract_facts(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Halvard now expects 2026 revenue near $1.9 billion, compared with the $1.7 billion to $1.8 billion "
        "range it gave in May.",
        "Halvard now expects full-year revenue of about $1.9 billion; in May it had called for "
        "$1.7 billion to $1.8 billion.",
        "Revenue of $1.9 billion topped the $1.7 billion to $1.8 billion range it gave in May.",
        "Halvard now sees 2026 revenue near $1.9 billion, versus the $1.7 billion to $1.8 billion outlook "
        "issued in May.",
    ],
)
def test_a_superseded_range_is_guidance_never_a_result(text: str) -> None:
    old = [f.kind for f in extract_facts(text) if f.low == 1_700_000_000]
    assert old == ["guidance"]


def test_a_compared_result_and_a_balance_the_company_expects_to_recognize_stay_results() -> None:
    got = [
        (f.metric, f.kind, f.low)
        for f in extract_facts("Revenue was $1.9 billion, compared with $1.2 billion a year earlier.")
    ]
    assert got == [("revenue", "actual", 1_900_000_000), ("revenue", "actual", 1_200_000_000)]
    balance = [
        (f.metric, f.kind)
        for f in extract_facts(
            "Backlog stood at $2.1 billion, which it expects to recognize over five years."
        )
    ]
    assert balance == [("backlog", "actual")]
