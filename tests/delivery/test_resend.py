"""`watcher alerts resend ID`: queues a delivered or failed alert again and sends it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from tests.delivery.conftest import FakeClock, add_alert, build_app, delivery, slack_settings
from tests.slackserver import Reply, SlackServer
from watcher.cli.main import app as cli
from watcher.delivery import deliver_pending


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Engine:
    from state.db import open_database

    return open_database(sqlite_url)


def test_resend_failed_alert_delivers_it(
    sqlite_url: str, sqlite_engine: Engine, slack: SlackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = slack_settings(slack, delivery_max_attempts=1)
    alert_id = add_alert(sqlite_engine, channels=["slack:#alerts"])
    slack.script("chat.postMessage", *[Reply.error("invalid_blocks")])
    assert deliver_pending(build_app(sqlite_engine, FakeClock(), **settings)).failed == 1
    assert delivery(sqlite_engine, alert_id).status == "failed"

    monkeypatch.setenv("WATCHER_DATABASE_URL", sqlite_url)
    for key, value in settings.items():
        monkeypatch.setenv(f"WATCHER_{key.upper()}", str(value))
    result = CliRunner().invoke(cli, ["alerts", "resend", str(alert_id)])

    assert result.exit_code == 0, result.output
    assert "queued alert" in result.output
    assert "delivered 1" in result.output
    row = delivery(sqlite_engine, alert_id)
    assert (row.status, row.attempts, row.last_error) == ("delivered", 1, None)
    assert len(slack.messages()) == 1


def test_resend_unknown_alert_is_one_line_error(sqlite_url: str, sqlite_engine: Engine) -> None:
    env = {"WATCHER_DATABASE_URL": sqlite_url, "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "watcher", "alerts", "resend", "999"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "error: no alert with id 999"


def test_resend_of_a_queued_alert_is_refused(sqlite_engine: Engine) -> None:
    from watcher.delivery.outbox import resend
    from watcher.errors import UserError

    alert_id = add_alert(sqlite_engine, channels=["console"])
    app = build_app(sqlite_engine, FakeClock())
    with pytest.raises(UserError, match="already queued"):
        resend(app, alert_id)
    with pytest.raises(UserError, match="no delivery to email:x@y"):
        resend(app, alert_id, channels=["email:x@y"])
