"""A throw-away PostgreSQL schema for a benchmark run (the same trick as the tests' fixture)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def base_url() -> str:
    return (
        os.environ.get("WATCHER_BENCH_POSTGRES_URL")
        or os.environ.get("WATCHER_TEST_POSTGRES_URL")
        or DEFAULT_URL
    )


@contextmanager
def fresh_schema() -> Iterator[str]:
    base = base_url()
    schema = f"bench_{uuid.uuid4().hex[:10]}"
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
