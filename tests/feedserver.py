"""A real feed server on 127.0.0.1 for tests and benchmarks.

Serves RSS 2.0 and Atom 1.0 feeds (wire-style, EDGAR-style, entries without
guids) with ETag / Last-Modified and 304 answers, plus the failures a poller
meets in the wild: malformed XML, an HTML page, 500, a slow answer, an
oversized body, a redirect loop, 429 with Retry-After. Feeds can gain entries
between polls, and every request is recorded so tests can check the headers
the poller sent.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal
from xml.sax.saxutils import escape

FeedKind = Literal["rss", "atom", "edgar"]


@dataclass
class Entry:
    """One feed entry; `body` is HTML content, `summary` a short text."""

    title: str
    body: str = ""
    summary: str = ""
    link: str | None = None
    guid: str | None = None
    published: datetime = field(default_factory=lambda: datetime(2024, 5, 1, 12, 0, tzinfo=UTC))


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/plain"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class SeenRequest:
    path: str
    headers: dict[str, str]
    status: int
    #: the client's port: one per connection, so tests can see keep-alive at work
    client_port: int = 0


class Feed:
    """A feed whose rendered bytes, ETag and Last-Modified change when entries do."""

    def __init__(self, path: str, kind: FeedKind, title: str, guids: bool, base: str) -> None:
        self.path = path
        self.kind = kind
        self.title = title
        self.guids = guids
        self.base = base
        self.entries: list[Entry] = []
        self._lock = threading.Lock()
        self._rendered: tuple[bytes, str, str] | None = None
        self._modified = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
        #: send validators (off: a server that never answers 304)
        self.validators = True

    def add_entry(self, entry: Entry) -> Entry:
        with self._lock:
            self.entries.insert(0, entry)
            self._touch()
        return entry

    def replace_entry(self, index: int, entry: Entry) -> None:
        """Swap an entry's content in place (a corrected release keeps its guid/link)."""
        with self._lock:
            self.entries[index] = entry
            self._touch()

    def _touch(self) -> None:
        self._modified = max(self._modified + timedelta(seconds=1), datetime.now(UTC).replace(microsecond=0))
        self._rendered = None

    def rendered(self) -> tuple[bytes, str, str]:
        """(body, etag, last-modified) for the current entries."""
        with self._lock:
            if self._rendered is None:
                body = render(self).encode("utf-8")
                etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
                self._rendered = (body, etag, format_datetime(self._modified, usegmt=True))
            return self._rendered


def _rss(feed: Feed) -> str:
    items = []
    for e in feed.entries:
        parts = [f"<title>{escape(e.title)}</title>"]
        if e.link:
            parts.append(f"<link>{escape(e.link)}</link>")
        if feed.guids and e.guid:
            parts.append(f'<guid isPermaLink="false">{escape(e.guid)}</guid>')
        parts.append(f"<pubDate>{format_datetime(e.published, usegmt=True)}</pubDate>")
        if e.summary:
            parts.append(f"<description>{escape(e.summary)}</description>")
        if e.body:
            parts.append(f"<content:encoded><![CDATA[{e.body}]]></content:encoded>")
        items.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(feed.title)}</title><link>{escape(feed.base)}</link>"
        "<description>test feed</description>" + "".join(items) + "</channel></rss>"
    )


def _atom(feed: Feed) -> str:
    entries = []
    for e in feed.entries:
        parts = [f"<title>{escape(e.title)}</title>"]
        if e.link:
            parts.append(f'<link rel="alternate" type="text/html" href="{escape(e.link)}"/>')
        guid = e.guid if feed.guids and e.guid else e.link or e.title
        parts.append(f"<id>{escape(guid)}</id>")
        parts.append(f"<updated>{e.published.isoformat()}</updated>")
        if feed.kind == "edgar":
            parts.append('<category scheme="https://www.sec.gov/" label="form type" term="8-K"/>')
        if e.summary:
            parts.append(f'<summary type="html">{escape(e.summary)}</summary>')
        if e.body:
            parts.append(f'<content type="html">{escape(e.body)}</content>')
        entries.append("<entry>" + "".join(parts) + "</entry>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(feed.title)}</title><id>{escape(feed.base + feed.path)}</id>"
        f"<updated>{datetime(2024, 5, 1, tzinfo=UTC).isoformat()}</updated>" + "".join(entries) + "</feed>"
    )


def render(feed: Feed) -> str:
    return _rss(feed) if feed.kind == "rss" else _atom(feed)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # a poller opens dozens of connections at once

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up mid-answer (timeouts, size caps) are expected here


class FeedServer:
    """Threaded HTTP/1.1 server on an ephemeral loopback port."""

    def __init__(
        self, *, latency: float = 0.0, gzip_responses: bool = False, record_requests: bool = True
    ) -> None:
        self.latency = latency
        #: off for long benchmarks, whose RSS would otherwise count this log
        self.record_requests = record_requests
        self.gzip_responses = gzip_responses
        self.feeds: dict[str, Feed] = {}
        self.responses: dict[str, Response] = {}
        self.requests: list[SeenRequest] = []
        #: requests being answered now, and the most at once: concurrency shown by the server
        #: itself, not by a wall-clock time that a slow machine stretches
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server._handle(self)

        self._httpd = _Server(("127.0.0.1", 0), Handler)
        self.port = int(self._httpd.server_address[1])
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    # -- building the site ------------------------------------------------------------

    def url(self, path: str, *, host: str = "127.0.0.1") -> str:
        """Absolute URL; `host="localhost"` gives a second host name for per-host behaviour."""
        return f"http://{host}:{self.port}{path}"

    def add_feed(
        self, path: str, kind: FeedKind = "rss", *, title: str | None = None, guids: bool = True
    ) -> Feed:
        feed = Feed(path, kind, title or f"Feed {path}", guids, self.base)
        self.feeds[path] = feed
        return feed

    def add_response(self, path: str, response: Response) -> None:
        self.responses[path] = response

    def add_page(self, path: str, html: str) -> str:
        self.responses[path] = Response(200, html.encode(), "text/html; charset=utf-8")
        return self.url(path)

    def add_malformed(self, path: str) -> None:
        body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>broken<item><title>x</ti'
        self.add_response(path, Response(200, body, "application/rss+xml"))

    def add_html(self, path: str) -> None:
        body = (
            b"<!DOCTYPE html><html><head><title>Welcome</title></head><body><p>Not a feed</p></body></html>"
        )
        self.add_response(path, Response(200, body, "text/html"))

    def add_error(self, path: str, status: int = 500, headers: dict[str, str] | None = None) -> None:
        self.add_response(path, Response(status, b"error", "text/plain", headers or {}))

    def add_slow(self, path: str, delay: float) -> None:
        self.add_response(path, Response(200, b"<rss version='2.0'><channel></channel></rss>", delay=delay))

    def add_oversized(self, path: str, size: int) -> None:
        filler = b"<!-- " + b"x" * (size + 1024) + b" -->"
        body = b'<?xml version="1.0"?><rss version="2.0"><channel>' + filler + b"</channel></rss>"
        self.add_response(path, Response(200, body, "application/rss+xml"))

    def add_redirect(self, path: str, location: str) -> None:
        self.add_response(path, Response(302, b"", headers={"Location": location}))

    def requests_for(self, path: str) -> list[SeenRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    # -- serving -----------------------------------------------------------------------

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        headers = {k.lower(): v for k, v in handler.headers.items()}
        feed = self.feeds.get(path)
        if feed is not None:
            response = self._feed_response(feed, headers)
        else:
            response = self.responses.get(path) or Response(404, b"not found")
        if self.record_requests:
            with self._lock:
                port = int(handler.client_address[1])
                self.requests.append(SeenRequest(path, headers, response.status, port))
        delay = self.latency + response.delay
        if delay:
            with self._lock:
                self.in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self.in_flight)
            try:
                time.sleep(delay)
            finally:
                with self._lock:
                    self.in_flight -= 1
        body = response.body
        extra = dict(response.headers)
        if body and self.gzip_responses and "gzip" in headers.get("accept-encoding", ""):
            body = gzip.compress(body)
            extra["Content-Encoding"] = "gzip"
        try:
            handler.send_response(response.status)
            handler.send_header("Content-Type", response.content_type)
            handler.send_header("Content-Length", str(len(body)))
            for name, value in extra.items():
                handler.send_header(name, value)
            handler.end_headers()
            if body:
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True

    def _feed_response(self, feed: Feed, headers: dict[str, str]) -> Response:
        body, etag, modified = feed.rendered()
        content_type = "application/rss+xml" if feed.kind == "rss" else "application/atom+xml"
        if not feed.validators:
            return Response(200, body, content_type)
        validators = {"ETag": etag, "Last-Modified": modified}
        if "if-none-match" in headers:
            if headers["if-none-match"] == etag:
                return Response(304, b"", content_type, validators)
        elif "if-modified-since" in headers:
            try:
                since = parsedate_to_datetime(headers["if-modified-since"])
            except (TypeError, ValueError):
                since = None
            if since is not None and since >= parsedate_to_datetime(modified):
                return Response(304, b"", content_type, validators)
        return Response(200, body, content_type, validators)


@contextmanager
def serving(*, latency: float = 0.0, gzip_responses: bool = False) -> Iterator[FeedServer]:
    server = FeedServer(latency=latency, gzip_responses=gzip_responses)
    try:
        yield server
    finally:
        server.close()


def press_release(company: str, number: int, *, margin: float = 41.5, extra: str = "") -> Entry:
    """A fictional release with numbers in it, distinct per (company, number)."""
    body = (
        f"<p>{company} reported results for quarter {number}.</p>"
        f"<p>Gross margin was {margin}% and the company expects revenue of "
        f"${100 + number} million to ${110 + number} million next quarter.</p>"
        f"<p>{extra}</p>"
    )
    return Entry(
        title=f"{company} announces update number {number}",
        body=body,
        link=f"https://news.example.com/{company.lower().replace(' ', '-')}/{number}",
        guid=f"{company.lower().replace(' ', '-')}-{number}",
        published=datetime(2024, 5, 1, 12, 0, tzinfo=UTC) + timedelta(hours=number),
    )
