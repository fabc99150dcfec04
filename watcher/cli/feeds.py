"""`watcher feeds ...`: the watched feeds."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from state.companies import CompanyError, ensure_company
from state.db import session_scope
from state.feeds import FeedError, add_feed, feed_json, list_feeds, remove_feed, set_paused
from watcher.app import App
from watcher.cli.common import app_context, console, err_console, fail, print_json, print_table
from watcher.durations import format_duration, parse_duration
from watcher.errors import UserError
from watcher.opml import FeedListEntry, parse_feed_list, to_opml

app = typer.Typer(help="Manage the watched feeds (RSS/Atom).", no_args_is_help=True)

FeedId = Annotated[int, typer.Argument(help="Feed id (see `watcher feeds list`).")]


def _interval(value: str | None) -> timedelta | None:
    if value is None:
        return None
    try:
        return parse_duration(value)
    except ValueError as exc:
        fail(f"--interval: {exc}")


def _add_all(ctx: App, entries: list[FeedListEntry], ticker: str | None, interval: timedelta | None) -> int:
    """Add each feed in its own transaction; print one line per feed; return the number of errors."""
    errors = 0
    company_id = None
    if ticker:
        with session_scope(ctx.engine) as session:
            try:
                company_id = ensure_company(session, ticker).id
            except CompanyError as exc:
                fail(str(exc))
    for entry in entries:
        try:
            with session_scope(ctx.engine) as session:
                feed, created = add_feed(
                    session, entry.url, company_id=company_id, interval=interval, title=entry.title
                )
        except FeedError as exc:
            err_console.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
            errors += 1
            continue
        state = "added" if created else "already watched:"
        console.print(f"{state} feed {feed.id} {feed.url}", markup=False, highlight=False, soft_wrap=True)
    return errors


@app.command("add")
def add(
    urls: Annotated[list[str], typer.Argument(help="One or more feed URLs (http or https).")],
    ticker: Annotated[
        str | None, typer.Option("--ticker", help="Company the feed belongs to (created if new).")
    ] = None,
    interval: Annotated[
        str | None, typer.Option("--interval", help="Poll interval, e.g. 90s, 10m, 1h (default: setting).")
    ] = None,
) -> None:
    """Add feeds; a bad URL is reported and the others are still added."""
    every = _interval(interval)
    with app_context() as ctx:
        errors = _add_all(ctx, [FeedListEntry(u) for u in urls], ticker, every)
    if errors:
        raise typer.Exit(1)


@app.command("import")
def import_command(
    file: Annotated[
        str, typer.Argument(help="OPML file, or a text file with one URL per line ('-' = stdin).")
    ],
    ticker: Annotated[
        str | None, typer.Option("--ticker", help="Company every imported feed belongs to.")
    ] = None,
    interval: Annotated[
        str | None, typer.Option("--interval", help="Poll interval for the imported feeds.")
    ] = None,
) -> None:
    """Import feeds from OPML or a plain list of URLs."""
    every = _interval(interval)
    if file == "-":
        data = sys.stdin.read()
    else:
        path = Path(file)
        if not path.is_file():
            fail(f"no such file: {file}")
        data = path.read_text(encoding="utf-8", errors="replace")
    try:
        entries = parse_feed_list(data, name=file)
    except UserError as exc:
        fail(str(exc))
    if not entries:
        fail(f"{file}: no feed URLs found")
    with app_context() as ctx:
        errors = _add_all(ctx, entries, ticker, every)
    if errors:
        raise typer.Exit(1)


@app.command("export")
def export() -> None:
    """Print every feed as OPML (for another reader, or `feeds import`)."""
    with app_context() as ctx, session_scope(ctx.engine) as session:
        feeds = [FeedListEntry(feed.url, feed.title) for feed, _ in list_feeds(session)]
    sys.stdout.write(to_opml(feeds))


@app.command("list")
def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List feeds with their polling state."""
    with app_context() as ctx, session_scope(ctx.engine) as session:
        rows = [feed_json(feed, ticker) for feed, ticker in list_feeds(session)]
    if as_json:
        print_json(rows)
        return
    print_table(
        "Feeds",
        ["id", "ticker", "url", "interval", "status", "failures", "next poll", "error"],
        [
            [
                r["id"],
                r["ticker"],
                r["url"],
                format_duration(timedelta(seconds=int(str(r["interval_seconds"]))))
                if r["interval_seconds"]
                else "default",
                "paused" if r["paused"] else r["last_status"] or "new",
                r["consecutive_failures"] or "",
                str(r["next_poll_at"] or "now")[:19],
                r["last_error"],
            ]
            for r in rows
        ],
    )


@app.command("remove")
def remove(feed_id: FeedId) -> None:
    """Remove a feed; its disclosures and alerts stay."""
    with app_context() as ctx, session_scope(ctx.engine) as session:
        try:
            feed = remove_feed(session, feed_id)
        except FeedError as exc:
            fail(str(exc))
    console.print(f"removed feed {feed_id} {feed.url}", markup=False, highlight=False, soft_wrap=True)


@app.command("pause")
def pause(feed_id: FeedId) -> None:
    """Stop polling a feed until it is resumed."""
    _set_paused(feed_id, True)


@app.command("resume")
def resume(feed_id: FeedId) -> None:
    """Resume a paused feed; it is polled on the next cycle."""
    _set_paused(feed_id, False)


def _set_paused(feed_id: int, paused: bool) -> None:
    with app_context() as ctx, session_scope(ctx.engine) as session:
        try:
            feed = set_paused(session, feed_id, paused, now=ctx.clock())
        except FeedError as exc:
            fail(str(exc))
    console.print(
        f"{'paused' if paused else 'resumed'} feed {feed_id} {feed.url}", markup=False, highlight=False
    )
