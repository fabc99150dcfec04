"""`watcher run`: the daemon."""

from __future__ import annotations

from watcher.cli.common import app_context, console
from watcher.logs import configure_logging


def run() -> None:
    """Poll every feed on its schedule, extract, score, store and deliver until SIGTERM/SIGINT."""
    from watcher.scheduler import Daemon  # APScheduler: loaded only by the command that runs it

    with app_context() as ctx:
        configure_logging(ctx.settings)
        daemon = Daemon(ctx)
        console.print(
            f"watcher running as {daemon.owner} (tick {ctx.settings.tick_interval.total_seconds():g}s); "
            "SIGTERM or Ctrl-C stops",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        daemon.run()
    console.print("watcher stopped", markup=False, highlight=False, soft_wrap=True)
