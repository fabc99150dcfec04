"""Defined terms in brackets, as filings write them, read as absent.

An 8-K, an S-1 or a 10-Q note names each agreement and each party once and gives it a short
name in brackets: 'a colocation agreement (the "Colocation Agreement") with Fluidline Cloud Ltd.
("Fluidline") for approximately 168 MW', 'among the Company, the lenders party thereto (together,
the "Lenders") and Halberd National Bank'. The bracket sits between an agreement and its "with",
or between a party and its figure, where every reader of a party, a value or a status expects the
words to run on. A sentence is read with such brackets blanked to spaces of the same length, so
offsets (and the evidence, taken from the text as written) do not move.

Only a bracket that names an agreement, a party's role or a party is blanked: one after a figure
that names the figure ('$2.25 billion (the "DDTL Facility")', '230 MW of critical IT load (the
"Contracted Capacity")', '$6.1 billion (the "Contract Value")') says what the figure is, and stays.
"""

from __future__ import annotations

import re
from typing import Final

from rules.extraction.lazy import OnFirstUse

#: One quoted term, in straight or curly quotes, double or single.
_QUOTED: Final = r"(?:\"[^\"()\n]{1,60}\"|“[^“”()\n]{1,60}”|'[^'()\n]{1,60}'|‘[^‘’()\n]{1,60}’)"
#: A defined-term bracket: '(the "Agreement")', '(“Fluidline”)', "(the 'Customer')", '(together, the
#: "Lenders")', '(together with its subsidiaries, the "Company")', '(“Tessaly,” the “Company,” “we,” “us”
#: or “our”)', '(in such capacity, the “Agent”)', '(“Quorra” and, together with the Company, the “Parties”)'.
_DEFINED_TERM: Final = OnFirstUse(
    r"\(\s*(?:(?:together|collectively|each|individually|jointly|hereinafter|as\s+amended|"
    r"together\s+with\s+(?:its|their)\s+(?:consolidated\s+)?subsidiaries|such\s+[a-z]+|"
    r"in\s+(?:such|its|their)\s+capacit(?:y|ies)(?:\s+as\s+[a-z ]{1,30}?)?)\s*,?\s+)?"
    r"(?:(?:the|a|an|each\s+an?)\s+)?"
    + _QUOTED
    + r"(?:\s*,?\s*(?:(?:or|and)\s*,?\s+)?(?:(?:together|collectively|each)[^()\"“”‘’]{0,40}?,\s+)?"
    r"(?:(?:the|a|an)\s+)?" + _QUOTED + r")*"
    r"\s*,?\s*\)"
)
_TERM: Final = OnFirstUse(_QUOTED)
#: A figure right before the bracket: "$2,250,000,000 (", "$350 million (", "230 MW (".
_AFTER_FIGURE: Final = OnFirstUse(
    r"(?:\d|%|\b(?:million|billion|thousand|trillion|mw|gw|megawatts?|gigawatts?|bn|mn|[mbk]))\s*$",
    re.IGNORECASE,
)
#: A date or a number in a name right before the bracket: "dated March 2, 2026 (", "Amendment No. 4 (".
_AFTER_DATE: Final = OnFirstUse(
    r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|\bNo\.\s*\d{1,3})\s*$",
    re.IGNORECASE,
)
#: An agreement noun right before the bracket: "a colocation agreement (", "a Master Lease (".
_AFTER_AGREEMENT: Final = OnFirstUse(
    r"\b(?:agreements?|leases?|contracts?|amendments?|MSA|arrangements?)[,\s]*$", re.IGNORECASE
)
#: The last word of an agreement's short name: "Colocation Agreement", "Lease", "MSA".
_AGREEMENT_WORDS: Final = frozenset(
    ["agreement", "agreements", "lease", "leases", "contract", "contracts", "amendment", "addendum", "order",
     "arrangement", "arrangements", "deal", "sow", "msa"]
)  # fmt: skip
#: The last word of a party's role: "the Company", "the Customer", "the Administrative Agent", "the Lenders".
_ROLE_WORDS: Final = frozenset(
    ["company", "customer", "customers", "client", "tenant", "tenants", "landlord", "lessor", "lessee",
     "lender", "lenders", "agent", "agents", "borrower", "borrowers", "guarantor", "guarantors", "purchaser",
     "purchasers", "buyer", "buyers", "seller", "sellers", "supplier", "provider", "offtaker", "sponsor",
     "investor", "investors", "issuer", "trustee", "underwriter", "underwriters", "parent", "party",
     "parties", "counterparty", "licensor", "licensee", "operator", "developer", "owner", "manager", "holder",
     "holders", "subscriber", "subscribers", "arranger", "arrangers", "bank", "banks", "group", "corporation",
     "jv", "venture", "partnership"]
)  # fmt: skip
#: What a filing calls itself besides its name: '(“Tessaly,” the “Company,” “we,” “us” or “our”)'.
_PRONOUNS: Final = frozenset(["we", "us", "our"])
#: Words of a legal name that no short name repeats: "Orrin Labs, Inc. (“OL”)".
_LEGAL_WORDS: Final = frozenset(
    ["inc", "ltd", "llc", "corp", "co", "plc", "lp", "l.p", "n.a", "s.a", "ag", "se", "company",
     "corporation", "holdings", "group", "limited"]
)  # fmt: skip
#: How far back a short name's full name is looked for.
_NAME_REACH: Final = 120


class Blanked:
    """A sentence read with its defined terms blanked, and the short names it gave agreements."""

    __slots__ = ("deals", "low", "text")

    def __init__(self, text: str, low: str, deals: list[tuple[str, int]]) -> None:
        self.text = text
        self.low = low
        #: The agreements' short names ("Colocation Agreement", "Fluidline MCA"), each with where its
        #: bracket ends.
        self.deals = deals


def blank_defined_terms(text: str, low: str) -> Blanked | None:
    """`text` and its lower-cased form with every bracket that defines an agreement's or a party's
    short name blanked to spaces; None when there is none (the caller screens for "(" and a quote)."""
    spans: list[tuple[int, int]] = []
    deals: list[tuple[str, int]] = []
    for m in _DEFINED_TERM.compiled.finditer(text):
        at = m.start()
        if (
            _AFTER_FIGURE.compiled.search(text, max(0, at - 16), at) is not None
            and _AFTER_DATE.compiled.search(text, max(0, at - 24), at) is None
        ):
            # '$350 million (the "Revolving Facility")': the bracket names the figure (but 'an amended
            # agreement dated March 2, 2026 (the "Prior Agreement")' names the agreement).
            continue
        terms = [t.group()[1:-1].strip(" ,.;:") for t in _TERM.compiled.finditer(text, at, m.end())]
        if _AFTER_AGREEMENT.compiled.search(text, max(0, at - 16), at) is not None:
            # Right after an agreement noun the bracket is that agreement's name, however it reads:
            # 'a master colocation agreement (the “Fluidline MCA”) with'.
            deals.extend((t, m.end()) for t in terms if t)
        elif not all(_party_or_agreement(t, text, at) for t in terms):
            continue
        else:
            deals.extend((t, m.end()) for t in terms if t and t.split()[-1].lower() in _AGREEMENT_WORDS)
        spans.append((at, m.end()))
    if not spans:
        return None
    parts: list[str] = []
    low_parts: list[str] = []
    at = 0
    for a, b in spans:
        parts.append(text[at:a])
        low_parts.append(low[at:a])
        parts.append(" " * (b - a))
        low_parts.append(" " * (b - a))
        at = b
    parts.append(text[at:])
    low_parts.append(low[at:])
    return Blanked("".join(parts), "".join(low_parts), deals)


def _party_or_agreement(term: str, text: str, at: int) -> bool:
    """Does the quoted term name an agreement, a party's role, the filer ("we") or a party written
    just before the bracket ('Fluidline Cloud Ltd. ("Fluidline")', 'Orrin Labs, Inc. ("OL")')?"""
    words = term.split()
    if not words:
        return False
    last = words[-1].lower()
    if last in _AGREEMENT_WORDS or last in _ROLE_WORDS or (len(words) == 1 and last in _PRONOUNS):
        return True
    if not term[:1].isupper():
        return False
    before = text[max(0, at - _NAME_REACH) : at]
    first = words[0]
    i = before.rfind(first)
    while i >= 0:
        end = i + len(first)
        if (i == 0 or not before[i - 1].isalnum()) and (end == len(before) or not before[end].isalnum()):
            return True
        i = before.rfind(first, 0, i)
    if len(words) == 1 and term.isupper() and 2 <= len(term) <= 6:
        # An acronym of the name before it: 'Master Colocation Agreement (the "MCA")'.
        capitals = [w for w in before.replace(",", " ").split() if w[:1].isupper()]
        capitals = [w for w in capitals if w.lower().strip(".") not in _LEGAL_WORDS]
        initials = "".join(w[0] for w in capitals[-len(term) :])
        return initials == term
    return False


#: Words a role's name may open with: "Administrative Agent", "Initial Purchasers".
_ROLE_QUALIFIERS: Final = frozenset(
    ["administrative", "collateral", "initial", "sales", "lead", "joint", "placement", "syndication", "the"]
)


def is_role(name: str) -> bool:
    """A party's role written as a name, not a party: "Lenders", "Administrative Agent", "Customer"
    (but "Halberd National Bank" is a name)."""
    words = name.lower().split()
    return bool(words) and words[-1] in _ROLE_WORDS and all(w in _ROLE_QUALIFIERS for w in words[:-1])
