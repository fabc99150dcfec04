"""`watcher poll`: one polling cycle in the foreground."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from watcher.cli.common import app_context, console, err_console
from watcher.delivery import deliver_pending
from watcher.poller import FeedOutcome, Poller, make_owner

#: a progress bar is worth drawing only for more feeds than this
PROGRESS_MIN_FEEDS = 5


def poll(
    once: Annotated[
        bool, typer.Option("--once", help="Run one cycle and exit (what `poll` always does).")
    ] = False,
    feed: Annotated[
        list[int] | None, typer.Option("--feed", help="Poll only this feed id (repeatable).")
    ] = None,
    due_only: Annotated[
        bool, typer.Option("--due-only", help="Poll only feeds whose next poll time has come.")
    ] = False,
) -> None:
    """Poll feeds once (every unpaused feed, or the --feed ones), store what is new, deliver alerts."""
    del once
    owner = make_owner()
    with app_context() as ctx:
        poller = Poller(ctx, owner=owner)
        feed_ids = feed or None
        total = poller.count_due(feed_ids=feed_ids, force=not due_only)
        show_bar = sys.stdout.isatty() and total > PROGRESS_MIN_FEEDS
        import asyncio

        if show_bar:
            with Progress(
                TextColumn("polling"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            ) as progress:
                task = progress.add_task("poll", total=total)

                def advance(_outcome: FeedOutcome) -> None:
                    progress.advance(task)

                poller.progress = advance
                summary = asyncio.run(poller.run_cycle(feed_ids=feed_ids, force=not due_only))
        else:
            summary = asyncio.run(poller.run_cycle(feed_ids=feed_ids, force=not due_only))
        for feed_id, url, error in summary.failures:
            err_console.print(f"feed {feed_id} {url}: {error}", markup=False, highlight=False, soft_wrap=True)
        console.print(summary.line(), markup=False, highlight=False, soft_wrap=True)
        delivered = deliver_pending(ctx, owner=owner)
        if delivered.delivered or delivered.failed or delivered.retrying:
            console.print(
                f"alerts delivered: {delivered.delivered}, retrying: {delivered.retrying}, "
                f"failed: {delivered.failed}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
