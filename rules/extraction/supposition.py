"""Figures a sentence supposes rather than states.

A figure is *supposed* when the text puts it under a condition or a make-believe
instead of reporting or forecasting it:

- the outcome of a counterfactual or of a hypothetical: "If every signed lease were
  live, we would be at $3 billion", "If we won two more sites we could add maybe
  $400 million";
- the outcome of a leading condition whose main clause is a modal's ("If we win the
  second hall, it would add about $200 million to backlog"), or the condition's own
  figure when the clause after it is such an outcome ("If the site reaches 400 MW by
  2029, revenue could top …"); a forecast under a condition ("If demand holds, we
  expect revenue of $900 million") is not supposed;
- a figure under a condition written after it ("…, or approximately $310 million if
  the underwriters exercise their option"), or on a term sheet's conditions line
  ("Conditions to Initial Funding: …");
- the share of a customer the condition invents ("if a customer representing more
  than 20% of revenue terminated").

A supposed figure gives no fact. A financing figure is exempt from the leading-condition
outcome: "If exercised in full, the warrants would provide $93.5 million of proceeds"
sizes the instrument the company has issued. When only the customer is supposed, the
sentence still speaks of customer shares: a share compared with it ("…, compared with 18%
for our largest today") is a stated one, so the reader tells the two apart.
"""

from __future__ import annotations

import re
from typing import Final

from rules.extraction.numbers import Quantity

#: "If every signed lease were live, we would be at $3 billion", "If we won two more sites we could
#: add maybe $400 million": a counterfactual's or a hypothetical's figure, no fact.
_COUNTERFACTUAL_BEFORE: Final = re.compile(
    r"\bif\s+[^.;]{0,120}?\b(?:(?:were|had\s+been)\b[^.;]{0,120}?(?:\b(?:would|could|might)\b|\w(?:'|’)d\b)|"
    r"(?:would|could|might)\b)[^.;]{0,80}$",
    re.IGNORECASE,
)
#: "…, or approximately $310 million if the underwriters exercise their option": a figure under a
#: condition that follows it (a comma's "…, assuming …" is an estimate's premise, and stays).
_CONDITION_AFTER: Final = re.compile(r"\s+if\s", re.IGNORECASE)
#: "Conditions to Initial Funding: …", "Condition precedent: …": a term sheet's conditions line.
_CONDITION_LABEL: Final = re.compile(r"\s*(?:[\w-]+\s+){0,2}conditions?\b[^:.;]{0,60}:", re.IGNORECASE)
#: The modal of a main clause after a condition: "If exercised, the option would add …".
_CONDITIONAL_MODALS: Final = (" would ", " could ", " might ", "'d ", "’d ")
#: "if a customer representing more than 20% of revenue terminated": a condition, no customer's share.
_SUPPOSED_CUSTOMER: Final = re.compile(
    r"\b(?:if|should|unless|were|in\s+the\s+event\s+(?:that\s+)?)\s+(?:a|an|any|one|our|the)\s+"
    r"(?:single\s+|major\s+|large\s+|significant\s+)?(?:customer|client|tenant)\b",
    re.IGNORECASE,
)
_SUPPOSED_CUSTOMER_WORDS: Final = ("if ", "should ", "unless ", "were ", "event ")


#: What `supposed` finds: the figure itself, or only the customer whose share it is.
FIGURE: Final = 1
CUSTOMER: Final = 2


def supposed(sentence: str, low: str, quantities: list[Quantity], idx: int, metric: str) -> int:
    """Is the `idx`-th quantity of `sentence` (`low` is its lower-cased form), read as `metric`,
    supposed rather than stated (see the module's docstring)? `FIGURE`, `CUSTOMER` or 0 (stated).
    Cheap word tests come first."""
    q = quantities[idx]
    if (
        _condition_after_or_label(sentence, low, q)
        or _counterfactual(sentence, low, q)
        or (metric != "financing" and _conditional_outcome(low, q))
    ):
        return FIGURE
    if metric == "customer_concentration" and _supposed_customer(sentence, low, quantities, idx):
        return CUSTOMER
    return 0


def _supposed_customer(sentence: str, low: str, quantities: list[Quantity], idx: int) -> bool:
    """The share belongs to a customer a condition supposes, not one the text reports."""
    q = quantities[idx]
    floor = quantities[idx - 1].end if idx > 0 else 0
    if all(low.find(word, floor, q.start) < 0 for word in _SUPPOSED_CUSTOMER_WORDS):
        return False
    return _SUPPOSED_CUSTOMER.search(sentence, floor, q.start) is not None


def _condition_after_or_label(sentence: str, low: str, q: Quantity) -> bool:
    """A condition written right after the figure, or a term sheet's conditions line."""
    if low.startswith(" if", q.end) and _CONDITION_AFTER.match(sentence, q.end):
        return True
    return "condition" in low[: min(q.start, 80)] and _CONDITION_LABEL.match(sentence) is not None


def _counterfactual(sentence: str, low: str, q: Quantity) -> bool:
    """An "if" before the figure, then a "were"/"had been" and a modal, or a modal alone."""
    start = low.rfind("if ", 0, q.start)
    if start < 0:
        return False
    if (
        low.find("were", start, q.start) < 0
        and low.find("had been", start, q.start) < 0
        and low.find("would", start, q.start) < 0
        and low.find("could", start, q.start) < 0
        and low.find("might", start, q.start) < 0
    ):
        return False
    return _COUNTERFACTUAL_BEFORE.search(sentence, max(0, q.start - 330), q.start) is not None


def _conditional_outcome(low: str, q: Quantity) -> bool:
    """The figure is the outcome a leading condition supposes: "If we win the second hall, it would add
    about $200 million to backlog", "If exercised, that option would lift the contract to $3 billion".

    Only a sentence that opens with "If" (after a speaker's label in a transcript) and a modal in the
    main clause before the figure: "If demand holds, we expect revenue of $900 million" keeps its
    forecast. A figure in the condition itself is supposed too when the main clause is a modal's.
    """
    at = len(low) - len(low.lstrip(" \"'“‘-–—("))
    if not low.startswith("if ", at):
        label = low.find(": ", 0, 80)
        if label < 0 or not low.startswith("if ", label + 2):
            return False
        at = label + 2
    comma = low.find(", ", at, q.start)
    if comma < 0:
        # "If we were to sign a further 80 MW, that would add …", "If the site reaches 400 MW by 2029,
        # revenue could top …": the figure is the condition's own supposition when the main clause
        # after it is a modal's outcome ("If you look at our 300 MW …" speaks to the listener).
        comma = low.find(", ", q.end)
        if comma < 0 or low.startswith("you ", at + 3):
            return False
        end = low.find(";", comma)
        end = len(low) if end < 0 else end
        return any(low.find(modal, comma, end) >= 0 for modal in _CONDITIONAL_MODALS)
    if low.find(";", comma, q.start) >= 0:
        return False
    return any(low.find(modal, comma, q.start) >= 0 for modal in _CONDITIONAL_MODALS)
