"""Real-world shapes left after the night's spot check, each with its near-misses (fictional text)."""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def _read(text: str) -> list[tuple[str, float]]:
    return [(f.metric, f.value) for f in extract_facts(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Orrin signed a lease with Helio Labs worth $3.2 billion, with extension options up to $7.4 billion.",
        "The contract has a base value of $3.2 billion, with renewal options up to $7.4 billion.",
        "Tessaly agreed a $3.2 billion lease with Corvid AI, plus expansion options worth $7.4 billion.",
    ],
)
def test_what_extension_or_renewal_options_would_add_is_no_contract(text: str) -> None:
    read = _read(text)
    assert ("contract_value", 3.2e9) in read
    assert ("contract_value", 7.4e9) not in read


def test_an_exercised_extension_or_a_signed_one_is_still_a_contract() -> None:
    assert ("contract_value", 1.1e9) in _read(
        "Orrin Data signed a $1.1 billion extension of its lease with Helio Labs."
    )
    assert ("contract_value", 9e8) in _read(
        "Helio Labs exercised its extension option, a $900 million contract for two more years."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Revenue rose 12%, partly offset by a 70% higher average coin price.",
        "Revenue grew 12% despite a 30% lower hashprice.",
        "Revenue increased 12%, helped by 45% higher realized power prices.",
    ],
)
def test_a_comparative_of_another_noun_is_no_revenue_growth(text: str) -> None:
    read = _read(text)
    assert read == [("revenue_growth", 12.0)], read


@pytest.mark.parametrize(
    ("text", "growth"),
    [
        ("Revenue was 18% higher than a year ago.", 18.0),
        ("Revenue was 18% higher year over year at $90 million.", 18.0),
        ("Revenue came in 18% higher in the third quarter.", 18.0),
        ("Revenue rose on 25% higher revenue per megawatt.", 25.0),
    ],
)
def test_revenue_written_higher_keeps_its_growth(text: str, growth: float) -> None:
    assert ("revenue_growth", growth) in _read(text)


def test_an_estimate_tag_before_the_next_figure_is_that_figure_s() -> None:
    # "EST." labels the figure after it; the actual before it stays a fact.
    assert _read("KORRIN 3Q REV $82.4M EST. $80.1M") == [("revenue", 82_400_000.0)]
    # Near-miss: a tag closing the line still labels the figure before it.
    assert _read("KORRIN 3Q REV $79.4M VS. $77.0M EST.") == [("revenue", 79_400_000.0)]
