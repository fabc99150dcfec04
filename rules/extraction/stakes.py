"""Equity a partner buys from the company: money raised, with the buyer as its counterparty.

A customer or partner's strategic investment is told as the buyer's act, with no financing
word: "Vela will take a $180 million stake in Halvern by buying newly issued shares", "Vela
agreed to buy $180 million of newly issued Halvern stock", "Vela will make a $180 million
equity investment in Halvern", "Halvern will sell $180 million of newly issued shares to
Vela". Each is equity financing of the company the document is about, the buyer its
counterparty. The same shapes with another company as the target ("Halvern will buy a $50
million stake in Ostrava Power") are the company's own investment, not money it raised.

A sum split into parts ("a $400 million investment by Vela, made up of $250 million of common
stock … and a $150 million unsecured loan") is read part by part: each part is financing from
the same investor, with its own instrument (see `components`).
"""

from __future__ import annotations

import re
from typing import Final

from rules.extraction.counterparties import is_same_company, name_at, subject_before

_AMOUNT_WORDS: Final = (
    r"(?:approximately\s+|about\s+|roughly\s+|nearly\s+|around\s+|up\s+to\s+|an\s+additional\s+)?"
)

#: "take a", "bought an" before the amount of a stake.
_STAKE_VERB: Final = re.compile(
    r"\b(?:take|takes|took|taking|acquire[sd]?|acquiring|buy|buys|bought|buying|purchase[sd]?|purchasing)\s+an?\s+"
    + _AMOUNT_WORDS
    + "$",
    re.IGNORECASE,
)
_STAKE_AFTER: Final = re.compile(
    r"\s+(?:(?:equity|minority|strategic|direct)\s+)*(?:stake|interest|shareholding)\s+in\s+", re.IGNORECASE
)
#: "buy", "subscribe for" before the amount of new shares.
_BUY_VERB: Final = re.compile(
    r"\b(?:buy|buys|bought|buying|purchase[sd]?|purchasing|acquire[sd]?|acquiring|subscribe[sd]?\s+(?:for|to)|"
    r"subscribing\s+(?:for|to))\s+" + _AMOUNT_WORDS + "$",
    re.IGNORECASE,
)
#: "… of newly issued Halvern stock", "… of new common shares": shares the issuer creates.
_NEW_SHARES_AFTER: Final = re.compile(
    r"\s+(?:worth\s+)?of\s+(?:(?:the\s+company(?:'s|’s)|its|our|their)\s+)?(?i:newly[\s-]issued|new(?:ly)?\s+issued|new)\s+"
    r"(?:(?P<issuer>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+)?"
    r"(?i:(?:common\s+|ordinary\s+|class\s+[a-z]\s+|preferred\s+)?(?:shares|stock))\b"
)
#: "make a" before the amount of an investment; "invest" before the amount invested.
_MAKE_VERB: Final = re.compile(r"\b(?:make|makes|made|making)\s+an?\s+" + _AMOUNT_WORDS + "$", re.IGNORECASE)
_INVESTMENT_AFTER: Final = re.compile(
    r"\s+(?:(?:strategic|direct|minority|additional)\s+)*(?:equity\s+)?investment\s+in\s+", re.IGNORECASE
)
_INVEST_VERB: Final = re.compile(r"\binvest(?:s|ed|ing)?\s+" + _AMOUNT_WORDS + "$", re.IGNORECASE)
_IN_AFTER: Final = re.compile(r"\s+in\s+", re.IGNORECASE)
#: "sell", "issue" before the amount of shares sold to a named buyer.
_SELL_VERB: Final = re.compile(
    r"\b(?:sell|sells|sold|selling|issue[sd]?|issuing)\s+" + _AMOUNT_WORDS + "$", re.IGNORECASE
)
_SHARES_TO_AFTER: Final = re.compile(
    r"\s+(?:worth\s+)?of\s+(?:(?:its|our)\s+)?(?:newly[\s-]issued\s+|new\s+)?(?:common\s+|ordinary\s+|class\s+[a-z]\s+)?"
    r"(?:shares|stock)\b[^.;$]{0,40}?\bto\s+",
    re.IGNORECASE,
)
#: The company itself as the target, unnamed: "a stake in the company", "invest … in us".
_SELF_TARGET: Final = re.compile(r"(?:the\s+company|the\s+firm|us|it)\b", re.IGNORECASE)

#: Buyers that name no one: "to institutional investors", "to existing shareholders".
_CROWDS: Final = (
    "investors", "shareholders", "stockholders", "holders", "purchasers", "underwriters", "public"
)  # fmt: skip


#: Stems of the verbs the shapes put before the amount: looked for in the 30 characters before it
#: first (one scan, before the five patterns).
VERB_STEM: Final = re.compile(r"tak|took|buy|bought|purchas|acquir|subscrib|mak|made|invest|sell|sold|issu")


def _is_target(s: str, at: int, company: str | None) -> bool:
    """The company the document is about is named (or referred to) at `at`."""
    name = name_at(s, at)
    if name is not None:
        return is_same_company(name, company)
    return _SELF_TARGET.match(s, at) is not None


def _buyer_before(s: str, verb: int, company: str | None) -> str | None:
    """The subject of the buying verb: the last name before it, in its own clause."""
    floor = max(s.rfind(";", 0, verb), s.rfind(". ", 0, verb)) + 1
    return subject_before(s, verb, company, floor)


#: What `stake_bought` finds: equity the company sold to a buyer, or equity it bought in another.
SOLD: Final = "sold"
BOUGHT_ELSEWHERE: Final = "elsewhere"


def stake_bought(s: str, start: int, end: int, company: str | None) -> tuple[str, str | None]:
    """Is the amount at [start, end) equity a buyer takes in the company (`SOLD`, with the buyer),
    or equity the company takes in another (`BOUGHT_ELSEWHERE`)? "" when neither. (The caller
    screens first: a `VERB_STEM` in the 30 characters before the amount.)"""
    before = s[max(0, start - 60) : start]
    base = max(0, start - 60)
    verb = _STAKE_VERB.search(before)
    if verb is not None:
        after = _STAKE_AFTER.match(s, end)
        if after is None:
            return "", None
        if _is_target(s, after.end(), company):
            return SOLD, _buyer_before(s, base + verb.start(), company)
        return BOUGHT_ELSEWHERE, None
    verb = _BUY_VERB.search(before)
    if verb is not None:
        after = _NEW_SHARES_AFTER.match(s, end)
        if after is None:
            return "", None
        issuer = after.group("issuer")
        if issuer is None or is_same_company(issuer, company):
            return SOLD, _buyer_before(s, base + verb.start(), company)
        return BOUGHT_ELSEWHERE, None
    verb = _MAKE_VERB.search(before)
    after = _INVESTMENT_AFTER.match(s, end) if verb is not None else None
    if verb is None:
        verb = _INVEST_VERB.search(before)
        after = _IN_AFTER.match(s, end) if verb is not None else None
    if verb is not None and after is not None:
        if _is_target(s, after.end(), company):
            return SOLD, _buyer_before(s, base + verb.start(), company)
        return "", None
    verb = _SELL_VERB.search(before)
    if verb is not None and _buyer_before(s, base + verb.start(), company) is None:
        after = _SHARES_TO_AFTER.match(s, end)
        if after is not None:
            buyer = name_at(s, after.end())
            if (
                buyer is not None
                and not is_same_company(buyer, company)
                and not buyer.lower().endswith(_CROWDS)
            ):
                return SOLD, buyer
    return "", None


#: Between a sum and its first part: ", made up of", "consisting of", "comprising", "split between".
_FIRST_PART: Final = re.compile(
    r"[^.;$]{0,80}?,?\s+(?:made\s+up\s+of|consisting\s+of|comprising|comprised\s+of|composed\s+of|"
    r"split\s+(?:between|into)|in\s+the\s+form\s+of|divided\s+(?:between|into))\s+(?:an?\s+)?$",
    re.IGNORECASE,
)
#: Between one part and the next: "… per share and a", "…, and".
_NEXT_PART: Final = re.compile(r"[^.;$]{0,80}?(?:,\s+|\s+)(?:and|plus)\s+(?:an?\s+)?$", re.IGNORECASE)
#: The investor a sum names: "a $400 million investment by Vela", "$400 million from Vela".
_SUM_BY: Final = re.compile(
    r"\s+(?:(?:strategic|equity|total|combined|aggregate)\s+)*(?:investment|commitment|financing|funding)\s+"
    r"(?:by|from)\s+",
    re.IGNORECASE,
)


def part_of_sum(s: str, whole_end: int, prev_end: int, start: int, first: bool) -> bool:
    """Is the amount starting at `start` a part of the sum ending at `whole_end`? `prev_end` ends the
    part before it (`first`: none yet, the sum itself)."""
    if first:
        return _FIRST_PART.fullmatch(s, whole_end, start) is not None
    return _NEXT_PART.fullmatch(s, prev_end, start) is not None


#: "a $400 million investment by Vela", "$400 million of funding from Vela": money put into the company.
INVESTMENT_BY: Final = re.compile(
    r"\s+(?:(?:strategic|equity|minority|direct)\s+)*(?:investment|funding)\s+(?:by|from)\s+", re.IGNORECASE
)


def investment_by(s: str, end: int, company: str | None) -> str | None:
    """The investor of "a $400 million investment by Vela" (not the company's own investment)."""
    by = INVESTMENT_BY.match(s, end)
    if by is None:
        return None
    name = name_at(s, by.end())
    return None if name is None or is_same_company(name, company) else name


def sum_investor(s: str, whole_end: int, company: str | None) -> str | None:
    """The investor named right after a sum: "a $400 million investment by Vela"."""
    by = _SUM_BY.match(s, whole_end)
    if by is None:
        return None
    name = name_at(s, by.end())
    return None if name is None or is_same_company(name, company) else name
