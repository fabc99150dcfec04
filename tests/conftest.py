"""Shared fixtures: real SQLite files and, when configured, a real PostgreSQL schema per test."""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

POSTGRES_ENV = "WATCHER_TEST_POSTGRES_URL"


@functools.cache
def _extractor_build() -> str:
    from watcher.compiled import extractor_build

    build, stale = extractor_build()
    if stale:
        pytest.exit(
            f"the compiled extractor is older than rules/extraction/{stale[0]}.py: "
            "run `make install` (or `make test`) to rebuild it",
            returncode=4,
        )
    return build


def pytest_sessionstart(session: pytest.Session) -> None:
    """Refuse to test a compiled extractor older than its source (Python would run the old build)."""
    _extractor_build()


def pytest_report_header() -> str:
    return f"fact extractor: {_extractor_build()}"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's own settings, `.env` or data directory."""
    for key in list(os.environ):
        if key.startswith("WATCHER_") and key != POSTGRES_ENV:
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'watcher-test.db'}"


def _postgres_base_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set: PostgreSQL test skipped")
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL whose search_path is a fresh schema, dropped afterwards, so tests never collide."""
    base = _postgres_base_url()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Runs the test on SQLite and, when configured, on PostgreSQL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("postgres_url"))
