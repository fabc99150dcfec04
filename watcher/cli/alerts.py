"""`watcher alerts list/show`: the alert log with each delivery's status."""

from __future__ import annotations

from typing import Annotated

import typer

from state.alerts import get_alert, list_alerts
from state.db import session_scope
from watcher.cli import alerts_resend
from watcher.cli.common import app_context, console, fail, print_json, print_table

app = typer.Typer(help="The alert log.", no_args_is_help=True)


@app.command("list")
def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    ticker: Annotated[str | None, typer.Option(help="Only alerts for this ticker.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many (newest first).")] = None,
) -> None:
    """List alerts, newest first, with each delivery's status."""
    with app_context() as ctx, session_scope(ctx.engine) as session:
        views = list_alerts(session, ticker=ticker, limit=limit)
    if as_json:
        print_json([view.to_json() for view in views])
        return
    rows = []
    for view in views:
        a = view.alert
        deliveries = ", ".join(f"{d.channel} {d.status}" for d in view.deliveries)
        rows.append(
            [
                a.id,
                a.created_at.strftime("%Y-%m-%d %H:%M"),
                a.ticker,
                a.severity,
                f"{a.score:g}",
                ", ".join(a.rules),
                a.title,
                deliveries,
            ]
        )
    print_table(
        "alerts", ["id", "created", "ticker", "severity", "score", "rules", "title", "deliveries"], rows
    )


@app.command("show")
def show_command(
    alert_id: Annotated[int, typer.Argument(metavar="ID", help="Alert id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one alert: the rules that fired, their facts and evidence, and its deliveries."""
    with app_context() as ctx, session_scope(ctx.engine) as session:
        view = get_alert(session, alert_id)
    if view is None:
        fail(f"no alert with id {alert_id}")
    data = view.to_json(full=True)
    if as_json:
        print_json(data)
        return
    out = [
        f"alert {data['id']}  {data['ticker'] or ''}  {data['severity']}  score {data['score']:g}",
        f"title:  {data['title']}",
        f"source: {data['source'] or ''}",
        f"link:   {data['url'] or ''}",
        f"when:   {data['published'] or data['created_at']}",
        "fired:",
    ]
    for match in data["matches"]:
        out.append(
            f"  - [{match.get('severity')}] {match.get('rule')} ({match.get('kind')}): {match.get('summary')}"
        )
        evidence = match.get("evidence") or (match.get("fact") or {}).get("evidence")
        if evidence:
            out.append(f"    evidence: {evidence}")
    out.append("deliveries:")
    for delivery in data["deliveries"]:
        error = f"  ({delivery['last_error']})" if delivery.get("last_error") else ""
        out.append(f"  - {delivery['channel']}: {delivery['status']}, {delivery['attempts']} attempts{error}")
    console.print("\n".join(out), markup=False, highlight=False)


alerts_resend.register(app)
