"""The rules, watchlist and alerts commands, run through typer against a real database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import func, select
from typer.testing import CliRunner

from state.db import open_database, session_scope
from state.models import Disclosure
from tests.rules.fakes import doc, fact, json_block_extractor
from watcher.app import App
from watcher.cli.main import app
from watcher.pipeline import process_document
from watcher.settings import Settings

WATCHLIST = """\
companies:
  - ticker: ORRY
    name: Orrery Compute
  - ticker: KSTL
    name: Kestrel Silicon
rules:
  - name: low-margin
    kind: threshold
    metric: gross_margin
    op: "<"
    value: 40
"""


@pytest.fixture
def cli(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("WATCHER_DATABASE_URL", database_url)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Any:
        return runner.invoke(app, list(args), input=input)

    return invoke


def test_rules_add_list_show_disable_enable_remove(cli: Any) -> None:
    ok = cli(
        "rules",
        "add",
        "threshold",
        "--name",
        "guide-low",
        "--metric",
        "gross_margin",
        "--fact-kind",
        "guidance",
        "--op",
        "<",
        "--value",
        "40",
        "--ticker",
        "ORRY",
        "--severity",
        "critical",
    )
    assert ok.exit_code == 0, ok.output
    ok = cli(
        "rules", "add", "financing", "--name", "cust-loan", "--customer-counterparty", "--instrument", "loan"
    )
    assert ok.exit_code == 0, ok.output
    listed = json.loads(cli("rules", "list", "--json").stdout)
    assert [r["name"] for r in listed] == ["cust-loan", "guide-low"]
    assert listed[1] == {
        "name": "guide-low",
        "kind": "threshold",
        "metric": "gross_margin",
        "fact_kind": "guidance",
        "op": "<",
        "value": 40,
        "tickers": ["ORRY"],
        "severity": "critical",
        "enabled": True,
    }
    assert listed[0]["instruments"] == ["loan"]
    assert listed[0]["customer_counterparty"] is True
    assert "op: <" in cli("rules", "show", "guide-low").stdout
    assert cli("rules", "disable", "guide-low").exit_code == 0
    assert json.loads(cli("rules", "show", "guide-low", "--json").stdout)["enabled"] is False
    assert cli("rules", "enable", "guide-low").exit_code == 0
    assert json.loads(cli("rules", "show", "guide-low", "--json").stdout)["enabled"] is True
    assert cli("rules", "remove", "guide-low").exit_code == 0
    assert [r["name"] for r in json.loads(cli("rules", "list", "--json").stdout)] == ["cust-loan"]
    table = cli("rules", "list").stdout
    assert "cust-loan" in table


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["rules", "add", "sometimes", "--name", "x"], "unknown rule kind 'sometimes'"),
        (
            ["rules", "add", "threshold", "--name", "x", "--pattern", "a"],
            "--pattern does not apply to a threshold rule",
        ),
        (
            ["rules", "add", "threshold", "--name", "x", "--metric", "ebitda", "--op", "<", "--value", "1"],
            "metric: unknown metric 'ebitda'",
        ),
        (["rules", "add", "threshold", "--name", "x", "--metric", "revenue", "--op", "<"], "value: missing"),
        (
            ["rules", "add", "capacity_gap", "--name", "x", "--max-ratio", "-1"],
            "max_ratio: Input should be greater than 0",
        ),
        (
            ["rules", "add", "keyword", "--name", "x", "--pattern", "(a"],
            "pattern: invalid regular expression",
        ),
        (["rules", "show", "nope"], "no rule named 'nope'"),
        (["rules", "remove", "nope"], "no rule named 'nope'"),
        (["rules", "enable", "nope"], "no rule named 'nope'"),
        (["alerts", "show", "99"], "no alert with id 99"),
    ],
)
def test_user_errors_are_one_line(cli: Any, args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.exit_code != 0
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_duplicate_rule_name_is_refused(cli: Any) -> None:
    assert cli("rules", "add", "keyword", "--name", "k", "--pattern", "a").exit_code == 0
    again = cli("rules", "add", "keyword", "--name", "k", "--pattern", "b")
    assert again.exit_code == 1
    assert "already exists" in again.stderr


def test_watchlist_round_trip_through_the_cli(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(WATCHLIST)
    assert cli("watchlist", "import", str(path)).exit_code == 0
    exported = cli("watchlist", "export").stdout
    monkeypatch.setenv("WATCHER_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    (tmp_path / "exported.yaml").write_text(exported)
    assert cli("watchlist", "import", str(tmp_path / "exported.yaml")).exit_code == 0
    assert cli("watchlist", "export").stdout == exported


def test_a_bad_watchlist_is_refused_whole(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        WATCHLIST + "  - name: broken\n    kind: threshold\n    metric: revenue\n    op: '=>'\n    value: 1\n"
    )
    result = cli("watchlist", "import", str(path))
    assert result.exit_code == 1
    assert f"{path}: rules[1] (broken).op: unknown operator '=>'" in result.stderr
    assert cli("watchlist", "export").stdout == "companies: []\nrules: []\n"
    assert "no such file" in cli("watchlist", "import", str(tmp_path / "missing.yaml")).stderr


def test_alerts_list_and_show(cli: Any, database_url: str, tmp_path: Path) -> None:
    (tmp_path / "w.yaml").write_text(WATCHLIST)
    cli("watchlist", "import", str(tmp_path / "w.yaml"))
    engine = open_database(database_url)
    pipeline = App(
        settings=Settings(database_url=database_url), engine=engine, extractor=json_block_extractor
    )
    from state.models import Company

    with session_scope(engine) as session:
        ids = {c.ticker: c.id for c in session.exec(select(Company)).all()}
    low = fact("gross_margin", 35, kind="guidance", evidence="We now expect gross margin of about 35%.")
    process_document(pipeline, doc("ORRY outlook", low, guid="a"), company_ids={ids["ORRY"]})  # type: ignore[arg-type]
    process_document(pipeline, doc("KSTL outlook", low, guid="b"), company_ids={ids["KSTL"]})  # type: ignore[arg-type]
    pipeline.close()

    alerts = json.loads(cli("alerts", "list", "--json").stdout)
    assert [a["ticker"] for a in alerts] == ["KSTL", "ORRY"]
    first = alerts[1]
    assert set(first) >= {
        "id",
        "ticker",
        "title",
        "url",
        "severity",
        "score",
        "rules",
        "created_at",
        "deliveries",
    }
    assert first["rules"] == ["low-margin"]
    assert first["deliveries"] == [{"channel": "console", "status": "pending", "attempts": 0}]
    only = json.loads(cli("alerts", "list", "--json", "--ticker", "ORRY").stdout)
    assert [a["ticker"] for a in only] == ["ORRY"]
    assert len(json.loads(cli("alerts", "list", "--json", "--limit", "1").stdout)) == 1
    assert "pending" in cli("alerts", "list").stdout
    shown = cli("alerts", "show", str(first["id"])).stdout
    assert "evidence: We now expect gross margin of about 35%." in shown
    assert "console: pending" in shown


def test_rules_test_is_a_dry_run(cli: Any, database_url: str, tmp_path: Path) -> None:
    (tmp_path / "w.yaml").write_text(WATCHLIST)
    cli("watchlist", "import", str(tmp_path / "w.yaml"))
    cli("rules", "add", "keyword", "--name", "gc", "--pattern", r"going\s+concern", "--disabled")
    source = tmp_path / "note.txt"
    source.write_text(
        "Orrery Compute auditor note\n\nThe auditor doubts Orrery Compute can continue as a going concern.\n"
    )
    result = cli("rules", "test", "gc", str(source))
    assert result.exit_code == 0, result.output
    assert "ORRY: gc FIRES (the rule is disabled" in result.stdout
    as_json = json.loads(cli("rules", "test", "gc", str(source), "--json").stdout)
    assert [(r["ticker"], r["fires"]) for r in as_json] == [("ORRY", True)]
    quiet = json.loads(cli("rules", "test", "low-margin", str(source), "--ticker", "KSTL", "--json").stdout)
    assert [(r["ticker"], r["fires"], r["facts"]) for r in quiet] == [("KSTL", False, [])]
    engine = open_database(database_url)
    with session_scope(engine) as session:
        assert session.exec(select(func.count()).select_from(Disclosure)).one() == 0
    engine.dispose()
