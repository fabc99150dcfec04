"""Making untrusted feed text safe to show: pure helpers shared by the renderers.

Titles, evidence and links come from feeds written by strangers. In Slack's
mrkdwn, ``<`` starts a control sequence (``<!channel>``, ``<@U123>``,
``<https://evil|click>``), so ``&``, ``<`` and ``>`` are always escaped, and a
link is only made from an http(s) URL we re-encode ourselves.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

ELLIPSIS = "…"
_WHITESPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Collapse every run of whitespace (CR/LF included) into one space."""
    return _WHITESPACE.sub(" ", text).strip()


def escape_mrkdwn(text: str) -> str:
    """The three characters Slack asks apps to escape; the rest stays as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_http_url(url: str | None) -> str | None:
    """The URL re-encoded for use inside ``<url|label>``, or None when it is not
    a plain http(s) URL with a host (javascript:, mailto:, relative paths...)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    # Percent-encode anything that could end the link or start a label: | < > space and controls.
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def cut(text: str, limit: int) -> str:
    """`text` shortened to at most `limit` characters, at a word boundary when
    one is near, with an ellipsis: long evidence is cut, never rejected."""
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space >= limit * 0.8:
        head = head[:space]
    return head.rstrip() + ELLIPSIS


def cut_escaped(text: str, limit: int) -> str:
    """Escape for mrkdwn and fit in `limit` characters *after* escaping, never
    splitting an entity such as ``&amp;``."""
    budget = limit
    while True:
        escaped = escape_mrkdwn(cut(text, budget))
        if len(escaped) <= limit:
            return escaped
        budget -= len(escaped) - limit
