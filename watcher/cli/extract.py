"""`watcher extract SOURCE [--json]`: the facts of one document."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from rules.facts import Fact
from watcher.cli.common import console, print_json
from watcher.cpuwork import standard_extractor
from watcher.errors import UserError
from watcher.settings import load_settings
from watcher.sources import read_source


def extract_command(
    source: Annotated[str, typer.Argument(help="A file (text or HTML), an http(s) URL, or - for stdin.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the facts as the JSON array of facts.md.")
    ] = False,
) -> None:
    """Print the facts of one document (a table, or JSON with --json)."""
    try:
        settings = load_settings()
        document = read_source(source, settings)
    except UserError as exc:
        # One line whatever the terminal width (rich would wrap a long path or URL).
        sys.stderr.write(f"error: {' '.join(str(exc).split())}\n")
        raise typer.Exit(1) from None
    facts = standard_extractor(document.text)
    if as_json:
        print_json([fact.to_json() for fact in facts])
        return
    console.print(facts_table(facts, evidence=console.width >= 160))


def facts_table(facts: list[Fact], *, evidence: bool = True) -> Table:
    """A readable table: one fact per row; the evidence (shortened) when the terminal is wide."""
    table = Table(title=f"{len(facts)} facts", show_lines=False)
    table.add_column("metric", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("value", no_wrap=True, justify="right")
    table.add_column("period", no_wrap=True)
    table.add_column("details", overflow="fold")
    if evidence:
        table.add_column("evidence", overflow="ellipsis", no_wrap=True, max_width=70)
    for fact in facts:
        value = _number(fact.value) if fact.low == fact.high else f"{_number(fact.low)}–{_number(fact.high)}"
        details = ", ".join(
            str(x)
            for x in (
                fact.bound if fact.bound != "exact" else None,
                fact.basis,
                fact.counterparty,
                fact.instrument,
            )
            if x
        )
        cells = [fact.metric, fact.kind, f"{value} {_UNIT[fact.unit]}", fact.period or "", details]
        if evidence:
            cells.append(_short(fact.evidence))
        table.add_row(*cells)
    return table


_UNIT = {"usd": "USD", "percent": "%", "mw": "MW"}


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"


def _short(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
