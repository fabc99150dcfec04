"""`watcher companies ...`: the watched companies."""

from __future__ import annotations

from typing import Annotated

import typer

from state.companies import CompanyError, add_company, company_json, list_companies, remove_company
from state.db import session_scope
from watcher.cli.common import app_context, console, fail, print_json, print_table

app = typer.Typer(help="Manage the watched companies.", no_args_is_help=True)


@app.command("add")
def add(
    ticker: Annotated[str, typer.Argument(help="Ticker symbol, e.g. ACME.")],
    name: Annotated[str, typer.Option("--name", help="Company name.")],
    alias: Annotated[list[str] | None, typer.Option("--alias", help="Another name (repeatable).")] = None,
    customer: Annotated[
        list[str] | None, typer.Option("--customer", help="A known customer (repeatable).")
    ] = None,
) -> None:
    """Add a company, or update the name, aliases and customers of an existing ticker."""
    with app_context() as ctx, session_scope(ctx.engine) as session:
        try:
            company, created = add_company(
                session, ticker, name=name, aliases=alias or [], customers=customer or []
            )
        except CompanyError as exc:
            fail(str(exc))
        verb = "added" if created else "updated"
        console.print(
            f"{verb} company {company.ticker} ({company.name})", markup=False, highlight=False, soft_wrap=True
        )


@app.command("list")
def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the watched companies."""
    with app_context() as ctx, session_scope(ctx.engine) as session:
        rows = [company_json(c) for c in list_companies(session)]
    if as_json:
        print_json(rows)
        return
    print_table(
        "Companies",
        ["ticker", "name", "aliases", "customers"],
        [
            [r["ticker"], r["name"], ", ".join(r["aliases"]), ", ".join(r["customers"])]  # type: ignore[arg-type]
            for r in rows
        ],
    )


@app.command("remove")
def remove(ticker: Annotated[str, typer.Argument(help="Ticker of the company to remove.")]) -> None:
    """Remove a company; its feeds stay, unattributed."""
    with app_context() as ctx, session_scope(ctx.engine) as session:
        try:
            company = remove_company(session, ticker)
        except CompanyError as exc:
            fail(str(exc))
    console.print(f"removed company {company.ticker}", markup=False, highlight=False, soft_wrap=True)
