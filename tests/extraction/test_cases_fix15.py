"""Held-out set 15's causes, in general form.

- A power figure set against another ("against", "versus", "compared with") keeps the status word
  written after it ("against 1.6 GW under contract").

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


# --- A capacity figure contrasted with another keeps its own status ------------------------------


def test_contrasted_capacity_keeps_its_own_status() -> None:
    for tail in (
        "against 2.3 GW under contract",
        "versus 2.3 GW contracted",
        "compared with 2.3 GW under contract",
        "against 2.3 GW of contracted capacity",
        "vs. 2.3 GW leased",
    ):
        text = f"Quillmark ended June with about 510 MW of operational capacity, {tail}."
        assert values(text) == {
            ("capacity_deployed", "actual", 510),
            ("capacity_contracted", "actual", 2300),
        }, tail
    # The other way round: contracted first, energized after the contrast.
    text = "Brisant Compute had 780 MW under signed leases, against 260 MW energized."
    assert values(text) == {("capacity_contracted", "actual", 780), ("capacity_deployed", "actual", 260)}


def test_compared_capacity_without_its_own_status_is_the_earlier_value() -> None:
    # No status word after the compared figure: the earlier value of the same measure.
    text = "Brisant Compute had 780 MW under signed leases, compared with 610 MW a year ago."
    assert values(text) == {("capacity_contracted", "actual", 780), ("capacity_contracted", "actual", 610)}
    text = "Brisant Compute had 780 MW under signed leases, versus 610 MW contracted a year earlier."
    assert values(text) == {("capacity_contracted", "actual", 780), ("capacity_contracted", "actual", 610)}
    # Two stated figures, two compared ones with their own words: each answers its own.
    text = (
        "Ostrel had 212 MW in operation and 905 MW under lease, compared with 150 MW in operation "
        "and 640 MW under lease a year earlier."
    )
    assert {(f.metric, f.low) for f in extract_facts(text)} == {
        ("capacity_deployed", 212),
        ("capacity_contracted", 905),
        ("capacity_deployed", 150),
        ("capacity_contracted", 640),
    }


# --- A dollar amount beside another currency's, before "of <instrument>" --------------------------


def financing(text: str) -> list[tuple[str, str | None, float]]:
    return [(f.metric, f.instrument, f.low) for f in extract_facts(text)]


def test_converted_amount_before_its_instrument() -> None:
    for text in (
        "Daeryun Grid issued KRW 420 billion (US$303.1 million) of green bonds in July.",
        "Daeryun Grid issued KRW 420 billion (US$303.1 million) of senior notes.",
        "Daeryun Grid issued US$303.1 million (KRW 420 billion) of green bonds.",
        "Velmora SE placed €280 million (approximately US$303.1 million) of senior notes.",
        "Velmora SE placed US$303.1 million (about €280 million) of senior notes.",
    ):
        assert financing(text) == [("financing", "notes", 303_100_000)], text
    # The other currency's amount alone is no dollar figure; the noun still names the dollar one.
    assert financing("Daeryun Grid issued KRW 420 billion of green bonds.") == []


def test_converted_amount_of_something_else_is_no_financing() -> None:
    assert financing("Daeryun sold KRW 90 billion (US$65.0 million) of chillers to Hwado.") == []
    assert financing("Daeryun Grid booked an operating loss of KRW 15 billion (US$10.8 million).") == []


# --- Financing nouns and spoken amounts ----------------------------------------------------------


def deals(text: str) -> list[tuple[str | None, float, str | None]]:
    return [(f.instrument, f.low, f.counterparty) for f in extract_facts(text) if f.metric == "financing"]


def test_sale_leaseback_with_a_plain_deal_verb() -> None:
    for text in (
        "Corrow Data took a $1.3 billion sale-leaseback from a pension fund on two halls.",
        "Corrow Data agreed a $1.3 billion sale-leaseback with a pension fund.",
        "Corrow Data completed a $1.3 billion sale-leaseback of its Abilene campus.",
        "Corrow Data completed a $1.3 billion sale and leaseback of its Abilene campus.",
    ):
        assert deals(text) == [("other", 1_300_000_000, None)], text
    # The paragraph's loan is not the sale-leaseback's instrument.
    text = "Corrow Data closed a $700 million term loan. It also completed a $1.3 billion sale-leaseback."
    assert deals(text) == [("loan", 700_000_000, None), ("other", 1_300_000_000, None)]
    # A lease with a customer is no financing.
    assert deals("Corrow Data signed a $1.3 billion lease with Vendric AI.") == []


def test_delayed_draw_facility_without_loan_or_credit() -> None:
    for text in (
        "Sternhall closed a $900 million delayed-draw facility with Alcott Capital.",
        "Sternhall closed a $900 million delayed draw facility with Alcott Capital.",
        "Sternhall signed a $900 million delayed-draw term facility with Alcott Capital.",
    ):
        assert deals(text) == [("loan", 900_000_000, "Alcott Capital")], text


def test_bare_facility_signed_with_a_lender() -> None:
    for text in (
        "Sternhall closed a $900 million facility with Alcott Capital.",
        "Sternhall entered into a new $900 million facility from Wexford Bank.",
    ):
        facts = deals(text)
        assert [(i, v) for i, v, _c in facts] == [("credit_facility", 900_000_000)], text
        assert facts[0][2] in ("Alcott Capital", "Wexford Bank"), text
    # A facility that is a building, or one with no lender's word, or no deal verb, is no financing.
    for text in (
        "Sternhall is building a $900 million facility with Alcott Capital.",
        "Sternhall signed a $900 million facility with Vendric AI.",
        "Sternhall closed a $40 million facility in Ohio.",
    ):
        assert deals(text) == [], text


def test_hyphenated_spoken_amounts() -> None:
    for text in (
        "So we closed a one-point-five-billion-dollar delayed draw facility with Alcott Capital.",
        "So we closed a one point five billion dollar delayed draw facility with Alcott Capital.",
        "So we closed a one-point-five-billion-dollar credit facility with Alcott Capital.",
    ):
        assert [(v, c) for _i, v, c in deals(text)] == [(1_500_000_000, "Alcott Capital")], text
    assert deals("It was a two-hundred-million-dollar term loan.") == [("loan", 200_000_000, None)]
    assert deals("Then a 1.2-billion-dollar loan came through.") == [("loan", 1_200_000_000, None)]
    # Spelled numbers with no unit stay words.
    assert extract_facts("We have one-point-five halls and two-hundred people.") == []


# --- A stock move whose subject is a ticker or the company, with no share word ---------------------


def moves(text: str) -> list[tuple[float, str | None]]:
    return [(f.low, f.company) for f in extract_facts(text) if f.metric == "stock_move"]


def test_tagged_ticker_as_the_subject_of_a_move() -> None:
    openings = (
        "Quenby Thermal Holdings (NASDAQ: QNBY) makes chillers.",
        "Quenby Thermal Inc. (QNBY) makes chillers.",
    )
    for opening in openings:
        for line in (
            "QNBY has fallen 27% since August.",
            "QNBY fell 27% after the filing.",
            "QNBY has fallen 27%.",
        ):
            # The move is the company's the ticker tags, not the ticker's own.
            assert moves(f"{opening}\n{line}") == [(-27, "Quenby Thermal")], (opening, line)


def test_short_report_keeps_the_markets_move() -> None:
    text = (
        "HARLOW BAY RESEARCH\nQuenby Thermal Holdings (NYSE: QNBY): Cold Numbers\n"
        "Harlow Bay Research holds a short position in QNBY.\n"
        "Since our first note in June, QNBY has fallen 27%, and we think the shares have further to go.\n"
        "We think QNBY could fall another 50% from here.\n"
    )
    assert [v for v, _c in moves(text)] == [-27]


def test_company_subject_of_a_move_in_its_own_document() -> None:
    text = "Quenby Thermal Holdings (NYSE: QNBY) reported.\nQuenby has fallen 12% since our first report."
    assert moves(text) == [(-12, "Quenby Thermal")]
    # With no company named elsewhere, a short seller's "since our first report" says it is the price.
    assert moves("Quenby has fallen 12% since our first report.") == [(-12, "Quenby")]


def test_untagged_capitals_or_metrics_are_no_move() -> None:
    for text in (
        "Quenby Thermal Inc. sells racks.\nQNBY has fallen 27%.",
        "Quenby sells Data Center Infrastructure Management (DCIM) licences.\nDCIM has fallen 27%.",
        "Quenby Thermal Inc. (NYSE: QNBY) sells racks.\nRevenue has fallen 27% since August.",
        "Quenby Thermal Inc. (NYSE: QNBY) sells racks.\nGPU rental prices have fallen 27% since August.",
    ):
        assert moves(text) == [], text


# --- A power threshold that sizes a class of customers ----------------------------------------------


def test_threshold_of_a_class_of_customers_is_no_capacity() -> None:
    for text in (
        "The order requires data centers above 60 MW to pay for 80% of their reserved capacity.",
        "Customers with contracted demand above 60 MW pay a higher demand charge.",
        "Loads larger than 150 MW must sign 12-year service agreements.",
        "Any new load of more than 40 MW must post collateral with the utility.",
        "The tariff applies to facilities with a connected load of at least 25 MW.",
        "Brightwater now has 14 customers above 10 MW each.",
    ):
        assert values(text) == set(), text


def test_capacity_of_customers_is_still_read() -> None:
    assert values("Ferrant has more than 300 MW under contract with two customers.") == {
        ("capacity_contracted", "actual", 300)
    }
    assert values("Hyperscale customers: 450 MW contracted.") == {("capacity_contracted", "actual", 450)}
    assert values("Our data centers have more than 300 MW energized.") == {
        ("capacity_deployed", "actual", 300)
    }
    assert values("Ferrant signed leases with customers for more than 300 MW.") == {
        ("capacity_contracted", "actual", 300)
    }


# --- Lenders and investors ------------------------------------------------------------------------


def parties(text: str) -> list[str | None]:
    return [f.counterparty for f in extract_facts(text) if f.metric == "financing"]


def test_lender_named_credit() -> None:
    assert parties("Brevan Grid arranged a $640 million GPU-backed loan from Oakmere Hill Credit.") == [
        "Oakmere Hill Credit"
    ]
    assert parties("Brevan Grid took a $640 million term loan from Tollard Credit.") == ["Tollard Credit"]
    # An agreement's name is no lender.
    assert parties("Brevan Grid borrowed $640 million under the Tollard Credit Agreement.") == [None]


def test_investor_committing_a_sum() -> None:
    for text in (
        "Harrowgate Infrastructure Partners committed $250 million of preferred equity to the project.",
        "Harrowgate Infrastructure Partners committed up to $250 million of preferred equity.",
        "We priced $400 million of senior notes, and Harrowgate Infrastructure Partners committed "
        "$250 million of preferred equity at the project level.",
    ):
        assert parties(text)[-1] == "Harrowgate Infrastructure Partners", text
    # "committed to purchase" is a customer's commitment, not an investor's.
    assert parties("We committed $250 million of equity to the joint venture.") == []


def test_named_lead_of_a_group_of_banks() -> None:
    for text in (
        "Cressley closed a $1.1 billion loan from a club of five banks (Perrin Bank as coordinator).",
        "Cressley closed a $1.1 billion loan from a consortium of lenders (led by Perrin Bank).",
    ):
        assert parties(text) == ["Perrin Bank"], text
    assert parties("Cressley closed a $1.1 billion construction loan from a club of five banks.") == [None]


# --- Attributes: a dated year-end, two facilities in one sentence, a customer that took capacity ----


def test_dated_year_end_is_the_year() -> None:
    for date in ("December 31, 2027", "31 December 2027", "Dec. 31, 2027"):
        facts = extract_facts(f"Live capacity is expected to reach 410 MW by {date}.")
        assert [(f.kind, f.period) for f in facts] == [("guidance", "2027-FY")], date
    facts = extract_facts("Wendell expects revenue of $700 million for the year ending December 31, 2027.")
    assert [(f.kind, f.period) for f in facts] == [("guidance", "2027-FY")]
    facts = extract_facts(
        "Wendell expects revenue of $180 million for the three months ending March 31, 2027."
    )
    assert [f.period for f in facts] == ["2027-Q1"]
    # Another day of the year is no year-end.
    facts = extract_facts("Live capacity is expected to reach 410 MW by June 30, 2027.")
    assert [f.period for f in facts] == [None]


def test_each_of_two_facilities_keeps_its_own_instrument() -> None:
    text = (
        "The agreement provides for a senior secured delayed-draw term loan facility in an aggregate "
        'principal amount of up to $1,800,000,000 (the "Term Facility") and a revolving credit facility '
        "in an aggregate principal amount of $275,000,000."
    )
    assert [(f.instrument, f.low) for f in extract_facts(text)] == [
        ("loan", 1_800_000_000),
        ("credit_facility", 275_000_000),
    ]


def test_customer_that_took_capacity() -> None:
    text = "Morrow Labs took 180 megawatts at our Abernethy site, and that contract is about $2.6 billion."
    assert {(f.metric, f.counterparty) for f in extract_facts(text)} == {
        ("capacity_contracted", "Morrow Labs"),
        ("contract_value", "Morrow Labs"),
    }
