"""Rule evaluation: a disclosure's facts plus what is known of the company -> the rules that fired.

Pure: the caller (``watcher.scoring``) loads the company's history from the
database and passes it in as a `History`; nothing here reads a clock, a file
or a table, so every rule kind is tested with plain values.

"Known" values follow ``spec/watchlist.md``: those stored for the same company
from earlier disclosures *or from this one*. So the evaluator looks at this
disclosure's facts first and the history second, except where a rule asks for
something "earlier" (``guidance_miss``: guidance stored earlier; the previous
guidance of ``guidance_cut``), where only the history counts.

Choices the spec leaves open, made here once:

* Latest means: the last disclosure (the history is ordered oldest first); within
  one disclosure, the fact with the latest fiscal period, then the last stated.
* Basis: a guidance fact is compared with facts of the same basis; a fact with no
  basis stated is compatible with any basis, preferring an exact match.
* Capacity: deployed and contracted MW come from *actual* facts only (a
  "expected to come online" forecast is not deployed). When one disclosure
  states several contracted (or deployed) figures, the largest is taken as its
  total, since releases quote a new deal and then the running total.
"""

from __future__ import annotations

import functools
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rules.attribution import CompanyRef, fact_belongs_to, is_known_party, party_tokens
from rules.facts import Fact
from rules.watchlist import (
    CapacityGapRule,
    CustomerConcentrationRule,
    FinancingRule,
    GuidanceCutRule,
    GuidanceMissRule,
    KeywordRule,
    Rule,
    ThresholdRule,
)

#: Fact metrics whose counterparty is a customer of the company.
CUSTOMER_METRICS = frozenset({"contract_value", "capacity_contracted", "customer_concentration"})
_PERIOD = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|FY)$")
_PERIOD_END = {"Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "H1": 6, "H2": 12, "FY": 12}


@functools.lru_cache(maxsize=1024)
def period_key(period: str | None) -> tuple[int, int]:
    """Sort key of a fiscal period by its end: 2026-Q2 < 2026-H1 == (2026, 6) < 2026-FY."""
    if period is None:
        return (0, 0)
    found = _PERIOD.match(period)
    if found is None:
        return (0, 0)
    return (int(found.group(1)), _PERIOD_END[found.group(2)])


def _basis_keys(basis: str | None) -> tuple[str | None, ...]:
    """Lookup order for a compatible basis: exact first, then unknown (or any)."""
    return (basis, None) if basis is not None else (None, "*")


# ------------------------------------------------------------------ the known history


@dataclass(frozen=True)
class History:
    """A read-only, indexed view of one company's earlier facts (oldest first).

    Built once per (disclosure, company) by `History.build`; every lookup is a
    dictionary access, so evaluating many rules costs nothing per history fact.
    """

    latest_actuals: dict[tuple[str, str | None], Fact] = field(default_factory=dict)
    latest_guidance: dict[tuple[str, str, str | None], Fact] = field(default_factory=dict)
    latest_capacity: dict[str, Fact] = field(default_factory=dict)
    customers: tuple[str, ...] = ()

    @classmethod
    def build(cls, disclosures: Iterable[Sequence[Fact]], *, customers: Iterable[str] = ()) -> History:
        """Index facts grouped by disclosure, oldest disclosure first.

        `customers` are the company's known customers (listed or already learned);
        counterparties of customer facts in the history are added to them.
        """
        actuals: dict[tuple[str, str | None], Fact] = {}
        guidance: dict[tuple[str, str, str | None], Fact] = {}
        capacity: dict[str, Fact] = {}
        known = list(customers)
        for facts in disclosures:
            for fact in _latest_first_order(facts):
                if fact.kind == "actual":
                    actuals[(fact.metric, fact.basis)] = fact
                    actuals[(fact.metric, "*")] = fact
                elif fact.period is not None:
                    guidance[(fact.metric, fact.period, fact.basis)] = fact
                    guidance[(fact.metric, fact.period, "*")] = fact
            for metric in ("capacity_contracted", "capacity_deployed"):
                total = _largest(facts, metric)
                if total is not None:
                    capacity[metric] = total
            known.extend(learned_customers(facts, known))
        return cls(actuals, guidance, capacity, tuple(known))

    def latest_actual(self, metric: str, basis: str | None) -> Fact | None:
        for key in _basis_keys(basis):
            found = self.latest_actuals.get((metric, key))
            if found is not None:
                return found
        return None

    def guidance_for(self, metric: str, period: str, basis: str | None) -> Fact | None:
        for key in _basis_keys(basis):
            found = self.latest_guidance.get((metric, period, key))
            if found is not None:
                return found
        return None

    def latest_mw(self, metric: str) -> Fact | None:
        return self.latest_capacity.get(metric)


def _latest_first_order(facts: Sequence[Fact]) -> list[Fact]:
    """Facts of one disclosure ordered so that the last one of each key is the latest."""
    return sorted(facts, key=lambda f: period_key(f.period))  # stable: stated order breaks ties


def _largest(facts: Iterable[Fact], metric: str) -> Fact | None:
    best: Fact | None = None
    for fact in facts:
        if fact.metric == metric and fact.kind == "actual" and (best is None or fact.value > best.value):
            best = fact
    return best


def learned_customers(facts: Iterable[Fact], known: Iterable[str] = ()) -> list[str]:
    """Counterparties of customer facts not already known (the names to remember).

    Only names count: a counterparty with no capital letter or digit ("our two
    largest customers") describes customers without naming one.
    """
    seen = list(known)
    seen_tokens = {party_tokens(name) for name in seen}
    new: list[str] = []
    for fact in facts:
        if fact.metric not in CUSTOMER_METRICS or not fact.counterparty:
            continue
        party = fact.counterparty.strip()
        tokens = party_tokens(party)
        if not tokens or tokens in seen_tokens:
            continue
        if not any(ch.isupper() or ch.isdigit() for ch in party):
            continue
        if not is_known_party(party, seen):
            seen.append(party)
            new.append(party)
        seen_tokens.add(tokens)
    return new


# ------------------------------------------------------------------ inputs and outputs


@dataclass(frozen=True)
class DisclosureView:
    """What evaluation needs of the disclosure itself."""

    title: str
    text: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class RuleMatch:
    """One rule that fired on one fact (or, for `keyword`, on the text)."""

    rule: str
    kind: str
    severity: str
    summary: str
    fact: Fact | None
    evidence: str
    compared_to: dict[str, Any] | None = None
    #: How far past its trigger the fact is, relative, in [0, 1]; `rules.scoring` uses it.
    margin: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The shared `Alert.matches` item shape (plus `evidence`, for keyword matches too)."""
        return {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity,
            "summary": self.summary,
            "fact": self.fact.to_json() if self.fact is not None else None,
            "compared_to": self.compared_to,
            "evidence": self.evidence,
        }


def _ref(fact: Fact) -> dict[str, Any]:
    data = fact.to_json()
    return {k: data[k] for k in ("metric", "kind", "value", "low", "high", "period", "basis", "evidence")}


def _margin(excess: float, scale: float) -> float:
    return max(0.0, min(1.0, excess / max(abs(scale), 1.0)))


def fmt(value: float, unit: str) -> str:
    """A number as people write it: 47%, $1.2 billion, 470 MW."""
    if unit == "percent":
        return f"{value:g}%"
    if unit == "mw":
        return f"{value:,.6g} MW"
    size = abs(value)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if size >= scale:
            return f"${value / scale:,.6g} {word}"
    return f"${value:,.0f}"


def _amount(fact: Fact) -> str:
    """The fact's number or range, and its period when stated."""
    amount = fmt(fact.value, fact.unit)
    if fact.low != fact.high:
        amount = f"{fmt(fact.low, fact.unit)} to {fmt(fact.high, fact.unit)}"
    return f"{amount} for {fact.period}" if fact.period else amount


def fact_text(fact: Fact) -> str:
    """'gross margin guidance 36% to 38% for 2026-Q2': how summaries and the demo show a fact."""
    return f"{fact.metric.replace('_', ' ')} {fact.kind} {_amount(fact)}"


# ------------------------------------------------------------------ the evaluator


@dataclass
class _Context:
    company: CompanyRef
    disclosure: DisclosureView
    facts: tuple[Fact, ...]
    by_metric: dict[str, list[Fact]]
    history: History
    _customers: tuple[str, ...] | None = None
    _is_customer: dict[str | None, bool] = field(default_factory=dict)
    _searches: dict[tuple[str, str], re.Match[str] | None] = field(default_factory=dict)

    @property
    def customers(self) -> tuple[str, ...]:
        """Listed, learned earlier, or counterparties of this disclosure's customer facts."""
        if self._customers is None:
            known = [*self.company.customers, *self.history.customers]
            self._customers = (*known, *learned_customers(self.facts, known))
        return self._customers

    def is_customer(self, name: str | None) -> bool:
        """Memoised per disclosure: many rules ask about the same few counterparties."""
        if name not in self._is_customer:
            self._is_customer[name] = is_known_party(name, self.customers)
        return self._is_customer[name]

    def search(self, pattern: re.Pattern[str], where: str, haystack: str) -> re.Match[str] | None:
        """Memoised per disclosure: rules scoped to different tickers often share a pattern."""
        key = (pattern.pattern, where)
        if key not in self._searches:
            self._searches[key] = pattern.search(haystack)
        return self._searches[key]

    def current_actual(self, metric: str, basis: str | None) -> Fact | None:
        candidates = [f for f in self.by_metric.get(metric, ()) if f.kind == "actual"]
        for key in _basis_keys(basis):
            pool = candidates if key == "*" else [f for f in candidates if f.basis == key]
            if pool:
                return _latest_first_order(pool)[-1]
        return None

    def latest_actual(self, metric: str, basis: str | None) -> Fact | None:
        return self.current_actual(metric, basis) or self.history.latest_actual(metric, basis)

    def latest_mw(self, metric: str) -> Fact | None:
        return _largest(self.by_metric.get(metric, ()), metric) or self.history.latest_mw(metric)


def evaluate(
    rules: Iterable[Rule], disclosure: DisclosureView, company: CompanyRef, history: History
) -> list[RuleMatch]:
    """The rules that fire for this company on this disclosure, in rule order.

    Disabled rules and rules scoped to other tickers are skipped; facts whose
    `company` names another firm are not this company's and are ignored.
    """
    facts = tuple(f for f in disclosure.facts if fact_belongs_to(f, company))
    by_metric: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_metric[fact.metric].append(fact)
    context = _Context(company, disclosure, facts, by_metric, history)
    matches: list[RuleMatch] = []
    for rule in rules:
        if not rule.enabled or not rule.applies_to(company.ticker):
            continue
        matches.extend(evaluate_rule(rule, context))
    return matches


def evaluate_rule(rule: Rule, context: _Context) -> list[RuleMatch]:
    if isinstance(rule, ThresholdRule):
        return _threshold(rule, context)
    if isinstance(rule, GuidanceCutRule):
        return _guidance_cut(rule, context)
    if isinstance(rule, GuidanceMissRule):
        return _guidance_miss(rule, context)
    if isinstance(rule, CapacityGapRule):
        return _capacity_gap(rule, context)
    if isinstance(rule, CustomerConcentrationRule):
        return _concentration(rule, context)
    if isinstance(rule, FinancingRule):
        return _financing(rule, context)
    return _keyword(rule, context)


def _match(rule: Rule, fact: Fact | None, summary: str, **extra: Any) -> RuleMatch:
    evidence = extra.pop("evidence", None) or (fact.evidence if fact is not None else "")
    return RuleMatch(rule.name, rule.kind, rule.severity, summary, fact, evidence, **extra)


_OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _threshold(rule: ThresholdRule, ctx: _Context) -> list[RuleMatch]:
    test = _OPS[rule.op]
    out: list[RuleMatch] = []
    for fact in ctx.by_metric.get(rule.metric, ()):
        if rule.fact_kind != "any" and fact.kind != rule.fact_kind:
            continue
        if test(fact.value, rule.value):
            out.append(
                _match(
                    rule,
                    fact,
                    f"{fact_text(fact)} {rule.op} {fmt(rule.value, fact.unit)}",
                    compared_to={"threshold": _plain(rule.value), "op": rule.op},
                    margin=_margin(abs(fact.value - rule.value), rule.value),
                )
            )
    return out


def _plain(value: float) -> float | int:
    number = float(value)
    return int(number) if number.is_integer() else number


def _below(value: float, reference: float, min_points: float) -> float | None:
    """How far `value` is below `reference`, when strictly below by at least `min_points`."""
    drop = reference - value
    return drop if drop > 0 and drop >= min_points else None


def _guidance_cut(rule: GuidanceCutRule, ctx: _Context) -> list[RuleMatch]:
    out: list[RuleMatch] = []
    for fact in ctx.by_metric.get(rule.metric, ()):
        if fact.kind != "guidance":
            continue
        best: tuple[float, str, Fact] | None = None
        previous = ctx.history.guidance_for(rule.metric, fact.period, fact.basis) if fact.period else None
        actual = ctx.latest_actual(rule.metric, fact.basis)
        for against, reference in (("previous_guidance", previous), ("latest_actual", actual)):
            if reference is None:
                continue
            drop = _below(fact.value, reference.value, rule.min_points)
            if drop is not None and (best is None or drop > best[0]):
                best = (drop, against, reference)
        if best is None:
            continue
        drop, against, reference = best
        what = "the previous guidance" if against == "previous_guidance" else "the latest actual"
        summary = (
            f"{fact_text(fact)} is {drop:g} points below {what} "
            f"{fmt(reference.value, reference.unit)}{f' ({reference.period})' if reference.period else ''}"
        )
        out.append(
            _match(
                rule,
                fact,
                summary,
                compared_to={"against": against, "difference": _plain(round(drop, 6)), **_ref(reference)},
                margin=_margin(drop, reference.value),
            )
        )
    return out


def _guidance_miss(rule: GuidanceMissRule, ctx: _Context) -> list[RuleMatch]:
    out: list[RuleMatch] = []
    for fact in ctx.by_metric.get(rule.metric, ()):
        if fact.kind != "actual" or fact.period is None:
            continue
        guide = ctx.history.guidance_for(rule.metric, fact.period, fact.basis)
        if guide is None:
            continue
        shortfall = _below(fact.value, guide.low, rule.min_points)
        if shortfall is None:
            continue
        summary = (
            f"{fact_text(fact)} missed guidance of {_amount(guide)} by {shortfall:g} points below its low end"
        )
        out.append(
            _match(
                rule,
                fact,
                summary,
                compared_to={"against": "guidance", "difference": _plain(round(shortfall, 6)), **_ref(guide)},
                margin=_margin(shortfall, guide.low),
            )
        )
    return out


def _capacity_gap(rule: CapacityGapRule, ctx: _Context) -> list[RuleMatch]:
    stated = _largest(ctx.by_metric.get("capacity_contracted", ()), "capacity_contracted") or _largest(
        ctx.by_metric.get("capacity_deployed", ()), "capacity_deployed"
    )
    if stated is None:
        return []
    contracted = ctx.latest_mw("capacity_contracted")
    if contracted is None or contracted.value <= 0 or contracted.value < rule.min_contracted_mw:
        return []
    deployed = ctx.latest_mw("capacity_deployed")
    deployed_mw = deployed.value if deployed is not None else 0.0
    ratio = deployed_mw / contracted.value
    if ratio >= rule.max_ratio:
        return []
    deployed_text = (
        f"deployed {fmt(deployed_mw, 'mw')}" if deployed is not None else "no deployed capacity known"
    )
    summary = (
        f"{deployed_text} is {ratio:.0%} of contracted {fmt(contracted.value, 'mw')} "
        f"(below {rule.max_ratio:.0%})"
    )
    return [
        _match(
            rule,
            stated,
            summary,
            compared_to={
                "deployed_mw": _plain(deployed_mw),
                "contracted_mw": _plain(contracted.value),
                "ratio": round(ratio, 4),
                "max_ratio": _plain(rule.max_ratio),
            },
            margin=min(1.0, (rule.max_ratio - ratio) / rule.max_ratio),
        )
    ]


def _concentration(rule: CustomerConcentrationRule, ctx: _Context) -> list[RuleMatch]:
    out: list[RuleMatch] = []
    for fact in ctx.by_metric.get("customer_concentration", ()):
        if fact.value < rule.min_percent:
            continue
        if rule.customers is not None and not is_known_party(fact.counterparty, rule.customers):
            continue
        who = fact.counterparty or "one customer group"
        out.append(
            _match(
                rule,
                fact,
                f"{who} is {fmt(fact.value, 'percent')} of revenue "
                f"(at least {fmt(rule.min_percent, 'percent')})",
                compared_to={"min_percent": _plain(rule.min_percent)},
                margin=_margin(fact.value - rule.min_percent, rule.min_percent),
            )
        )
    return out


def _financing(rule: FinancingRule, ctx: _Context) -> list[RuleMatch]:
    out: list[RuleMatch] = []
    for fact in ctx.by_metric.get("financing", ()):
        if fact.value < rule.min_usd:
            continue
        if rule.instruments is not None and fact.instrument not in rule.instruments:
            continue
        if rule.customer_counterparty and not ctx.is_customer(fact.counterparty):
            continue
        instrument = (fact.instrument or "financing").replace("_", " ")
        source = f" from {fact.counterparty}" if fact.counterparty else ""
        customer = " (a known customer)" if rule.customer_counterparty else ""
        out.append(
            _match(
                rule,
                fact,
                f"{fmt(fact.value, 'usd')} {instrument}{source}{customer}",
                compared_to={
                    "min_usd": _plain(rule.min_usd),
                    "customer_counterparty": rule.customer_counterparty,
                },
                margin=_margin(fact.value - rule.min_usd, rule.min_usd) if rule.min_usd else 0.5,
            )
        )
    return out


def _keyword(rule: KeywordRule, ctx: _Context) -> list[RuleMatch]:
    title, text = ctx.disclosure.title, ctx.disclosure.text
    for where, haystack in (("title", title), ("text", text)):
        found = ctx.search(rule.regex, where, haystack)
        if found is not None:
            return [
                _match(
                    rule,
                    None,
                    f"{where} matches /{rule.pattern}/: {found.group(0)!r}",
                    evidence=_sentence_around(haystack, found.start(), found.end()),
                    compared_to={"pattern": rule.pattern, "in": where},
                )
            ]
    return []


def _sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence holding a keyword hit, as its evidence."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "! ", "? "))
    right_candidates = [i for i in (text.find(mark, end) for mark in (". ", "\n", "! ", "? ")) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    sentence = text[left + 1 if left >= 0 else 0 : right].strip()
    return sentence[:limit]
