"""Names: the company a document is about and the other party of a fact.

No NER model: disclosures name parties in a few fixed shapes ("with OpenAI",
"led by Harwick Bank", "leased to Microsoft", "Customer A accounted for"),
so capitalised-name runs read at those positions are enough.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Final

from rules.extraction.folding import Screened, foldable
from rules.extraction.lazy import OnFirstUse

# Patterns used inside functions, compiled once here.
_POSSESSIVE_END: Final = re.compile(r"(?:'s|’s)$")
#: How a text that `_POSSESSIVE_END` matches ends (`$` also matches before a final newline).
_POSSESSIVE_TAILS: Final = ("'s", "’s", "'s\n", "’s\n")
_RE_LED_ARRANGED_PROVIDED: Final = Screened(
    re.compile(
        r"\b(?:led|arranged|provided|funded|backed)\s+by\s+(?:the\s+)?|"
        r"\b(?:lead\s+)?(?:arranger|lender|bookrunner|underwriter|agent)s?\s*:\s*|"
        # A slide's bracket: "$2.2B construction loans closed (lead: Penwick Bank)".
        r"\(lead\s*:\s*"
    )
)
_PERIOD_LIKE_NAME: Final = re.compile(r"(?:f?q[1-4](?:'?\d\d)?|fy\d*|(?:cy|ye)'?\d+|h[12]|\d.*)")

_WORD: Final = r"(?:[A-Z][\w&'’.\-]*|[a-z]{1,2}[A-Z][\w\-]*|\d+[A-Z][\w]*)"
_NAME: Final = re.compile(_WORD + r"(?:\s+(?:of\s+|&\s+|and\s+(?=[A-Z]))?" + _WORD + r")*")
_LEGAL: Final = re.compile(
    r"(?:,?\s+(?:Inc|Incorporated|Corp|Corporation|Ltd|Limited|LLC|L\.L\.C|plc|PLC|N\.A|S\.A|SE|AG|N\.V|"
    r"L\.P|LP|Co|Company|Holdings|Group|Technologies|Plc|Pte|Pty|Bhd|Sdn|GmbH|K\.K)\.?)+$"
)
_NOT_NAMES: Final = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "our",
        "we",
        "us",
        "it",
        "its",
        "their",
        "they",
        "this",
        "that",
        "these",
        "those",
        "in",
        "on",
        "at",
        "for",
        "of",
        "with",
        "from",
        "to",
        "by",
        "as",
        "company",
        "companies",
        "customer",
        "customers",
        "revenue",
        "revenues",
        "sales",
        "gaap",
        "non-gaap",
        "core",
        "adjusted",
        "q1",
        "q2",
        "q3",
        "q4",
        "fiscal",
        "senior",
        "secured",
        "notes",
        "credit",
        "agreement",
        "facility",
        "term",
        "loan",
        "loans",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "item",
        "exhibit",
        "section",
        "form",
        "total",
        "together",
        "separately",
        "also",
        "under",
        "during",
        "after",
        "before",
        "following",
        "including",
        "while",
        "when",
        "if",
        "following",
        "amendment",
        "operator",
        "thanks",
        "thank",
        "yes",
        "sure",
        "first",
        "second",
        "third",
        "fourth",
        "remaining",
        "backlog",
        "contracted",
        "energized",
        "active",
        "gross",
        "operating",
        "net",
        "series",
        "class",
        "common",
        "shares",
        "stock",
        "i",
        "he",
        "she",
        "you",
        "your",
        "my",
        "his",
        "her",
        "them",
        "during",
        "year",
        "quarter",
        # A sentence that opens on what was signed: "Leases signed year to date: 388.4 MW".
        "lease",
        "leases",
        "contracts",
        "agreements",
        "deals",
        "signings",
        "bookings",
        "tenants",
    ]
)
#: A run that is only a legal suffix ("Inc." after "Kitewing AI, Inc.") names nobody.
_ONLY_LEGAL: Final = re.compile(
    r"(?i:inc|incorporated|corp|corporation|ltd|limited|llc|plc|co|n\.a|s\.a|l\.p|lp)"
)
#: A name run ending in one of these is a document's title ("Master Services Agreement"), not a party.
_TITLE_ENDS: Final = frozenset(["agreement", "contract", "facility", "amendment", "notes", "loan", "lease"])
#: In ALL-CAPS text ("AGREEMENT WITH MERIDIAN LABS VALUED AT ABOUT $1.9 BLN") a name run does not
#: stop at lower case, so it is cut at the first common word.
_CAPS_STOP: Final = frozenset(
    [
        "A",
        "AN",
        "THE",
        "AT",
        "ABOUT",
        "AROUND",
        "FOR",
        "FROM",
        "WITH",
        "TO",
        "OF",
        "IN",
        "ON",
        "BY",
        "AND",
        "OR",
        "VALUED",
        "WORTH",
        "SAYS",
        "SAID",
        "SIGNED",
        "SIGNS",
        "SIGN",
        "DEAL",
        "DEALS",
        "AGREEMENT",
        "AGREEMENTS",
        "CONTRACT",
        "COVERS",
        "COVERING",
        "OVER",
        "UNDER",
        "AFTER",
        "BEFORE",
        "AS",
        "IS",
        "ARE",
        "WAS",
        "WERE",
        "WILL",
        "TOTAL",
        "TOTALING",
        "UP",
        "DOWN",
        "SEES",
        "EXPECTS",
        "BLN",
        "MLN",
    ]
)
_HEAD_SKIP: Final = re.compile(
    r"^(?:(?:a|an|the|one)\s+(?:wholly[\s-]owned\s+|indirect\s+|direct\s+)?(?:subsidiary|subsidiaries|affiliate|"
    r"affiliates|unit|division)\s+of\s+)?(?:(?:the|a|an|its|our|their)\s+)?",
    re.IGNORECASE,
)


#: The first letters of the words `_HEAD_SKIP` can skip (and "" for an empty text).
_HEAD_FIRSTS: Final = frozenset(["", "a", "A", "t", "T", "o", "O", "i", "I"])


#: A headline's present-tense verb after "and" in title case ("… with Google and Prices Notes").
_HEADLINE_AND_VERBS: Final = frozenset(
    ["prices", "raises", "reports", "signs", "announces", "closes", "completes", "launches", "expands",
     "secures", "sells", "buys", "acquires", "posts", "names", "appoints", "agrees", "enters", "updates",
     "provides", "issues", "sets", "lifts", "boosts", "cuts", "lowers", "reaffirms", "reiterates", "files",
     "upsizes", "extends", "amends", "adds", "wins", "lands", "inks", "unveils", "plans", "targets",
     "eyes", "draws", "taps", "increases", "delivers", "begins", "starts", "opens", "hires"]
)  # fmt: skip
#: A headline's verb in title case after a name ("…, With Orbel Taking 6% Stake"): no part of it.
_HEADLINE_VERBS: Final = frozenset(
    [
        "taking",
        "buying",
        "selling",
        "signing",
        "joining",
        "adding",
        "raising",
        "seeking",
        "backing",
        "getting",
        "making",
        "winning",
        "eyeing",
        "targeting",
        "acquiring",
        "investing",
        "pledging",
        "committing",
        "securing",
        "landing",
        "boosting",
        "cutting",
        "paying",
        "bringing",
        "providing",
        "supplying",
        "agreeing",
        "announcing",
        "expanding",
        "launching",
        "snapping",
        "inking",
        "tapping",
    ]
)
#: Regulators, exchanges and courts: a filing "with the SEC" or a notice "to the Nasdaq" names
#: no other party to a deal.
_AUTHORITIES: Final = frozenset(
    [
        "sec",
        "ferc",
        "fcc",
        "ftc",
        "cftc",
        "finra",
        "doj",
        "department of justice",
        "epa",
        "irs",
        "nlrb",
        "cfius",
        "nasdaq",
        "nyse",
        "nyse american",
        "lse",
        "tsx",
        "asx",
        "hkex",
        "otc",
    ]
)
#: The last word of a regulator's, an exchange's or a court's name: "Securities and Exchange
#: Commission", "Public Utility Commission of Texas" (cut at "of"), "London Stock Exchange",
#: "Delaware Court of Chancery".
_AUTHORITY_ENDS: Final = frozenset(["commission", "exchange", "court", "tribunal", "regulator"])


def _authority(words: list[str]) -> bool:
    """Is the name a regulator's, an exchange's or a court's?"""
    if len(words) <= 2 and " ".join(words).lower() in _AUTHORITIES:
        return True
    head = words.index("of") if "of" in words else len(words)
    return head > 0 and words[head - 1].lower() in _AUTHORITY_ENDS


def clean_name(raw: str) -> str | None:
    """Trim legal suffixes and stray words; None when nothing name-like is left."""
    name = raw.strip(" ,.;:'\"’")
    if name.endswith(_POSSESSIVE_TAILS):  # (a screen: the pattern's call costs more than the test)
        name = _POSSESSIVE_END.sub("", name)
    name = _LEGAL.sub("", name).strip(" ,.")
    if _ONLY_LEGAL.fullmatch(name):
        return None
    words = name.split()
    if len(words) > 1 and name.isupper():
        cut = next((i for i, w in enumerate(words) if i and w in _CAPS_STOP), len(words))
        words = words[:cut]
    if "and" in words:
        # A title-case headline's second verb: "Signs 200 MW Lease with Google and Prices Convertible
        # Notes" names Google, not "Google and Prices Convertible Notes".
        at = words.index("and")
        if at + 1 < len(words) and words[at + 1].lower() in _HEADLINE_AND_VERBS:
            words = words[:at]
    if len(words) > 1 and words[-1].endswith("ing") and words[-1].lower() in _HEADLINE_VERBS:
        words.pop()
    if words and words[-1].lower() in _TITLE_ENDS and len(words) > 1:
        return None
    while words and (words[0].lower() in _NOT_NAMES or words[0].lower().endswith(_PLACED_WORD)):
        # "Google-backed Nimbus AI", "Oslo-based Brightmoor": where it sits or who backs it is no part
        # of the name.
        words.pop(0)
    if words and words[-1].lower() in _CLASS_NOUNS and all(w.lower() in _CLASS_MODIFIERS for w in words[:-1]):
        # A title-case headline's class of buyers: "… Fuel Cell Power for AI Data Centers", "… Capacity
        # for Hyperscalers" ("Ostrava Data Centers" keeps the word that names it).
        return None
    # A capitalised "Credit" that ends the name is a lender's own word: "Selden Park Credit".
    lender = len(words) > 1 and words[-1] == "Credit" and words[-2].lower() not in _CREDIT_KINDS
    while words and words[-1].lower() in _NOT_NAMES and not lender:
        words.pop()
    if not words or (words[0][:1].isupper() and _authority(words)):
        return None
    name = " ".join(words)
    if len(name) < 2 or name.lower() in _NOT_NAMES:
        return None
    return name


#: Plural nouns of a kind of buyer or site, which alone or after `_CLASS_MODIFIERS` name nobody.
_CLASS_NOUNS: Final = frozenset(
    ["centers", "centres", "hyperscalers", "enterprises", "neoclouds", "developers", "operators", "tenants",
     "clients", "businesses", "utilities", "governments", "startups", "start-ups", "providers", "builders",
     "buyers", "users", "workloads", "applications", "factories", "campuses", "customers"]
)  # fmt: skip
#: Words that only say what kind of buyer, never a company's own name: "AI Data Centers", "Sovereign AI
#: Factories", "Enterprise Customers" (not "Global" or "Digital", which real names hold).
_CLASS_MODIFIERS: Final = frozenset(
    ["ai", "data", "cloud", "hyperscale", "hyperscaler", "sovereign", "edge", "enterprise", "gpu", "hpc",
     "neocloud", "colocation", "on-site", "onsite", "high-performance", "high-density", "ai-native",
     "next-generation", "next-gen", "gigawatt-scale", "inference", "training", "large", "other", "all"]
)  # fmt: skip


#: Words that make a closing "Credit" a kind of credit, not a lender's name ("Revolving Credit").
_CREDIT_KINDS: Final = frozenset(
    ["revolving", "private", "tax", "trade", "consumer", "letter", "of", "the", "secured", "senior", "term",
     "bridge"]
)  # fmt: skip

#: What a name is called before it is named: "AI-cloud platform Stratalane", "robotics start-up
#: Fennick Dynamics", "the US hyperscaler Pemberton". Up to two modifiers (an acronym, a hyphened
#: word or a lower-case word) and a noun that calls the name a company, right before a capital.
_DESCRIPTOR: Final = re.compile(
    r"(?:(?:[A-Z]{2,5}|[A-Z][\w.]*-[a-z][\w-]*|[a-z][\w-]*)\s+){0,2}?"
    r"(?:platform|provider|start-?up|hyperscaler|lab|laboratory|developer|company|firm|operator|giant|maker|"
    r"chipmaker|designer|specialist|unicorn|neocloud|customer|tenant|client|partner|player|rival|peer|group|"
    r"fund|bank|lender|investor|manager|utility|builder|supplier|vendor|business|outfit|venture)s?\s+"
    r"(?=[A-Z]|[a-z]{1,2}[A-Z])"
)
#: A place, not a party: a name followed by the kind of site it is ("its Marrow Flats facility",
#: "the Ridgefield Data Center", "at our Ashby Park campus").
_SITE_AFTER: Final = re.compile(
    r"\s+(?:facilit(?:y|ies)|sites?|campus(?:es)?|parks?|plants?|substations?|data[\s-]cent(?:er|re)s?)\b"
)
_SITE_ENDS: Final = frozenset(["campus", "site", "park", "facility", "plant", "substation"])


#: Where a company sits or who backs it, written before its name: "Oslo-based", "U.S.-headquartered",
#: "Nasdaq-listed", "SoftBank-backed".
_PLACED_SUFFIXES: Final = (
    "based", "headquartered", "listed", "backed", "owned", "born", "registered", "funded", "financed",
    "controlled", "affiliated", "supported",
)  # fmt: skip
_PLACED: Final = re.compile(
    r"(?:[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?-(?:" + "|".join(_PLACED_SUFFIXES) + r")\s+)+"
)
_PLACED_WORD: Final = tuple("-" + suffix for suffix in _PLACED_SUFFIXES)


#: Verbs a title-case headline writes capitalised after "to": "Partnership to Deploy 6 Gigawatts",
#: "Agrees to Supply Northlight" (no party is named "Deploy").
_TO_VERBS: Final = frozenset(
    ["deploy", "supply", "provide", "deliver", "build", "buy", "acquire", "develop", "expand", "raise",
     "sell", "lease", "host", "fund", "offer", "add", "bring", "invest", "launch", "support", "serve",
     "create", "accelerate", "double", "triple", "boost", "power", "purchase", "procure", "construct",
     "design", "co-develop", "scale", "secure", "issue", "explore", "form"]
)  # fmt: skip


def name_at(text: str, pos: int) -> str | None:
    """The name that starts at `pos` (after an optional article and what the name is called), if
    any; none when it names a site."""
    if text.startswith("@", pos) and text[pos + 1 : pos + 2].isalnum():
        pos += 1  # a social-media handle: "a 250MW deal with @AnthropicAI"
    rest = text[pos : pos + 120]
    first = rest[:1]
    # Every word `_HEAD_SKIP` skips opens on a, t, o or i ("the", "one", "its"): a name opening on
    # another ASCII letter ("Harwick Bank") has nothing before it to skip.
    head = _HEAD_SKIP.match(rest) if not first.isascii() or first in _HEAD_FIRSTS else None
    offset = head.end() if head else 0
    if "-" in rest[offset : offset + 24]:
        placed = _PLACED.match(rest, offset)
        if placed:
            # "Oslo-based Brightmoor", "U.S.-based cloud provider Tarnell": where it sits is no name.
            offset = placed.end()
    if (
        rest[offset : offset + 1].islower()
        or "-" in rest[offset : offset + 12]
        or rest[offset : offset + 2].isupper()
    ):
        described = _DESCRIPTOR.match(rest, offset)
        if described:
            offset = described.end()
    m = _NAME.match(rest, offset)
    if not m:
        return None
    if offset == 0 and pos >= 3 and text[pos - 3 : pos] in ("to ", "To ", "TO "):
        first = m.group().split(None, 1)[0].lower()
        if first in _TO_VERBS:
            # A title-case headline's infinitive: "Partnership to Deploy 6 Gigawatts" names no one.
            return None
    if _SITE_AFTER.match(rest, m.end()):
        return None
    name = clean_name(m.group())
    if name is not None and (_site_name(name) or (name[:1].isdigit() and _POWER_WORD.fullmatch(name))):
        return None
    return name


#: A figure with its power unit written as one word, which `_NAME` may take for a name: "300MW", "1.2GW".
_POWER_WORD: Final = re.compile(r"\d[\d.,]*(?:MW|GW|kW)")


def _site_name(name: str) -> bool:
    """ "Ridgefield Data Center", "Ashby Park": a name that ends in the kind of site it is."""
    words = name.split()
    if len(words) < 2:
        return False
    last = words[-1].lower()
    return last in _SITE_ENDS or (last in ("center", "centre") and words[-2].lower() == "data")


def names_in(text: str) -> list[tuple[int, int, str]]:
    """Every capitalised name run in `text` with its offsets."""
    out: list[tuple[int, int, str]] = []
    for m in _NAME.finditer(text):
        name = clean_name(m.group())
        if name:
            out.append((m.start(), m.end(), name))
    return out


class LeadWords:
    """A party-word pattern ("with", "led by", "handed over to") and the words its matches open on.

    Such a pattern opens on `\\b` or on words matched in any case, which leaves `re` no literal to
    skip ahead to: it tries the whole pattern at every position of the text, and a party scan cost
    tens of thousands of instructions a sentence. `finditer` finds the opening words with
    `str.find` in the lower-cased span and tries the pattern only where one starts; the matches are
    `pattern.finditer`'s. `starts` are lower-case, and every match opens on one of them (in any
    case), or with `anchored` at the text's very start too (a branch opening on `^`); no match is
    empty.
    """

    __slots__ = ("anchored", "pattern", "starts")

    def __init__(self, pattern: re.Pattern[str], starts: tuple[str, ...], anchored: bool = False) -> None:
        self.pattern = pattern
        self.starts = starts
        self.anchored = anchored

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[re.Match[str]]:
        """`list(self.pattern.finditer(text, pos, endpos))`."""
        return self._scan(text, pos, endpos, False)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """`self.pattern.search(text, pos, endpos)`."""
        found = self._scan(text, pos, endpos, True)
        return found[0] if found else None

    def _scan(self, text: str, pos: int, endpos: int, first: bool) -> list[re.Match[str]]:
        """The matches in order (only the first with `first`)."""
        end = max(0, min(endpos, len(text)))  # offsets clamped as `re` clamps them
        start = max(pos, 0)
        span = text[start:end]
        if not foldable(span):
            # Lower-casing would move offsets or miss a case pair (long s, Kelvin sign): the engine reads it.
            if first:
                m = self.pattern.search(text, pos, endpos)
                return [] if m is None else [m]
            return list(self.pattern.finditer(text, pos, endpos))
        low = span.lower()
        at: list[int] = [0] if self.anchored and start == 0 and end > 0 else []
        for word in self.starts:
            i = low.find(word)
            while i >= 0:
                at.append(start + i)
                i = low.find(word, i + 1)
        found: list[re.Match[str]] = []
        if not at:
            return found
        at.sort()
        resume = start
        for i in at:
            if i < resume:
                continue  # inside the match before (finditer's matches do not overlap)
            m = self.pattern.match(text, i, end)
            if m is not None:
                found.append(m)
                if first:
                    break
                resume = m.end()
        return found


_LENDER_RIGHT: Final = LeadWords(
    re.compile(
        r"\b(?:led\s+by|arranged\s+by|provided\s+by|from|with|underwritten\s+by|backed\s+by|funded\s+by|"
        # "$650 million of preferred equity it sold to the Alder Point pension fund".
        r"(?:sold|issued)\s+to(?:\s+the)?)\s+"
        # "from a syndicate of banks led by X", "from a club of four banks (X as coordinator)": the named
        # lead stands for the group.
        r"(?:an?\s+(?:syndicate|group|club|consortium)\s+of\s+(?:[\w-]+\s+)?(?:banks|lenders)\s+"
        r"(?:led\s+by\s+|\(\s*(?:led\s+by\s+|including\s+)?)|"
        # "with the lenders party thereto and Halberd National Bank, as administrative agent".
        r"the\s+(?:several\s+)?(?:lenders|banks|purchasers)\s+(?:from\s+time\s+to\s+time\s+)?part(?:y|ies)\s+"
        r"(?:thereto|hereto)(?:\s+from\s+time\s+to\s+time)?,?\s+and\s+)?",
    ),
    ("led", "arranged", "provided", "from", "with", "underwritten", "backed", "funded", "sold", "issued"),
)
_PARTY_WORDS: Final = ("with", "to", "from", "for", "by")
#: "w/" is how a ticker post writes "with": "inks 200 MW hosting deal w/ Norvale AI".
_PARTY_WITH: Final = LeadWords(re.compile(r"\b(?i:" + "|".join(_PARTY_WORDS) + r")\s+"), _PARTY_WORDS)
#: The party-word patterns with "w/" as one more "with" (`slashed`), compiled on first use.
_SLASHED: Final[dict[str, LeadWords]] = {}


def slashed(words: LeadWords) -> LeadWords:
    """`words` that also reads a ticker post's "w/" as "with" ("hosting deal w/ Norvale AI"); used
    only on text holding "w/", so the common scans keep their literal fast paths."""
    pattern = words.pattern
    found = _SLASHED.get(pattern.pattern)
    if found is None:
        slash = re.compile(pattern.pattern + r"|(?<![\w/])[wW]/\s*", pattern.flags)
        found = LeadWords(slash, (*words.starts, "w/"), words.anchored)
        _SLASHED[pattern.pattern] = found
    return found


_SUBJECT_VERB: Final = re.compile(
    r"\b(?:lent|loaned|provided|agreed\s+to\s+provide|has\s+agreed\s+to\s+provide|will\s+provide|"
    r"extended|committed|invested|signed|agreed|awarded|selected|chose|accounted\s+for|represented|was|were|"
    r"contributed|made\s+up|is|are)\b"
)


def is_same_company(name: str, company: str | None) -> bool:
    if not company:
        return False
    a, b = name.casefold(), company.casefold()
    return a in b or b in a or a.split()[0] == b.split()[0]


#: A backer's role, written right before its name: "backed by", "backstopped by", "guaranteed by".
_BACKER_BEFORE: Final = re.compile(
    r"\b(?i:backed|backstopped|guaranteed|underpinned|supported|funded|financed|owned|controlled)\s+by\s+$|"
    # A lender is no party to a customer's deal: "its bridge loan from Fjordbanken ASA, and … the 90MW
    # data centre, which is fully contracted to OpenAI".
    r"\b(?i:loans?|facilit(?:y|ies)|financing|borrowings?|debt)\s+from\s+$"
)
#: A backer's or an investor's role, written right after its name in an absolute construction: "with
#: Google taking an 8% stake", "With Google Backstopping the Lease", "with Orlen to guarantee …".
_BACKER_AFTER: Final = re.compile(
    r"\s+(?i:(?:also\s+|then\s+)?(?:(?:is|was|were|are)\s+)?(?:"
    r"taking|takes|took|backstopping|backstops|backstopped|backing|backs|guaranteeing|guarantees|guaranteed|"
    r"investing|invests|invested|acquiring|acquires|acquired|buying|buys|bought|"
    r"putting|puts|contributing|contributes|underwriting|underwrites|"
    r"(?:to|will|would|shall)\s+(?:also\s+)?(?:take|backstop|back|guarantee|invest|acquire|buy|put|"
    r"contribute|underwrite)|"
    r"(?:providing|provides|(?:to|will|would)\s+provide)\s+(?:an?\s+|the\s+)?(?:backstop|guarantee|equity|capital)"
    r"))(?![\w-])"
)
#: Words one of which every `_BACKER_BEFORE` / `_BACKER_AFTER` match holds (a cheap screen).
_BACKER_STEMS: Final = (
    "back", "guarant", "underp", "support", "fund", "financ", "own", "control", "tak", "took", "invest",
    "acquir", "buy", "bought", "provid", "put", "contribut", "underwrit", "loan", "facilit", "borrow", "debt",
)  # fmt: skip
#: The same stems as one pattern, for text outside ASCII (where IGNORECASE knows more case pairs).
_BACKER_SCREEN: Final = re.compile("(?i:" + "|".join(_BACKER_STEMS) + ")")


def is_backer(text: str, name_start: int) -> bool:
    """Is the name starting at `name_start` a backer or an investor beside a deal ("backed by Google",
    "with Google taking an 8% stake"), not its other party?"""
    window = text[max(0, name_start - 16) : name_start + 80]
    if window.isascii():
        # Substring tests on the lower-cased window: an IGNORECASE alternation tries every stem at
        # every position (eight times slower); outside ASCII the pattern keeps its case rules.
        low = window.lower()
        if not any(stem in low for stem in _BACKER_STEMS):
            return False
    elif _BACKER_SCREEN.search(window) is None:
        return False
    if _BACKER_BEFORE.search(text, max(0, name_start - 16), name_start):
        return True
    run = _NAME.match(text, name_start)
    if run is None:
        return False
    # A headline capitalises the participle into the name's run ("With Google Taking 8% Stake").
    words = run.group().split()
    at = name_start
    for word in words:
        at = text.find(word, at)
        if _BACKER_AFTER.match(text, at + len(word)) is not None:
            return True
        at += len(word)
    return False


def party_after(
    text: str,
    start: int,
    end: int,
    company: str | None,
    pattern: LeadWords = _PARTY_WITH,
    no_backers: bool = False,
) -> str | None:
    """First name introduced by a party word ("with X", "led by X") within text[start:end]; with
    `no_backers`, none that backs the deal or takes a stake (`is_backer`)."""
    if "w/" in text:
        pattern = slashed(pattern)
    for m in pattern.finditer(text, start, end):
        name = name_at(text, m.end())
        if name and not is_same_company(name, company) and not _generic(name):
            if no_backers and is_backer(text, m.end()):
                continue
            return name
    return None


def first_of_pair(name: str, company: str | None) -> str:
    """One party of "with Vantor AI and Larkspur": a fact has a single counterparty field, and the
    joined run names two companies, so the first that is not the company itself stands for the
    deal (the second is most often a backer or a further customer). Single names that hold "and"
    ("Securities and Exchange Commission") never reach here: they are authorities, not parties."""
    for part in name.split(" and "):
        part_name = clean_name(part)
        if part_name and not is_same_company(part_name, company) and not _generic(part_name):
            return part_name
    return name


def lender(text: str, start: int, end: int, company: str | None) -> str | None:
    """Lender of a financing: "led by X" beats "from X"/"with X" anywhere in the span."""
    span = text[start:end]
    # Every "led by" match holds "by" or ":" ("arranged by", "lender:", "(lead:"): two finds rule
    # out most spans before the screen's eleven words and the pattern's scan of every position.
    found = list(_RE_LED_ARRANGED_PROVIDED.finditer(span)) if "by" in span or ":" in span else []
    for i, led in enumerate(found):
        name = name_at(text, start + led.end())
        if name and not is_same_company(name, company):
            if span.startswith("backed", led.start()) and _secures(name):
                # "a $4 billion delayed-draw term loan backed by the Nvidia GPUs it plans to install,
                # arranged by Calder & Moss": what secures the loan, not who lends it.
                continue
            if span.startswith(("backed", "funded"), led.start()) and any(
                span.startswith(("led", "arranged", "provided"), later.start()) for later in found[i + 1 :]
            ):
                # "Kellbrook, backed by infrastructure investor Corvale Partners, closed a $3.2 billion
                # construction financing …, led by Dunmore Harbor Bank": the company's sponsor; the
                # financing's own "led by" names its lender.
                continue
            return name
    return party_after(text, start, end, company, _LENDER_RIGHT)


#: The last word of a name that is what secures a loan, not a backer: "the Nvidia GPUs", "Vireo chips".
_SECURING_NOUNS: Final = frozenset(
    ["gpus", "gpu", "chips", "chip", "servers", "accelerators", "equipment", "hardware", "assets",
     "receivables", "clusters", "racks", "systems", "collateral", "contracts", "leases", "inventory"]
)  # fmt: skip


def _secures(name: str) -> bool:
    """Is a "backed by" name the loan's collateral ("Nvidia GPUs", "H200 Servers") rather than a backer?"""
    return name.rsplit(None, 1)[-1].lower() in _SECURING_NOUNS


def subject_before(text: str, pos: int, company: str | None, floor: int = 0) -> str | None:
    """The last name written before `pos` (after `floor`) that is not the company itself."""
    best: str | None = None
    for s, _e, name in names_in(text[floor:pos]):
        del s
        if not is_same_company(name, company) and not _generic(name):
            best = name
    return best


def _generic(name: str) -> bool:
    low = name.casefold()
    return low in {
        "gaap",
        "non-gaap",
        "ebitda",
        "rpo",
        "mw",
        "gw",
        "usd",
        "us",
        "ceo",
        "cfo",
        "ipo",
        "ai",
        # Hardware, not a party: "supply Ostrel with GPU clusters".
        "gpu",
        "gpus",
        "cpu",
        "hpc",
        # An agreement's short name ("Concurrently with the MSA, …"), not a party.
        "msa",
        "msas",
        "loi",
        "mou",
        "sla",
        # A row label's or a sentence's first adjective ("New leases signed during the year"), no party.
        "new",
        "additional",
    } or bool(_PERIOD_LIKE_NAME.fullmatch(low))


_DOC_COMPANY: Final = re.compile(
    # A name starts a word: not the "K" of "FORM 8-K" above "QUILLON NETWORKS, INC." (a dateline's
    # "2026--Quillon AI, Inc." does start one).
    # A name stays on its line: a title-case headline with no full stop ("… Amid Strong Demand") does
    # not run into the legal name that opens the next line.
    r"(?<![\w.'’&])(?<!\w-)(?P<name>(?:[A-Z][\w&'’.\-]*|[a-z][A-Z][\w\-]*)"
    r"(?:[ \t]+(?:[A-Z][\w&'’.\-]*|of|&))*?)"
    r",?\s+(?:Inc|Corp|Corporation|Ltd|Limited|LLC|plc|PLC|N\.V|S\.A|AG|SE|Co|INC|CORP|CORPORATION|LTD|"
    # Nordic and German forms, as an issuer's own line writes them ("NORRSKEN KRAFT & DATA AB (publ)"): in
    # running text "Lindqvist AB accounted for 30%" is as likely a customer.
    r"LIMITED|(?:AB|ASA|Oyj|GmbH|A/S|B\.V)(?=\s*\(publ\)|[ \t]*(?:\n|$)))\b\.?"
    r"|(?<![\w.'’&])(?<!\w-)(?P<name2>(?:[A-Z][\w&'’.\-]*)(?:[ \t]+[A-Z][\w&'’.\-]*){0,3})"
    r"\s+\((?:ticker|NASDAQ|NYSE|Nasdaq|LSE|TSX|"
    r"NYSE\s+American|OTC)\b",
)
#: Where a `_DOC_COMPANY` match can end its name: a whitespace character, then a legal form or a
#: ticker's bracket, each a whole word (a superset of the pattern's own endings). The words are
#: grouped by their first character, so the alternation opens on a set of characters that `re` scans
#: for in its tight loop; the whitespace before the word is checked by `_anchor`. (Written as
#: `\s(?:Inc|Corp|…)\b`, the pattern was tried at every space of the top.)
_ANCHOR_WORD: Final = re.compile(
    r"(?:I(?:nc|NC)|C(?:orp|orporation|o|ORP|ORPORATION)|L(?:td|imited|LC|TD|IMITED)|plc|PLC|N\.V|S(?:\.A|E)|"
    r"A(?:G|B|SA|/S)|Oyj|GmbH|B\.V|\((?:ticker|NASDAQ|NYSE|Nasdaq|LSE|TSX|OTC))\b"
)
#: Where a `_DOC_COMPANY` match can start: its look-behinds, then a capital or a lower-case letter
#: before one ("eBay").
_DOC_COMPANY_START: Final = re.compile(r"(?<![\w.'’&])(?<!\w-)(?:[A-Z]|[a-z](?=[A-Z]))")


def _company_matches(head: str) -> Iterator[re.Match[str]]:
    """`_DOC_COMPANY.finditer(head)`, without trying the pattern at every position.

    The pattern tries every position and at each capital of a title-case headline lazily grows a name
    run word by word, which made finding the company a twelfth of extracting a short release. A match
    ends its name on one line, before whitespace and a legal form or a ticker's bracket (an anchor), so
    the leftmost match at or after `pos` starts on or after the line of the first anchor after `pos`
    (`_name_line_start`) and, if it starts before that anchor, at a position `_DOC_COMPANY_START`
    finds there; past the anchor, the next anchor bounds it again. The matches are the pattern's own,
    in its order (tested against `finditer`)."""
    pos = 0
    end = len(head)
    while pos < end:
        at = _anchor(head, pos)
        if at < 0:
            return
        found = None
        for start in _DOC_COMPANY_START.finditer(head, max(pos, _name_line_start(head, at)), at + 2):
            if start.start() > at:
                break
            found = _DOC_COMPANY.match(head, start.start())
            if found is not None:
                break
        if found is None:
            pos = at + 1
            continue
        yield found
        pos = found.end()
        if found.end() == found.start():
            pos += 1


def _anchor(head: str, pos: int) -> int:
    """The first whitespace character at or after `pos` followed by a legal form or a ticker's bracket
    as a whole word (`_ANCHOR_WORD`), or -1: that word starts after `pos` with whitespace before it."""
    at = pos + 1
    while True:
        word = _ANCHOR_WORD.search(head, at)
        if word is None:
            return -1
        at = word.start()
        if head[at - 1].isspace():
            return at - 1
        at += 1


def _name_line_start(head: str, ending: int) -> int:
    """The start of the line holding the last character of a name that ends before the whitespace at
    `ending` (`,?\\s+` lies between a name and its legal form, and a name never leaves its line):
    no `_DOC_COMPANY` match whose form or bracket follows `ending` starts before it."""
    before = head[:ending].rstrip()
    if before.endswith(","):
        before = before[:-1]
    return head.rfind("\n", 0, len(before)) + 1


_CORP_SUFFIX: Final = re.compile(r"\s+(?:Holdings|Group|Incorporated)$")


#: A legal name in another party's place: "a credit agreement with Harlow Ridge Funding, Inc.", "funds
#: managed by Oakhurst Capital LLC", "a loan from Orrin Bank Ltd.". A filing written as "we" or "the
#: Company" may name its lender or agent before it names itself, if it ever does. "by" and "to" are
#: left out: "a release issued by Ostwind Digital, Inc.", "a term loan to Ternmoor Compute Ltd." name
#: the subject. "an agreement under which Brantwood Compute (NASDAQ: BRWD) will supply" names the supplier
#: of a customer's release. (The look-ahead holds the branches' first letters: under IGNORECASE `re` enters
#: each branch to compare its first letter, so a word start that opens none fails on one set test.)
_PARTY_BEFORE: Final = re.compile(
    r"\b(?=(?i:[abflmtuvw]))(?:with|from|through|via|between|among|under\s+which|"
    r"(?:managed|advised|arranged|led)\s+by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: ... or the name's role follows it: "H.C. Wainwright & Co., LLC, as sales agent", "… (the "Lender")".
_ROLE_AFTER: Final = re.compile(
    r",?\s*(?:as\s+(?:the\s+)?(?:\w+\s+){0,2}(?:agent|lender|landlord|tenant|purchaser|underwriter|trustee|"
    r"investor|arranger)s?\b|\(\s*(?:the\s+)?[\"“](?:agent|lender|landlord|tenant|purchaser|underwriter|trustee|"
    r"investor|sales\s+agent|administrative\s+agent)[\"”])",
    re.IGNORECASE,
)


def document_company(text: str) -> str | None:
    """The company a disclosure is about: the first legal name or ticker-tagged name near the top
    that is not written in another party's place (none, when every name near the top is)."""
    head = text[:4000]
    m = None
    # A filing that defines itself as "the Company" names its own legal name there, wherever the other
    # party's name stands: 'Halden Systems LLC ("Halden") and Velmora Compute Corp. (the "Company")
    # entered into a lease'.
    defines = '"Company' in head or "“Company" in head
    for found in _company_matches(head):
        if defines and _COMPANY_DEFINED_AFTER.compiled.match(head, found.end()):
            m = found
            break
        if m is not None:
            continue
        line_start = head.rfind("\n", 0, found.start()) + 1
        before = head[max(line_start, found.start() - 40) : found.start()]
        if (before and _PARTY_BEFORE.search(before)) or _ROLE_AFTER.match(head, found.end()):
            continue
        m = found
        if not defines:
            break
    if m is None:
        plain = _PLAIN_DEFINED_COMPANY.compiled.search(head) if defines else None
        # 'Tessaly (the "Company") and Fluidline ("Fluidline") entered into …': no legal name, but the
        # filer's definition names it.
        return clean_name(plain.group("name")) if plain is not None else None
    raw = m.group("name") or m.group("name2") or ""
    if raw.isupper():
        raw = raw.title()
    raw = _CORP_SUFFIX.sub("", raw.strip())
    words = raw.split()
    while words and words[0].lower() in _NOT_NAMES and words[0].lower() not in _LEGAL_NAME_WORDS:
        words.pop(0)
    return " ".join(words) or None


#: A legal name's definition as the filer: ' (the "Company")', ' (together with its subsidiaries, the
#: “Company”)', ' (“Tessaly,” the “Company,” “we” or “us”)'.
_COMPANY_DEFINED_AFTER: Final = OnFirstUse(
    r"\s*\(\s*(?:(?:together|collectively)(?:\s+with\s+(?:its|their)\s+(?:consolidated\s+)?subsidiaries)?,?\s+)?"
    r"(?:(?:the\s+)?[\"“][^\"“”()]{1,40}[\"”]\s*,?\s*(?:or\s+|and\s+)?)*?(?:the\s+)?[\"“]Company,?[\"”]"
)


#: A name of up to four capitalised words defined as the filer, with no legal suffix.
_PLAIN_DEFINED_COMPANY: Final = OnFirstUse(
    r"(?<![\w.'’&-])(?P<name>[A-Z][\w&'’\-]*(?:[ \t]+[A-Z][\w&'’\-]*){0,3})" + _COMPANY_DEFINED_AFTER.source
)


#: Words that are no counterparty on their own ("core" revenue, a "senior" note, "total" backlog) but
#: begin many legal names: "Core Scientific, Inc." is not "Scientific".
_LEGAL_NAME_WORDS: Final = frozenset(["core", "senior", "secured", "credit", "total", "term", "adjusted"])


#: A capitalised name run, for readers that find a name by where it ends (see `movers`).
NAME_RUN: Final = _NAME


def is_generic(name: str) -> bool:
    """A capitalised word that names nobody: "GAAP", "RPO", "Q3", "FY26"."""
    return _generic(name)


#: A news story's actor: a name that opens a line or a sentence near the top and acts ("Quorvex
#: Compute signed …", "Quorvex has announced …", "… 2026 - Quorvex said …", "Exclusive: Quorvex expands …",
#: a wire's dateline "--(BUSINESS WIRE)--Quorvex today announced …").
_LEAD_ACTOR: Final = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?:]\s)|(?<=[—–-]\s)|(?<=\d-)|(?<=--))"
    r"(?P<n>" + _WORD + r"(?:[ \t]+(?:of[ \t]+|&[ \t]+)?" + _WORD + r"){0,4})"
    r"(?:[ \t]+\([^()\n]{1,40}\))?,?[ \t]+(?:(?:has|have|had|today|also|now|on[ \t]+\w+day)[ \t]+)*"
    r"(?:signed|signs|announced|announces|said|says|reported|reports|struck|strikes|inked|inks|secured|secures|"
    r"closed|closes|priced|prices|agreed|agrees|entered|enters|raised|raises|completed|completes|expanded|"
    r"expands|landed|lands|won|wins|unveiled|unveils|launched|launches|finalized|finalizes|boosted|boosts)\b"
)


#: How far down the story its subject is looked for: the headline and the lead sentence. Deeper, a
#: sentence opens with whoever the story quotes ("OpenAI said Tuesday …").
_LEAD_REACH: Final = 600


def lead_actor(text: str) -> str | None:
    """The company a story without a legal or ticker-tagged name is most likely about: the first
    name near the top that opens a sentence and acts. Used only to tell that company from the other
    party of a deal ("Halcyon Labs signed a contract with Quorvex" in a Quorvex story names Halcyon
    Labs as the other party), never as a fact's company."""
    m = _LEAD_ACTOR.search(text, 0, min(len(text), _LEAD_REACH))
    if m is None:
        return None
    name = clean_name(m.group("n"))
    if name is None or _generic(name) or _authority(name.split()):
        return None
    return name
