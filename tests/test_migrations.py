"""Migrations create the schema on empty databases and match the tables exactly."""

from __future__ import annotations

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

import state.models  # noqa: F401
from state.db import (
    current_revision,
    head_revision,
    is_current,
    make_engine,
    open_database,
    scanned_heads,
    upgrade,
)


def test_upgrade_creates_every_table_and_is_idempotent(database_url: str) -> None:
    engine = make_engine(database_url)
    assert current_revision(engine) is None
    assert upgrade(engine) is True
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    assert upgrade(engine) is False
    engine.dispose()


def test_models_and_migrations_agree(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert diff == [], f"tables changed without a migration: {diff}"


def test_sqlite_uses_wal_and_foreign_keys(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_scanned_heads_match_alembic() -> None:
    head = head_revision()
    assert head is not None
    assert scanned_heads() == frozenset({head})


def test_is_current_only_at_head(database_url: str) -> None:
    engine = make_engine(database_url)
    assert is_current(engine) is False  # no alembic_version table yet
    upgrade(engine)
    assert is_current(engine) is True
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'older'")
    assert is_current(engine) is False
    engine.dispose()


def test_opening_a_current_database_does_not_import_alembic(sqlite_url: str) -> None:
    """Every command opens the database; at head that must not pay for importing alembic."""
    open_database(sqlite_url).dispose()
    probe = (
        "import sys\n"
        "from state.db import open_database\n"
        f"open_database({sqlite_url!r}).dispose()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
