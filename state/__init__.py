"""Persistent state: SQLModel tables, engine and sessions, queries, migrations."""
