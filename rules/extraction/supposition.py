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
  than 20% of revenue terminated");
- the outcome of a condition written in the other order, or inverted: "We would be a
  $25 billion company if every site were built tomorrow", "Had the substation arrived on
  time, we would have reported revenue of $410 million", "Were the option exercised, the
  lease would cover 450 MW";
- what an event the sentence supposes would do: "The loss of either tenant could cut
  annual revenue by up to $90 million", "A one-point change in utilization would move
  revenue by about $8 million", "Any delay at the site could push $60 million of revenue
  into next year" (a sensitivity, no result nor forecast);
- what one unit would or could bring: "Each gigawatt could bring Altamira about $20 billion
  in revenue", "every 100 MW we add would mean roughly $300 million a year" (per-unit
  arithmetic, no amount of any agreement or period);
- what something merely could bring: "The partnership could generate as much as $5 billion
  in revenue over the decade" (a possibility, neither a result nor the company's forecast).

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
#: Words that open a condition: "If …", and the inverted "Had the site …", "Were we to …", "Should the
#: tenant …", or a supposition spelled out ("Suppose …", "Imagine …").
_CONDITION_OPENERS: Final = ("if ", "had ", "were ", "should ", "suppose ", "supposing ", "imagine ")
#: The subject after an inverted "Had"/"Were"/"Should": a bullet's "Had 500 MW online" is no condition.
_INVERTED_SUBJECT: Final = re.compile(
    r"(?:had|were|should)\s+(?:the|we|it|they|you|i|he|she|our|its|their|all|every|each|any|both|this|that|"
    r"these|those|either|neither)\b"
)
#: A supposed event as the subject of a modal: "The loss of either tenant could …", "A one-point change in
#: utilization would …", "Losing our largest customer might …".
_SUPPOSED_EVENT: Final = re.compile(
    r"(?:\b(?:a|an|the|any|each|every)\s+(?:[\w.%-]+\s+){0,2}?(?:loss|termination|non-?renewal|cancell?ation|"
    r"delay|default|departure|change|decline|drop|fall|reduction|shortfall|slip(?:page)?|increase|rise)\s+"
    r"(?:of|in|at|by|to|with|from)\b|\b(?:losing|terminating|cancell?ing|delaying)\b)"
    r"[^.;]{0,80}?\b(?:would|could|might|may)\b[^.;]{0,100}$",
    re.IGNORECASE,
)
_EVENT_WORDS: Final = (
    "loss", "losing", "terminat", "renewal", "cancel", "delay", "default", "departure", "change", "decline",
    "drop", "fall", "reduction", "shortfall", "slip", "increase", "rise",
)  # fmt: skip
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
    if not _may_suppose(low):
        # Most sentences hold no condition word nor modal: one pass of cheap tests rules them out.
        return 0
    q = quantities[idx]
    if (
        _condition_after_or_label(sentence, low, q)
        or _counterfactual(sentence, low, q)
        or (metric != "financing" and (_conditional_outcome(low, q) or _modal_then_condition(low, q)))
        or _event_outcome(sentence, low, q)
        or (q.unit == "usd" and metric != "financing" and _possible_outcome(sentence, low, q))
    ):
        return FIGURE
    if metric == "customer_concentration" and _supposed_customer(sentence, low, quantities, idx):
        return CUSTOMER
    return 0


def _may_suppose(low: str) -> bool:
    """Does the sentence hold a word every supposition needs: a condition's or a modal's?"""
    return (
        "if" in low
        or "would" in low
        or "could" in low
        or "might" in low
        or "may" in low
        or "'d" in low
        or "’d" in low
        or "condition" in low
        or "should" in low
        or "unless" in low
        or "were" in low
        or "event" in low
    )


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
    if not low.startswith(_CONDITION_OPENERS, at):
        label = low.find(": ", 0, 80)
        if label < 0 or not low.startswith(_CONDITION_OPENERS, label + 2):
            return False
        at = label + 2
    if low.startswith(("had ", "were ", "should "), at) and _INVERTED_SUBJECT.match(low, at) is None:
        return False
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


def _modal_then_condition(low: str, q: Quantity) -> bool:
    """ "We would be a company of more than $25 billion in revenue if every site were built tomorrow":
    a modal before the figure and a condition after it, all in one clause ("…, and it would be higher
    if …" leaves a figure in the clause before alone)."""
    cond = low.find(" if ", q.end)
    if cond < 0:
        return False
    if low.find(",", q.end, cond) >= 0 or low.find(";", q.end, cond) >= 0:
        return False
    clause = max(low.rfind(",", 0, q.start), low.rfind(";", 0, q.start), 0)
    return any(low.find(modal, clause, q.start) >= 0 for modal in _CONDITIONAL_MODALS)


#: One unit as the subject of a modal: "Each gigawatt could bring", "every 100 MW we add would mean",
#: "per site, that would be" (up to the figure, in one clause).
_UNIT_SUBJECT: Final = re.compile(
    r"\b(?:each|every|per)\s+(?:additional\s+|new\s+|incremental\s+|extra\s+)?(?:[\d.,]+\s*)?"
    r"(?:gigawatts?|megawatts?|gw|mw|sites?|campus|halls?|data\s+cent(?:er|re)s?|deployments?|clusters?|racks?|"
    r"gpus?|chips?|servers?)\b[^.;]{0,80}?(?:\b(?:would|could|might|will|can)|'ll|’ll|'d|’d)\b[^.;]{0,80}$",
    re.IGNORECASE,
)
#: "could bring", "might eventually add", "could be worth": an outcome only possible, right before the
#: figure's own words (no clause break: "…, but it could add more later" leaves a figure before alone).
_POSSIBLE_OUTCOME: Final = re.compile(
    r"\b(?:could|might)\s+(?:(?:potentially|eventually|ultimately|also|easily|still|one\s+day|in\s+time)\s+)?"
    r"(?:bring|add|generate|lift|boost|mean|contribute|yield|produce|drive|deliver|be\s+worth)\b[^.;,]{0,60}$",
    re.IGNORECASE,
)


def _possible_outcome(sentence: str, low: str, q: Quantity) -> bool:
    """A dollar figure one unit would bring, or that something merely could bring."""
    lo = max(0, q.start - 200)
    if ("each " in low or "every " in low or "per " in low) and _UNIT_SUBJECT.search(sentence, lo, q.start):
        return True
    window = low[max(0, q.start - 80) : q.start]
    return ("could" in window or "might" in window) and _POSSIBLE_OUTCOME.search(
        sentence, max(0, q.start - 80), q.start
    ) is not None


def _event_outcome(sentence: str, low: str, q: Quantity) -> bool:
    """What a supposed event would do: a loss, termination, delay or change as the subject of a modal
    before the figure ("A loss of either customer could, for example, reduce revenue by $140 million")."""
    lo = max(0, q.start - 200)
    window = low[lo : q.start]
    if "would" not in window and "could" not in window and "might" not in window and "may" not in window:
        return False
    for word in _EVENT_WORDS:
        if word in window:
            return _SUPPOSED_EVENT.search(sentence, lo, q.start) is not None
    return False
