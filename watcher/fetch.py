"""HTTP fetching for feeds and article pages: polite, capped, and never raising.

Every fetch returns a `FetchResult` value (ok, not modified, or error with a
one-line message), so one bad feed is recorded and the cycle goes on (the
shape of reader's `_update` results). Politeness: a User-Agent from settings,
conditional GET with the stored validators, a per-host token bucket, and a
host cool-down when a server answers 429/503 with Retry-After (the waiting is
done by scheduling the feed later, never by sleeping through the cycle).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Literal
from urllib.parse import urljoin, urlsplit

import httpx

from watcher.http11 import LeanTransport
from watcher.settings import Settings

FetchKind = Literal["ok", "not_modified", "error"]

MAX_REDIRECTS = 5
_REDIRECT_CODES = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class FetchResult:
    """The outcome of one GET: a value, whatever happened."""

    kind: FetchKind
    url: str
    status_code: int | None = None
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    #: the server asked us to wait (429/503 Retry-After, or a host cool-down in force)
    retry_after: timedelta | None = None

    @property
    def ok(self) -> bool:
        return self.kind == "ok"


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """Retry-After as delay-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return timedelta(seconds=int(text))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(when - now, timedelta(0))


class HostBudget:
    """Per-host token buckets plus Retry-After cool-downs, shared by one cycle's fetches.

    A host with rate r gets a bucket of max(1, r) tokens refilled at r per
    second; 0 means unlimited. Hosts match exactly or as a parent domain, so
    `sec.gov: 10` also covers `www.sec.gov`.
    """

    def __init__(
        self,
        rates: dict[str, float],
        default_rate: float,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._rates = {host.lower().strip("."): rate for host, rate in rates.items()}
        self._default = default_rate
        self._monotonic = monotonic
        self._tokens: dict[str, float] = {}
        self._stamp: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._blocked_until: dict[str, float] = {}

    def rate_for(self, host: str) -> float:
        name = host.lower().strip(".")
        while name:
            if name in self._rates:
                return self._rates[name]
            _, _, name = name.partition(".")
        return self._default

    async def acquire(self, host: str) -> None:
        """Wait until the host's bucket has a token, then take it."""
        rate = self.rate_for(host)
        if rate <= 0:
            return
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            burst = max(1.0, rate)
            while True:
                now = self._monotonic()
                tokens = self._tokens.get(host, burst)
                tokens = min(burst, tokens + (now - self._stamp.get(host, now)) * rate)
                self._stamp[host] = now
                if tokens >= 1:
                    self._tokens[host] = tokens - 1
                    return
                self._tokens[host] = tokens
                await asyncio.sleep((1 - tokens) / rate)

    def block(self, host: str, delay: timedelta) -> None:
        """The host said to come back later: no further requests to it until then."""
        until = self._monotonic() + delay.total_seconds()
        self._blocked_until[host] = max(until, self._blocked_until.get(host, 0.0))

    def blocked_for(self, host: str) -> timedelta | None:
        remaining = self._blocked_until.get(host, 0.0) - self._monotonic()
        return timedelta(seconds=remaining) if remaining > 0 else None


class _TooLarge(Exception):
    pass


def is_public_address(address: str) -> bool:
    """False for loopback, private, link-local, reserved, multicast and unspecified addresses."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


async def resolves_to_public(host: str) -> bool:
    """Every address the host resolves to is public (an IP literal is checked as is)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return is_public_address(host)
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError:
        return True  # unresolvable: the fetch itself will fail with a clear error
    addresses = {str(info[4][0]) for info in infos}
    return bool(addresses) and all(is_public_address(a) for a in addresses)


class Fetcher:
    """One shared connection pool and host budget for a cycle (or the whole app).

    Requests go straight to a transport (`watcher.http11`), without an
    `httpx.AsyncClient` around it: redirects are followed here, there is no
    auth, and cookies must not carry from one feed to another, so the client
    layers only cost time (about a fifth of a request's CPU, most of it the
    cookie jar).
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.budget = HostBudget(settings.host_rate_limits, settings.default_host_rate)
        self._total_timeout = settings.fetch_timeout.total_seconds()
        timeout = httpx.Timeout(self._total_timeout, connect=settings.connect_timeout.total_seconds())
        self._extensions = {"timeout": timeout.as_dict()}
        self._headers = {
            "Accept-Encoding": "gzip, deflate",
            "Connection": "keep-alive",
            "User-Agent": settings.user_agent,
        }
        # The poller never has more than `fetch_concurrency` requests in flight, so
        # that is the connection limit.
        self._transport = LeanTransport(settings.fetch_concurrency)

    async def aclose(self) -> None:
        await self._transport.aclose()

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.aclose()

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        public_only: bool = False,
        accept: str = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8",
    ) -> FetchResult:
        """GET `url` with conditional headers; follow up to 5 redirects; never raise.

        `public_only` refuses any hop that resolves to a non-public address
        (used for links found inside feeds, unless settings allow them).
        """
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            return await self._fetch(url, headers, public_only)
        except Exception as exc:  # the contract: a value, never an exception
            return FetchResult("error", url, error=_describe(exc))

    async def _fetch(self, url: str, headers: dict[str, str], public_only: bool) -> FetchResult:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            host = (urlsplit(current).hostname or "").lower()
            blocked = self.budget.blocked_for(host)
            if blocked is not None:
                return FetchResult(
                    "error",
                    url,
                    error=f"{host} asked to retry later; deferred {int(blocked.total_seconds()) + 1}s",
                    retry_after=blocked,
                )
            if public_only and not await resolves_to_public(host):
                return FetchResult(
                    "error", url, error=f"refused: {host} is a loopback, private or link-local address"
                )
            await self.budget.acquire(host)
            try:
                async with asyncio.timeout(self._total_timeout):
                    result = await self._one_request(url, current, headers)
            except TimeoutError:
                return FetchResult("error", url, error=f"timed out after {self._total_timeout:g}s")
            if isinstance(result, str):
                current = result
                continue
            if result.retry_after is not None:
                self.budget.block(host, result.retry_after)
            return result
        return FetchResult("error", url, error=f"too many redirects (more than {MAX_REDIRECTS})")

    async def _one_request(self, url: str, current: str, headers: dict[str, str]) -> FetchResult | str:
        """One request; returns the next URL for a redirect, else the result."""
        cap = self.settings.max_response_bytes
        request = httpx.Request(
            "GET", current, headers={**self._headers, **headers}, extensions=self._extensions
        )
        response = await self._transport.handle_async_request(request)
        response.request = request
        try:
            return await self._answer(url, current, response, cap)
        finally:
            await response.aclose()

    async def _answer(self, url: str, current: str, response: httpx.Response, cap: int) -> FetchResult | str:
        """What one response means: a redirect's next URL, or the result."""
        status = response.status_code
        if status in _REDIRECT_CODES:
            location = response.headers.get("location")
            if not location:
                return FetchResult("error", url, status, error=f"HTTP {status} without a Location")
            return str(urljoin(current, location))
        if status == 304:
            # A 304 has no body, but httpcore keeps the connection for the next
            # request only once the (empty) body has been read; leaving without
            # reading closes it, and a fully-304 poll then opened one connection
            # per feed.
            await response.aread()
            return FetchResult(
                "not_modified",
                url,
                status,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )
        if status >= 400:
            retry = None
            if status in (429, 503):
                retry = parse_retry_after(response.headers.get("retry-after"), datetime.now(UTC))
            reason = response.reason_phrase or ""
            message = f"HTTP {status} {reason}".strip()
            if retry is not None:
                message += f" (retry after {int(retry.total_seconds())}s)"
            return FetchResult("error", url, status, error=message, retry_after=retry)
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > cap:
            return FetchResult("error", url, status, error=f"response larger than {cap} bytes")
        try:
            content = await _read_capped(response, cap)
        except _TooLarge:
            return FetchResult("error", url, status, error=f"response larger than {cap} bytes")
        return FetchResult(
            "ok",
            url,
            status,
            content=content,
            content_type=response.headers.get("content-type", ""),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )


async def _read_capped(response: httpx.Response, cap: int) -> bytes:
    """Read the (decoded) body, aborting as soon as it passes `cap` bytes (gzip bombs included)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > cap:
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _describe(exc: BaseException) -> str:
    """One line naming what went wrong, without a traceback."""
    if isinstance(exc, httpx.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {_first_line(exc) or 'connection refused'}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection broken: {_first_line(exc) or 'server closed the connection'}"
    if isinstance(exc, httpx.ReadError):
        return f"connection reset: {_first_line(exc) or 'read failed'}"
    if isinstance(exc, httpx.DecodingError):
        return f"cannot decode the response: {_first_line(exc)}"
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"invalid URL: {_first_line(exc)}"
    return f"{type(exc).__name__}: {_first_line(exc)}".rstrip(": ")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else ""
