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
    # A minimum width: at 80 columns the unwrapped columns left this one a single character.
    table.add_column("details", overflow="fold", min_width=14)
    if evidence:
        table.add_column("evidence", overflow="ellipsis", no_wrap=True, max_width=70)
    for fact in facts:
        value = _value(fact)
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
        cells = [fact.metric, fact.kind, value, fact.period or "", details]
        if evidence:
            cells.append(_short(fact.evidence))
        table.add_row(*cells)
    return table


_UNIT = {"usd": "USD", "percent": "%", "mw": "MW"}
#: Dollar amounts in the words a reader scans ("5.05–5.15 bn USD"): written out in full, a range
#: in billions took 31 characters and squeezed the rest of an 80-column table.
_SCALES = ((1e9, "bn"), (1e6, "m"))


def _value(fact: Fact) -> str:
    """The value (or range) with its unit, dollars in millions or billions."""
    scale, word = 1.0, ""
    if fact.unit == "usd":
        largest = max(abs(fact.low), abs(fact.high))
        scale, word = next(((s, f" {w}") for s, w in _SCALES if largest >= s), (1.0, ""))
    shown = (
        _number(fact.value / scale)
        if fact.low == fact.high
        else f"{_number(fact.low / scale)}–{_number(fact.high / scale)}"
    )
    return f"{shown}{word} {_UNIT[fact.unit]}"


def _number(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.6g}"
    return f"{value:.6g}"


def _short(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
