"""AI-infrastructure wording, slide fragments and call-wide attributes (held-out set 14's causes,
in general form).

- GPU model names ("H100", "H200", "H20") are no half-years: they give no period, and no year to a
  year-less quarter elsewhere in the text.
- "2025 rev" (the abbreviation) dates its figure like "2025 revenue".

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def periods(text: str) -> set[tuple[str, str, float, str | None]]:
    return {(f.metric, f.kind, f.low, f.period) for f in extract_facts(text)}


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


# --- GPU names are no periods ---------------------------------------------------------------------


def test_gpu_names_give_no_year() -> None:
    for gpu in ("H100", "H200", "H20", "H100s", "B200", "GB300", "MI300X"):
        text = f"Tarnwell leases {gpu} clusters to labs. In Q3, revenue was $61M."
        assert periods(text) == {("revenue", "actual", 61_000_000, None)}, gpu
    text = "Pellow Compute runs 40,000 H200 GPUs.\nRevenue for the third quarter was $88.0 million."
    assert periods(text) == {("revenue", "actual", 88_000_000, None)}


def test_half_years_still_read() -> None:
    assert periods("H1 2026 revenue was $140M.") == {("revenue", "actual", 140_000_000, "2026-H1")}
    assert periods("1H26 revenue was $140M.") == {("revenue", "actual", 140_000_000, "2026-H1")}
    assert periods("Revenue in H2'26 was $150M.") == {("revenue", "actual", 150_000_000, "2026-H2")}
    assert periods("Fiscal 2026 opened well. H2 revenue was $150M.") == {
        ("revenue", "actual", 150_000_000, "2026-H2")
    }


def test_rev_abbreviation_after_year() -> None:
    assert periods("Dunmore Grid 2025 rev $212M, +41% y/y") == {
        ("revenue", "actual", 212_000_000, "2025-FY"),
        ("revenue_growth", "actual", 41, "2025-FY"),
    }
    # A year before another word is no period of it.
    assert periods("Dunmore Grid rev $212M in the quarter") == {("revenue", "actual", 212_000_000, None)}


# --- Slide fragments --------------------------------------------------------------------------------


def test_footnote_markers_glued_to_words_and_figures() -> None:
    text = (
        "Portfolio today\n- 860 MW leased²\n- Contracted revenue: $9.6B³\n- Revenue: $71.2M†\n"
        "- 240 MW online¹\n"
    )
    assert values(text) == {
        ("capacity_contracted", "actual", 860),
        ("backlog", "actual", 9_600_000_000),
        ("revenue", "actual", 71_200_000),
        ("capacity_deployed", "actual", 240),
    }
    fact = next(f for f in extract_facts(text) if f.metric == "backlog")
    assert text[fact.start : fact.end] == fact.evidence
    assert fact.evidence.startswith("Contracted revenue")
    # The footnote line itself is no figure of the slide.
    assert values("² Signed leases only; excludes a 1.9 GW pipeline") == set()


def test_plan_headings_open_an_outlook() -> None:
    for title in ("FY28 framework", "Medium-term model", "Long-term financial framework", "2029 targets"):
        text = f"{title}\n- Revenue: $2.10-2.30B\n- Adj. gross margin: ~66%\n"
        kinds = {(f.metric, f.kind) for f in extract_facts(text)}
        assert kinds == {("revenue", "guidance"), ("gross_margin", "guidance")}, title
    # A heading that names no plan keeps the lines as results.
    text = "Business model\n- Revenue: $310.5M\n"
    assert {(f.metric, f.kind) for f in extract_facts(text)} == {("revenue", "actual")}


def test_by_fiscal_year_target() -> None:
    fact = extract_facts("Adj. gross margin of at least 68% by FY31.")[0]
    assert (fact.kind, fact.bound, fact.period) == ("guidance", "at_least", "2031-FY")
    fact = extract_facts("Revenue of $3 billion by fiscal 2030.")[0]
    assert fact.kind == "guidance"
    # A year already reached is a result.
    facts = extract_facts("Brennock reached 410 MW energized by the end of fiscal 2025.")
    assert [(f.metric, f.kind) for f in facts] == [("capacity_deployed", "actual")]


def test_comparison_signs_as_bounds() -> None:
    assert extract_facts("Adj. gross margin >= 66%")[0].bound == "at_least"
    assert extract_facts("Gross margin ≥ 66%")[0].bound == "at_least"
    assert extract_facts("Gross margin ≤ 40%")[0].bound == "at_most"


def test_notes_with_maturity_year_or_sr() -> None:
    for text in (
        "$750M 2032 sr. notes priced Oct",
        "Priced $750M of sr. notes",
        "Tavigan priced $750 million 2032 notes in October.",
        "Tavigan sold $750 million of 6.5% senior notes due 2032.",
    ):
        facts = extract_facts(text)
        assert [(f.metric, f.instrument, f.low) for f in facts] == [("financing", "notes", 750_000_000)], text
    # Notes named by their maturity after "of" are an existing issue, no money raised.
    assert values("Tavigan repurchased $120 million of 2027 notes.") == set()


# --- A superseded range, shares of a period's revenue -----------------------------------------------


def test_old_range_after_from_is_one_range() -> None:
    for word in ("earlier", "prior", "previously"):
        text = (
            "Hollin cut its annual revenue forecast to between $610 million and $630 million, "
            f"from $650 million to $680 million {word}."
        )
        assert {(f.low, f.high) for f in extract_facts(text)} == {
            (610_000_000, 630_000_000),
            (650_000_000, 680_000_000),
        }, word
    # A change whose sentence goes on ("earlier this year") stays two values.
    text = "Revenue rose from $30 million to $45 million earlier this year."
    assert {(f.low, f.high) for f in extract_facts(text)} == {
        (30_000_000, 30_000_000),
        (45_000_000, 45_000_000),
    }


def test_share_of_a_periods_revenue() -> None:
    for period in ("fourth quarter", "first half", "YTD", "year-to-date", "H2", "fiscal 2027"):
        text = f"Quennel Systems accounted for 36% of {period} revenue."
        facts = extract_facts(text)
        assert [(f.metric, f.low, f.counterparty) for f in facts] == [
            ("customer_concentration", 36, "Quennel Systems")
        ], period
    assert [f.low for f in extract_facts("Top 2 tenants: 71% of YTD revenue")] == [71]
    # A share of something else is no concentration.
    assert values("Quennel Systems accounted for 36% of first half bookings.") == set()


# --- A margin carried into the next sentence -------------------------------------------------------


def test_margin_restated_by_it() -> None:
    def margins(text: str) -> set[tuple[str, float, str | None]]:
        return {(f.metric, f.low, f.basis) for f in extract_facts(text)}

    assert margins("Adjusted gross margin for the year was 58%. On a GAAP basis it was 44%.") == {
        ("gross_margin", 58, "non_gaap"),
        ("gross_margin", 44, "gaap"),
    }
    assert margins("Our non-GAAP operating margin was 19%. The GAAP figure was 9%.") == {
        ("operating_margin", 19, "non_gaap"),
        ("operating_margin", 9, "gaap"),
    }
    assert margins("Gross margin came in at 41%. It was 37%, on a GAAP basis, a year earlier.") >= {
        ("gross_margin", 41, None),
        ("gross_margin", 37, "gaap"),
    }
    # Another figure between them: "it" no longer names the margin.
    assert margins("Gross margin was 41%. Revenue was $80 million. It was 37% of plan.") == {
        ("gross_margin", 41, None),
        ("revenue", 80_000_000, None),
    }
    # No margin before: a bare "it was 37%" is no fact.
    assert margins("Revenue was $80 million. It was 37% higher than planned.") == {
        ("revenue", 80_000_000, None)
    }


# --- Ticker shorthand ------------------------------------------------------------------------------


def test_cashtag_with_minus_sign() -> None:
    facts = extract_facts("$KLMR -7.2%: Kelmar Optics cut its outlook")
    assert [(f.metric, f.low, f.company) for f in facts] == [("stock_move", -7.2, "KLMR")]
    facts = extract_facts("$KLMR +7.2% on the hosting deal")
    assert [(f.metric, f.low) for f in facts] == [("stock_move", 7.2)]
    # A metric's own negative figure stays that metric's.
    assert values("Revenue -3.1% y/y") == {("revenue_growth", "actual", -3.1)}


def test_singular_convert() -> None:
    for text in (
        "Brannoc Mining closes $350M convert (1.25%, due 2030)",
        "Brannoc priced a $350M convert.",
        "Brannoc prices $350M convert offering",
    ):
        facts = extract_facts(text)
        assert [(f.metric, f.instrument, f.low) for f in facts] == [
            ("financing", "convertible", 350_000_000)
        ], text
    # The verb is no financing.
    assert values("Brannoc will convert $90M of mining rigs to AI hosting.") == set()


# --- Attributes: roundup items, a call-wide basis, counterparties --------------------------------


def test_roundup_items_keep_their_own_periods() -> None:
    text = (
        "Midday movers:\n\n"
        "- $PLXR +8.1%: Pelixor Q2 rev $118M, non-GAAP GM 61.2%.\n"
        "- $DNWY -3.0%: Danway Grid files for IPO. 2025 rev $205M.\n"
        "- $KSTL +2.2%: Kestal says top customer = 41% of Q1 rev.\n"
    )
    got = {(f.metric, f.low, f.period) for f in extract_facts(text) if f.metric != "stock_move"}
    assert ("revenue", 118_000_000, None) in got
    assert ("gross_margin", 61.2, None) in got
    assert ("revenue", 205_000_000, "2025-FY") in got
    assert ("customer_concentration", 41, None) in got
    # One company's note keeps the year it names for its year-less quarter.
    text = "Fiscal 2026 update\n\n- Q2 revenue was $118M.\n- Q3 revenue was $131M.\n"
    assert {f.period for f in extract_facts(text)} == {"2026-Q2", "2026-Q3"}


def test_call_wide_margin_basis() -> None:
    for statement in (
        "Unless otherwise noted, margins discussed on this call are non-GAAP.",
        "All margins are adjusted unless I say otherwise.",
        "Margins discussed today are on a non-GAAP basis.",
    ):
        text = (
            f"{statement} Gross margin was 58.2%, and operating margin was 21.0%. "
            "GAAP gross margin was 51.9%."
        )
        got = {(f.low, f.basis) for f in extract_facts(text)}
        assert got == {(58.2, "non_gaap"), (21.0, "non_gaap"), (51.9, "gaap")}, statement
    # A definition of two measures covers no other margin.
    text = "Adjusted gross margin and adjusted EBITDA are non-GAAP measures. Gross margin was 44%."
    assert [f.basis for f in extract_facts(text)] == [None]


def test_counterparty_shorthand_and_set_off_subjects() -> None:
    def party(text: str, metric: str) -> str | None:
        return next(f.counterparty for f in extract_facts(text) if f.metric == metric)

    text = "Sollet Data inks 150 MW lease w/ Ardent Labs, ~$1.1B over 12 yrs."
    assert party(text, "contract_value") == "Ardent Labs"
    assert party(text, "capacity_contracted") == "Ardent Labs"
    assert party("- $1.4B term loans closed YTD (lead: Harrowgate Bank)", "financing") == "Harrowgate Bank"
    assert party("Largest tenant (Mosswood AI): 39% of revenue", "customer_concentration") == "Mosswood AI"
    text = "We host four labs, and the biggest of them, Tamsin Research, signed a contract worth $800M."
    assert party(text, "contract_value") == "Tamsin Research"
    text = "Quellon Bio, our newest customer, signed a three-year contract worth $240M."
    assert party(text, "contract_value") == "Quellon Bio"
