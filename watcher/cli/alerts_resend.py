"""`watcher alerts resend ID`: queue an alert's deliveries again and send them now.

Kept apart from `watcher/cli/alerts.py` (the alert log commands) so the two can
grow independently; `register(alerts_app)` adds the command to the group.
"""

from __future__ import annotations

from typing import Annotated

import typer

from watcher.cli.common import app_context, console


def resend(
    alert_id: Annotated[int, typer.Argument(help="The alert's id (see `watcher alerts list`).")],
    channel: Annotated[
        list[str] | None,
        typer.Option("--channel", "-c", help="Only this channel, e.g. slack:#cbrs (repeatable)."),
    ] = None,
    queue_only: Annotated[
        bool, typer.Option("--queue-only", help="Queue for the running daemon; do not send now.")
    ] = False,
) -> None:
    """Send an alert again: its delivered or failed deliveries are queued and sent."""
    from watcher.delivery import deliver_pending
    from watcher.delivery.outbox import resend as queue_again

    with app_context() as app:
        channels = queue_again(app, alert_id, channels=channel or None)
        console.print(f"queued alert {alert_id} for {', '.join(channels)}", markup=False, highlight=False)
        if queue_only:
            return
        summary = deliver_pending(app)
    console.print(
        f"delivered {summary.delivered}, retrying {summary.retrying}, failed {summary.failed}",
        markup=False,
        highlight=False,
    )
    for error in summary.errors:
        console.print(f"warning: {error}", markup=False, highlight=False)


def register(alerts_app: typer.Typer) -> None:
    """Add `resend` to the `alerts` command group."""
    alerts_app.command("resend")(resend)
