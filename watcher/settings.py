"""Settings, read once at start-up from `WATCHER_*` variables and an optional `.env`.

Built by `load_settings()`, never at import time, so tests and the demo can
construct their own without touching the process environment.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

import platformdirs
from pydantic import BeforeValidator, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from watcher import __version__
from watcher.durations import parse_duration
from watcher.errors import UserError

Duration = Annotated[timedelta, BeforeValidator(parse_duration)]


def default_database_url() -> str:
    """A SQLite file in the user's data directory (created on first use)."""
    data_dir = Path(platformdirs.user_data_dir("watcher", appauthor=False))
    return f"sqlite:///{data_dir / 'watcher.db'}"


class Settings(BaseSettings):
    """Every setting a user can touch; names follow `spec/interface.md`."""

    model_config = SettingsConfigDict(
        env_prefix="WATCHER_",
        env_file=".env",
        extra="ignore",
        validate_default=True,
        # `WATCHER_SLACK_BOT_TOKEN=` (as compose passes an unset variable) means "not set".
        env_ignore_empty=True,
    )

    database_url: str = Field(default_factory=default_database_url)
    poll_interval: Duration = timedelta(minutes=10)

    slack_bot_token: SecretStr | None = None
    slack_webhook_url: SecretStr | None = None
    slack_channel: str | None = None
    slack_api_url: str = "https://slack.com/api/"

    smtp_host: str | None = None
    smtp_port: int | None = None
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False
    smtp_ssl: bool = False
    email_from: str | None = None
    email_to: str | None = None

    http_port: int = Field(default=8080, ge=0, le=65535)
    user_agent: str = f"watcher/{__version__}"
    log_format: Literal["text", "json"] = "text"
    fetch_private_links: bool = False

    # Beyond the spec: knobs an operator may need, all with safe defaults.
    fetch_concurrency: int = Field(default=64, ge=1, le=1024)
    fetch_timeout: Duration = timedelta(seconds=30)
    connect_timeout: Duration = timedelta(seconds=10)
    max_response_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    host_rate_limits: dict[str, float] = Field(
        default_factory=lambda: {"sec.gov": 10.0, "www.sec.gov": 10.0, "efts.sec.gov": 10.0}
    )
    default_host_rate: float = Field(default=0.0, ge=0)
    backoff_max: Duration = timedelta(hours=6)
    feed_failure_alert_after: int = Field(default=5, ge=1)
    thread_window: Duration = timedelta(hours=24)
    delivery_max_attempts: int = Field(default=8, ge=1)
    tick_interval: Duration = timedelta(seconds=5)
    lease_duration: Duration = timedelta(minutes=2)

    @field_validator("database_url")
    @classmethod
    def _database_url_has_scheme(cls, value: str) -> str:
        if "://" not in value:
            raise ValueError("must be a SQLAlchemy URL such as sqlite:///path/watcher.db")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url_ends_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return value if value.endswith("/") else value + "/"

    def email_recipients(self) -> list[str]:
        return [a.strip() for a in (self.email_to or "").split(",") if a.strip()]


def load_settings(**overrides: Any) -> Settings:
    """Read settings; an invalid one becomes a one-line `UserError` naming it."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "settings"
        raise UserError(f"invalid setting WATCHER_{field.upper()}: {first['msg']}") from None
