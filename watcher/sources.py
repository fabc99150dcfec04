"""SOURCE arguments (a file path, an http(s) URL, or `-`) read into a `Document`.

Shared by `watcher extract`, `watcher ingest` and `watcher rules test`, so all
three accept the same inputs and fail with the same clear messages.
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx

from rules.documents import Document
from watcher.errors import UserError
from watcher.settings import Settings


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise UserError(f"{name} looks like a binary file, not text or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _fetch(url: str, settings: Settings) -> tuple[bytes, str]:
    timeout = httpx.Timeout(
        settings.fetch_timeout.total_seconds(), connect=settings.connect_timeout.total_seconds()
    )
    try:
        with (
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=5,
                headers={"User-Agent": settings.user_agent},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise UserError(f"{url}: HTTP {response.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_response_bytes:
                    raise UserError(f"{url}: response larger than {settings.max_response_bytes} bytes")
                chunks.append(chunk)
            return b"".join(chunks), response.headers.get("content-type", "")
    except httpx.HTTPError as exc:
        raise UserError(f"cannot fetch {url}: {exc or type(exc).__name__}") from None


def read_source(source: str, settings: Settings, *, title: str | None = None) -> Document:
    """Read SOURCE and return its readable text as a Document (HTML converted)."""
    content_type = ""
    url: str | None = None
    if source == "-":
        data = sys.stdin.buffer.read()
        name = "standard input"
    elif source.startswith(("http://", "https://")):
        data, content_type = _fetch(source, settings)
        name, url = source, source
    else:
        path = Path(source)
        if not path.exists():
            raise UserError(f"no such file: {source}")
        if path.is_dir():
            raise UserError(f"{source} is a directory, not a document")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(f"cannot read {source}: {exc.strerror}") from None
        name = source
    raw = _decode(data, name)
    # trafilatura and lxml take a large share of start-up; every other command
    # (`poll` above all) would pay for them just because this module is loaded.
    from watcher.htmltext import html_to_text, looks_like_feed, looks_like_html

    # A saved feed item ("xml" content or a file) goes through the feed reader inside `html_to_text`.
    is_html = "html" in content_type or looks_like_feed(raw) or (not content_type and looks_like_html(raw))
    text = html_to_text(raw) if is_html else raw
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return Document(title=title or first_line[:300] or name, text=text, url=url)
