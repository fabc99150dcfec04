"""The feeds, companies, poll and ingest commands, run through the real CLI on a real database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from state.db import make_engine, session_scope
from state.models import Disclosure, DisclosureCompany
from tests.feedserver import FeedServer, press_release, serving
from watcher.cli.main import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def database(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> str:
    monkeypatch.setenv("WATCHER_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("WATCHER_FETCH_TIMEOUT", "2s")
    return sqlite_url


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with serving() as s:
        yield s


def invoke(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_companies_add_update_list_remove() -> None:
    code, out, _ = invoke(
        "companies", "add", "acme", "--name", "Acme Corp", "--alias", "Acme", "--customer", "Globex"
    )
    assert code == 0
    assert "added company ACME" in out
    code, out, _ = invoke("companies", "add", "ACME", "--name", "Acme Corporation", "--alias", "ACME Co")
    assert "updated company ACME" in out
    code, out, _ = invoke("companies", "list", "--json")
    (row,) = json.loads(out)
    assert row["name"] == "Acme Corporation"
    assert row["aliases"] == ["Acme", "ACME Co"]
    assert row["customers"] == ["Globex"]
    assert invoke("companies", "remove", "ACME")[0] == 0
    code, _, err = invoke("companies", "remove", "ACME")
    assert code == 1
    assert err.strip() == "error: no company with ticker ACME"


def test_invalid_ticker_is_one_line() -> None:
    code, _, err = invoke("companies", "add", "TOO LONG TICKER", "--name", "x")
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("error: invalid ticker")


def test_feeds_add_several_with_a_bad_one_in_the_middle() -> None:
    code, out, err = invoke(
        "feeds",
        "add",
        "https://a.example.com/feed",
        "ftp://nope",
        "https://b.example.com/rss",
        "--ticker",
        "ACME",
        "--interval",
        "15m",
    )
    assert code == 1
    assert "is not an http(s) URL" in err
    assert "added feed 1 https://a.example.com/feed" in out
    assert "added feed 2 https://b.example.com/rss" in out
    rows = json.loads(invoke("feeds", "list", "--json")[1])
    assert [(r["url"], r["ticker"], r["interval_seconds"]) for r in rows] == [
        ("https://a.example.com/feed", "ACME", 900),
        ("https://b.example.com/rss", "ACME", 900),
    ]
    code, out, _ = invoke("feeds", "add", "https://a.example.com/feed")
    assert code == 0
    assert "already watched: feed 1" in out


def test_bad_interval_is_one_line() -> None:
    code, _, err = invoke("feeds", "add", "https://a.example.com/feed", "--interval", "soon")
    assert code == 1
    assert err.startswith("error: --interval:")
    assert invoke("feeds", "list", "--json")[1].strip() == "[]"


def test_pause_resume_remove() -> None:
    invoke("feeds", "add", "https://a.example.com/feed")
    assert invoke("feeds", "pause", "1")[0] == 0
    assert json.loads(invoke("feeds", "list", "--json")[1])[0]["paused"] is True
    assert invoke("feeds", "resume", "1")[0] == 0
    assert json.loads(invoke("feeds", "list", "--json")[1])[0]["paused"] is False
    assert invoke("feeds", "remove", "1")[0] == 0
    code, _, err = invoke("feeds", "remove", "1")
    assert code == 1
    assert err.strip() == "error: no feed with id 1"


def test_import_opml_and_plain_list_and_export_round_trip(tmp_path: Path) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="Group">'
        '<outline text="Acme news" type="rss" xmlUrl="https://a.example.com/rss"/></outline>'
        '<outline text="Other" xmlUrl="https://b.example.com/atom"/></body></opml>'
    )
    plain = tmp_path / "feeds.txt"
    plain.write_text("# my feeds\nhttps://c.example.com/feed\n\nhttps://a.example.com/rss\n")
    assert invoke("feeds", "import", str(opml), "--ticker", "ACME")[0] == 0
    assert invoke("feeds", "import", str(plain))[0] == 0
    rows = json.loads(invoke("feeds", "list", "--json")[1])
    assert [r["url"] for r in rows] == [
        "https://a.example.com/rss",
        "https://b.example.com/atom",
        "https://c.example.com/feed",
    ]
    assert rows[0]["title"] == "Acme news"
    exported = invoke("feeds", "export")[1]
    again = tmp_path / "again.opml"
    again.write_text(exported)
    from watcher.opml import parse_feed_list

    assert [e.url for e in parse_feed_list(exported)] == [r["url"] for r in rows]


def test_import_refuses_opml_with_entities(tmp_path: Path) -> None:
    evil = tmp_path / "evil.opml"
    evil.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>'
        + '<opml><body><outline xmlUrl="&e;"/></body></opml>'
    )
    code, _, err = invoke("feeds", "import", str(evil))
    assert code == 1
    assert "DTD or entities" in err


def test_poll_once_prints_the_summary_and_reports_failures(server: FeedServer) -> None:
    server.add_feed("/a.xml").add_entry(press_release("Aco", 1))
    server.add_error("/broken", 500)
    invoke("feeds", "add", server.url("/a.xml"), server.url("/broken"), "--ticker", "ACO")
    code, out, err = invoke("poll", "--once")
    assert code == 0
    assert "feeds polled: 2, new: 1, updated: 0, unchanged: 0, failed: 1" in out
    assert "HTTP 500" in err
    code, out, _ = invoke("poll", "--once", "--feed", "1")
    assert "feeds polled: 1, new: 0, updated: 0, unchanged: 1, failed: 0" in out


def test_ingest_a_file_into_the_pipeline(tmp_path: Path, database: str) -> None:
    doc = tmp_path / "release.txt"
    doc.write_text("Acme raises guidance\n\nAcme now expects gross margin of 45% to 47% for 2025.\n")
    code, out, _ = invoke(
        "ingest",
        str(doc),
        "--ticker",
        "ACME",
        "--url",
        "https://acme.example.com/r/1",
        "--published",
        "2024-11-05T08:00:00Z",
    )
    assert code == 0
    assert "disclosure 1: new" in out
    code, out, _ = invoke("ingest", str(doc), "--ticker", "ACME")
    assert "disclosure 1: duplicate" in out
    engine = make_engine(database)
    with session_scope(engine) as session:
        row = session.exec(select(Disclosure)).one()
        links = session.exec(select(DisclosureCompany)).all()
    engine.dispose()
    assert row.source == "manual"
    assert row.title == "Acme raises guidance"
    assert row.url == "https://acme.example.com/r/1"
    assert row.published is not None
    assert row.published.year == 2024
    assert len(links) == 1


def test_ingest_from_stdin_and_bad_source() -> None:
    code, out, _ = invoke(
        "ingest", "-", "--ticker", "ACME", "--title", "From stdin", input="Some text with 10 MW.\n"
    )
    assert code == 0
    assert "new" in out
    code, _, err = invoke("ingest", "/no/such/file.txt", "--ticker", "ACME")
    assert code == 1
    assert err.strip() == "error: no such file: /no/such/file.txt"
