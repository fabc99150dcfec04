"""Whose number it is and whether it is a forecast: an analyst's or author's model is no fact,
and hedged or future-dated company figures are guidance."""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


@pytest.mark.parametrize(
    "text",
    [
        "I had modelled $212 million of revenue for the quarter, so this was a clean beat.",
        "Frankly most of us were at 44% gross margin for the December quarter.",
        "Our bear case is an equity raise of $600 million in the spring.",
        "The whisper number was revenue of $480 million.",
        "By my count, Brackwell's operating margin was close to 22% in the quarter.",
        "My back-of-the-envelope estimate puts gross margin before depreciation at around 64%.",
        "Analysts with Carrow Partners estimate the deal adds $400 million of revenue by 2029, "
        "and see operating margin on it reaching 30%.",
    ],
)
def test_third_party_model_is_no_fact(text: str) -> None:
    assert extract_facts(text) == []


def test_company_figure_beside_pencilled_estimate_is_kept_alone() -> None:
    found = extract_facts(
        "Brenmar guided first-quarter revenue to $140 million to $150 million, above the $131 million "
        "the Street had pencilled in."
    )
    assert [(f.metric, f.kind, f.low, f.high) for f in found] == [("revenue", "guidance", 140e6, 150e6)]


def test_third_party_subject_ends_at_a_new_subject() -> None:
    found = extract_facts("Analysts expected revenue of $300 million, but the company reported $320 million.")
    assert [(f.metric, f.low) for f in found] == [("revenue", 320e6)]


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("We are confident of crossing 2 GW of contracted capacity by fiscal 2030.", "at_least"),
        ("Halden is on course to reach 400 MW of energized capacity by the end of 2027.", "exact"),
        ("We're poised to deliver gross margin of 45% in fiscal 2027.", "exact"),
    ],
)
def test_hedged_company_forecast_is_guidance(text: str, bound: str) -> None:
    (fact,) = extract_facts(text)
    assert (fact.kind, fact.bound) == ("guidance", bound)


def test_contracted_would_is_guidance() -> None:
    (fact,) = extract_facts("At the investor day we said we'd reach a gross margin of 45% in fiscal 2027.")
    assert fact.kind == "guidance"


def test_figure_for_the_next_period_is_guidance() -> None:
    found = extract_facts(
        "Gross margin was 41% in the quarter and should hold at 43% over the next twelve months."
    )
    assert [(f.low, f.kind) for f in found] == [(41, "actual"), (43, "guidance")]
    (fact,) = extract_facts("Nothing we see stands in the way of revenue growth above 40% next year.")
    assert (fact.metric, fact.kind, fact.bound) == ("revenue_growth", "guidance", "at_least")
    # A past comparison stays actual.
    found = extract_facts("Revenue was $300 million, up 20% from last year.")
    assert {f.kind for f in found} == {"actual"}


@pytest.mark.parametrize(
    "text",
    [
        "Tamber expects to use about $85 million of the net proceeds to fund the capped call transactions.",
        "Of the proceeds, the company will use roughly $1.1 billion to fund data-center construction and "
        "$250 million to repay its delayed-draw term loan.",
        "An event of default occurs if we default under other indebtedness in excess of $50 million.",
    ],
)
def test_use_of_proceeds_and_covenant_thresholds_are_not_money_raised(text: str) -> None:
    assert extract_facts(text) == []


def test_money_raised_to_fund_something_is_still_financing() -> None:
    (fact,) = extract_facts(
        "Tamber raised $500 million in a private placement of senior notes to fund its expansion."
    )
    assert (fact.metric, fact.low) == ("financing", 500e6)


def test_estimate_columns_and_estimate_sections_give_no_facts() -> None:
    note = (
        "Brisk Compute (BRSK): raising estimates\n\n"
        "Brisk reported gross margin of 58.0% for the quarter.\n\n"
        "Model summary\n"
        "                        FY26E        FY27E        FY28E\n"
        "Gross margin (%)         58.9         60.1         61.0\n"
        "Op margin (%)            21.4         24.0         26.2\n"
    )
    assert [(f.metric, f.low) for f in extract_facts(note)] == [("gross_margin", 58.0)]
    section = (
        "Brisk reported gross margin of 58.0% for the quarter.\n\n"
        "Our Estimates\n\n"
        "We now see gross margin of 60.5% next year and revenue of $2.2 billion.\n"
    )
    assert [(f.metric, f.low) for f in extract_facts(section)] == [("gross_margin", 58.0)]


def test_year_end_with_its_year_names_that_year() -> None:
    text = "Results for 2025 were strong. Brennick expects to have 240 MW energized by year-end 2027."
    (fact,) = extract_facts(text)
    assert (fact.metric, fact.kind, fact.period) == ("capacity_deployed", "guidance", "2027-FY")


@pytest.mark.parametrize(
    "text",
    [
        "The business plan filed with the lenders calls for revenue of $310 million in 2028.",
        "Brantley's projections in the merger proxy call for gross margin of 41% in fiscal 2029.",
    ],
)
def test_a_plan_or_projection_calling_for_a_figure_is_guidance(text: str) -> None:
    (fact,) = extract_facts(text)
    assert fact.kind == "guidance"


def test_a_committed_part_of_an_expected_total_is_actual() -> None:
    found = extract_facts(
        "The merger is expected to deliver up to $410 million in gross proceeds, including a firmly "
        "committed $120 million PIPE from Sorrel Vale Partners."
    )
    assert [(f.metric, f.kind, f.low) for f in found if f.low == 120e6] == [("financing", "actual", 120e6)]


@pytest.mark.parametrize(
    "text",
    [
        "Our nearest competitor reports 1.8 GW of energized capacity and revenue of $2.1 billion.",
        "One rival claims 900 MW under lease, which we think is generous.",
    ],
)
def test_a_competitors_own_figures_are_no_fact(text: str) -> None:
    assert extract_facts(text) == []


def test_our_figure_beside_a_peers_is_kept() -> None:
    found = extract_facts("We have 640 MW under contract; our closest peer reports 1.1 GW under contract.")
    assert [(f.metric, f.low) for f in found] == [("capacity_contracted", 640)]


def test_a_short_sellers_own_estimates_are_no_fact() -> None:
    text = (
        "Disclosure: Pikeward Analytics and its clients hold short positions in Calderon Grid (CLDG).\n"
        "\n"
        "Calderon reported first-quarter revenue of $84.0 million and says 260 MW is in service. "
        "Our drone footage indicates fewer than 90 MW is actually live. "
        "We think the real operating margin sits nearer to negative 15%.\n"
    )
    got = [(f.metric, f.low) for f in extract_facts(text)]
    assert got == [("revenue", 84_000_000), ("capacity_deployed", 260)]


def test_investors_short_positions_leave_the_companys_first_person_alone() -> None:
    text = (
        "Some investors may hold short positions in our stock.\n"
        "\n"
        "We reported first-quarter revenue of $84.0 million.\n"
    )
    assert [(f.metric, f.low) for f in extract_facts(text)] == [("revenue", 84_000_000)]


@pytest.mark.parametrize(
    "text",
    [
        "If all of the contracted halls were energized now, we would be running at about "
        "$2.5 billion of annual revenue.",
        "If the Dunlin lease had been signed in June, our revenue this year would have been close to "
        "$900 million.",
    ],
)
def test_a_counterfactuals_figure_is_no_fact(text: str) -> None:
    assert extract_facts(text) == []


def test_a_condition_without_a_counterfactual_keeps_its_forecast() -> None:
    found = extract_facts("If demand holds, we expect revenue of $900 million in 2027.")
    assert [(f.metric, f.kind, f.low) for f in found] == [("revenue", "guidance", 900_000_000)]


@pytest.mark.parametrize(
    "text",
    [
        "A 5% decline in hosting prices would have reduced our revenue for the year by roughly $18 million.",
        "If the Morrow campus expansion is approved, it would add about $450 million to our backlog.",
        "If exercised, the extension would lift the value of the agreement to about $1.4 billion.",
        "Dana Whitcombe, Chief Financial Officer: If that order lands, it could add roughly $120 million "
        "to backlog.",
    ],
)
def test_a_supposed_outcome_or_sensitivity_is_no_fact(text: str) -> None:
    assert extract_facts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brenner, Chief Executive Officer: If we were to lease a further 80 megawatts in Nevada, "
        "it would roughly double the campus.",
        "If Quarrystone brings 450 MW online by 2029, its revenue might reach $2 billion.",
    ],
)
def test_a_figure_inside_a_supposing_condition_is_no_fact(text: str) -> None:
    assert extract_facts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A supposed event as the modal's subject, with or without "by".
        "The non-renewal of either anchor lease could, in principle, cut annual revenue by up to "
        "$95 million.",
        "Losing our second-largest tenant might lower backlog by about $700 million.",
        "A one-point change in fleet utilization would move quarterly revenue by roughly $6 million.",
        "Any delay at the Tarrant site could push as much as $45 million of revenue into the next year.",
        # A sensitivity with another subject.
        "Higher wholesale power prices could reduce annual revenue by roughly $20 million.",
        # The condition after its outcome, or inverted before it.
        "We would be a business of more than $18 billion in revenue if every campus in the pipeline were "
        "live today.",
        "Had the second transformer arrived in May, we would have reported revenue of about $310 million.",
        "Were the expansion option exercised, the lease would cover 450 MW.",
        "Should both options be taken up, the agreement would be worth about $6.2 billion.",
    ],
)
def test_what_a_supposed_event_or_condition_would_do_is_no_fact(text: str) -> None:
    assert extract_facts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The event happened: no modal, so the figure is stated.
        ("After the termination of the Holm lease, backlog stood at $4.1 billion.", [("backlog", 4.1e9)]),
        # A modal-free forecast that names an event.
        (
            "Because of a delay at the Arlo campus, we now expect revenue of $900 million for 2026.",
            [("revenue", 9e8)],
        ),
        # Reported speech: the condition sits in another clause than the figure.
        (
            "Tamsin said revenue would be about $640 million, and that it would be higher if the Ohio hall "
            "were live.",
            [("revenue", 6.4e8)],
        ),
        # A bullet that starts with a verb is no inverted condition.
        (
            "Had 500 MW online at year end, up from 300 MW, and would add more in 2027.",
            [
                ("capacity_deployed", 500),
                ("capacity_deployed", 300),
            ],
        ),
    ],
)
def test_an_event_or_a_modal_elsewhere_leaves_a_stated_figure(
    text: str, expected: list[tuple[str, float]]
) -> None:
    assert [(f.metric, f.low) for f in extract_facts(text)] == expected


def test_a_figure_in_a_condition_with_a_plain_main_clause_stays() -> None:
    found = extract_facts("If the Harlow hall's 60 MW is counted, Fenmoor has 410 MW in operation.")
    assert sorted((f.metric, f.low) for f in found) == [("capacity_deployed", 60), ("capacity_deployed", 410)]


def test_an_option_on_more_capacity_is_not_contracted() -> None:
    found = extract_facts(
        "Quintera has signed a lease for 80 MW at the Brookfield site and holds an option to lease a "
        "further 60 MW there."
    )
    assert [(f.metric, f.low) for f in found] == [("capacity_contracted", 80)]


def test_a_result_set_against_the_guide_leaves_the_next_clause_a_result() -> None:
    found = extract_facts(
        "Adjusted operating margin was 18.4%, above our outlook, and GAAP operating margin came in at 11.2%."
    )
    assert [(f.metric, f.kind, f.low) for f in found] == [
        ("operating_margin", "actual", 18.4),
        ("operating_margin", "actual", 11.2),
    ]


def test_a_forecast_the_company_projected_earlier_is_superseded_guidance() -> None:
    found = extract_facts(
        "Delivered capacity for 2027 is now expected to be about 340 MW, rather than the 400 MW "
        "management projected at its investor day."
    )
    assert [(f.metric, f.kind, f.low) for f in found] == [
        ("capacity_deployed", "guidance", 340),
        ("capacity_deployed", "guidance", 400),
    ]


def test_capacity_that_should_be_energized_later_is_guidance() -> None:
    found = extract_facts(
        "Brennock said the second 120 MW hall should be energized in the first half of 2028."
    )
    assert [(f.metric, f.kind, f.low, f.period) for f in found] == [
        ("capacity_deployed", "guidance", 120, "2028-H1")
    ]


def test_a_share_after_the_analysts_clause_has_ended_is_the_companys() -> None:
    found = extract_facts(
        "Brightwell posted revenue of $140 million, above the $132 million analysts had forecast, and said "
        "47% of its revenue came from one customer, Quarry Labs."
    )
    assert [(f.metric, f.kind, f.low, f.counterparty) for f in found] == [
        ("revenue", "actual", 140e6, None),
        ("customer_concentration", "actual", 47, "Quarry Labs"),
    ]


def test_a_pre_announced_closed_quarter_is_a_result() -> None:
    found = extract_facts(
        "Dorrance Systems expects to report revenue of approximately $92 million for the second quarter "
        "of fiscal 2026."
    )
    assert [(f.metric, f.kind, f.low) for f in found] == [("revenue", "actual", 92_000_000)]


def test_expecting_to_report_next_year_stays_a_forecast() -> None:
    found = extract_facts("Dorrance Systems expects to report revenue of about $400 million next year.")
    assert [(f.metric, f.kind) for f in found] == [("revenue", "guidance")]


def test_the_expected_proceeds_of_a_priced_offering_are_money_raised() -> None:
    found = extract_facts(
        "Harrowgate Compute expects net proceeds of about $410 million from the offering, after "
        "underwriting discounts."
    )
    assert [(f.metric, f.kind, f.low) for f in found] == [("financing", "actual", 410_000_000)]


def test_a_customers_share_still_to_come_is_guidance() -> None:
    found = extract_facts(
        "Finance chief Oren Vasquez said Halcyon Robotics would account for about 35% of Tarnwell's "
        "revenue once the second hall is handed over."
    )
    assert [(f.metric, f.kind, f.low, f.counterparty) for f in found] == [
        ("customer_concentration", "guidance", 35, "Halcyon Robotics")
    ]


def test_a_customers_past_share_stays_a_result() -> None:
    found = extract_facts("Halcyon Robotics accounted for 35% of Tarnwell's revenue in 2026.")
    assert [(f.metric, f.kind) for f in found] == [("customer_concentration", "actual")]


def test_the_company_is_read_from_its_own_line_under_a_form_name() -> None:
    """The "K" of "FORM 8-K" (or "6-K") is no part of the name on the next line; a dateline's
    "--" before the name is no hyphenated word either."""
    from rules.extraction.counterparties import document_company

    assert document_company("FORM 8-K\n\nMARLOWE TIDE SYSTEMS, INC.\n\nItem 2.02 …") == "Marlowe Tide Systems"
    assert document_company("FORM 6-K\n\nBrisa Nube Ltd.\n") == "Brisa Nube"
    assert document_company("DENVER--(WIRE)--Jan 5, 2027--Harrow Cloud, Inc. (NASDAQ: HRW)") == "Harrow Cloud"
    # A name may begin with a word that names nobody on its own ("core" revenue, "senior" notes).
    assert (
        document_company("AUSTIN, Texas -- Core Lattice, Inc. (NASDAQ: CRLT) today announced")
        == "Core Lattice"
    )
    assert document_company("Senior Ridge Compute Ltd. today priced its notes.") == "Senior Ridge Compute"


def test_a_lender_or_agent_named_first_is_not_the_company() -> None:
    """A filing written as "we" or "the Company" may name its lender, agent or investor before
    itself; that party is not the company the facts are about (nor then barred as counterparty)."""
    from rules.extraction.counterparties import document_company

    assert (
        document_company(
            "In May 2026, the Company entered into a credit agreement with Harlow Ridge Funding, Inc., "
            "as administrative agent, and the lenders party thereto."
        )
        is None
    )
    assert document_company("We formed a venture with funds managed by Oakhurst Capital LLC.") is None
    assert (
        document_company(
            "The Company sold shares under its sales agreement with B.R. Kessler & Co., LLC, as sales agent."
        )
        is None
    )
    # The company itself, after another party's name or as the object of "by" or "to", stays.
    assert (
        document_company(
            "Quarrow Compute Inc. (NASDAQ: QRW) today announced an agreement with Pellan Systems Ltd."
        )
        == "Quarrow Compute"
    )
    assert document_company(
        "In a release issued earlier today by Ostwind Digital, Inc., a figure was misstated."
    ) == ("Ostwind Digital")
    assert document_company("Funds managed by Varrow Credit closed a term loan to Ternmoor Compute Ltd.") == (
        "Ternmoor Compute"
    )


def test_initials_do_not_end_a_sentence() -> None:
    """ "H.C. Wainwright", "J.P. Morgan": a name's initials, not a full stop, so the figure keeps the
    rest of its sentence."""
    from rules.extraction.sentences import segment

    text = "Proceeds of $48.2 million came from sales through B.R. Kessler as agent. The rest was cash."
    spans = [text[s.start : s.end] for s in segment(text)]
    assert spans == [
        "Proceeds of $48.2 million came from sales through B.R. Kessler as agent.",
        "The rest was cash.",
    ]
    text = "Orrin drew $300 million from a facility arranged by J.P. Sandoval as lead arranger."
    assert [text[s.start : s.end] for s in segment(text)] == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Adjusted EBIT aside, operating margin came to 6.1% on a GAAP basis and 11.4% on an adjusted "
            "basis.",
            [(6.1, "gaap"), (11.4, "non_gaap")],
        ),
        (
            "On a GAAP basis, gross margin was 52.3%, and on a non-GAAP basis it reached 58.0%.",
            [(52.3, "gaap"), (58.0, "non_gaap")],
        ),
        # One phrase after a list of figures still covers them all.
        (
            "Gross margin was 52.3% and operating margin 9.0%, both on a non-GAAP basis.",
            [(52.3, "non_gaap"), (9.0, "non_gaap")],
        ),
    ],
)
def test_a_basis_phrase_belongs_to_its_own_figure(text: str, expected: list[tuple[float, str]]) -> None:
    found = [(f.low, f.basis) for f in extract_facts(text) if f.unit == "percent"]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "Brennock Data signed a nine-year lease with Talvar Systems for 72 MW at its Boise site. Aggregate "
        "contract value over the term is expected to be roughly $1.3 billion.",
        "Big news: we just signed a lease with Talvar Systems for 72MW in Boise. Contract value is ~$1.3B.",
        "Brennock Data entered into a capacity agreement with Talvar Systems for 72 MW. "
        "Total contract value: $1.3 billion.",
    ],
)
def test_a_value_referring_back_to_the_agreement_takes_its_party(text: str) -> None:
    (value,) = [f for f in extract_facts(text) if f.metric == "contract_value"]
    assert (value.low, value.counterparty) == (1.3e9, "Talvar Systems")


@pytest.mark.parametrize(
    "text",
    [
        # Two parties in the paragraph, a sum over several agreements, or a new paragraph.
        "Brennock Data signed a lease with Talvar Systems and another with Orlen Cloud. Aggregate contract "
        "value is $1.3 billion.",
        "Brennock Data signed a lease with Talvar Systems for 72 MW. Total contract value across all "
        "of our leases is now $1.3 billion.",
        "Brennock Data signed a lease with Talvar Systems for 72 MW.\n\nTotal contract value signed this "
        "year reached $1.3 billion.",
    ],
)
def test_a_value_over_several_agreements_takes_no_party(text: str) -> None:
    (value,) = [f for f in extract_facts(text) if f.metric == "contract_value"]
    assert (value.low, value.counterparty) == (1.3e9, None)


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Our two largest tenants, Marrowby AI and Quell Compute, together made up 58% of revenue.",
            "Marrowby AI and Quell Compute",
        ),
        (
            "Marrowby AI and Quell Compute, our two biggest customers, represented 58% of revenue.",
            "Marrowby AI and Quell Compute",
        ),
        (
            "In 2025 our top three customers, Marrowby AI, Quell Compute and Dorran Labs, accounted for "
            "58% of revenue.",
            "Marrowby AI, Quell Compute and Dorran Labs",
        ),
        # A group not made of names has none.
        ("Our two largest customers, both cloud providers, together made up 58% of revenue.", None),
        ("Our two largest customers, Marrowby AI and a US hyperscaler, made up 58% of revenue.", None),
    ],
)
def test_a_customer_group_named_beside_it_is_the_counterparty(text: str, party: str | None) -> None:
    (share,) = extract_facts(text)
    assert (share.metric, share.low, share.counterparty) == ("customer_concentration", 58.0, party)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Client 1 accounted for 33% and Client 2 for 18% of revenue for the six months ended "
            "December 31, 2026.",
            [(33.0, "2026-H2"), (18.0, "2026-H2")],
        ),
        (
            "Gross margin was 47% and operating margin 16% in fiscal 2025.",
            [(47.0, "2025-FY"), (16.0, "2025-FY")],
        ),
        # A compared figure or a clause of its own is no item of the list: the period is not shared.
        (
            "Gross margin was 47%, down from 51% in fiscal 2024.",
            [(47.0, None), (51.0, "2024-FY")],
        ),
        (
            "Gross margin was 47% and operating margin was 16% in fiscal 2025.",
            [(47.0, None), (16.0, "2025-FY")],
        ),
        # Nine months have no label: no period rather than another one.
        ("Gross margin was 47% for the nine months ended September 30, 2026.", [(47.0, None)]),
        ("Revenue was up 31% in the first nine months of 2026.", [(31.0, None)]),
    ],
)
def test_a_period_after_a_list_of_figures_dates_every_item(
    text: str, expected: list[tuple[float, str | None]]
) -> None:
    assert [(f.low, f.period) for f in extract_facts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Consensus (LSEG): Revenue $2.04B, EPS ($0.12), EBITDA $915M vs actual Revenue $2.21B, "
            "EPS $0.03, EBITDA $980M",
            [("revenue", 2.21e9)],
        ),
        (
            "Street estimates (Visible Alpha): revenue $1.31B, gross margin 38%. Actual: revenue $1.35B, "
            "gross margin 39.5%.",
            [("revenue", 1.35e9), ("gross_margin", 39.5)],
        ),
        (
            "Consensus (FactSet):\nRevenue $640M, EBITDA $210M\n\nActual:\nRevenue $655M, EBITDA $232M\n",
            [("revenue", 655e6)],
        ),
        (
            "Analysts' consensus called for revenue of $1.31 billion versus actual revenue of $1.35 billion.",
            [("revenue", 1.35e9)],
        ),
    ],
)
def test_consensus_figures_are_no_fact_but_the_actuals_set_against_them_are(
    text: str, expected: list[tuple[str, float]]
) -> None:
    assert [(f.metric, f.low) for f in extract_facts(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "$4.4 billion for the chips. $7.1 billion in rent over six years. That's a gross margin of about 38% "
        "before power costs.",
        "Back-of-envelope: $2.1 billion of rent against $1.3 billion of costs, which implies an operating "
        "margin of roughly 38%.",
        "That works out to a 44% gross margin, by my reckoning.",
        "So that is an operating margin of around 21% once depreciation is in.",
    ],
)
def test_a_margin_the_writer_works_out_is_no_fact(text: str) -> None:
    assert [f for f in extract_facts(text) if f.unit == "percent"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gross profit was $410 million, representing a gross margin of 41%.",
            [("gross_margin", "actual", 41)],
        ),
        (
            "Our guidance implies an operating margin of 18% at the midpoint.",
            [("operating_margin", "guidance", 18)],
        ),
        (
            "That's a gross margin of 47%, up from 44% a year ago, "
            "finance chief Lena Ortiz said on the call.",
            [("gross_margin", "actual", 47), ("gross_margin", "actual", 44)],
        ),
    ],
)
def test_a_margin_the_company_states_stays(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert [(f.metric, f.kind, f.low) for f in extract_facts(text) if f.unit == "percent"] == expected


@pytest.mark.parametrize(
    "text",
    [
        '"Orders are lumpy," said Dunmore analyst Lea Voss, who now sees 2027 revenue of $640 million.',
        "Kestle Capital analyst Omar Reyes expects fiscal 2027 gross margin of 47%.",
        "The strategist also sees operating margin of 18% next year.",
        "Brede analyst Ines Carvalho said she expects fiscal 2027 revenue of $1.1 billion.",
    ],
)
def test_an_analysts_own_forecast_is_no_guidance(text: str) -> None:
    assert extract_facts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Chief Financial Officer Lea Voss, who now sees 2027 revenue of $640 million, said orders were "
        "strong.",
        "Speaking to analysts, Voss said the company expects revenue of $640 million in 2027.",
        "The company told analysts it now expects revenue of $640 million for 2027.",
        "Pellmore beat analysts' estimates and expects revenue of $640 million in 2027.",
    ],
)
def test_a_company_forecast_told_to_analysts_stays_guidance(text: str) -> None:
    assert [(f.metric, f.kind, f.low) for f in extract_facts(text)] == [("revenue", "guidance", 640_000_000)]


def test_an_analysts_first_person_figures_on_a_call_are_no_facts() -> None:
    text = (
        "Operator: Our next question comes from Ines Carvalho with Brede Partners.\n"
        "\n"
        "Ines Carvalho: Thanks. I'm assuming fiscal 2027 gross margin of about 52%. Is that too high?\n"
        "\n"
        "Omar Haddad, Chief Financial Officer: Slightly. We still expect gross margin of 49% to 50% for "
        "fiscal 2027.\n"
        "\n"
        "Ines Carvalho: Understood. You reported revenue of $318 million this quarter, and I have backlog "
        "near $2.4 billion.\n"
        "\n"
        "Tolland Brooks, Kestle Securities:\n"
        "Thanks. We have you at 31% operating margin for 2027.\n"
        "\n"
        "Omar Haddad:\n"
        "Operating margin was 27% in the quarter, and we expect about 30% for 2027.\n"
    )
    got = [(f.metric, f.kind, f.low) for f in extract_facts(text)]
    assert got == [
        ("gross_margin", "guidance", 49),
        ("revenue", "actual", 318_000_000),
        ("operating_margin", "actual", 27),
        ("operating_margin", "guidance", 30),
    ]


def test_an_answers_bare_figure_takes_the_metric_the_question_named() -> None:
    text = (
        "Lindqvist Systems Q3 2026 Earnings Call\n"
        "\n"
        "Lena Ortiz, Chief Financial Officer: Revenue was $412 million in the third quarter. Fleet "
        "utilization was 91%.\n"
        "\n"
        "Operator: The next question comes from Ruth Calloway with Brede Partners.\n"
        "\n"
        "Ruth Calloway: Thanks. How should we think about full-year operating margin, given power costs?\n"
        "\n"
        "Lena Ortiz: Back in February we said 18% to 19% for the year. We're now looking at 20% to 21% "
        "for fiscal 2026, so we're lifting it. Pricing on renewals was up about 4%.\n"
    )
    got = [(f.metric, f.kind, f.low, f.high) for f in extract_facts(text)]
    assert got == [
        ("revenue", "actual", 412_000_000, 412_000_000),
        ("operating_margin", "guidance", 18, 19),
        ("operating_margin", "guidance", 20, 21),
    ]


def test_a_bare_figure_with_no_question_before_it_stays_unread() -> None:
    text = (
        "Lena Ortiz, Chief Financial Officer: Operating margin held up well. We're now looking at 20% to 21% "
        "for fiscal 2026.\n"
    )
    assert extract_facts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The first three or six months of a year are its first quarter or half.
        ("Sales of $214 million for the first three months of 2027 beat the plan.", [(214e6, "2027-Q1")]),
        (
            "Tarrow booked revenue of $1.1 billion in the first six months of fiscal 2026.",
            [(1.1e9, "2026-H1")],
        ),
        # Nine months stay without a label.
        ("Revenue of $2.9 billion for the first nine months of 2026 was a record.", [(2.9e9, None)]),
    ],
)
def test_the_first_months_of_a_year_name_a_quarter_or_half(
    text: str, expected: list[tuple[float, str | None]]
) -> None:
    assert [(f.low, f.period) for f in extract_facts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A period in the figure's own clause wins over one of an earlier clause.
        (
            "Sales for fiscal Q1 2027 rose 18%, and management guided about 22% growth on a "
            "constant-currency basis for fiscal Q2.",
            [(18.0, "2027-Q1"), (22.0, "2027-Q2")],
        ),
        # Without one of its own, the earlier clause's period still dates it.
        (
            "Sales for fiscal Q1 2027 rose 18%, and gross margin reached 44%.",
            [(18.0, "2027-Q1"), (44.0, "2027-Q1")],
        ),
    ],
)
def test_a_period_in_the_figures_own_clause_wins(text: str, expected: list[tuple[float, str | None]]) -> None:
    assert [(f.low, f.period) for f in extract_facts(text)] == expected


def test_a_deadline_after_the_figure_dates_it_over_the_reports_quarter() -> None:
    text = "Update for Q3 2026: Tamsin expects to have 240 MW energized by the end of the year."
    assert [(f.metric, f.kind, f.period) for f in extract_facts(text)] == [
        ("capacity_deployed", "guidance", "2026-FY")
    ]


def test_year_end_in_a_quarters_report_is_the_year() -> None:
    text = (
        "Tamsin Data reports third quarter 2026 results\n\n"
        "Revenue was $80 million in the quarter. Tamsin aims to have 240 MW online by end of year."
    )
    assert [(f.metric, f.period) for f in extract_facts(text)] == [
        ("revenue", "2026-Q3"),
        ("capacity_deployed", "2026-FY"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A period the figure is compared with is not its own.
        (
            "Tamsin reported results for the second quarter of 2026. Remaining performance obligations "
            "climbed to $8.2 billion, almost triple that of the first quarter.",
            [("backlog", None)],
        ),
        (
            "Tamsin reported results for the third quarter of 2026. Leased capacity reached 1.6 GW, well "
            "above levels seen in the second quarter.",
            [("capacity_contracted", None)],
        ),
        # A period in a contrasting or relative clause after the figure is that clause's own.
        (
            "Signed capacity rose to 1.9 gigawatts, but the company trimmed its sales outlook for 2027.",
            [("capacity_contracted", None)],
        ),
        (
            "The lease covers 300 MW at the Ashby campus, which enters service in 2028.",
            [("capacity_contracted", None)],
        ),
        # Its own period stays.
        (
            "Remaining performance obligations were $8.2 billion in the third quarter of 2026.",
            [("backlog", "2026-Q3")],
        ),
    ],
)
def test_a_compared_or_another_clauses_period_does_not_date_a_balance(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(f.metric, f.period) for f in extract_facts(text)] == expected
