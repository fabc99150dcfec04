"""Split plain text into sentences, headings and table rows, keeping offsets.

Disclosures mix prose, bullet lists, headings and (after HTML conversion)
table rows written `Label: a (Q2 2026) | b (Q2 2025)`. Each kind is read
differently, so the splitter labels them. Hard-wrapped filings (EDGAR text)
are re-joined: a line break inside a sentence is not a sentence end.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from rules.extraction.folding import CasePattern
from rules.extraction.record import Record

#: What `_word_before` reads back over from a dot: ASCII letters and dots ("U.S.", "Inc").
_WORD_CHARS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."

SegmentKind = Literal["sentence", "heading", "row"]

_BULLET: Final = re.compile(r"^\s*(?:[*•·▪◦‣⁃–—-]|\(?[a-z0-9]{1,2}[.)])\s+")
#: Starts at the end mark itself (not a look-behind) so `re` can skip to the next [.!?] quickly;
#: the cut is one character after the match start.
_SENT_END: Final = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9$])")
#: The end marks and what may follow one in a `_SENT_END` match (whitespace aside), for `_end_marks`.
_END_MARKS: Final = ".!?"
_AFTER_MARK: Final = "\"'”’)]"
#: What may open the next sentence before its first letter, digit or "$" (`_SENT_END`'s look-ahead).
_BEFORE_START: Final = "\"'“‘(["
_ABBREV: Final = frozenset(
    [
        "inc",
        "corp",
        "co",
        "ltd",
        "pte",
        "pty",
        "bhd",
        "sdn",
        "llc",
        "plc",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "nos",
        "vs",
        "v",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "calif",
        "ca",
        "fla",
        "mass",
        "conn",
        "wash",
        "ore",
        "ariz",
        "colo",
        "penn",
        "ill",
        "mich",
        "minn",
        "tex",
        "va",
        "n.a",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "approx",
        "adj",
        # Wire flashes' abbreviations: "SEES 4Q REV. $440M TO $460M, EST. $431.0M", "ADJ. OPER. MARGIN".
        "rev",
        "oper",
        "mgmt",
        "est",
        "jr",
        "sr",
        "s.a",
        "l.p",
        "n.v",
        "a.g",
        "dept",
        "fig",
        "ave",
        "blvd",
        "mt",
        "ft",
        "gen",
        "gov",
        "sen",
        "rep",
        "prof",
        "messrs",
        "cf",
        "al",
        "etc",
        "p.m",
        "a.m",
        "u.s.a",
        "s.e",
    ]
)
#: Currencies abbreviated with a dot before their amount: "Ps." (pesos), "Rs." (rupees).
_CURRENCY_ABBREV: Final = frozenset(("ps", "rs"))
#: Case-insensitive, run lower-case (`CasePattern`): IGNORECASE tried every word at every word start.
_HEADING_WORDS: Final = CasePattern(
    r"\b(?:outlook|guidance|highlights|results|overview|about|summary|forward-looking|statements|"
    r"measures|information|update|capacity|funding|financing|operations|leases|markets|briefs|calendar|"
    r"risk|risks|factors|item|exhibits|signatures?|participants|contacts?|business|financial|quarter)\b"
)


#: The marks `_BULLET` opens an item with.
_MARKS: Final = "*•·▪◦‣⁃–—-"


def _bullet_end(line: str) -> int:
    """Where `_BULLET.match(line)` ends, 0 if it does not match, read without the engine (a third of
    the lines, those not opening on a capital, went to it): spaces, a mark or an item's number ("a.",
    "(2)", "iv)": one or two lower-case letters or digits, after an optional bracket), spaces. Nothing
    is to be backtracked: a shorter run of spaces or of the number's characters leaves one where
    the next part cannot start."""
    n = len(line)
    i = 0
    while i < n and line[i].isspace():
        i += 1
    if i == n or ord("A") <= ord(line[i]) <= ord("Z"):
        return 0  # (most lines open on a capital: no mark, bracket or item number)
    c = line[i]
    if c in _MARKS:
        k = i + 1
    else:
        k = i + 1 if c == "(" else i
        m = k
        while m < n and m - k < 2 and _item_char(ord(line[m])):
            m += 1
        if m in (k, n) or line[m] not in ".)":
            return 0
        k = m + 1
    e = k
    while e < n and line[e].isspace():
        e += 1
    return e if e > k else 0


def _item_char(o: int) -> bool:
    """Is `o` the code of a character of an item's number: a lower-case ASCII letter or a digit?"""
    return ord("a") <= o <= ord("z") or ord("0") <= o <= ord("9")


class Segment(Record):
    """One unit of reading: its text is `source[start:end]`."""

    __slots__ = ("bullet", "end", "kind", "paragraph", "start")

    kind: SegmentKind
    start: int
    end: int
    paragraph: int
    bullet: bool

    def __init__(self, kind: SegmentKind, start: int, end: int, paragraph: int, bullet: bool = False) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.bullet = bullet

    def _key(self) -> tuple[object, ...]:
        return (self.kind, self.start, self.end, self.paragraph, self.bullet)


def _is_table_row(line: str) -> bool:
    if "|" not in line:
        return False  # (most lines: one scan, no copy of the line)
    return line.count(" | ") >= 1 or (line.lstrip().startswith("|") and line.count("|") >= 3)


#: The words a title-case heading leaves in lower case.
_SMALL_WORDS: Final = frozenset(("and", "of", "the", "for", "to", "a", "in"))


def _is_heading(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 90 or _is_table_row(s):
        return False
    if s[-1] == ")" and "year" in s:
        # "Forecast for FY2026 (fiscal year ending March 31, 2027)": a gloss of the title's year.
        at = s.rfind("(")
        if at > 0 and "year" in s[at:].lower():
            s = s[:at].rstrip()
    if s[-1] in ".;,!?" or s.endswith('."'):
        return False
    words = s.split()
    if len(words) > 12:
        return False
    if s.endswith(":") and len(words) <= 8:
        return True
    letters = 0
    for w in words:
        # Does the word start with a letter, and a capital? An ASCII first character is told by its
        # code (most words), another by `isalpha` and `isupper`.
        first = ord(w[0])
        if first < 128:
            if ord("A") <= first <= ord("Z"):
                letters += 1
                continue
            if not ord("a") <= first <= ord("z"):
                continue
            capital = False
        elif w[0].isalpha():
            capital = w[0].isupper()
        else:
            continue
        letters += 1
        if not (capital or w.lower() in _SMALL_WORDS):
            # A lower-case word: no title-case heading (the words after it need no look).
            return s.isupper() and len(words) <= 10
    if not letters:
        return False
    if len(words) <= 8 or _HEADING_WORDS.search_str(s):
        return True  # every word that starts with a letter is capitalised (or a small word)
    return s.isupper() and len(words) <= 10


def _numbered_heading(line: str, after: int, texts: list[str], i: int) -> bool:
    """ "4. Forecast for FY2026" as a paragraph of its own: a numbered section's title (a Japanese
    summary's "1. Overview of 1H FY2026", a prospectus's "2. Use of Proceeds"), not a list item, which
    sits next to its siblings and holds the figures ("1. Revenue of $410 million")."""
    if not "0" <= line.lstrip()[:1] <= "9":
        return False
    if (i > 0 and texts[i - 1].strip()) or (i + 1 < len(texts) and texts[i + 1].strip()):
        return False
    rest = line[after:]
    return "$" not in rest and "%" not in rest and _is_heading(rest)


def _titles_bullets(line: str, texts: list[str], nxt: int) -> bool:
    """A short unpunctuated line right above a bullet list titles it ("Slide 19 — FY2028 targets")."""
    if nxt >= len(texts) or len(line) > 120 or not _bullet_end(texts[nxt]):
        return False
    s = line.strip()
    return bool(s) and s[-1] not in ".;,!?" and len(s.split()) <= 8


def _columns(line: str) -> bool:
    """Does the line hold a run of three spaces after its indent (space-aligned columns)?"""
    at = line.find("   ")
    if at < 0:
        return False
    if at > 0 and not line[:at].isspace():
        return True
    return line.find("   ", len(line) - len(line.lstrip())) >= 0


def _soft_wrap(prev: str, nxt: str, wrapped: bool) -> bool:
    """Is the break between these two lines a hard wrap inside one paragraph?"""
    p, n = prev.rstrip(), nxt.strip()
    if not p or not n or _bullet_end(nxt) or _is_table_row(nxt) or _is_table_row(prev):
        return False
    if p[-1] in ".!?:;" or p.endswith(('."', ".”")):
        return False
    if "   " in n and _columns(p):
        # Two lines of space-aligned columns are two table rows, however long.
        return False
    if n[0] == "(" and n[-1] == ")" and _is_heading(p):
        # "Reconciliation of GAAP to Non-GAAP Measures" over "(in millions, except percentages)": a
        # title and the note on its table's scale, not one sentence wrapped.
        return False
    if n[0].islower() or n[0] in "$(%":
        return True
    if "   " in n or _columns(p):
        # A row of space-aligned columns after a table's scale line ("(in millions, …)"), or a line
        # after such a row: no fixed-width wrap runs into or out of a table row.
        return False
    if "0" <= n[0] <= "9" and p[-1].islower() and p[p.rfind(" ") + 1 :] in _OPEN_WORDS and " " in p:
        # "Our largest customer, Halden AI, represented" / "41% of revenue": a verb, a preposition or an
        # approximation word cannot end a line of its own, so its figure is on the next line. (A stacked
        # label, "Contracted capacity" / "1.6 GW", ends on a noun and stays a line of its own.)
        return True
    return wrapped and len(p) >= 55 and not _stream_items(p, n)


#: Words that leave a phrase open at a line's end, its figure still to come: "represented" / "33% of
#: revenue", "approximately" / "1.2 GW", "of" / "$4.1 billion".
_OPEN_WORDS: Final = frozenset(
    (
        "of",
        "to",
        "at",
        "by",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "represented",
        "representing",
        "reached",
        "totaled",
        "totalled",
        "approximately",
        "about",
        "roughly",
        "around",
        "nearly",
        "almost",
        "than",
        "from",
        "exceed",
        "exceeded",
        "stood",
        "increased",
        "decreased",
        "grew",
        "rose",
        "fell",
        "declined",
        "expanded",
        "contributed",
        "comprised",
        "generated",
        "accounted",
        "for",
        "between",
        "with",
        "and",
        "least",
        "some",
        "an",
        "a",
        "the",
        "our",
        "its",
        "expects",
        "expect",
        "guides",
    )
)


#: How a line of a wire's headline stream opens: a time stamp ("16:05:02", "9:41 AM") or a flash
#: star glued to its first word ("*ORBITAL SILICON SEES …").
_STREAM_LEAD: Final = re.compile(r"(?:\d{1,2}:\d\d(?::\d\d)?(?:\s?[AaPp]\.?[Mm]\.?)?\s+\*?|\*)(?=[A-Z0-9$])")


def _stream_items(p: str, n: str) -> bool:
    """Are two lines items of a headline stream, each its own statement, not one sentence wrapped?

    Both open with a time stamp or a flash star, or both are in capitals and open with the same word
    (the company each headline names first). A paragraph wrapped at a fixed width opens its lines
    with whatever word came next, and a wrapped line of legal capitals rarely repeats its first word.
    """
    if (
        (p[0].isdigit() or p[0] == "*")
        and (n[0].isdigit() or n[0] == "*")
        and _STREAM_LEAD.match(p)
        and _STREAM_LEAD.match(n)
    ):
        return True
    if p.isupper() and n.isupper():
        first_p, first_n = p.split(None, 1)[0].lstrip("*"), n.split(None, 1)[0].lstrip("*")
        return len(first_p) > 1 and first_p == first_n
    return False


def _hard_wrapped(texts: list[str]) -> bool:
    """Does the document (its lines `texts`) wrap its paragraphs at a fixed width (EDGAR text, e-mail)?"""
    lengths = [len(t) for t in texts if t]
    if len(lengths) < 6:
        return False
    long_open = sum(1 for t in texts if 55 <= len(t) <= 100 and t[-1] not in '.!?:;"”')
    return long_open / len(lengths) > 0.3 and max(lengths) <= 110


def _initials(word: str) -> bool:
    """ "h.c", "j.p": a name's initials ("H.C. Wainwright & Co.", "J.P. Morgan"), not a sentence end."""
    return "." in word and all(len(part) == 1 for part in word.split("."))


def _end_marks(source: str, start: int, end: int) -> list[int]:
    """Offsets of the ".", "!" and "?" in source[start:end] that a space, a closing quote or a bracket
    follows, in order: the only places a `_SENT_END` match can start. `str.find` skips to them; the
    engine would test its class at every character and try the pattern at every decimal point."""
    out: list[int] = []
    for mark in _END_MARKS:
        at = source.find(mark, start, end)
        while at >= 0:
            if at + 1 < end:
                after = source[at + 1]
                if after.isspace() or after in _AFTER_MARK:
                    out.append(at)
            at = source.find(mark, at + 1, end)
    out.sort()
    return out


def _sentence_end(source: str, at: int, end: int) -> int:
    """Where a `_SENT_END` match at the mark `source[at]` ends (-1: none), read without the engine.
    The pattern cannot backtrack usefully: fewer closing quotes leave a quote where a space must
    follow, and fewer spaces leave a space where the next sentence's first character must be."""
    i = at + 1
    while i < end and source[i] in _AFTER_MARK:
        i += 1
    j = i
    while j < end and source[j].isspace():
        j += 1
    if j == i:
        return -1
    k = j + 1 if j < end and source[j] in _BEFORE_START else j
    if k < end:
        o = ord(source[k])
        if ord("A") <= o <= ord("Z") or ord("0") <= o <= ord("9") or o == ord("$"):
            return j
    return -1


def _word_before(source: str, lo: int, dot: int) -> str:
    """The word ending at the dot `source[dot]` ("Inc", "U.S", "e.g"), read back no further than `lo`:
    what `([A-Za-z][A-Za-z.]*)\\.$` finds in source[lo:dot + 1], without the engine. Empty if none."""
    b = dot
    while b > lo and _word_char(ord(source[b - 1])):
        b -= 1
    while b < dot and source[b] == ".":
        b += 1
    return source[b:dot]


def _word_char(o: int) -> bool:
    """Is `o` the code of one of `_WORD_CHARS`: an ASCII letter or "."?"""
    return ord("a") <= o <= ord("z") or ord("A") <= o <= ord("Z") or o == ord(".")


def _split_sentences(source: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    resume = start  # `_SENT_END.finditer`'s matches do not overlap
    for at in _end_marks(source, start, end):
        if at < resume:
            continue
        after = _sentence_end(source, at, end)
        if after < 0:
            continue
        resume = after
        cut = at + 1
        word = _word_before(source, max(start, cut - 12), at) if source[at] == "." else ""
        if word:
            w = word.lower().rstrip(".")
            if w in _ABBREV or len(w) == 1 or _initials(w):
                continue
            if w in _CURRENCY_ABBREV and source[after : after + 1].isdigit():
                continue  # "Ps. 4,812.6 million", "Rs. 1,250 crore": a currency before its amount
        # "$(0.13)." or "Inc." followed by a lowercase word is handled above; digits like "No. 3" too.
        spans.append((cursor, cut))
        cursor = after
    spans.append((cursor, end))
    return spans  # `segment` trims each span and drops the ones left empty


def segment(source: str) -> list[Segment]:
    """Headings, table rows and sentences of `source`, in order, with exact offsets."""
    # The lines, in one C call (cheaper than a find() per line on non-Latin-1 text); each is read
    # from here, never sliced again from the source, and its offsets are counted as they are read.
    texts = source.split("\n")
    if not texts[-1]:
        texts.pop()  # nothing after the final newline (or an empty text)

    wrapped = _hard_wrapped(texts)
    out: list[Segment] = []
    paragraph = 0
    i = 0
    ls = 0  # where line i starts
    n = len(texts)
    while i < n:
        line = texts[i]
        le = ls + len(line)
        if not line.strip():
            paragraph += 1
            i += 1
            ls = le + 1
            continue
        if _is_table_row(line):
            s, e = _trim(source, ls, le)
            out.append(Segment("row", s, e, paragraph))
            i += 1
            ls = le + 1
            continue
        bullet = _bullet_end(line)
        # Join soft-wrapped continuation lines into one block.
        block_end = le
        ascii_block = line.isascii()
        j = i + 1
        # An empty next line (a paragraph break) wraps nothing (`_soft_wrap` would say so).
        while j < n and texts[j] and _soft_wrap(texts[j - 1], texts[j], wrapped):
            block_end += 1 + len(texts[j])
            ascii_block = ascii_block and texts[j].isascii()
            j += 1
        block_start = ls + bullet
        if j == i + 1 and not bullet and (_is_heading(line) or _titles_bullets(line, texts, j)):
            s, e = _trim(source, ls, le)
            out.append(Segment("heading", s, e, paragraph))
            paragraph += 1
        elif bullet and j == i + 1 and _numbered_heading(line, bullet, texts, i):
            s, e = _trim(source, block_start, le)
            out.append(Segment("heading", s, e, paragraph))
            paragraph += 1
        else:
            for p0, p1, item in _inline_items(source, block_start, block_end, bullet > 0, ascii_block):
                for s0, e0 in _split_sentences(source, p0, p1):
                    s, e = _trim(source, s0, e0)
                    while e - s > MAX_SENTENCE:
                        # A "sentence" longer than any written one (a page flattened to one line, a list
                        # with no stops) is read in pieces: each figure's reading scans its sentence, so
                        # one 100 KB line would cost minutes.
                        cut = _cut_before(source, s, s + MAX_SENTENCE)
                        out.append(Segment("sentence", s, cut, paragraph, item))
                        s, e = _trim(source, cut, e)
                    if e > s:
                        out.append(Segment("sentence", s, e, paragraph, item))
        i = j
        ls = block_end + 1
    return out


#: Bullet glyphs a writer runs together on one line ("Highlights: • Revenue of $96.2 million, up 118%
#: • GAAP gross margin of 29.4% • …"): each opens an item of its own, never a word of a sentence.
_INLINE_GLYPHS: Final = "•▪◦‣"
#: The middle dot is also a byline's or a date line's separator ("By A. Reyes · 4 min read"): an item
#: mark only where the line opens on a bullet or holds two or more of them.
_MIDDLE_DOT: Final = " · "


def _inline_items(
    source: str, start: int, end: int, opened: bool, ascii_block: bool
) -> list[tuple[int, int, bool]]:
    """source[start:end] cut at the bullet glyphs run together inside it, each piece with whether it is
    a list item (the first piece is one if the block opened on a bullet mark).

    A glyph cuts only with a space on both sides and a capital, a digit, "$" or "(" after it, so
    "Q3•2026" or a glyph inside a word stays. Without a glyph in the block (most blocks) the block is
    one piece: a few literal scans, or none when its lines are ASCII (`ascii_block`, most blocks),
    as no mark is."""
    if ascii_block:
        return [(start, end, opened)]
    glyphs = [g for g in _INLINE_GLYPHS if source.find(g, start, end) >= 0]
    dots = source.count(_MIDDLE_DOT, start, end)
    if dots and (opened or dots >= 2):
        glyphs.append("·")
    if not glyphs:
        return [(start, end, opened)]
    cuts: list[int] = []
    for g in glyphs:
        at = source.find(g, start, end)
        while at >= 0:
            k = at + 1
            while k < end and source[k] in " \t\u00a0":
                k += 1
            nxt = source[k : k + 1] if k < end else ""
            if (
                at > start
                and source[at - 1].isspace()
                and k > at + 1
                and nxt
                and ("A" <= nxt <= "Z" or "0" <= nxt <= "9" or nxt in "$(")
            ):
                cuts.append(at)
            at = source.find(g, at + 1, end)
    if not cuts:
        return [(start, end, opened)]
    cuts.sort()
    pieces: list[tuple[int, int, bool]] = []
    lo, item = start, opened
    for at in cuts:
        pieces.append((lo, at, item))
        lo, item = at + 1, True
    pieces.append((lo, end, item))
    return pieces


#: Longer than the longest sentence of any labelled document (554 characters) or of legal prose.
MAX_SENTENCE: Final = 2000


def _cut_before(source: str, start: int, limit: int) -> int:
    """Where to end a piece of an over-long sentence: after its last "; ", else its last ", ",
    else its last space before `limit` (else at `limit`)."""
    for mark in ("; ", ", ", " "):
        at = source.rfind(mark, start + MAX_SENTENCE // 2, limit)
        if at >= 0:
            return at + len(mark) - 1  # the mark's ";" or "," ends the piece; its space does not
    return limit


def _trim(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end
