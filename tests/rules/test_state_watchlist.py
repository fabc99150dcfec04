"""Watch-list import/export on real databases: round trip, all-or-nothing, --replace, customers."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from rules.watchlist import parse_watchlist
from state.db import open_database, session_scope
from state.models import Company, Feed, RuleRow
from state.watchlist import dump_watchlist_text, export_watchlist, import_watchlist, load_watchlist_text

FILE = """\
companies:
  - ticker: ORRY
    name: Orrery Compute
    aliases: [Orrery]
    customers: [Lumenfold AI]
    feeds:
      - url: https://ir.example.test/orry.rss
        interval: 15m
  - ticker: BWGR
    name: Brightwater Grid
feeds:
  - url: https://news.example.test/all.rss
rules:
  - name: margin-guide-below-40
    kind: threshold
    metric: gross_margin
    fact_kind: guidance
    op: "<"
    value: 40
    tickers: [ORRY]
    severity: critical
    notify: ["slack:#orry", "email:pm@example.com"]
  - name: customer-loans
    kind: financing
    customer_counterparty: true
    enabled: false
"""


def _export(url: str) -> str:
    engine = open_database(url)
    with session_scope(engine) as session:
        text = dump_watchlist_text(export_watchlist(session))
    engine.dispose()
    return text


def _import(url: str, text: str, *, replace: bool = False) -> None:
    engine = open_database(url)
    with session_scope(engine) as session:
        import_watchlist(session, load_watchlist_text(text), replace=replace)
    engine.dispose()


def test_export_import_export_is_the_same_yaml(database_url: str, sqlite_url: str, tmp_path: Any) -> None:
    _import(database_url, FILE)
    first = _export(database_url)
    exported, given = load_watchlist_text(first), load_watchlist_text(FILE)
    assert sorted(exported.companies, key=str) == sorted(given.companies, key=str)
    assert sorted(exported.rules, key=str) == sorted(given.rules, key=str)
    assert exported.feeds == given.feeds
    empty = f"sqlite:///{tmp_path / 'second.db'}"
    _import(empty, first)
    assert _export(empty) == first


def test_import_updates_by_key_and_is_idempotent(database_url: str) -> None:
    _import(database_url, FILE)
    _import(database_url, FILE)
    changed = FILE.replace("name: Brightwater Grid", "name: Brightwater Grid Corp").replace(
        "value: 40", "value: 38"
    )
    _import(database_url, changed)
    engine = open_database(database_url)
    with session_scope(engine) as session:
        assert len(session.exec(select(Company)).all()) == 2
        assert len(session.exec(select(RuleRow)).all()) == 2
        assert len(session.exec(select(Feed)).all()) == 2
        bwgr = session.exec(select(Company).where(Company.ticker == "BWGR")).one()
        assert bwgr.name == "Brightwater Grid Corp"
        rule = session.exec(select(RuleRow).where(RuleRow.name == "margin-guide-below-40")).one()
        assert rule.spec["value"] == 38
    engine.dispose()


def test_replace_removes_what_the_file_no_longer_has(database_url: str) -> None:
    _import(database_url, FILE)
    smaller = {
        "companies": [{"ticker": "ORRY", "name": "Orrery Compute"}],
        "rules": [{"name": "customer-loans", "kind": "financing"}],
    }
    engine = open_database(database_url)
    with session_scope(engine) as session:
        summary = import_watchlist(session, parse_watchlist(smaller), replace=True)
    assert (summary.removed_companies, summary.removed_feeds, summary.removed_rules) == (1, 2, 1)
    engine.dispose()
    assert load_watchlist_text(_export(database_url)) == parse_watchlist(smaller)


def test_plain_import_keeps_learned_customers_and_replace_does_not(database_url: str) -> None:
    _import(database_url, FILE)
    engine = open_database(database_url)
    with session_scope(engine) as session:
        orry = session.exec(select(Company).where(Company.ticker == "ORRY")).one()
        orry.customers = [*orry.customers, "Vantor Labs"]
        session.add(orry)
    engine.dispose()
    _import(database_url, FILE)
    assert "Vantor Labs" in load_watchlist_text(_export(database_url)).companies[1].customers
    _import(database_url, FILE, replace=True)
    assert load_watchlist_text(_export(database_url)).companies[1].customers == ["Lumenfold AI"]


def test_an_invalid_file_changes_nothing(database_url: str) -> None:
    _import(database_url, FILE)
    before = _export(database_url)
    bad = FILE.replace("BWGR", "NEWCO") + "  - name: broken\n    kind: capacity_gap\n    max_ratio: -1\n"
    with pytest.raises(ValueError, match=r"rules\[2\] \(broken\)\.max_ratio"):
        _import(database_url, bad)
    assert _export(database_url) == before


def test_shipped_demo_watchlist_is_valid() -> None:
    from importlib.resources import files

    demo = load_watchlist_text(
        files("watcher").joinpath("demo_data/watchlist.yaml").read_text(encoding="utf-8")
    )
    from watcher.cli.demo import DEMO_FEEDS

    # Every company-specific demo feed belongs to a company of the shipped watch-list.
    feed_tickers = {ticker for _, ticker, _ in DEMO_FEEDS if ticker}
    assert feed_tickers
    assert feed_tickers <= {c.ticker for c in demo.companies}
    assert {r.kind for r in demo.rules} >= {
        "guidance_cut",
        "guidance_miss",
        "capacity_gap",
        "financing",
        "keyword",
    }
