"""Rule evaluation throughput: 1,000 rules, a disclosure of 50 facts, a history of 10,000 facts.

`python -m benchmarks.rules` prints the median disclosures per second over
several rounds, two ways: with the history index built per disclosure (what
`watcher.scoring` does after loading the facts from the database) and with it
prebuilt (evaluation alone). The database read is not included.
"""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

from rules.attribution import CompanyRef
from rules.evaluate import DisclosureView, History, evaluate
from rules.facts import METRIC_UNITS, Fact
from rules.watchlist import Rule, parse_rule

RULES = 1_000
FACTS = 50
HISTORY = 10_000
ROUNDS = 15
COMPANY = CompanyRef(ticker="ORRY", name="Orrery Compute", aliases=("Orrery",), customers=("Lumenfold AI",))
PERIODS = [f"{y}-Q{q}" for y in (2024, 2025, 2026) for q in (1, 2, 3, 4)] + ["2025-FY", "2026-FY"]
PARTIES = ["Lumenfold AI", "Vantor Labs", "First Harbor Bank", "G42", None]


def make_fact(rng: random.Random, index: int) -> Fact:
    metric = rng.choice(list(METRIC_UNITS))
    value = rng.uniform(-50, 100) if METRIC_UNITS[metric] == "percent" else rng.uniform(1, 2000)
    if METRIC_UNITS[metric] == "usd":
        value *= 1e6
    spread = abs(value) * rng.choice([0, 0, 0.02])
    return Fact(
        metric=metric,
        kind=rng.choice(["actual", "guidance"]),
        value=value,
        low=value - spread,
        high=value + spread,
        unit=METRIC_UNITS[metric],
        basis=rng.choice([None, "gaap", "non_gaap"]),
        period=rng.choice([*PERIODS, None]),
        counterparty=rng.choice(PARTIES),
        instrument=rng.choice(["loan", "notes", None]) if metric == "financing" else None,
        evidence=f"Sentence {index} states a number.",
        start=index,
        end=index + 30,
    )


def make_rules(rng: random.Random) -> list[Rule]:
    kinds: list[dict[str, Any]] = [
        {"kind": "threshold", "metric": "gross_margin", "op": "<", "value": 40},
        {"kind": "threshold", "metric": "revenue", "op": ">=", "value": 5e8, "fact_kind": "actual"},
        {"kind": "guidance_cut", "min_points": 1},
        {"kind": "guidance_miss", "metric": "revenue"},
        {"kind": "capacity_gap", "max_ratio": 0.5},
        {"kind": "customer_concentration", "min_percent": 30, "customers": ["Vantor Labs"]},
        {"kind": "financing", "customer_counterparty": True},
        {"kind": "financing", "min_usd": 1e8, "instruments": ["loan", "notes"]},
        {"kind": "keyword", "pattern": r"going\s+concern|restatement"},
    ]
    rules: list[Rule] = []
    for i in range(RULES):
        spec = dict(rng.choice(kinds))
        if rng.random() < 0.3:
            spec["tickers"] = [rng.choice(["ORRY", "KSTL", "BWGR"])]
        rules.append(parse_rule({"name": f"rule-{i}", **spec}))
    return rules


def main() -> None:
    rng = random.Random(7)
    rules = make_rules(rng)
    history_facts = [make_fact(rng, i) for i in range(HISTORY)]
    grouped = [history_facts[i : i + 20] for i in range(0, HISTORY, 20)]
    text = " ".join(f"Paragraph {i} about Orrery Compute and its customers." for i in range(200))
    disclosure = DisclosureView(
        title="Orrery Compute reports", text=text, facts=tuple(make_fact(rng, i) for i in range(FACTS))
    )
    prebuilt = History.build(grouped, customers=COMPANY.customers)

    with_build: list[float] = []
    evaluate_only: list[float] = []
    fired = 0
    for _ in range(ROUNDS):
        start = time.perf_counter()
        history = History.build(grouped, customers=COMPANY.customers)
        fired = len(evaluate(rules, disclosure, COMPANY, history))
        with_build.append(time.perf_counter() - start)
        start = time.perf_counter()
        evaluate(rules, disclosure, COMPANY, prebuilt)
        evaluate_only.append(time.perf_counter() - start)

    print(f"rules={RULES} facts/disclosure={FACTS} history facts={HISTORY} rounds={ROUNDS} matches={fired}")
    print(
        f"median disclosures/s (history index built per disclosure): {1 / statistics.median(with_build):.1f}"
    )
    print(f"median disclosures/s (evaluation only): {1 / statistics.median(evaluate_only):.1f}")


if __name__ == "__main__":
    main()
