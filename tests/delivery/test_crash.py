"""Kill a real delivering process between send and record; the next run neither loses nor duplicates.

Slack (bot token): the next run finds the message by the idempotency key in its
metadata and records it without posting again. Webhook and email cannot look
back, so they send again, and the copy carries the same key (block_id /
Message-ID), as docs/delivery.md explains.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine

from tests.delivery.conftest import (
    FakeClock,
    SmtpServer,
    add_alert,
    build_app,
    delivery,
    slack_settings,
)
from tests.slackserver import SlackServer
from watcher.delivery import deliver_pending

ROOT = Path(__file__).resolve().parents[2]


def _crash_after_send(database_url: str, settings: dict[str, str]) -> None:
    """Run the worker until it has sent one message, then SIGKILL it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WATCHER_")}
    env.update({f"WATCHER_{k.upper()}": v for k, v in settings.items()})
    env["WATCHER_DATABASE_URL"] = database_url
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.delivery.crash_worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("SENT "), (line, proc.stderr.read() if proc.stderr else "")
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def _after_lease() -> FakeClock:
    return FakeClock(datetime.now(UTC) + timedelta(minutes=5))


def test_slack_crash_between_send_and_record_is_recovered_without_resend(
    database_url: str, engine: Engine, slack: SlackServer
) -> None:
    settings = slack_settings(slack)
    alert_id = add_alert(engine, channels=["slack:#alerts"])

    _crash_after_send(database_url, settings)

    row = delivery(engine, alert_id)
    assert (row.status, row.attempts) == ("sending", 1)
    assert row.provider_message_id is None
    [sent] = slack.messages()

    # Within the lease nobody touches it; after it, the row is recovered from Slack.
    assert deliver_pending(build_app(engine, FakeClock(datetime.now(UTC)), **settings)).delivered == 0
    summary = deliver_pending(build_app(engine, _after_lease(), **settings))

    assert summary.delivered == 1
    row = delivery(engine, alert_id)
    assert row.status == "delivered"
    assert row.provider_message_id == sent["ts"]
    assert len(slack.calls("chat.postMessage")) == 1
    assert len(slack.calls("conversations.history")) == 1
    assert len(slack.messages()) == 1


def test_slack_crash_in_a_thread_is_recovered_from_the_replies(
    database_url: str, engine: Engine, slack: SlackServer
) -> None:
    settings = slack_settings(slack)
    first = add_alert(engine, channels=["slack:#alerts"], title="first")
    deliver_pending(build_app(engine, FakeClock(datetime.now(UTC)), **settings))
    parent = delivery(engine, first).provider_message_id
    follow_up = add_alert(engine, channels=["slack:#alerts"], title="follow-up")

    _crash_after_send(database_url, settings)

    assert delivery(engine, follow_up).thread_ts == parent
    assert deliver_pending(build_app(engine, _after_lease(), **settings)).delivered == 1
    row = delivery(engine, follow_up)
    assert (row.status, row.thread_ts) == ("delivered", parent)
    assert len(slack.calls("chat.postMessage")) == 2
    assert len(slack.calls("conversations.replies")) == 1
    replies = [m for m in slack.messages() if m.get("thread_ts") == parent]
    assert [m["ts"] for m in replies] == [row.provider_message_id]


def test_webhook_crash_resends_with_the_same_key(
    database_url: str, engine: Engine, slack: SlackServer
) -> None:
    settings = {"slack_webhook_url": slack.webhook_url}
    alert_id = add_alert(engine, channels=["slack:webhook"])

    _crash_after_send(database_url, settings)
    assert deliver_pending(build_app(engine, _after_lease(), **settings)).delivered == 1

    keys = [m["blocks"][0]["block_id"] for m in slack.webhook_messages]
    assert keys == [f"alert-{alert_id}-slack:webhook"] * 2
    assert (delivery(engine, alert_id).status, delivery(engine, alert_id).attempts) == ("delivered", 2)


def test_email_crash_resends_with_the_same_message_id(
    database_url: str, engine: Engine, smtp: SmtpServer
) -> None:
    settings = {"smtp_host": smtp.host, "smtp_port": str(smtp.port), "email_from": "w@alerts.example.com"}
    alert_id = add_alert(engine, channels=["email:pm@example.com"])

    _crash_after_send(database_url, settings)
    assert deliver_pending(build_app(engine, _after_lease(), **settings)).delivered == 1

    ids = [r.message["Message-ID"] for r in smtp.received]
    assert len(ids) == 2
    assert ids[0] == ids[1]
    assert delivery(engine, alert_id).provider_message_id == ids[0]
