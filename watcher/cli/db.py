"""`watcher db ...`: schema management."""

from __future__ import annotations

import typer

from state.db import DatabaseError, current_revision, head_revision, make_engine, upgrade
from watcher.cli.common import console, fail
from watcher.settings import load_settings

app = typer.Typer(help="Database schema management.", no_args_is_help=True)


@app.command("upgrade")
def upgrade_command() -> None:
    """Apply pending schema migrations (every command also does this on first use)."""
    settings = load_settings()
    try:
        engine = make_engine(settings.database_url)
        applied = upgrade(engine)
        revision = current_revision(engine)
        engine.dispose()
    except DatabaseError as exc:
        fail(str(exc))
    state = "upgraded to" if applied else "already at"
    console.print(f"database {state} revision {revision} (head {head_revision()})")
