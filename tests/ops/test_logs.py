"""Logs are one line per event, JSON when asked, and never carry a secret."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from watcher.logs import configure_logging
from watcher.settings import load_settings

TOKEN = "xoxb-1234-5678-abcdefSECRET"
PASSWORD = "hunter2-smtp-password"


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _emit(fmt: str) -> str:
    settings = load_settings(log_format=fmt, slack_bot_token=TOKEN, smtp_password=PASSWORD)
    stream = io.StringIO()
    configure_logging(settings, stream=stream)
    log = logging.getLogger("watcher.test")
    log.info("posting with token %s", TOKEN, extra={"feed_id": 7})
    log.warning("smtp login failed for %s", PASSWORD)
    log.info("webhook https://hooks.slack.com/services/T000/B000/XXXX rejected")
    log.info("db postgresql://app:s3cret@db/watcher down")
    try:
        raise RuntimeError(f"boom {TOKEN}")
    except RuntimeError:
        log.exception("failed")
    return stream.getvalue()


@pytest.mark.usefixtures("restore_logging")
def test_json_lines_parse_and_hide_secrets() -> None:
    output = _emit("json")
    records = [json.loads(line) for line in output.splitlines()]
    assert [r["level"] for r in records] == ["info", "warning", "info", "info", "error"]
    assert records[0]["feed_id"] == 7
    assert records[0]["logger"] == "watcher.test"
    assert "exception" in records[4]
    assert "RuntimeError" in records[4]["exception"]
    for secret in (TOKEN, PASSWORD, "XXXX", "s3cret"):
        assert secret not in output


@pytest.mark.usefixtures("restore_logging")
def test_text_format_is_one_readable_line_per_event() -> None:
    output = _emit("text")
    first = output.splitlines()[0]
    assert "INFO" in first
    assert "watcher.test: posting with token ***" in first
    assert "feed_id=7" in first
    for secret in (TOKEN, PASSWORD, "XXXX", "s3cret"):
        assert secret not in output
