"""Polling cycles against real feeds on 127.0.0.1 into a real database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import col, func, select

from rules.facts import Fact
from state.db import session_scope
from state.feeds import add_feed
from state.models import Disclosure, DisclosureCompany, Feed
from tests.feedserver import Entry, FeedServer, press_release, serving
from watcher.app import App, make_app
from watcher.poller import PollSummary, poll_once
from watcher.settings import Settings


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with serving() as s:
        yield s


def build_app(url: str, clock: Any = None, **overrides: Any) -> App:
    base: dict[str, Any] = {
        "database_url": url,
        "fetch_timeout": "1s",
        "connect_timeout": "1s",
        "fetch_private_links": True,
    }
    base.update(overrides)
    return make_app(Settings(**base), clock=clock)


@pytest.fixture
def app(sqlite_url: str) -> Iterator[App]:
    with build_app(sqlite_url) as application:
        yield application


def add_feeds(app: App, *urls: str, company_id: int | None = None) -> list[int]:
    with session_scope(app.engine) as session:
        return [add_feed(session, url, company_id=company_id)[0].id or 0 for url in urls]


def disclosure_count(app: App) -> int:
    with session_scope(app.engine) as session:
        return int(session.exec(select(func.count()).select_from(Disclosure)).one())


def feed_row(app: App, feed_id: int) -> Feed:
    with session_scope(app.engine) as session:
        row = session.get(Feed, feed_id)
        assert row is not None
        return row


def cycle(app: App, **kwargs: Any) -> PollSummary:
    kwargs.setdefault("force", True)
    return poll_once(app, **kwargs)


def test_wire_atom_edgar_and_guidless_feeds_are_stored(app: App, server: FeedServer) -> None:
    wire = server.add_feed("/wire.xml", "rss")
    for n in range(3):
        wire.add_entry(press_release("Wireco", n))
    atom = server.add_feed("/atom.xml", "atom")
    atom.add_entry(press_release("Atomco", 1))
    edgar = server.add_feed("/edgar.xml", "edgar")
    filing = server.add_page(
        "/Archives/edgar/data/1/filing.htm",
        "<html><body><article><h1>Form 8-K</h1><p>Edgarco Inc. entered into a credit agreement "
        "providing a $250 million revolving facility maturing in 2029.</p>"
        "<p>The facility replaces the prior agreement.</p></article></body></html>",
    )
    edgar.add_entry(
        Entry(
            title="8-K - EDGARCO INC (0000000001) (Filer)",
            summary="<b>Filed:</b> 2024-05-01 <b>AccNo:</b> 0000000001-24-000001",
            link=filing,
            guid="urn:tag:sec.gov,2008:accession-number=0000000001-24-000001",
        )
    )
    noguid = server.add_feed("/noguid.xml", "rss", guids=False)
    noguid.add_entry(press_release("Noguidco", 1))
    ids = add_feeds(app, *(server.url(p) for p in ("/wire.xml", "/atom.xml", "/edgar.xml", "/noguid.xml")))

    summary = cycle(app)

    assert summary.feeds == 4
    assert summary.failed == 0
    assert summary.new == 6
    with session_scope(app.engine) as session:
        rows = session.exec(select(Disclosure).order_by(col(Disclosure.id))).all()
        by_feed = {fid: [r for r in rows if r.feed_id == fid] for fid in ids}
    assert [r.title for r in by_feed[ids[0]]] == [f"Wireco announces update number {n}" for n in range(3)]
    assert "Gross margin was 41.5%" in by_feed[ids[1]][0].text
    edgar_row = by_feed[ids[2]][0]
    assert "$250 million revolving facility" in edgar_row.text  # the article page, not the summary
    assert edgar_row.guid == "urn:tag:sec.gov,2008:accession-number=0000000001-24-000001"
    assert by_feed[ids[3]][0].guid == "https://news.example.com/noguidco/1"  # keyed by link
    for fid in ids:
        row = feed_row(app, fid)
        assert row.last_status == "ok"
        assert row.etag
        assert row.lease_owner is None
        assert row.next_poll_at is not None


def test_second_poll_is_conditional_and_stores_nothing(database_url: str, server: FeedServer) -> None:
    with build_app(database_url) as app:
        _second_poll_stores_nothing(app, server)


def _second_poll_stores_nothing(app: App, server: FeedServer) -> None:
    for i in range(3):
        server.add_feed(f"/f{i}.xml", "atom" if i % 2 else "rss").add_entry(press_release(f"Co{i}", i))
    ids = add_feeds(app, *(server.url(f"/f{i}.xml") for i in range(3)))
    first = cycle(app)
    assert first.new == 3
    before = disclosure_count(app)

    second = cycle(app)

    assert second.not_modified == 3
    assert second.new == 0
    assert disclosure_count(app) == before
    for i in range(3):
        last = server.requests_for(f"/f{i}.xml")[-1]
        assert "if-none-match" in last.headers
        assert last.status == 304
    assert all(feed_row(app, fid).last_status == "not_modified" for fid in ids)


def test_new_entries_between_polls_are_new_and_old_ones_unchanged(app: App, server: FeedServer) -> None:
    feed = server.add_feed("/f.xml")
    feed.add_entry(press_release("Acme", 1))
    add_feeds(app, server.url("/f.xml"))
    assert cycle(app).new == 1
    feed.add_entry(press_release("Acme", 2))
    second = cycle(app)
    assert second.new == 1
    assert second.unchanged == 1
    assert [d.title for d in second.disclosures] == ["Acme announces update number 2"]


def test_corrected_entry_is_updated_not_new(app: App, server: FeedServer) -> None:
    feed = server.add_feed("/f.xml")
    original = feed.add_entry(press_release("Acme", 1, margin=41.5))
    add_feeds(app, server.url("/f.xml"))
    cycle(app)
    corrected = press_release("Acme", 1, margin=42.5)
    assert corrected.guid == original.guid
    feed.replace_entry(0, corrected)

    summary = cycle(app)

    assert summary.updated == 1
    assert summary.new == 0
    with session_scope(app.engine) as session:
        rows = session.exec(select(Disclosure)).all()
    assert len(rows) == 1
    assert "42.5%" in rows[0].text
    assert rows[0].revision == 2


def test_same_story_on_two_feeds_is_one_disclosure(app: App, server: FeedServer) -> None:
    story = press_release("Sharedco", 7)
    server.add_feed("/a.xml", "rss").add_entry(story)
    other = Entry(title=story.title.upper(), body=story.body, link="https://mirror.example.com/7", guid="m7")
    server.add_feed("/b.xml", "atom").add_entry(other)
    add_feeds(app, server.url("/a.xml"), server.url("/b.xml"))

    summary = cycle(app)

    assert summary.new == 1
    assert summary.duplicate == 1
    assert disclosure_count(app) == 1


def test_each_failure_fails_only_its_own_feed(sqlite_url: str, server: FeedServer) -> None:
    server.add_feed("/good.xml").add_entry(press_release("Goodco", 1))
    server.add_malformed("/malformed.xml")
    server.add_html("/html")
    server.add_error("/500", 500)
    server.add_slow("/slow.xml", 3.0)
    server.add_oversized("/big.xml", 8192)
    server.add_redirect("/loop-a", "/loop-b")
    server.add_redirect("/loop-b", "/loop-a")
    server.add_error("/busy", 429, {"Retry-After": "600"})
    expected = {
        "/malformed.xml": "malformed feed",
        "/html": "not a feed",
        "/500": "HTTP 500",
        "/slow.xml": "timed out",
        "/big.xml": "larger than 4096 bytes",
        "/loop-a": "too many redirects",
        "/busy": "HTTP 429",
    }
    now = datetime(2024, 6, 3, 9, 0, tzinfo=UTC)
    with build_app(sqlite_url, clock=lambda: now, fetch_timeout="0.5s", max_response_bytes=4096) as app:
        # /busy on another host name: its 429 cools down only its own host
        urls = [server.url(p, host="localhost" if p == "/busy" else "127.0.0.1") for p in expected]
        ids = add_feeds(app, server.url("/good.xml"), *urls)
        summary = cycle(app)
        assert summary.feeds == 8
        assert summary.failed == 7
        assert summary.new == 1
        good = feed_row(app, ids[0])
        assert good.last_status == "ok"
        assert good.consecutive_failures == 0
        for fid, (path, message) in zip(ids[1:], expected.items(), strict=True):
            row = feed_row(app, fid)
            assert row.last_status == "error", path
            assert message in (row.last_error or ""), (path, row.last_error)
            assert row.consecutive_failures == 1
            assert row.lease_owner is None
            if path == "/busy":
                assert row.next_poll_at == now + timedelta(seconds=600)  # Retry-After honoured
            else:
                assert row.next_poll_at == now + timedelta(minutes=10)


def test_failures_back_off_exponentially_up_to_the_cap(sqlite_url: str, server: FeedServer) -> None:
    server.add_error("/500", 500)
    times = iter(datetime(2024, 6, 3, 9, 0, tzinfo=UTC) + timedelta(days=d) for d in range(100))
    current = {"now": next(times)}
    with build_app(sqlite_url, clock=lambda: current["now"], poll_interval="10m", backoff_max="1h") as app:
        (fid,) = add_feeds(app, server.url("/500"))
        delays = []
        for _ in range(5):
            cycle(app, force=False)
            row = feed_row(app, fid)
            assert row.next_poll_at is not None
            delays.append(row.next_poll_at - current["now"])
            current["now"] = next(times)
        assert delays == [timedelta(minutes=m) for m in (10, 20, 40, 60, 60)]
        assert feed_row(app, fid).consecutive_failures == 5
        server.add_feed("/500").add_entry(press_release("Recovered", 1))
        server.responses.pop("/500")
        cycle(app, force=False)
        row = feed_row(app, fid)
        assert row.consecutive_failures == 0
        assert row.last_error is None
        assert row.next_poll_at == current["now"] + timedelta(minutes=10)


def test_only_due_feeds_are_polled_without_force(sqlite_url: str, server: FeedServer) -> None:
    server.add_feed("/f.xml").add_entry(press_release("Dueco", 1))
    current = {"now": datetime(2024, 6, 3, 9, 0, tzinfo=UTC)}
    with build_app(sqlite_url, clock=lambda: current["now"], poll_interval="10m") as app:
        add_feeds(app, server.url("/f.xml"))
        assert cycle(app, force=False).feeds == 1
        current["now"] += timedelta(minutes=5)
        assert cycle(app, force=False).feeds == 0
        current["now"] += timedelta(minutes=6)
        assert cycle(app, force=False).feeds == 1
    assert len(server.requests_for("/f.xml")) == 2


def test_restart_sees_the_same_state_and_stores_nothing_again(sqlite_url: str, server: FeedServer) -> None:
    feed = server.add_feed("/f.xml")
    feed.add_entry(press_release("Persistco", 1))
    feed.validators = False  # every poll gets the full body, so dedup (not 304) must hold
    with build_app(sqlite_url) as first:
        add_feeds(first, server.url("/f.xml"))
        assert cycle(first).new == 1
    with build_app(sqlite_url) as second:
        summary = cycle(second)
        assert summary.feeds == 1
        assert summary.new == 0
        assert summary.unchanged == 1
        assert disclosure_count(second) == 1


def test_feed_links_to_private_addresses_are_refused_by_default(sqlite_url: str, server: FeedServer) -> None:
    page = server.add_page(
        "/article", "<html><body><p>Internal article text that must stay.</p></body></html>"
    )
    feed = server.add_feed("/f.xml")
    feed.add_entry(Entry(title="Short item", summary="Only a short summary.", link=page, guid="s1"))
    with build_app(sqlite_url, fetch_private_links=False) as app:
        add_feeds(app, server.url("/f.xml"))  # the operator's own feed on loopback is fetched
        summary = cycle(app)
        assert summary.new == 1
        with session_scope(app.engine) as session:
            row = session.exec(select(Disclosure)).one()
        assert row.text == "Only a short summary."
    assert server.requests_for("/article") == []
    assert len(server.requests_for("/f.xml")) == 1


def test_summary_only_entry_fetches_its_article_once(app: App, server: FeedServer) -> None:
    page = server.add_page(
        "/article", "<html><body><article><p>" + "Full article body. " * 20 + "</p></article></body></html>"
    )
    feed = server.add_feed("/f.xml")
    feed.add_entry(Entry(title="Short item", summary="Teaser.", link=page, guid="s1"))
    add_feeds(app, server.url("/f.xml"))
    assert cycle(app).new == 1
    feed.add_entry(press_release("Laterco", 2))  # the feed changes, the teaser entry does not
    second = cycle(app)
    assert second.new == 1
    assert len(server.requests_for("/article")) == 1
    with session_scope(app.engine) as session:
        row = session.exec(select(Disclosure).where(Disclosure.guid == "s1")).one()
    assert "Full article body." in row.text


def test_feed_company_is_attributed(app: App, server: FeedServer) -> None:
    from state.companies import add_company

    server.add_feed("/f.xml").add_entry(press_release("Acme", 1))
    with session_scope(app.engine) as session:
        company, _ = add_company(session, "ACME", name="Acme Corp")
    add_feeds(app, server.url("/f.xml"), company_id=company.id)
    cycle(app)
    with session_scope(app.engine) as session:
        links = session.exec(select(DisclosureCompany)).all()
    assert [link.company_id for link in links] == [company.id]


def test_an_entry_that_fails_in_the_pipeline_does_not_stop_the_feed(
    sqlite_url: str, server: FeedServer
) -> None:
    feed = server.add_feed("/f.xml")
    feed.add_entry(press_release("Okco", 1))
    feed.add_entry(press_release("Boomco", 2))

    def extractor(text: str) -> list[Fact]:
        if "quarter 2" in text:
            raise RuntimeError("extractor exploded")
        return []

    with build_app(sqlite_url) as app:
        app.extractor = extractor
        (fid,) = add_feeds(app, server.url("/f.xml"))
        summary = cycle(app)
        assert summary.new == 1
        assert summary.entry_errors == 1
        row = feed_row(app, fid)
        assert row.last_status == "ok"
        assert "extractor exploded" in (row.last_error or "")
        assert row.etag is None  # validators not stored: the next poll re-reads the feed
        app.extractor = lambda text: []
        again = cycle(app)
        assert again.new == 1
        assert again.unchanged == 1


def test_poll_only_the_given_feed(app: App, server: FeedServer) -> None:
    server.add_feed("/a.xml").add_entry(press_release("Aco", 1))
    server.add_feed("/b.xml").add_entry(press_release("Bco", 1))
    a, _b = add_feeds(app, server.url("/a.xml"), server.url("/b.xml"))
    summary = cycle(app, feed_ids=[a])
    assert summary.feeds == 1
    assert server.requests_for("/b.xml") == []


def test_many_feeds_are_fetched_concurrently(sqlite_url: str) -> None:
    with serving(latency=0.5) as server, build_app(sqlite_url, fetch_concurrency=16) as app:
        for i in range(16):
            server.add_feed(f"/f{i}.xml").add_entry(press_release(f"Co{i}", i))
        add_feeds(app, *(server.url(f"/f{i}.xml") for i in range(16)))
        summary = cycle(app)
    assert summary.new == 16
    # Each answer takes half a second: fetched one by one, the server would never hold two at once.
    # (Counted by the server rather than timed: a slow or loaded machine stretches wall-clock
    # time, and extraction and storage run in the same cycle.)
    assert server.max_in_flight >= 8, server.max_in_flight
