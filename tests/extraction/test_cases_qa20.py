"""An answer that gives a bare figure whose metric (or customer) the question named, in interviews, podcasts,
panels and call transcripts; and the near-misses that must give no fact (a figure with a verb or noun of
its own, a unit that disagrees, an answer far below its question, the asker's or the market's model).

All companies, people and figures are invented.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts

Row = tuple[str, str, float, str, str | None, str | None]


def rows(text: str) -> set[Row]:
    """(metric, kind, low, bound, period, counterparty) of every fact."""
    return {(f.metric, f.kind, f.low, f.bound, f.period, f.counterparty) for f in extract_facts(text)}


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


# A magazine Q&A, "Q:" and "A:" on consecutive lines, no date: no period can be read.
MAGAZINE = """TIDEWATER TECH REVIEW | THE CONVERSATION

Ferrow Systems' chief executive on chips, customers and cash

Q: What kind of gross margin are you making?
A: It came to 52% last quarter.

Q: What does revenue look like this year?
A: We'll land somewhere above $640 million.

Q: What share of your revenue is Helix Labs?
A: Helix was 37% last quarter.

Q: And your biggest customers as a group?
A: The top three together are roughly 71%.
"""

# The same kind of interview, dated by the quarter the company last reported.
DATED = """PELLOW BUSINESS WEEKLY, November 18, 2026

Marrick Data reported third-quarter 2026 results last week. We spoke with its chief executive.

Q: What will revenue be this year?
A: North of $1.3 billion.

Q: And gross margin, last quarter?
A: We ended at 44%.

Q: What are you expecting for operating margin next year?
A: Somewhere around 18%.
"""

# A podcast that labels both speakers by their names.
PODCAST = """THE RACK ROOM, EPISODE 112
Host: Nadia Brooks
Guest: Emil Sato, chief executive of Larkmoor Compute

NADIA: Emil, welcome. What did gross margin look like in the quarter?

EMIL: We came in at 48%, a touch better than plan.

NADIA: And revenue for the full year?

EMIL: We're guiding to roughly $1.1 billion.

NADIA: How much of that is Orla Systems?

EMIL: They're about 41%.
"""

# A call transcript: the operator introduces the analysts, the CFO answers.
CALL = """Larkmoor Compute third-quarter 2026 earnings call, question-and-answer session

Operator: Our next question comes from Will Ashby with Dorran Securities.

Will Ashby: Thanks. What are you assuming for gross margin in the fourth quarter?

Carla Mendez, Chief Financial Officer: We're saying 47% to 49%.

Operator: Our next question comes from Ines Varga with Pellow Research.

Ines Varga: On concentration, what share of revenue was Corrin AI in the quarter?

Carla Mendez, Chief Financial Officer: Corrin was 44%.
"""

# "Interviewer:" and the executive's name on consecutive lines, with a follow-up that names only a period.
INTERVIEWER = """Interviewer: What did revenue do last year?
Rhea Santos: We did $410 million.
Interviewer: And this year?
Rhea Santos: We expect upwards of $700 million.
"""

# A panel: the moderator asks, each executive answers.
PANEL = """Moderator: Ivo, your revenue last year?
Ivo Brandt: A bit over $300 million.
"""

# The metric (and customer) named by the answer's own sentence before the figure, not by the question.
SAID_BEFORE = """Q: How is the business?
A: Gross margin is where we have improved the most. It came to 53% in the third quarter of 2026.

Q: Who pays the bills?
A: Vantor AI accounts for just under 40% of revenue. It was 38% last quarter. The top two are around 66%.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MAGAZINE, ("gross_margin", "actual", 52.0, "exact", None, None)),
        (MAGAZINE, ("revenue", "guidance", 640_000_000.0, "at_least", None, None)),
        (MAGAZINE, ("customer_concentration", "actual", 37.0, "exact", None, "Helix Labs")),
        (MAGAZINE, ("customer_concentration", "actual", 71.0, "approx", None, None)),
        # "this year" is the year of the quarter reported, still running: a forecast.
        (DATED, ("revenue", "guidance", 1_300_000_000.0, "at_least", "2026-FY", None)),
        # "last quarter": the quarter before the one the document reports.
        (DATED, ("gross_margin", "actual", 44.0, "exact", "2026-Q2", None)),
        (DATED, ("operating_margin", "guidance", 18.0, "approx", "2027-FY", None)),
        (PODCAST, ("gross_margin", "actual", 48.0, "exact", None, None)),
        (PODCAST, ("revenue", "guidance", 1_100_000_000.0, "approx", None, None)),
        (PODCAST, ("customer_concentration", "actual", 41.0, "approx", None, "Orla Systems")),
        (CALL, ("gross_margin", "guidance", 47.0, "exact", "2026-Q4", None)),
        (CALL, ("customer_concentration", "actual", 44.0, "exact", "2026-Q3", "Corrin AI")),
        (INTERVIEWER, ("revenue", "actual", 410_000_000.0, "exact", None, None)),
        (INTERVIEWER, ("revenue", "guidance", 700_000_000.0, "at_least", None, None)),
        (PANEL, ("revenue", "actual", 300_000_000.0, "at_least", None, None)),
        (
            "Q: How dependent are you on Sorrel Networks?\nA: They were 29% in the second quarter.",
            ("customer_concentration", "actual", 29.0, "exact", None, "Sorrel Networks"),
        ),
        (
            "Q: How much revenue comes from Dunmore Labs?\nA: About 30% these days.",
            ("customer_concentration", "actual", 30.0, "approx", None, "Dunmore Labs"),
        ),
        (SAID_BEFORE, ("gross_margin", "actual", 53.0, "exact", "2026-Q3", None)),
        # (The answer before dated the document by its third quarter: "last quarter" is the second.)
        (SAID_BEFORE, ("customer_concentration", "actual", 38.0, "exact", "2026-Q2", "Vantor AI")),
        (SAID_BEFORE, ("customer_concentration", "actual", 66.0, "approx", "2026-Q3", None)),
    ],
)
def test_an_answers_bare_figure_takes_the_metric_asked(text: str, expected: Row) -> None:
    assert expected in rows(text)


def test_answers_read_nothing_else() -> None:
    # Each interview gives exactly its answers: no figure is read twice or as another metric.
    assert len(rows(MAGAZINE)) == 4
    assert len(rows(PODCAST)) == 3
    assert len(rows(CALL)) == 2


@pytest.mark.parametrize(
    "text",
    [
        # The figure has a verb or a noun of another metric.
        "Q: What kind of gross margin are you making?\nA: We grew 38% last quarter.",
        "Q: What kind of gross margin are you making?\nA: Headcount rose 12% last quarter.",
        "Q: What kind of gross margin are you making?\nA: Utilisation was 46% in September.",
        "Q: What kind of gross margin are you making?\nA: About 46% of our pipeline is inference.",
        "Q: What kind of gross margin are you making?\nA: It was up 46% year over year.",
        "Q: What was revenue in the quarter?\nA: We did $95 million in free cash flow.",
        # A percentage answer to a revenue question: growth is not read from it.
        "Q: What was revenue last quarter?\nA: It grew 46%.",
        # Units that disagree: dollars to a margin or a share, megawatts to anything.
        "Q: What kind of gross margin are you making?\nA: We did $46 million.",
        "Q: How much of your revenue is Helix Labs?\nA: About $120 million.",
        "Q: What was revenue in the quarter?\nA: About 120 megawatts.",
        # The revenue of a part (a contract, a campus) is not the company's.
        "Q: What revenue do you expect from the Helix contract?\nA: About $300 million.",
        "Q: How much revenue comes from Dunmore Labs?\nA: About $300 million a year.",
        # Two margins asked: which one a percentage answers is not clear.
        "Q: How are gross and operating margins trending?\nA: We were at 31% last quarter.",
        # A wish, not a figure.
        "Q: Where can gross margin go?\nA: I'd like to be at 60% by 2029.",
        # An answer several paragraphs below its question.
        "Q: What kind of gross margin are you making?\nA: Good question.\n\nWe had a busy year.\n\n"
        "The team did great work.\n\nIt was 46%.",
        # The interviewer's own figure, with no metric named.
        "Q: You booked $410 million last year. What about this year?\nA: We don't guide.",
        # A follow-up naming only a period asks again what the question just before asked: here, hiring.
        "Q: How is hiring going?\nA: Slowly.\nQ: And this year?\nA: We expect more than $900 million.",
    ],
)
def test_near_misses_give_no_fact_of_the_metric_asked(text: str) -> None:
    got = values(text)
    asked = ("gross_margin", "operating_margin", "revenue", "customer_concentration")
    assert not [v for v in got if v[0] in asked]


def test_the_questions_own_period_dates_the_answer() -> None:
    # The statement before the question names last year; the question itself asks about this year. (The
    # interviewer's stated figure is read as the extractor always read it.)
    got = values("Q: Sales were $260 million last year. What will they be this year?\nA: Above $500 million.")
    assert ("revenue", "guidance", 500_000_000.0) in got
    assert ("revenue", "actual", 260_000_000.0) in got
    assert ("revenue", "actual", 500_000_000.0) not in got


def test_a_share_price_move_stays_a_move() -> None:
    # "The stock is up 46%" answers no margin question: its own noun makes it a move.
    got = values("Q: What kind of gross margin are you making?\nA: The stock is up 46% since the listing.")
    assert got == {("stock_move", "actual", 46.0)}


@pytest.mark.parametrize(
    "text",
    [
        "Analyst: A few investors model operating margin at 21% next year. Is that fair?\n"
        "Carla Mendez: We don't guide that far out.",
        "Q: Some people model gross margin at 49% for 2027. Too high?\nA: We'll see.",
        "Q: The Street has revenue at $900 million for 2027. Too high?\nA: No comment.",
        "Q: Consensus is 44% gross margin for the fourth quarter. Fair?\nA: We don't comment on models.",
        "Q: I have you at $310 million of revenue in the quarter. Close?\nA: You'll see next week.",
        "Interviewer: We have you at 52% gross margin this year. Reasonable?\nRhea Santos: No comment.",
        "Most models have revenue at $880 million next year.",
    ],
)
def test_the_askers_or_the_markets_model_is_no_fact(text: str) -> None:
    assert values(text) == set()


def test_prose_after_a_question_is_no_answer() -> None:
    # A headline's "…?" asks, but the article's third paragraph is no answer: its bare figure stays unread.
    text = (
        "Update: Is the Ostrel deal at risk?\n\n"
        "Ostrel said on Monday that the deal was on track.\n\n"
        "The company has grown quickly. Revenue rose to $410 million last year. In 2025, $320 million.\n"
    )
    got = values(text)
    assert ("revenue", "actual", 410_000_000.0) in got
    assert not [v for v in got if v[2] == 320_000_000.0]


def test_a_release_line_opens_no_turn() -> None:
    # Before any question, "Revenue:" and "Gross margin:" lines are a release's, not speakers.
    text = (
        "Ashgrove Cloud reported results for the third quarter of 2026.\n"
        "Revenue: $212 million\n"
        "Gross margin: 41%\n"
        "It was a strong quarter.\n"
    )
    got = values(text)
    assert ("revenue", "actual", 212_000_000.0) in got
    assert ("gross_margin", "actual", 41.0) in got
