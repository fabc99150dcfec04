"""Scenario tests: sequences of documents through the real pipeline, asserting exactly what fires.

Each step ingests one document (facts given explicitly through the fake
extractor) and checks the exact set of rules that fired for each company.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import select

from state.models import Alert, Delivery
from state.rules import set_enabled
from tests.rules.fakes import doc, fact
from tests.rules.scenario import Scenario

COMPANIES: list[dict[str, Any]] = [
    {"ticker": "ORRY", "name": "Orrery Compute", "aliases": ["Orrery"]},
    {"ticker": "KSTL", "name": "Kestrel Silicon", "aliases": ["Kestrel"]},
]


@pytest.fixture
def make(database_url: str) -> Iterator[Any]:
    made: list[Scenario] = []

    def build(rules: list[dict[str, Any]], **settings: Any) -> Scenario:
        scenario = Scenario(database_url, {"companies": COMPANIES, "rules": rules}, **settings)
        made.append(scenario)
        return scenario

    yield build
    for scenario in made:
        scenario.close()


def test_guidance_given_then_missed(make: Any) -> None:
    s = make(
        [
            {"name": "miss", "kind": "guidance_miss"},
            {
                "name": "guide-low",
                "kind": "threshold",
                "metric": "gross_margin",
                "fact_kind": "guidance",
                "op": "<",
                "value": 40,
            },
        ]
    )
    guide = fact("gross_margin", 37, kind="guidance", low=36, high=38, period="2026-Q2")
    first = s.ingest(doc("Q1 results", guide), "ORRY", day=1)
    assert s.fired(first) == {"ORRY": ["guide-low"]}

    on_low_end = fact("gross_margin", 36, period="2026-Q2")
    second = s.ingest(doc("Q2 flash", on_low_end), "ORRY", day=2)
    assert s.fired(second) == {}, "an actual equal to the low end is not a miss"

    missed = fact("gross_margin", 34.5, period="2026-Q2", evidence="Q2 gross margin was 34.5%.")
    third = s.ingest(doc("Q2 results", missed), "ORRY", day=3)
    assert s.fired(third) == {"ORRY": ["miss"]}
    match = s.alerts()[-1].matches[0]
    assert match["fact"]["value"] == 34.5
    assert match["fact"]["evidence"] == "Q2 gross margin was 34.5%."
    assert match["compared_to"]["low"] == 36
    assert match["compared_to"]["difference"] == 1.5

    other_period = fact("gross_margin", 30, period="2026-Q3")
    assert s.fired(s.ingest(doc("Q3 results", other_period), "ORRY", day=4)) == {}


def test_guidance_cut_against_an_actual_stored_earlier(make: Any) -> None:
    s = make([{"name": "cut", "kind": "guidance_cut", "min_points": 2}])
    actual = fact("gross_margin", 47, period="2026-Q1", basis="non_gaap")
    assert s.fired(s.ingest(doc("Q1 results", actual), "ORRY", day=1)) == {}

    small = fact("gross_margin", 46, kind="guidance", low=45, high=47, period="2026-Q2", basis="non_gaap")
    assert s.fired(s.ingest(doc("Guidance reaffirmed", small), "ORRY", day=2)) == {}, "1 point < min_points"

    cut = fact("gross_margin", 37, kind="guidance", low=36, high=38, period="2026-Q3", basis="non_gaap")
    outcome = s.ingest(doc("Outlook lowered", cut), "ORRY", day=3)
    assert s.fired(outcome) == {"ORRY": ["cut"]}
    compared = s.alerts()[-1].matches[0]["compared_to"]
    assert compared["against"] == "latest_actual"
    assert compared["value"] == 47
    assert compared["difference"] == 10

    # Another company's history is not ORRY's: KSTL has no actual, so its guidance fires nothing.
    assert s.fired(s.ingest(doc("KSTL outlook", cut), "KSTL", day=4)) == {}


def test_guidance_cut_against_previous_guidance_for_the_period(make: Any) -> None:
    s = make([{"name": "cut", "kind": "guidance_cut", "metric": "revenue"}])
    first = fact("revenue", 860e6, kind="guidance", low=855e6, high=865e6, period="2026-FY")
    assert s.fired(s.ingest(doc("FY outlook", first), "ORRY", day=1)) == {}
    lower = fact("revenue", 820e6, kind="guidance", low=810e6, high=830e6, period="2026-FY")
    assert s.fired(s.ingest(doc("FY outlook lowered", lower), "ORRY", day=2)) == {"ORRY": ["cut"]}
    assert s.alerts()[-1].matches[0]["compared_to"]["against"] == "previous_guidance"


def test_capacity_gap_fires_then_clears_when_deployed_catches_up(make: Any) -> None:
    s = make([{"name": "gap", "kind": "capacity_gap", "max_ratio": 0.5, "min_contracted_mw": 100}])
    contracted = fact("capacity_contracted", 1000, counterparty="Lumenfold AI")
    assert s.fired(s.ingest(doc("Signed 1 GW", contracted), "ORRY", day=1)) == {"ORRY": ["gap"]}
    assert s.alerts()[-1].matches[0]["compared_to"]["deployed_mw"] == 0

    unrelated = fact("revenue", 5e6)
    assert s.fired(s.ingest(doc("Revenue note", unrelated), "ORRY", day=2)) == {}, "no MW stated"

    some = fact("capacity_deployed", 300)
    assert s.fired(s.ingest(doc("300 MW live", some), "ORRY", day=3)) == {"ORRY": ["gap"]}
    assert s.alerts()[-1].matches[0]["compared_to"]["ratio"] == 0.3

    caught_up = fact("capacity_deployed", 600)
    assert s.fired(s.ingest(doc("600 MW live", caught_up), "ORRY", day=4)) == {}

    exactly = fact("capacity_deployed", 500, evidence="Half is live.")
    assert s.fired(s.ingest(doc("500 MW live", exactly), "ORRY", day=5)) == {}, "ratio equal to max is no gap"


def test_financing_from_a_learned_customer_fires_and_from_a_stranger_does_not(make: Any) -> None:
    s = make([{"name": "customer-loan", "kind": "financing", "customer_counterparty": True}])
    deal = fact("contract_value", 2e9, counterparty="Lumenfold AI", bound="at_least")
    assert s.fired(s.ingest(doc("Lumenfold deal", deal), "ORRY", day=1)) == {}
    assert s.customers("ORRY") == ["Lumenfold AI"]

    loan = fact("financing", 1e9, counterparty="Lumenfold AI, Inc.", instrument="loan")
    assert s.fired(s.ingest(doc("Lumenfold lends $1B", loan), "ORRY", day=2)) == {"ORRY": ["customer-loan"]}

    bank = fact("financing", 1e9, counterparty="First Harbor Bank", instrument="credit_facility")
    assert s.fired(s.ingest(doc("Bank facility", bank), "ORRY", day=3)) == {}

    # Learned customers are per company: KSTL has never dealt with Lumenfold.
    assert s.fired(s.ingest(doc("KSTL loan", loan), "KSTL", day=4)) == {}

    # Same document: the customer fact and the loan arrive together.
    share = fact("customer_concentration", 64, counterparty="Vantor Labs")
    vantor_loan = fact("financing", 3e8, counterparty="Vantor Labs", instrument="convertible")
    outcome = s.ingest(doc("Vantor deal and note", share, vantor_loan), "KSTL", day=5)
    assert s.fired(outcome) == {"KSTL": ["customer-loan"]}
    assert s.customers("KSTL") == ["Vantor Labs"]


def test_a_duplicate_document_never_alerts_twice(make: Any) -> None:
    s = make([{"name": "guide-low", "kind": "threshold", "metric": "gross_margin", "op": "<", "value": 40}])
    feed_a = s.feed("https://ir.example.test/a.rss", "ORRY")
    feed_b = s.feed("https://wire.example.test/b.rss", "ORRY")
    release = doc("Outlook", fact("gross_margin", 37, kind="guidance"), guid="entry-1")

    first = s.poll(release, feed_a, day=1)
    assert s.fired(first) == {"ORRY": ["guide-low"]}
    assert s.poll(release, feed_a, day=2).alert_ids == ()  # re-poll
    s.restart()
    assert s.poll(release, feed_a, day=3).alert_ids == ()  # restart
    wire_copy = release.model_copy(update={"guid": "wire-99", "title": "OUTLOOK"})
    assert s.poll(wire_copy, feed_b, day=4).alert_ids == ()  # another feed
    assert s.ingest(release, "ORRY", day=5).alert_ids == ()  # manual re-ingest
    assert len(s.alerts()) == 1


def test_a_corrected_release_does_not_alert_again(make: Any) -> None:
    s = make([{"name": "guide-low", "kind": "threshold", "metric": "gross_margin", "op": "<", "value": 40}])
    feed = s.feed("https://ir.example.test/a.rss", "ORRY")
    release = doc("Outlook", fact("gross_margin", 37, kind="guidance"), guid="entry-1")
    assert s.fired(s.poll(release, feed, day=1)) == {"ORRY": ["guide-low"]}
    corrected = doc("Outlook", fact("gross_margin", 36, kind="guidance"), guid="entry-1")
    outcome = s.poll(corrected, feed, day=2)
    assert outcome.status == "updated"
    assert outcome.alert_ids == ()
    assert len(s.alerts()) == 1


def test_rules_scoped_by_ticker(make: Any) -> None:
    s = make(
        [
            {
                "name": "orry-only",
                "kind": "threshold",
                "metric": "stock_move",
                "op": "<=",
                "value": -5,
                "tickers": ["ORRY"],
            },
            {"name": "everyone", "kind": "threshold", "metric": "stock_move", "op": "<=", "value": -10},
        ]
    )
    drop = fact("stock_move", -12)
    assert s.fired(s.ingest(doc("ORRY falls", drop), "ORRY")) == {"ORRY": ["orry-only", "everyone"]}
    assert s.fired(s.ingest(doc("KSTL falls", drop), "KSTL")) == {"KSTL": ["everyone"]}
    small = fact("stock_move", -7)
    assert s.fired(s.ingest(doc("KSTL dips", small), "KSTL")) == {}


def test_disabled_rules_are_silent(make: Any) -> None:
    s = make([{"name": "kw", "kind": "keyword", "pattern": r"going\s+concern", "enabled": False}])
    first = doc(
        "Auditor note",
        body="The auditor raised substantial doubt about its ability to continue as a Going  Concern.",
    )
    assert s.fired(s.ingest(first, "ORRY", day=1)) == {}
    with s.session() as session:
        set_enabled(session, "kw", True)
    second = doc("Auditor note 2", body="Going concern doubt remains.")
    assert s.fired(s.ingest(second, "ORRY", day=2)) == {"ORRY": ["kw"]}
    match = s.alerts()[-1].matches[0]
    assert match["fact"] is None
    assert "Going concern" in match["evidence"]


def test_news_feed_attribution_and_rival_facts(make: Any) -> None:
    s = make([{"name": "big-loan", "kind": "financing", "min_usd": 1e8}])
    news = s.feed("https://news.example.test/rss")  # no company: attributed by mention
    rival_numbers = fact("financing", 5e8, company="Kestrel Silicon", counterparty="First Harbor Bank")
    own_numbers = fact("financing", 2e8, company="Orrery", counterparty="First Harbor Bank")
    story = doc(
        "Orrery raises $200 million as rival Kestrel Silicon lands $500 million",
        rival_numbers,
        own_numbers,
        body="Orrery Compute said on Tuesday it raised $200 million.\n\nKestrel Silicon also borrowed.",
        guid="news-1",
    )
    outcome = s.poll(story, news, day=1)
    fired = s.fired(outcome)
    assert fired == {"ORRY": ["big-loan"], "KSTL": ["big-loan"]}
    by_ticker = {a.ticker: a for a in s.alerts()}
    assert [m["fact"]["value"] for m in by_ticker["ORRY"].matches] == [2e8]
    assert [m["fact"]["value"] for m in by_ticker["KSTL"].matches] == [5e8]

    unrelated = doc(
        "Orreryware metadata tools for an orrery", fact("financing", 9e8), body="kestrel birds", guid="news-2"
    )
    assert s.poll(unrelated, news, day=2).alert_ids == ()


def test_one_delivery_per_channel_of_the_fired_rules(make: Any) -> None:
    s = make(
        [
            {
                "name": "a",
                "kind": "threshold",
                "metric": "revenue",
                "op": ">",
                "value": 0,
                "notify": ["slack:#alerts", "email:pm@example.com"],
            },
            {
                "name": "b",
                "kind": "threshold",
                "metric": "revenue",
                "op": ">",
                "value": 1,
                "notify": ["slack:#alerts"],
            },
            {
                "name": "c",
                "kind": "threshold",
                "metric": "backlog",
                "op": ">",
                "value": 0,
                "notify": ["console"],
            },
        ],
        slack_bot_token="xoxb-test",
        smtp_host="127.0.0.1",
    )
    outcome = s.ingest(doc("Revenue", fact("revenue", 5e6)), "ORRY")
    assert s.fired(outcome) == {"ORRY": ["a", "b"]}
    (alert_id,) = outcome.alert_ids
    with s.session() as session:
        rows = session.exec(select(Delivery).where(Delivery.alert_id == alert_id)).all()
        alert = session.get(Alert, alert_id)
    assert sorted(r.channel for r in rows) == ["email:pm@example.com", "slack:#alerts"]
    assert {r.status for r in rows} == {"pending"}
    assert {r.idempotency_key for r in rows} == {
        f"alert-{alert_id}-email:pm@example.com",
        f"alert-{alert_id}-slack:#alerts",
    }
    assert alert is not None
    assert alert.severity == "warning"
    assert alert.title == "Revenue"


def test_default_channel_is_the_console(make: Any) -> None:
    s = make([{"name": "any-revenue", "kind": "threshold", "metric": "revenue", "op": ">", "value": 0}])
    outcome = s.ingest(doc("Revenue", fact("revenue", 5e6)), "ORRY")
    with s.session() as session:
        rows = session.exec(select(Delivery).where(Delivery.alert_id == outcome.alert_ids[0])).all()
    assert [r.channel for r in rows] == ["console"]
