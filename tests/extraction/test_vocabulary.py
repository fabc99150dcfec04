"""Wording the vocabulary must read, and look-alikes it must leave alone.

Company-name share moves ("Brindle Compute fell 9.4%"), metric synonyms ("EBIT margin",
"grow revenue 40%"), shares of revenue that are not customer concentration, and megawatts
that are not data-center capacity. Each rule has its distractors beside it.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def moves(text: str) -> list[tuple[float, str | None]]:
    return [(f.low, f.company) for f in extract_facts(text) if f.metric == "stock_move"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tessaract Systems (TSSX US) jumped 12% in New York trading.", [(12.0, "Tessaract Systems")]),
        ("Brindle Compute fell as much as 9.4% on Tuesday.", [(-9.4, "Brindle Compute")]),
        ("Orvane Labs has lost 31% since its listing in March.", [(-31.0, "Orvane Labs")]),
        ("Halloway, the cooling-equipment maker, rose 4.2%.", [(4.2, "Halloway")]),
        ("Elsewhere, Quarrymoor Power slumped 7% after cutting its outlook.", [(-7.0, "Quarrymoor Power")]),
        ("Kestrel Fabric (NASDAQ: KSTF) was down 3.3% at midday.", [(-3.3, "Kestrel Fabric")]),
        ("Rowan Grid closed 6.1% higher on Friday.", [(6.1, "Rowan Grid")]),
        ("Corbel Digital rose 2.5% to $41.20 in early trading.", [(2.5, "Corbel Digital")]),
        ("After posting third-quarter results, Ashby Lane rose 12% on Tuesday.", [(12.0, "Ashby Lane")]),
        (
            "Top movers: Gantry Networks (GNTY US) +8.2%, Sallow Data (SLDA US) -5.5%.",
            [(8.2, "Gantry Networks"), (-5.5, "Sallow Data")],
        ),
        (
            "Peers also fell: Marlow Cloud dropped 3.9% and Ingle Power slid 2.2%.",
            [(-3.9, "Marlow Cloud"), (-2.2, "Ingle Power")],
        ),
    ],
)
def test_company_as_subject_of_a_share_move(text: str, expected: list[tuple[float, str | None]]) -> None:
    # A movers column drops "shares": the company itself rose or fell, and the fact is about it.
    assert moves(text) == expected


def test_single_word_name_known_from_the_document() -> None:
    # "Dunmore" alone at a sentence start could be any noun; the document tags it with a ticker.
    text = "Dunmore Robotics (DNMR US) rose 2.2% on Monday. Dunmore has gained 61% this year."
    assert moves(text) == [(2.2, "Dunmore Robotics"), (61.0, "Dunmore")]


def test_products_and_units_in_a_release_are_not_share_moves() -> None:
    # Title-case products and units move like companies; only the company shown as one counts.
    text = (
        "Fernhollow Systems, Inc. (NASDAQ: FRNH) today reported results. Vireo Ultra surged 60%. "
        "Subscriptions rose 14% and Services added 6%. Fernhollow Cloud rose 45%. "
        "Fernhollow Systems rose 3.2% on Thursday, while rival Quillbrook Silicon (QBRK US) slid 2.1%."
    )
    assert moves(text) == [(3.2, "Fernhollow Systems"), (-2.1, "Quillbrook Silicon")]


@pytest.mark.parametrize(
    "text",
    [
        "Revenue rose 22% in the quarter.",
        "Data Center revenue jumped 40% from a year earlier.",
        "Bookings fell 5% in the quarter.",
        "Backlog climbed 12%.",
        "The Nasdaq rose 1.2% and the S&P 500 gained 0.8%.",
        "Nasdaq fell 2.1% on Tuesday.",
        "The Dow Jones Industrial Average lost 0.4%.",
        "The KOSPI fell 2% and the Nikkei 225 lost 1.1%.",
        "Capex jumped 40% to $2.1 billion.",
        "Utilization rose to 94%.",
        "Shipments rose 30% year over year.",
        "Europe rose 12%, while North America gained 20%.",
        "Revenue from Microsoft rose 40% in the quarter.",
        "Sales to Nvidia jumped 31%.",
        "Revenue by segment: Data Center rose 22%, Gaming fell 5%.",
        "Bitcoin fell 5% on Friday while Gold rose 1%.",
        "Headcount rose 12% to 4,200.",
        "Deliveries dropped 8% sequentially.",
        "Cloud Services rose 18% to $1.2 billion.",
        "Opex climbed 9%.",
        "Prices fell 15% as supply improved.",
        "Microsoft lost 5% of its market share.",
        "Wholesale -3%, retail +5% in the quarter.",
        "Hopper fell 20% as customers moved to newer parts.",
        "In the third quarter, Blackwell rose 30%.",
        "We track total GPU-hours. GPU-hours rose 40%.",
        "We report blended ARPU. ARPU rose 5%.",
        "Lakeshore rose 4% from the prior quarter.",
        "Ordinary Profit rose 12%.",
        "Net Revenue Retention rose 5%.",
        "Vanguard Group added 5% to its stake.",
        "Skyrun Compute gained 2% market share.",
    ],
)
def test_metric_and_index_moves_are_not_share_moves(text: str) -> None:
    assert moves(text) == []


def margins(text: str) -> list[tuple[str, str, float, float, str | None]]:
    return [
        (f.metric, f.kind, f.low, f.high, f.basis)
        for f in extract_facts(text)
        if f.metric in ("operating_margin", "gross_margin")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Adjusted EBIT margin reached 9.8% in the half.",
            [("operating_margin", "actual", 9.8, 9.8, "non_gaap")],
        ),
        (
            "Keldor now targets an EBIT margin of 11-13% for 2027.",
            [("operating_margin", "guidance", 11.0, 13.0, None)],
        ),
        (
            "Operating (EBIT) margin stood at 17.5% for the quarter.",
            [("operating_margin", "actual", 17.5, 17.5, None)],
        ),
        ("EBIT (operating) margin was 8.2%.", [("operating_margin", "actual", 8.2, 8.2, None)]),
    ],
)
def test_ebit_margin_is_operating_margin(
    text: str, expected: list[tuple[str, str, float, float, str | None]]
) -> None:
    # EBIT is operating profit; "adjusted" makes it non-GAAP, a bracketed alias keeps the metric.
    assert margins(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "EBITDA margin was 22% in the quarter.",
        "Adjusted EBITDA margin of 31% was a record.",
        "EBIT rose 12% to EUR 40m.",
        "EBITA margin was 18%.",
    ],
)
def test_ebitda_and_ebit_growth_are_not_margins(text: str) -> None:
    assert [f.metric for f in extract_facts(text)] == []


@pytest.mark.parametrize(
    ("text", "kind", "low"),
    [
        ("We expect to grow revenue 30% in fiscal 2027.", "guidance", 30.0),
        ("Management expects to increase total revenue by 25% next year.", "guidance", 25.0),
        ("Last year we grew revenue 48% while holding costs flat.", "actual", 48.0),
        ("Tamberlane expanded its revenue by 19% in the first half.", "actual", 19.0),
    ],
)
def test_verb_first_revenue_growth(text: str, kind: str, low: float) -> None:
    # "grow revenue 30%": the growth verb is written before the metric noun.
    assert [(f.metric, f.kind, f.low) for f in extract_facts(text)] == [("revenue_growth", kind, low)]


@pytest.mark.parametrize(
    "text",
    [
        "We grew revenue per customer 12%.",
        "We increased revenue share to 30% of the deal.",
        "We expect to grow revenue faster than 30%.",
        "To grow revenue, we cut prices 15%.",
    ],
)
def test_verb_first_growth_needs_the_figure_right_after_revenue(text: str) -> None:
    assert [f.metric for f in extract_facts(text) if f.metric == "revenue_growth"] == []


def concentration(text: str) -> list[tuple[float, str | None]]:
    return [(f.low, f.counterparty) for f in extract_facts(text) if f.metric == "customer_concentration"]


@pytest.mark.parametrize(
    "text",
    [
        # The disclosure threshold of a concentration table.
        "Customers that individually accounted for 10% or more of revenue were as follows:",
        "The table below shows customers accounting for more than 10% of our revenue.",
        "Two customers each accounted for more than 10% of net sales in fiscal 2025.",
        "We had two customers, each of which accounted for at least 10% of revenue.",
        # Where customers are, not who they are.
        "Sales to customers in China accounted for 27% of net sales in 2025.",
        "International customers represented 31% of revenue.",
        "Revenue from customers based outside Canada was 22% of total revenue, compared with 25% in 2024.",
        # What the company buys.
        "Our largest vendor accounted for 64% of inventory purchases in 2025.",
        "Our top two suppliers accounted for 80% of our GPU purchases.",
        "Purchases from our largest supplier, a Taiwanese foundry, represented 72% of total purchases.",
        # What the company sells.
        "Sales of our accelerator systems represented 40% of revenue.",
        "Subscription revenue accounted for 62% of total revenue.",
        "Hardware products represented 35% of revenue in the year.",
        # A business line or segment is no customer either.
        "Managed inference services contributed 64% of revenue in the quarter.",
        "The colocation segment represented 28% of total revenue.",
        "Compute infrastructure accounted for roughly 88% of revenue.",
        "For the second quarter we expect revenue of $90 million to $95 million, hosting above 55% of it.",
        # A rate of growth beside a line's revenue is no share of revenue.
        "Retail revenues were RMB512 million, representing a year-over-year growth of 41.2%.",
        "The Company expects revenues of RMB1.2 billion, representing an increase of 30% to 35%.",
    ],
)
def test_shares_that_are_no_customers_concentration(text: str) -> None:
    assert concentration(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Customer B accounted for 23% of revenue in fiscal 2025.", [(23.0, "Customer B")]),
        ("Our largest customer represented 61% of revenue for the year.", [(61.0, None)]),
        ("The top four customers together accounted for 83% of total revenue.", [(83.0, None)]),
        ("Our largest customer, a U.S. hyperscaler, accounted for 38% of revenue.", [(38.0, None)]),
        (
            "Brightwater Labs accounted for more than 10% of revenue in fiscal 2025.",
            [(10.0, "Brightwater Labs")],
        ),
        ("Sales to Meta represented 44% of total revenue in the quarter.", [(44.0, "Meta")]),
        ("Amazon Web Services accounted for 30% of revenue.", [(30.0, "Amazon Web Services")]),
        # A customer whose name holds a business word is still a customer.
        ("Brannock Hosting Services accounted for 21% of revenue.", [(21.0, "Brannock Hosting Services")]),
        (
            "Our two hyperscale customers, whose infrastructure we run, represented 71% of revenue.",
            [(71.0, None)],
        ),
        # What an aside says about the customer is not the subject.
        ("Lindqvist AB, also a supplier of ours, accounted for 30% of revenue.", [(30.0, "Lindqvist AB")]),
        ("Vexmoor, which licenses our software, accounted for 18% of revenue.", [(18.0, "Vexmoor")]),
        (
            "Revenue from our largest customer, headquartered in Ireland, was 52% of total revenue.",
            [(52.0, None)],
        ),
    ],
)
def test_customer_shares_stay_concentration(text: str, expected: list[tuple[float, str | None]]) -> None:
    assert concentration(text) == expected


def capacity(text: str) -> list[tuple[str, float]]:
    return [(f.metric, f.low) for f in extract_facts(text) if f.unit == "mw"]


@pytest.mark.parametrize(
    "text",
    [
        "Harrowfield signed four power purchase agreements for 320 MW of onshore wind generation.",
        "The company contracted PPAs totaling 1.2 GW of new solar capacity in Texas.",
        "We signed a virtual PPA with a utility for a 150 MW solar farm.",
        "Our demand-response contracts cover up to 60 MW of curtailable load.",
        "The grid operator signed an interconnection agreement with us for 400 MW.",
        "We hold 700 MW of grid interconnection rights at the site.",
        "During the heat wave we curtailed 35 MW for four hours.",
        "Battery storage of 40 MW was installed at the campus.",
        "Our portfolio consumed 2,104,000 MWh of electricity in 2025.",
    ],
)
def test_power_bought_or_shed_is_not_data_center_capacity(text: str) -> None:
    assert capacity(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 300 MW campus, backed by a PPA, is fully leased to Oracle.", [("capacity_contracted", 300.0)]),
        ("Backed by a new PPA, the campus has 250 MW of leased capacity.", [("capacity_contracted", 250.0)]),
        ("We signed a PPA with a utility and leased 200 MW to Meta.", [("capacity_contracted", 200.0)]),
        (
            "After the interconnection approval we energized 100 MW at the site.",
            [("capacity_deployed", 100.0)],
        ),
        ("Our solar-powered campus has 120 MW of contracted capacity.", [("capacity_contracted", 120.0)]),
    ],
)
def test_data_center_capacity_near_energy_words_stays(text: str, expected: list[tuple[str, float]]) -> None:
    assert capacity(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tarrow granted the buyer options that vest once its cumulative spend under the supply agreement "
        "exceeds $500 million or $1.5 billion.",
        "The earn-out is paid in tranches when cumulative contract revenue hits US$250 million and "
        "US$400 million.",
    ],
)
def test_a_conditions_dollar_thresholds_are_no_contract_value(text: str) -> None:
    assert extract_facts(text) == []


def test_a_contract_value_beside_a_vesting_condition_is_kept() -> None:
    found = extract_facts(
        "Tarrow signed a supply agreement valued at $2.2 billion with Ondine Labs; warrants vest in tranches."
    )
    assert [(f.metric, f.low) for f in found] == [("contract_value", 2.2e9)]


@pytest.mark.parametrize(
    "text",
    [
        "Remaining performance obligations, meaning revenue under contract not yet recognised, were "
        "$3.7 billion.",
        "The backlog, i.e. signed revenue still to be billed, reached $880 million at the end of June.",
    ],
)
def test_a_defining_appositive_does_not_rename_its_noun(text: str) -> None:
    assert [f.metric for f in extract_facts(text)] == ["backlog"]


@pytest.mark.parametrize(
    "text",
    [
        "The Varnholt deal was launched at $800 million on Thursday.",
        "The deal was upsized after an order book that topped $3.1 billion, the leads said.",
    ],
)
def test_a_bond_deals_launch_size_and_order_book_are_no_contract_or_backlog(text: str) -> None:
    assert [(f.metric, f.low) for f in extract_facts(text)] == []


def test_an_order_book_outside_a_bond_deal_is_backlog() -> None:
    found = extract_facts("Tamsworth's order book reached $2.4 billion at the end of the quarter.")
    assert [(f.metric, f.low) for f in found] == [("backlog", 2_400_000_000)]


@pytest.mark.parametrize(
    "text",
    [
        "Dunmore Holdings will acquire Seabright Fiber in a cash transaction valued at $1.6 billion.",
        "HARLOW GRID AGREES TO ACQUIRE TEMPEST POWER IN ALL-CASH DEAL VALUED AT $880 MILLION",
    ],
)
def test_a_purchase_price_is_not_a_contract_value(text: str) -> None:
    assert [f.metric for f in extract_facts(text)] == []


def test_a_supply_deal_beside_an_old_merger_keeps_its_value() -> None:
    text = "Since its merger with Ayle in 2024, Dunmore has signed a deal valued at $900 million with Corix."
    assert [(f.metric, f.low) for f in extract_facts(text)] == [("contract_value", 900_000_000)]


@pytest.mark.parametrize(
    "text",
    [
        "MORALES: The backlog's roughly $5 billion now with this contract.",
        "Our backlog stands at about $5 billion after the new agreement.",
    ],
)
def test_a_backlog_lifted_by_a_deal_stays_a_backlog(text: str) -> None:
    assert [f.metric for f in extract_facts(text)] == ["backlog"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Net sales grew 31% from the year-ago period and 7% from the first quarter.", [31]),
        ("Revenue increased 22% from the third quarter of 2026.", [22]),
        ("Revenue increased 19% from the fourth quarter last year.", [19]),
    ],
)
def test_growth_from_a_quarter_named_without_a_year_is_sequential(text: str, expected: list[float]) -> None:
    assert [f.low for f in extract_facts(text) if f.metric == "revenue_growth"] == expected


def test_a_valuation_with_an_adjective_before_the_company_is_no_financing() -> None:
    found = extract_facts(
        "Corvale raised $320 million in a Series C round led by Ashgate Partners, valuing the "
        "four-year-old startup at $2.8 billion."
    )
    assert [(f.metric, f.low, f.instrument) for f in found] == [("financing", 320e6, "equity")]


@pytest.mark.parametrize(
    "text",
    [
        "Brisco Parish approved a payment-in-lieu-of-taxes abatement worth $62 million over 15 years.",
        "The state awarded Kestrel Fabric an incentive package valued at $38 million for the Wynton campus.",
    ],
)
def test_public_aid_to_a_project_is_no_contract(text: str) -> None:
    assert extract_facts(text) == []


def test_a_customer_agreement_valued_at_stays_a_contract() -> None:
    found = extract_facts("Kestrel Fabric signed a hosting agreement with Ivel Labs valued at $38 million.")
    assert [(f.metric, f.low) for f in found] == [("contract_value", 38e6)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brackmoor now has 96 MW running across its two Ohio halls.", [("capacity_deployed", 96.0)]),
        ("By March we had 145 megawatts up and running in Querétaro.", [("capacity_deployed", 145.0)]),
        ("Some 58 MW is serving tenants at the Leduc campus today.", [("capacity_deployed", 58.0)]),
        # The state written after the noun phrase is the figure's; "leased", "contracted" or
        # "pre-leased" before the noun only say what kind of capacity it is.
        (
            "At year-end Fenwick had 174 MW of pre-leased critical load in operation.",
            [("capacity_deployed", 174.0)],
        ),
        ("The group counts 61 MW of contracted power that is now live.", [("capacity_deployed", 61.0)]),
        ("Talmont has 52 MW of pre-leased load commissioned since May.", [("capacity_deployed", 52.0)]),
        (
            "Orrisdale has 310 MW of leased IT load operating and another 120 MW leased but not yet "
            "handed over.",
            [("capacity_deployed", 310.0), ("capacity_contracted", 120.0)],
        ),
    ],
)
def test_capacity_in_service_under_other_verbs(text: str, expected: list[tuple[str, float]]) -> None:
    assert capacity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No state after the noun, a denied one, or one still to come: the lease decides.
        ("Orrisdale has 88 MW of leased capacity not yet in service.", [("capacity_contracted", 88.0)]),
        (
            "Orrisdale has 88 MW of leased capacity, which will be handed over next spring.",
            [("capacity_contracted", 88.0)],
        ),
        ("Work on the 88 MW pre-leased hall is running behind schedule.", [("capacity_contracted", 88.0)]),
        (
            "Orrisdale signed leases for 88 MW, lifting its running total to 640 MW contracted.",
            [("capacity_contracted", 88.0), ("capacity_contracted", 640.0)],
        ),
    ],
)
def test_running_and_serving_are_read_only_as_a_state(text: str, expected: list[tuple[str, float]]) -> None:
    assert capacity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our lease backlog, reflecting minimum rents under signed contracts, was $2.7 billion at "
            "March 31.",
            [("backlog", 2.7e9)],
        ),
        (
            "Remaining performance obligations (future payments under executed customer agreements) "
            "reached $640 million.",
            [("backlog", 640e6)],
        ),
        ("Revenue, excluding pass-through electricity costs, was $118.3 million.", [("revenue", 118.3e6)]),
        ("Gross margin, reflecting lower rental revenue, was 39.5% last quarter.", [("gross_margin", 39.5)]),
        ("Operating margin (excluding restructuring charges) came in at 17%.", [("operating_margin", 17.0)]),
        # A head noun outside the vocabulary keeps the aside's words from naming the figure.
        ("Net income, including lease revenue from Tamsin, was $22 million.", []),
    ],
)
def test_the_noun_before_an_aside_names_the_figure(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.metric, f.low) for f in extract_facts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An aside with a figure of its own, or a noun that is no metric, changes nothing.
        (
            "Our backlog, representing about 35% of contracted lease revenue, was $1.9 billion.",
            [("backlog", 1.9e9)],
        ),
        (
            "The Harwick lease (signed in April) carries a contract value of $1.4 billion.",
            [("contract_value", 1.4e9)],
        ),
    ],
)
def test_an_aside_without_a_head_noun_keeps_its_reading(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.metric, f.low) for f in extract_facts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quick update: $VRNT closed up 14% on the news.", [(14.0, "VRNT")]),
        ("$HLWY fell 6.5% after the call, which I expected.", [(-6.5, "HLWY")]),
        ("Later in the session NYSE: QBRK dropped 2.1%.", [(-2.1, "QBRK")]),
        # The document tags the ticker with its company's name.
        (
            "Tessaline Grid, Inc. (NASDAQ: TSLG) signed a lease on Monday. $TSLG ended up 8% on the day.",
            [(8.0, "Tessaline Grid")],
        ),
        ("Brightwater Labs closed up 3.4% on Friday.", [(3.4, "Brightwater Labs")]),
    ],
)
def test_a_ticker_as_the_subject_of_a_share_move(text: str, expected: list[tuple[float, str | None]]) -> None:
    assert moves(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I sold my $VRNT position at $9 and it is still up 40% for the year, says the fund.",
        "Revenue closed the quarter up 6% from a year ago.",
        "The $KRVN 2031 notes priced at 98% of par.",
    ],
)
def test_a_cashtag_elsewhere_is_no_move_and_no_money(text: str) -> None:
    found = extract_facts(text)
    assert all(f.metric != "stock_move" for f in found)
    assert all(f.unit != "usd" or f.low >= 1e6 for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pellmont, which went public in March and is now worth "
            "roughly $21bn, has borrowed $4bn from banks.",
            [("financing", 4e9)],
        ),
        ("Shares of Kestrel have tripled this year, and the company is now worth more than $60 billion.", []),
        ("Brisco, now valued at $12 billion, plans a second campus in Ohio.", []),
        ("The startup was valued at $5.5 billion in its latest funding round.", []),
        ("Tamsin Grid (worth about $9 billion after the rally) did not comment.", []),
    ],
)
def test_what_a_company_is_worth_is_no_contract_nor_financing(
    text: str, expected: list[tuple[str, float]]
) -> None:
    assert [(f.metric, f.low) for f in extract_facts(text)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tallmoor signed a five-year contract worth $2 billion with Ardent AI.", 2e9),
        ("The agreement, signed in March, is valued at $2.6 billion.", 2.6e9),
        ("It is worth about $1.9 billion over seven years, the company said.", 1.9e9),
        (
            "Signed a six-year agreement with Orrin Labs, a robotics start-up, valued at about $840 million.",
            840e6,
        ),
        (
            "Brisco, worth $12 billion at Friday's close, signed a "
            "lease with Quarry Labs valued at $3 billion.",
            3e9,
        ),
    ],
)
def test_an_agreement_worth_an_amount_stays_a_contract(text: str, value: float) -> None:
    assert [(f.metric, f.low) for f in extract_facts(text)] == [("contract_value", value)]


@pytest.mark.parametrize(
    "text",
    [
        "As part of the deal, Halvard also agreed with Brenmoor Systems to buy the servers and switches for "
        "about $3.6 billion.",
        "Under the deal, Ferrant will spend $2.8 billion on Nvidia GPUs for the Reno halls.",
        "Ferrant said it would buy $3.1 billion of GPUs and networking equipment from Stelmark under the "
        "agreement.",
        "As part of the lease, we will purchase approximately $900 million of GPU servers from Orlo.",
    ],
)
def test_equipment_the_company_buys_is_no_contract_value(text: str) -> None:
    assert extract_facts(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tarrow Robotics has committed to purchase $1.2 billion of Quenby accelerator cards.", 1.2e9),
        ("Orion agreed to buy $3 billion of our GPUs under the supply agreement.", 3e9),
        (
            "Vellichor Systems, Inc. (NASDAQ: VLCR) today announced a supply agreement.\n\n"
            "Orion Labs agreed to buy $5 billion of accelerators over three years.",
            5e9,
        ),
    ],
)
def test_a_customer_buying_the_companys_products_keeps_its_contract(text: str, value: float) -> None:
    assert [(f.metric, f.low) for f in extract_facts(text)] == [("contract_value", value)]


@pytest.mark.parametrize(
    "text",
    [
        "Orbital Will Backstop $900 Million of Kestrel Cloud Lease Obligations",
        "Pinecrest has agreed to backstop $1.1 billion of Ardent's lease obligations.",
        "Pinecrest guaranteed $800 million of Ardent's debt under the lease agreement.",
        "Ardent gets a $600 million backstop from Orbital for the lease.",
        "Orbital provided a guarantee of $500 million for the lease.",
    ],
)
def test_a_guarantee_of_someone_elses_obligations_is_no_loan_nor_contract(text: str) -> None:
    assert extract_facts(text) == []


def test_a_guaranteed_loan_stays_a_loan() -> None:
    found = extract_facts("Orbital secured a $500 million term loan guaranteed by its parent.")
    assert [(f.metric, f.low, f.instrument) for f in found] == [("financing", 500e6, "loan")]
    found = extract_facts("Orbital provided a guarantee for the $450 million loan from Carrow Bank.")
    assert [(f.metric, f.low) for f in found] == [("financing", 450e6)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Marlow contract brings $6.1 billion in revenue over five years.", [("contract_value", 6.1e9)]),
        ("The three leases bring $7.7 billion of revenue over 12 years.", [("contract_value", 7.7e9)]),
        ("Total anticipated lease revenue ≈ $8.5 billion.", [("contract_value", 8.5e9)]),
        (
            "Total anticipated contracted lease revenue now stands at "
            "roughly $5.5 billion over 20-year terms.",
            [("contract_value", 5.5e9)],
        ),
        # Near misses: one year's revenue and a contracted balance stay what they are.
        (
            "Revenue was $412 million, up 40% over the prior year.",
            [("revenue", 412e6), ("revenue_growth", 40)],
        ),
        ("Expected revenue for fiscal 2027 is $1.6 billion.", [("revenue", 1.6e9)]),
        (
            "Revenue for the quarter was $388 million; the company sees $2 billion of revenue over the next "
            "five years.",
            [("revenue", 388e6), ("contract_value", 2e9)],
        ),
        ("Contracted future lease revenue rose to $21.7 billion from $13.9 billion.", [("backlog", 21.7e9)]),
    ],
)
def test_revenue_over_contract_terms_is_a_contract_value(
    text: str, expected: list[tuple[str, float]]
) -> None:
    found = extract_facts(text)
    assert [(f.metric, f.low) for f in found][: len(expected)] == expected
    assert all(f.kind == "actual" for f in found if f.metric == "contract_value")


def test_anticipated_lease_revenue_is_approximate_after_the_almost_equal_sign() -> None:
    (fact,) = extract_facts("Total anticipated lease revenue ≈ $8.5 billion.")
    assert (fact.metric, fact.kind, fact.bound) == ("contract_value", "actual", "approx")


@pytest.mark.parametrize(
    "text",
    [
        "Halvor expects the project to yield net operating income margins of 80% to 85%.",
        "The company projects site NOI margins of 85%, implying annual NOI of about $300 million.",
    ],
)
def test_a_sites_net_operating_income_margin_is_no_operating_margin(text: str) -> None:
    """A site's NOI (rent less the site's costs) is not the company's operating margin."""
    assert [f for f in extract_facts(text) if f.unit == "percent"] == []


def test_operating_margin_beside_net_operating_income_stays() -> None:
    found = extract_facts("Net operating income was $40 million and operating margin was 9%.")
    assert [(f.metric, f.low) for f in found] == [("operating_margin", 9.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A headline writes its verb in title case after the company.
        (
            "Tessaly Compute, Inc. (NASDAQ: TSLY)\nTessaly Surges 14% After Landing $1.4B Cloud Deal",
            [(14.0, "Tessaly Compute")],
        ),
        (
            "Tessaly Compute, Inc. (NASDAQ: TSLY)\nTessaly Slides 6% as Guidance Disappoints",
            [(-6.0, "Tessaly Compute")],
        ),
        # A metric in title case still moves no shares.
        ("Tessaly Compute, Inc. (NASDAQ: TSLY)\nData Center Revenue Jumps 40% on Cloud Demand", []),
    ],
)
def test_a_title_case_verb_after_the_company_is_a_move(
    text: str, expected: list[tuple[float, str | None]]
) -> None:
    assert moves(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The shares of another company than the one the document is about.
        (
            "Tessaly Compute, Inc. (NASDAQ: TSLY) signed a lease. "
            "Quorvane shares were down about 2% in late trading.",
            [(-2.0, "Quorvane")],
        ),
        ("Rival Quorvane's shares fell nearly 3% as investors weighed the deal.", [(-3.0, "Quorvane")]),
        ("Quorvane's stock rose 5% after hours.", [(5.0, "Quorvane")]),
        # The document's own company keeps its full name, and unnamed shares are the company's.
        (
            "Tessaly Compute, Inc. (NASDAQ: TSLY) signed a lease. Tessaly shares rose 5% after hours. "
            "The stock had fallen 2% the day before.",
            [(5.0, "Tessaly Compute"), (-2.0, "Tessaly Compute")],
        ),
        # A class of shares or a listing place is no company.
        ("Class A shares rose 5% in New York trading.", [(5.0, None)]),
        ("U.S.-listed shares fell 4% in early trading.", [(-4.0, None)]),
        ("Chip shares fell 2% in early trading as chip demand cooled.", [(-2.0, None)]),
    ],
)
def test_whose_shares_moved_is_the_name_before_them(
    text: str, expected: list[tuple[float, str | None]]
) -> None:
    assert moves(text) == expected


def growth(text: str) -> list[tuple[str, float]]:
    return [(f.metric, f.low) for f in extract_facts(text) if f.metric in ("revenue_growth", "stock_move")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The 38% year-over-year revenue jump sent the shares up 9%.",
            [("revenue_growth", 38), ("stock_move", 9)],
        ),
        ("A 38% YoY rise in revenue sent the stock up 9%.", [("revenue_growth", 38), ("stock_move", 9)]),
        ("Revenue of $52 million, a 38% Y/Y increase, beat forecasts.", [("revenue_growth", 38)]),
        ("Sales: $52 million in Q2, representing 38% YOY growth", [("revenue_growth", 38)]),
        ("Revenue: $52 million in Q2, up 38% YOY", [("revenue_growth", 38)]),
        # Not growth of the year: sequential, or a rise of something else.
        ("The 12% sequential revenue increase sent the shares up 4%.", [("stock_move", 4)]),
        ("A 38% year-over-year increase in headcount weighed on margins.", []),
        ("A 12% rise in revenue from the prior quarter sent the stock up 4%.", [("stock_move", 4)]),
        ("Revenue of $52 million, of which 38% came from hosting.", []),
    ],
)
def test_growth_written_as_a_noun_phrase(text: str, expected: list[tuple[str, float]]) -> None:
    assert growth(text) == expected


def capacity_read(text: str) -> list[tuple[str, str, float, float]]:
    return [(f.metric, f.kind, f.low, f.high) for f in extract_facts(text) if f.unit == "mw"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A site's own size is neither signed nor running: a status elsewhere in the sentence is about
        # something at the site (the servers, another figure, the money raised for it).
        ("The servers will be installed in stages at Ostrava Digital's 450MW Kelling campus.", []),
        (
            "The agreement covers 120 MW of capacity at Corrin's 500 MW Aldous campus.",
            [("capacity_contracted", "actual", 120.0, 120.0)],
        ),
        ("Raised $65 million of project debt for the 320 MW 'Northgate' site.", []),
        (
            "Velmar signed a lease for 60 MW at a campus with planned capacity of 900 MW.",
            [("capacity_contracted", "actual", 60.0, 60.0)],
        ),
        ("Last month Dorrance broke ground on a 340 MW facility outside Harlow, its first leased site.", []),
        # The site's own predicate, or the verb whose object it is, still gives its status.
        (
            "The 280 MW Tolvan campus is fully leased to a cloud provider.",
            [("capacity_contracted", "actual", 280.0, 280.0)],
        ),
        (
            "Corrin leased its entire 500 MW Aldous campus to Orbis AI.",
            [("capacity_contracted", "actual", 500.0, 500.0)],
        ),
        ("The campus is leased in full at 350 MW.", [("capacity_contracted", "actual", 350.0, 350.0)]),
        ("Ostrava energized its 90 MW Kelling site in June.", [("capacity_deployed", "actual", 90.0, 90.0)]),
        (
            "Proceeds will fund the fit-out of a 150MW campus in Tulsa that is leased to a cloud provider.",
            [("capacity_contracted", "actual", 150.0, 150.0)],
        ),
        # Not a site's size: the figure is spread across sites.
        ("Velmar energized 200 MW across three sites.", [("capacity_deployed", "actual", 200.0, 200.0)]),
    ],
)
def test_a_sites_own_size_takes_only_the_sites_status(
    text: str, expected: list[tuple[str, str, float, float]]
) -> None:
    assert capacity_read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Planned, negotiated or possible capacity is neither signed nor running.
        ("Corvane has a 2.5 GW active development pipeline.", []),
        ("Corvane is in advanced negotiations with a cloud provider over a lease for up to 500 MW.", []),
        ("Corvane signed a letter of intent for a 200 MW lease with Orbis.", []),
        ("Corvane holds a 75 MW lease LOI with a second tenant.", []),
        ("The new hall could support up to 90 MW of leased load.", []),
        ("Crews broke ground in May on Corvane's 310 MW Harlow expansion, already pre-leased.", []),
        # A status of the figure's own between the talks and the figure, or talks in another clause.
        (
            "After months of talks, Corvane signed a 200 MW lease with Orbis.",
            [("capacity_contracted", "actual", 200.0, 200.0)],
        ),
        (
            "Corvane signed 120 MW with Orbis and is in talks with two other tenants.",
            [("capacity_contracted", "actual", 120.0, 120.0)],
        ),
        (
            "Corvane has 300 MW of active capacity and a 2 GW development pipeline.",
            [("capacity_deployed", "actual", 300.0, 300.0)],
        ),
        # The figure's own status right after it, or talks that only follow it.
        (
            "We remain in discussions with two hyperscalers and today have 400 MW contracted.",
            [("capacity_contracted", "actual", 400.0, 400.0)],
        ),
        (
            "Leased capacity stood at 900 MW after negotiations with Orbis ended.",
            [("capacity_contracted", "actual", 900.0, 900.0)],
        ),
    ],
)
def test_planned_and_negotiated_capacity_is_no_fact(
    text: str, expected: list[tuple[str, str, float, float]]
) -> None:
    assert capacity_read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Capacity still to come online is a forecast of deployed capacity.
        (
            "The contract calls for the first 150 MW to come online in 2028.",
            [("capacity_deployed", "guidance", 150.0, 150.0, "2028-FY")],
        ),
        (
            "Phase one of the build-out (about 45 MW) is expected to begin operations in the second half "
            "of 2027.",
            [("capacity_deployed", "guidance", 45.0, 45.0, "2027-H2")],
        ),
        (
            "Full deployment of the over-220 MW load is expected by the end of 2028.",
            [("capacity_deployed", "guidance", 220.0, 220.0, "2028-FY")],
        ),
        (
            "Management expects to deliver 400 to 600 megawatts of connected capacity in 2027.",
            [("capacity_deployed", "guidance", 400.0, 600.0, "2027-FY")],
        ),
        # Each figure takes its own noun: connected power is deployed, contracted power contracted.
        (
            "Targets: 3 GW contracted power and 1.2–1.5 GW connected power by end-2028.",
            [
                ("capacity_contracted", "guidance", 3000.0, 3000.0, "2028-FY"),
                ("capacity_deployed", "guidance", 1200.0, 1500.0, "2028-FY"),
            ],
        ),
        ("Orbis has 210 MW of connected load today.", [("capacity_deployed", "actual", 210.0, 210.0, None)]),
        # A contract's schedule stays contracted and actual.
        (
            "The new order covers 90 MW of capacity to be delivered over two years.",
            [("capacity_contracted", "actual", 90.0, 90.0, None)],
        ),
    ],
)
def test_capacity_still_to_come_online_is_deployed_guidance(
    text: str, expected: list[tuple[str, str, float, float, str | None]]
) -> None:
    assert [
        (f.metric, f.kind, f.low, f.high, f.period) for f in extract_facts(text) if f.unit == "mw"
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The status beside the figure wins over a word about other buildings.
        (
            "Hall B reached ready-for-service (energizing 60 MW) ahead of schedule, the second of four "
            "leased halls.",
            [("capacity_deployed", "exact")],
        ),
        # A threshold passed bounds the figure from below.
        ("Leased capacity exceeded 1.5 GW at the end of March.", [("capacity_contracted", "at_least")]),
        ("Signed capacity topped 900 MW in May.", [("capacity_contracted", "at_least")]),
        ("Contracted power surpassed 2 GW during the quarter.", [("capacity_contracted", "at_least")]),
        # The figure is the subject, not the threshold.
        ("Leased capacity of 1.5 GW exceeded our target.", [("capacity_contracted", "exact")]),
    ],
)
def test_capacity_status_beside_the_figure_and_thresholds_passed(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(f.metric, f.bound) for f in extract_facts(text) if f.unit == "mw"] == expected
