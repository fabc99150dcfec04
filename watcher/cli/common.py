"""Helpers every command uses: build the app, print tables or JSON, fail with one line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from watcher.app import App, make_app

console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # one error, one line, even in a file


@contextmanager
def app_context() -> Iterator[App]:
    """Build the app from settings for one command and always close it."""
    app = make_app()
    try:
        yield app
    finally:
        app.close()


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr and a non-zero exit: how every user error ends."""
    err_console.print(f"error: {message}", markup=False, highlight=False)
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str, ensure_ascii=False) + "\n")


def print_table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)
