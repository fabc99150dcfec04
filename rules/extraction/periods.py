"""Fiscal periods as disclosures write them, normalised to `2026-Q1`, `2026-H2`, `2026-FY`.

A period ended on a date ("the three months ended August 31, 2025") is named by the issuer's fiscal
calendar, which the document's top states (`fiscal_calendar`); with none stated, by the calendar year.

A mention may lack its year ("the first quarter", "full year") or be relative
("a year ago", "last quarter", "the quarter"); those are resolved against the
period the document is currently talking about, which the extractor carries
from sentence to sentence.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from rules.extraction.prefix import guard
from rules.extraction.record import Record

PeriodKind = Literal["Q", "H", "FY"]
#: "unlabelled": a period the vocabulary has no label for ("the nine months ended September 30"):
#: the figure it dates takes no period rather than the document's.
#: "deadline": "by 31 March 2027", a date that is a fiscal year's end only where the issuer's year ends
#: then (`number` holds the month; see `deadline_period`).
Relative = Literal["none", "current", "prev_quarter", "year_ago", "prev_year", "unlabelled", "deadline"]

_ORD: Final = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_MONTHS: Final = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_ORDW: Final = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
_FY: Final = r"(?:fiscal(?:\s+year)?\s+|FY\s?'?|calendar(?:\s+year)?\s+)?"
_YEAR: Final = r"(?:20\d\d)"


def _date(p: str) -> str:
    return (
        rf"(?P<{p}mon>[A-Z][a-z]{{2,8}})\.?\s+(?P<{p}day>\d{{1,2}}),?\s+(?P<{p}dyear>20\d\d)"
        rf"|(?P<{p}day2>\d{{1,2}})\s+(?P<{p}mon2>[A-Z][a-z]{{2,8}})\s+(?P<{p}dyear2>20\d\d)"
    )


#: A quarter's two-digit year is no figure: "fiscal Q2 26% growth", "in Q2 25 MW went live" name a bare
#: Q2 (resolved from the document's fiscal year like "the second fiscal quarter"), not Q2 2026.
#: A year a sentence says was ended, closed, exited or finished ("ended 2025 with 240 MW online",
#: "closed out 2025 with a backlog of ...") names the results year (`fe_y`), so a bare "Q4" after it
#: is that year's, not the dateline's.
_PERIOD_SOURCE: Final = (
    r"""
    (?P<qa>\bF?Q(?P<qa_n>[1-4])(?:\s*(?:of\s+)?(?:fiscal(?:\s+year)?\s+|FY\s?|F)?'?(?P<qa_y>20\d\d|\d\d)
        (?!\d|[.,]\d|\s*(?:%|percent|[mgk]w\b|megawatts?|gigawatts?|bps|million|billion)))?\b)
  | (?P<qb>\bF?(?P<qb_n>[1-4])Q(?:\s?(?:FY\s?)?'?(?P<qb_y>20\d\d|\d\d)
        (?!\d|[.,]\d|\s*(?:%|percent|[mgk]w\b|megawatts?|gigawatts?|bps|million|billion)))?\b)
  | (?P<qy>\b(?:fiscal\s+(?:year\s+)?)?(?P<qy_y>20\d\d)\s+
        (?:fiscal\s+)?(?P<qy_o>first|second|third|fourth)[\s-](?:fiscal\s+)?quarter\b)
  | (?P<qc>\b(?:fiscal\s+)?(?P<qc_o>first|second|third|fourth|1st|2nd|3rd|4th)[\s-](?:fiscal[\s-])?quarter\b
        (?:,?\s+(?:of\s+|for\s+)?(?:the\s+)?(?:"""
    + _FY
    + r"""(?P<qc_y>20\d\d|(?<=FY)\d\d|(?<=FY\s)\d\d)|(?:fiscal|financial)\s+year\s+end(?:ing|ed)\s+(?:"""
    + _date("r")
    + r""")))?
        (?:,?\s+(?:which\s+|that\s+)?ended\s+(?:"""
    + _date("q")
    + r"""))?)
  | (?P<ha>\b(?P<ha_o>first|second|1st|2nd)[\s-]half(?:\s+of)?(?:\s+(?:the\s+)?(?:"""
    + _FY
    + r"""(?P<ha_y>20\d\d)|(?:fiscal|financial)\s+year\s+end(?:ing|ed)\s+(?:"""
    + _date("h")
    + r""")))?\b)
  | (?P<hb>\bH(?P<hb_n>[12])(?!\d)\s?(?:(?:of\s+)?(?:fiscal(?:\s+year)?\s+|FY\s?|F))?'?
        (?P<hb_y>20\d\d|\d\d)?\b
        |\b(?P<hc_n>[12])H\s?(?:FY\s?(?='?\d))?'?(?P<hc_y>20\d\d|\d\d)?\b)
  | (?P<ended>\b(?:(?:(?P<en_q>three|3)|(?P<en_h>six|6)|(?P<en_y>twelve|12))[\s-]months?(?:\s+period)?|
        (?P<en_fy>(?:fiscal\s+)?years?)|(?P<en_qq>(?:fiscal\s+)?quarter)|(?<!month\s)(?<!months\s)(?P<en_p>period))
        \s+end(?:ed|ing)\s+(?:"""
    + _date("e")
    + r"""))
  | (?P<fm>\bfirst\s+(?:(?P<fm_q>three|3)|six|6)[\s-]months?(?:\s+of\s+(?:the\s+)?
        (?:fiscal\s+(?:year\s+)?|calendar\s+(?:year\s+)?)?(?P<fm_y>20\d\d))?\b)
  | (?P<ms>\b(?P<ms_a>jan(?:uary)?|apr(?:il)?|jul(?:y)?|oct(?:ober)?)\.?\s?(?:[-–—]|\s(?:to|through)\s)\s?
        (?P<ms_b>mar(?:ch)?|jun(?:e)?|sep(?:t|tember)?|dec(?:ember)?)\.?(?:,?\s+(?P<ms_y>20\d\d))?\b)
  | (?P<fs>\b(?:(?:financial|fiscal)\s+year\s+|fy\s?)(?P<fs_a>20\d\d)\s?[/-]\s?(?P<fs_b>\d\d)(?!\d|[/.,-]\d)
        |\b(?P<fs_c>20\d\d)[/-](?P<fs_d>\d\d)(?!\d|[/.,-]\d)\s+(?:financial|fiscal)\s+year\b
        |\bfy\s?(?P<fs_e>\d\d)/(?P<fs_f>\d\d)(?!\d|[/.,-]\d))
  | (?P<fa>\bfull[\s-](?:fiscal[\s-])?year(?:\s+(?:of\s+)?"""
    + _FY
    + r"""(?P<fa_y>20\d\d))?\b)
  | (?P<fb>\b(?:fiscal(?:\s+year)?|FY|CY)\s?'?(?P<fb_y>20\d\d|\d\d)\b)
  | (?P<fc>\b(?:in|for|during|of|by|throughout|calendar|over)\s+(?:the\s+(?:end|close|rest)\s+of\s+)?
        (?:calendar\s+(?:year\s+)?)?(?P<fc_y>20\d\d)\b
        (?![-–/]|\s*(?:and|to|through)\s+20)
        |\b(?P<fd_y>20\d\d)\s+(?=rev(?:enue|\b)|sales|guidance|outlook|results|gross|operating)
        |\b(?:end|ending|ended|ends|clos(?:e|ed|es|ing)|exit(?:ed|ing|s)?|finish(?:ed|es|ing)?)
            (?:\s+out)?(?:\s+(?:of\s+)?(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?:year\s+)?|-)(?P<fe_y>20\d\d)\b
        |\b(?:fiscal\s+)?year\s+end(?:ing|ed)\s+(?:in\s+)?(?:jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|
            sep\w*|oct\w*|nov\w*|dec\w*)\.?\s+(?P<ff_y>20\d\d)\b)
  | (?P<rel_q>\b(?:last|prior|previous|preceding|sequential)\s+quarter\b
        |\bquarter[\s-]over[\s-]quarter\b|\bsequentially\b)
  | (?P<rel_y>\b(?:a\s+year\s+(?:ago|earlier|before)|year[\s-]ago(?:\s+(?:quarter|period))?|
        (?:the\s+)?prior[\s-]year\s+(?:quarter|period)
        |same\s+(?:quarter|period)\s+(?:of\s+|in\s+)?(?:last|a|the\s+prior|the\s+previous)\s+year)\b)
  | (?P<rel_fy>\b(?:last|prior|previous)\s+(?:fiscal\s+)?year\b)
  | (?P<ye>\b(?:by|at|before|until)\s+(?:the\s+)?(?:year[\s-]end|year['’]s\s+end|
        end\s+of\s+(?:the\s+)?(?:calendar\s+|fiscal\s+)?year)(?:\s+(?P<ye_y>20\d\d))?\b
        |\bby\s+(?:dec(?:ember)?\.?\s+31(?:st)?|31\s+dec(?:ember)?\.?)(?:,?\s+(?P<yd_y>20\d\d))?\b(?!,?\s+\d)
        |\b(?:by|at|before|until)\s+YE\s?'?(?P<yg_y>20\d\d|\d\d)\b)
  | (?P<bd>\bby\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?P<bd_m>[a-z]{3,9})
        |(?P<bd_m2>[a-z]{3,9})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+(?P<bd_y>20\d\d)\b)
  | (?P<qend>\b(?:at|by|as\s+of|until)\s+(?:the\s+)?(?:quarter[\s-]end|quarter['’]s\s+end)\b)
  | (?P<cur>\b(?:the|this|current)\s+(?:current\s+)?
        (?P<cur_k>quarter|half|fiscal\s+year|full\s+year(?!\s+(?:of\s+)?(?:fiscal\s+|calendar\s+)?20\d\d)|year)\b
        (?!\s+end(?:ed|ing)))
    """
)
# Lower-cased pattern on lower-cased text (see metrics._CUE_RE): far faster than IGNORECASE.
_PERIOD_LOWER: Final = _PERIOD_SOURCE.lower().replace("(?p<", "(?P<")
#: Each top-level alternative (one per line opening "  | (?P<") behind its own guard (see
#: `metrics._CUE_ALTERNATION`); another layout only makes one guard of the whole, no less exact.
_PERIOD_GUARDED: Final = "|".join(
    guard(part, re.VERBOSE, 3) + "(?:" + part + ")"
    for part in _PERIOD_LOWER.replace("\n  | (?P<", "\0(?P<").split("\0")
)
#: The guard look-ahead (see `prefix.guard`) lets the scan skip words no period phrase starts with.
_PERIOD: Final = re.compile(
    r"(?<![a-z0-9_])(?=[a-z0-9])" + guard(_PERIOD_LOWER, re.VERBOSE, 5) + "(?:" + _PERIOD_GUARDED + ")",
    re.VERBOSE,
)
#: For ASCII text (see `metrics._CUE_RE_ASCII`).
_PERIOD_ASCII: Final = re.compile(
    r"\b(?=[a-z0-9])" + guard(_PERIOD_LOWER, re.VERBOSE, 5) + "(?:" + _PERIOD_GUARDED + ")",
    re.VERBOSE | re.ASCII,
)
#: `_PERIOD_ASCII` reading the character before a phrase instead of testing `\b` there, run over the
#: text with a space put before it (a phrase may open the text): its leading class lets `re` skip
#: the characters inside words in a tight loop, where `\b` cost a match attempt at each (6% of the
#: period scan). Look-behinds inside the phrases see the same text but for the space.
_PERIOD_LED: Final = re.compile(
    r"[^a-z0-9_](?=[a-z0-9])" + guard(_PERIOD_LOWER, re.VERBOSE, 5) + "(?:" + _PERIOD_GUARDED + ")",
    re.VERBOSE | re.ASCII,
)


#: (A GPU's model name, "H100", "H200", "H20", is no half-year: "H1"/"H2" takes no digit after it.)

#: Nine months, which the vocabulary has no label for: "the nine months ended September 30, 2026",
#: "the nine-month period ended February 28, 2026" (whose "period ended" is no quarter's, see the
#: look-behind in `_PERIOD_SOURCE`), "the first nine months of 2026". Searched apart from `_PERIOD`,
#: only in a text with "nine" (a branch in the period scan cost every sentence).
_NINE_MONTHS: Final = re.compile(
    r"\b(?:first\s+)?nine[\s-]months?(?:\s+period)?\s+(?:then\s+)?end(?:ed|ing)\b|\bfirst\s+nine[\s-]months?\b"
)


#: Every match of `_PERIOD` and `_NINE_MONTHS` on lower-cased text holds one of these: "q" (Q3, 3Q,
#: quarter, sequentially), "h1"/"h2"/"1h"/"2h", "half", "month", a year ("20" of 20xx, which
#: every date and "in 2026"-style phrase holds), "year", "fiscal"/"fy", the first month of a
#: month span ("jan", "apr", "jul", "oct"). A third of the sentences asked about have none: a few
#: substring tests skip the scan of them.
_PERIOD_WORDS: Final[tuple[str, ...]] = (
    "20", "q", "year", "month", "half", "fiscal", "fy", "h1", "h2", "1h", "2h", "jan", "apr", "jul", "oct",
    "cy", "ye", "by dec", "by 31",
)  # fmt: skip


def _period_anycase() -> re.Pattern[str]:
    """The IGNORECASE scan, for the rare text whose lower-cased form is no stand-in: compiled
    on first use, not at every import (`re` keeps it cached)."""
    return re.compile(_PERIOD_SOURCE, re.VERBOSE | re.IGNORECASE)


class Period(Record):
    """A resolved fiscal period."""

    __slots__ = ("kind", "number", "year")

    kind: PeriodKind
    number: int  # quarter 1-4, half 1-2, 0 for a full year
    year: int

    def __init__(self, kind: PeriodKind, number: int, year: int) -> None:
        self.kind = kind
        self.number = number
        self.year = year

    def _key(self) -> tuple[object, ...]:
        return (self.kind, self.number, self.year)

    @property
    def label(self) -> str:
        if self.kind == "FY":
            return f"{self.year}-FY"
        return f"{self.year}-{self.kind}{self.number}"

    @property
    def end_month(self) -> int:
        """Calendar-like position of the period's end, to order periods."""
        if self.kind == "Q":
            return self.year * 12 + self.number * 3
        if self.kind == "H":
            return self.year * 12 + self.number * 6
        return self.year * 12 + 12


class Mention(Record):
    """A period phrase in a sentence, possibly missing its year or relative."""

    __slots__ = ("end", "kind", "number", "relative", "start", "year")

    kind: PeriodKind | None  # None: "the quarter"-style reference to the current period
    number: int
    year: int | None
    relative: Relative
    start: int
    end: int

    def __init__(
        self, kind: PeriodKind | None, number: int, year: int | None, relative: Relative, start: int, end: int
    ) -> None:
        self.kind = kind
        self.number = number
        self.year = year
        self.relative = relative
        self.start = start
        self.end = end

    def _key(self) -> tuple[object, ...]:
        return (self.kind, self.number, self.year, self.relative, self.start, self.end)


class FiscalCalendar(Record):
    """The issuer's fiscal year, as its document states it: the month the year ends in and how its years
    are named. "fiscal first quarter ended August 31, 2025" of a year ending May 31, 2026 is 2026-Q1 (a
    fiscal year is named by the calendar year it ends in, `shift` 0); "Fiscal 2026 ends January 31, 2027"
    names a year by the year it starts in (`shift` -1)."""

    __slots__ = ("end", "issuer", "shift")

    end: int  # 1-12: the month the fiscal year ends in; 12 is the calendar year
    shift: int  # the label's year minus the calendar year the fiscal year ends in: 0 or -1
    #: The issuer's name, lower-cased ("" when unknown): a period ended on a date that a sentence gives
    #: as another company's ("Halvor's quarter ended August 31") is dated by the calendar, not by this.
    issuer: str

    def __init__(self, end: int, shift: int = 0, issuer: str = "") -> None:
        self.end = end
        self.shift = shift
        self.issuer = issuer

    def _key(self) -> tuple[object, ...]:
        return (self.end, self.shift, self.issuer)


#: A December year end: date-ended periods are the calendar's quarters, halves and years.
CALENDAR_YEAR: Final = FiscalCalendar(12)


def _month_end(day: int, month: int, year: int) -> tuple[int, int]:
    """The month end nearest a period's last day. A 52/53-week year ends on a weekday near a month's
    end: "quarter ended October 26, 2026" is October's quarter, "year ended January 3, 2027" the year
    to December 2026 (a last day in a month's first week is the month before's end)."""
    if day > 7:
        return month, year
    return (12, year - 1) if month == 1 else (month - 1, year)


def _fiscal_end_year(month: int, year: int, end: int) -> int:
    """The calendar year that the fiscal year ending in month `end` and holding `month` of `year` ends in."""
    return year if month <= end else year + 1


def _year_end_of_quarter(number: int, month: int) -> int:
    """The month a fiscal year ends in whose quarter `number` ends in `month`: a first quarter to August
    is of a year to May, a third quarter to October of a year to January."""
    return (month - 1 + 3 * (4 - number)) % 12 + 1


#: A company named as the subject or owner of a period in the words before it: "Halvor's quarter ended",
#: "Halvor Networks reported revenue of $2.1 billion for its quarter ended".
_OWNER_BEFORE: Final = re.compile(
    r"(?P<name>[A-Z][\w&-]*(?:\s+[A-Z][\w&.-]*)*)(?:['’]s\b|\s+(?:also\s+)?(?:reported|posted|announced|"
    r"recorded|generated|booked|delivered|said|disclosed)\b)"
)


def _anothers(text: str, start: int, issuer: str) -> bool:
    """Is the period phrase at `start` another company's, its own clause naming that company ("By
    comparison, Halvor's fiscal quarter ended August 31, 2025 ...", "Halvor reported revenue of $2.1
    billion for the quarter ended August 31, 2025")? Then the issuer's fiscal calendar does not date it.
    When the issuer's name is unknown (`issuer` ""), no other company can be told from it: the issuer's."""
    if not issuer:
        return False
    before = text[max(0, start - 160) : start]
    cut = max(before.rfind(". "), before.rfind("; "), before.rfind("\n"))
    before = before[cut + 1 :]
    if issuer in before.lower():
        return False
    for m in _OWNER_BEFORE.finditer(before):
        name = m.group("name").lower()
        if issuer not in name and name.split(" ")[0] not in _NOT_OWNERS:
            return True
    return False


#: Capitalised words that open a clause and name no other company: "The Company reported", "Revenue
#: reported for the quarter ended", "We reported".
_NOT_OWNERS: Final = frozenset(
    (
        "the", "company", "we", "it", "they", "our", "its", "management", "group", "revenue", "revenues",
        "sales", "net", "total", "gross", "adjusted", "operating", "results", "this", "in", "for", "during",
    )
)  # fmt: skip


def _fiscal_quarter(month: int, year: int, calendar: FiscalCalendar, text: str, s: int, e: int) -> Mention:
    """The quarter that "three months ended" or "quarter ended" the end of `month` names: the issuer's
    fiscal quarter when its fiscal year's quarters end then ("three months ended August 31, 2025" of a
    year to May is 2026-Q1), else the calendar's ("quarter ended September 30, 2026" is 2026-Q3)."""
    end = calendar.end
    if end != 12 and (month - end) % 3 == 0 and not _anothers(text, s, calendar.issuer):
        number = (month - end - 1) % 12 // 3 + 1
        return Mention("Q", number, _fiscal_end_year(month, year, end) + calendar.shift, "none", s, e)
    return Mention("Q", (month - 1) // 3 + 1, year, "none", s, e)


def _month_span(
    months: int, last: int, year: int | None, calendar: FiscalCalendar, text: str, s: int, e: int
) -> Mention:
    """A span of `months` months to the month `last` ("April-June 2026", "January-June 2026"): the
    issuer's fiscal quarter, half or year ending then where its stated calendar has one ("April-June
    2026" of a year to March 2027 is 2027-Q1, "April-September 2026" 2027-H1), else the calendar's
    ("April-June 2026" is 2026-Q2, "January-December 2026" 2026-FY); a span that is neither
    ("January-September 2026") is a period with no label."""
    fy_end = calendar.end
    step = 3 if months == 3 else 6 if months == 6 else 12 if months == 12 else 0
    if step and fy_end != 12 and (last - fy_end) % step == 0 and not _anothers(text, s, calendar.issuer):
        fiscal = None if year is None else _fiscal_end_year(last, year, fy_end) + calendar.shift
        if step == 12:
            return Mention("FY", 0, fiscal, "none", s, e)
        kind: PeriodKind = "Q" if step == 3 else "H"
        return Mention(kind, (last - fy_end - 1) % 12 // step + 1, fiscal, "none", s, e)
    if step == 3:
        return Mention("Q", last // 3, year, "none", s, e)
    if step == 6 and last % 6 == 0:
        return Mention("H", last // 6, year, "none", s, e)
    if step == 12 and last == 12:
        return Mention("FY", 0, year, "none", s, e)
    return Mention(None, 0, None, "unlabelled", s, e)


def fiscal_year_of(month_name: str, year: int, calendar: FiscalCalendar) -> int:
    """The label year of the issuer's fiscal year that holds a month of `year` ("June" 2026 of a year to
    March 2027: 2027), as its `calendar` names years; the year itself for a calendar year."""
    month = _month(month_name)
    if calendar.end == 12 or month is None:
        return year
    return _fiscal_end_year(month, year, calendar.end) + calendar.shift


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    value = int(raw)
    return value + 2000 if value < 100 else value


def _month(name: str | None) -> int | None:
    if not name:
        return None
    return _MONTHS.get(name[:3].lower())


def _half_ended(
    month: int, year: int, start: int, end: int, calendar: FiscalCalendar = CALENDAR_YEAR, text: str = ""
) -> Mention:
    """The half that "six months ended" a month names: the issuer's half ending then. Where the document
    states its fiscal calendar and the date ends one of its halves, that half: to November 30, 2025 of a
    year to May 2026 is 2026-H1, to May 31, 2026 is 2026-H2. Otherwise six months are reported as a half
    year in interim reports, so a half ending in January to November is the first half of the fiscal
    year ending six months later, named (as "FY27" names the year to March 2027) by the year it ends
    in: to June 2026 is 2026-H1 (a calendar year), to September 2026 the first half of the year to March
    2027, 2027-H1; to January 2026 that of the year to July 2026. A half to December is a calendar
    year's second half."""
    fy_end = calendar.end
    if fy_end != 12 and (month - fy_end) % 6 == 0 and not _anothers(text, start, calendar.issuer):
        number = 2 if month == fy_end else 1
        fiscal = _fiscal_end_year(month, year, fy_end) + calendar.shift
        return Mention("H", number, fiscal, "none", start, end)
    if month == 12:
        return Mention("H", 2, year, "none", start, end)
    return Mention("H", 1, year if month <= 6 else year + 1, "none", start, end)


def _labelled_elsewhere(low: str, start: int, end: int) -> bool:
    """Is the fiscal year "ending March 31, 2027" at `start`..`end` glossed by the issuer's own label in
    brackets beside it: "FY2026 (fiscal year ending March 31, 2027)", "the Fiscal Year Ending March 31,
    2027 (1H FY2026)"? A Japanese-style issuer names its year by the year it starts in; the label it
    prints is the period it means, and the year-end date only explains it."""
    after = low[end : end + 24]
    if after.startswith(" (") or after.startswith("("):
        # (A half's own label too: "six months ended 30 September 2026 ("H1 FY27")".)
        inside = after[: after.find(")")] if ")" in after else after
        return "fy" in inside or "fiscal" in inside or "h1" in inside or "1h" in inside or "half" in inside
    before = low[max(0, start - 16) : start].rstrip()
    return before.endswith("(") and ("fy" in before or "fiscal" in before)


def find_mentions(
    text: str, low: str | None = None, dated_from: int = -1, calendar: FiscalCalendar = CALENDAR_YEAR
) -> list[Mention]:
    """Every period phrase in `text`, left to right (`low` is `text.lower()` when known); a period ended
    on a date is named by the issuer's fiscal `calendar` (see `FiscalCalendar`).

    With `dated_from` >= 0, the phrases from that offset on up to the first that names its year
    ("Q3 2026", not "the quarter"), and no "nine months" ones: a document's year is read from the
    first such phrase near its top, and the scan of the rest of the top is then not needed.
    """
    out: list[Mention] = []
    if low is None:
        low = text.lower()
    if len(low) == len(text) and not any(word in low for word in _PERIOD_WORDS):
        return out  # no period phrase can be there (see `_PERIOD_WORDS`)
    pos = max(0, dated_from)
    # ASCII text is scanned with a space put before it (see `_PERIOD_LED`): a match then opens on the
    # character before its phrase, at the phrase's own offset in `text`, and ends one further on.
    if text.isascii():
        pattern, subject, shift = _PERIOD_LED, " " + low, 1
    elif len(low) == len(text):
        pattern, subject, shift = _PERIOD, low, 0
    else:
        pattern, subject, shift = _period_anycase(), text, 0
    while True:
        # (Searched again from each match's end, not `finditer`'s: the next phrase may open right where
        # a match ends, its leading character the match's last.)
        m = pattern.search(subject, pos)
        if m is None:
            break
        g = m.group
        s, e = m.start(), m.end() - shift
        pos = e
        # Each alternative is one outer named group, so `lastgroup` names the one that matched.
        top = m.lastgroup
        if top == "qa":
            out.append(Mention("Q", int(g("qa_n")), _year(g("qa_y")), "none", s, e))
        elif top == "qb":
            out.append(Mention("Q", int(g("qb_n")), _year(g("qb_y")), "none", s, e))
        elif top == "qy":
            out.append(Mention("Q", _ORD[g("qy_o").lower()], _year(g("qy_y")), "none", s, e))
        elif top == "qc":
            number = _ORD[g("qc_o").lower()]
            year = _year(g("qc_y"))
            if year is None and (g("rdyear") or g("rdyear2")):
                # "the first quarter of the fiscal year ending March 31, 2027": that fiscal year's.
                year = _year_ending(m, "r", calendar, text)
            if year is None and (g("qdyear") or g("qdyear2")):
                year = _stated_quarter_year(number, m, calendar, text)
            out.append(Mention("Q", number, year, "none", s, e))
        elif top == "ha":
            year = _year(g("ha_y"))
            if year is None and (g("hdyear") or g("hdyear2")):
                year = _year_ending(m, "h", calendar, text)
            out.append(Mention("H", _ORD[g("ha_o").lower()], year, "none", s, e))
        elif top == "hb":
            number = int(g("hb_n") or g("hc_n"))
            out.append(Mention("H", number, _year(g("hb_y") or g("hc_y")), "none", s, e))
        elif top == "ended":
            month = _month(g("emon") or g("emon2"))
            year = _year(g("edyear") or g("edyear2"))
            if month is None or year is None:
                continue
            if (g("en_fy") or g("en_h")) and _labelled_elsewhere(low, s, e):
                continue
            month, year = _month_end(int(g("eday") or g("eday2")), month, year)
            if g("en_q") or g("en_qq") or g("en_p"):
                out.append(_fiscal_quarter(month, year, calendar, text, s, e))
            elif g("en_h"):
                out.append(_half_ended(month, year, s, e, calendar, text))
            elif month == calendar.end and calendar.shift and not _anothers(text, s, calendar.issuer):
                # "the fiscal year ended January 31, 2026" of an issuer whose "Fiscal 2026 ends January
                # 31, 2027": fiscal 2025.
                out.append(Mention("FY", 0, year + calendar.shift, "none", s, e))
            else:
                out.append(Mention("FY", 0, year, "none", s, e))
        elif top == "fm":
            # "the first three months of 2026" is its first quarter, "the first six months" its first half.
            kind: PeriodKind = "Q" if g("fm_q") else "H"
            out.append(Mention(kind, 1, _year(g("fm_y")), "none", s, e))
        elif top == "ms":
            first, last = _MONTHS[g("ms_a")[:3].lower()], _MONTHS[g("ms_b")[:3].lower()]
            out.append(_month_span((last - first) % 12 + 1, last, _year(g("ms_y")), calendar, text, s, e))
        elif top == "fs":
            # "financial year 2026/27", "FY2026-27", "the 2026/27 financial year", "FY26/27": the year
            # ending in 2027.
            first = int(g("fs_a") or g("fs_c") or 2000 + int(g("fs_e")))
            second = int(g("fs_b") or g("fs_d") or g("fs_f"))
            if second != (first + 1) % 100:
                continue
            out.append(Mention("FY", 0, first + 1, "none", s, e))
        elif top == "fa":
            out.append(Mention("FY", 0, _year(g("fa_y")), "none", s, e))
        elif top == "fb":
            out.append(Mention("FY", 0, _year(g("fb_y")), "none", s, e))
        elif top == "fc":
            year = _year(g("fc_y") or g("fd_y") or g("fe_y") or g("ff_y"))
            out.append(Mention("FY", 0, year, "none", s, e))
        elif top == "rel_q":
            out.append(Mention(None, 0, None, "prev_quarter", s, e))
        elif top == "rel_y":
            out.append(Mention(None, 0, None, "year_ago", s, e))
        elif top == "rel_fy":
            out.append(Mention("FY", 0, None, "prev_year", s, e))
        elif top == "ye":
            # "by year-end 2026", "by December 31, 2026": the year named; "by year-end": the current one.
            ye_y = _year(g("ye_y") or g("yd_y") or g("yg_y"))
            out.append(
                Mention("FY", 0, ye_y, "none", s, e) if ye_y else Mention("FY", 0, None, "current", s, e)
            )
        elif top == "bd":
            # "by 31 March 2027": the end of a fiscal year only for an issuer whose year ends in March.
            month = _month(g("bd_m") or g("bd_m2"))
            if month is not None:
                out.append(Mention("FY", month, _year(g("bd_y")), "deadline", s, e))
        elif top == "qend":
            # "capacity at quarter-end was 810 MW", "at the quarter's end": the quarter reported on, as
            # "at the end of the quarter" is.
            out.append(Mention("Q", 0, None, "current", s, e))
        elif top == "cur":
            k = g("cur_k").lower()
            if k == "quarter":
                out.append(Mention("Q", 0, None, "current", s, e))
            elif k == "half":
                out.append(Mention("H", 0, None, "current", s, e))
            else:
                out.append(Mention("FY", 0, None, "current", s, e))
        if dated_from >= 0 and out and out[-1].year is not None and out[-1].relative == "none":
            return out
    if dated_from < 0 and "nine" in low and len(low) == len(text):
        nine = [Mention(None, 0, None, "unlabelled", m.start(), m.end()) for m in _NINE_MONTHS.finditer(low)]
        if nine:
            out = sorted(out + nine, key=lambda x: x.start)
    return out


def _year_ending(m: re.Match[str], p: str, calendar: FiscalCalendar, text: str) -> int:
    """The fiscal year "ending March 31, 2027" names (group prefix `p`): the year it ends in, or as the
    issuer names its years when its calendar says so (see `FiscalCalendar`)."""
    g = m.group
    year = int(g(p + "dyear") or g(p + "dyear2"))
    month = _month(g(p + "mon") or g(p + "mon2"))
    if month == calendar.end and calendar.shift and not _anothers(text, m.start(), calendar.issuer):
        year += calendar.shift
    return year


def _stated_quarter_year(number: int, m: re.Match[str], calendar: FiscalCalendar, text: str) -> int:
    """The fiscal year of "the <ordinal> quarter ended <date>": the year that quarter is of, named by the
    calendar year it ends in ("fiscal first quarter ended August 31, 2025" is of the year to May 2026:
    2026), or as the issuer names its years when its calendar says so."""
    g = m.group
    month = _month(g("qmon") or g("qmon2")) or 12
    year = int(g("qdyear") or g("qdyear2") or 0)
    month, year = _month_end(int(g("qday") or g("qday2") or 28), month, year)
    fy_end = _year_end_of_quarter(number, month)
    fiscal = _fiscal_end_year(month, year, fy_end)
    if fy_end == calendar.end and not _anothers(text, m.start(), calendar.issuer):
        fiscal += calendar.shift
    return fiscal


def resolve(mention: Mention, context: Period | None, default_year: int | None) -> Period | None:
    """Turn a mention into a period using the current context where it is incomplete."""
    if mention.relative in ("unlabelled", "deadline"):
        return None
    if mention.relative == "prev_quarter":
        if context is None or context.kind != "Q":
            return None
        if context.number == 1:
            return Period("Q", 4, context.year - 1)
        return Period("Q", context.number - 1, context.year)
    if mention.relative == "year_ago":
        if context is None:
            return None
        return Period(context.kind, context.number, context.year - 1)
    if mention.relative == "prev_year":
        base = context.year if context else default_year
        return Period("FY", 0, base - 1) if base else None
    if mention.relative == "current":
        if context is None:
            return None
        if mention.kind == "Q":
            return context if context.kind == "Q" else None
        if mention.kind == "H":
            return context if context.kind == "H" else None
        return Period("FY", 0, context.year)
    assert mention.kind is not None
    year = mention.year
    if year is None:
        year = context.year if context else default_year
    if year is None:
        return None
    return Period(mention.kind, mention.number, year)


def _ldate(p: str) -> str:
    """A date in lower-cased text, "august 31, 2025" or "30 september 2025", its parts named with `p`."""
    return (
        rf"(?:(?P<{p}d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<{p}m>[a-z]{{3,9}})\.?"
        rf"|(?P<{p}m2>[a-z]{{3,9}})\.?\s+(?P<{p}d2>\d{{1,2}})(?:st|nd|rd|th)?,?)\s+(?P<{p}y>20\d\d)"
    )


_LORD: Final = r"first|second|third|fourth|1st|2nd|3rd|4th"
#: A fiscal year's label before its year: "fiscal 2026", "fiscal year 2026", "FY26", "F2026".
_LFY: Final = r"(?:fiscal(?:\s+year)?\s+|fy\s?|f)'?"
#: Where a document states its fiscal calendar (lower-cased), each alternative one shape:
#: qe: a quarter's label, then its end: "fiscal first quarter ended August 31, 2025", "the first quarter of
#:     fiscal 2026, which ended August 31, 2025", "Q3 FY27 ended October 31, 2026", "first-quarter revenue -
#:     that's the period ended September 26, 2026";
#: eq: a quarter's end, then its label: "the quarter ended October 31, 2026, the third quarter of its
#:     fiscal 2027", "three months ended June 30, 2026 ("Q2 F2026")";
#: ye: a year's end: "fiscal year ending March 31, 2027", "fiscal 2027 ends January 31, 2027", "For fiscal
#:     2026, which ended July 31, 2026", "FY27 = twelve months ending January 31, 2027", glossed by its label
#:     or not: "Fiscal Year Ending March 31, 2027 (1H FY2026)";
#: hy: a half's end: "six months ended 30 September 2026 ("H1 FY27")", "six-month period ended ...";
#: ym: a year's end month alone: "Our fiscal year ends in January.";
#: lq: a fiscal quarter's label and, later in its sentence, its three months' end: "Q1 FY26 revenue of
#:     $82 million for the three months ended 30 September 2025" (`_COMPARED` words between: no pair).
_CALENDAR_SOURCE: Final = (
    r"""
    (?P<qe>\b(?:fiscal\s+)?(?:(?P<qe_o>"""
    + _LORD
    + r""")[\s-](?:fiscal[\s-])?quarter|f?q(?P<qe_n>[1-4])|(?P<qe_n2>[1-4])q)
        (?:\s*,?\s*(?:of\s+)?(?:the\s+|its\s+|our\s+)?"""
    + _LFY
    + r"""(?P<qe_y>20\d\d|\d\d)\b|\s+(?:of\s+)?(?P<qe_y2>20\d\d))?
        (?:\s*,?\s+(?:which\s+|that\s+)?(?:was\s+|is\s+)?
          |(?:\s+(?:revenue|results))?\s*(?:,|[-–—]+|\()\s*(?:that['’]?s\s+|which\s+(?:is|was)\s+|i\.e\.,?\s+)?
            the\s+(?:period|quarter|(?:three|3)[\s-]months?)\s+)
        end(?:ed|ing|s)\s+(?:on\s+)?"""
    + _ldate("qe")
    + r""")
  | (?P<eq>\b(?:quarter|(?:three|3)[\s-]months?(?:\s+period)?|period)\s+end(?:ed|ing)\s+(?:on\s+)?"""
    + _ldate("eq")
    + r"""(?:\s*,\s*(?:which\s+(?:was|is)\s+|being\s+)?|\s*\(\s*["“']?|\s+[-–—]+\s+|\s*[–—]\s*)
        (?:the\s+|its\s+|our\s+)?
        (?:(?:fiscal\s+)?(?P<eq_o>"""
    + _LORD
    + r""")[\s-](?:fiscal[\s-])?quarter\s*,?\s*(?:of\s+)?(?:the\s+|its\s+|our\s+)?
            (?:"""
    + _LFY
    + r"""(?P<eq_y>20\d\d|\d\d)|(?P<eq_y2>20\d\d))
          |f?q(?P<eq_n>[1-4])\s*(?:of\s+)?(?:"""
    + _LFY
    + r""")?(?P<eq_y3>20\d\d|\d\d)
          |(?P<eq_n2>[1-4])q\s*(?:fy\s?|f)?'?(?P<eq_y4>20\d\d|\d\d))\b)
  | (?P<ye>\b(?:(?:fiscal|financial)(?:\s+year)?\s+(?P<ye_y>20\d\d)|fy\s?'?(?P<ye_y2>20\d\d|\d\d))
            (?:\s*,\s*|\s+)(?:which\s+)?(?:=\s*|is\s+)?(?:the\s+)?(?:(?:twelve|12)[\s-]months\s+)?
        end(?:s|ed|ing)\s+(?:on\s+)?"""
    + _ldate("ye")
    + r"""
      |\b(?:fiscal\s+|financial\s+)?year\s+end(?:s|ed|ing)\s+(?:on\s+)?"""
    + _ldate("yd")
    + r"""(?:\s*\(\s*["“]?(?:[12]h\s?|h[12]\s?)?(?:fy\s?'?|fiscal\s+(?:year\s+)?)(?P<yd_gy>20\d\d|\d\d)
            (?:/(?P<yd_gy2>\d\d))?\b)?)
  | (?P<hy>\b(?:six|6)[\s-]months?(?:\s+period)?\s+end(?:ed|ing)\s+(?:on\s+)?"""
    + _ldate("hy")
    + r"""(?:\s*\(\s*["“]?(?:h(?P<hy_n>[12])|(?P<hy_n2>[12])h)\s?(?:fy\s?|f)?'?(?P<hy_y>20\d\d|\d\d)\b)?)
  | (?P<ym>\b(?:fiscal|financial)\s+years?\s+(?:ends?|ending)\s+(?:in\s+|on\s+)?
        (?P<ym_m>january|february|march|april|may|june|july|august|september|october|november|december)\b)
  | (?P<lq>\b(?:f?q(?P<lq_n>[1-4])|(?P<lq_n2>[1-4])q|(?P<lq_o>"""
    + _LORD
    + r""")[\s-](?:fiscal[\s-])?quarter(?:\s+of)?)\s*"""
    + _LFY
    + r"""(?P<lq_y>20\d\d|\d\d)\b(?P<lq_gap>(?:[^.;\n]|\.\d){0,160}?)
        \b(?:(?:three|3)[\s-]months?|quarter)\s+end(?:ed|ing)\s+(?:on\s+)?"""
    + _ldate("lq")
    + r""")
    """
)
#: The guard look-ahead (see `prefix.guard`) lets the scan skip the words no statement starts with.
_CALENDAR_STATED: Final = re.compile(
    r"\b(?=[a-z0-9])" + guard(_CALENDAR_SOURCE, re.VERBOSE, 5) + "(?:" + _CALENDAR_SOURCE + ")", re.VERBOSE
)
#: Words between a quarter's label and a date that make the date another period's: "Q1 FY26 revenue was
#: $82 million, compared with $61 million for the three months ended 30 September 2024".
_COMPARED: Final = (
    "compar", "versus", " vs", "prior", "previous", "last", "year ago", "year-ago", " from ", "against",
)  # fmt: skip
#: A fiscal year's label just before a bracket: "FY2026 (fiscal year ending March 31, 2027)".
_LABEL_BEFORE: Final = re.compile(r"(?:fy\s?'?|fiscal\s+(?:year\s+)?)(?P<y>20\d\d|\d\d)\s*\(\s*$")


def _stated_date(m: re.Match[str], p: str) -> tuple[int, int] | None:
    """The (month, year) of the month end nearest the date named with `p` (see `_month_end`)."""
    month = _month(m.group(p + "m") or m.group(p + "m2"))
    if month is None:
        return None
    return _month_end(int(m.group(p + "d") or m.group(p + "d2")), month, int(m.group(p + "y")))


def _stated(m: re.Match[str], head_low: str) -> tuple[int, int | None] | None:
    """What one statement of `_CALENDAR_STATED` says: the month the fiscal year ends in and, when it
    names a fiscal year by its label, how labels are named (see `FiscalCalendar.shift`)."""
    g = m.group
    top = m.lastgroup
    label: int | None = None
    if top == "ym":
        return _MONTHS[g("ym_m")[:3]], None
    if top in ("qe", "eq", "lq"):
        assert top is not None
        date = _stated_date(m, top)
        if date is None:
            return None
        if top == "qe":
            number = _ORD[g("qe_o")] if g("qe_o") else int(g("qe_n") or g("qe_n2"))
            label = _year(g("qe_y") or g("qe_y2"))
        elif top == "eq":
            number = _ORD[g("eq_o")] if g("eq_o") else int(g("eq_n") or g("eq_n2"))
            label = _year(g("eq_y") or g("eq_y2") or g("eq_y3") or g("eq_y4"))
        else:
            if any(w in g("lq_gap") for w in _COMPARED):
                return None
            number = _ORD[g("lq_o")] if g("lq_o") else int(g("lq_n") or g("lq_n2"))
            label = _year(g("lq_y"))
        end = _year_end_of_quarter(number, date[0])
    elif top == "ye":
        date = _stated_date(m, "ye") if g("yem") or g("yem2") else _stated_date(m, "yd")
        if date is None:
            return None
        end = date[0]
        # ("FY25/26" is named by the year it ends in.)
        label = _year(g("ye_y") or g("ye_y2") or g("yd_gy2") or g("yd_gy"))
        if label is None:
            before = _LABEL_BEFORE.search(head_low, max(0, m.start() - 24), m.start())
            label = _year(before.group("y")) if before else None
    elif top == "hy":
        date = _stated_date(m, "hy")
        if date is None:
            return None
        half = int(g("hy_n") or g("hy_n2") or (2 if date[0] == 12 else 1))
        end = date[0] if half == 2 else (date[0] + 5) % 12 + 1
        label = _year(g("hy_y"))
    else:
        return None
    if label is None:
        return end, None
    shift = label - _fiscal_end_year(date[0], date[1], end)
    # A label a year after the year's end, or one off a calendar year, pairs a period with another's date.
    return end, (shift if shift in (0, -1) and not (end == 12 and shift) else None)


def fiscal_calendar(head_low: str, issuer: str | None = None) -> FiscalCalendar:
    """The issuer's fiscal calendar as the document's lower-cased top states it (see `_CALENDAR_STATED`):
    the month its year ends in is the first one stated; its years are named by the year they end in unless
    a label the text pairs with a date says otherwise ("Fiscal 2026 ends January 31, 2027": named by the
    year they start in). A calendar year when none is stated. `issuer` is the document's company."""
    end = 0
    shift: int | None = None
    for a, b in _end_windows(head_low):
        for m in _CALENDAR_STATED.finditer(head_low, a, b):
            stated = _stated(m, head_low)
            if stated is None:
                continue
            if not end:
                end = stated[0]
                if end == 12:
                    return CALENDAR_YEAR  # a December year end: no label of it can shift a date
            if stated[0] == end and stated[1] is not None:
                shift = stated[1]
                break
        if shift is not None:
            break
    if not end:
        return CALENDAR_YEAR
    return FiscalCalendar(end, shift or 0, (issuer or "").split(" ")[0].lower())


#: How far a statement of `_CALENDAR_STATED` reaches before and after its "end" word: the longest, a
#: label and its sentence's three months' end (`lq`), runs some 210 characters before; a date and a label
#: after it some 90.
_BEFORE_END: Final = 230
_AFTER_END: Final = 100


def _end_windows(low: str) -> list[tuple[int, int]]:
    """The spans of `low` around its "end" words (merged where they meet): every statement of the
    calendar holds one ("ended", "ending", "ends"), and a release's top has a few, so the scan of the
    statements is kept to them, not run over every word of the top."""
    spans: list[tuple[int, int]] = []
    i = low.find("end")
    while i >= 0:
        a, b = max(0, i - _BEFORE_END), i + _AFTER_END
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
        i = low.find("end", i + 3)
    return spans


def deadline_period(mention: Mention, calendar: FiscalCalendar) -> Period | None:
    """ "by 31 March 2027" in the report of an issuer whose year ends in March: that fiscal year."""
    if mention.relative != "deadline" or mention.number != calendar.end or mention.year is None:
        return None
    return Period("FY", 0, mention.year + calendar.shift)
