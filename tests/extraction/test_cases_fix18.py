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
