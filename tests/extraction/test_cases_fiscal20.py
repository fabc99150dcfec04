"""Quarters, halves and years of non-calendar fiscal years, in general form (task fiscal20).

An issuer whose fiscal year ends in May names the three months ended August 31, 2025 "fiscal 2026 Q1";
a date-only phrase of its release ("For the three months ended August 31, 2025", a table column "Three
Months Ended August 31, 2025") is that fiscal quarter, not the calendar's third. The calendar is learnt
from what the document states; without such a statement, or with a December year end, the calendar
mapping stays. All companies, dates and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts
from rules.extraction.periods import CALENDAR_YEAR, FiscalCalendar, find_mentions, fiscal_calendar
from watcher.htmltext import html_to_text

Dated = set[tuple[str, float, str | None]]


def dated(text: str) -> Dated:
    return {(f.metric, f.low, f.period) for f in extract_facts(text)}


# --- the calendar a document states ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("top", "end", "shift"),
    [
        # a quarter's label, then its end
        ("Tamsworth Inc. announced results for the fiscal first quarter ended August 31, 2025.", 5, 0),
        ("Results for the second quarter of fiscal 2026, which ended January 31, 2026.", 7, 0),
        ("Revenue for Q3 FY27 ended October 31, 2026 rose.", 1, 0),
        # a quarter's end, then its label
        ("Results for the quarter ended October 31, 2026, the third quarter of its fiscal 2027.", 1, 0),
        ('Results for the three months ended 30 September 2025 ("Q1 FY26").', 6, 0),
        # a label and, later in its sentence, the three months it covers
        ("Q1 FY26 revenue was $82.0 million for the three months ended 30 September 2025.", 6, 0),
        # a year's end, with or without its label
        ("Our fiscal year ending May 31, 2026 is our twenty-first.", 5, 0),
        ("Marlstone's fiscal 2027 ends January 31, 2027.", 1, 0),
        ("For fiscal 2026, which ended July 31, 2026, revenue rose.", 7, 0),
        ("FY27 = twelve months ending January 31, 2027.", 1, 0),
        ("Fiscal 2026 ends January 31, 2027.", 1, -1),
        ("Results for the First Half of the Fiscal Year Ending March 31, 2027 (1H FY2026)", 3, -1),
        ("Our fiscal year ends in October.", 10, 0),
        ("4. Forecast for FY2026 (fiscal year ending March 31, 2027)", 3, -1),
        ("Summary of Results for the Fiscal Year Ended March 31, 2026 (FY2026/3)", 3, 0),
        # a half's end
        ("Interim results for the six-month period ended November 30, 2025.", 5, 0),
        ('Interim results for the six months ended 30 September 2026 ("H1 FY27")', 3, 0),
        # 52/53-week years: the nearest month end
        ("Results for the fiscal quarter ended October 26, 2026; fiscal 2026 ended January 25, 2026.", 1, 0),
        ("Results for its second quarter of fiscal 2027, which ended November 1, 2026.", 4, 0),
    ],
)
def test_the_stated_calendar(top: str, end: int, shift: int) -> None:
    calendar = fiscal_calendar(top.lower(), "Tamsworth Inc.")
    assert (calendar.end, calendar.shift) == (end, shift)


@pytest.mark.parametrize(
    "top",
    [
        "Pennick Data reported results for the quarter ended September 30, 2026.",
        "Results for the fiscal year ended December 31, 2025.",
        "Interim results for the six months ended 30 June 2026.",
        "Results for the fourth quarter and fiscal year ended January 3, 2027.",  # 52/53 weeks to December
        "Revenue for calendar 2026 is expected to grow.",
        # A label paired with a date a year off is a comparison, not the calendar.
        "Q1 FY26 revenue was $82.0 million, compared with $61.0 million for the three months ended "
        "30 June 2025.",
        "No period is stated here at all.",
    ],
)
def test_no_fiscal_calendar_is_read_where_none_is_stated(top: str) -> None:
    assert fiscal_calendar(top.lower(), "Pennick Data") == CALENDAR_YEAR


def test_a_date_ended_period_maps_by_the_calendar_given() -> None:
    may = FiscalCalendar(5, 0, "tamsworth")
    [q] = find_mentions("for the three months ended August 31, 2025", None, -1, may)
    assert (q.kind, q.number, q.year) == ("Q", 1, 2026)
    [h] = find_mentions("for the six months ended May 31, 2026", None, -1, may)
    assert (h.kind, h.number, h.year) == ("H", 2, 2026)
    [y] = find_mentions("for the fiscal year ended May 31, 2026", None, -1, may)
    assert (y.kind, y.year) == ("FY", 2026)
    # Not a quarter end of this calendar: the calendar's quarter.
    [c] = find_mentions("for the three months ended September 30, 2025", None, -1, may)
    assert (c.kind, c.number, c.year) == ("Q", 3, 2025)


# --- documents: the shapes read --------------------------------------------------------------------

PROSE_AND_WIRE_ROWS = """Kelderwick Software Reports First Quarter Fiscal 2026 Results

AUSTIN, Texas, September 23, 2025 -- Kelderwick Software, Inc. (NASDAQ: KLDW) today announced results for \
the fiscal first quarter ended August 31, 2025.

For the three months ended August 31, 2025, adjusted gross margin was 41%, and revenue grew 84% year \
over year.

Revenue: $64.2 million (Three Months Ended August 31, 2025) | $34.9 million (Three Months Ended \
August 31, 2024)
"""

STATED_LABEL_AFTER_DATE = """Kestwell Corp. Reports Results

SAN JOSE, Calif., November 20, 2026 -- Kestwell Corp. (NYSE: KSWL) announced results for the quarter ended \
October 31, 2026, the third quarter of its fiscal 2027.

Revenue was $1.1 billion, up 14% year over year. Non-GAAP operating margin was 22.5%.

Revenue: $1,100 million (Three Months Ended October 31, 2026) | $965 million (Three Months Ended \
October 31, 2025)
"""

SPACED_TABLE = """Kestwell Corp. (NYSE: KSWL) reported results for the quarter ended October 31, 2026, \
the third quarter of its fiscal 2027.

Results of operations (in thousands, except percentages):

                            Three Months Ended        Nine Months Ended
                              October 31,               October 31,
                            2026        2025          2026        2025
Total revenue           1,100,000     965,000     3,050,000   2,700,000
Cost of revenue           540,000     470,000     1,500,000   1,320,000

Revenue grew on demand for inference servers.
"""

UK_LABEL_THEN_DATE = """Ostrava Labs plc
Trading update

6 November 2025 -- Ostrava Labs plc (LSE: OSTV) reports Q1 FY26 revenue of $82.0 million for the three \
months ended 30 September 2025, up 44%.

Gross margin for the three months ended 30 September 2025 was 58.1%, compared with 52.4% for the three \
months ended 30 September 2024.

The Group expects revenue for the six months ending 31 December 2025 of $170 million to $175 million.
"""

YEAR_END_STATED = """Marlstone Retail Cloud, Inc. (NYSE: MRLC)

Marlstone's fiscal 2027 ends January 31, 2027. For the quarter ended July 31, 2026, revenue was $540 million \
and GAAP operating margin was 9.8%.
"""

SIX_MONTH_PERIOD = """Vellacourt Instruments Ltd. - Interim Report

Vellacourt Instruments Ltd. today reported results for the six-month period ended November 30, 2025. Revenue \
for the six-month period ended November 30, 2025 was $301.0 million, up 19%. Revenue for the three months \
ended November 30, 2025 was $158.7 million and gross margin was 39.5%.
"""

NAMED_BY_START_YEAR = """Harrowgate Systems Reports Fiscal Third Quarter 2026 Results

SEATTLE, November 19, 2026 -- Harrowgate Systems, Inc. (NASDAQ: HRWG) today reported results for the fiscal \
quarter ended October 31, 2026. Fiscal 2026 ends January 31, 2027.

Revenue for the three months ended October 31, 2026 was $310.5 million, up 28%.

In the fiscal year ended January 31, 2026, revenue was $1.02 billion.
"""

WEEKDAY_YEAR_END = """Quillmark Corp. Reports Third Quarter Results

SANTA CLARA, Calif., November 24, 2026 -- Quillmark Corp. (NASDAQ: QLMK) reported results for its fiscal \
third quarter ended October 25, 2026. Quillmark's fiscal 2026 ended January 25, 2026.

Revenue for the fiscal quarter ended October 25, 2026 was $918.2 million, and for the quarter ended July 26, \
2026 it was $840.0 million.
"""

FISCAL_SECOND_QUARTER_PAGE = """<html><body>
<p>BOSTON, March 4, 2026 -- Larchmont Devices, Inc. (NASDAQ: LRCH) today announced results for its fiscal
second quarter, which ended January 31, 2026.</p>
<table>
<tr><th></th><th>Three Months Ended January 31, 2026</th><th>Three Months Ended January 31, 2025</th></tr>
<tr><td>Revenue</td><td>$188.3 million</td><td>$141.0 million</td></tr>
<tr><td>Non-GAAP gross margin</td><td>47.2%</td><td>44.9%</td></tr>
</table>
</body></html>
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            PROSE_AND_WIRE_ROWS,
            {
                ("gross_margin", 41, "2026-Q1"),
                ("revenue_growth", 84, "2026-Q1"),
                ("revenue", 64_200_000, "2026-Q1"),
                ("revenue", 34_900_000, "2025-Q1"),
            },
            id="prose-and-wire-rows",
        ),
        pytest.param(
            STATED_LABEL_AFTER_DATE,
            {
                ("revenue", 1_100_000_000, "2027-Q3"),
                ("revenue_growth", 14, "2027-Q3"),
                ("operating_margin", 22.5, "2027-Q3"),
                ("revenue", 965_000_000, "2026-Q3"),
            },
            id="label-after-date",
        ),
        pytest.param(SPACED_TABLE, {("revenue", 1_100_000_000, "2027-Q3")}, id="spaced-table"),
        pytest.param(
            UK_LABEL_THEN_DATE,
            {
                ("revenue", 82_000_000, "2026-Q1"),
                ("revenue_growth", 44, "2026-Q1"),
                ("gross_margin", 58.1, "2026-Q1"),
                ("gross_margin", 52.4, "2025-Q1"),
                ("revenue", 170_000_000, "2026-H1"),
            },
            id="uk-label-then-date",
        ),
        pytest.param(
            YEAR_END_STATED,
            {("revenue", 540_000_000, "2027-Q2"), ("operating_margin", 9.8, "2027-Q2")},
            id="year-end-stated",
        ),
        pytest.param(
            SIX_MONTH_PERIOD,
            {
                ("revenue", 301_000_000, "2026-H1"),
                ("revenue_growth", 19, "2026-H1"),
                ("revenue", 158_700_000, "2026-Q2"),
                ("gross_margin", 39.5, "2026-Q2"),
            },
            id="six-month-period",
        ),
        pytest.param(
            NAMED_BY_START_YEAR,
            {
                ("revenue", 310_500_000, "2026-Q3"),
                ("revenue_growth", 28, "2026-Q3"),
                ("revenue", 1_020_000_000, "2025-FY"),
            },
            id="named-by-start-year",
        ),
        pytest.param(
            WEEKDAY_YEAR_END,
            {("revenue", 918_200_000, "2027-Q3"), ("revenue", 840_000_000, "2027-Q2")},
            id="52-53-week-year",
        ),
    ],
)
def test_date_ended_periods_take_the_fiscal_label(text: str, expected: Dated) -> None:
    assert dated(text) == expected


def test_a_wire_page_table_takes_the_fiscal_label() -> None:
    got = dated(html_to_text(FISCAL_SECOND_QUARTER_PAGE))
    assert got == {
        ("revenue", 188_300_000, "2026-Q2"),
        ("revenue", 141_000_000, "2025-Q2"),
        ("gross_margin", 47.2, "2026-Q2"),
        ("gross_margin", 44.9, "2025-Q2"),
    }


def test_a_stated_quarter_ended_on_a_date_is_of_the_year_it_ends_in() -> None:
    # "fiscal first quarter ended August 31, 2025" is of the year to May 2026, stated or not.
    text = (
        "PORTLAND, Ore., September 24, 2025 -- Tamsworth Inc. announced results for its fiscal first "
        "quarter, which ended August 31, 2025. Revenue was $64.2 million."
    )
    assert dated(text) == {("revenue", 64_200_000, "2026-Q1")}
    assert dated("Revenue for the fiscal first quarter ended August 31, 2025 was $64.2 million.") == {
        ("revenue", 64_200_000, "2026-Q1")
    }


# --- near-misses -----------------------------------------------------------------------------------


def test_another_companys_quarter_keeps_the_calendar() -> None:
    text = (
        "Brackenfield Software, Inc. (NYSE: BRKF)\n\n"
        "Brackenfield's fiscal year ends May 31. Revenue for the three months ended November 30, 2025 was "
        "$412.6 million.\n\n"
        "By comparison, Halvor Networks reported revenue of $2.1 billion for its quarter ended November 30, "
        "2025. Halvor's quarter ended August 31, 2025 had revenue of $1.9 billion.\n\n"
        "Revenue from Cindral, a customer, was $40.0 million for the three months ended September 30, 2025.\n"
    )
    got = dated(text)
    assert ("revenue", 412_600_000, "2026-Q2") in got
    assert ("revenue", 2_100_000_000, "2025-Q4") in got
    assert ("revenue", 1_900_000_000, "2025-Q3") in got
    # Not a quarter end of the issuer's year: the calendar's quarter.
    assert ("revenue", 40_000_000, "2025-Q3") in got


def test_a_calendar_year_issuer_keeps_the_calendar_quarter() -> None:
    text = (
        "Pennick Data Reports Third Quarter 2026 Results\n\n"
        "DALLAS, November 4, 2026 -- Pennick Data, Inc. (NASDAQ: PNKD) today reported results for the "
        "quarter ended September 30, 2026. Pennick's fiscal year ended December 31, 2025.\n\n"
        "Revenue for the three months ended September 30, 2026 was $144.0 million, up 31% year over year.\n"
    )
    assert dated(text) == {("revenue", 144_000_000, "2026-Q3"), ("revenue_growth", 31, "2026-Q3")}


def test_without_a_stated_calendar_a_date_is_the_calendars_quarter() -> None:
    assert dated("For the three months ended August 31, 2025, revenue was $64.2 million.") == {
        ("revenue", 64_200_000, "2025-Q3")
    }
    # 52/53 weeks to a December year: the three months to January 3, 2027 are its fourth quarter.
    text = (
        "Dunmore Foundry Inc. (NASDAQ: DNMR) today reported results for the fourth quarter and fiscal year "
        "ended January 3, 2027. Revenue for the three months ended January 3, 2027 was $92.4 million. "
        "Revenue for the fiscal year ended January 3, 2027 was $341.0 million."
    )
    assert dated(text) == {("revenue", 92_400_000, "2026-Q4"), ("revenue", 341_000_000, "2026-FY")}


def test_a_balance_date_changes_no_period() -> None:
    text = STATED_LABEL_AFTER_DATE + (
        "\nAs of October 31, 2026, remaining performance obligations were $4.2 billion.\n"
    )
    periods = {p for m, _low, p in dated(text) if m == "backlog"}
    assert periods
    assert "2026-Q4" not in periods


def test_a_calendar_year_beside_fiscal_labels_stays_a_calendar_year() -> None:
    text = STATED_LABEL_AFTER_DATE + (
        "\nFor calendar 2026, Kestwell expects 300 MW of capacity online; fiscal 2028 revenue is expected "
        "to be $5.0 billion.\n"
    )
    got = dated(text)
    assert ("capacity_deployed", 300, "2026-FY") in got
    assert ("revenue", 5_000_000_000, "2028-FY") in got


def test_a_compared_date_teaches_no_calendar() -> None:
    # The prior year's three months beside this year's label: no calendar a year off is learnt.
    text = (
        "Ostrava Labs plc (LSE: OSTV): Q1 FY26 revenue was $82.0 million, compared with $61.0 million for "
        "the three months ended 30 September 2024."
    )
    got = dated(text)
    assert ("revenue", 82_000_000, "2026-Q1") in got
    assert not any(low == 61_000_000 and p == "2026-Q1" for _m, low, p in got)


def test_a_nine_month_period_takes_no_quarter() -> None:
    text = (
        "Kelderwick Software, Inc. reported results for the fiscal second quarter ended November 30, 2025. "
        "Revenue for the nine-month period ended February 28, 2026 was $190.0 million."
    )
    assert dated(text) == {("revenue", 190_000_000, None)}


# --- month spans and bracketed months: date-only too ----------------------------------------------

MARCH_YEAR_TOP = (
    "Sakuragi Datacenter Ltd.\n\nConsolidated Results for the First Quarter of the Fiscal Year Ending "
    "March 31, 2027\n\n"
)


def test_a_month_span_is_the_issuers_quarter_or_half() -> None:
    got = dated(MARCH_YEAR_TOP + "Net sales for April-June 2026 were US$410 million, up 22%.")
    assert got == {("revenue", 410_000_000, "2027-Q1"), ("revenue_growth", 22, "2027-Q1")}
    got = dated(MARCH_YEAR_TOP + "Net sales for April-September 2026 are expected to be US$840 million.")
    assert got == {("revenue", 840_000_000, "2027-H1")}
    # A year named by the year it starts in: "FY2026 (fiscal year ending March 31, 2027)".
    top = MARCH_YEAR_TOP.replace("March 31, 2027", "March 31, 2027 (FY2026)")
    assert dated(top + "Net sales for April-June 2026 were US$410 million.") == {
        ("revenue", 410_000_000, "2026-Q1")
    }


def test_a_month_span_without_a_fiscal_calendar_is_the_calendars() -> None:
    assert dated("Net sales for April-June 2026 were US$410 million.") == {
        ("revenue", 410_000_000, "2026-Q2")
    }
    assert dated("Sales for July-December 2026 were $50 million.") == {("revenue", 50_000_000, "2026-H2")}
    # Nine months, or six not ending a calendar half: no label.
    assert dated("Net sales for January-September 2026 were US$900 million.") == {
        ("revenue", 900_000_000, None)
    }
    assert dated("Net sales for April-September 2026 were US$640 million.") == {
        ("revenue", 640_000_000, None)
    }


def test_a_bracketed_month_span_under_a_yearless_heading_is_of_the_fiscal_year() -> None:
    top = "Sakuragi Datacenter Ltd.\n\nInterim results for the six months ended 30 September 2026\n\n"
    got = dated(top + "First quarter (April–June 2026)\n\nRevenue was US$410 million, up 22%.")
    assert got == {("revenue", 410_000_000, "2027-Q1"), ("revenue_growth", 22, "2027-Q1")}
    # A calendar year's heading keeps its year.
    got = dated("Kaldera Oyj\n\nThird quarter (July–September 2026)\n\nRevenue was EUR 90 million, up 12%.")
    assert ("revenue_growth", 12, "2026-Q3") in got
