"""Slack Block Kit for one alert: a pure function of the alert, no I/O.

Layout: a header (ticker and severity), the disclosure title linked to its
source, one section per fired rule (the fact summary and its evidence quoted),
and a context line (source, published time, score). `text` is the plain
fallback Slack shows in notifications and on clients without blocks.

Everything from the feed is escaped (see `watcher.delivery.text`), and every
piece is cut to Block Kit's limits so Slack never rejects a message because a
feed sent a 20,000-character sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from watcher.delivery.model import AlertView, MatchView
from watcher.delivery.text import cut, cut_escaped, escape_mrkdwn, one_line, safe_http_url

HEADER_LIMIT = 150
SECTION_LIMIT = 3000
CONTEXT_LIMIT = 300
BLOCK_LIMIT = 50
TEXT_LIMIT = 3000
BLOCK_ID_LIMIT = 255
#: header + title + context, and one block kept for "... and N more".
_FIXED_BLOCKS = 4

_SEVERITY_EMOJI = {"critical": ":rotating_light:", "warning": ":warning:", "info": ":information_source:"}


@dataclass(frozen=True)
class SlackMessage:
    text: str
    blocks: list[dict[str, Any]]


def headline(alert: AlertView) -> str:
    """One line for subjects and notifications: the top rule's summary, else the title."""
    ranked = sorted(alert.matches, key=lambda m: _RANK.get(m.severity, 0), reverse=True)
    for match in ranked:
        if match.summary.strip():
            return one_line(match.summary)
    return one_line(alert.title) or "alert"


_RANK = {"info": 1, "warning": 2, "critical": 3}


def render_slack(alert: AlertView, *, key: str | None = None) -> SlackMessage:
    """Blocks and fallback text for `alert`; `key` (the idempotency key) becomes the
    header's block_id so even a webhook duplicate can be recognised."""
    blocks: list[dict[str, Any]] = [_header(alert, key), _title_section(alert)]
    room = BLOCK_LIMIT - _FIXED_BLOCKS
    shown = alert.matches[:room]
    blocks.extend(_match_section(match) for match in shown)
    hidden = len(alert.matches) - len(shown)
    if hidden > 0:
        blocks.append(_mrkdwn_section(f"_… and {hidden} more rule{'s' if hidden != 1 else ''}_"))
    blocks.append(_context(alert))
    return SlackMessage(text=fallback_text(alert), blocks=blocks)


def fallback_text(alert: AlertView) -> str:
    """Notification text: parsed as mrkdwn by Slack, so escaped like the blocks."""
    ticker = one_line(alert.ticker or "watcher")
    plain = f"[{ticker}] {alert.severity}: {headline(alert)} — {one_line(alert.title)}"
    return cut_escaped(plain, TEXT_LIMIT)


def _header(alert: AlertView, key: str | None) -> dict[str, Any]:
    emoji = _SEVERITY_EMOJI.get(alert.severity, ":bell:")
    label = f"{one_line(alert.ticker or 'watcher')} · {alert.severity.upper()}"
    # plain_text is never parsed for mentions or links, so it is cut, not escaped.
    block: dict[str, Any] = {
        "type": "header",
        "text": {"type": "plain_text", "text": cut(f"{emoji} {label}", HEADER_LIMIT), "emoji": True},
    }
    if key:
        block["block_id"] = key[:BLOCK_ID_LIMIT]
    return block


def _title_section(alert: AlertView) -> dict[str, Any]:
    title = one_line(alert.title) or "(untitled)"
    url = safe_http_url(alert.url)
    if url is None or len(url) > SECTION_LIMIT // 2:
        return _mrkdwn_section("*" + cut_escaped(title, SECTION_LIMIT - 2) + "*")
    label = cut_escaped(title, SECTION_LIMIT - len(url) - 6)
    return _mrkdwn_section(f"*<{url}|{label}>*")


def _match_section(match: MatchView) -> dict[str, Any]:
    summary = one_line(match.summary) or one_line(match.rule)
    tag = f"  _{escape_mrkdwn(cut(one_line(match.rule), 100))} · {escape_mrkdwn(match.severity)}_"
    head = "*" + cut_escaped(summary, 600) + "*" + tag
    evidence = one_line(match.evidence)
    if not evidence:
        return _mrkdwn_section(head)
    quoted = "> " + cut_escaped(evidence, SECTION_LIMIT - len(head) - 3)
    return _mrkdwn_section(f"{head}\n{quoted}")


def _context(alert: AlertView) -> dict[str, Any]:
    parts = [f"Source: {one_line(alert.source)}" if alert.source else "Source: unknown"]
    if alert.published is not None:
        parts.append(f"Published: {alert.published.strftime('%Y-%m-%d %H:%M UTC')}")
    parts.append(f"Score: {alert.score:.1f}")
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": cut_escaped(part, CONTEXT_LIMIT)} for part in parts],
    }


def _mrkdwn_section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}
