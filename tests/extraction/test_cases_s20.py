"""Shapes found while probing realistic full-length releases (session of 2026-12-05), in general form.

All companies and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def metrics(text: str) -> set[str]:
    return {f.metric for f in extract_facts(text)}


# Annualised run-rate revenue (ARR) is a rate, not the revenue of a period, and no forecast either.


@pytest.mark.parametrize(
    "text",
    [
        "Contracted annualized run-rate revenue reached $3.4 billion at quarter end.",
        "Annualized run rate revenue was $1.2 billion in October.",
        "We expect run-rate revenue of $2 billion by year end.",
        "Its revenue run-rate passed $90 million in May.",
        "ARR reached $551 million, up from $249 million in June.",
    ],
)
def test_run_rate_revenue_is_no_revenue(text: str) -> None:
    assert "revenue" not in metrics(text)


def test_period_revenue_beside_a_run_rate_stays() -> None:
    got = {
        (f.metric, f.low)
        for f in extract_facts("Revenue was $300 million, and run-rate revenue exceeded $1.4 billion.")
    }
    assert got == {("revenue", 300_000_000)}


# Period labels of notes and flashes: "FQ4" (fiscal fourth quarter), "F3Q26", "CY2027" / "CY27".


@pytest.mark.parametrize(
    ("text", "kind", "period"),
    [
        ("In F3Q26 revenue was $2 billion.", "actual", "2026-Q3"),
        ("FQ3 2026 revenue was $2 billion.", "actual", "2026-Q3"),
        ("For CY2027, management targets revenue of $2 billion.", "guidance", "2027-FY"),
        ("For CY27, management targets revenue of $2 billion.", "guidance", "2027-FY"),
        ("Brisk Q3'26: rev $288M; FQ4 guide rev $300-310M.", "guidance", "2026-Q4"),
    ],
)
def test_short_period_labels(text: str, kind: str, period: str) -> None:
    assert {f.period for f in extract_facts(text) if f.metric == "revenue" and f.kind == kind} == {period}


def test_policy_is_no_calendar_year() -> None:
    # "cy" inside a word is no "CY" label: the year named later still dates the figure.
    assert {f.period for f in extract_facts("The policy: 27% gross margin in 2026.")} == {"2026-FY"}


# "YE26" / "by YE2028" (year-end) date a target; a period label is never a counterparty.


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("We expect ~300MW energized by YE26.", "2026-FY"),
        ("Energized capacity at YE26: ~640 MW.", "2026-FY"),
        ("Target: 2.5 GW+ contracted by YE2028.", "2028-FY"),
    ],
)
def test_year_end_labels(text: str, period: str) -> None:
    facts = extract_facts(text)
    assert [f.period for f in facts] == [period]
    assert all(f.counterparty is None for f in facts)


# Financing abbreviations and an issuer's "placement" of new shares.


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("We closed a $1.4B DDTL led by Brightwater Capital.", "loan"),
        ("Velm completed an institutional placement of A$380 mn (approx. US$250 mn).", "equity"),
        ("The company raised US$250 mn in an institutional placement.", "equity"),
        ("Orrin drew $320 million under the DDTL during the quarter.", "loan"),
    ],
)
def test_financing_abbreviations_and_placements(text: str, instrument: str) -> None:
    assert [(f.metric, f.instrument) for f in extract_facts(text)] == [("financing", instrument)]


@pytest.mark.parametrize(
    "text",
    ["The placement agent received fees of $4 million.", "Product placement costs rose to $3 million."],
)
def test_placement_costs_are_no_financing(text: str) -> None:
    assert "financing" not in metrics(text)


# A non-breaking hyphen (U+2011) or Unicode hyphen (U+2010), as typesetting and filing agents print
# "full‑year" and "non‑GAAP", reads as the ASCII hyphen.


def test_unicode_hyphens_read_as_hyphens() -> None:
    facts = extract_facts(
        "For the fourth quarter, Orlen expects revenue of $400 million to $410 million. "
        "For full\u2011year 2026, Orlen now expects revenue of $1.52 billion to $1.54 billion. "
        "Non\u2010GAAP gross margin was 44.9%."
    )
    got = {(f.metric, f.low, f.period, f.basis) for f in facts}
    assert ("revenue", 1_520_000_000, "2026-FY", None) in got
    assert any(m == "gross_margin" and b == "non_gaap" for m, _l, _p, b in got)
