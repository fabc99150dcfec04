"""`watcher demo`: the whole pipeline, offline, on sample feeds shipped with the package.

Serves `watcher/demo_data/` on an ephemeral 127.0.0.1 port, points the real
poller at it with a throw-away SQLite database, and prints what each stage
did: feeds polled, disclosures stored, facts per disclosure, alerts, then a
second poll that the server answers with 304s.
"""

from __future__ import annotations

import asyncio
import functools
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from rich.table import Table
from sqlmodel import col, select

from rules.evaluate import fact_text
from state.companies import list_companies
from state.db import session_scope
from state.facts import facts_of, to_fact
from state.feeds import add_feed, list_feeds
from state.models import Alert
from state.rules import list_rows
from state.watchlist import import_watchlist, load_watchlist_text
from watcher.app import App, make_app
from watcher.cli.common import console
from watcher.delivery import deliver_pending
from watcher.poller import Poller
from watcher.settings import Settings

#: (file, ticker or None for a multi-company wire, company name)
DEMO_FEEDS: tuple[tuple[str, str | None, str], ...] = (
    ("wire.xml", None, "Northwind Newswire"),
    ("newsroom.xml", "CRVN", "Corvane Semiconductors, Inc."),
    ("edgar.xml", "HGSY", "Halcyon Grid Systems Inc."),
)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def guess_type(self, path: Any) -> str:
        if str(path).endswith(".xml"):
            return "application/xml"
        return super().guess_type(path)


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (ephemeral port); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def demo_settings(database_url: str) -> Settings:
    """Settings for the demo only: its own database, no Slack or email, loopback articles allowed."""
    return Settings(
        _env_file=None,
        database_url=database_url,
        fetch_private_links=True,  # the demo's own server is on 127.0.0.1
        http_port=0,
        slack_bot_token=None,
        slack_webhook_url=None,
        slack_channel=None,
        smtp_host=None,
        email_to=None,
    )


def demo() -> None:
    """Run the whole pipeline offline on sample feeds, into a throw-away database."""
    with (
        resources.as_file(resources.files("watcher") / "demo_data") as data_dir,
        serve_directory(Path(data_dir)) as base,
        tempfile.TemporaryDirectory(prefix="watcher-demo-") as tmp,
    ):
        url = f"sqlite:///{Path(tmp) / 'demo.db'}"
        console.rule("watcher demo")
        console.print(f"sample feeds served at {base}", markup=False, highlight=False, soft_wrap=True)
        console.print(f"throw-away database {url}", markup=False, highlight=False, soft_wrap=True)
        with make_app(demo_settings(url)) as app:
            _setup(app, base)
            _print_watchlist(app)
            console.rule("1. poll")
            summary = asyncio.run(Poller(app).run_cycle(force=True))
            _print_feeds(app)
            console.print(summary.line(), markup=False, highlight=False, soft_wrap=True)
            console.rule("2. disclosures and facts")
            _print_disclosures(app, [d.disclosure_id for d in summary.disclosures])
            console.rule("3. alerts")
            _print_alerts(app)
            deliver_pending(app, owner="demo")
            console.rule("4. poll again")
            again = asyncio.run(Poller(app).run_cycle(force=True))
            console.print(again.line(), markup=False, highlight=False, soft_wrap=True)
            console.print(
                "the server answered the conditional requests with 304: nothing re-parsed or re-stored",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )


def _setup(app: App, base: str) -> None:
    """Import the sample watch-list (companies and rules), then add the sample feeds."""
    text = (resources.files("watcher") / "demo_data" / "watchlist.yaml").read_text(encoding="utf-8")
    watchlist = load_watchlist_text(text, filename="demo_data/watchlist.yaml")
    with session_scope(app.engine) as session:
        import_watchlist(session, watchlist)
        ids: dict[str, int | None] = {c.ticker: c.id for c in list_companies(session)}
        for file, feed_ticker, title in DEMO_FEEDS:
            company_id = ids.get(feed_ticker) if feed_ticker else None
            add_feed(session, f"{base}/{file}", company_id=company_id, title=title)


def _print_watchlist(app: App) -> None:
    with session_scope(app.engine) as session:
        companies = list_companies(session)
        rules = list_rows(session)
    console.print(
        f"watch-list: {len(companies)} companies ({', '.join(c.ticker for c in companies)}), "
        f"{len(rules)} rules ({', '.join(r.name for r in rules)})",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


def _print_feeds(app: App) -> None:
    table = Table(title="Feeds polled")
    for column in ("id", "feed", "ticker", "status", "error"):
        table.add_column(column)
    with session_scope(app.engine) as session:
        for feed, ticker in list_feeds(session):
            table.add_row(
                str(feed.id),
                feed.title or feed.url,
                ticker or "-",
                feed.last_status or "",
                feed.last_error or "",
            )
    console.print(table)


def _print_disclosures(app: App, disclosure_ids: list[int]) -> None:
    from state.models import Disclosure

    table = Table(title="Disclosures stored (duplicates across feeds are stored once)", show_lines=True)
    for column in ("id", "title", "facts found"):
        table.add_column(column, overflow="fold")
    with session_scope(app.engine) as session:
        rows = session.exec(
            select(Disclosure).where(col(Disclosure.id).in_(disclosure_ids)).order_by(col(Disclosure.id))
        ).all()
        for row in rows:
            assert row.id is not None
            facts = facts_of(session, row.id)
            lines = [fact_text(to_fact(f)) for f in facts]
            table.add_row(str(row.id), row.title, "\n".join(lines) or "(none)")
    console.print(table)


def _print_alerts(app: App) -> None:
    with session_scope(app.engine) as session:
        alerts = session.exec(select(Alert).order_by(col(Alert.id))).all()
    if not alerts:
        console.print("no alerts (no watch-list rules fired)", markup=False, highlight=False, soft_wrap=True)
        return
    table = Table(title="Alerts")
    for column in ("id", "ticker", "severity", "title", "rules"):
        table.add_column(column, overflow="fold")
    for alert in alerts:
        table.add_row(str(alert.id), alert.ticker or "-", alert.severity, alert.title, ", ".join(alert.rules))
    console.print(table)
