"""Held-out set 19's first cause (tests/extraction/holdout19/REPORT.md): an interview's answer printed on
the line right after its question ("Q: …?" then "A: …" with no blank line) is the company's answer, not
part of the question; the question's own figures stay the interviewer's.

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


INTERVIEW = """DATA HALL WEEKLY | FIVE QUESTIONS

Tarn Compute's Ilse Marrow on power, pricing and partners

Q: Where does Tarn stand on capacity?
A: We have 140 megawatts energized across three campuses, and 410 megawatts under signed leases.

Q: And the money?
A: We did $212 million of revenue in the third quarter.

Question: I have you at 48% gross margin for the quarter. Fair?
Answer: Our adjusted gross margin was 55% in the third quarter.
"""


def test_an_answer_on_the_next_line_is_the_companys() -> None:
    got = values(INTERVIEW)
    assert ("capacity_deployed", "actual", 140) in got
    assert ("capacity_contracted", "actual", 410) in got
    assert ("revenue", "actual", 212_000_000) in got
    assert ("gross_margin", "actual", 55) in got


def test_the_questions_own_figure_stays_the_interviewers() -> None:
    got = values(INTERVIEW)
    assert not any(low == 48 for _m, _k, low in got)


def test_a_label_inside_prose_opens_no_turn() -> None:
    # "A:" only opens a turn at a line's start; a release's "Q3:" line is no speaker either.
    text = (
        "Vessel Grid reported third-quarter results.\n"
        "Q3: revenue of $88 million, up 31% year over year.\n"
        "Gross margin was 41%.\n"
    )
    got = values(text)
    assert ("revenue", "actual", 88_000_000) in got
    assert ("gross_margin", "actual", 41) in got
