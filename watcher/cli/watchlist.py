"""`watcher watchlist import/export`: the YAML round trip of companies, feeds and rules."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from state.db import session_scope
from state.watchlist import (
    WatchlistFileError,
    dump_watchlist_text,
    export_watchlist,
    import_watchlist,
    load_watchlist_text,
)
from watcher.cli.common import app_context, console, fail

app = typer.Typer(help="Import or export the watch-list YAML (spec/watchlist.md).", no_args_is_help=True)


def read_watchlist_file(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    path = Path(file)
    if not path.is_file():
        fail(f"no such file: {file}")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {file}: {exc}")


@app.command("import")
def import_command(
    file: Annotated[str, typer.Argument(help="Watch-list YAML file, or - for stdin.")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Also remove companies, feeds and rules the file does not have.")
    ] = False,
) -> None:
    """Create or update companies (by ticker), feeds (by URL) and rules (by name) from FILE.

    The whole file is validated first; an invalid file changes nothing.
    """
    text = read_watchlist_file(file)
    try:
        watchlist = load_watchlist_text(text, filename=file if file != "-" else "<stdin>")
    except WatchlistFileError as exc:
        fail(str(exc))
    with app_context() as ctx, session_scope(ctx.engine) as session:
        summary = import_watchlist(session, watchlist, replace=replace, now=ctx.clock())
    console.print(summary.describe(), markup=False, highlight=False)


@app.command("export")
def export_command() -> None:
    """Print the watch-list as YAML that imports back to the same state."""
    with app_context() as ctx, session_scope(ctx.engine) as session:
        watchlist = export_watchlist(session)
    sys.stdout.write(dump_watchlist_text(watchlist))
