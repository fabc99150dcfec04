"""Which company a disclosure, a fact or a counterparty is about.

Three questions, answered with plain string rules so they can be tested alone:

* `mentions(company, title, text)`: does a general news story name this watched
  company? Only the title and the opening paragraph count (a story that names
  a firm in passing, deep in the text, is not about it). Tickers are matched
  case-sensitively ("ON" the ticker, not "on" the word); names and aliases as
  written or in capitals, always on word boundaries, so "Meta" matches "Meta's"
  and "META" but never "metadata" or "meta-analysis" written in lower case.
  Tickers of one or two letters are too easily ordinary words ("A", "IT"), so
  they count only as a cashtag (`$IT`) or after an exchange (`NYSE: IT`).
* `fact_belongs_to(fact, company)`: a fact whose `company` names some other
  firm (a rival's numbers quoted in a story) is not the watched company's.
* `same_party(a, b)`: "OpenAI" and "OpenAI, Inc." are one counterparty;
  comparison folds case, punctuation and legal suffixes, and accepts one name
  contained word-for-word in the other.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rules.facts import Fact

#: Legal-form words that do not tell two parties apart.
_SUFFIXES = frozenset(
    {
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "lp",
        "plc",
        "sa",
        "ag",
        "nv",
        "se",
        "gmbh",
        "the",
    }
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
#: The opening of a story: at least this many characters of whole paragraphs...
_OPENING_MIN = 300
#: ...and never more than this many.
_OPENING_MAX = 1500


@dataclass(frozen=True)
class CompanyRef:
    """The identity of a watched company as attribution and evaluation need it."""

    ticker: str
    name: str
    aliases: tuple[str, ...] = ()
    customers: tuple[str, ...] = ()
    id: int | None = field(default=None, compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def party_tokens(name: str) -> tuple[str, ...]:
    """A name as comparable words: case-folded, punctuation and legal suffixes dropped."""
    return _party_tokens(name)


@functools.lru_cache(maxsize=8192)
def _party_tokens(name: str) -> tuple[str, ...]:
    words = [w.casefold() for w in _TOKEN.findall(name)]
    while words and words[-1] in _SUFFIXES:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return tuple(words)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def same_party(a: str | None, b: str | None) -> bool:
    """True when two names denote the same party (see the module docstring)."""
    if not a or not b:
        return False
    ta, tb = party_tokens(a), party_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    return _contains(ta, tb) if len(ta) > len(tb) else _contains(tb, ta)


def is_known_party(name: str | None, known: Iterable[str]) -> bool:
    return any(same_party(name, other) for other in known)


def names_company(name: str, company: CompanyRef) -> bool:
    """Does `name` (a fact's `company`) denote this watched company?"""
    if name.strip() == company.ticker:
        return True
    return any(same_party(name, own) for own in company.names)


def fact_belongs_to(fact: Fact, company: CompanyRef) -> bool:
    """A fact is the company's unless its `company` names some other firm."""
    return fact.company is None or not fact.company.strip() or names_company(fact.company, company)


def opening(text: str) -> str:
    """The opening paragraph(s): whole paragraphs until `_OPENING_MIN` characters, capped.

    A dateline or a one-line byline is its own paragraph in many wire stories, so
    one paragraph alone is too little to decide what the story is about.
    """
    taken: list[str] = []
    size = 0
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        if not paragraph.strip():
            continue
        taken.append(paragraph)
        size += len(paragraph)
        if size >= _OPENING_MIN:
            break
    return "\n\n".join(taken)[:_OPENING_MAX]


@functools.lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    # Words of the name separated by any run of spaces; exact case or all capitals
    # (checked by the caller), on word boundaries.
    words = [re.escape(w) for w in name.split()]
    return re.compile(r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _ticker_pattern(ticker: str) -> re.Pattern[str]:
    escaped = re.escape(ticker)
    if len(ticker) <= 2:
        return re.compile(
            r"(?:\$"
            + escaped
            + r"|\b(?:NYSE|NASDAQ|Nasdaq|NYSE American|TSX|LSE|ticker)\s*:\s*"
            + escaped
            + r")"
            r"(?![\w])"
        )
    return re.compile(r"(?<![\w$.])\$?" + escaped + r"(?![\w])")


def _name_occurs(name: str, text: str) -> bool:
    name = " ".join(name.split())
    if not name:
        return False
    for found in _name_pattern(name).finditer(text):
        written = " ".join(found.group(0).split())
        if written == name or written == name.upper():
            return True
    return False


def mentions(company: CompanyRef, title: str, text: str) -> bool:
    """Does a news story (title + opening paragraph) name this company?"""
    haystack = f"{title}\n\n{opening(text)}"
    if _ticker_pattern(company.ticker).search(haystack):
        return True
    return any(_name_occurs(name, haystack) for name in company.names)


def attribute_story(companies: Iterable[CompanyRef], title: str, text: str) -> list[CompanyRef]:
    """Every watched company a general news story is about (may be none)."""
    return [company for company in companies if mentions(company, title, text)]
