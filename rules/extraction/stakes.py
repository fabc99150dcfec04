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
#: The same shares without "new", after a purchase agreed: "… of Tarrow Compute common stock", "… of its
#: class A shares" (`stake_bought`, `shares_issued_by`).
_SHARES_OF_AFTER: Final = re.compile(
    r"\s+(?:worth\s+)?of\s+(?:(?:the\s+company(?:'s|’s)|its|our|their)\s+)?(?i:(?:newly[\s-]issued|new(?:ly)?\s+issued|new)\s+)?"
    r"(?:(?P<issuer>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+)?"
    r"(?i:(?:common\s+|ordinary\s+|class\s+[a-z]\s+(?:common\s+)?|preferred\s+)?(?:shares|stock))\b"
    # Not bought in the market: "… of Tarrow stock in the open market".
    r"(?![^.;]{0,40}\b(?i:open\s+market|in\s+the\s+market|on\s+the\s+market|market\s+purchases?))"
)
#: A purchase agreed or still to come, before its verb: "will", "agreed to", "has agreed to", "is to".
_AGREED_BEFORE: Final = re.compile(
    r"\b(?:will|would|shall|agreed\s+to|agrees\s+to|has\s+agreed\s+to|have\s+agreed\s+to|committed\s+to|"
    r"plans\s+to|intends\s+to|is\s+to|are\s+to)\s+(?:also\s+|separately\s+|additionally\s+)?$",
    re.IGNORECASE,
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
    """The subject of the buying verb: the last name before it, in its own clause. A ticker in brackets
    after the subject ("Tarrow Compute (NASDAQ: TRRW) will invest …") stands for the name before it."""
    floor = max(s.rfind(";", 0, verb), s.rfind(". ", 0, verb)) + 1
    name = subject_before(s, verb, company, floor)
    if name is not None and name.isupper():
        at = s.rfind(name, floor, verb)
        opening = s.rfind("(", floor, at)
        if opening >= 0 and s.find(")", opening, at) < 0 and s.find(":", opening, at) >= 0:
            return subject_before(s, opening, company, floor)
    return name


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
        if after is None and _AGREED_BEFORE.search(before, 0, verb.start()) is not None:
            # "Glenmoor agreed to purchase $300 million of Tarrow common stock": a purchase agreed with
            # the issuer (one already made may be in the market, "bought … of Tarrow stock").
            after = _SHARES_OF_AFTER.match(s, end)
        if after is None:
            return "", None
        issuer = after.group("issuer")
        if issuer is not None:
            # "… of Orison's stock": the possessive names the issuer.
            issuer = issuer.removesuffix("'s").removesuffix("’s")
        if issuer is None or is_same_company(issuer, company):
            return SOLD, _buyer_before(s, base + verb.start(), company)
        buyer = _buyer_before(s, base + verb.start(), company)
        if (
            buyer is not None
            and not is_same_company(buyer, issuer)
            and not _PRONOUN_SUBJECT.search(s, max(0, base + verb.start() - 50), base + verb.start())
        ):
            # "Vela will buy $50 million of new Ostrava Power shares" in a story about neither: money
            # Ostrava raises (`shares_issued_by`), not the company's own investment.
            return "", None
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
    if verb is not None:
        seller = _buyer_before(s, base + verb.start(), company)
        after = _SHARES_TO_AFTER.match(s, end)
        if after is not None:
            buyer = name_at(s, after.end())
            if (
                buyer is not None
                and not is_same_company(buyer, company)
                and not buyer.lower().endswith(_CROWDS)
                # "Tarrow Compute sold $300 million of common stock to Glenmoor" with no company known: the
                # seller of its own stock (any other seller is read by `shares_issued_by`).
                and (seller is None or (company is None and not is_same_company(seller, buyer)))
            ):
                return SOLD, buyer
    return "", None


#: What may follow the company invested in, so that its name is no modifier of a noun ("in OpenAI
#: progressively as each gigawatt is deployed", "in Anthropic."; not "in AI data centers", "in Texas
#: facilities"): the end of the clause, a possessive, or a word that opens a new phrase.
_AFTER_TARGET: Final = re.compile(
    r"(?:\s*(?:$|[.,;:()—–-])|(?:'s|’s)\s|\s+(?:as|over|through|by|in|for|to|and|if|when|once|at|on|under|with|"
    r"upon|across|during|this|next|from|via|alongside|subject|including|which|who|after|before|until|"
    r"stock|shares|equity|common|ordinary|preferred|class|[a-z]+ly)\b)"
)
#: Places and fields a company invests in, not companies: "invest $10 billion in North Carolina".
_NOT_INVESTEES: Final = frozenset(
    ["ai", "us", "u.s", "u.s.", "usa", "america", "north america", "europe", "asia", "africa", "india",
     "china", "japan", "korea", "south korea", "germany", "france", "uk", "u.k", "u.k.", "britain", "canada",
     "mexico",
     "brazil", "australia", "the united states", "united states", "the uk", "ireland", "spain", "italy",
     "saudi arabia", "the uae", "uae", "qatar", "singapore", "malaysia", "indonesia", "taiwan", "norway",
     "sweden", "finland", "denmark", "the netherlands", "netherlands", "poland", "israel", "chile",
     "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
     "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
     "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
     "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york",
     "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island",
     "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
     "west virginia", "wisconsin", "wyoming", "quebec", "ontario", "alberta", "wales", "scotland",
     "england", "london", "dublin", "tokyo", "paris"]
)  # fmt: skip


def invested_in(s: str, start: int, end: int, company: str | None) -> tuple[str, str] | None:
    """(investor, company invested in) of "Harlow intends to invest up to $100 billion in OpenAI",
    "Orrin will make a $2 billion equity investment in Northlight AI": money the company named after
    "in" raises from its investor. None when the investee is the document's own company (`stake_bought`
    reads that), no company (a place, a field, a site: "in Texas", "in AI data centers", "in its
    campus"), or when the investor is the document's company or unnamed: the company's own
    investment in another is no money it raised."""
    before = s[max(0, start - 60) : start]
    verb = _MAKE_VERB.search(before)
    after = _INVESTMENT_AFTER.match(s, end) if verb is not None else None
    if verb is None:
        verb = _INVEST_VERB.search(before)
        after = _IN_AFTER.match(s, end) if verb is not None else None
    if verb is None or after is None:
        return None
    target = name_at(s, after.end())
    if target is None or target.lower() in _NOT_INVESTEES or is_same_company(target, company):
        return None
    at = s.find(target, after.end())
    if at < 0 or at - after.end() > 4 or _AFTER_TARGET.match(s, at + len(target)) is None:
        return None
    at_verb = max(0, start - 60) + verb.start()
    if _PRONOUN_SUBJECT.search(s, max(0, at_verb - 50), at_verb) is not None:
        # "Halvern Compute (NASDAQ: HLVN) said it will invest …": the pronoun is the verb's subject.
        return None
    investor = _buyer_before(s, at_verb, company)
    if investor is None or is_same_company(investor, company) or is_same_company(investor, target):
        return None
    return investor, target


def shares_issued_by(s: str, start: int, end: int, company: str | None) -> tuple[str, str] | None:
    """(buyer, issuer) of "Glenmoor agreed to purchase $300 million of Tarrow Compute common stock",
    "Vela will buy $50 million of new Ostrava Power shares": money the issuer named after "of" raises
    from its buyer, when neither is the document's company (`stake_bought` reads the company's own
    shares, and the company's purchase of another's is its own investment)."""
    before = s[max(0, start - 60) : start]
    verb = _BUY_VERB.search(before)
    if verb is None:
        return None
    after = _NEW_SHARES_AFTER.match(s, end)
    if after is None and _AGREED_BEFORE.search(before, 0, verb.start()) is not None:
        after = _SHARES_OF_AFTER.match(s, end)
    issuer = after.group("issuer") if after is not None else None
    if issuer is None or is_same_company(issuer, company) or issuer.lower() in _NOT_INVESTEES:
        return None
    at_verb = max(0, start - 60) + verb.start()
    if _PRONOUN_SUBJECT.search(s, max(0, at_verb - 50), at_verb) is not None:
        return None
    buyer = _buyer_before(s, at_verb, company)
    if buyer is None or is_same_company(buyer, company) or is_same_company(buyer, issuer):
        return None
    return buyer, issuer


#: A pronoun as the subject right before a verb: "said it will", "we intend to", "the company plans to".
_PRONOUN_SUBJECT: Final = re.compile(
    r"\b(?:it|we|they|he|she|the\s+company|the\s+firm|the\s+group)\s+(?:[a-z]+\s+){0,3}$", re.IGNORECASE
)


#: The price a block of shares was bought for, right before its amount: "for an aggregate purchase price
#: of", "for gross proceeds of", "at a total subscription price of", "for aggregate consideration of",
#: "for a total investment of" (the buyer's word for the same price).
_SHARES_PRICE_BEFORE: Final = re.compile(
    r"\b(?:for|at)\s+(?:an?\s+|the\s+)?(?:(?:aggregate|total|combined)\s+)?(?:(?:gross|net|cash)\s+)?"
    r"(?:purchase\s+price|consideration|subscription\s+(?:price|amount)|proceeds|investment)\s+"
    r"(?:to\s+(?:us|the\s+company)\s+)?of\s+" + _AMOUNT_WORDS + "$",
    re.IGNORECASE,
)
#: A buyer's purchase of the company's own shares, before that price: "purchased 9,259,260 shares of our
#: Series F convertible preferred stock" ("shares of Dunmore common stock" are another's: `whose`).
_SHARES_BOUGHT: Final = re.compile(
    r"\b(?:purchased|bought|subscribed\s+for|acquired|(?:agreed\s+to|will|to)\s+(?:purchase|buy|subscribe\s+for|"
    r"acquire))\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?[\d,.]+\s+(?:million\s+)?"
    r"(?:(?:newly[\s-]issued|new)\s+)?(?:shares|units)\s+of\s+(?P<whose>our|the\s+[Cc]ompany(?:'s|’s)|"
    r"(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:'s|’s)|(?:[A-Z][\w.&-]*\s+){1,3}(?=(?i:common|ordinary|class|series|"
    r"preferred)\b)|(?=(?i:common|ordinary|class|series|preferred)\b))"
    r"[^.;$]{0,80}?\b(?:stock|shares)\b|"
    # The issuer named alone after "shares of": "will buy 3,000,000 new shares of Velmont at $20.00".
    r"\b(?:purchased|bought|subscribed\s+for|acquired|(?:agreed\s+to|will|to)\s+(?:purchase|buy|subscribe\s+for|"
    r"acquire))\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?[\d,.]+\s+(?:million\s+)?"
    r"(?:(?:newly[\s-]issued|new)\s+)?(?:shares|units)\s+of\s+(?P<issuer>(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*)"
    r"(?=,?\s+(?:at|for)\s)"
)
#: The company's sale of its shares to a named buyer, before that price: "issued 12,500,000 shares of
#: Series D preferred stock to Arvane Ventures", "sold 4,000,000 shares of our common stock to".
_SHARES_SOLD_TO: Final = re.compile(
    r"\b(?:sold|issued|sells|issues|will\s+(?:sell|issue)|agreed\s+to\s+(?:sell|issue))\s+"
    r"(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?[\d,.]+\s+(?:million\s+)?(?:(?:newly[\s-]issued|new)\s+)?"
    r"(?:shares|units)\s+of\s+(?:(?:our|its|the\s+[Cc]ompany(?:'s|’s))\s+)?[^.;$]{0,80}?\b(?:stock|shares)\b"
    r"[^.;$]{0,40}?\bto\s+"
)


#: Shares the issuer creates for the buyer: "newly issued shares", "new shares", "subscribed for".
_NEWLY_ISSUED: Final = re.compile(
    r"\bnewly[\s-]issued\b|\bnew\s+(?:shares|units)\b|\bsubscribed\b", re.IGNORECASE
)

_PER_SHARE_AFTER: Final = re.compile(
    r"\s*(?:per|a|each|/)\s*(?:share|unit|warrant)\b|\s+each\b", re.IGNORECASE
)


def shares_bought(s: str, start: int, end: int, company: str | None) -> str | None:
    """The buyer of the company's own shares whose price the amount at [start, end) is: "ASC
    purchased 9,259,260 shares of our Series F preferred stock …, for an aggregate purchase price of
    $250.0 million", "we issued 12,500,000 shares of Series D preferred stock to Arvane Ventures for
    gross proceeds of $150.0 million". None when the shares are another company's ("shares of Dunmore
    common stock"), the company buys its own (a buyback), or no buyer is named."""
    if _SHARES_PRICE_BEFORE.search(s, max(0, start - 60), start) is None or _PER_SHARE_AFTER.match(s, end):
        # "at a purchase price of $27.00 per share": the price of one share, not the sum raised.
        return None
    floor = max(s.rfind(";", 0, start), s.rfind(". ", 0, start)) + 1
    lo = max(floor, start - 260)
    bought = None
    for m in _SHARES_BOUGHT.finditer(s, lo, start):
        bought = m
    if bought is not None:
        whose = (bought.group("whose") or bought.group("issuer") or "").strip()
        if whose.startswith(("Class ", "Series ")):
            whose = ""  # "shares of Class A common stock": a class of the company's own shares, no owner
        if whose and whose.lower() != "our" and not whose.lower().startswith("the company"):
            owner = whose.removesuffix("'s").removesuffix("’s").strip()
            if company is None:
                if not _NEWLY_ISSUED.search(bought.group()):
                    # With no company known, only new shares are money the issuer raised ("bought
                    # 2,000,000 shares of Dunmore" may be a purchase in the market).
                    return None
            elif not is_same_company(owner, company):
                # "shares of Dunmore common stock" in a Halvern release: another company's shares.
                return None
        buyer = _buyer_before(s, bought.start(), company)
        if buyer is None or buyer.lower() in ("we", "the company"):
            return None
        return buyer
    sold = None
    for m in _SHARES_SOLD_TO.finditer(s, lo, start):
        sold = m
    if sold is None:
        return None
    buyer = name_at(s, sold.end())
    if buyer is None or is_same_company(buyer, company) or buyer.lower().endswith(_CROWDS):
        return None
    seller = _buyer_before(s, sold.start(), company)
    return buyer if seller is None else None


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
