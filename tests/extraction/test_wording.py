"""Wordings of investor notes, filings and releases that once read wrong, one general form each."""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def read(text: str) -> list[tuple[str, str, float, float]]:
    return [(f.metric, f.kind, f.low, f.high) for f in extract_facts(text)]


def test_guide_as_a_noun_is_guidance_not_money_raised() -> None:
    got = read("Full-year sales guide lifted to $2.10-2.14bn (from $2.00-2.05bn).")
    assert got == [("revenue", "guidance", 2.10e9, 2.14e9), ("revenue", "guidance", 2.00e9, 2.05e9)]


def test_half_year_with_fiscal_year_is_one_period() -> None:
    found = extract_facts("Operating margin of 17.2 per cent (H1 FY26: 15.0 per cent).")
    assert [(f.low, f.period) for f in found] == [(17.2, None), (15.0, "2026-H1")]


def test_appositive_name_starting_lower_case() -> None:
    (fact,) = extract_facts("Its largest customer, eCloudy, accounted for 37% of revenue in 2026.")
    assert (fact.metric, fact.counterparty) == ("customer_concentration", "eCloudy")


@pytest.mark.parametrize(
    "text",
    [
        "Quarterly orders were a record $2.3 billion.",
        "Net orders rose to $910 million in the quarter.",
        "Loxley sold 2,400 ether during the quarter for proceeds of $7.9 million.",
        "The sale of the Reno campus brought proceeds of $210 million.",
        "Year to date the shares are up 22% against SOX +15% and NDX +9%.",
    ],
)
def test_totals_asset_sales_and_index_tickers_give_no_false_fact(text: str) -> None:
    got = read(text)
    assert all(metric == "stock_move" and low == 22 for metric, _k, low, _h in got), got


def test_purchase_order_and_share_sales_stay_facts() -> None:
    assert read("Varden received a $300 million purchase order from Meta.") == [
        ("contract_value", "actual", 300e6, 300e6)
    ]
    (fact,) = extract_facts("We sold 5,000,000 shares of common stock for net proceeds of $121 million.")
    assert (fact.metric, fact.instrument) == ("financing", "equity")
    (fact,) = extract_facts("Varden sold $250 million of common stock under its at-the-market program.")
    assert (fact.metric, fact.instrument) == ("financing", "equity")


def test_ai_models_are_not_an_analysts_model() -> None:
    (fact,) = extract_facts(
        "Perrin AI, the developer of the Lark family of open models, signed a lease for 300 megawatts "
        "with Dunmore Data."
    )
    assert (fact.metric, fact.low, fact.counterparty) == ("capacity_contracted", 300, "Dunmore Data")
    assert read("Keane models gross margin at 44% for fiscal 2027.") == []


def test_analysts_model_after_a_semicolon_leaves_the_company_figure() -> None:
    got = read("The company's outlook for operating margin of 20-22% looks cautious to us; we model 23.0%.")
    assert got == [("operating_margin", "guidance", 20, 22)]


def test_delivery_still_to_come_is_guidance() -> None:
    (fact,) = extract_facts("The capacity will be energized in two tranches of 60 MW each.")
    assert (fact.metric, fact.kind) == ("capacity_deployed", "guidance")


def test_scaled_figures_carry_no_binary_noise() -> None:
    found = extract_facts("Revenue of $2.14 billion; 1.1 GW is online.")
    assert [(f.low, f.high, f.value) for f in found] == [
        (2140000000.0, 2140000000.0, 2140000000.0),
        (1100.0,) * 3,
    ]
    assert "2140000000.0000002" not in str([f.to_json() for f in found])


def test_outlook_table_under_a_heading_with_period_columns_is_guidance() -> None:
    text = (
        "Financial Outlook\n\n"
        "                         Q1 2027                 Full Year 2027\n"
        "Revenue                  $610 - $630 million     $2.70 - $2.80 billion\n"
        "Non-GAAP gross margin    47% - 49%               ~48%\n"
    )
    found = extract_facts(text)
    assert {f.kind for f in found} == {"guidance"}
    assert {(f.metric, f.low, f.high) for f in found} >= {("revenue", 610e6, 630e6), ("gross_margin", 47, 49)}


def test_label_value_lines_under_an_outlook_title_are_guidance_until_prose() -> None:
    text = (
        "FY2027 outlook (raised)\n\n"
        "Revenue: $2.75-2.85B (was $2.60-2.70B)\n"
        "Adj. operating margin: ~15%\n\n"
        "In the third quarter we closed a $900 million term loan with a group of banks, and revenue "
        "for the quarter was $702 million.\n"
    )
    kinds = {(f.metric, f.low): f.kind for f in extract_facts(text)}
    assert kinds[("revenue", 2.75e9)] == "guidance"
    assert kinds[("revenue", 2.60e9)] == "guidance"
    assert kinds[("operating_margin", 15)] == "guidance"
    assert kinds[("financing", 900e6)] == "actual"
    assert kinds[("revenue", 702e6)] == "actual"


def test_results_label_lines_stay_actual() -> None:
    text = "Third-quarter highlights\n\nRevenue: $702 million\nGross margin: 41.5%\n"
    assert {f.kind for f in extract_facts(text)} == {"actual"}


@pytest.mark.parametrize(
    ("text", "low", "bound"),
    [
        (
            "Sales to our largest customer, Orvane AI, represented roughly a third of net sales.",
            33.3,
            "approx",
        ),
        ("Our two largest customers accounted for two-thirds of revenue in fiscal 2026.", 66.7, "exact"),
        ("Our largest customer accounted for more than half of total revenue.", 50, "at_least"),
    ],
)
def test_share_of_revenue_in_words(text: str, low: float, bound: str) -> None:
    (fact,) = extract_facts(text)
    assert (fact.metric, fact.low, fact.bound) == ("customer_concentration", low, bound)
    assert fact.evidence == text


@pytest.mark.parametrize(
    "text",
    [
        "In the third quarter, half of the new capacity was leased.",
        "Two quarters of revenue growth above 40% gave the company room to invest.",
    ],
)
def test_fraction_words_that_are_no_share_of_revenue(text: str) -> None:
    assert all(f.metric != "customer_concentration" for f in extract_facts(text))


@pytest.mark.parametrize(
    ("text", "metric", "kind"),
    [
        (
            "As of June 30, 2026, Kerrow operated 190 MW of IT load across six facilities.",
            "capacity_deployed",
            "actual",
        ),
        ("In-service capacity: 860 MW, 95% leased.", "capacity_deployed", "actual"),
        ("This round lets us bring another 300 MW online in 2027.", "capacity_deployed", "guidance"),
        ("We will have 600 MW live by the end of 2027.", "capacity_deployed", "guidance"),
        (
            "We have 420 MW under contract, of which 150 MW was delivered and billing at quarter-end.",
            "capacity_deployed",
            "actual",
        ),
        (
            "Signed-but-not-commenced leases represent annualized rent of $92.0 million, expected to "
            "commence "
            "through 2027.",
            "backlog",
            "actual",
        ),
    ],
)
def test_capacity_and_backlog_wordings(text: str, metric: str, kind: str) -> None:
    assert (metric, kind) in {(f.metric, f.kind) for f in extract_facts(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Up to 12 buildings with a combined critical IT load of up to 1.2 GW at full build-out.",
        "Estimated capital investment of $9 billion over the life of the project.",
        "Most analysts model the largest customer at 35% to 40% of revenue.",
        "Priya Nair of Holloway Research estimates that Kerrow's gross margin will fall to 24% next year.",
        "The loan amortizes over the term of the contract, and we made principal payments of $21.5 million.",
        # Money the company means to use is no financing, raised or forecast.
        "Tamberly intends to use roughly $90 million to fund the capped call and about $310 million to repay "
        "its bridge loan from Oskar Bank.",
        "The company will allocate $240 million to redeem its 2029 notes.",
    ],
)
def test_plans_investment_estimates_and_repayments_are_no_facts(text: str) -> None:
    assert extract_facts(text) == []


def test_slide_titles_open_and_close_sections() -> None:
    deck = (
        "Slide 8 | Capital structure\n"
        "Revolver: $750M commitment, $200M drawn\n\n"
        "Slide 9 | FY2027 outlook\n"
        "Revenue: $2.30-2.40B (was $2.20-2.30B)\n"
        "Adj. gross margin: 41-43%\n\n"
        "Slide 10 | Q2 2027 results\n"
        "Revenue: $560 million\n"
    )
    got = {(f.metric, f.low): (f.kind, f.period) for f in extract_facts(deck)}
    assert got[("revenue", 2.30e9)] == ("guidance", "2027-FY")
    assert got[("revenue", 2.20e9)] == ("guidance", "2027-FY")
    assert got[("gross_margin", 41)] == ("guidance", "2027-FY")
    assert got[("revenue", 560e6)] == ("actual", "2027-Q2")


@pytest.mark.parametrize(
    ("text", "metric", "kind"),
    [
        # A period still to come opening the sentence makes its figures a forecast.
        (
            "Over the coming year we've talked about revenue of $640 million to $700 million.",
            "revenue",
            "guidance",
        ),
        ("In the coming year revenue was $3 billion, a restated figure.", "revenue", "actual"),
        # An intention is a forecast, but the use of proceeds is no forecast of what they serve.
        (
            "Tallgrove intends to raise its energized capacity to at least 95 MW by the end of 2027.",
            "capacity_deployed",
            "guidance",
        ),
        (
            "Proceeds will be used to buy servers for the Company's lease with Quillon for 64 MW.",
            "capacity_contracted",
            "actual",
        ),
        (
            "Brackley intends to use the proceeds of the $300 million term loan to buy chips.",
            "financing",
            "actual",
        ),
    ],
)
def test_leading_periods_intentions_and_purposes(text: str, metric: str, kind: str) -> None:
    assert [(f.metric, f.kind) for f in extract_facts(text)] == [(metric, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "We may downgrade the notes if a single customer contributing over 30% of sales ended its lease.",
        "Should any tenant that represents more than 15% of revenue default, liquidity would tighten.",
        "A 5% cut in Quillon's reserved capacity would lower our annual revenue by about $35 million.",
    ],
)
def test_conditions_and_sensitivities_give_no_fact(text: str) -> None:
    assert extract_facts(text) == []


def test_a_rating_agencys_own_forecast_is_not_the_issuers_guidance() -> None:
    release = (
        "Corbel Ratings today affirmed its 'BB-' issuer credit rating on Tessaro Compute Corp.\n\n"
        "Tessaro reported revenue of $410 million for 2025.\n\n"
        "We expect revenue of $700 million-$800 million in 2026. "
        "Management expects revenue of $850 million in 2026.\n"
    )
    got = [(f.metric, f.kind, f.low) for f in extract_facts(release)]
    assert got == [("revenue", "actual", 410e6), ("revenue", "guidance", 850e6)]
    # Outside a rating action, a company's own "we expect" is its guidance.
    (fact,) = extract_facts("We expect revenue of $700 million-$800 million in 2026.")
    assert fact.kind == "guidance"


def test_a_rating_action_is_found_where_rating_is_a_word() -> None:
    """Only "rating" after a space can end an action; "operating" and "generating" hold it too."""
    from rules.extraction.extractor import _rating_action
    from rules.extraction.folding import Folded

    action = "Marrow Ratings has DOWNGRADED the long-term issuer credit rating of Tovel Cloud Inc."
    assert _rating_action(Folded.of("Revenue was $5 million.\n\n" + action))
    assert not _rating_action(
        Folded.of("Operating margin rose while generating cash; we raised the outlook.")
    )
    # A company raising its own guidance, with "rating" nowhere, is no agency's action.
    assert not _rating_action(Folded.of("The company raised its full-year revenue outlook."))


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        ("Our biggest client made up 49% of 2026 revenue, and our three largest clients for 77%.", [49, 77]),
        ("Corvane accounted for 36% of revenue in 2026, and Lisset Grid for 14%.", [36, 14]),
        # A verbless second clause whose subject is no customer is no share.
        ("Corvane accounted for 36% of revenue, and the rest of the market for 64%.", [36]),
    ],
)
def test_a_second_share_with_its_verb_left_out(text: str, shares: list[float]) -> None:
    found = extract_facts(text)
    assert [(f.metric, f.low) for f in found] == [("customer_concentration", x) for x in shares]


def test_a_loan_placed_with_a_volume_is_financing() -> None:
    (fact,) = extract_facts("Tessaro placed a promissory note loan with a total volume of USD 180 million.")
    assert (fact.metric, fact.low, fact.instrument) == ("financing", 180e6, "loan")
    assert extract_facts("Daily trading volume of $180 million was a record.") == []


@pytest.mark.parametrize(
    ("text", "move"),
    [
        ("+9% — Brindle Labs shares in Monday's session after the upgrade.", 9),
        ("−31% – Osgrove's share price since the March lockup expiry", -31),
    ],
)
def test_a_list_item_led_by_a_signed_move_is_a_stock_move(text: str, move: float) -> None:
    (fact,) = extract_facts(text)
    assert (fact.metric, fact.low) == ("stock_move", move)


def test_a_leading_unsigned_share_figure_is_no_move() -> None:
    assert extract_facts("12% — shares held by the founders after the offering") == []


def test_a_translated_borrowing_reads_as_one_us_dollar_fact() -> None:
    """The local amount and its bracketed US-dollar translation are one borrowing, and the words
    after the bracket still name it."""
    (fact,) = extract_facts(
        "Tarnby Cloud signed a S$200 million (US$148 million) term loan with Merlion Bank."
    )
    assert (fact.metric, fact.low, fact.instrument, fact.counterparty) == (
        "financing",
        148e6,
        "loan",
        "Merlion Bank",
    )


@pytest.mark.parametrize(
    "cover",
    [
        "FILED PURSUANT TO THE SECURITIES ACT OF 1933",
        "Subject to the Sarbanes-Oxley Act of 2002.",
        "Founded in 1987, Quessel Datahaus builds campuses.",
        "Established in 2011, Quessel Datahaus builds campuses.",
    ],
)
def test_a_law_or_founding_year_dates_no_period(cover: str) -> None:
    (fact,) = extract_facts(f"{cover}\n\nSecond quarter\n\nNet revenue for the quarter was $52 million.\n")
    assert (fact.metric, fact.period) == ("revenue", None)


@pytest.mark.parametrize("title", ["Second quarter (April–June 2027)", "SECOND QUARTER (APR-JUN 2027)"])
def test_a_yearless_period_title_takes_its_bracketed_months_year(title: str) -> None:
    text = (
        f"Quessel Datahaus outlook for full year 2031\n\n{title}\n\n"
        "Net revenue for the quarter was $52 million.\n"
    )
    (fact,) = extract_facts(text)
    assert (fact.metric, fact.period) == ("revenue", "2027-Q2")


@pytest.mark.parametrize(
    "text",
    [
        "As restated, Lomberg Systems' first-quarter 2026 revenue was $74.9 million (previously reported: "
        "$79.3 million).",
        "Restated operating margin for fiscal 2025 was 8.2% (as originally reported, 11.6%).",
    ],
)
def test_a_restated_figures_old_value_is_no_fact(text: str) -> None:
    assert [f.low for f in extract_facts(text)] in ([74.9e6], [8.2])


def test_a_construction_facility_is_a_credit_facility() -> None:
    (fact,) = extract_facts("Ostrander closed a $1.9 billion construction facility led by Pelham Bank.")
    assert (fact.metric, fact.low, fact.instrument) == ("financing", 1.9e9, "credit_facility")


def test_a_bare_facility_size_after_a_loan_sentence_is_financing() -> None:
    text = "Brisco drew $250M more on its term loan from Wexley Bank this month. The total facility is $900M."
    found = [(f.metric, f.low, f.counterparty) for f in extract_facts(text)]
    assert ("financing", 900e6, "Wexley Bank") in found
    # With no loan before it, a facility is as likely a building: its cost is no financing.
    alone = extract_facts("The total facility is $900M, with 80 MW of halls.")
    assert all(f.metric != "financing" for f in alone)


@pytest.mark.parametrize(("text", "move"), [("Stock is -7% AH.", -7), ("Stock closed -3% Friday.", -3)])
def test_a_signed_move_after_a_bare_verb_is_a_stock_move(text: str, move: float) -> None:
    (fact,) = extract_facts(text)
    assert (fact.metric, fact.low) == ("stock_move", move)


def test_an_elided_share_with_alone_is_concentration() -> None:
    found = extract_facts(
        "Our top three customers together accounted for 64% of revenue, and Ferrow alone for 39%."
    )
    assert [(f.metric, f.low, f.counterparty) for f in found][-1] == ("customer_concentration", 39, "Ferrow")


def test_a_years_letter_to_shareholders_dates_its_figures() -> None:
    text = (
        "Tavistock Grid — 2026 Letter to Shareholders\n\nDear fellow owners,\n\n"
        "Revenue for the full year was $640 million, and gross margin was 41%.\n"
    )
    assert {f.period for f in extract_facts(text)} == {"2026-FY"}


def test_a_nordic_legal_form_names_the_company_not_its_customer() -> None:
    text = (
        "SKOGHALL DATACENTER AB (publ)\n\n"
        "Skoghall signed a six-year capacity agreement with Brannick Inc. for 48 MW at Umeå.\n"
    )
    (fact,) = extract_facts(text)
    assert (fact.company, fact.counterparty) == ("Skoghall Datacenter", "Brannick")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sales last year reached $300 million; three-quarters of that revenue came from Quillfeather AI, "
            "our largest customer.",
            75,
        ),
        ("Halvard Compute generated a third of Brightmoor's revenue in the fourth quarter.", 33.3),
    ],
)
def test_a_fraction_of_a_determined_or_possessed_revenue_is_a_share(text: str, expected: float) -> None:
    shares = [f.low for f in extract_facts(text) if f.metric == "customer_concentration"]
    assert shares == [expected]


def test_a_customers_share_of_next_years_revenue_is_guidance() -> None:
    found = extract_facts("Tollwick Labs will account for about 35% of Ferrant's revenue next year.")
    assert [(f.metric, f.kind, f.low) for f in found] == [("customer_concentration", "guidance", 35)]


def test_a_dotted_currency_before_its_amount_does_not_end_the_sentence() -> None:
    # "Ps." (pesos) and "Rs." (rupees) before a figure are no sentence end: the dollar translation
    # and the growth after them stay in the revenue's sentence.
    facts = extract_facts(
        "Net revenue in the second quarter of 2026 totaled Ps. 2,140.3 million (US$118.2 million), up 17.9% "
        "from the year before."
    )
    assert {(f.metric, f.low, f.period) for f in facts} == {
        ("revenue", 118_200_000, "2026-Q2"),
        ("revenue_growth", 17.9, "2026-Q2"),
    }
    facts = extract_facts("Quarterly sales reached Rs. 940 crore, an increase of 12% year over year.")
    assert [(f.metric, f.low) for f in facts] == [("revenue_growth", 12)]


def test_a_wish_disclaimed_as_not_guidance_is_no_forecast() -> None:
    assert extract_facts("Not guidance, but I'd love to see operating margin north of 40% by 2029.") == []
    facts = extract_facts("This is not guidance: we hope to pass $2 billion of revenue in 2028.")
    assert facts == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Non-GAAP operating margin, which excludes equity compensation and restructuring costs, "
            "was 14.7%.",
            [("operating_margin", "actual", 14.7, 14.7)],
        ),
        (
            "Total revenue, which includes pass-through electricity charges, was $212.5 million.",
            [("revenue", "actual", 212.5e6, 212.5e6)],
        ),
    ],
)
def test_a_relative_clause_between_the_metric_and_its_figure(
    text: str, expected: list[tuple[str, str, float, float]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Operating loss narrowed to $14.6 million, or 7.3% of revenue.", ("operating_margin", -7.3)),
        ("Gross profit reached $96.2 million, or 44.5% of total revenue.", ("gross_margin", 44.5)),
        ("Net loss was $9.9 million, or 4.1% of revenue.", None),
    ],
)
def test_a_profit_lines_share_of_revenue_is_its_margin(text: str, expected: tuple[str, float] | None) -> None:
    got = [(f.metric, f.low) for f in extract_facts(text) if f.unit == "percent"]
    assert got == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tarrow Robotics has committed to purchase at least $1.8 billion of Quenby accelerator cards "
            "over four years.",
            [("contract_value", "actual", 1.8e9, 1.8e9)],
        ),
        # A purchase of the company's own stock agreed with it is equity it sells (holdout23 cause 2), no
        # contract value.
        (
            "Pellmore agreed to purchase $75 million of the company's common stock.",
            [("financing", "actual", 75e6, 75e6)],
        ),
        ("Ostrander agreed to buy Kelvin Fabrics for $640 million in cash.", []),
    ],
)
def test_a_customers_purchase_commitment_is_a_contract(
    text: str, expected: list[tuple[str, str, float, float]]
) -> None:
    assert read(text) == expected


def test_an_agreement_named_by_its_short_form_is_a_contract_with_the_other_signer() -> None:
    text = (
        'Tolland Grid, Inc. (the "Company") and Corvex AI, Inc. ("Corvex") entered into a Master '
        'Services Agreement (the "MSA") for hosted accelerators at the Pryor campus. The MSA covers '
        "180 MW of critical IT load. The MSA carries a contract value of about $2.4 billion over five "
        "years.\n"
        "\n"
        "Together with the MSA, the Company signed a revolving credit agreement with Corvex, as lender, "
        "providing for borrowings of up to $300 million.\n"
    )
    found = sorted((f.metric, f.low, f.counterparty) for f in extract_facts(text))
    assert found == [
        ("capacity_contracted", 180, "Corvex AI"),
        ("contract_value", 2.4e9, "Corvex AI"),
        ("financing", 300e6, "Corvex"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Under the supply agreement, Ivel Labs purchased from us, for $25 million in cash, a warrant to "
        "buy up to 3,000,000 shares of our common stock.",
        "Ivel Labs also bought a warrant from us for $25 million.",
    ],
)
def test_the_price_a_holder_paid_for_its_warrant_is_financing(text: str) -> None:
    found = extract_facts(text)
    assert [(f.metric, f.low, f.instrument, f.counterparty) for f in found] == [
        ("financing", 25e6, "warrants", "Ivel Labs")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # One lease's contracted revenue is its value (see test_cases_rw2a).
            "Lease Secures ~$2.2 Billion in Contracted Revenue, With Potential to Reach $5.9 Billion",
            [("contract_value", "actual", 2.2e9, 2.2e9)],
        ),
        ("The lease carries renewal options that could raise the total to about US$4.6 billion.", []),
        (
            "Tallmoor signed a five-year deal worth $2.1 billion, with options that could lift the value to "
            "$3.5 billion.",
            [("contract_value", "actual", 2.1e9, 2.1e9)],
        ),
        (
            "The lease is valued at $1.8 billion, or $2.9 billion including all renewal options.",
            [("contract_value", "actual", 1.8e9, 1.8e9)],
        ),
        ("With both extensions the agreement could be worth as much as $6 billion.", []),
    ],
)
def test_a_total_reachable_only_through_options_is_no_fact(
    text: str, expected: list[tuple[str, str, float, float]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ardent raised the contract's total value to $3.4 billion.", []),
        ("Brisco raised its stake in the venture to $900 million.", []),
        # Money raised stays money raised.
        ("Tallmoor raised $500 million in a private placement.", [("financing", "actual", 500e6, 500e6)]),
        (
            "Tallmoor plans to raise $750 million of new capital this year.",
            [("financing", "guidance", 750e6, 750e6)],
        ),
        (
            "Tallmoor raised an additional $200 million from existing investors.",
            [("financing", "actual", 200e6, 200e6)],
        ),
    ],
)
def test_raising_a_total_or_a_stake_is_no_capital_raise(
    text: str, expected: list[tuple[str, str, float, float]]
) -> None:
    assert [g for g in read(text) if g[0] == "financing"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company reported revenue backlog $27.5B (+$6.1B q/q).", [27.5e9]),
        ("RPO was $12.4 billion, up 38%, and rose $3.1 billion from the prior quarter.", [12.4e9]),
        ("RPO climbed to $18.2 billion, a $4.4 billion increase from the prior quarter.", [18.2e9]),
        ("Backlog reached $9.6 billion, up $2.6 billion sequentially.", [9.6e9]),
        ("Remaining performance obligations were $18.2 billion (−$1.2 billion QoQ).", [18.2e9]),
        ("The contract value increased by $400 million to $2.9 billion.", [2.9e9]),
        # A level alone stays.
        ("Backlog of $41.2 billion at quarter end.", [41.2e9]),
    ],
)
def test_the_change_of_a_balance_is_not_the_balance(text: str, expected: list[float]) -> None:
    assert [low for metric, _k, low, _h in read(text) if metric in ("backlog", "contract_value")] == expected


def test_a_signed_change_of_revenue_is_not_revenue() -> None:
    assert read("Q3 revenue $640M (+$95M y/y), ahead of plan.") == [("revenue", "actual", 640e6, 640e6)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Tamberly raised $500 million in a term loan to repay its bridge loan.", "actual"),
        ("Tamberly plans to raise up to $500 million in a term loan to fund its Reno campus.", "guidance"),
    ],
)
def test_money_raised_for_a_purpose_stays_financing(text: str, kind: str) -> None:
    assert [(f.metric, f.kind, f.low) for f in extract_facts(text)] == [("financing", kind, 500_000_000)]


# --- the other party: who it is, and who it is not ------------------------------------------------


def parties(text: str) -> list[tuple[str, float, str | None]]:
    return [(f.metric, f.low, f.counterparty) for f in extract_facts(text)]


@pytest.mark.parametrize(
    "text",
    [
        # The paragraph's contract names a tenant, and a site "facility" is no credit facility.
        "Brantwood Digital, Inc. signed a ten-year hosting agreement with Quillfeather for 150 MW at its "
        "Sable Run facility. The company also plans to sell $400 million of 7.25% senior secured notes due "
        "2032.",
        "Brantwood Digital, Inc. leased its Sable Run facility to Quillfeather. The company also priced an "
        "upsized offering of $250 million of 3.5% convertible senior notes.",
        "Brantwood Digital, Inc. leased its Sable Run facility to Quillfeather. The company then drew "
        "$150 million under its revolving credit facility.",
    ],
)
def test_the_companys_own_offering_takes_no_party_from_the_paragraph(text: str) -> None:
    money = [(f.low, f.counterparty) for f in extract_facts(text) if f.metric == "financing"]
    assert len(money) == 1
    assert money[0][1] is None


def test_a_lender_named_in_the_paragraph_still_stands_behind_the_facility() -> None:
    text = (
        "Brantwood Digital, Inc. entered into a credit agreement with Harwick Bank. "
        "The facility provides $300 million of revolving commitments."
    )
    assert parties(text) == [("financing", 300e6, "Harwick Bank")]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Under the deal, Corriden will supply Mistral Forge with 18,000 accelerators over four years, "
            "for a total contract value of about $3.4 billion.",
            "Mistral Forge",
        ),
        (
            "Corriden is to give Palisade Robotics access to liquid-cooled Blackridge GPUs in a contract "
            "worth $900 million.",
            "Palisade Robotics",
        ),
        (
            "Corriden will offer Palisade Robotics dedicated clusters of Blackridge GPUs under a deal valued "
            "at $900 million.",
            "Palisade Robotics",
        ),
        # The thing supplied is written first and the customer after "to": it stays the customer.
        (
            "Corriden will provide Blackridge GPUs to Palisade Robotics under a contract worth $900 million.",
            "Palisade Robotics",
        ),
    ],
)
def test_the_customer_is_the_indirect_object_of_provide_or_supply(text: str, party: str) -> None:
    assert [f.counterparty for f in extract_facts(text) if f.metric == "contract_value"] == [party]


#: A release of the company itself: the subject of "Tessaly signed" is no other party.
TESSALY = "Tessaly Compute, Inc. reported on Monday. "


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Tessaly signed a 12-year lease with GPU-cloud provider Merrow Systems valued at $2.2 billion.",
            "Merrow Systems",
        ),
        (
            "Tessaly inked a $700 million hosting deal with robotics start-up Fennick Dynamics.",
            "Fennick Dynamics",
        ),
        ("The contract with AI lab Quorvane is worth $1.3 billion.", "Quorvane"),
        ("Tessaly agreed a $1.1 billion lease with the US hyperscaler Pemberton.", "Pemberton"),
        # No descriptor: the name as before.
        ("Tessaly signed a 12-year lease with Merrow Systems valued at $2.2 billion.", "Merrow Systems"),
        # A descriptor with no name after it names nobody.
        ("Tessaly signed leases with two hyperscale customers valued at $2.2 billion.", None),
    ],
)
def test_a_descriptor_before_a_name_is_not_the_name(text: str, party: str | None) -> None:
    assert [f.counterparty for f in extract_facts(TESSALY + text) if f.metric == "contract_value"] == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "According to a filing with the Securities and Exchange Commission, the lease is valued at "
            "$1.8 billion.",
            None,
        ),
        ("In a report to the FERC, the company put the contract's value at $1.8 billion.", None),
        ("Tessaly told the Nasdaq that the deal is worth $1.8 billion.", None),
        # A name that only begins like a regulator's stays a party.
        ("Tessaly signed a lease with Secant Labs valued at $1.8 billion.", "Secant Labs"),
    ],
)
def test_a_regulator_or_exchange_is_no_party(text: str, party: str | None) -> None:
    assert [f.counterparty for f in extract_facts(TESSALY + text) if f.metric == "contract_value"] == [party]


def test_a_headline_verb_after_a_name_is_not_part_of_it() -> None:
    text = "Tessaly Soars 12% on $1.4B Cloud Deal, With Quorvane Signing 10-Year Lease"
    assert [f.counterparty for f in extract_facts(text) if f.metric == "contract_value"] == ["Quorvane"]
    # A party only buying a stake is no party to the deal (test_cases_realres).
    text = "Tessaly Soars 12% on $1.4B Cloud Deal, With Quorvane Buying 5% Stake"
    assert [f.counterparty for f in extract_facts(text) if f.metric == "contract_value"] == [None]
    # A name that ends in an -ing noun keeps it.
    text = TESSALY + "Tessaly signed a lease with Halvard Computing valued at $600 million."
    assert [f.counterparty for f in extract_facts(text) if f.metric == "contract_value"] == [
        "Halvard Computing"
    ]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Tessaly will add 36 MW of leased critical IT load to its Copper Basin campus.", None),
        ("Tessaly signed a lease for 36 MW of critical IT load at its Copper Basin site.", None),
        ("Tessaly has 36 MW of contracted capacity at the Ridgefield Data Center.", None),
        # The tenant is still read when the site is named beside it.
        ("Tessaly leased 36 MW at its Copper Basin campus to Quorvane.", "Quorvane"),
        # A company whose name ends in "Data Centers" is a party.
        ("Tessaly signed a lease with Copperline Data Centers for 36 MW.", "Copperline Data Centers"),
    ],
)
def test_a_site_is_not_a_party(text: str, party: str | None) -> None:
    found = [f.counterparty for f in extract_facts(TESSALY + text) if f.metric == "capacity_contracted"]
    assert found == [party]


@pytest.mark.parametrize(
    "text",
    [
        "As of June 30, 2026, Ashby Labs has committed to pay the Company up to approximately $2.7 "
        "billion through 2030.",
        "Since signing, Ashby Labs has agreed to pay us roughly $2.7 billion over the term.",
    ],
)
def test_the_paying_subject_is_the_party(text: str) -> None:
    assert parties(text) == [("contract_value", 2.7e9, "Ashby Labs")]


def test_the_company_paying_names_no_party() -> None:
    text = TESSALY + "The Company has committed to pay up to $90 million for the site."
    assert [f.counterparty for f in extract_facts(text)] in ([], [None])


def test_a_possessive_name_before_its_leases_is_the_party() -> None:
    text = (
        "Quorvane's amended leases now span the full 220 MW at Ashby Two, with a total contracted value "
        "of roughly $5.1 billion."
    )
    assert parties(text) == [("capacity_contracted", 220, "Quorvane"), ("contract_value", 5.1e9, "Quorvane")]
    # The company's own leases name no other party.
    text = TESSALY + "Tessaly's leases now cover 220 MW across three campuses."
    assert parties(text) == [("capacity_contracted", 220, None)]


def test_a_party_label_inside_a_bracketed_list_names_its_item() -> None:
    text = (
        "The two leases will add about $7 billion of revenue (Quorvane: 220 MW ~ $5.1B over ~12 years; "
        "investment-grade hyperscaler lease: ~90 MW ~ $2B over 10 years)."
    )
    found = {(f.metric, f.low, f.counterparty) for f in extract_facts(text) if f.low in (220, 5.1e9, 90, 2e9)}
    assert found == {
        ("capacity_contracted", 220, "Quorvane"),
        ("contract_value", 5.1e9, "Quorvane"),
        ("capacity_contracted", 90, None),
        ("contract_value", 2e9, None),
    }


def test_a_site_labelling_its_capacity_is_no_party() -> None:
    text = TESSALY + (
        "Each site is under a signed lease (Abilene: 200 MW of contracted capacity; Marlow Creek: 110 MW "
        "of contracted capacity)."
    )
    assert parties(text) == [("capacity_contracted", 200, None), ("capacity_contracted", 110, None)]
