"""Amounts beside deal words that are no facts, paired growth figures, shares of something else, periods
named before each figure, and financing shapes (all fictional wording and companies)."""

from __future__ import annotations

from rules.extraction import extract_facts


def got(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


def metrics(text: str) -> set[tuple[str, float]]:
    return {(f.metric, f.low) for f in extract_facts(text)}


# --- Year-over-year growth beside a sequential figure -------------------------------------------


def test_yoy_growth_kept_when_paired_with_sequential() -> None:
    # facts.md: revenue_growth is year over year; the sequential figure is no fact.
    for sentence in (
        "Turnover at Pelmark was $318 million, up 240% YoY and 22% QoQ.",
        "Pelmark's revenue rose 240% y/y and 22% q/q to $318 million.",
        "Revenue came in at $318 million, up 22% sequentially and 240% year over year.",
        "Revenue of $318 million (+240% y/y; +22% q/q) beat the plan.",
        "Sales were $318 million, up 22% quarter over quarter and 240% year-on-year.",
    ):
        found = metrics(sentence)
        assert ("revenue_growth", 240.0) in found, sentence
        assert ("revenue_growth", 22.0) not in found, sentence


def test_sequential_growth_alone_is_no_fact() -> None:
    for sentence in (
        "Revenue was $318 million, up 22% QoQ.",
        "Revenue rose 22% sequentially to $318 million.",
        "Revenue grew 22% to $318 million sequentially.",
        "Revenue increased 22% from the prior quarter.",
    ):
        assert not any(m == "revenue_growth" for m, _ in metrics(sentence)), sentence


# --- Percentages of something else -----------------------------------------------------------------


def test_share_of_capacity_or_a_stake_is_no_concentration() -> None:
    for sentence in (
        "Tessary expects the Brandwell deal to use only 15% of its total capacity.",
        "The Brandwell lease takes up 15% of the total contracted capacity at Tessary's campus.",
        "Brandwell received warrants representing roughly a 7 percent pro forma stake in Tessary.",
        "Brandwell Partners holds a 7% equity interest in Tessary.",
        "The warrants would give Brandwell Partners a 7% ownership in Tessary.",
    ):
        assert not any(m == "customer_concentration" for m, _ in metrics(sentence)), sentence


def test_a_segments_weight_is_no_concentration() -> None:
    for sentence in (
        "Hosting segment revenue climbed 31% to $4.4 billion, now accounting for about 52% of total sales.",
        "Its colocation unit revenue reached $4.4 billion, representing 52% of total revenue.",
        "Cloud division sales were $4.4 billion, making up 52% of the total.",
    ):
        # A segment's own revenue is no revenue fact either ("total or core" revenue, facts.md).
        found = metrics(sentence)
        assert not any(m == "customer_concentration" for m, _ in found), sentence


def test_customer_shares_still_read() -> None:
    # Near-misses: a named customer's share of revenue, even beside a segment or a stake.
    for sentence, share in (
        ("Brandwell accounted for 41% of its total revenue.", 41.0),
        ("Hosting segment revenue reached $4.4 billion; Brandwell accounted for 52% of total sales.", 52.0),
        ("Brandwell Partners represented 6% of revenue and holds a 9% stake in Tessary.", 6.0),
        ("Our largest customer accounted for 38% of the total.", 38.0),
    ):
        found = metrics(sentence)
        assert ("customer_concentration", share) in found, sentence
        assert ("customer_concentration", 9.0) not in found, sentence


def test_another_nouns_change_is_no_revenue_growth() -> None:
    for sentence in (
        "Hosting revenue fell as units mined declined 45%.",
        "Revenue slipped while hashprice dropped by 45%.",
        "Mining revenue fell, with bitcoin output down 45%.",
    ):
        assert not any(m == "revenue_growth" for m, _ in metrics(sentence)), sentence
    found = metrics("Revenue increased 18% as hashrate rose 45%.")
    assert ("revenue_growth", 18.0) in found
    assert ("revenue_growth", 45.0) not in found
    assert ("revenue_growth", 18.0) in metrics("Revenue grew by 18%, with services up 45%.")


# --- Amounts beside deal words that are no facts ---------------------------------------------------


def test_first_call_on_capacity_is_not_contracted() -> None:
    for sentence in (
        "Orlinde AI has secured a right of first offer on up to 650 MW of additional capacity.",
        "Orlinde AI also holds a right of first refusal over a further 650 MW at the campus.",
        "The lease gives Orlinde AI a ROFO on 650 MW in the second phase.",
    ):
        assert extract_facts(sentence) == [], sentence
    found = metrics(
        "Veskar signed a 200 MW lease with Orlinde AI, which also holds a right of first refusal on 650 MW."
    )
    assert found == {("capacity_contracted", 200.0)}


def test_unexercised_purchase_option_is_not_financing() -> None:
    for sentence, kept in (
        (
            "Veskar priced $700 million of convertible senior notes, with an option for initial "
            "purchasers to buy an additional $105 million.",
            {("financing", 700e6)},
        ),
        ("The underwriters may buy up to an additional $105 million of notes within 13 days.", set()),
        ("The offering carries a $105 million greenshoe option.", set()),
        (
            "Veskar priced a $700 million stock offering, plus an over-allotment option of up to "
            "$105 million.",
            {("financing", 700e6)},
        ),
    ):
        assert metrics(sentence) == kept, sentence
    # Near-miss: the option taken up is money raised.
    found = metrics(
        "Veskar raised $805 million, including $105 million from the full exercise of the initial "
        "purchasers' option to purchase additional notes."
    )
    assert ("financing", 105e6) in found


def test_backstop_fee_and_lifetime_funding_are_no_facts() -> None:
    for sentence in (
        "Halvorn Capital has committed to backing up $1.4 billion of Orlinde AI's lease obligations.",
        "Halvorn Capital agreed to stand behind $1.4 billion of Orlinde AI's rent obligations.",
        "Veskar will pay $30 million to its leasing broker.",
        "Veskar agreed to pay $30 million in advisory fees to Tamber Partners.",
        "The deal carries a break fee of $30 million.",
        "Veskar has raised about $3.1 billion since it was founded in 2018.",
        "Veskar has raised $3.1 billion in equity since its inception.",
        "The round brings its total funding to $3.1 billion.",
    ):
        assert extract_facts(sentence) == [], sentence
    # Near-misses: the deal or the round itself stays.
    assert metrics(
        "Veskar signed a $4 billion lease with Orlinde AI and will pay $30 million in brokerage fees."
    ) == {("contract_value", 4e9)}
    assert metrics(
        "Veskar raised $500 million in a Series D, bringing its total funding to $3.1 billion."
    ) == {("financing", 500e6)}
    assert metrics("Halvorn Capital lent Veskar $1.4 billion to build the campus.") == {("financing", 1.4e9)}
    # "to date" also closes one programme's running total: still money raised.
    assert metrics("Veskar has secured $400 million in GPU financing to date.") == {("financing", 400e6)}


def test_capex_raised_is_no_money_raised() -> None:
    for sentence in (
        "2027 capex raised to ~$4B; funding via corporate debt and equity.",
        "Capex was raised to about $4 billion, funded through debt and equity.",
        "Veskar's capital expenditure budget was raised to $4 billion.",
    ):
        assert extract_facts(sentence) == [], sentence
    assert metrics("Veskar raised $4 billion in notes to fund its capex.") == {("financing", 4e9)}


def test_cost_per_megawatt_is_no_contract_value() -> None:
    for sentence in (
        "The lease carries a contract value of around $3.5 billion, with a build cost ranging from $8 to "
        "$10 million per MW.",
        "Build costs range from $8 to $10 million per megawatt, and the lease is worth $3.5 billion.",
        "The lease is worth $3.5 billion, with costs ranging from $8 million to $10 million per MW.",
    ):
        assert metrics(sentence) == {("contract_value", 3.5e9)}, sentence
    # Near-miss: a compared total still takes the metric before it.
    assert ("backlog", 1.9e9) in metrics("Backlog was $3.2 billion, up from $1.9 billion a year earlier.")


# --- Financing instrument shapes -------------------------------------------------------------------


def financing(text: str) -> set[tuple[float, str | None, str | None]]:
    return {(f.low, f.instrument, f.counterparty) for f in extract_facts(text) if f.metric == "financing"}


def test_zero_coupon_notes_are_financing() -> None:
    for sentence in (
        "Tamsworth issued $820 million of zero-coupon convertible notes.",
        "Tamsworth priced a $820 million offering of zero coupon convertible senior notes due 2031.",
    ):
        assert financing(sentence) == {(820e6, "convertible", None)}, sentence
    assert financing("The $820 million zero-coupon notes mature in 2030.") == {(820e6, "notes", None)}
    # Near-miss: a coupon rate is still no fact.
    assert extract_facts("The notes carry a coupon of 2.5% on $820 million.") == []


def test_draw_from_a_facility_with_its_size() -> None:
    found = financing(
        "Tamsworth drew $160 million from its $3 billion preferred equity facility with Oakhurst Capital."
    )
    assert (160e6, "equity", "Oakhurst Capital") in found
    found = financing(
        "Tamsworth drew $160 million under its existing $3 billion credit facility with Brennick Bank."
    )
    assert (160e6, "credit_facility", "Brennick Bank") in found
    found = financing(
        "Tamsworth completed a $160 million drawdown under its equity facility with Oakhurst Capital."
    )
    assert found == {(160e6, "equity", "Oakhurst Capital")}
    # Near-miss: "drew" before revenue is no financing.
    assert {f.metric for f in extract_facts("The company drew $160 million in revenue from hosting.")} == {
        "revenue"
    }


def test_instrument_stays_in_its_own_clause() -> None:
    for sentence in (
        "Tamsworth issued $820 million of convertible notes and secured $260 million in GPU financing.",
        "Tamsworth secured $260 million in GPU financing and issued $820 million of convertible notes.",
        "Tamsworth issued $820 million of convertible notes; it also secured $260 million in GPU financing.",
        "Tamsworth issued $820 million of convertible notes, secured $260 million in GPU financing to "
        "date, and ended the quarter with $1.9 billion of cash.",
    ):
        assert financing(sentence) == {(820e6, "convertible", None), (260e6, "other", None)}, sentence
    # Near-misses: an instrument named for the figure itself, and a draw on the loan named before it.
    found = financing(
        "Tamsworth issued $820 million of convertible notes and secured a $260 million term loan."
    )
    assert (260e6, "loan", None) in found
    found = financing(
        "We closed the $1.2 billion delayed-draw term loan with Brennick Bank, and we drew $260 million "
        "of it."
    )
    assert {(low, inst) for low, inst, _cp in found} == {(1.2e9, "loan"), (260e6, "loan")}


def test_own_kind_of_financing_over_paragraphs_instrument() -> None:
    text = (
        "- Drew $160 million from the Oakhurst preferred equity facility ($3 billion total).\n"
        "- Secured $55 million in equipment financing for the 200 MW campus."
    )
    found = financing(text)
    assert 160e6 in {low for low, _i, _c in found}
    assert (55e6, "other", None) in found
    # Near-miss: a draw with no noun of its own is the paragraph's loan.
    text = "Tamsworth closed a $900 million term loan with Brennick Bank. The Company drew $300 million."
    assert (300e6, "loan", "Brennick Bank") in financing(text)


# --- Periods: each figure its own ------------------------------------------------------------------


def periods(text: str) -> set[tuple[str, float, str | None]]:
    return {(f.metric, f.low, f.period) for f in extract_facts(text)}


def test_period_leading_each_figure() -> None:
    for sentence in (
        "We expect fiscal 2028 revenue of $7 billion and fiscal 2029 revenue of $12 billion.",
        "Corvellan guides FY2028 revenue to $7 billion and FY2029 total revenue to $12 billion.",
        "We expect fiscal 2028 revenue of $7 billion, and fiscal 2029 revenue of $12 billion.",
    ):
        found = periods(sentence)
        assert ("revenue", 7e9, "2028-FY") in found, sentence
        assert ("revenue", 12e9, "2029-FY") in found, sentence
    found = periods(
        "We expect fiscal 2028 revenue of $7 billion and fiscal 2029 adjusted gross margin of 41%."
    )
    assert found == {("revenue", 7e9, "2028-FY"), ("gross_margin", 41.0, "2029-FY")}


def test_period_after_a_figure_still_dates_it() -> None:
    # Near-misses: a period after the figure that leads no figure of its own.
    assert periods("Gross margin was 44% in Q3 2026 and operating margin 11%.") == {
        ("gross_margin", 44.0, "2026-Q3"),
        ("operating_margin", 11.0, "2026-Q3"),
    }
    found = periods("Revenue was $7 billion in fiscal 2028, and gross margin was 41%.")
    assert ("revenue", 7e9, "2028-FY") in found
    found = periods(
        "Corvellan's largest customer accounted for 52% of fiscal 2027 revenue, and its top two for 80%."
    )
    assert ("customer_concentration", 52.0, "2027-FY") in found


def test_yearly_targets_after_this_year() -> None:
    head = "Corvellan reports second quarter fiscal 2027 results.\n\n"
    for sentence in (
        "We expect revenue to grow 55% to $7 billion this fiscal year and then rise to $12 billion and "
        "$18 billion over the following two years.",
        "We expect revenue of $7 billion in fiscal 2027, rising to $12 billion and $18 billion over the next "
        "two years.",
    ):
        found = periods(head + sentence)
        assert ("revenue", 7e9, "2027-FY") in found, sentence
        assert ("revenue", 12e9, "2028-FY") in found, sentence
        assert ("revenue", 18e9, "2029-FY") in found, sentence
        assert not any(m == "contract_value" for m, _v, _p in found), sentence
    found = periods(head + "We expect revenue to grow 55% to $7 billion this fiscal year.")
    assert ("revenue_growth", 55.0, "2027-FY") in found
    # Near-miss: one sum over years is still a contract's value.
    assert {
        f.metric for f in extract_facts("Corvellan expects $6 billion in revenue over the next five years.")
    } == {"contract_value"}


def test_period_between_figure_and_noun() -> None:
    for sentence in (
        "Corvellan reported $238 million of Q2 revenue.",
        "Corvellan posted $238 million in Q2 revenue.",
        "Corvellan reported $238 million of fiscal 2027 revenue.",
    ):
        assert ("revenue", 238e6) in metrics(sentence), sentence
    assert ("revenue", 238e6, "2027-FY") in periods("Corvellan reported $238 million of fiscal 2027 revenue.")
    # Near-miss: notes named by their maturity are no money raised.
    assert extract_facts("Corvellan had $238 million of 2027 notes outstanding.") == []
