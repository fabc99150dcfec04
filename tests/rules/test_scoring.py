"""Severity and score of an alert from its fired rules."""

from __future__ import annotations

import pytest

from rules.evaluate import RuleMatch
from rules.scoring import score_matches


def m(rule: str, severity: str, margin: float = 0.0) -> RuleMatch:
    return RuleMatch(rule, "threshold", severity, "s", None, "e", None, margin)


def test_severity_is_the_highest_and_rules_are_listed_once() -> None:
    scored = score_matches([m("a", "info"), m("b", "critical"), m("a", "info", 0.5)])
    assert scored.severity == "critical"
    assert scored.rules == ("a", "b")


def test_one_critical_outranks_two_barely_firing_warnings_and_margin_breaks_ties() -> None:
    critical = score_matches([m("c", "critical")]).score
    two_warnings = score_matches([m("w1", "warning"), m("w2", "warning")]).score
    assert critical > two_warnings
    assert score_matches([m("w", "warning", 0.8)]).score > score_matches([m("w", "warning", 0.1)]).score


def test_a_rule_counts_once_with_its_strongest_match_and_margin_is_capped() -> None:
    once = score_matches([m("w", "warning", 0.2)]).score
    repeated = score_matches([m("w", "warning", 0.2), m("w", "warning", 0.2)]).score
    assert once == repeated
    assert score_matches([m("w", "warning", 50)]).score == score_matches([m("w", "warning", 1)]).score


def test_no_matches_is_no_alert() -> None:
    with pytest.raises(ValueError):
        score_matches([])
