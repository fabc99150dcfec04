"""Helpers shared by the case files (`test_cases_*.py`): what a text's facts say, in comparable form."""

from __future__ import annotations

from rules.extraction import extract_facts
from rules.facts import Fact


def ranges(text: str) -> set[tuple[str, str, float, float]]:
    """(metric, kind, low, high) of every fact of `text`, rounded so float noise does not matter."""
    return {(f.metric, f.kind, round(f.low, 4), round(f.high, 4)) for f in extract_facts(text)}


def by_value(facts: list[Fact], metric: str, low: float) -> Fact:
    """The fact of `metric` whose low end is `low` (rounded as `ranges` rounds)."""
    return next(f for f in facts if f.metric == metric and round(f.low, 4) == low)
