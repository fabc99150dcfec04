"""The `watcher` entry point: assembles the command groups and turns user errors into one line."""

from __future__ import annotations

import logging
import sys

import typer

from state.db import DatabaseError
from watcher.cli import alerts, companies, db, demo, feeds, ingest, poll, rules, watchlist
from watcher.cli import run as run_command
from watcher.cli.common import err_console
from watcher.cli.extract import extract_command
from watcher.errors import UserError

app = typer.Typer(
    help="watcher: polls disclosures, extracts facts, scores watch-list rules and delivers alerts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(db.app, name="db")
app.add_typer(companies.app, name="companies")
app.add_typer(feeds.app, name="feeds")
app.command("poll")(poll.poll)
app.command("run")(run_command.run)
app.command("ingest")(ingest.ingest)
app.command("demo")(demo.demo)
app.add_typer(rules.app, name="rules")
app.add_typer(watchlist.app, name="watchlist")
app.add_typer(alerts.app, name="alerts")
app.command("extract")(extract_command)


def run() -> None:
    """Console-script entry: known user errors print one line and exit 1, never a traceback."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except (UserError, DatabaseError) as exc:
        err_console.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
