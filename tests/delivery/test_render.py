"""The pure renderers: Block Kit, email and escaping, on hand-built alerts and Hypothesis text."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from tests.slackserver import block_kit_problem
from watcher.delivery.console import ConsoleSender
from watcher.delivery.model import AlertView, MatchView
from watcher.delivery.render_email import render_email, subject
from watcher.delivery.render_slack import render_slack
from watcher.delivery.text import cut_escaped, safe_http_url

_ENTITY_OR_PLAIN = re.compile(r"&(?!amp;|lt;|gt;)")


def _alert(
    title: str = "Results", evidence: str = "Margin was 36%.", summary: str = "margin cut"
) -> AlertView:
    return AlertView(
        id=7,
        ticker="CBRS",
        title=title,
        url="https://ir.example.com/q1",
        source="ir.example.com",
        published=datetime(2026, 11, 2, 14, 0, tzinfo=UTC),
        severity="critical",
        score=90.0,
        company_id=1,
        matches=(MatchView("margin-rule", "critical", summary, evidence),),
    )


def _mrkdwn_texts(blocks: list[dict[str, object]]) -> list[str]:
    texts: list[str] = []
    for block in blocks:
        text = block.get("text")
        if isinstance(text, dict) and text.get("type") == "mrkdwn":
            texts.append(str(text["text"]))
        for element in block.get("elements") or []:  # type: ignore[attr-defined]
            texts.append(str(element["text"]))
    return texts


_PIECES = st.sampled_from([*"<>&|!@#*_~`:/ \r\n\tabcXYZ0129é–", "<!channel>", "<@U1>", "&amp;", "word "])
hostile_text = st.lists(_PIECES, max_size=1500).map("".join)


@settings(max_examples=150, deadline=None)
@given(title=hostile_text, evidence=hostile_text, summary=hostile_text)
def test_feed_text_never_becomes_slack_markup(title: str, evidence: str, summary: str) -> None:
    message = render_slack(_alert(title, evidence, summary))
    assert block_kit_problem(message.blocks) is None
    title_block, *rest = _mrkdwn_texts(message.blocks[1:])
    # The title block holds exactly one control sequence: our own link.
    assert title_block.count("<") == 1
    assert title_block.startswith("*<https://ir.example.com/q1|")
    for text in [*rest, message.text]:
        assert "<" not in text
        assert ">" not in text.replace("\n> ", "\n")  # the quote marker we add
        assert _ENTITY_OR_PLAIN.search(text) is None


@settings(max_examples=200, deadline=None)
@given(text=hostile_text, limit=st.integers(min_value=1, max_value=500))
def test_cut_escaped_fits_and_never_splits_an_entity(text: str, limit: int) -> None:
    cut = cut_escaped(text, limit)
    assert len(cut) <= limit
    assert _ENTITY_OR_PLAIN.search(cut) is None
    assert "<" not in cut
    if len(text) <= limit and "&" not in text and "<" not in text and ">" not in text:
        assert cut == text


@given(st.text(max_size=300))
def test_safe_url_is_http_and_cannot_end_a_link_early(url: str) -> None:
    safe = safe_http_url("https://example.com/" + url)
    assert safe is not None
    assert not any(ch in safe for ch in "|<> \r\n\t")
    assert safe_http_url("javascript:alert(1)//" + url) is None


def test_links_only_for_http_urls() -> None:
    assert safe_http_url("http://a.example/x") == "http://a.example/x"
    for bad in ("ftp://a.example/", "mailto:x@y", "/relative", "https:///nohost", "", None):
        assert safe_http_url(bad) is None


def test_subject_uses_the_top_rule_summary() -> None:
    alert = _alert(summary="gross margin guidance cut to 36–38%")
    assert subject(alert) == "[CBRS] critical: gross margin guidance cut to 36–38%"


def test_email_html_escapes_everything_and_plain_text_matches() -> None:
    alert = _alert(title='<img src=x onerror="x">', evidence="a < b & c")
    message = render_email(
        alert,
        sender="w@example.com",
        recipients=["pm@example.com"],
        message_id="<m@example.com>",
        date=datetime(2026, 11, 2, tzinfo=UTC),
    )
    html_part = message.get_body(("html",))
    plain_part = message.get_body(("plain",))
    assert html_part is not None
    assert plain_part is not None
    html = html_part.get_content()
    assert "<img" not in html
    assert "&lt;img src=x onerror=&quot;x&quot;&gt;" in html
    assert "a &lt; b &amp; c" in html
    assert "a < b & c" in plain_part.get_content()


def test_console_prints_rich_markup_as_typed() -> None:
    buffer = io.StringIO()
    sender = ConsoleSender(Console(file=buffer, width=200))
    sender.send(_alert(title="[bold red]fake[/] :warning:"), channel="console", key="k", thread=None)
    output = buffer.getvalue()
    assert "[bold red]fake[/] :warning:" in output
    assert "margin cut" in output
