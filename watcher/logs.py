"""Logging set-up: one line per event, readable text on a terminal or JSON for collectors.

Secrets are removed in a filter on the handler, so no call site has to remember
to be careful: every configured secret value, and anything shaped like a Slack
token or webhook URL, is replaced with ``***`` before a line is written.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

from pydantic import SecretStr

from watcher.settings import Settings

_TOKEN_PATTERNS = re.compile(
    r"xox[abprse]-[A-Za-z0-9-]+"
    r"|https://hooks\.slack\.com/[^\s\"']+"
    r"|(?<=://)[^/\s:@]+:[^/\s@]+(?=@)"  # user:password@ in URLs
)
_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


def secret_values(settings: Settings) -> list[str]:
    """The plain values of every secret setting, longest first so overlaps redact fully."""
    values = []
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if isinstance(value, SecretStr):
            plain = value.get_secret_value()
            if len(plain) >= 4:
                values.append(plain)
    return sorted(values, key=len, reverse=True)


def redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
    return _TOKEN_PATTERNS.sub("***", text)


class RedactingFilter(logging.Filter):
    """Formats the message once, redacts it, and freezes it on the record."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        message = redact(record.getMessage(), self._secrets)
        record.msg, record.args = message, None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info), self._secrets)
            record.exc_info = None
        for key, value in list(vars(record).items()):
            if key not in _STANDARD_ATTRS and isinstance(value, str):
                setattr(record, key, redact(value, self._secrets))
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line; extra fields passed with ``extra=`` become keys."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                payload[key] = value
        if record.exc_text:
            payload["exception"] = record.exc_text
        return json.dumps(payload, default=str, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """``time level logger: message key=value``; tracebacks stay on following lines."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s: %(message)s", "%Y-%m-%dT%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extras = [
            f"{key}={value}"
            for key, value in vars(record).items()
            if key not in _STANDARD_ATTRS and not key.startswith("_")
        ]
        if extras:
            head, sep, rest = line.partition("\n")
            line = head + " " + " ".join(extras) + sep + rest
        return line


def configure_logging(settings: Settings, *, level: int = logging.INFO, stream: TextIO | None = None) -> None:
    """Replace the root handlers with one redacting handler in the configured format."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(RedactingFilter(secret_values(settings)))
    handler.setFormatter(JsonFormatter() if settings.log_format == "json" else TextFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # Libraries chatter at INFO (every HTTP request); keep them to warnings.
    for noisy in ("httpx", "httpcore", "apscheduler", "slack_sdk", "urllib3", "trafilatura"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
