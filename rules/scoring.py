"""Severity and score of an alert, from the rules that fired.

Severity is the highest severity among the fired rules (``spec/watchlist.md``):
the user said how much each rule matters, and an alert is as urgent as its most
urgent reason.

The score orders alerts *within* and *across* severities, so a reader of a busy
alert log sees the most important first. It is

    score = sum over distinct fired rules of  WEIGHT[severity] * (1 + margin)

where `margin` (0..1) is how far past its trigger the rule's strongest fact is,
relative to the trigger (a 10-point guidance cut from a 47% actual is 0.21; a
deployed/contracted ratio of 0.2 against a limit of 0.5 is 0.6), capped at 1.

Why this shape:

* Weights 1 / 3 / 9 (info / warning / critical) make severity dominate: one
  critical rule (9..18) outscores two warnings that barely fire (6), because the
  user's own judgement of a rule is the best signal we have.
* Each *distinct* rule adds: independent reasons to look at one disclosure
  corroborate each other. A rule that matched several facts counts once (its
  strongest), so a release that repeats a number is not scored higher.
* The margin breaks ties and at most doubles a rule's weight: a big miss ranks
  above a marginal one, but never above a rule the user rated higher.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rules.evaluate import RuleMatch

WEIGHTS: dict[str, float] = {"info": 1.0, "warning": 3.0, "critical": 9.0}
_ORDER = ("info", "warning", "critical")


@dataclass(frozen=True)
class AlertScore:
    severity: str
    score: float
    rules: tuple[str, ...]


def highest_severity(severities: Sequence[str]) -> str:
    return max(severities, key=_ORDER.index)


def score_matches(matches: Sequence[RuleMatch]) -> AlertScore:
    """Severity, score and the fired rule names (in first-fired order) of one alert."""
    if not matches:
        raise ValueError("an alert needs at least one fired rule")
    strongest: dict[str, RuleMatch] = {}
    for match in matches:
        best = strongest.get(match.rule)
        if best is None or match.margin > best.margin:
            strongest[match.rule] = match
    score = sum(WEIGHTS[m.severity] * (1.0 + max(0.0, min(1.0, m.margin))) for m in strongest.values())
    return AlertScore(
        severity=highest_severity([m.severity for m in matches]),
        score=round(score, 3),
        rules=tuple(strongest),
    )
