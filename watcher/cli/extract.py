"""`watcher extract SOURCE [--json]`: the facts of one document."""

from __future__ import annotations

from typing import Annotated

import typer

from rules.extraction import extract_facts
from watcher.cli.common import print_json, print_table
from watcher.settings import load_settings
from watcher.sources import read_source


def extract_command(
    source: Annotated[str, typer.Argument(help="A file (text or HTML), an http(s) URL, or - for stdin.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the facts as the JSON array of facts.md.")
    ] = False,
) -> None:
    """Print the facts of one document (a table, or JSON with --json)."""
    settings = load_settings()
    document = read_source(source, settings)
    facts = extract_facts(document.text)
    if as_json:
        print_json([fact.to_json() for fact in facts])
        return
    rows = []
    for fact in facts:
        value = (
            _number(fact.value) if fact.low == fact.high else f"{_number(fact.low)} to {_number(fact.high)}"
        )
        rows.append(
            (
                fact.metric,
                fact.kind,
                f"{value} {fact.unit}",
                fact.bound,
                fact.basis or "",
                fact.period or "",
                fact.counterparty or "",
                fact.instrument or "",
                _short(fact.evidence),
            )
        )
    print_table(
        f"{len(facts)} facts",
        ["metric", "kind", "value", "bound", "basis", "period", "counterparty", "instrument", "evidence"],
        rows,
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
