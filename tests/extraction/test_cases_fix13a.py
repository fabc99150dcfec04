"""Sections, plain-text tables and headline shorthand (held-out set 13's causes, in general form).

- A "Non-GAAP Financial Measures" heading opens a section of definitions: it ends at a table or at
  prose that reports figures, and a heading that also names key metrics or data heads figures.
- Plain-text tables set the dollar sign apart ("$ 96,412", "$(17.3)") and state the unit in the row
  label ("(MW, period end)"): each column keeps its own period from two-line column titles.
- An outlook's scope ends at a later heading, or at a table that sets a period beside its year-ago
  one (results, never guidance).
- Wire flashes abbreviate in capitals ("OPER MARGIN", "ADJ GROSS MARGIN", "SEES 4Q REV") and print
  the Street's estimate beside the actual ("EST. $80.1M"), which is no fact of the company.

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def facts(text: str) -> set[tuple[str, str, float, str | None]]:
    return {(f.metric, f.kind, f.low, f.period) for f in extract_facts(text)}


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


# --- "Non-GAAP Financial Measures" sections --------------------------------------------------------


def test_definitions_section_ends_at_prose_that_reports() -> None:
    text = (
        "Non-GAAP Financial Measures\n\n"
        "Adjusted gross margin is defined as gross profit excluding stock-based compensation.\n\n"
        "Our remaining performance obligations stood at $2.4 billion at quarter end.\n"
    )
    assert values(text) == {("backlog", "actual", 2_400_000_000)}
    text = (
        "Use of Non-GAAP Financial Information\n\n"
        "Quillmark Fabric accounted for 38% of revenue in the quarter.\n"
    )
    assert values(text) == {("customer_concentration", "actual", 38)}


def test_definitions_section_still_skips_its_definitions() -> None:
    # Near-misses: figures inside the measures' definitions and reconciliation notes are no facts.
    text = (
        "Non-GAAP Financial Measures\n\n"
        "We define adjusted operating margin as operating income excluding $4.1 million of "
        "restructuring charges, divided by revenue of $88.0 million.\n"
        "We have not reconciled our adjusted gross margin outlook of 40% to 42% because items are "
        "uncertain.\n"
    )
    assert values(text) == set()
    # The other skipped sections (forward-looking statements) do not end at prose with figures.
    text = (
        "Forward-Looking Statements\n\n"
        "Statements about revenue of $500 million next year are forward-looking.\n"
        "Our contracted capacity of 300 MW may not be delivered.\n"
    )
    assert values(text) == set()


def test_heading_naming_metrics_and_measures_heads_figures() -> None:
    for heading in (
        "Key Operating Metrics and Non-GAAP Financial Measures:",
        "Non-GAAP Financial Measures and Other Data",
    ):
        text = f"{heading}\nGross margin 44.5% for fiscal 2029.\nLeased capacity (MW): 320\n"
        assert values(text) == {
            ("gross_margin", "actual", 44.5),
            ("capacity_contracted", "actual", 320),
        }, heading


def test_definitions_section_ends_at_a_table() -> None:
    text = (
        "Tessorin Grid reported its first-quarter results today.\n\n"
        "Reconciliation of GAAP to Non-GAAP Financial Measures\n"
        "(in millions, except percentages; unaudited)\n\n"
        "                                   Q1 FY2031    Q1 FY2030\n"
        "GAAP gross profit                     $ 51.0       $ 40.2\n"
        "  Stock-based compensation               3.3          2.1\n"
        "Non-GAAP gross margin                  52.8%        49.6%\n"
        "GAAP operating loss                   $(6.1)       $(9.4)\n"
        "Non-GAAP operating margin               6.2%         1.9%\n"
    )
    assert facts(text) == {
        ("gross_margin", "actual", 52.8, "2031-Q1"),
        ("gross_margin", "actual", 49.6, "2030-Q1"),
        ("operating_margin", "actual", 6.2, "2031-Q1"),
        ("operating_margin", "actual", 1.9, "2030-Q1"),
    }


# --- plain-text tables -----------------------------------------------------------------------------

_S1_TABLE = (
    "                                  Year Ended December 31,     Six Months Ended June 30,\n"
    "                                     2027          2028           2028          2029\n"
    "                                       (in thousands, except percentages and MW)\n"
    "Revenue                           $ 51,220     $ 140,880      $ 60,410     $ 122,305\n"
    "Cost of revenue                     40,100        92,700         41,200        70,010\n"
    "Sales and marketing                  6,320        11,480          5,020         8,875\n"
    "Gross margin                         21.7%         34.2%          31.8%         42.8%\n"
    "Operating margin                    (18.4)%        (2.6)%         (5.1)%         9.9%\n"
    "Leased capacity (MW, period end)        40           210             95           360\n"
    "Online capacity (MW, at period end)     12            64             30           118\n"
)


def test_spaced_table_columns_keep_their_periods() -> None:
    got = facts(_S1_TABLE)
    for fact in (
        ("revenue", "actual", 51_220_000, "2027-FY"),
        ("revenue", "actual", 140_880_000, "2028-FY"),
        ("revenue", "actual", 60_410_000, "2028-H1"),
        ("revenue", "actual", 122_305_000, "2029-H1"),
        ("gross_margin", "actual", 34.2, "2028-FY"),
        ("gross_margin", "actual", 42.8, "2029-H1"),
        ("operating_margin", "actual", -2.6, "2028-FY"),
        ("operating_margin", "actual", 9.9, "2029-H1"),
    ):
        assert fact in got, fact
    # The balance rows give their latest column, the unit from the label.
    assert ("capacity_contracted", "actual", 360) in values(_S1_TABLE)
    assert ("capacity_deployed", "actual", 118) in values(_S1_TABLE)
    # Near-misses: an expense line whose label starts with "Sales" is no revenue; costs are none.
    assert not any(f[2] in (8_875_000, 11_480_000, 70_010_000) for f in got)


def test_dollar_sign_set_apart_is_a_figure_cell() -> None:
    text = (
        "                          Q2 2030        Q2 2029\n"
        "                      (in thousands)\n"
        "Total revenue         $ 18,400       $ 11,250\n"
    )
    assert facts(text) == {
        ("revenue", "actual", 18_400_000, "2030-Q2"),
        ("revenue", "actual", 11_250_000, "2029-Q2"),
    }


def test_label_unit_with_a_balance_date() -> None:
    for label in ("Contracted power (MW, period end)", "Contracted power (GW, at year-end)"):
        text = f"                 FY2030    FY2029\n{label}      1.5      0.9\n"
        want = 1500.0 if "GW" in label else 1.5
        assert ("capacity_contracted", "actual", want) in values(text), label
    # Near-miss: a label whose bracket is no unit gives nothing.
    text = "                 FY2030    FY2029\nContracted power (period end)      15      9\n"
    assert values(text) == set()


# --- outlook scope ---------------------------------------------------------------------------------


def test_outlook_ends_at_reconciliation_heading_over_scale_note() -> None:
    text = (
        "Outlook\n"
        "For the third quarter of fiscal 2031, Orvane expects revenue of $120 million to $126 million.\n\n"
        "Reconciliation of GAAP to Non-GAAP Measures\n"
        "(in millions, except percentages)\n\n"
        "                                Q2 FY2031    Q2 FY2030\n"
        "Non-GAAP gross margin              55.4%        50.3%\n"
    )
    got = facts(text)
    assert ("revenue", "guidance", 120_000_000, "2031-Q3") in got
    assert ("gross_margin", "actual", 55.4, "2031-Q2") in got
    assert not any(f[1] == "guidance" and f[0] == "gross_margin" for f in got)


def test_outlook_ends_at_a_year_ago_comparison_table() -> None:
    text = (
        "Outlook\n"
        "For the fourth quarter of fiscal 2031, Zentrik expects revenue of $90 million to $95 million.\n\n"
        "                                Q3 FY2031    Q3 FY2030\n"
        "Adjusted gross margin              51.2%        47.9%\n"
    )
    got = facts(text)
    assert ("revenue", "guidance", 90_000_000, "2031-Q4") in got
    assert ("gross_margin", "actual", 51.2, "2031-Q3") in got
    assert ("gross_margin", "actual", 47.9, "2030-Q3") in got
    # Near-miss: an outlook table (a quarter beside its year) stays guidance.
    text = (
        "Outlook\n\n"
        "                                Q4 FY2031    FY2031\n"
        "Adjusted gross margin              52.0%        50.5%\n"
    )
    assert {f[1] for f in facts(text)} == {"guidance"}


# --- wire flashes ----------------------------------------------------------------------------------


def full(text: str) -> set[tuple[str, str, float, float, str | None]]:
    return {(f.metric, f.kind, f.low, f.high, f.basis) for f in extract_facts(text)}


def test_flash_abbreviations_and_basis() -> None:
    text = (
        "11:40 ET  *KORRIN LABS 2Q ADJ GROSS MARGIN 41.3%\n"
        "11:40 ET  *KORRIN LABS 2Q GAAP OPER MARGIN -4.1%\n"
        "11:41 ET  *KORRIN LABS 2Q ADJ OPER MARGIN 6.5%\n"
    )
    assert full(text) == {
        ("gross_margin", "actual", 41.3, 41.3, "non_gaap"),
        ("operating_margin", "actual", -4.1, -4.1, "gaap"),
        ("operating_margin", "actual", 6.5, 6.5, "non_gaap"),
    }
    # Lower case and no basis word: an operating margin with no basis.
    assert full("Korrin's oper margin came in at 7.2% in the quarter.") == {
        ("operating_margin", "actual", 7.2, 7.2, None)
    }
    assert full("*KORRIN LABS SEES 3Q REV $88M-$92M") == {("revenue", "guidance", 88e6, 92e6, None)}


def test_flash_estimates_are_no_facts() -> None:
    text = (
        "16:02 ET  *KORRIN LABS 2Q REV $82.4M, EST. $80.1M\n"
        "16:02 ET  *KORRIN LABS 2Q ADJ GROSS MARGIN 41.3%, EST. 40.0%\n"
        "16:03 ET  *KORRIN LABS SEES 3Q REV $88M-$92M, EST. $89.0M\n"
        "16:03 ET  *KORRIN LABS 1Q REV $51.7M VS. EST $49.9M\n"
    )
    assert full(text) == {
        ("revenue", "actual", 82.4e6, 82.4e6, None),
        ("gross_margin", "actual", 41.3, 41.3, "non_gaap"),
        ("revenue", "guidance", 88e6, 92e6, None),
        ("revenue", "actual", 51.7e6, 51.7e6, None),
    }
    # Near-misses: "est." that tags no figure, and words ending in "est", leave the figures alone.
    assert values("Korrin Labs, est. 2015, reported revenue of $12.5 million for the quarter.") == {
        ("revenue", "actual", 12_500_000)
    }
    assert values("Revenue at the Midwest campus was $4.1 million in the quarter.") == {
        ("revenue", "actual", 4_100_000)
    }


def test_consensus_label_titles_its_whole_list() -> None:
    for label in ("Consensus:", "Analyst consensus:", "Consensus (LSEG):", "Analyst estimates:"):
        text = f"{label} revenue $75.2M, adj. gross margin 43.0%, 3Q revenue guide $81.0M."
        assert values(text) == set(), label
    # Near-miss: after a semicolon the company speaks for itself.
    text = "Consensus: revenue $75.2M; Korrin Labs reported revenue of $79.9 million."
    assert values(text) == {("revenue", "actual", 79_900_000)}
    # Near-miss: nor is the next sentence the label's, when the splitter kept it in one.
    text = (
        "Consensus: revenue $75.2M, adj. gross margin 43.0%. Korrin Labs reported revenue of $79.9 million."
    )
    assert values(text) == {("revenue", "actual", 79_900_000)}


# --- lists of figures and periods, "respectively" ---------------------------------------------------


def parties(text: str) -> set[tuple[str, float, str | None, str | None]]:
    return {(f.metric, f.low, f.period, f.counterparty) for f in extract_facts(text)}


def test_respective_periods_after_the_figures() -> None:
    text = (
        "Our largest customer, Tolvane AI, accounted for 61% and 55% of our revenue for the year ended "
        "December 31, 2028 and the six months ended June 30, 2029, respectively."
    )
    assert parties(text) == {
        ("customer_concentration", 61, "2028-FY", "Tolvane AI"),
        ("customer_concentration", 55, "2029-H1", "Tolvane AI"),
    }
    text = "Gross margin was 39.5% and 42.0% in fiscal 2029 and the first half of fiscal 2030, respectively."
    assert facts(text) == {
        ("gross_margin", "actual", 39.5, "2029-FY"),
        ("gross_margin", "actual", 42.0, "2030-H1"),
    }


def test_respective_periods_before_the_figures() -> None:
    text = (
        "Revenue for the second quarter and first half of 2030 was $61.0 million and $118.5 million, "
        "respectively."
    )
    assert facts(text) == {
        ("revenue", "actual", 61_000_000, "2030-Q2"),
        ("revenue", "actual", 118_500_000, "2030-H1"),
    }


def test_respectively_near_misses() -> None:
    # Two named customers keep their own names; the period list is one year for both.
    text = (
        "Customer A and Customer B accounted for 41% and 19% of revenue, respectively, for the year "
        "ended December 31, 2029."
    )
    assert parties(text) == {
        ("customer_concentration", 41, "2029-FY", "Customer A"),
        ("customer_concentration", 19, "2029-FY", "Customer B"),
    }
    # Periods that do not pair one to one with the figures leave the nearest-period reading.
    text = "In fiscal 2030, gross margin was 44.0% and 45.5% in the third and fourth quarters, respectively."
    got = facts(text)
    assert {f[2] for f in got} == {44.0, 45.5}


def test_pipe_tables_end_outlooks_and_definitions() -> None:
    text = (
        "Outlook\n"
        "For the fourth quarter of fiscal 2031, Zentrik expects revenue of $90 million to $95 million.\n\n"
        "| Metric | Q3 FY2031 | Q3 FY2030 |\n"
        "| Adjusted gross margin | 51.2% | 47.9% |\n"
    )
    got = facts(text)
    assert ("gross_margin", "actual", 51.2, "2031-Q3") in got
    assert ("gross_margin", "actual", 47.9, "2030-Q3") in got
    text = (
        "Non-GAAP Financial Measures\n\n"
        "| Metric | Q3 FY2031 | Q3 FY2030 |\n"
        "| Adjusted operating margin | 8.4% | 2.2% |\n"
    )
    assert facts(text) == {
        ("operating_margin", "actual", 8.4, "2031-Q3"),
        ("operating_margin", "actual", 2.2, "2030-Q3"),
    }
    # Near-miss: an outlook column beside last year's keeps the outlook a forecast.
    text = (
        "Outlook\n\n"
        "| Metric | Q4 FY2031 Outlook | Q4 FY2030 Actual |\n"
        "| Adjusted gross margin | 50% to 52% | 47.9% |\n"
    )
    assert ("gross_margin", "guidance", 50, "2031-Q4") in facts(text)


def test_flash_estimate_tags_in_other_forms() -> None:
    text = (
        "16:02 ET  *KORRIN LABS 2Q REV $82.4M, CONSENSUS $80.1M\n"
        "16:02 ET  *KORRIN LABS 2Q ADJ GROSS MARGIN 41.3%, ESTIMATE 40.0%\n"
        "16:03 ET  *KORRIN LABS 2Q OPER MARGIN 5.5%, STREET EST. 4.0%\n"
        "16:03 ET  *KORRIN LABS 1Q REV $79.4M VS. $77.0M EST.\n"
    )
    assert full(text) == {
        ("revenue", "actual", 82.4e6, 82.4e6, None),
        ("gross_margin", "actual", 41.3, 41.3, "non_gaap"),
        ("operating_margin", "actual", 5.5, 5.5, None),
        ("revenue", "actual", 79.4e6, 79.4e6, None),
    }
    assert values("Revenue was $82.4 million, consensus estimate of $80.1 million.") == {
        ("revenue", "actual", 82_400_000)
    }
    # Near-miss: a note's own figure listed before the consensus stays out.
    text = "Korrin Labs 2Q revenue of $82.4M (+31% y/y) beat our $79.0M and consensus at $80.1M."
    assert values(text) == {("revenue", "actual", 82_400_000), ("revenue_growth", "actual", 31)}


def test_heading_that_explains_metrics_stays_a_definitions_section() -> None:
    for heading in (
        "Definitions of Key Metrics and Non-GAAP Financial Measures",
        "Use of Non-GAAP Financial Measures and Operating Metrics",
    ):
        text = f"{heading}\n\nLeased capacity is defined as the MW under signed leases, such as 320 MW.\n"
        assert values(text) == set(), heading
        # The section still ends at prose that reports.
        text = f"{heading}\n\nLeased capacity reached 320 MW at quarter end.\n"
        assert values(text) == {("capacity_contracted", "actual", 320)}, heading


def test_cells_under_a_millions_note_give_latest_year_and_interim() -> None:
    text = (
        "The following table presents summary data of Ostrava Compute, Inc. for the periods shown.\n\n"
        "                                  Year Ended December 31,     Six Months Ended June 30,\n"
        "                                     2027          2028           2028          2029\n"
        "                                        (in millions, except percentages and MW)\n"
        "Revenue                               $51.2        $140.9          $60.4        $122.3\n"
        "Leased capacity (MW, period end)        40           210             95           360\n"
    )
    # Every dollar cell is in millions and dated by its own column (fix21c: the earlier columns are
    # the prior periods' revenue, not unscaled figures nor the latest period's).
    assert values(text) == {
        ("revenue", "actual", 140_900_000),
        ("revenue", "actual", 122_300_000),
        ("revenue", "actual", 51_200_000),
        ("revenue", "actual", 60_400_000),
        ("capacity_contracted", "actual", 360),
    }
    assert ("revenue", "actual", 140_900_000, "2028-FY") in facts(text)
    assert ("revenue", "actual", 122_300_000, "2029-H1") in facts(text)
    assert ("revenue", "actual", 51_200_000, "2027-FY") in facts(text)
    assert ("revenue", "actual", 60_400_000, "2028-H1") in facts(text)
    # Near-miss: bare cells under a note that names no currency give no dollar figure.
    assert not any(f[0] == "revenue" for f in values(text.replace("$", " ")))


def test_one_full_year_column_beside_quarters_is_not_reported() -> None:
    # Near-miss: a quarterly table with last year's total beside it gives the quarter as the latest
    # figure, and last year's total only as that year's (each cell dated by its own column, fix21c).
    text = (
        "Ostrava Compute reported its results for the quarter today.\n\n"
        "                            Q3 FY29      Q3 FY28       FY28\n"
        "                         (in millions, except percentages)\n"
        "Revenue                      $61.5        $40.2       $150.7\n"
    )
    assert facts(text) == {
        ("revenue", "actual", 61_500_000, "2029-Q3"),
        ("revenue", "actual", 40_200_000, "2028-Q3"),
        ("revenue", "actual", 150_700_000, "2028-FY"),
    }


def test_outlook_ends_at_reconciliation_titles_in_other_forms() -> None:
    for title in (
        "RECONCILIATION OF GAAP TO NON-GAAP FINANCIAL MEASURES (UNAUDITED)",
        "Reconciliation of GAAP to Non-GAAP Measures (in millions, except percentages)",
        "GAAP to Non-GAAP Reconciliation",
    ):
        text = (
            "Outlook\n"
            "For the fourth quarter of fiscal 2031, Zentrik expects revenue of $90 million to $95 "
            "million.\n\n"
            f"{title}\n\n"
            "                                Q3 FY2031\n"
            "Adjusted gross margin              51.2%\n"
        )
        got = facts(text)
        assert ("revenue", "guidance", 90_000_000, "2031-Q4") in got, title
        assert ("gross_margin", "actual", 51.2, "2031-Q3") in got, title
    # Near-miss: the reconciliation of the outlook itself stays guidance.
    text = (
        "Outlook\n"
        "For the fourth quarter of fiscal 2031, Zentrik expects revenue of $90 million to $95 million.\n\n"
        "Reconciliation of Non-GAAP Outlook (in millions, except percentages)\n\n"
        "                                Q4 FY2031\n"
        "Adjusted gross margin              52.0%\n"
    )
    assert ("gross_margin", "actual", 52.0, "2031-Q4") not in facts(text)


def test_heading_skipped_for_another_reason_stays_skipped() -> None:
    text = (
        "Forward-Looking Statements and Non-GAAP Financial Measures Data\n\n"
        "Our leased capacity of 320 MW may not be energized on time.\n"
    )
    assert values(text) == set()
