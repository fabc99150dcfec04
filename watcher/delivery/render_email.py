"""The alert as an email: multipart plain text and HTML, a pure function.

Headers are set through `email.message.EmailMessage`, whose default policy
refuses CR/LF in a header value; titles are folded to one line first, so a
feed title like ``"x\\r\\nBcc: victim@example.com"`` becomes part of the subject
and never a header. The HTML part escapes every feed-provided string and
only links http(s) URLs.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from watcher.delivery.model import AlertView
from watcher.delivery.render_slack import headline
from watcher.delivery.text import cut, one_line, safe_http_url

SUBJECT_LIMIT = 200


def subject(alert: AlertView) -> str:
    """Like ``[CBRS] critical: gross margin guidance cut to 36–38%``."""
    ticker = one_line(alert.ticker or "watcher")
    return cut(f"[{ticker}] {alert.severity}: {headline(alert)}", SUBJECT_LIMIT)


def render_text(alert: AlertView) -> str:
    """Plain-text body, also what the console sink prints."""
    lines = [f"[{one_line(alert.ticker or 'watcher')}] {alert.severity.upper()}: {one_line(alert.title)}"]
    url = safe_http_url(alert.url)
    if url:
        lines.append(url)
    lines.append("")
    for match in alert.matches:
        lines.append(f"* {one_line(match.summary) or match.rule}  ({one_line(match.rule)}, {match.severity})")
        if match.evidence.strip():
            lines.append(f'  "{one_line(match.evidence)}"')
    lines.append("")
    lines.append(_context_line(alert))
    return "\n".join(lines) + "\n"


def render_html(alert: AlertView) -> str:
    esc = html.escape
    title = esc(one_line(alert.title) or "(untitled)")
    url = safe_http_url(alert.url)
    title_html = f'<a href="{esc(url, quote=True)}">{title}</a>' if url else title
    parts = [
        "<!DOCTYPE html>",
        '<html><body style="font-family: sans-serif">',
        f"<h2>{esc(one_line(alert.ticker or 'watcher'))} &middot; {esc(alert.severity.upper())}</h2>",
        f"<p><strong>{title_html}</strong></p>",
    ]
    for match in alert.matches:
        summary = esc(one_line(match.summary) or match.rule)
        rule = esc(one_line(match.rule))
        parts.append(f"<p><strong>{summary}</strong> <em>({rule}, {esc(match.severity)})</em></p>")
        if match.evidence.strip():
            parts.append(f"<blockquote>{esc(one_line(match.evidence))}</blockquote>")
    parts.append(f'<p style="color: #666">{esc(_context_line(alert))}</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render_email(
    alert: AlertView,
    *,
    sender: str,
    recipients: Sequence[str],
    message_id: str,
    date: datetime,
    in_reply_to: str | None = None,
) -> EmailMessage:
    """The complete message; `message_id` is passed in so a retry reuses it."""
    message = EmailMessage()
    message["Subject"] = subject(alert)
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message.set_content(render_text(alert))
    message.add_alternative(render_html(alert), subtype="html")
    return message


def _context_line(alert: AlertView) -> str:
    parts = [f"Source: {one_line(alert.source) if alert.source else 'unknown'}"]
    if alert.published is not None:
        parts.append(f"Published: {alert.published.strftime('%Y-%m-%d %H:%M UTC')}")
    parts.append(f"Score: {alert.score:.1f}")
    return " · ".join(parts)
