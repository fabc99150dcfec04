"""Who holds the floor in a call transcript: an analyst, or the company and everyone else.

A transcript labels each turn with its speaker at the start of a paragraph:
"Marcus Feld, Tolland Partners:" (on its own line, or before the words), later only
"Marcus Feld:". A turn is an analyst's when its label names a firm that is no
executive's title ("Dana Orr, Kestle Securities:", "Analyst, Brede & Co:", "Q:"), or
when the label names a person the operator introduced as asking a question ("Our
next question comes from Dana Orr with Kestle Securities"). Every other label
(an executive, the operator, an unknown name) hands the floor back, and so does the
end of the analyst's paragraph: a question is one paragraph, and a label written in a
way this reader does not know must not leave the company's answer to the analyst.

The analyst's own numbers ("I'm modeling full-year gross margin around 58%") are not
the company's; the extractor asks `Turns.analyst` before reading a first-person figure.
An answer may give a figure without naming its metric, which the question named:
"Q: … gross margin … ? A: We're now at 60% to 61% for the year." (`Turns.asked`), or which the
answer's sentence before it named: "A: We did $310 million of revenue last year. This year we'll be north
of $800 million." (`Turns.said`). A turn asks when it is an analyst's, an interviewer's ("Interviewer:",
"Host:", "Moderator:"), or when its line ends in a question mark ("MAYA: What did margins look like?"),
so a podcast that labels both speakers by name has questions too.
"""

from __future__ import annotations

import re
from typing import Final

from rules.extraction.periods import Period

_NAME: Final = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
#: "Marcus Feld, Tolland Partners:", "Hannah Lowe (CFO):", "Q:", at the start of a paragraph.
_LABEL: Final = re.compile(
    r"(?P<name>Q|A|"
    + _NAME
    + r")(?:\s*,\s*(?P<desc>[^:\n\d()/]{1,60}?)|\s+\((?P<pdesc>[^:\n\d()/]{1,60})\))?"
    r"\s*:(?=\s|$)"
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
#: Labels of the one who asks: an interview's "Q:", a panel's "Moderator:", a podcast's "Host:".
_ANALYST_NAMES: Final = frozenset(("Q", "Question", "Analyst", "Interviewer", "Host", "Moderator"))
#: The interview's labels that open a turn at any line, not only at a paragraph's start ("Q:", "A:").
_TURN_NAMES: Final = frozenset(("Q", "A", "Question", "Answer"))
#: The operator handing the floor to an analyst: "question comes from the line of Dana Orr with Kestle".
_INTRODUCED: Final = re.compile(
    r"\bquestion\s+(?:comes|is\s+coming)\s+from\s+(?:the\s+line\s+of\s+)?(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})"
    r"\s+(?:with|of|from|at)\s+[A-Z]"
)


#: The operator naming the next analyst and their firm: "Operator: Morgan Ebdon, Kessick & Royle, your
#: line is open.", "Operator: Next, Hyun-woo Castellane, Brimley Partners."
_OPERATOR_NAMES: Final = re.compile(
    r"\s*(?:(?:next|our\s+next\s+question|next\s+up)\s*(?:is\s+|,\s*)?)?"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),\s+(?P<firm>[^,.;:\n]{2,60})"
)


def _label_at(text: str, start: int, end: int) -> re.Match[str] | None:
    """The speaker label at `start`, if any (`end`: its line's end); most lines open with no capital
    before a colon, and two character tests spare them the pattern."""
    if text[start : start + 1].isupper() and text.find(":", start, min(end, start + 90)) >= 0:
        return _LABEL.match(text, start, end)
    return None


class Turns:
    """The speakers met so far and whether the current turn is an analyst's."""

    __slots__ = (
        "analyst",
        "asked",
        "asking",
        "deal_party",
        "interview",
        "paragraphs",
        "party",
        "previous",
        "previous_party",
        "questions",
        "quoted",
        "said",
        "said_party",
        "speakers",
        "when",
        "when_relative",
    )

    def __init__(self) -> None:
        self.analyst = False
        #: The current turn asks: an analyst's, or any labelled turn whose line ends in "?" ("MAYA: And
        #: margins?"); its metrics are noted for the answer, but only an analyst's own figures are muted.
        self.asking = False
        #: Some turn has asked: the text is an interview, a panel or a call's questions and answers.
        self.interview = False
        self.speakers: dict[str, bool] = {}
        #: An analyst has been labelled or introduced: the text is a call's question-and-answer session
        #: (a release's "Media:" or "Revenue (GAAP):" line makes no speakers of its paragraphs' figures).
        self.questions = False
        #: The askable metrics the asking turn named ("…full-year gross margin around 58%. Too low?"):
        #: the answer's bare figure may be of the one its unit fits ("We're now comfortable at 60% to 61%
        #: for the year"). They last for the question and the first two paragraphs of the turn that
        #: answers it.
        self.asked: list[str] = []
        #: The customer the question named ("How much of your revenue is OpenAI?"), for a share answered.
        self.party: str | None = None
        #: The period the question named ("What will revenue be this year?") and how it named it
        #: ("next", "current", "prev_quarter", …; "none" for a period named outright, "" for none).
        self.when: Period | None = None
        self.when_relative = ""
        #: The askable metrics the answer's previous sentence named or stated, and the customer of a
        #: share it stated ("Our biggest customer, OpenAI, is a bit under half of revenue. It was 46% last
        #: quarter."): nearer than the question, they come first.
        self.said: list[str] = []
        self.said_party: str | None = None
        #: The metrics the question before asked (or its answer's last sentence stated), for a follow-up
        #: that names only a period: "Interviewer: And this year?"
        self.previous: list[str] = []
        self.previous_party: str | None = None
        self.paragraphs = 0
        #: The figures the asking turn stated ("I think you said operating margin of 20% … is the
        #: hyperscaler still the 31%?"): an answer that only repeats one of several ("And yes, 31% for the
        #: quarter") confirms the question's number, whose metric neither sentence names.
        self.quoted: list[float] = []
        #: The party of a deal the question asked about with its power ("And on Anthropic itself, is that
        #: the 300-megawatt agreement?"): the answer's bare power and the deal's value are that party's.
        self.deal_party: str | None = None

    def quote(self, values: list[float]) -> None:
        """The asking turn's sentence states these figures."""
        self.quoted.extend(values)

    def note(self, metrics: list[str], party: str | None) -> None:
        """The asking turn names `metrics` (and a customer) in one sentence."""
        for metric in metrics:
            if metric not in self.asked:
                self.asked.append(metric)
        if party is not None:
            self.party = party

    def date(self, when: Period | None, relative: str, question: bool) -> None:
        """The asking turn names a period: the question's own ("What will it be this year?") over a
        statement's before it ("Revenue was $410 million last year.")."""
        if relative and (question or not self.when_relative):
            self.when, self.when_relative = when, relative

    def follow(self) -> None:
        """The asking turn only names a period ("And this year?"): it asks again what was asked before."""
        self.note(self.previous, self.previous_party)

    def say(self, metrics: list[str], party: str | None) -> None:
        """The answer's sentence just read named `metrics` (none: the next sentence has only the question)."""
        self.said = metrics
        self.said_party = party

    def answering(self) -> bool:
        """Is the text an answer's: a turn after a question, in its first two paragraphs (past them, or in
        prose after an interview, a sentence's figures are read as any text's)?"""
        return self.interview and not self.asking and self.paragraphs <= 2

    def pending(self) -> bool:
        """Is there a metric an answer's bare figure may take?"""
        return not self.asking and bool(self.said or self.asked)

    def ask_deal(self, party: str | None) -> None:
        """The asking turn's sentence asks about a deal's power (and names its party)."""
        self.note(["capacity_contracted"], None)
        if party is not None:
            self.deal_party = party

    def _forget(self) -> None:
        self.quoted = []
        self.deal_party = None
        self.asked = []
        self.party = None
        self.when = None
        self.when_relative = ""
        self.said = []
        self.said_party = None

    def line(self, text: str, start: int, end: int) -> None:
        """A line inside a paragraph that opens with a speaker label starts a new turn, as a paragraph
        does: an interview often prints "Q: …" and "A: …" (or, once a turn has asked, "Interviewer: …" and
        "Rhea Santos: …") on consecutive lines with no blank line between, and the answer is the
        company's, not the question's. (Before any question, "Revenue: $410 million" is a release's line.)"""
        m = _label_at(text, start, end)
        if m is not None and (self.interview or m.group("name") in _TURN_NAMES):
            self._turn(text, m, end)

    def paragraph(self, text: str, start: int, end: int) -> None:
        """Read the speaker label a paragraph starting at `start` may open with (`end`: its line's end)."""
        m = _label_at(text, start, end)
        if m is None:
            self.paragraphs += 1
            if self.asking and self.paragraphs > 1:
                # An analyst speaks one paragraph; a label this reader does not know ("Dana Orr -- CFO")
                # must not leave the company's answer in the analyst's mouth.
                self.analyst = self.asking = False
            elif self.paragraphs > 2 and (self.asked or self.said):
                self._forget()  # the answer is over
            return
        self._turn(text, m, end)

    def _turn(self, text: str, m: re.Match[str], end: int) -> None:
        """The turn the label `m` opens."""
        rest = text[m.end() : end].rstrip()
        self.paragraphs = 1 if rest else 0
        name = m.group("name")
        desc = m.group("desc") or m.group("pdesc")  # "Dana Orr, Kestle Securities:" or "Dana Orr (CFO):"
        if desc is not None and _EXECUTIVE.search(desc):
            analyst = False
        elif name in _ANALYST_NAMES or (
            desc is not None and len(desc.split()) <= 6 and _FIRM.search(desc) and _PERSON.fullmatch(name)
        ):
            analyst = True
        else:
            analyst = self.speakers.get(name, False)
        self.speakers[name] = analyst
        self.questions = self.questions or analyst
        # "MAYA: What did margins look like?": a labelled line that ends in a question asks, whoever
        # speaks (its speaker's figures stay theirs: only an analyst's first person is muted).
        asking = analyst or rest.endswith("?")
        self.interview = self.interview or asking
        if asking:
            self.previous = self.said or self.asked
            self.previous_party = self.said_party if self.said else self.party
        if asking or not self.asking:
            self._forget()  # a new question, or a turn that answers none
        else:
            self.said = []  # the answer's first sentence has no sentence before it
            self.said_party = None
        self.analyst = analyst
        self.asking = asking
        if "question" in text[m.end() : end]:
            # The operator's introduction: "Our first question comes from Leah Brandt with Corwin Tate."
            for intro in _INTRODUCED.finditer(text, m.end(), end):
                self.speakers[intro.group("name")] = True
                self.questions = True
        if name == "Operator" and rest:
            # "Operator: Morgan Ebdon, Kessick & Royle, your line is open.": the person the operator
            # names with a firm asks next.
            named = _OPERATOR_NAMES.match(text, m.end(), end)
            if (
                named is not None
                and _FIRM.search(named.group("firm"))
                and not _EXECUTIVE.search(named.group("firm"))
            ):
                self.speakers[named.group("name")] = True
                self.questions = True
