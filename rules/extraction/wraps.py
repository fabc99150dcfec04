"""Layout that splits a phrase the reader must see whole: a word hyphenated at a line end, a run of
spaces or a tab between a number and its scale, and an EDGAR submission's SGML header.

- "Non-GAAP op-" / "erating margin reached 12.4%", "approximately $1.33 bil-" / "lion": a typeset or
  pdftotext line break inside a word. The hyphen and the line break (with the next line's indent)
  are read as absent when a lower-case letter goes on and the joined word is one the patterns know
  ("operating", "billion", "fiscal") or the part after the break is a common suffix ("-tion", "-ing",
  "-lion"). Otherwise the hyphen is a compound's and stays: "third-" / "party" reads "third-party",
  "Non-" / "GAAP" reads "Non-GAAP" (a capital after the break never joins into one word).
- "$286.4  million", "1.2<TAB>GW": converters and plain-text writers leave a run of spaces or a tab
  between a figure and its scale or unit; it is read as one space.
- "Revenue, which includes hosting, managed services and …, was $286.4 million", "Adjusted gross
  margin, a non-GAAP measure that excludes …, was 47.0%": a long appositive between a metric and its
  verb is read as absent, so the value keeps its metric (not a "contract" word inside the aside). Only
  an aside with no figure in it: "Revenue, which grew 40%, was $80 million" keeps its growth.
- "<SEC-HEADER> … </SEC-HEADER>", "<DOCUMENT>", "<TYPE>8-K", "<TEXT>": an EDGAR full submission's SGML
  header and tag lines hold no sentence (ACCESSION NUMBER, CONFORMED PERIOD OF REPORT, FILER blocks);
  their lines are read as empty, so they give no figure and do not hide that the body is wrapped at a
  fixed width (`sentences._hard_wrapped` measures the lines).

Nothing is rewritten in place: `wrap_cuts` gives spans to leave out, spans to read as one space and
spaces to read as a line break, which the extractor passes to `spoken.rewrite_spoken_both`, so
evidence and offsets stay those of the text as given. A joined word's line break moves to the first
space after it ("bil-" / "lion to $2.2 billion" reads "billion" / "to $2.2 billion"): the lines keep
their widths, which tell a hard-wrapped paragraph from a list (`sentences._hard_wrapped`).
"""

from __future__ import annotations

import re
from typing import Final

#: Words the patterns read that writers hyphenate across a line: joined when their halves meet at a
#: line-end hyphen ("op-" / "erating" -> "operating").
_KNOWN_WORDS: Final = frozenset(
    (
        "operating",
        "operational",
        "operations",
        "operation",
        "billion",
        "billions",
        "million",
        "millions",
        "thousand",
        "trillion",
        "fiscal",
        "quarter",
        "quarterly",
        "quarters",
        "credit",
        "facility",
        "facilities",
        "agreement",
        "agreements",
        "administrative",
        "approximately",
        "adjusted",
        "contracted",
        "capacity",
        "customer",
        "customers",
        "guidance",
        "outlook",
        "expect",
        "expects",
        "expected",
        "megawatts",
        "megawatt",
        "gigawatts",
        "gigawatt",
        "remaining",
        "performance",
        "obligations",
        "backlog",
        "percent",
        "percentage",
        "revenue",
        "revenues",
        "margin",
        "margins",
        "financing",
        "revolving",
        "borrowing",
        "borrowings",
        "convertible",
        "secured",
        "unsecured",
        "offering",
        "investment",
        "principal",
        "aggregate",
        "energized",
        "deployed",
        "installed",
        "critical",
        "contract",
        "contracts",
        "valued",
        "company",
        "represented",
        "accounted",
        "underlying",
        "statutory",
        "annual",
        "annualized",
        "recurring",
        "sequential",
        "sequentially",
        "consecutive",
        "utilization",
        "leverage",
        "lender",
        "lenders",
        "increase",
        "increased",
        "decrease",
        "decreased",
        "compared",
        "comparison",
        "approximate",
        "estimated",
        "preliminary",
        "exceed",
        "exceeded",
        "delivery",
        "deliveries",
        "construction",
        "infrastructure",
        "previously",
        "reiterated",
        "anticipated",
        "anticipate",
        "anticipates",
        "concentration",
        "generated",
        "recognized",
    )
)
#: What a word's second half often is after a line-end hyphen ("bil-" / "lion", "fis-" / "cal",
#: "quar-" / "ter", "lever-" / "age"): a fragment that is no word of a compound.
_SUFFIXES: Final = frozenset(
    (
        "tion",
        "tions",
        "sion",
        "sions",
        "ing",
        "ings",
        "ment",
        "ments",
        "ity",
        "ities",
        "ance",
        "ances",
        "ence",
        "ences",
        "ly",
        "ally",
        "ed",
        "er",
        "ers",
        "al",
        "ial",
        "ual",
        "ive",
        "ives",
        "able",
        "ible",
        "ous",
        "ness",
        "age",
        "ages",
        "ure",
        "ures",
        "ate",
        "ated",
        "ates",
        "lion",
        "lions",
        "cal",
        "ter",
        "ters",
        "ue",
        "ues",
        "tive",
        "tial",
        "cial",
    )
)
#: Scales and units a figure may stand apart from by a run of spaces or a tab ("$4.21  billion").
_UNIT_WORDS: Final = (
    "million",
    "billion",
    "thousand",
    "trillion",
    "bn",
    "mn",
    "mw",
    "gw",
    "kw",
    "megawatt",
    "gigawatt",
    "%",
    "percent",
    "per cent",
)
#: The SGML tags of an EDGAR submission's document wrappers, each on a line of its own.
_SGML_TAGS: Final = (
    "<SEC-DOCUMENT>",
    "<SEC-HEADER>",
    "</SEC-HEADER>",
    "<ACCEPTANCE-DATETIME>",
    "<DOCUMENT>",
    "</DOCUMENT>",
    "<TYPE>",
    "<SEQUENCE>",
    "<FILENAME>",
    "<DESCRIPTION>",
    "<TEXT>",
    "</TEXT>",
    "</SEC-DOCUMENT>",
    "<PDF>",
    "</PDF>",
)


def _word_start(low: str, end: int) -> int:
    b = end
    while b > 0 and low[b - 1].isalpha():
        b -= 1
    return b


def _word_end(low: str, start: int) -> int:
    e = start
    while e < len(low) and low[e].isalpha():
        e += 1
    return e


def _hyphen_breaks(
    text: str, low: str, sep: str, cuts: list[tuple[int, int]], breaks: list[tuple[int, int]]
) -> None:
    """Line-end hyphens (`sep`: "-\n" or "-\r\n") inside a word or a compound (see the module's
    docstring)."""
    at = text.find(sep)
    while at >= 0:
        k = at + len(sep)
        while k < len(text) and text[k] in " \t":
            k += 1
        b = _word_start(low, at)
        if at - b >= 2 and k < len(text) and text[k].isalpha():
            second = low[k : _word_end(low, k)]
            if text[k].islower() and (low[b:at] + second in _KNOWN_WORDS or second in _SUFFIXES):
                cuts.append((at, k))  # "op-" / "erating": one word
            else:
                cuts.append((at + 1, k))  # "third-" / "party", "Non-" / "GAAP": the compound's hyphen stays
            space = text.find(" ", k)
            line_end = text.find("\n", k)
            if 0 <= space < (len(text) if line_end < 0 else line_end):
                breaks.append((space, space + 1))
        at = text.find(sep, k)


def _unit_gaps(
    text: str, low: str, spaces: list[tuple[int, int]], cuts: list[tuple[int, int]] | None = None
) -> None:
    """Runs of spaces or a tab between a figure and its scale or unit (see the module's docstring);
    with `cuts`, also the indent before a scale word wrapped onto the next line (`_wrapped_unit`)."""
    for sep in ("  ", "\t"):
        at = text.find(sep)
        while at >= 0:
            a = at
            while a > 0 and text[a - 1] in " \t":
                a -= 1
            b = at + len(sep)
            while b < len(text) and text[b] in " \t":
                b += 1
            if a > 0 and text[a - 1].isdigit() and low.startswith(_UNIT_WORDS, b):
                e = b
                while e < len(low) and low[e].isalpha():
                    e += 1
                # "MW", "million", "megawatts" (a word of its own: "$4  millionaires" is none).
                if low[b] == "%" or e - b <= 10:
                    spaces.append((a, b))
            elif a > 1 and text[a - 1] == "\n" and cuts is not None:
                _wrapped_unit(text, low, a, b, cuts)
            at = text.find(sep, b)


def _wrapped_unit(text: str, low: str, a: int, b: int, cuts: list[tuple[int, int]]) -> None:
    """A scale or unit word wrapped onto an indented next line ("up from $2.10" / "    billion a year
    earlier", "US$520" / "    million to US$560 million"): the indent is read as absent, so the figure
    and its word stand a line break apart, as they do on an unindented line."""
    d = a - 2 if text[a - 2] != "\r" else a - 3
    if d < 0 or not text[d].isdigit() or low[b : b + 1] == "%" or not low.startswith(_UNIT_WORDS, b):
        return
    e = _word_end(low, b)
    if e - b <= 10:
        cuts.append((a, b))


def _sgml_lines(text: str, cuts: list[tuple[int, int]]) -> None:
    """An EDGAR submission's SGML header block and document-wrapper tag lines, each line left empty."""
    head_end = -1
    if "<SEC-HEADER>" in text or "<IMS-HEADER>" in text:
        close = text.find("</SEC-HEADER>")
        if close < 0:
            close = text.find("</IMS-HEADER>")
        if close >= 0:
            head_end = close
    pos = 0
    n = len(text)
    while pos < n:
        end = text.find("\n", pos)
        if end < 0:
            end = n
        line_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        if line_end > pos and (pos <= head_end or text.startswith(_SGML_TAGS, pos)):
            cuts.append((pos, line_end))
        elif pos > head_end and not text.startswith("<", pos):
            # Past the header, only tag lines are cut: find the next one without walking every line.
            nxt = text.find("\n<", end)
            if nxt < 0:
                break
            pos = nxt + 1
            continue
        pos = end + 1


#: The metric nouns an appositive may follow ("Revenue, which …, was"), each written with its comma.
_APPOSITIVE_HEADS: Final = (
    "revenue,",
    "revenues,",
    "sales,",
    "margin,",
    "backlog,",
    "obligations,",
    "rpo,",
    "capacity,",
)
#: The aside after the metric's comma, up to the comma before its verb: "which …", "a non-GAAP measure
#: that …", "a key operating metric …", "as defined in …". No figure, stop or colon inside.
_APPOSITIVE: Final = re.compile(
    r"(?P<a>,\s+(?:which|that|a\s+non-GAAP|an?\s+(?:[\w-]+\s+){0,2}(?:measure|metric)|as\s+defined|defined\s+as|"
    r"calculated\s+as)\b[^.;:!?\d%$]{3,240}?,)\s+(?:was|were|is|are|totaled|totalled|reached|came\s+in\s+at|"
    r"stood\s+at|amounted\s+to|increased|decreased|rose|grew|expanded|improved|declined|fell)\b",
    re.IGNORECASE,
)


def _appositives(text: str, low: str, cuts: list[tuple[int, int]]) -> None:
    """Asides between a metric and its verb (see the module's docstring)."""
    for head in _APPOSITIVE_HEADS:
        at = low.find(head)
        while at >= 0:
            comma = at + len(head) - 1
            if at == 0 or not low[at - 1].isalpha():
                m = _APPOSITIVE.match(text, comma)
                if m is not None:
                    cuts.append((m.start("a"), m.end("a")))
            at = low.find(head, comma + 1)


#: Where an appositive `_appositives` reads can open: ", which ", ", a ", ", an ", ", as defined", ", defined
#: as". One scan for the literal ", " and the words after it, where five `in` scans went over the whole
#: document (most documents hold one of them, late or never).
_APPOSITIVE_OPENING: Final = re.compile(r", (?:which |an? |as defined|defined as)")


def wrap_cuts(
    text: str, low: str
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans to leave out, spans to read as one space and spans to read as a line break (see the
    module's docstring).

    Literal scans decide most documents: no "-" before a line break, no double space or tab, no SGML
    tag line."""
    cuts: list[tuple[int, int]] = []
    spaces: list[tuple[int, int]] = []
    breaks: list[tuple[int, int]] = []
    if "-\n" in text:
        _hyphen_breaks(text, low, "-\n", cuts, breaks)
    if "\r" in text and "-\r\n" in text:  # (a one-character scan first: most texts hold no "\r")
        _hyphen_breaks(text, low, "-\r\n", cuts, breaks)
    if "  " in text or "\t" in text:
        _unit_gaps(text, low, spaces, cuts)
    if _APPOSITIVE_OPENING.search(low) is not None:
        _appositives(text, low, cuts)
    if text.startswith("<SEC-DOCUMENT>") or "<SEC-HEADER>" in text[:4000] or "\n<DOCUMENT>" in text:
        _sgml_lines(text, cuts)
    return cuts, spaces, breaks
