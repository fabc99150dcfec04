"""Engine, sessions and schema upgrades.

`open_database()` is the one way in: it creates the engine with the right
per-backend settings and brings the schema to the newest migration, so a user
never meets a 'no such table' error on a new or older database.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.pool import NullPool
from sqlmodel import Session, create_engine

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
#: Arbitrary constant so concurrent replicas on PostgreSQL migrate one at a time.
_MIGRATION_LOCK_KEY = 7_311_604_201


class DatabaseError(Exception):
    """The database cannot be opened or upgraded; the message is for the user."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # pysqlite's own transaction handling starts a transaction only before DML, so a
    # SAVEPOINT issued after plain SELECTs becomes the outermost transaction and its
    # RELEASE commits: a later rollback would leave half-written rows. Let SQLAlchemy
    # emit BEGIN itself (the recipe in SQLAlchemy's SQLite dialect documentation).
    dbapi_connection.isolation_level = None


def _sqlite_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock up front. A deferred transaction that reads and
    # then writes while another connection has written since gets SQLITE_BUSY at once,
    # without the busy timeout ("database is locked" between the poller and the
    # delivery worker); waiting for the lock at BEGIN is the documented cure.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for any SQLAlchemy URL, creating a SQLite file's folder if needed."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"invalid database URL: {exc}") from None
    kwargs: dict[str, Any] = {"echo": echo}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        if database in ("", ":memory:"):
            from sqlalchemy.pool import StaticPool

            kwargs["poolclass"] = StaticPool
    else:
        kwargs["pool_pre_ping"] = True
        # A dead server must fail a readiness probe in seconds, not hang it.
        kwargs["connect_args"] = {"connect_timeout": 5}
        kwargs["pool_size"] = 10
        kwargs["max_overflow"] = 20
    try:
        engine = create_engine(url, **kwargs)
    except Exception as exc:  # a missing driver, a malformed query string
        raise DatabaseError(f"cannot use database URL: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)
_QUOTED = re.compile(r"[\"']([^\"']+)[\"']")


def scanned_heads() -> frozenset[str] | None:
    """The head revisions read straight from the migration files, without importing alembic.

    Importing alembic costs about a second, and every command opens the database;
    when the schema is already at these heads there is nothing for alembic to do.
    None when a file does not look as expected: the caller then asks alembic.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision = _REVISION.findall(source)
        down = _DOWN_REVISION.findall(source)
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        parents.update(_QUOTED.findall(down[0]))
    heads = revisions - parents
    return frozenset(heads) if heads else None


def stored_revisions(engine: Engine) -> frozenset[str] | None:
    """What `alembic_version` holds, read with plain SQL; None when the table is missing."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except OperationalError:
        if engine.dialect.name != "sqlite":
            raise  # an unreachable server, not a missing table: `upgrade` reports it
        return None
    except DBAPIError:  # PostgreSQL: relation "alembic_version" does not exist
        return None
    return frozenset(rows)


def is_current(engine: Engine) -> bool:
    """The schema is at the newest migration (a cheap check: no alembic import)."""
    heads = scanned_heads()
    return heads is not None and stored_revisions(engine) == heads


def upgrade(engine: Engine) -> bool:
    """Apply pending migrations; returns True when anything was applied."""
    try:
        if is_current(engine):
            return False
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        head = head_revision()
        if current_revision(engine) == head:
            return False
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK_KEY})
            if MigrationContext.configure(conn).get_current_revision() == head:
                return False
            command.upgrade(alembic_config(conn), "head")
    except OperationalError as exc:
        raise DatabaseError(f"cannot reach the database: {exc.orig}") from None
    log.info("database schema upgraded to %s", head)
    return True


def open_database(url: str) -> Engine:
    """Engine with its schema up to date: the entry point for every command."""
    engine = make_engine(url)
    upgrade(engine)
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed on success, rolled back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def dispose(engine: Engine) -> None:
    engine.dispose()


__all__ = ["DatabaseError", "NullPool", "make_engine", "open_database", "session_scope", "upgrade"]
