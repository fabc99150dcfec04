"""Who holds the floor in a call transcript: an analyst, or the company and everyone else.

A transcript labels each turn with its speaker at the start of a paragraph:
"Marcus Feld, Tolland Partners:" (on its own line, or before the words), later only
"Marcus Feld:". A turn is an analyst's when its label names a firm that is no
executive's title ("Dana Orr, Kestle Securities:", "Analyst, Brede & Co:", "Q:"), or
when the label names a person the operator introduced as asking a question ("Our
next question comes from Dana Orr with Kestle Securities"). Every other label
(an executive, the operator, an unknown name) hands the floor back.

The analyst's own numbers ("I'm modeling full-year gross margin around 58%") are not
the company's; the extractor asks `Turns.analyst` before reading a first-person figure.
"""

from __future__ import annotations

import re
from typing import Final

_NAME: Final = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
#: "Marcus Feld, Tolland Partners:", "Hannah Lowe:", "Q:", at the start of a paragraph.
_LABEL: Final = re.compile(
    r"(?P<name>Q|A|" + _NAME + r")(?:\s*,\s*(?P<desc>[^:\n\d()/]{1,60}?))?\s*:(?=\s|$)"
)
#: A person's name (or "Analyst") before a firm: two to four capitalised words, not a dateline's caps.
_PERSON: Final = re.compile(r"Analyst|[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}")
#: What an outside firm's name holds.
_FIRM: Final = re.compile(
    r"\b(?:Partners|Securities|Research|Capital|Brothers|Bros\.?|Co\.?|Company|Group|Bank|Advisors|Advisory|"
    r"Markets|LLC|LLP|Management|Investments|Equities|Analyst|Asset)\b|&"
)
#: An executive's or the company's own title: the turn is not an analyst's.
_EXECUTIVE: Final = re.compile(
    r"\b(?:Chief|Officer|CEO|CFO|COO|CTO|President|Chair(?:man|woman|person)?|Founder|Vice|VP|EVP|SVP|"
    r"Director|Head|Treasurer|Controller|Counsel|Investor\s+Relations|IR|Secretary)\b"
)
_ANALYST_NAMES: Final = frozenset(("Q", "Question", "Analyst"))
#: The operator handing the floor to an analyst: "question comes from the line of Dana Orr with Kestle".
_INTRODUCED: Final = re.compile(
    r"\bquestion\s+(?:comes|is\s+coming)\s+from\s+(?:the\s+line\s+of\s+)?(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})"
    r"\s+(?:with|of|from|at)\s+[A-Z]"
)


class Turns:
    """The speakers met so far and whether the current turn is an analyst's."""

    __slots__ = ("analyst", "speakers")

    def __init__(self) -> None:
        self.analyst = False
        self.speakers: dict[str, bool] = {}

    def paragraph(self, text: str, start: int, end: int) -> None:
        """Read the speaker label a paragraph starting at `start` may open with (`end`: its line's end)."""
        if not text[start : start + 1].isupper() or text.find(":", start, min(end, start + 90)) < 0:
            return
        m = _LABEL.match(text, start, end)
        if m is None:
            return
        name = m.group("name")
        desc = m.group("desc")
        if desc is not None and _EXECUTIVE.search(desc):
            analyst = False
        elif name in _ANALYST_NAMES or (
            desc is not None and len(desc.split()) <= 6 and _FIRM.search(desc) and _PERSON.fullmatch(name)
        ):
            analyst = True
        else:
            analyst = self.speakers.get(name, False)
        self.speakers[name] = analyst
        self.analyst = analyst
        if "question" in text[m.end() : end]:
            # The operator's introduction: "Our first question comes from Leah Brandt with Corwin Tate."
            for intro in _INTRODUCED.finditer(text, m.end(), end):
                self.speakers[intro.group("name")] = True
