"""Money, percent and power parsing: each written form, and round-trip properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.extraction.numbers import find_atoms, find_quantities, format_money


def one(text: str) -> tuple[str, float, float, str]:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    return q.unit, q.low, q.high, q.bound


@pytest.mark.parametrize(
    ("text", "unit", "low", "high"),
    [
        ("$193.4 million", "usd", 193.4e6, 193.4e6),
        ("$855–$865 million", "usd", 855e6, 865e6),
        ("US$850M", "usd", 850e6, 850e6),
        ("$1.2 bn", "usd", 1.2e9, 1.2e9),
        ("USD 2 billion", "usd", 2e9, 2e9),
        ("$11B", "usd", 11e9, 11e9),
        ("$1,200,000,000", "usd", 1.2e9, 1.2e9),
        ("$150-160 million", "usd", 150e6, 160e6),
        ("between $455 million and $470 million", "usd", 455e6, 470e6),
        ("$335 million, plus or minus $10 million", "usd", 325e6, 345e6),
        ("47%", "percent", 47, 47),
        ("36%–38%", "percent", 36, 38),
        ("36% to 38%", "percent", 36, 38),
        ("36 to 38 percent", "percent", 36, 38),
        ("between 38% and 41%", "percent", 38, 41),
        ("73.0%, plus or minus 50 basis points", "percent", 72.5, 73.5),
        ("45%, plus or minus one percentage point", "percent", 44, 46),
        ("(28)%", "percent", -28, -28),
        ("(4.2) per cent", "percent", -4.2, -4.2),
        ("negative 32%", "percent", -32, -32),
        ("-6.4%", "percent", -6.4, -6.4),
        ("between negative 28% and negative 32%", "percent", -32, -28),
        ("between negative 2% and positive 1%", "percent", -2, 1),
        ("between (10)% and (6)%", "percent", -10, -6),
        ("750 megawatts", "mw", 750, 750),
        ("750 MW", "mw", 750, 750),
        ("420MW", "mw", 420, 420),
        ("2.2 GW", "mw", 2200, 2200),
        ("1.1 gigawatts", "mw", 1100, 1100),
        ("850 kW", "mw", 0.85, 0.85),
        ("a 140-megawatt expansion", "mw", 140, 140),
        ("300 to 350 MW", "mw", 300, 350),
        # Each end with its own scale word, the currency written after the range or only before it.
        ("4.15 billion to 4.35 billion US dollars", "usd", 4.15e9, 4.35e9),
        ("between 620 million and 640 million dollars", "usd", 620e6, 640e6),
        ("$2.05 billion to 2.25 billion", "usd", 2.05e9, 2.25e9),
    ],
)
def test_written_forms(text: str, unit: str, low: float, high: float) -> None:
    got_unit, got_low, got_high, _bound = one(text)
    assert got_unit == unit
    assert got_low == pytest.approx(low)
    assert got_high == pytest.approx(high)


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("more than $20 billion", "at_least"),
        ("in excess of $3 billion", "at_least"),
        ("at least 20%", "at_least"),
        ("stay above 60%", "at_least"),
        ("up to $500 million", "at_most"),
        ("approximately 470 MW", "approx"),
        ("roughly 1.26 gigawatts", "approx"),
        ("about $2.9 billion", "approx"),
        # The almost-equal sign of a slide or a post: "lease revenue ≈ $9 billion".
        ("≈ $6.3 billion", "approx"),
        ("≈US$740M", "approx"),
        ("≈ 38%", "approx"),
        ("$5 billion or more", "at_least"),
        ("$412.6 million", "exact"),
    ],
)
def test_bounds(text: str, bound: str) -> None:
    assert one(text)[3] == bound


def test_change_from_to_is_two_values_not_a_range() -> None:
    found = find_quantities("increased the commitments from $300.0 million to $750.0 million")
    assert [(q.low, q.high) for q in found] == [(300e6, 300e6), (750e6, 750e6)]


def test_superseded_range_after_from_stays_a_range() -> None:
    text = (
        "raising guidance to $1.23 billion to $1.27 billion, from $1.12 billion to $1.17 billion previously"
    )
    assert [(q.low, q.high) for q in find_quantities(text)] == [(1.23e9, 1.27e9), (1.12e9, 1.17e9)]


@pytest.mark.parametrize(
    "text", ["high-30s", "3x faster", "2.5x", "750 employees", "in 2027", "Q3 2026", "0.0001"]
)
def test_no_quantity(text: str) -> None:
    assert find_quantities(text) == []


def test_energy_is_not_power() -> None:
    assert find_quantities("consumed 120 MWh last year") == []


# --- properties ---------------------------------------------------------------------------------

amounts = st.decimals(min_value="1", max_value="999.9", places=1).map(float)


@given(amounts, st.sampled_from([1e6, 1e9]), st.sampled_from(["words", "short", "us", "usd"]))
def test_money_round_trip(number: float, scale: float, style: str) -> None:
    value = number * scale
    unit, low, high, _ = one(format_money(value, style))
    assert unit == "usd"
    assert low == pytest.approx(value, rel=1e-9)
    assert high == low


@given(st.integers(min_value=1_000_000, max_value=999_999_999_999))
def test_plain_dollar_round_trip(value: int) -> None:
    assert one(format_money(float(value), "plain"))[1] == value


@given(
    st.decimals(min_value="-99.9", max_value="99.9", places=1).map(float),
    st.sampled_from(["{v}%", "{v} percent", "{v} per cent", "({a})%"]),
)
def test_percent_round_trip(value: float, template: str) -> None:
    if template.startswith("(") and value >= 0:
        value = -value if value else -1.0
    text = template.format(v=f"{value:g}", a=f"{abs(value):g}")
    unit, low, high, _ = one(text)
    assert unit == "percent"
    assert low == pytest.approx(value)
    assert high == pytest.approx(value)


@given(
    st.decimals(min_value="1", max_value="60", places=1).map(float),
    st.decimals(min_value="0.1", max_value="30", places=1).map(float),
    st.sampled_from(["{a}%–{b}%", "{a}% to {b}%", "between {a}% and {b}%", "{a} to {b} percent"]),
)
def test_percent_range_round_trip(a: float, width: float, template: str) -> None:
    b = round(a + width, 1)
    unit, low, high, _ = one(template.format(a=f"{a:g}", b=f"{b:g}"))
    assert unit == "percent"
    assert low == pytest.approx(a)
    assert high == pytest.approx(b)


@given(
    st.decimals(min_value="0.1", max_value="9.9", places=1).map(float),
    st.sampled_from([("{v} GW", 1000.0), ("{v} gigawatts", 1000.0), ("{v} MW", 1.0), ("{v}MW", 1.0)]),
)
def test_power_round_trip(value: float, form: tuple[str, float]) -> None:
    template, factor = form
    unit, low, _high, _ = one(template.format(v=f"{value:g}"))
    assert unit == "mw"
    assert low == pytest.approx(value * factor)


@settings(max_examples=300)
@given(st.text())
def test_never_crashes_and_spans_are_inside(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.low <= q.high


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Revenue rose 48,2 % in the half.", "percent", 48.2),
        ("an EBITDA margin of 47,2 %", "percent", 47.2),
        ("approximately USD 1,27bn", "usd", 1.27e9),
        ("revenue of $1,250 million", "usd", 1.25e9),  # thousands separator, not a decimal comma
        ("capacity of 1,500 MW", "mw", 1500.0),
    ],
)
def test_decimal_comma_is_read_as_a_decimal_point_and_thousands_stay_thousands(
    text: str, unit: str, value: float
) -> None:
    """European issuers write "48,2 %": reading it as 48 and 2% would make two false facts."""
    found = find_quantities(text)
    assert [q.unit for q in found] == [unit]
    assert found[0].low == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("expects sales of NZ$45 million to NZ$50 million", 45e6, 50e6),
        ("between HK$1.1 billion and HK$1.3 billion", 1.1e9, 1.3e9),
        ("C$12.5 million – C$14 million", 12.5e6, 14e6),
    ],
)
def test_a_range_in_another_dollar_is_one_range(text: str, low: float, high: float) -> None:
    (q,) = find_quantities(text)
    assert (q.low, q.high, q.is_range) == (low, high, True)


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        # The US-dollar translation in brackets is the figure; the local amount is not a second one.
        ("a S$200 million (approximately US$148 million) term loan", 148e6, "approx"),
        ("worth about NZ$90 million (US$53 million) over five years", 53e6, "approx"),
        # The other way round: the bracket restates the US-dollar figure in another dollar.
        ("a US$75 million (HK$585 million) revolving facility", 75e6, "exact"),
    ],
)
def test_a_translated_amount_is_one_figure(text: str, value: float, bound: str) -> None:
    (q,) = find_quantities(text)
    assert (q.low, q.bound) == (value, bound)


def test_an_amount_in_another_dollar_alone_is_still_read() -> None:
    """With no translation beside it, the local figure is all the text gives (facts.md has no
    currency field; rules compare a company's figures with its own, in one currency)."""
    assert [q.low for q in find_quantities("Revenue was HK$1.2 billion, and A$40 million.")] == [1.2e9, 40e6]


def test_abbreviated_points_follow_digits_only() -> None:
    # "pts" and "pp" abbreviate after digits; a spelled number takes only "percentage points". Either
    # way the scan reads the same whether or not the text also holds a spelled unit ("megawatts").
    for tail in ("", " across 40 megawatts"):
        assert [(a.kind, a.value) for a in find_atoms("margin up 3 pts" + tail)][:1] == [("pp", 3.0)]
        assert [a.kind for a in find_atoms("margin up three pts" + tail)][:1] != ["pp"]
        assert [a.kind for a in find_atoms("margin up three pp" + tail)][:1] != ["pp"]
        assert [(a.kind, a.value) for a in find_atoms("up three percentage points" + tail)][:1] == [
            ("pp", 3.0)
        ]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # A year named as the period is no first end of a range with the figure after it.
        ("Tarrow raised its sales outlook for 2027 to $2.4 billion.", 2.4e9, 2.4e9),
        ("The company lifted its leased-capacity target for fiscal 2028 to 750 MW.", 750.0, 750.0),
        ("Signed capacity grew by the end of 2026 to 900 MW.", 900.0, 900.0),
        # A range of that order stays one.
        ("Capacity of 2000 to 2500 MW is energized.", 2000.0, 2500.0),
        ("Sales of 1,950 to $2,050 million are expected.", 1.95e9, 2.05e9),
    ],
)
def test_a_dated_year_is_no_range_end(text: str, low: float, high: float) -> None:
    found = find_quantities(text)
    assert [(q.low, q.high) for q in found if q.unit != "percent"] == [(low, high)]
