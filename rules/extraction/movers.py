"""Share-price moves told with the company's name as the subject: "Ashgrove (ASHG US) rose 3.1%".

Market-movers columns and news often drop "shares" or "stock": the company itself "soared",
"slid" or "has gained 48% this year", and a list writes "Pinecrest (PNCI US) -4%". The same
verbs carry every other metric ("revenue rose 22%", "the Nasdaq rose 1.2%", "capex jumped 40%"),
so a move is read only when the verb's subject is a proper name: a capitalised run right before
the verb (or before its ticker in brackets, or its appositive), that is no metric noun, index,
commodity or region, and is plainly a name: tagged with a ticker, of several words, written
mid-sentence, the document's company, or a name the document writes elsewhere mid-sentence or
with a ticker. A figure followed by "year over year", "sequentially" or "to $5 billion" is a
metric's growth, not a move.
"""

from __future__ import annotations

import re
from typing import Final

from rules.extraction.counterparties import NAME_RUN, clean_name, is_generic, is_same_company
from rules.extraction.lazy import OnFirstUse
from rules.extraction.metrics import Cue, find_cues
from rules.extraction.record import Record

_QUALIFIER: Final = (
    r"(?:\s+(?:as\s+much\s+as|by|about|nearly|almost|roughly|around|approximately|some|more\s+than|over|"
    r"another|a\s+further|an\s+additional))*"
)
_UP_VERBS: Final = (
    r"soared|soars|rose|rises|risen|gained|gains|jumped|jumps|rallied|rallies|climbed|climbs|surged|surges|"
    r"added|advanced|advances|rebounded|popped|spiked|leapt|leaped"
)
_DOWN_VERBS: Final = (
    r"slid|slides|fell|falls|fallen|tumbled|tumbles|sank|sinks|sunk|plunged|plunges|plummeted|dropped|drops|"
    r"declined|declines|lost|slumped|slumps|sagged|dipped|dips|slipped|slips|skidded|retreated|shed|cratered"
)
#: The verb that ends the text before the figure: "soared", "has gained", "fell as much as", "was down".
_VERB_END: Final = OnFirstUse(
    r"(?:\b(?:has|have|had)\s+)?\b(?:(?P<up>"
    + _UP_VERBS
    + r")|(?P<down>"
    + _DOWN_VERBS
    + r"))"
    + _QUALIFIER
    + r"\s+$"
    r"|\b(?:was|is|were|are|closed|ended|finished|traded|trading|opened|has\s+been|had\s+been)\s+"
    r"(?:(?P<wup>up)|(?P<wdown>down))" + _QUALIFIER + r"\s+$"
    r"|\b(?P<level>closed|ended|finished|traded|was|is|were|are|opened)\s+$"
)
#: Every word that can end `_VERB_END`'s verb, for `may_move`'s screen.
_MOVE_WORDS: Final = frozenset(
    [
        *(_UP_VERBS + "|" + _DOWN_VERBS).split("|"),
        "up",
        "down",
    ]
)
#: The verbs as a headline writes them: "Kestrel Jumps 19% on $2.9B Hosting Deal".
_TITLE_MOVES: Final = frozenset(v.capitalize() for v in (_UP_VERBS + "|" + _DOWN_VERBS).split("|"))
_AUXILIARIES: Final = frozenset(["has", "have", "had", "was", "is", "were", "are", "been"])
_LEVEL_WORDS: Final = frozenset(
    ["closed", "ended", "finished", "traded", "trading", "opened", "was", "is", "were", "are"]
)
#: After the figure of a bare "closed 6.4%": only "higher"/"lower" makes it a move.
_HIGHER_LOWER: Final = OnFirstUse(r"\s*(?:(?P<up>higher)|(?P<down>lower))\b")
#: "(ASHG US)", "(NASDAQ: ASHG)", "(ASHG.O)", "(6758 JT)" right before the verb.
_TICKER_END: Final = OnFirstUse(
    r"\s*\((?:(?:NASDAQ|Nasdaq|NYSE(?:\s+American)?|LSE|TSX|TSE|ASX|HKEX|NSE|BSE|SIX|Xetra|OTC)\s*:\s*)?"
    r"[A-Z0-9][A-Z0-9]{0,5}(?:[.\s/:][A-Z]{1,4})?\)$"
)
#: A ticker with no name as the verb's subject: a cashtag ("$KRVN closed up 9%") or an exchange's
#: listing ("NYSE: KRVN fell 3%"). A "$" before capitals and no digit is never money.
_TICKER_SUBJECT: Final = OnFirstUse(
    r"(?:(?<![\w$])\$(?P<cash>[A-Z]{1,5})|\(?\b(?:NASDAQ|Nasdaq|NYSE(?:\s+American)?|LSE|TSX|TSE|ASX|HKEX|NSE|BSE|"
    r"SIX|Xetra|OTC)\s*:\s*(?P<tick>[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)\)?)(?:'s|’s)?$"
)
#: ", the chipmaker's closest rival," / ", which buys its chips," between the name and the verb.
_APPOSITIVE: Final = OnFirstUse(
    r"(?:the|a|an|its|their|one|which|whose|who|[A-Z][\w&.\-]*(?:'s|’s))\s[^,;:()\d%$]{2,70}"
)
#: The head of an appositive that calls the subject a company: "the chipmaker's closest rival".
_COMPANY_NOUN: Final = OnFirstUse(
    r"\b(?:maker|provider|operator|company|rival|competitor|peer|chipmaker|developer|designer|landlord|"
    r"startup|start-up|firm|lab|supplier|manufacturer|producer|vendor|builder|owner|spinoff|spin-off)s?\s*$"
)
#: A figure that is a metric's growth or a share of something, not a move of the price.
_NOT_MOVE_AFTER: Final = OnFirstUse(
    r"\s*(?:of\b|year[\s-](?:over|on)[\s-]year|y/y|yoy|sequentially|quarter[\s-](?:over|on)[\s-]quarter|q/q|"
    r"from\s+(?:a|the)\s+(?:year|prior|previous|same)|compared|versus|vs\b|in\s+(?:revenue|sales)|"
    # "rose 30% in the third quarter": a period's result; shares move over days, or "this year".
    r"(?:in|for|during)\s+(?:the\s+)?(?:(?:first|second|third|fourth|fiscal|full|latest|current|same)[\s-]+)*"
    r"(?:quarter|half|period|fiscal|fy|q[1-4])\b|"
    r"to\s+(?:US\$|USD|EUR|€|£|\$)?\s*[\d.,]+\s*(?:million|billion|trillion|bn|mn|m\b|b\b|MW|GW|%|percent)|"
    # "added 5% to its stake", "gained 2% market share": a holding or a share of a market.
    r"(?:to|of)\s+(?:its|their|his|her|the)\s+(?:stake|holding|position)|(?:market\s+)?share\b)",
    re.IGNORECASE,
)
#: Words before the name that make it an object ("revenue from Microsoft rose"), not the subject.
_OBJECT_BEFORE: Final = OnFirstUse(
    r"(?:\b(?:from|of|at|in|for|with|by|to|on|into|across|among|including|like|via|per|versus|vs|than|"
    r"excluding|through|under|over)|'s|’s)$",
    re.IGNORECASE,
)
_SHARES_OF: Final = OnFirstUse(r"\b(?:shares|stock|ADRs|ADSs)\s+(?:of|in)$", re.IGNORECASE)
#: Subjects that move but are no company: indices, commodities, currencies, crypto and regions.
_NOT_COMPANIES: Final = frozenset(
    [
        "nasdaq",
        "dow",
        "s&p",
        "russell",
        "nikkei",
        "topix",
        "kospi",
        "ftse",
        "dax",
        "cac",
        "stoxx",
        "hang",
        "sensex",
        "nifty",
        "msci",
        "vix",
        "index",
        "composite",
        "average",
        "treasury",
        "treasuries",
        "bund",
        "bunds",
        "gilts",
        "bitcoin",
        "ether",
        "ethereum",
        "gold",
        "silver",
        "copper",
        "brent",
        "wti",
        "crude",
        "oil",
        "dollar",
        "euro",
        "yen",
        "yuan",
        "sterling",
        "pound",
        "rupee",
        "europe",
        "emea",
        "apac",
        "asia",
        "americas",
        "america",
        "china",
        "japan",
        "india",
        "international",
        "domestic",
        "u.s.",
        "us",
        "uk",
        "segment",
        "division",
    ]
)
#: A reporting period before the figure: the sentence reports a period's result.
_PERIOD_BEFORE: Final = OnFirstUse(
    r"\b(?:quarter|quarterly|fiscal|FY\s?'?\d|Q[1-4]|[1-4]Q|first\s+half|second\s+half|half[\s-]year|"
    r"full[\s-]year|annual)",
    re.IGNORECASE,
)
_LOWER_AFTER_HYPHEN: Final = OnFirstUse(r"-[a-z]")
#: The head noun of a metric written in title case.
_METRIC_HEADS: Final = frozenset(
    [
        "profit",
        "profits",
        "income",
        "loss",
        "earnings",
        "margin",
        "margins",
        "orders",
        "bookings",
        "shipments",
        "deliveries",
        "volume",
        "volumes",
        "price",
        "prices",
        "demand",
        "output",
        "production",
        "utilization",
        "utilisation",
        "capacity",
        "growth",
        "business",
        "unit",
        "units",
        "spending",
        "spend",
        "usage",
        "users",
        "subscribers",
        "customers",
        "retention",
        "arpu",
        "yield",
        "yields",
    ]
)
#: Cue types that say the sentence is about a metric told before the name
#: ("Revenue by segment: Data Center rose 22%").
_METRIC_CUES: Final = frozenset(["revenue", "gross_margin", "operating_margin", "backlog", "concentration"])


class Mover(Record):
    """The company whose shares moved, and whether the move was down."""

    __slots__ = ("down", "name")

    name: str
    down: bool

    def __init__(self, name: str, down: bool) -> None:
        self.name = name
        self.down = down

    def _key(self) -> tuple[object, ...]:
        return (self.name, self.down)


_MINUS_SIGNS: Final = ("-", "−", "–")
#: The words a `_VERB_END` match opens on, each written whole with a space after it (see `_verb_end`).
_VERB_FIRSTS: Final = frozenset(
    [
        "has",
        "have",
        "had",
        *(_UP_VERBS + "|" + _DOWN_VERBS).split("|"),
        *("was", "is", "were", "are", "closed", "ended", "finished", "traded", "trading", "opened"),
    ]
)


class DocumentNames:
    """What `named_move` has learnt of one document's names: whether it writes a name as a company
    (`_known`) and whose a ticker is (`_ticker_owner`). Both scan the whole document for the name, so
    one document's figures ask once per name (a long filing names its movers again and again)."""

    __slots__ = ("known", "owners")

    def __init__(self) -> None:
        self.known: dict[str, bool] = {}
        self.owners: dict[str, str] = {}


def may_move(sentence: str, start: int, end: int) -> bool:
    """Cheap test before `named_move`: a sign or a move verb among the few words before the figure."""
    tail = sentence[max(0, start - 45) : start].rstrip()
    if tail.endswith(("-", "+", "–", "−")) or sentence.startswith(_MINUS_SIGNS, start):
        # (A minus written against the figure is read as the figure's own sign: "$QRST -4.5%".)
        return True
    words = tail.split()[-6:]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _MOVE_WORDS or words[i] in _TITLE_MOVES:
            j = i - 1
            while j >= 0 and (
                words[j] in _AUXILIARIES or (words[i] in ("up", "down") and words[j] in _LEVEL_WORDS)
            ):
                # "has gained", and "closed up": the word before the verb is the subject.
                j -= 1
            # "revenue rose 22%": a lower-case word before the verb is no name.
            return j < 0 or not words[j][:1].islower() or words[j].endswith((")", ","))
    if words and words[-1] in _LEVEL_WORDS:
        # "closed 6.4% higher": the direction is written after the figure.
        after = sentence[end : end + 10]
        return "higher" in after or "lower" in after
    return False


def _title_verb_before(sentence: str, start: int) -> bool:
    """Is the word before the figure a move verb in title case ("Jumps", "Slides")?"""
    before = sentence[max(0, start - 20) : start].split()
    return bool(before) and before[-1] in _TITLE_MOVES and sentence[:start].isascii()


def _verb_end(text: str, lo: int, end: int) -> re.Match[str] | None:
    """`_VERB_END.compiled.search(text, lo, end)`, tried only where a match can open: at a word of
    `_VERB_FIRSTS` that starts a word and has a space after it. The engine would try the whole
    alternation at every position of the window; most windows hold no such word at all."""
    pattern = _VERB_END.compiled
    at = lo
    while at < end:
        if text[at].isspace():
            at += 1
            continue
        stop = at + 1
        while stop < end and not text[stop].isspace():
            stop += 1
        if stop < end:
            # The word that ends this run of non-spaces (the run may start before `lo`).
            first = stop
            while first > 0 and (text[first - 1].isalnum() or text[first - 1] == "_"):
                first -= 1
            if first >= lo and text[first:stop] in _VERB_FIRSTS:
                m = pattern.match(text, first, end)
                if m is not None:
                    return m
        at = stop
    return None


def named_move(
    sentence: str,
    start: int,
    end: int,
    cues: list[Cue],
    document: str,
    company: str | None,
    names: DocumentNames | None = None,
) -> Mover | None:
    """The company whose share price the percentage at [start, end) moved, when a name is the subject.
    `names` keeps what the document's other figures learnt of its names."""
    lo = max(0, start - 45)
    signed = ""
    level = False
    verb = _verb_end(sentence, lo, start)
    if verb is None and _title_verb_before(sentence, start):
        # A headline writes its verb in title case: "Kestrel Jumps 19% on $2.9B Hosting Deal".
        verb = _verb_end(sentence[:start].lower(), lo, start)
    if verb is None and sentence.startswith(_MINUS_SIGNS, start):
        # "$QRST -4.5% after the guidance cut": the figure carries its minus.
        signed = sentence[start]
        subject_end = start
        down = True
    elif verb is None:
        before = sentence[:start].rstrip()
        if not before.endswith(("-", "+", "–", "−")):
            return None
        signed = before[-1]
        subject_end = len(before) - 1
        down = signed != "+"
    else:
        if verb.group("level") is not None:
            level = True
            after = _HIGHER_LOWER.compiled.match(sentence, end)
            if after is None:
                return None
            down = after.group("down") is not None
        else:
            down = verb.group("down") is not None or verb.group("wdown") is not None
        subject_end = verb.start()
    if _NOT_MOVE_AFTER.compiled.match(sentence, end):
        return None
    seg = sentence[:subject_end].rstrip()
    tag = (
        _TICKER_SUBJECT.compiled.search(seg, max(0, len(seg) - 32))
        if "$" in seg[-8:] or ":" in seg[-14:]
        else None
    )
    if tag is not None and (tag.group("cash") or not seg[: tag.start()].rstrip()[-1:].isalnum()):
        # "$KRVN closed up 9% today", "… and NYSE: KRVN fell 3%": the ticker stands for its shares.
        return Mover(_owner_in(document, tag.group("cash") or tag.group("tick"), company, names), down)
    bare = _bare_ticker(seg) if signed and len(seg) < subject_end else None
    if bare is not None:
        # "…; STPS +9%", "STPS +9% after …": a wire's bare ticker leading its signed move, a space
        # between them ("SOFR+2.75%" is a rate's spread).
        return Mover(_owner_in(document, bare, company, names), down)
    if not seg or not (seg[-1] in "),." or seg[seg.rfind(" ") + 1 : seg.rfind(" ") + 2].isupper()):
        # "revenue rose 22%": a lower-case word is the verb's subject, no name.
        return None
    described = False
    if seg.endswith(","):
        # "Lightmere Optical, Qorvath's closest rival, fell 5.2%": the name is before the appositive.
        comma = seg.rfind(",", 0, len(seg) - 1)
        if comma < 0 or not _APPOSITIVE.compiled.fullmatch(seg[comma + 1 : len(seg) - 1].strip()):
            return None
        # "Halloway, the cooling-equipment maker, rose 4.2%": the appositive calls it a company.
        described = _COMPANY_NOUN.compiled.search(seg, comma + 1, len(seg) - 1) is not None
        seg = seg[:comma].rstrip()
    ticker = _TICKER_END.compiled.search(seg, max(0, len(seg) - 40))
    if ticker is not None:
        seg = seg[: ticker.start()].rstrip()
    found = None
    for m in NAME_RUN.finditer(seg, max(0, len(seg) - 80)):
        if m.end() == len(seg):
            found = m
    if found is None:
        return None
    name = clean_name(found.group())
    if name is None or is_generic(name) or find_cues(name):
        return None
    if any(w.lower().strip(".,") in _NOT_COMPANIES for w in name.split()):
        return None
    if name.split()[-1].lower() in _METRIC_HEADS:
        # "Ordinary Profit rose 12%", "Gross Bookings fell 5%": a metric in title case.
        return None
    pre = seg[: found.start()].rstrip()
    if _SHARES_OF.compiled.search(pre[-16:]):
        # "Shares of Trellium AI jumped 38%": the name is whose shares moved.
        return Mover(company if company and is_same_company(name, company) else name, down)
    if _OBJECT_BEFORE.compiled.search(pre[-12:]):
        return None
    if (
        ticker is None
        and (
            any(c.type in _METRIC_CUES and c.end <= found.start() for c in cues)
            or _PERIOD_BEFORE.compiled.search(sentence, 0, start)
        )
        and not _trading(sentence)
    ):
        # "Revenue by segment: Data Center rose 22%", "In the third quarter, Blackwell rose 30%"
        # (but "After third-quarter results, Ashgrove rose 12% on Tuesday" is a market report).
        return None
    if "-" in name and _LOWER_AFTER_HYPHEN.compiled.search(name):
        # "GPU-hours rose 40%": a unit, not a name.
        return None
    # The document's company itself ("Fernhollow rose 3.2%"), not a unit of it ("Fernhollow Cloud").
    own = company is not None and name.casefold() in company.casefold()
    if signed:
        plain = ticker is not None or own or _known_in(document, name, names)
    else:
        # A capitalised run may be a product or a segment ("Blackwell Ultra surged 60%"): it must
        # be shown to be a company, or the sentence must be about trading.
        plain = (
            ticker is not None
            or own
            or described
            or level
            or _known_in(document, name, names)
            or _trading(sentence)
        )
    if not plain:
        return None
    if not own and name.isupper() and _tagged_ticker(document, name):
        # "DGSI has fallen 38%" under "Darnell Grid Systems (NYSE: DGSI)": the ticker's company.
        return Mover(_owner_in(document, name, company, names), down)
    return Mover(company if own and company else name, down)


def _ticker_owner(document: str, tick: str, company: str | None) -> str:
    """The company a ticker stands for: the name the document tags with it ("Korvane Grid (NYSE:
    KRVN)"), else the document's company when the ticker starts as its name does, else the ticker."""
    pos = document.find(tick)
    seen = 0
    while pos >= 0 and seen < 20:
        seen += 1
        stop = pos + len(tick)
        opening = document.rfind("(", max(0, pos - 16), pos) if document.startswith(")", stop) else -1
        if opening >= 0:
            before = document[max(0, opening - 80) : opening].rstrip()
            for _try in range(2):
                # The run right before the bracket, or the one before it when that is only "Inc.".
                found = None
                for m in NAME_RUN.finditer(before):
                    if m.end() == len(before):
                        found = m
                if found is None:
                    break
                name = clean_name(found.group())
                if name and not is_generic(name):
                    return company if company and is_same_company(name, company) else name
                before = before[: found.start()].rstrip(" ,")
        pos = document.find(tick, stop)
    if company and company[:2].upper() == tick[:2]:
        return company
    return tick


def _trading(sentence: str) -> bool:
    """Is the sentence a market report? Asked only when the answer decides (a long scan)."""
    return _TRADING.compiled.search(sentence) is not None


#: Words of a market report: the sentence is about a share price ("in early trading", "on Tuesday").
_TRADING: Final = OnFirstUse(
    r"\b(?:trading|traded|session|intraday|pre-?market|after[\s-]hours|(?:on|by|late|early)\s+(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday)|in\s+(?:New\s+York|London|Tokyo|Hong\s+Kong|Frankfurt|Paris|Toronto|Sydney|"
    r"Seoul|Mumbai|Taipei|Zurich|Amsterdam)|on\s+the\s+(?:Nasdaq|NYSE|day)|year[\s-]to[\s-]date|YTD|so\s+far\s+this\s+"
    r"year|since\s+(?:its|the|their|our)\s+(?:(?:first|initial|last|latest|previous|original)\s+)?(?:listing|IPO|"
    r"debut|float|report|results|announcement)|(?:best|worst|"
    r"biggest|steepest|sharpest)\s+(?:day|drop|gain|decline|fall|one-day|session|intraday)|record\s+high|"
    r"all[\s-]time\s+high|52-week|in\s+sympathy|after\s+(?:the|its|a|an)\s+(?:\w+\s+)?(?:report|results|"
    r"announcement|news|filing|downgrade|upgrade|earnings)|after\s+(?:cutting|raising|lowering|reporting|posting|"
    r"missing|beating|announcing|issuing|forecasting|saying|disclosing)|peers?|rivals?)\b",
    re.IGNORECASE,
)
#: After a name elsewhere: a legal suffix, or its shares.
_COMPANY_AFTER: Final = OnFirstUse(
    r"(?:\s+[A-Z][\w&.\-]*){0,3},?\s+(?:Inc|Corp|Corporation|Ltd|Limited|plc|PLC|LLC|Holdings|Group|AG|SE|N\.V)\b|"
    r"(?:'s|’s)?\s+(?:shares|stock)\b"
)
#: Before a name elsewhere: "shares of", "rival", "peer".
_COMPANY_BEFORE: Final = OnFirstUse(
    r"(?:\b(?:shares|stock)\s+(?:of|in)|\b(?:rival|peer|competitor|chipmaker|customer|supplier)s?)\s+$",
    re.IGNORECASE,
)


#: After a name elsewhere in the document: more capitalised words and a ticker in brackets.
_TICKER_AFTER: Final = OnFirstUse(
    r"(?:\s+[A-Z][\w&.\-]*){0,3}\s*\((?:[A-Za-z ]{2,14}:\s*)?[A-Z0-9]{1,6}(?:[.\s/:][A-Z]{1,4})?\)"
)


def _owner_in(document: str, tick: str, company: str | None, names: DocumentNames | None) -> str:
    """`_ticker_owner(document, tick, company)`, asked once per ticker when `names` keeps the answers
    (`company` is the document's own, the same for all its figures)."""
    if names is None:
        return _ticker_owner(document, tick, company)
    owner = names.owners.get(tick)
    if owner is None:
        owner = names.owners[tick] = _ticker_owner(document, tick, company)
    return owner


def _known_in(document: str, name: str, names: DocumentNames | None) -> bool:
    """`_known(document, name)`, asked of the document once per name when `names` keeps the answers."""
    if names is None:
        return _known(document, name)
    found = names.known.get(name)
    if found is None:
        found = names.known[name] = _known(document, name)
    return found


def _known(document: str, name: str) -> bool:
    """Does the document write `name` elsewhere as a company: tagged with a ticker or a legal
    suffix, with its shares, or as a rival ("rival Ashgrove"), or is `name` itself a ticker the
    document tags a company with ("Darnell Grid Systems (NYSE: DGSI)")? A product or a metric in
    title case ("Blackwell Ultra", "Bookings") is written none of these ways."""
    if name.isupper() and _tagged_ticker(document, name):
        return True
    pos = document.find(name)
    seen = 0
    while pos >= 0 and seen < 20:
        seen += 1
        stop = pos + len(name)
        if stop >= len(document) or not document[stop].isalnum():
            if _TICKER_AFTER.compiled.match(document, stop) or _COMPANY_AFTER.compiled.match(document, stop):
                return True
            if _COMPANY_BEFORE.compiled.search(document, max(0, pos - 20), pos):
                return True
        pos = document.find(name, stop)
    return False


#: An exchange's prefix inside a ticker's bracket: "(NYSE: ", "(Nasdaq: ".
_EXCHANGE_BEFORE: Final = OnFirstUse(
    r"\((?:NASDAQ|Nasdaq|NYSE(?:\s+American)?|LSE|TSX|TSE|ASX|HKEX|NSE|BSE|SIX|Xetra|OTC|KRX|KOSDAQ)\s*:\s*$"
)


#: A legal suffix ending the name before a bracket: "Orvex Systems Inc. (ORVX)" (a bare bracket after
#: other words may be an acronym's definition: "Data Center Infrastructure Management (DCIM)").
_LEGAL_SUFFIX_END: Final = OnFirstUse(
    r"\b(?:Inc|Corp|Corporation|Ltd|Limited|plc|PLC|LLC|Holdings|Group|AG|SE|N\.V|Co)\.?,?\s*$"
)


def _tagged_ticker(document: str, tick: str) -> bool:
    """Does the document tag a company with `tick` as its ticker: "(NYSE: DGSI)" anywhere, or
    "(DGSI)" right after a company's legal suffix? Only such a ticker stands for the company's
    shares when it is a move's bare subject ("DGSI has fallen 38%"); an all-capitals word may be
    anything else."""
    if not 2 <= len(tick) <= 6:
        return False
    pos = document.find(tick)
    seen = 0
    while pos >= 0 and seen < 20:
        seen += 1
        stop = pos + len(tick)
        if document.startswith(")", stop) and (
            _EXCHANGE_BEFORE.compiled.search(document, max(0, pos - 20), pos) is not None
            or (
                document[pos - 1 : pos] == "("
                and _LEGAL_SUFFIX_END.compiled.search(document, max(0, pos - 16), pos - 1) is not None
            )
        ):
            return True
        pos = document.find(tick, stop)
    return False


#: Words that describe a company before its name, at a sentence's start: "Rival Quorvane's shares".
_LEAD_DESCRIPTORS: Final = frozenset(
    [
        "rival",
        "rivals",
        "peer",
        "competitor",
        "chipmaker",
        "customer",
        "supplier",
        "partner",
        "parent",
        "meanwhile",
    ]
)
#: "… shares": the name right before, maybe possessive or with its ticker ("Quorvane (QRVN) shares").
_POSSESSIVE_END: Final = ("'s", "’s")


def shares_owner(sentence: str, start: int, nearby: str, company: str | None) -> str | None:
    """Whose shares a "shares"/"stock" cue at `start` names: "Quorvane shares were up 4%", "Rival
    Quorvane's shares fell 3%". The document's company when it is that one; None when no name is
    written right before the word, or the word before is no company ("Class A shares", "U.S.-listed
    shares", a sector at a sentence's start: "Chip shares fell"). `nearby` is the text around the
    sentence, where a common noun would also be written in lower case."""
    seg = sentence[:start].rstrip()
    possessive = seg.endswith(_POSSESSIVE_END)
    if possessive:
        seg = seg[:-2]
    ticker = _TICKER_END.compiled.search(seg, max(0, len(seg) - 40)) if seg.endswith(")") else None
    if ticker is not None:
        seg = seg[: ticker.start()].rstrip()
    # "Orlin Compute Corp. shares": a legal suffix's point ends the name.
    if not seg or not (seg[-1].isalnum() or seg[-1] == "."):
        return None
    found = None
    for m in NAME_RUN.finditer(seg, max(0, len(seg) - 80)):
        if m.end() == len(seg):
            found = m
    if found is None:
        return None
    words = found.group().split()
    lead = found.start()
    while len(words) > 1 and words[0].lower() in _LEAD_DESCRIPTORS:
        lead += len(words[0]) + 1
        words.pop(0)
    name = clean_name(" ".join(words))
    if name is None:
        return None
    if company is not None and is_same_company(name, company):
        return company
    parts = name.split()
    if (
        is_generic(name)
        or any(w.lower().strip(".,") in _NOT_COMPANIES for w in parts)
        or parts[-1].lower() in _METRIC_HEADS
        or ("-" in name and _LOWER_AFTER_HYPHEN.compiled.search(name))
    ):
        return None
    opening = not sentence[:lead].strip(" \"'“‘([")
    if (
        opening
        and not possessive
        and ticker is None
        and len(parts) == 1
        and (name.lower() in _SHARE_KINDS or _written_lower(nearby, name.lower()))
    ):
        # "Chip shares fell 2%", "Preferred shares slipped": a capitalised word at a sentence's start
        # is a name only when the text around it never writes it in lower case.
        return None
    return None if find_cues(name) else name


#: Kinds of shares and the markets' groups of them, capitalised at a sentence's start.
_SHARE_KINDS: Final = frozenset(
    [
        "tech", "chip", "bank", "energy", "utility", "mining", "growth", "value", "preferred", "ordinary",
        "new", "existing", "treasury", "restricted", "voting", "bonus", "additional", "defensive",
        "cyclical", "regional", "european", "asian", "chinese", "japanese", "american", "global",
        "software", "semiconductor", "media", "retail", "airline", "property", "insurance", "healthcare",
        "biotech", "consumer", "industrial", "financial", "all", "most", "many", "some", "both",
        "several", "other", "such",
    ]
)  # fmt: skip


def _written_lower(document: str, word: str) -> bool:
    """Does the document write `word` in lower case as a word of its own (a common noun)?"""
    pos = document.find(word)
    seen = 0
    while pos >= 0 and seen < 20:
        seen += 1
        stop = pos + len(word)
        if (pos == 0 or not document[pos - 1].isalnum()) and (
            stop >= len(document) or not document[stop].isalnum()
        ):
            return True
        pos = document.find(word, stop)
    return False


#: A bare ticker opening its clause right before a signed move: "…; STPS", "STPS" at the start.
_BARE_TICKER: Final = OnFirstUse(r"(?:^|[;:|(—–]\s*|\s{2,})(?P<t>[A-Z]{2,5})$")
#: Capitals that lead a signed figure but are no ticker: metrics, units, regions, periods.
_NOT_TICKERS: Final = frozenset(
    [
        "AI", "HPC", "GPU", "GPUS", "CPU", "US", "USA", "UK", "EU", "GDP", "CPI", "PPI", "PMI", "YOY", "QOQ",
        "MOM", "YTD", "MTD", "ARR", "MRR", "NRR", "FCF", "TAM", "DC", "IT", "FY", "ETF", "ETFS", "REIT",
        "REITS", "IPO", "ASP", "ASPS", "PUE", "MW", "GW", "KW", "RPO", "CRPO", "OPEX", "CAPEX", "NOI", "EPS",
        "EBIT", "SECTOR", "SHARES", "STOCK", "STOCKS", "REV", "GM", "OM", "PT", "EST", "SOFR", "LIBOR",
        "SONIA", "BPS",
    ]
)  # fmt: skip


def _bare_ticker(seg: str) -> str | None:
    """The ticker a clause opens with right before a signed move ("…; STPS +9%"), or None; a metric,
    index or region in capitals ("EPS +9%", "SOX +1.1%", "EU +2%") is none."""
    m = _BARE_TICKER.compiled.search(seg, max(0, len(seg) - 10))
    if m is None:
        return None
    tick = m.group("t")
    if tick in _NOT_TICKERS or tick.lower() in _NOT_COMPANIES or find_cues(tick):
        return None
    return tick
