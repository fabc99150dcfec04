"""Each rule kind's edge cases, on plain values (no database)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from rules.attribution import CompanyRef
from rules.evaluate import DisclosureView, History, RuleMatch, evaluate, learned_customers, period_key
from rules.facts import Fact
from rules.watchlist import parse_rule
from tests.rules.fakes import fact

ORRY = CompanyRef(ticker="ORRY", name="Orrery Compute", aliases=("Orrery",))


def run(
    rule: dict[str, Any],
    facts: Sequence[Fact],
    history: Sequence[Sequence[Fact]] = (),
    *,
    title: str = "t",
    text: str = "",
    company: CompanyRef = ORRY,
) -> list[RuleMatch]:
    parsed = parse_rule({"name": "r", **rule})
    view = DisclosureView(title=title, text=text, facts=tuple(facts))
    return evaluate([parsed], view, company, History.build(history, customers=company.customers))


def values(matches: list[RuleMatch]) -> list[float]:
    return [m.fact.value for m in matches if m.fact is not None]


# -- threshold


@pytest.mark.parametrize(
    ("op", "value", "fires"),
    [
        ("<", 40, False),
        ("<=", 40, True),
        (">", 40, False),
        (">=", 40, True),
        ("<", 40.01, True),
        (">", 39.9, True),
    ],
)
def test_threshold_operators_on_equal_and_near_values(op: str, value: float, fires: bool) -> None:
    rule = {"kind": "threshold", "metric": "gross_margin", "op": op, "value": value}
    assert bool(run(rule, [fact("gross_margin", 40)])) is fires


def test_threshold_compares_a_range_by_its_midpoint() -> None:
    rule = {"kind": "threshold", "metric": "gross_margin", "op": "<", "value": 40}
    # 36-44: the low end is below 40 but the midpoint is not.
    assert run(rule, [fact("gross_margin", 40, low=36, high=44, kind="guidance")]) == []
    assert values(run(rule, [fact("gross_margin", 39, low=36, high=42, kind="guidance")])) == [39]


def test_threshold_fact_kind_filter_and_metric() -> None:
    rule = {"kind": "threshold", "metric": "gross_margin", "fact_kind": "guidance", "op": "<", "value": 40}
    facts = [fact("gross_margin", 30), fact("gross_margin", 35, kind="guidance"), fact("operating_margin", 1)]
    assert values(run(rule, facts)) == [35]


def test_threshold_negative_values() -> None:
    rule = {"kind": "threshold", "metric": "operating_margin", "op": "<=", "value": -25}
    facts = [fact("operating_margin", -30, low=-32, high=-28, kind="guidance"), fact("operating_margin", -20)]
    assert values(run(rule, facts)) == [-30]


# -- guidance_cut


def test_guidance_cut_without_history_fires_nothing() -> None:
    rule = {"kind": "guidance_cut"}
    assert run(rule, [fact("gross_margin", 30, kind="guidance", period="2026-Q2")]) == []


def test_guidance_cut_against_an_actual_in_the_same_disclosure() -> None:
    facts = [
        fact("gross_margin", 47, period="2026-Q1"),
        fact("gross_margin", 37, kind="guidance", low=36, high=38, period="2026-Q2"),
    ]
    (match,) = run({"kind": "guidance_cut"}, facts)
    assert match.compared_to is not None
    assert match.compared_to["against"] == "latest_actual"
    assert match.compared_to["difference"] == 10


def test_guidance_cut_equal_is_not_a_cut_and_min_points_is_inclusive() -> None:
    history = [[fact("gross_margin", 40, period="2026-Q1")]]
    equal = [fact("gross_margin", 40, kind="guidance", period="2026-Q2")]
    assert run({"kind": "guidance_cut"}, equal, history) == []
    two_down = [fact("gross_margin", 38, kind="guidance", period="2026-Q2")]
    assert len(run({"kind": "guidance_cut", "min_points": 2}, two_down, history)) == 1
    assert run({"kind": "guidance_cut", "min_points": 2.5}, two_down, history) == []


def test_guidance_cut_compares_the_midpoint_of_the_range() -> None:
    history = [[fact("gross_margin", 40, period="2026-Q1")]]
    straddles = [fact("gross_margin", 41, low=38, high=44, kind="guidance", period="2026-Q2")]
    assert run({"kind": "guidance_cut"}, straddles, history) == []


def test_guidance_cut_uses_the_latest_actual_and_the_same_basis() -> None:
    history = [
        [fact("gross_margin", 30, period="2025-Q4", basis="gaap")],
        [
            fact("gross_margin", 50, period="2026-Q1", basis="non_gaap"),
            fact("gross_margin", 44, period="2026-Q1", basis="gaap"),
        ],
    ]
    gaap_guide = [fact("gross_margin", 42, kind="guidance", period="2026-Q2", basis="gaap")]
    (match,) = run({"kind": "guidance_cut"}, gaap_guide, history)
    assert match.compared_to is not None
    assert match.compared_to["value"] == 44
    non_gaap_guide = [fact("gross_margin", 48, kind="guidance", period="2026-Q2", basis="non_gaap")]
    (match,) = run({"kind": "guidance_cut"}, non_gaap_guide, history)
    assert match.compared_to is not None
    assert match.compared_to["value"] == 50


def test_guidance_cut_prefers_the_larger_drop_of_its_two_references() -> None:
    history = [
        [fact("gross_margin", 45, period="2026-Q1")],
        [fact("gross_margin", 42, kind="guidance", period="2026-Q2")],
    ]
    (match,) = run(
        {"kind": "guidance_cut"}, [fact("gross_margin", 39, kind="guidance", period="2026-Q2")], history
    )
    assert match.compared_to is not None
    assert (match.compared_to["against"], match.compared_to["difference"]) == ("latest_actual", 6)


def test_guidance_raise_is_not_a_cut() -> None:
    history = [
        [fact("gross_margin", 40, period="2026-Q1")],
        [fact("gross_margin", 41, kind="guidance", period="2026-Q2")],
    ]
    assert (
        run({"kind": "guidance_cut"}, [fact("gross_margin", 43, kind="guidance", period="2026-Q2")], history)
        == []
    )


# -- guidance_miss


def test_guidance_miss_needs_earlier_guidance_for_the_same_period() -> None:
    actual = [fact("gross_margin", 30, period="2026-Q2")]
    assert run({"kind": "guidance_miss"}, actual) == []
    other = [[fact("gross_margin", 37, low=36, high=38, kind="guidance", period="2026-Q3")]]
    assert run({"kind": "guidance_miss"}, actual, other) == []
    # Guidance in the same disclosure is not "stored earlier".
    same = [*actual, fact("gross_margin", 37, low=36, high=38, kind="guidance", period="2026-Q2")]
    assert run({"kind": "guidance_miss"}, same) == []


def test_guidance_miss_is_measured_from_the_low_end() -> None:
    history = [[fact("gross_margin", 37, low=36, high=38, kind="guidance", period="2026-Q2")]]
    # Below the midpoint but not below the low end: no miss.
    assert run({"kind": "guidance_miss"}, [fact("gross_margin", 36.5, period="2026-Q2")], history) == []
    assert run({"kind": "guidance_miss"}, [fact("gross_margin", 36, period="2026-Q2")], history) == []
    assert len(run({"kind": "guidance_miss"}, [fact("gross_margin", 35.9, period="2026-Q2")], history)) == 1
    assert (
        run(
            {"kind": "guidance_miss", "min_points": 1},
            [fact("gross_margin", 35.5, period="2026-Q2")],
            history,
        )
        == []
    )


def test_guidance_miss_uses_the_latest_guidance_for_the_period() -> None:
    history = [
        [fact("revenue", 100e6, low=95e6, high=105e6, kind="guidance", period="2026-FY")],
        [fact("revenue", 80e6, low=78e6, high=82e6, kind="guidance", period="2026-FY")],
    ]
    assert (
        run(
            {"kind": "guidance_miss", "metric": "revenue"}, [fact("revenue", 90e6, period="2026-FY")], history
        )
        == []
    )


# -- capacity_gap


def test_capacity_gap_with_no_deployed_known_counts_zero() -> None:
    (match,) = run({"kind": "capacity_gap", "max_ratio": 0.5}, [fact("capacity_contracted", 750)])
    assert match.compared_to == {"deployed_mw": 0, "contracted_mw": 750, "ratio": 0.0, "max_ratio": 0.5}


def test_capacity_gap_needs_a_stated_mw_and_a_contracted_value() -> None:
    history = [[fact("capacity_contracted", 1000)]]
    assert run({"kind": "capacity_gap", "max_ratio": 0.5}, [fact("revenue", 1)], history) == []
    assert run({"kind": "capacity_gap", "max_ratio": 0.5}, [fact("capacity_deployed", 100)]) == []


def test_capacity_gap_min_contracted_and_equal_ratio() -> None:
    history = [[fact("capacity_contracted", 1000)]]
    rule = {"kind": "capacity_gap", "max_ratio": 0.5, "min_contracted_mw": 1000}
    assert len(run(rule, [fact("capacity_deployed", 100)], history)) == 1
    assert run({**rule, "min_contracted_mw": 1001}, [fact("capacity_deployed", 100)], history) == []
    assert run(rule, [fact("capacity_deployed", 500)], history) == []


def test_capacity_gap_ignores_deployment_forecasts_and_takes_the_largest_stated_total() -> None:
    facts = [
        fact("capacity_contracted", 520, counterparty="Lumenfold AI"),
        fact("capacity_contracted", 2200),
        fact("capacity_deployed", 2000, kind="guidance", period="2026-H2"),
    ]
    history = [[fact("capacity_deployed", 900)]]
    (match,) = run({"kind": "capacity_gap", "max_ratio": 0.5}, facts, history)
    assert match.compared_to is not None
    assert (match.compared_to["deployed_mw"], match.compared_to["contracted_mw"]) == (900, 2200)


# -- customer_concentration


def test_customer_concentration_at_least_and_named_customers() -> None:
    facts = [
        fact("customer_concentration", 50, counterparty="Lumenfold AI"),
        fact("customer_concentration", 49.9, counterparty="Vantor"),
    ]
    assert values(run({"kind": "customer_concentration", "min_percent": 50}, facts)) == [50]
    named = {"kind": "customer_concentration", "min_percent": 10, "customers": ["vantor"]}
    assert values(run(named, facts)) == [49.9]
    assert run({**named, "customers": ["Nobody"]}, facts) == []


# -- financing


def test_financing_amount_and_instruments() -> None:
    facts = [
        fact("financing", 1e9, instrument="loan"),
        fact("financing", 5e8, instrument="notes"),
        fact("financing", 2e9),
    ]
    assert values(run({"kind": "financing", "min_usd": 1e9}, facts)) == [1e9, 2e9]
    assert values(run({"kind": "financing", "instruments": ["notes", "loan"]}, facts)) == [1e9, 5e8]


def test_customer_financing_sources_listed_learned_and_same_disclosure() -> None:
    loan = fact("financing", 1e9, counterparty="Lumenfold AI", instrument="loan")
    rule = {"kind": "financing", "customer_counterparty": True}
    assert run(rule, [loan]) == []
    listed = CompanyRef(ticker="ORRY", name="Orrery Compute", customers=("Lumenfold",))
    assert len(run(rule, [loan], company=listed)) == 1
    learned = [[fact("customer_concentration", 40, counterparty="Lumenfold AI Inc")]]
    assert len(run(rule, [loan], learned)) == 1
    same = [fact("contract_value", 1e9, counterparty="Lumenfold AI"), loan]
    assert len(run(rule, same)) == 1
    not_a_customer_fact = [[fact("financing", 1e9, counterparty="Lumenfold AI")]]
    assert run(rule, [loan], not_a_customer_fact) == []
    anonymous = fact("financing", 1e9, instrument="loan")
    assert run(rule, [anonymous], learned) == []


def test_learned_customers_are_names_not_descriptions() -> None:
    facts = [
        fact("customer_concentration", 65, counterparty="our two largest customers"),
        fact("contract_value", 1e9, counterparty="G42"),
        fact("capacity_contracted", 100, counterparty="G42 Group"),
        fact("financing", 1e9, counterparty="First Harbor Bank"),
    ]
    assert learned_customers(facts) == ["G42"]
    assert learned_customers(facts, ["g42"]) == []


# -- keyword


def test_keyword_matches_title_or_text_case_insensitively() -> None:
    rule = {"kind": "keyword", "pattern": r"going\s+concern"}
    (match,) = run(rule, [], title="Update", text="First line.\nThere is GOING  CONCERN doubt. Next.")
    assert match.fact is None
    assert match.evidence == "There is GOING  CONCERN doubt."
    assert len(run(rule, [], title="Going concern warning")) == 1
    assert run(rule, [], title="Ongoing", text="concerns going well") == []


# -- across kinds


def test_rival_facts_disabled_rules_and_ticker_scope() -> None:
    rule = {"kind": "threshold", "metric": "revenue", "op": ">", "value": 0}
    rival = fact("revenue", 5, company="Kestrel Silicon")
    own = fact("revenue", 7, company="Orrery Compute, Inc.")
    assert values(run(rule, [rival, own])) == [7]
    assert run({**rule, "enabled": False}, [own]) == []
    assert run({**rule, "tickers": ["KSTL"]}, [own]) == []
    assert len(run({**rule, "tickers": ["ORRY"]}, [own])) == 1


def test_period_key_orders_by_period_end() -> None:
    periods = ["2026-FY", "2026-Q2", "2025-Q4", "2026-H1", None, "bogus"]
    assert sorted(periods, key=period_key)[-4:] == ["2025-Q4", "2026-Q2", "2026-H1", "2026-FY"]
