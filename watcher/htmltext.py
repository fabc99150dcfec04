"""HTML to readable text: the main content of a release or article page.

First version: trafilatura's main-content extraction. Issue 3 refines tables
(rows as "Label: a | b") and boilerplate removal.
"""

from __future__ import annotations

import trafilatura


def looks_like_html(data: str) -> bool:
    head = data[:2048].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or "<p>" in head or "<div" in head


def html_to_text(html: str) -> str:
    text = trafilatura.extract(html, include_tables=True, include_comments=False, favor_recall=True)
    return text or ""
