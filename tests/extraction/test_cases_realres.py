"""Causes found by running the extractor on real news, 8-Ks and call summaries, each restated in
general form with fictional companies: a site's quoted or branded name, a promise made earlier, a
year a sentence says was closed or ended."""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def facts(text: str) -> list[tuple[str, str, float]]:
    return [(f.metric, f.kind, f.low) for f in extract_facts(text)]


# 1. A site's own size is no capacity fact, whatever quotes or name words stand before its noun.


@pytest.mark.parametrize(
    "site",
    [
        "campus",
        "Tolbrook campus",
        "'Tolbrook' campus",
        "‘Tolbrook’ campus",
        '"Tolbrook" campus',
        "“Tolbrook” campus",
        "‘AI Factory’ campus",
        "“Tolbrook AI Factory”",
        "“Tolbrook” data center",
        "‘Tolbrook’ AI data center campus",
        "“Project Tolbrook AI” campus",
    ],
)
def test_site_size_with_quoted_or_branded_name_is_no_capacity(site: str) -> None:
    text = f"Marrowind Compute Inc. signed a lease with Pellucid Labs for the 300 MW {site} in Nevada."
    assert [m for m, _k, v in facts(text) if v == 300] == [], text
    text = (
        f"Marrowind Compute Inc. said Pellucid will lease capacity at its 260 MW {site}, the companies said."
    )
    assert [m for m, _k, v in facts(text) if v == 260] == [], text


@pytest.mark.parametrize("site", ["campus", "‘Tolbrook’ campus", "“Tolbrook” campus", '"Tolbrook" campus'])
def test_quoted_site_still_gives_its_own_status_and_the_deals_figure(site: str) -> None:
    # Near-misses: the site's own predicate, and a deal's figure at the site, stay facts.
    got = facts(f"Marrowind Compute Inc. leased its entire 300 MW {site} to Pellucid Labs.")
    assert ("capacity_contracted", "actual", 300) in got
    got = facts(
        f"Marrowind signed a lease with Pellucid Labs covering 120 MW at the 300 MW {site} in Nevada."
    )
    assert [(m, v) for m, _k, v in got] == [("capacity_contracted", 120)]


# 5. A year the sentence says was closed or ended sets the results year for a bare quarter.


@pytest.mark.parametrize(
    "verb", ["closed", "closed out", "ended", "ended the year", "exited", "finished", "closed fiscal"]
)
def test_year_closed_sets_results_year_of_bare_quarter(verb: str) -> None:
    text = (
        f"DENVER, Feb. 24, 2026 -- Quillfern Data Inc. {verb} 2025 with 240 MW of capacity online. "
        "Fourth-quarter revenue was $81 million, and Q4 gross margin was 38%."
    )
    periods = {f.metric: f.period for f in extract_facts(text)}
    assert periods["revenue"] == "2025-Q4", text
    assert periods["gross_margin"] == "2025-Q4", text


def test_year_closed_near_misses() -> None:
    # A year closed is a result's year; a year the company expects to exit is its forecast's.
    found = extract_facts("Quillfern Data Inc. expects to exit 2027 with more than 500 MW energized.")
    assert [(f.metric, f.kind, f.period) for f in found] == [("capacity_deployed", "guidance", "2027-FY")]
    # With no year closed, the dateline year still dates a bare quarter.
    found = extract_facts(
        "DENVER, Feb. 24, 2026 -- Quillfern Data Inc. said Q1 revenue would be about $90 million."
    )
    assert [(f.metric, f.period) for f in found] == [("revenue", "2026-Q1")]


# 6. A figure promised, pledged or targeted earlier is that promise (guidance), not capacity running.


@pytest.mark.parametrize(
    "promise",
    [
        "the 250 MW it had pledged in February",
        "the 250 MW it promised investors earlier this year",
        "the 250 MW of live capacity it had promised for June",
        "the 250 MW promised to investors in March",
        "the 250 MW targeted in March",
        "the 250 MW pledged at its investor day",
        "the 250 MW it vowed to reach",
    ],
)
def test_capacity_promised_earlier_is_guidance(promise: str) -> None:
    text = f"Shares of Brantwood Cloud fell 6% after it said it had 205 MW online in June, below {promise}."
    got = facts(text)
    assert ("capacity_deployed", "actual", 205) in got, text
    assert ("capacity_deployed", "actual", 250) not in got, text
    assert ("capacity_deployed", "guidance", 250) in got, text


def test_capacity_promised_near_misses() -> None:
    # Delivered what a customer was promised: running capacity; "as promised" after the figure too.
    got = facts("Brantwood Cloud delivered the 250 MW promised to Castellan AI under its lease.")
    assert ("capacity_deployed", "actual", 250) in got
    got = facts("Brantwood Cloud now has 250 MW online, as it had promised.")
    assert ("capacity_deployed", "actual", 250) in got
    got = facts("Revenue of $410 million topped the $380 million it had pledged.")
    assert ("revenue", "actual", 410e6) in got
    assert ("revenue", "guidance", 380e6) in got


# 3. A data vendor's consensus line is the Street's estimate, not the company's result.


@pytest.mark.parametrize(
    "label",
    [
        "S&P Global:",
        "Visible Alpha consensus:",
        "LSEG data:",
        "Consensus (FactSet):",
        "Capital IQ estimates:",
    ],
)
def test_vendor_label_line_over_consensus_figures(label: str) -> None:
    text = f"Wrenfield Q3 preview\n\n{label}\nRevenue $1.31B\nAdjusted gross margin 44%\n"
    assert facts(text) == [], text


@pytest.mark.parametrize(
    "line",
    [
        "S&P Global: Revenue $1.31B",
        "Visible Alpha consensus: revenue $1.31B, adjusted gross margin 44%",
        "LSEG data: revenue $1.31B; adjusted gross margin 44%",
        "Estimates (S&P Capital IQ): revenue $1.31B; adjusted gross margin 44%.",
    ],
)
def test_vendor_label_inline_governs_its_list(line: str) -> None:
    text = f"Wrenfield Systems reported revenue of $1.36 billion. {line}"
    assert facts(text) == [("revenue", "actual", 1.36e9)], text


def test_vendor_near_misses() -> None:
    # The company's figures after an "actual" marker, a rating agency, and an index stay as they were.
    got = facts("Consensus: revenue $1.31B; gross margin 44%. Actual: revenue $1.36B; gross margin 45%.")
    assert got == [("revenue", "actual", 1.36e9), ("gross_margin", "actual", 45)]
    got = facts("S&P Global Ratings assigned a B+ rating to Wrenfield Systems' $600 million senior notes.")
    assert [(m, v) for m, _k, v in got] == [("financing", 600e6)]
    got = facts("The S&P 500 rose 1.2%, and Wrenfield Systems shares rose 4%.")
    assert got == [("stock_move", "actual", 4)]
    got = facts("Revenue was $1.36 billion, above the $1.31 billion analysts polled by Zacks expected.")
    assert got == [("revenue", "actual", 1.36e9)]


# 4. A raise's target revised later in the same sentence: only the revised amount is a fact.


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ostrava Grid had targeted raising $2.4bn in its IPO, but slashed that to $1.3bn.", "guidance"),
        (
            "Ostrava Grid had aimed to raise as much as $2.4 billion in its listing but cut the target to "
            "$1.3 billion amid weak demand.",
            "guidance",
        ),
        (
            "Ostrava Grid originally sought $2.4 billion; it has since reduced the offering to $1.3 billion.",
            None,
        ),
        ("Ostrava Grid planned to raise $2.4 billion, but raised only $1.3 billion in the IPO.", None),
    ],
)
def test_superseded_raise_target_gives_nothing(text: str, kind: str | None) -> None:
    found = [(f.metric, f.kind, f.low) for f in extract_facts(text)]
    assert [(m, v) for m, _k, v in found] == [("financing", 1.3e9)], text
    if kind is not None:
        assert found[0][1] == kind, text


def test_superseded_raise_near_misses() -> None:
    # Upsized: the new amount is still a raise (not a contract's value).
    got = facts("Ostrava Grid initially sought to raise $1.3 billion but upsized the deal to $2.4 billion.")
    assert [(m, v) for m, _k, v in got] == [("financing", 2.4e9)]
    # Two raises, none revising the other, both stay.
    got = facts("Ostrava Grid raised $1.3 billion in its IPO and sold $300 million of notes.")
    assert [(m, v) for m, _k, v in got] == [("financing", 1.3e9), ("financing", 300e6)]
    got = facts(
        "Ostrava Grid raised $1.3 billion in its IPO, and it plans to raise $2.4 billion more next year."
    )
    assert got == [("financing", "actual", 1.3e9), ("financing", "guidance", 2.4e9)]
    # "to X from Y": the amount the deal was raised to is read as before.
    got = facts("Ostrava Grid upsized its notes offering to $2.4 billion from $1.3 billion.")
    assert ("financing", "actual", 2.4e9) in got


# 7. A market's or an industry's size or growth, forecast or not, is no company fact.


@pytest.mark.parametrize(
    "text",
    [
        "Lindqvist Compute cited a market forecast of $380 billion in AI data center spending by 2030.",
        "Lindqvist Compute pointed to an industry forecast of $380 billion by 2030.",
        "Lindqvist Compute pointed to the market's projection of $380 billion by 2030.",
        "Lindqvist Compute forecast industry revenue of $380 billion by 2030.",
        "Industry revenue is forecast to reach $380 billion by 2030, Lindqvist Compute said.",
        "The AI cloud market is forecast to reach $380 billion by 2030, Lindqvist Compute said.",
        "Lindqvist Compute pointed to industry projections of 28% annual growth.",
    ],
)
def test_market_forecast_is_no_fact(text: str) -> None:
    assert facts(text) == [], text


def test_market_forecast_near_misses() -> None:
    # The company's own forecast beside a market's stays.
    got = facts(
        "Lindqvist Compute expects revenue of $410 million in 2027, citing an industry forecast of 28%."
    )
    assert got == [("revenue", "guidance", 410e6)]
    got = facts(
        "Market revenues are seen reaching $380 billion by 2030; Lindqvist expects revenue of $910 million."
    )
    assert got == [("revenue", "guidance", 910e6)]
    got = facts("Lindqvist Compute raised its revenue forecast to $410 million.")
    assert got == [("revenue", "guidance", 410e6)]


# 2. A backer or an investor beside a deal is not its other party.

DALRY = "Dalry Compute Inc. (NASDAQ: DLRY) today announced a new agreement.\n\n"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Dalry Signs $2.6B Deal With Ferrum Labs, With Orbitas Taking 7% Stake", "Ferrum Labs"),
        ("Dalry Signs $2.6B AI Hosting Deal With Ferrum Labs; Orbitas Takes 7% Stake", "Ferrum Labs"),
        ("Dalry Signs $2.6B Deal, With Orbitas Taking 7% Stake", None),
        ("Dalry Signs $2.6B Lease, With Orbitas Backstopping the Rent", None),
        ("Dalry signed a $2.6 billion lease, with Orbitas taking a 7% stake in the company.", None),
        ("Dalry said the $2.6 billion lease is backstopped by Orbitas.", None),
        ("Dalry, backed by Orbitas, signed a $2.6 billion agreement with Ferrum Labs.", "Ferrum Labs"),
        ("Dalry signed a $2.6 billion agreement, guaranteed by Orbitas, with Ferrum Labs.", "Ferrum Labs"),
        ("Dalry signed a $2.6 billion agreement with Orbitas-backed Ferrum Labs.", "Ferrum Labs"),
        ("Dalry signed a 180 MW lease with Ferrum Labs, with Orbitas to guarantee the rent.", "Ferrum Labs"),
    ],
)
def test_backer_or_stake_taker_is_no_counterparty(text: str, party: str | None) -> None:
    found = [f for f in extract_facts(DALRY + text) if f.metric in ("contract_value", "capacity_contracted")]
    assert [f.counterparty for f in found] == [party], text


def test_backer_near_misses() -> None:
    # A party that awards, signs or leases is still the party; a loan's "backed by" lender still lends.
    for text, party in (
        ("Dalry signed a $2.6 billion agreement awarded by Ferrum Labs.", "Ferrum Labs"),
        ("Dalry Soars on $2.6B Cloud Deal, With Ferrum Labs Signing 10-Year Lease", "Ferrum Labs"),
        (
            "Dalry signed a $2.6 billion agreement with Ferrum Labs, which is backed by Orbitas.",
            "Ferrum Labs",
        ),
    ):
        found = [f for f in extract_facts(DALRY + text) if f.metric == "contract_value"]
        assert [f.counterparty for f in found] == [party], text
    found = extract_facts(DALRY + "Dalry closed a $700 million term loan backed by Carrick Capital.")
    assert [(f.metric, f.counterparty) for f in found] == [("financing", "Carrick Capital")]


def test_estimate_label_right_before_a_figure() -> None:
    # "EST." before a figure is the Street's estimate beside the result.
    assert facts("*BRAXTON 3Q ADJ GROSS MARGIN 46.7%, EST. 45.1%") == [("gross_margin", "actual", 46.7)]
    got = facts("Braxton Q3 revenue $198.4M vs. est $191.2M; adjusted gross margin 46.7% (est. 45.1%).")
    assert got == [("revenue", "actual", 198.4e6), ("gross_margin", "actual", 46.7)]


# 9. A revenue named for one line of business among others is no revenue fact; a sole line keeps it.


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Tarnhollow reported self-mining revenue of $57.4 million and HPC hosting revenue of $12 million",
            [],
        ),
        ("Cloud services revenue was $57.4 million, while colocation revenue was $12 million.", []),
        (
            "Revenue from colocation services was $12 million; revenue from cloud services was $40 million.",
            [],
        ),
        ("HPC segment revenue was $12 million.", []),
        ("Revenue from the HPC segment was $12 million, up 30%.", []),
        ("Total revenue of $78.2 million included AI cloud revenue of $70 million.", [78.2e6]),
        ("Total revenue was $78.2 million. Self-mining revenue was $57.4 million, up 12%.", [78.2e6]),
    ],
)
def test_segment_revenue_is_no_revenue(text: str, kept: list[float]) -> None:
    got = [v for m, _k, v in facts(text) if m in ("revenue", "revenue_growth")]
    assert got == kept, text


@pytest.mark.parametrize(
    "text",
    [
        "Tarnhollow Digital, an AI cloud company, reported AI cloud revenue of $57.4 million.",
        "Data center revenue was $57.4 million.",
        "Hosting revenue was $57.4 million.",
        "Revenue for the quarter was $57.4 million.",
        "Revenue in the third quarter was $57.4 million.",
        "Tarnhollow expects revenue of $57.4 million.",
        "Self-mining revenue was $57.4 million.\n\nHPC hosting revenue was $12 million.",
    ],
)
def test_sole_or_core_line_keeps_its_revenue(text: str) -> None:
    assert [m for m, _k, v in facts(text) if v == 57.4e6] == ["revenue"], text


# 8. A bare fiscal quarter followed by a figure takes the document's fiscal year, like "the second
# fiscal quarter" does: the figure's digits are no two-digit year.


@pytest.mark.parametrize(
    "quarter",
    [
        "Fiscal Q2 26% revenue growth",
        "The second fiscal quarter 26% revenue growth",
        "Fiscal 2Q 26% revenue growth",
        "Fiscal Q2 revenue growth of 26%",
    ],
)
def test_bare_fiscal_quarter_takes_the_documents_fiscal_year(quarter: str) -> None:
    text = f"Ellery reported results for the first quarter of fiscal 2027.\n\n{quarter}; gross margin 41%.\n"
    periods = {(f.metric, f.period) for f in extract_facts(text)}
    assert periods == {("revenue_growth", "2027-Q2"), ("gross_margin", "2027-Q2")}, text


def test_two_digit_quarter_years_still_read() -> None:
    for text, period in (
        ("Ellery Q2 26 revenue was $210 million.", "2026-Q2"),
        ("Ellery 2Q26 revenue was $210 million.", "2026-Q2"),
        ("Ellery Q2 '26 revenue was $210 million.", "2026-Q2"),
    ):
        assert [f.period for f in extract_facts(text)] == [period], text
