"""`watcher alerts ...`: the alert log (minimal: the rules engineer adds list and show)."""

from __future__ import annotations

import typer

from watcher.cli import alerts_resend

app = typer.Typer(help="The alert log: list, show and resend alerts.", no_args_is_help=True)
alerts_resend.register(app)
