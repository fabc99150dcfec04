"""The fetcher against a real HTTP server on 127.0.0.1: caps, redirects, validators, politeness."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.feedserver import FeedServer, Response, press_release, serving
from watcher.fetch import Fetcher, FetchResult, HostBudget, is_public_address, parse_retry_after
from watcher.settings import Settings


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with serving() as s:
        yield s


def settings(**overrides: Any) -> Settings:
    base: dict[str, Any] = {"database_url": "sqlite://", "fetch_timeout": "2s", "connect_timeout": "1s"}
    base.update(overrides)
    return Settings(**base)


def fetch(url: str, cfg: Settings | None = None, **kwargs: Any) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(cfg or settings()) as fetcher:
            return await fetcher.fetch(url, **kwargs)

    return asyncio.run(go())


def test_ok_then_conditional_get_answers_not_modified(server: FeedServer) -> None:
    feed = server.add_feed("/f.xml")
    feed.add_entry(press_release("Acme", 1))
    first = fetch(server.url("/f.xml"))
    assert first.kind == "ok"
    assert b"Acme announces" in first.content
    assert first.etag
    assert first.last_modified
    second = fetch(server.url("/f.xml"), etag=first.etag, last_modified=first.last_modified)
    assert second.kind == "not_modified"
    assert second.content == b""
    sent = server.requests_for("/f.xml")[-1].headers
    assert sent["if-none-match"] == first.etag
    assert sent["if-modified-since"] == first.last_modified


def test_user_agent_from_settings_is_sent(server: FeedServer) -> None:
    server.add_feed("/f.xml")
    fetch(server.url("/f.xml"), settings(user_agent="Acme Research research@example.com"))
    assert server.requests_for("/f.xml")[0].headers["user-agent"] == "Acme Research research@example.com"


def test_gzip_body_is_decoded() -> None:
    with serving(gzip_responses=True) as server:
        server.add_feed("/f.xml").add_entry(press_release("Gzipco", 1))
        result = fetch(server.url("/f.xml"))
    assert result.kind == "ok"
    assert b"Gzipco" in result.content


def test_declared_oversized_body_is_refused(server: FeedServer) -> None:
    server.add_oversized("/big.xml", 4096)
    result = fetch(server.url("/big.xml"), settings(max_response_bytes=2048))
    assert result.kind == "error"
    assert "larger than 2048 bytes" in (result.error or "")


def test_streamed_cap_applies_to_decoded_bytes_gzip_bomb() -> None:
    with serving(gzip_responses=True) as server:
        server.add_oversized("/bomb.xml", 200_000)  # compresses to ~1 KB on the wire
        result = fetch(server.url("/bomb.xml"), settings(max_response_bytes=50_000))
    assert result.kind == "error"
    assert "larger than 50000 bytes" in (result.error or "")


def test_redirects_are_followed_up_to_five(server: FeedServer) -> None:
    server.add_feed("/final.xml").add_entry(press_release("Redirco", 1))
    for hop in range(5):
        server.add_redirect(f"/r{hop}", f"/r{hop + 1}" if hop < 4 else "/final.xml")
    assert fetch(server.url("/r0")).kind == "ok"
    server.add_redirect("/loop-a", "/loop-b")
    server.add_redirect("/loop-b", "/loop-a")
    looped = fetch(server.url("/loop-a"))
    assert looped.kind == "error"
    assert "too many redirects" in (looped.error or "")
    assert len(server.requests_for("/loop-a")) + len(server.requests_for("/loop-b")) == 6


def test_slow_response_times_out_as_a_value(server: FeedServer) -> None:
    server.add_slow("/slow.xml", 3.0)
    started = time.monotonic()
    result = fetch(server.url("/slow.xml"), settings(fetch_timeout="0.5s"))
    assert result.kind == "error"
    assert "timed out" in (result.error or "")
    assert time.monotonic() - started < 2.5


def test_refused_connection_is_a_value() -> None:
    with serving() as server:
        url = server.url("/gone.xml")
    result = fetch(url)
    assert result.kind == "error"
    assert result.error


def test_http_error_status_is_a_value(server: FeedServer) -> None:
    server.add_error("/500", 500)
    result = fetch(server.url("/500"))
    assert result.kind == "error"
    assert result.status_code == 500
    assert "HTTP 500" in (result.error or "")


def test_retry_after_is_reported_and_the_host_cools_down(server: FeedServer) -> None:
    server.add_error("/busy", 429, {"Retry-After": "120"})
    server.add_feed("/other.xml")

    async def go() -> tuple[FetchResult, FetchResult]:
        async with Fetcher(settings()) as fetcher:
            first = await fetcher.fetch(server.url("/busy"))
            second = await fetcher.fetch(server.url("/other.xml"))
            return first, second

    first, second = asyncio.run(go())
    assert first.kind == "error"
    assert first.retry_after == timedelta(seconds=120)
    assert second.kind == "error"
    assert second.retry_after is not None
    assert second.retry_after > timedelta(seconds=100)
    assert server.requests_for("/other.xml") == []  # deferred without a request


def test_parse_retry_after_forms() -> None:
    now = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("30", now) == timedelta(seconds=30)
    assert parse_retry_after("Wed, 01 May 2024 12:01:00 GMT", now) == timedelta(seconds=60)
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_host_budget_limits_requests_per_second(server: FeedServer) -> None:
    server.add_feed("/f.xml")
    cfg = settings(host_rate_limits={"127.0.0.1": 4.0})

    async def go() -> float:
        async with Fetcher(cfg) as fetcher:
            started = time.monotonic()
            await asyncio.gather(*(fetcher.fetch(server.url("/f.xml")) for _ in range(8)))
            return time.monotonic() - started

    # a burst of 4, then 4 more at 4/s: at least ~1 s
    assert asyncio.run(go()) >= 0.9
    assert len(server.requests_for("/f.xml")) == 8


def test_host_budget_matches_parent_domains() -> None:
    budget = HostBudget({"sec.gov": 10.0}, 0.0)
    assert budget.rate_for("www.sec.gov") == 10.0
    assert budget.rate_for("sec.gov") == 10.0
    assert budget.rate_for("notsec.gov") == 0.0
    assert budget.rate_for("example.com") == 0.0


def test_public_only_refuses_loopback_without_a_request(server: FeedServer) -> None:
    server.add_page("/article", "<html><body><p>secret</p></body></html>")
    result = fetch(server.url("/article"), public_only=True)
    assert result.kind == "error"
    assert "refused" in (result.error or "")
    assert server.requests_for("/article") == []


def test_public_only_checks_every_redirect_hop(server: FeedServer) -> None:
    server.add_page("/internal", "<html><body><p>secret</p></body></html>")
    server.add_response("/hop", Response(302, headers={"Location": server.url("/internal")}))

    async def go() -> FetchResult:
        async with Fetcher(settings()) as fetcher:
            # the first hop is allowed (operator feed), the redirect target is a link check
            return await fetcher.fetch(server.url("/hop"), public_only=True)

    assert asyncio.run(go()).kind == "error"
    assert server.requests_for("/internal") == []


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("192.168.0.10", False),
        ("172.16.5.4", False),
        ("169.254.169.254", False),
        ("::1", False),
        ("fe80::1", False),
        ("::ffff:127.0.0.1", False),
        ("0.0.0.0", False),
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("not-an-ip", False),
    ],
)
def test_is_public_address(address: str, public: bool) -> None:
    assert is_public_address(address) is public
