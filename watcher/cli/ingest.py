"""`watcher ingest`: push one document through the same pipeline as a polled entry."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from state.companies import CompanyError, ensure_company
from state.db import session_scope
from watcher.cli.common import app_context, console, fail
from watcher.delivery import deliver_pending
from watcher.errors import UserError
from watcher.pipeline import process_document
from watcher.poller import make_owner


def _published(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        fail(f"--published: {value!r} is not an ISO 8601 date or time")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def ingest(
    source: Annotated[str, typer.Argument(help="A file (text or HTML), an http(s) URL, or - for stdin.")],
    ticker: Annotated[str, typer.Option("--ticker", help="Company the document belongs to.")],
    title: Annotated[str | None, typer.Option("--title", help="Title (default: the first line).")] = None,
    url: Annotated[str | None, typer.Option("--url", help="Link to the original document.")] = None,
    published: Annotated[str | None, typer.Option("--published", help="Publication time, ISO 8601.")] = None,
) -> None:
    """Store, extract, score and alert on one document, then deliver pending alerts."""
    from watcher.sources import read_source  # imports trafilatura: only when ingesting

    when = _published(published)
    with app_context() as ctx:
        try:
            document = read_source(source, ctx.settings, title=title)
        except UserError as exc:
            fail(str(exc))
        if url is not None or when is not None:
            document = document.model_copy(
                update={"url": url or document.url, "published": when or document.published}
            )
        if not document.text.strip():
            fail(f"{source}: no readable text")
        with session_scope(ctx.engine) as session:
            try:
                company_id = ensure_company(session, ticker).id
            except CompanyError as exc:
                fail(str(exc))
        assert company_id is not None
        outcome = process_document(ctx, document, company_ids={company_id}, source="manual")
        console.print(
            f"disclosure {outcome.disclosure_id}: {outcome.status}, facts: {outcome.facts}, "
            f"alerts: {len(outcome.alert_ids)}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        deliver_pending(ctx, owner=make_owner())
