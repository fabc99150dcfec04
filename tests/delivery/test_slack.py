"""Slack delivery through the real slack-sdk WebClient against the test server on 127.0.0.1."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.engine import Engine

from tests.delivery.conftest import (
    MATCH,
    NOW,
    FakeClock,
    add_alert,
    build_app,
    delivery,
    slack_settings,
)
from tests.slackserver import Reply, SlackServer
from watcher.delivery import deliver_pending


def _texts(payload: dict[str, Any]) -> list[str]:
    """Every string Slack would render from a chat.postMessage payload."""
    found = [str(payload.get("text", ""))]
    for block in payload.get("blocks") or []:
        text = block.get("text")
        if isinstance(text, dict):
            found.append(text["text"])
        found.extend(e["text"] for e in block.get("elements") or [] if "text" in e)
    return found


def test_delivered_alert_has_blocks_text_and_recorded_ts(engine: Engine, slack: SlackServer) -> None:
    clock = FakeClock()
    app = build_app(engine, clock, **slack_settings(slack))
    alert_id = add_alert(engine, channels=["slack:#alerts"])

    summary = deliver_pending(app)

    assert (summary.delivered, summary.retrying, summary.failed) == (1, 0, 0)
    [call] = slack.calls("chat.postMessage")
    payload = call.payload
    assert payload["channel"] == "#alerts"
    assert payload["unfurl_links"] is False
    assert "CBRS" in payload["text"]
    assert "critical" in payload["text"]
    assert "Q2 core gross margin guidance 36–38% vs 47% last quarter" in payload["text"]
    header, title, rule, context = payload["blocks"]
    assert header["type"] == "header"
    assert "CBRS" in header["text"]["text"]
    assert "CRITICAL" in header["text"]["text"]
    assert (
        title["text"]["text"] == "*<https://ir.example.com/news/q1|Cerebras reports first quarter results>*"
    )
    assert MATCH["summary"] in rule["text"]["text"]
    assert "> We expect core gross margin of 36% to 38% for the second quarter." in rule["text"]["text"]
    context_text = " ".join(e["text"] for e in context["elements"])
    assert "ir.example.com" in context_text
    assert "Score: 87.5" in context_text
    assert "2026-11-02 14:25 UTC" in context_text
    assert payload["metadata"]["event_payload"]["idempotency_key"] == f"alert-{alert_id}-slack:#alerts"

    row = delivery(engine, alert_id)
    [posted] = slack.messages()
    assert row.status == "delivered"
    assert row.provider_message_id == posted["ts"]
    assert row.attempts == 1
    assert row.delivered_at == NOW
    assert row.thread_ts is None

    # A recorded success is final: later runs send nothing.
    clock.advance(timedelta(days=2))
    assert deliver_pending(app).delivered == 0
    assert len(slack.calls("chat.postMessage")) == 1


def test_429_with_retry_after_then_success(engine: Engine, slack: SlackServer) -> None:
    app = build_app(engine, FakeClock(), **slack_settings(slack))
    alert_id = add_alert(engine, channels=["slack:#alerts"])
    slack.script("chat.postMessage", Reply.ratelimited(retry_after=0), Reply.ratelimited(retry_after=0))

    assert deliver_pending(app).delivered == 1

    assert len(slack.calls("chat.postMessage")) == 3
    assert len(slack.messages()) == 1
    row = delivery(engine, alert_id)
    assert (row.status, row.attempts) == ("delivered", 1)


def test_500s_then_success_within_one_attempt(engine: Engine, slack: SlackServer) -> None:
    app = build_app(engine, FakeClock(), **slack_settings(slack))
    alert_id = add_alert(engine, channels=["slack:#alerts"])
    slack.script("chat.postMessage", Reply.server_error(500), Reply.server_error(503))

    assert deliver_pending(app).delivered == 1
    assert len(slack.messages()) == 1
    assert delivery(engine, alert_id).status == "delivered"


def test_500s_beyond_client_retries_back_off_then_deliver(engine: Engine, slack: SlackServer) -> None:
    clock = FakeClock()
    app = build_app(engine, clock, **slack_settings(slack))
    alert_id = add_alert(engine, channels=["slack:#alerts"])
    slack.script("chat.postMessage", *[Reply.server_error()] * 3)

    first = deliver_pending(app)

    assert (first.delivered, first.retrying) == (0, 1)
    row = delivery(engine, alert_id)
    assert row.status == "pending"
    assert row.attempts == 1
    assert row.last_error
    assert "internal_error" in row.last_error
    assert row.next_attempt_at is not None
    assert NOW < row.next_attempt_at <= NOW + timedelta(seconds=30)
    # Not due yet: nothing is sent.
    assert deliver_pending(app).delivered == 0
    assert len(slack.calls("chat.postMessage")) == 3

    clock.advance(timedelta(seconds=31))
    assert deliver_pending(app).delivered == 1
    row = delivery(engine, alert_id)
    assert (row.status, row.attempts, row.last_error) == ("delivered", 2, None)
    assert len(slack.messages()) == 1


def test_permanent_failure_after_retry_limit(engine: Engine, slack: SlackServer) -> None:
    clock = FakeClock()
    app = build_app(engine, clock, **slack_settings(slack, delivery_max_attempts=3))
    alert_id = add_alert(engine, channels=["slack:#alerts"])
    slack.script("chat.postMessage", *[Reply.server_error()] * 30)

    outcomes = []
    for _ in range(5):
        summary = deliver_pending(app)
        outcomes.append((summary.retrying, summary.failed))
        clock.advance(timedelta(hours=1))

    assert outcomes == [(1, 0), (1, 0), (0, 1), (0, 0), (0, 0)]
    row = delivery(engine, alert_id)
    assert (row.status, row.attempts) == ("failed", 3)
    assert row.last_error
    assert "internal_error" in row.last_error
    assert len(slack.calls("chat.postMessage")) == 9  # 3 attempts x (1 + 2 client retries)
    assert slack.messages() == []


def test_invalid_auth_is_a_configuration_error_naming_the_setting(engine: Engine, slack: SlackServer) -> None:
    app = build_app(engine, FakeClock(), **slack_settings(slack, slack_bot_token="xoxb-wrong"))
    alert_id = add_alert(engine, channels=["slack:#alerts"])

    summary = deliver_pending(app)

    assert summary.delivered == 0
    [error] = summary.errors
    assert "invalid_auth" in error
    assert "WATCHER_SLACK_BOT_TOKEN" in error
    assert "\n" not in error
    row = delivery(engine, alert_id)
    assert row.last_error == error
    assert row.status == "pending"  # kept: a fixed token and a restart deliver it


def test_unknown_channel_names_the_channel_setting(engine: Engine, slack: SlackServer) -> None:
    slack.add_channel("private", "C0PRIVATE", member=False)
    app = build_app(engine, FakeClock(), **slack_settings(slack))
    missing = add_alert(engine, channels=["slack:#nope"])
    not_member = add_alert(engine, channels=["slack:#private"], ticker="OTHR")

    summary = deliver_pending(app)

    assert summary.delivered == 0
    errors = {delivery(engine, missing).last_error, delivery(engine, not_member).last_error}
    assert all(e and "WATCHER_SLACK_CHANNEL" in e and "notify" in e for e in errors)
    assert any(e and "channel_not_found" in e and "#nope" in e for e in errors)
    assert any(e and "not_in_channel" in e for e in errors)


def test_follow_up_for_same_company_goes_into_the_thread(engine: Engine, slack: SlackServer) -> None:
    clock = FakeClock()
    app = build_app(engine, clock, **slack_settings(slack))
    first = add_alert(engine, channels=["slack:#alerts"], title="First story")
    deliver_pending(app)
    clock.advance(timedelta(hours=3))
    follow_up = add_alert(engine, channels=["slack:#alerts"], title="Follow-up story")
    other_company = add_alert(engine, channels=["slack:#alerts"], ticker="NVDA", title="Other company")
    deliver_pending(app)

    parent_ts = delivery(engine, first).provider_message_id
    assert parent_ts
    follow = delivery(engine, follow_up)
    assert follow.thread_ts == parent_ts
    assert delivery(engine, other_company).thread_ts is None
    posts = slack.calls("chat.postMessage")
    assert [p.payload.get("thread_ts") for p in posts] == [None, parent_ts, None]
    threaded = [m for m in slack.messages() if m.get("thread_ts") == parent_ts]
    assert [m["ts"] for m in threaded] == [follow.provider_message_id]

    # After the window a new story starts a new top-level message.
    clock.advance(timedelta(hours=22))
    late = add_alert(engine, channels=["slack:#alerts"], title="A day later")
    deliver_pending(app)
    assert delivery(engine, late).thread_ts is None


def test_alerts_arrive_in_order_and_wait_for_an_earlier_retry(engine: Engine, slack: SlackServer) -> None:
    clock = FakeClock()
    app = build_app(engine, clock, **slack_settings(slack))
    ids = [
        add_alert(engine, channels=["slack:#alerts"], title=f"story {n}", ticker=f"T{n}") for n in range(4)
    ]
    slack.script("chat.postMessage", *[Reply.server_error()] * 3)

    summary = deliver_pending(app)

    # The first alert is backing off; the later ones on the same channel wait behind it.
    assert (summary.delivered, summary.retrying) == (0, 1)
    assert slack.messages() == []
    clock.advance(timedelta(minutes=5))
    assert deliver_pending(app).delivered == 4
    titles = [m["blocks"][1]["text"]["text"] for m in slack.messages()]
    assert [t.split("|")[1].rstrip(">*") for t in titles] == [f"story {n}" for n in range(4)]
    assert all(delivery(engine, i).status == "delivered" for i in ids)


def test_feed_text_cannot_ping_or_disguise_links(engine: Engine, slack: SlackServer) -> None:
    app = build_app(engine, FakeClock(), **slack_settings(slack))
    hostile = dict(MATCH, summary="margin <!here> cut <@U0ADMIN>")
    hostile["fact"] = dict(MATCH["fact"], evidence="Read <https://evil.example|the filing> & <!subteam^S1>")  # type: ignore[arg-type]
    add_alert(
        engine,
        channels=["slack:#alerts"],
        title="<!channel> urgent <https://evil.example|click> *now*",
        url="https://ir.example.com/a|b>c <d",
        matches=[hostile],
    )

    assert deliver_pending(app).delivered == 1

    [call] = slack.calls("chat.postMessage")
    texts = _texts(call.payload)
    joined = "\n".join(texts)
    for control in ("<!channel>", "<!here>", "<@U0ADMIN>", "<https://evil", "<!subteam"):
        assert control not in joined
    assert "&lt;!channel&gt;" in joined
    assert "&lt;!here&gt;" in joined
    assert "&amp;" in joined
    # The only link is the feed's http(s) URL, re-encoded so it cannot end early.
    title = call.payload["blocks"][1]["text"]["text"]
    assert title.startswith("*<https://ir.example.com/a%7Cb%3Ec%20%3Cd|")
    assert title.count("<") == 1


def test_non_http_url_is_not_linked(engine: Engine, slack: SlackServer) -> None:
    app = build_app(engine, FakeClock(), **slack_settings(slack))
    add_alert(engine, channels=["slack:#alerts"], url="javascript:alert(1)", title="Plain title")
    deliver_pending(app)
    [call] = slack.calls("chat.postMessage")
    assert call.payload["blocks"][1]["text"]["text"] == "*Plain title*"
    assert "javascript" not in "\n".join(_texts(call.payload))


def test_huge_evidence_and_many_rules_fit_block_kit_limits(engine: Engine, slack: SlackServer) -> None:
    app = build_app(engine, FakeClock(), **slack_settings(slack))
    long_evidence = "Gross margin & revenue <fell> sharply. " * 600
    many = [
        dict(MATCH, rule=f"rule-{n}", fact=dict(MATCH["fact"], evidence=long_evidence))  # type: ignore[arg-type]
        for n in range(80)
    ]
    alert_id = add_alert(engine, channels=["slack:#alerts"], ticker="CBRS", title="T" * 5000, matches=many)

    assert deliver_pending(app).delivered == 1

    [call] = slack.calls("chat.postMessage")
    blocks = call.payload["blocks"]
    assert len(blocks) == 50
    assert "and 34 more rules" in blocks[-2]["text"]["text"]
    for block in blocks[2:-2]:
        text = block["text"]["text"]
        assert len(text) <= 3000
        assert text.endswith("…")
        assert "&amp;" in text
        assert not text.rstrip("…").endswith("&")
    assert delivery(engine, alert_id).status == "delivered"


def test_webhook_delivery(engine: Engine, slack: SlackServer) -> None:
    app = build_app(engine, FakeClock(), slack_webhook_url=slack.webhook_url)
    alert_id = add_alert(engine, channels=["slack:webhook"])

    assert deliver_pending(app).delivered == 1

    [payload] = slack.webhook_messages
    assert payload["blocks"][0]["block_id"] == f"alert-{alert_id}-slack:webhook"
    assert "CBRS" in payload["text"]
    row = delivery(engine, alert_id)
    assert (row.status, row.provider_message_id) == ("delivered", None)


def test_webhook_rejection_names_the_setting(engine: Engine, slack: SlackServer) -> None:
    app = build_app(engine, FakeClock(), slack_webhook_url=slack.webhook_url)
    alert_id = add_alert(engine, channels=["slack:webhook"])
    slack.script("webhook", Reply(403, "invalid_token"))

    summary = deliver_pending(app)

    assert summary.delivered == 0
    assert "WATCHER_SLACK_WEBHOOK_URL" in (delivery(engine, alert_id).last_error or "")
