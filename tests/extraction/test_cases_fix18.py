"""Held-out set 18's causes, in general form (tests/extraction/holdout18/REPORT.md).

- A scale note in a document's title block ("Dollars in thousands") governs every table below it,
  past prose between the tables; a note over one table after figures were read is that table's.
- A lease table's rent-rate column ("Annualized Rent") is no contract value; "Fort Worth" is a city.
- A power figure whose status is a share's ("412 MW (82% pre-leased)") is not contracted.
- A talk's quoted title on an agenda ("Keynote: “Energizing 120 MW …”") states no fact.

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


# --- Cause 1: a document's scale note governs each of its tables -----------------------------------

SUPPLEMENTAL = """NORTHWIND DATA CENTERS, INC.
Quarterly Supplemental - Second Quarter 2027
(Unaudited; dollars in thousands, except per-share amounts)

Page 5 - Highlights

Backlog                              $845,200

Leasing remained strong in the quarter, with demand led by inference workloads.

Page 9 - Financial Summary
                                      2Q27         2Q26
Total revenue                         $410,250     $331,800
"""


def test_a_title_block_scale_note_governs_tables_after_prose() -> None:
    got = values(SUPPLEMENTAL)
    assert ("revenue", "actual", 410_250_000) in got
    assert ("backlog", "actual", 845_200_000) in got
    assert ("revenue", "actual", 410_250) not in got


def test_a_scale_note_worded_for_the_whole_document() -> None:
    text = (
        "Item 2. Management's Discussion and Analysis\n\n"
        "Revenue grew 31% year over year in the quarter.\n\n"
        "All dollar amounts in thousands unless otherwise noted.\n\n"
        "Selected results\n"
        "Total revenue                         $96,410      $73,590\n\n"
        "The increase reflected new leases in Ohio.\n\n"
        "Other data\n"
        "Backlog                              $512,300\n"
    )
    got = values(text)
    assert ("revenue", "actual", 96_410_000) in got
    assert ("backlog", "actual", 512_300_000) in got


def test_a_table_note_after_figures_ends_with_prose() -> None:
    # Near-miss: a note over one table, after the release has reported figures, is that table's only.
    text = (
        "Halvard Compute reported revenue of $96.4 million, up 31% year over year.\n\n"
        "Condensed statement of operations\n"
        "(in thousands)\n"
        "Total revenue                         $88,020      $73,590\n\n"
        "The company will host a call at 5 p.m.\n\n"
        "Order book at quarter end          $512,300\n"
    )
    got = values(text)
    assert ("revenue", "actual", 88_020_000) in got
    assert ("backlog", "actual", 512_300_000) not in got


def test_a_millions_table_under_a_thousands_document_keeps_its_own_scale() -> None:
    text = (
        "(Dollars in thousands)\n\n"
        "Revenue                              $96,410      $73,590\n\n"
        "Figures below are rounded.\n\n"
        "Outlook table\n"
        "(US$ in millions)\n"
        "                       2026        2025\n"
        "Revenue               412.5       333.2\n"
    )
    got = values(text)
    assert ("revenue", "actual", 96_410_000) in got
    assert not any(v == 412_500_000_000 for _m, _k, v in got)


# --- Cause 7: a rent-rate column is no contract value ----------------------------------------------

LEASES = """Leases signed in 2Q27

Tenant                     Market             MW      Term    Annualized Rent
Anthropic                  Fort Worth         48.0    15      $84,000
Brightlane AI              Columbus           12.0    10      $19,440
Enterprise (9 leases)      Various             6.2     5      $11,300
"""


def test_an_annualized_rent_column_is_no_contract_value() -> None:
    assert not any(m == "contract_value" for m, _k, _v in values(LEASES))
    text = (
        "Tenant        Market        Annual Base Rent      Term\n"
        "Meridian      Reno          $21,600               12 years\n"
    )
    assert not any(m == "contract_value" for m, _k, _v in values(text))


def test_a_leases_total_value_stays() -> None:
    # Near-miss: the whole value of leases written under their rent table.
    text = LEASES + "\nTotal contract value of leases signed in 2Q27: approximately $1.9 billion.\n"
    assert ("contract_value", "actual", 1_900_000_000) in values(text)


def test_fort_worth_is_a_city_not_a_value() -> None:
    assert values("Teller Data operates 48 MW in Dallas-Fort Worth and plans $310 million of capex.") == {
        ("capacity_deployed", "actual", 48)
    }
    # Near-miss: the city and a deal's worth in one sentence.
    text = "Teller Data signed a lease in Fort Worth worth $1.2 billion with Cohere."
    assert ("contract_value", "actual", 1_200_000_000) in values(text)


# --- Cause 10: a share's status is not the whole figure's -------------------------------------------


def test_a_partly_leased_figure_is_not_contracted() -> None:
    assert values("Under construction                                    412 MW (82% pre-leased)") == set()
    assert values("Cobalt Edge has 260 MW under development, 75% of it pre-leased.") == set()
    assert values("The Marlow campus (300 MW) is 90 percent leased.") == set()
    # Near-misses: the status of the figure itself, and a share of a whole named after it.
    assert values("Cobalt Edge has pre-leased 412 MW to two hyperscalers.") == {
        ("capacity_contracted", "actual", 412)
    }
    assert ("capacity_contracted", "actual", 120) in values(
        "Cobalt Edge leased 120 MW to Anthropic, 40% of its Marlow campus."
    )


# --- Cause 11: a talk's title states no fact ---------------------------------------------------------


def test_a_talk_title_on_an_agenda_is_no_fact() -> None:
    for text in (
        "- 10:45–11:15 Case study: “Energizing 120 MW in nine months” Room 2006, capacity 180",
        "- 9:00 Keynote: “From 30 MW to 1 GW: lessons from our build” Hall A",
        '- 14:00 Breakout session: "Signing a 300 MW lease with a hyperscaler" Room 4',
        "Day 2 opens with a panel titled “Is 40% gross margin the ceiling?”",
    ):
        assert values(text) == set(), text


def test_quoted_words_of_a_speaker_stay_facts() -> None:
    # Near-miss: a keynote's speaker quoted, and a title beside a figure the sentence itself states.
    text = "At the keynote, CEO Dana Koh said: “We energized 120 MW this quarter.”"
    assert values(text) == {("capacity_deployed", "actual", 120)}
    text = "In a talk titled “Scaling to 1 GW”, Koh said Ravel had energized 140 MW."
    assert values(text) == {("capacity_deployed", "actual", 140)}


# --- Cause 2: a wire's headline lines are each a statement -------------------------------------------

STREAM = """09:31:02 *KESTREL GRID 4Q REV $612 MLN, EST. $640 MLN
09:31:02 *KESTREL GRID 4Q REV UP 44% Y/Y
09:31:03 *KESTREL GRID SEES 1Q REV $600 MLN TO $630 MLN, EST. $655 MLN
09:31:03 *KESTREL GRID SEES FY ADJ GROSS MARGIN ABOUT 41%, EST. 43%
09:31:04 *KESTREL GRID SAYS LARGEST CUSTOMER WAS 27% OF 4Q REV
09:31:04 *KESTREL GRID SAYS BACKLOG $7.2 BLN AT YEAR END
09:31:05 *KESTREL GRID SAYS 410 MW ENERGIZED AT QTR END
"""


def test_timestamped_headlines_do_not_share_a_forecast() -> None:
    got = values(STREAM)
    assert ("customer_concentration", "actual", 27) in got
    assert ("backlog", "actual", 7_200_000_000) in got
    assert ("capacity_deployed", "actual", 410) in got
    assert ("revenue", "guidance", 600_000_000) in got
    assert ("gross_margin", "guidance", 41) in got
    assert not any(k == "guidance" and m in ("customer_concentration", "backlog") for m, k, _v in got)


def test_capital_headlines_of_one_company_without_stamps() -> None:
    text = "\n".join(line.split(" *", 1)[1].replace("GRID", "GRID SYSTEMS") for line in STREAM.splitlines())
    got = values(text)
    assert ("customer_concentration", "actual", 27) in got
    assert ("backlog", "actual", 7_200_000_000) in got
    assert ("revenue", "guidance", 600_000_000) in got
    # A headline's "ABOUT 41%" is an approximate figure, not an "About Kestrel" section to skip.
    assert ("gross_margin", "guidance", 41) in got


WRAPPED = """Pelham Data Systems, Inc. reported results for its fiscal fourth quarter on
Tuesday, and the company said that it continues to expect that full-year revenue
will be between $1.10 billion and $1.15 billion, with the data center business
representing the bulk of the growth that the company has described to investors
in its previous quarterly letters, and management noted that the build program
at the Ohio campus remains on schedule for the second half of the coming year.
*Pelham Data Systems is a fictional company used in this example of wrapped text.
"""


def test_hard_wrapped_prose_stays_one_sentence() -> None:
    # Near-miss: a paragraph wrapped at a fixed width joins its lines, the forecast's verb included.
    assert ("revenue", "guidance", 1_100_000_000) in {(m, k, v) for m, k, v in values(WRAPPED)}
    caps = (
        "THE COMPANY EXPECTS THAT ITS TOTAL REVENUE FOR THE FULL FISCAL YEAR ENDING\n"
        "DECEMBER 31, 2027 WILL BE APPROXIMATELY $2.4 BILLION, SUBJECT TO THE RISKS\n"
        "DESCRIBED IN THE COMPANY'S FILINGS WITH THE SECURITIES AND EXCHANGE COMMISSION\n"
        "INCLUDING ITS ANNUAL REPORT ON FORM 10-K AND ITS QUARTERLY REPORTS ON FORM 10-Q\n"
        "AND ANY OTHER DOCUMENTS THAT IT FILES FROM TIME TO TIME WITH THE COMMISSION IN\n"
        "THE FUTURE, WHICH COULD CAUSE ACTUAL RESULTS TO DIFFER FROM THOSE DESCRIBED HERE\n"
    )
    assert ("revenue", "guidance", 2_400_000_000) in values(caps)


# --- Cause 4: "SHRS" is shares -------------------------------------------------------------------------


def test_wire_abbreviations_for_shares_move() -> None:
    assert values("*HALDANE AI SHRS DOWN 6.4% IN LATE TRADING") == {("stock_move", "actual", -6.4)}
    assert values("Haldane AI Shrs Rise 3.1% After Hours") == {("stock_move", "actual", 3.1)}
    assert values("HALDANE AI SHS UP 2.2% PREMARKET") == {("stock_move", "actual", 2.2)}
    # Near-misses: a share count and an offering of shares move nothing.
    assert values("*HALDANE AI TO SELL 12 MLN SHRS AT $41 EACH") == set()
    assert values("HALDANE AI SHRS OUTSTANDING 140 MLN") == set()


# --- Cause 12: "pact" and "accord" are agreements -------------------------------------------------------


def test_a_pact_or_accord_is_an_agreement() -> None:
    assert values("Helion Grid struck a $1.2 billion power pact with Anthropic on Tuesday.") == {
        ("contract_value", "actual", 1_200_000_000)
    }
    assert values("*VANTOR SAYS SIGNED $2.1 BLN MULTIYEAR SUPPLY PACT WITH OPENAI") == {
        ("contract_value", "actual", 2_100_000_000)
    }
    assert values("Helion reached a $600 million accord with xAI for GPU hosting.") == {
        ("contract_value", "actual", 600_000_000)
    }
    assert values("Helion signed a 200 MW pact with OpenAI.") == {("capacity_contracted", "actual", 200)}
    # Near-misses: "in accordance with" and "according to" are no agreement.
    assert values("In accordance with its charter, Helion bought back $40 million of stock.") == set()
    assert values("According to Helion, its $300 million budget is unchanged.") == set()


# --- Cause 5: a forecast word qualifying a figure governs its own clause --------------------------------


def test_a_forecast_qualifying_a_figure_does_not_reach_later_clauses() -> None:
    text = (
        "Tarlow said 310 MW were energized at quarter end, below the 350 MW it had expected, and that "
        "Oracle accounted for 44% of revenue."
    )
    got = values(text)
    assert ("customer_concentration", "actual", 44) in got
    assert ("capacity_deployed", "actual", 310) in got
    text = (
        "Revenue was $88 million, short of the 95 million dollars management had projected for the "
        "quarter, while gross margin was 39%."
    )
    assert ("gross_margin", "actual", 39) in values(text)


def test_a_forecast_verb_of_the_sentence_still_governs_after_the_clause() -> None:
    # Near-misses: the sentence's own forecast verb, and a plain list of forecasts.
    text = (
        "Tarlow now expects revenue of $1.4 billion, above the $1.3 billion it had forecast in May, "
        "and gross margin of 45%."
    )
    got = values(text)
    assert ("revenue", "guidance", 1_400_000_000) in got
    assert ("gross_margin", "guidance", 45) in got
    text = "Tarlow expects 2027 revenue of $1.4 billion, and it targets gross margin of 45%."
    assert ("gross_margin", "guidance", 45) in values(text)


# --- Cause 8: cash flows and a loss on paying debt off are no financing ---------------------------------


def test_cash_flow_lines_and_extinguishment_losses_are_no_financing() -> None:
    assert values("Net cash provided by financing activities was $1,262.7 million.") == set()
    assert values("Cash used in investing activities totaled $410.5 million for the period.") == set()
    text = (
        "In May we repaid the $180.0 million outstanding under our 2023 term loan with Verrin Bank and "
        "recorded a loss on extinguishment of debt of $2.4 million."
    )
    assert not any(v == 2_400_000 for _m, _k, v in values(text))
    assert values("Orvane recorded a $12 million loss on early extinguishment of its 2028 notes.") == set()
    # Near-misses: new money whose use names operating activities, and a financing in the same sentence.
    text = "Orvane closed a $400 million term loan to fund its operating activities."
    assert values(text) == {("financing", "actual", 400_000_000)}


# --- Instruments: each listed amount takes its own item's instrument --------------------------------------


def instruments(text: str) -> dict[float, str | None]:
    return {f.low: f.instrument for f in extract_facts(text) if f.metric == "financing"}


def test_each_listed_amount_takes_its_own_instrument() -> None:
    text = (
        "Corvane announced $2.1 billion of new capital: a $600 million Series B round, a $1.2 billion "
        "GPU-backed term loan, and a vendor financing line of up to $300 million."
    )
    got = instruments(text)
    assert got[600_000_000] == "equity"
    assert got[1_200_000_000] == "loan"
    assert got[300_000_000] == "other"
    text = (
        "Corvane closed a $500 million revolving credit facility, a $250 million term loan and $400 million "
        "of senior notes."
    )
    assert instruments(text) == {500_000_000: "credit_facility", 250_000_000: "loan", 400_000_000: "notes"}
    text = "Corvane raised $300 million in a Series D round and $150 million in venture debt."
    assert instruments(text) == {300_000_000: "equity", 150_000_000: "loan"}


def test_an_appositive_or_a_changed_amount_keeps_the_instrument() -> None:
    # Near-misses: an appositive names the same facility; an amount changed "from … to …" keeps its word.
    text = (
        "Corvane drew $200 million under its revolving credit facility, a $750 million facility with "
        "Brell Bank."
    )
    assert instruments(text)[750_000_000] == "credit_facility"
    text = (
        "The amendment increased the revolving commitments from $600.0 million to $950.0 million and "
        "reduced the margin on SOFR borrowings by 25 basis points."
    )
    assert instruments(text)[950_000_000] == "credit_facility"


# --- Counterparties: a deal's party named in a later sentence or in apposition ----------------------------


def parties(text: str) -> dict[float, str | None]:
    return {f.low: f.counterparty for f in extract_facts(text) if f.metric == "financing"}


def test_a_later_sentence_names_a_listed_deals_party() -> None:
    text = (
        "Corvane today announced $2.1 billion of new capital: a $600 million Series B round, a $1.2 billion "
        "GPU-backed term loan, and a vendor financing line of up to $300 million. The Series B was led by "
        "Ambrose Peak Capital and Tillery Ventures, with participation from existing investors. The term "
        "loan was arranged by Kessling Securities, with two other banks participating."
    )
    got = parties(text)
    assert got[600_000_000] == "Ambrose Peak Capital and Tillery Ventures"
    assert got[1_200_000_000] == "Kessling Securities"
    assert got[300_000_000] is None


def test_bookrunners_of_an_offering_are_no_party() -> None:
    # Near-miss: the banks that sell notes are not the lenders; bookrunners stay null.
    text = (
        "Corvane priced $500 million of 7.25% senior secured notes due 2031. The notes offering was led by "
        "Dunmore Capital Markets as bookrunner."
    )
    assert parties(text) == {500_000_000: None}


def test_a_backer_named_in_apposition() -> None:
    text = (
        "We closed a $2.8 billion construction loan led by Calder Ridge Bank, and our sponsor, Whitlow "
        "Infrastructure Partners, committed another $600 million of equity."
    )
    got = parties(text)
    assert got[600_000_000] == "Whitlow Infrastructure Partners"
    assert got[2_800_000_000] == "Calder Ridge Bank"
