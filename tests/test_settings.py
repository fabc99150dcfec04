"""Settings: spec names, durations, one-line errors, secrets never shown."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watcher.durations import format_duration, parse_duration
from watcher.errors import UserError
from watcher.settings import load_settings


def test_reads_spec_names_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHER_POLL_INTERVAL", "90s")
    monkeypatch.setenv("WATCHER_SLACK_BOT_TOKEN", "xoxb-secret-value")
    monkeypatch.setenv("WATCHER_EMAIL_TO", "a@example.com, b@example.com")
    monkeypatch.setenv("WATCHER_HTTP_PORT", "0")
    settings = load_settings()
    assert settings.poll_interval == timedelta(seconds=90)
    assert settings.email_recipients() == ["a@example.com", "b@example.com"]
    assert settings.http_port == 0
    assert settings.slack_bot_token is not None
    assert "xoxb-secret-value" not in repr(settings)
    assert "xoxb-secret-value" not in str(settings.model_dump())


def test_reads_dotenv_file(tmp_path_factory: pytest.TempPathFactory) -> None:
    # the autouse fixture chdirs into tmp_path, where .env is looked for
    from pathlib import Path

    Path(".env").write_text("WATCHER_POLL_INTERVAL=1h\n")
    assert load_settings().poll_interval == timedelta(hours=1)


@pytest.mark.parametrize(
    ("name", "value"),
    [("WATCHER_POLL_INTERVAL", "soon"), ("WATCHER_HTTP_PORT", "99999"), ("WATCHER_LOG_FORMAT", "xml")],
)
def test_invalid_setting_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(UserError) as info:
        load_settings()
    message = str(info.value)
    assert name in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("10m", 600), ("1h", 3600), ("1h30m", 5400), ("45", 45), ("250ms", 0.25)],
)
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text).total_seconds() == seconds


@pytest.mark.parametrize("text", ["", "m", "10 minutes", "-5s", "1x"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


@given(st.integers(min_value=0, max_value=10**7))
def test_duration_round_trip(seconds: int) -> None:
    value = timedelta(seconds=seconds)
    assert parse_duration(format_duration(value)) == value


@given(st.text(max_size=30))
def test_parse_duration_never_crashes_unexpectedly(text: str) -> None:
    with contextlib.suppress(ValueError):
        parse_duration(text)
