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
        found = metrics(sentence)
        assert ("revenue", 4.4e9) in found, sentence
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
