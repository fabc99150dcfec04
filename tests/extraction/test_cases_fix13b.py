"""Shapes of held-out set 13's misses and false facts, each in general form with new fictional
wording (prior guidance named after a figure, a sector word beside a company's own move, gapped
shares, a bare-apostrophe possessive, a sentence cut by a PDF page break, ...), with near-misses
that must keep their reading."""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def read(text: str) -> list[tuple[str, str, float, float]]:
    return [(f.metric, f.kind, f.low, f.high) for f in extract_facts(text)]


# --- Prior guidance named after the figure it modifies -------------------------------------------


@pytest.mark.parametrize(
    ("text", "guide"),
    [
        ("Adj. gross margin 61.2% vs. the 58-60% guide.", ("gross_margin", 58, 60)),
        ("Gross margin was 61.2%, above the 58% to 60% guidance.", ("gross_margin", 58, 60)),
        (
            "Gross margin came in at 49.0%, below the 50% to 52% company guidance range.",
            ("gross_margin", 50, 52),
        ),
        ("Revenue of $88 million topped its $80 million outlook.", ("revenue", 80e6, 80e6)),
        ("Revenue of $88 million beat the $80-$82 million guidance.", ("revenue", 80e6, 82e6)),
        ("Operating margin of 7.5% compared with the 5% to 6% full-year target.", ("operating_margin", 5, 6)),
        ("Gross margin of 57.9% was ahead of guidance of 55% to 57%.", ("gross_margin", 55, 57)),
        ("Gross margin was 57.9%, compared with guidance of 55% to 57%.", ("gross_margin", 55, 57)),
        ("Gross margin was 57.9%, above our outlook of 55%-57%.", ("gross_margin", 55, 57)),
        ("Revenue was $88 million versus guidance of $80-85 million.", ("revenue", 80e6, 85e6)),
        (
            "Revenue was $88 million, above our outlook for the quarter of $80 million to $85 million.",
            ("revenue", 80e6, 85e6),
        ),
    ],
)
def test_a_range_named_as_the_guide_after_it_is_guidance(text: str, guide: tuple[str, float, float]) -> None:
    got = read(text)
    metric, low, high = guide
    assert (metric, "guidance", low, high) in got, got
    assert (metric, "actual", low, high) not in got, got
    assert any(kind == "actual" and m == metric and lo != low for m, kind, lo, _h in got), got


@pytest.mark.parametrize(
    "text",
    [
        "Gross margin was 61.2%, above the 58% to 60% range of last year.",
        "Gross margin was 61.2% compared with 58% a year ago.",
        "Revenue of $88 million compared with $80 million a year earlier, and guidance was raised.",
    ],
)
def test_a_compared_figure_with_no_guide_noun_stays_actual(text: str) -> None:
    assert all(kind == "actual" for _m, kind, _l, _h in read(text))


@pytest.mark.parametrize(
    "text",
    [
        "We expect gross margin of 45%, compared with 41% last year.",
        "We expect revenue of $300 million, versus $250 million a year ago.",
    ],
)
def test_a_forecast_compared_with_a_past_result_keeps_the_result_actual(text: str) -> None:
    assert [kind for _m, kind, _l, _h in read(text)] == ["guidance", "actual"]


# --- A sector word beside the company's own move --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "move"),
    [
        ("The stock closed -2.8% on Monday amid a sector rout.", -2.8),
        ("Shares of Pellor fell 4.1% in the sector sell-off on Friday.", -4.1),
        ("Pellor shares slipped 2% in a broad sell-off of chip stocks.", -2.0),
    ],
)
def test_a_sector_circumstance_does_not_block_the_companys_move(text: str, move: float) -> None:
    assert read(text) == [("stock_move", "actual", move, move)]


@pytest.mark.parametrize(
    ("text", "move"),
    [
        ("Halvern shares fell 4% in heavy volume on Tuesday.", -4.0),
        ("Halvern shares rose 6% on strong volume.", 6.0),
        ("Halvern shares rose 6% to lead the index higher.", 6.0),
        ("Halvern shares fell 4% despite strong earnings.", -4.0),
        ("Halvern's stock dropped 5% on concerns about capex.", -5.0),
    ],
)
def test_a_circumstance_after_a_move_does_not_block_it(text: str, move: float) -> None:
    assert read(text) == [("stock_move", "actual", move, move)]


@pytest.mark.parametrize(
    "text",
    [
        "Halvern's stock offers a 4% dividend yield.",
        "Halvern shares trade at a 5% discount to net asset value.",
        "The stock market fell 3% in heavy volume.",
        "The broader stock market fell 3% on Tuesday.",
    ],
)
def test_a_figure_labelled_by_a_blocking_word_or_the_markets_move_is_no_fact(text: str) -> None:
    assert read(text) == []


def test_a_sector_index_move_is_still_no_fact() -> None:
    assert read("The Philadelphia semiconductor index fell 3.2% in the sector sell-off.") == []
    assert read("Pellor shares rose 5%; the sector ETF fell 1%.") == [("stock_move", "actual", 5, 5)]
    assert read("The stock fell 2% while the sector index fell 3.4%.") == [("stock_move", "actual", -2, -2)]


# --- Gapped shares and possessives ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Borrowdale represented 41% of annual revenue, and our three largest customers together roughly 70%.",
        "Borrowdale accounted for 41% of revenue in 2025, and its top four customers 70%.",
        "Borrowdale accounted for 41% of revenue, and our top two tenants combined about 70%.",
    ],
)
def test_a_customer_group_with_the_verb_left_out_keeps_the_share(text: str) -> None:
    found = [f for f in extract_facts(text) if f.metric == "customer_concentration"]
    assert [(f.low, f.counterparty) for f in found] == [(41, "Borrowdale"), (70, None)]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Borrowdale accounted for 41% of revenue and Kestrel 22%.", ["Borrowdale", "Kestrel"]),
        ("Customer A represented 41% of revenue, and Customer B, 22%.", ["Customer A", "Customer B"]),
        (
            "Borrowdale accounted for 41% of revenue, Kestrel for 22% and Marlow for 11%.",
            ["Borrowdale", "Kestrel", "Marlow"],
        ),
        (
            "Borrowdale and Kestrel Labs accounted for 41% and 22% of revenue, respectively.",
            ["Borrowdale", "Kestrel Labs"],
        ),
        (
            "In 2026, Borrowdale, Kestrel Labs and Marlow accounted for 41%, 22% and 11% of revenue, "
            "respectively.",
            ["Borrowdale", "Kestrel Labs", "Marlow"],
        ),
    ],
)
def test_each_named_customer_of_a_gapped_or_respective_list_has_its_share(
    text: str, parties: list[str]
) -> None:
    found = [f for f in extract_facts(text) if f.metric == "customer_concentration"]
    assert [f.counterparty for f in found] == parties


def test_one_customers_shares_in_respective_periods() -> None:
    text = (
        "Our largest customer, Borrowdale, accounted for 52% and 47% of our revenue for the year ended "
        "December 31, 2025 and the six months ended June 30, 2026, respectively."
    )
    found = [(f.low, f.counterparty, f.period) for f in extract_facts(text)]
    assert found == [(52, "Borrowdale", "2025-FY"), (47, "Borrowdale", "2026-H1")]


def test_a_clause_with_its_own_verb_is_no_gapped_share() -> None:
    got = read("Borrowdale accounted for 41% of revenue, and Kestrel grew 22%.")
    assert [low for metric, _k, low, _h in got if metric == "customer_concentration"] == [41]


def test_a_gapped_clause_of_another_metric_is_no_share() -> None:
    got = read("Borrowdale accounted for 41% of revenue, and gross margin improved to 55%.")
    assert got == [("customer_concentration", "actual", 41, 41), ("gross_margin", "actual", 55, 55)]
    got = read("Borrowdale represented 41% of revenue, and our customers in Europe about 12% of bookings.")
    assert got == [("customer_concentration", "actual", 41, 41)]


@pytest.mark.parametrize(
    "text",
    [
        "Borrowdale accounted for 15% of Marlowes' revenue in the second quarter.",
        "Borrowdale accounted for 15% of Tennis' total revenue.",
        "Borrowdale made up 15% of Jonas’ sales.",
    ],
)
def test_a_bare_apostrophe_possessive_before_revenue(text: str) -> None:
    (fact,) = extract_facts(text)
    assert (fact.metric, fact.low, fact.counterparty) == ("customer_concentration", 15, "Borrowdale")


# --- A sentence cut by a PDF page's footer and header ---------------------------------------------

_FOOTER = "Orrin Data Systems | Q2 2027 Prepared Remarks            Page {} of 3"
_HEADER = "\fOrrin Data Systems                       Prepared Remarks - Q2 2027"
#: PDF text is wrapped at a fixed width: these lines are, as the remarks around a break would be.
_OPENING = (
    "Thank you, operator, and good afternoon to everyone joining us on the call\n"
    "today. Revenue for the quarter was $210 million, and we closed two new\n"
    "leases with existing customers during the period. Turning to capacity,\n"
)
_CLOSING = (
    "\nWe also continued to add staff in our operations group and opened a new\n"
    "office in the region, which we will talk about in more detail at our\n"
    "investor day later in the year. With that, I will turn it to questions.\n"
)


def _pages(before: str, after: str) -> str:
    return (
        f"{_HEADER[1:]}\n\n{_OPENING}{before}\n\n\n{_FOOTER.format(1)}\n{_HEADER}\n\n{after}\n"
        f"{_CLOSING}\n\n{_FOOTER.format(2)}\n"
    )


@pytest.mark.parametrize(
    ("before", "after", "fact"),
    [
        (
            "which is as follows: looking ahead, we expect contracted capacity of",
            "more than 900 megawatts by the end of 2028. Gross margin was 41.5%.",
            ("capacity_contracted", "guidance", 900, 900),
        ),
        (
            "which starts from where we are today: we now have energized capacity of",
            "four hundred and ten megawatts across three sites. Gross margin was 41.5%.",
            ("capacity_deployed", "actual", 410, 410),
        ),
        (
            "which we raise today: for the full year we now expect revenue of",
            "$1.10 billion to $1.15 billion. Gross margin was 41.5%.",
            ("revenue", "guidance", 1.10e9, 1.15e9),
        ),
        (
            "which is unchanged: by the end of 2028 we expect contracted capacity of",
            "900 megawatts across our three campuses. Gross margin was 41.5%.",
            ("capacity_contracted", "guidance", 900, 900),
        ),
    ],
)
def test_a_sentence_across_a_page_break_is_read_whole(
    before: str, after: str, fact: tuple[str, str, float, float]
) -> None:
    text = _pages(before, after)
    found = extract_facts(text)
    assert fact in [(f.metric, f.kind, f.low, f.high) for f in found]
    for f in found:
        # Evidence and offsets are those of the text as given, furniture included.
        assert text[f.start : f.end] == f.evidence
    joined = next(f for f in found if (f.metric, f.kind, f.low, f.high) == fact)
    assert "Page 1 of 3" in joined.evidence
    assert ("gross_margin", "actual", 41.5, 41.5) in [(f.metric, f.kind, f.low, f.high) for f in found]


def test_a_page_break_between_paragraphs_stays_a_break() -> None:
    text = _pages(
        "which is unchanged. Contracted capacity ended at 800 megawatts.",
        "Gross margin was 41.5% in the quarter.",
    )
    found = extract_facts(text)
    assert [(f.metric, f.low) for f in found] == [
        ("revenue", 210e6),
        ("capacity_contracted", 800),
        ("gross_margin", 41.5),
    ]
    assert all("Page" not in f.evidence for f in found)


# --- A verbless lead-in that names the outlook's year ---------------------------------------------

_RESULTS = (
    "Marlin Grid Corp. Fourth Quarter 2026 Results\n\n"
    "Revenue for the fourth quarter of 2026 was $140 million. Gross margin was 38.0%.\n\n"
)


@pytest.mark.parametrize(
    "intro",
    ["Turning to 2027. ", "Now, looking ahead to fiscal 2027:\n\n", "Moving on to our 2027 outlook. "],
)
def test_an_outlook_lead_in_dates_the_forecasts_after_it(intro: str) -> None:
    text = (
        _RESULTS
        + intro
        + (
            "We expect revenue of $700 million to $760 million and gross margin of 40% to 42%. "
            "For the first quarter, we expect revenue of $150 million to $155 million."
        )
    )
    got = [(f.metric, f.kind, f.low, f.period) for f in extract_facts(text)]
    assert got == [
        ("revenue", "actual", 140e6, "2026-Q4"),
        ("gross_margin", "actual", 38.0, "2026-Q4"),
        ("revenue", "guidance", 700e6, "2027-FY"),
        ("gross_margin", "guidance", 40, "2027-FY"),
        ("revenue", "guidance", 150e6, "2027-Q1"),
    ]


def test_an_outlook_lead_in_leaves_a_dated_period_and_the_actuals_alone() -> None:
    text = _RESULTS + (
        "Turning to 2027. For the fourth quarter of 2026 we had expected revenue of $135 million. "
        "We expect revenue of $700 million to $760 million."
    )
    got = [(f.kind, f.low, f.period) for f in extract_facts(text) if f.metric == "revenue"]
    assert got == [
        ("actual", 140e6, "2026-Q4"),
        ("guidance", 135e6, "2026-Q4"),
        ("guidance", 700e6, "2027-FY"),
    ]


def test_a_next_years_forecast_dates_the_forecasts_after_it() -> None:
    text = _RESULTS + (
        "For 2027, we expect revenue of $700 million to $760 million. We expect gross margin of 40% to 42%. "
        "For the first quarter, we expect revenue of $150 million to $155 million."
    )
    got = [(f.metric, f.low, f.period) for f in extract_facts(text) if f.kind == "guidance"]
    assert got == [
        ("revenue", 700e6, "2027-FY"),
        ("gross_margin", 40, "2027-FY"),
        ("revenue", 150e6, "2027-Q1"),
    ]


def test_the_first_quarter_forecast_in_a_fourth_quarter_report_is_next_years() -> None:
    text = _RESULTS + "We expect revenue of $150 million to $155 million for the first quarter."
    (guide,) = [f for f in extract_facts(text) if f.kind == "guidance"]
    assert guide.period == "2027-Q1"


def test_a_forecast_in_a_mid_year_report_keeps_the_reporting_year() -> None:
    text = (
        "Marlin Grid Corp. Second Quarter 2026 Results\n\n"
        "Revenue for the second quarter of 2026 was $140 million.\n\n"
        "For the third quarter, we expect revenue of $150 million to $155 million. For 2026, we expect "
        "revenue of $600 million. We expect gross margin of 40% to 42%."
    )
    got = [(f.metric, f.low, f.period) for f in extract_facts(text) if f.kind == "guidance"]
    assert got[:2] == [("revenue", 150e6, "2026-Q3"), ("revenue", 600e6, "2026-FY")]
    assert [str(period)[:4] for _m, _l, period in got] == ["2026"] * 3


# --- Counterparties referred back to --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Halvern entered into a $900 million term loan with Carrow Bank and Dunmore Capital. It also entered "
        "into a $300 million revolving credit facility with the same lenders.",
        "Halvern entered into a $900 million term loan with Carrow Bank and Dunmore Capital.\n\nSeparately, "
        "Halvern closed a $300 million revolving credit facility provided by the same bank group.",
    ],
)
def test_the_same_lenders_are_the_lenders_named_before(text: str) -> None:
    found = [(f.low, f.instrument, f.counterparty) for f in extract_facts(text)]
    assert found == [
        (900e6, "loan", "Carrow Bank and Dunmore Capital"),
        (300e6, "credit_facility", "Carrow Bank and Dunmore Capital"),
    ]


def test_the_same_lenders_with_no_lender_named_before_stay_unnamed() -> None:
    text = (
        "Halvern sold $500 million of senior notes. "
        "It also entered into a $300 million revolver with the same lenders."
    )
    assert [f.counterparty for f in extract_facts(text)] == [None, None]


@pytest.mark.parametrize(
    "text",
    [
        "Our largest customer is Brightloom Labs. In fiscal 2026 it accounted for 44% of revenue.",
        "Brightloom Labs is our largest customer. It accounted for about 44% of revenue in fiscal 2026.",
        "Halvern's largest tenant is Brightloom Labs. In fiscal 2026, which ended June 30, it represented "
        "44% of revenue.",
    ],
)
def test_it_in_the_next_sentence_is_the_customer_named_before(text: str) -> None:
    (fact,) = extract_facts(text)
    assert (fact.metric, fact.low, fact.counterparty) == ("customer_concentration", 44, "Brightloom Labs")


def test_it_two_sentences_later_is_not_resolved() -> None:
    text = (
        "Our largest customer is Brightloom Labs. We opened a new campus in Ohio. "
        "In 2026 it accounted for 44% of revenue."
    )
    (fact,) = extract_facts(text)
    assert fact.counterparty is None


# --- An "of which" part's status is the part's alone ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Proceeds fund the 320 MW Alder build, of which 210 MW is pre-leased to Brightloom Labs.",
        "The Tulsa expansion adds 300 MW, of which 210 MW is leased to Brightloom Labs.",
    ],
)
def test_the_whole_of_an_of_which_clause_takes_no_status_from_the_part(text: str) -> None:
    (fact,) = extract_facts(text)
    assert (fact.metric, fact.low, fact.counterparty) == ("capacity_contracted", 210, "Brightloom Labs")


def test_the_whole_keeps_a_status_of_its_own() -> None:
    got = read("The company has 455 MW of contracted capacity, of which 182 MW is in operation.")
    assert got == [
        ("capacity_contracted", "actual", 455, 455),
        ("capacity_deployed", "actual", 182, 182),
    ]
    got = read("Halvern energized 120 MW in the quarter, of which 80 MW is leased to Brightloom.")
    assert got == [("capacity_deployed", "actual", 120, 120), ("capacity_contracted", "actual", 80, 80)]


# --- Pay valued at an amount is no contract -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Board approved a sign-on grant of restricted stock units valued at $4.5 million, vesting over "
        "four years.",
        "Ms. Orr will receive an award of performance share units valued at approximately $2 million.",
    ],
)
def test_an_award_of_pay_valued_at_an_amount_is_no_contract(text: str) -> None:
    assert read(text) == []


def test_an_agreement_valued_at_an_amount_stays_a_contract() -> None:
    assert read("Halvern signed a lease with Brightloom valued at $1.2 billion.") == [
        ("contract_value", "actual", 1.2e9, 1.2e9)
    ]
    assert read("Halvern granted Brightloom options under a lease valued at $1.2 billion.") == [
        ("contract_value", "actual", 1.2e9, 1.2e9)
    ]


# --- A named analyst's view and an increment to revenue -------------------------------------------

_STORY = (
    "Halvern Compute shares rise on Brightloom deal\n\n"
    "Halvern Compute Inc said on Tuesday it signed a lease with Brightloom Labs. "
    '"Demand is not slowing," said Kay Orsett, an analyst at Brill & Co, who raised her price target. '
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Orsett sees 2027 revenue of roughly $1.4 billion.",
        "Orsett estimates 2027 revenue at $1.4 billion.",
        "Orsett also expects gross margin of 45% next year.",
        "Orsett estimates the lease could add about $500 million to annual revenue.",
    ],
)
def test_a_named_analysts_view_is_no_fact(sentence: str) -> None:
    assert read(_STORY + sentence) == []


def test_the_company_after_a_named_analyst_still_speaks_for_itself() -> None:
    got = read(_STORY + "Halvern expects revenue of $1.4 billion in 2027.")
    assert got == [("revenue", "guidance", 1.4e9, 1.4e9)]
    got = read(_STORY + "Orsett noted that Halvern reported revenue of $310 million in the quarter.")
    assert got == [("revenue", "actual", 310e6, 310e6)]


@pytest.mark.parametrize(
    "text",
    [
        "The lease could add about $640 million to annual revenue once fully ramped.",
        "The lease will add $640 million a year to revenue.",
    ],
)
def test_an_amount_added_to_revenue_is_no_revenue(text: str) -> None:
    assert read(text) == []


# --- Partitive capacity ---------------------------------------------------------------------------


def test_a_part_of_capacity_named_before_is_capacity() -> None:
    got = read("We expect roughly 300 of those megawatts to be online by the end of the fiscal year.")
    assert got == [("capacity_deployed", "guidance", 300, 300)]
    got = read("We have 500 MW under contract and about 200 of those megawatts are already energized.")
    assert got == [("capacity_contracted", "actual", 500, 500), ("capacity_deployed", "actual", 200, 200)]
    assert read("We operate 12 of the 20 MW halls.") == []


# --- Equity a partner buys from the company -------------------------------------------------------

_RELEASE = (
    "Halvern Compute Inc. (NASDAQ: HLVN) today announced a strategic partnership with Brightloom Labs.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Brightloom will also take a $180 million stake in Halvern by buying newly issued shares at $22.10.",
        "Brightloom agreed to buy $180 million of newly issued Halvern stock.",
        "Brightloom will make a $180 million equity investment in Halvern.",
        "Halvern will sell $180 million of newly issued shares to Brightloom.",
        "Brightloom will invest $180 million in the company.",
    ],
)
def test_a_partners_equity_purchase_is_equity_financing_from_it(sentence: str) -> None:
    (fact,) = extract_facts(_RELEASE + sentence)
    assert (fact.metric, fact.low, fact.instrument, fact.counterparty) == (
        "financing",
        180e6,
        "equity",
        "Brightloom",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Halvern will buy a $50 million stake in Ostrava Power.",
        "Halvern agreed to buy $50 million of newly issued Ostrava Power shares.",
        "Halvern will invest $300 million in its Texas campus.",
    ],
)
def test_the_companys_own_investment_is_no_financing(sentence: str) -> None:
    assert read(_RELEASE + sentence) == []


def test_each_part_of_an_investment_has_its_instrument_and_investor() -> None:
    text = _RELEASE + (
        "The financing includes a $400 million investment by Brightloom, made up of $250 million of common "
        "stock purchased at $30.00 per share and a $150 million unsecured loan to Halvern maturing in 2031."
    )
    got = [(f.low, f.instrument, f.counterparty) for f in extract_facts(text)]
    assert got == [
        (400e6, "equity", "Brightloom"),
        (250e6, "equity", "Brightloom"),
        (150e6, "loan", "Brightloom"),
    ]
    text = _RELEASE + (
        "The package is a $400 million investment by Brightloom Ventures, consisting of $250 million of "
        "convertible preferred stock and $150 million of senior notes."
    )
    got = [(f.low, f.instrument, f.counterparty) for f in extract_facts(text) if f.low < 400e6]
    assert got == [(250e6, "convertible", "Brightloom Ventures"), (150e6, "notes", "Brightloom Ventures")]


# --- Counterparties in apposition and of supply (regression guards) -------------------------------


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Halvern said it had signed a seven-year agreement worth about $1.4 billion with cloud gaming "
            "start-up Brightloom.",
            "Brightloom",
        ),
        (
            "Halvern signed a $1.4 billion lease with artificial intelligence developer Brightloom Labs.",
            "Brightloom Labs",
        ),
        (
            "Under the deal, Halvern will supply Brightloom with roughly 150 megawatts of capacity in Ohio.",
            "Brightloom",
        ),
        (
            "Under the agreement, Halvern will provide Brightloom Labs with 150 MW of capacity.",
            "Brightloom Labs",
        ),
    ],
)
def test_the_party_described_or_supplied_is_the_counterparty(text: str, party: str) -> None:
    (fact,) = extract_facts(text)
    assert fact.counterparty == party
