"""A small harness for scenario tests: a real database, the real pipeline, a fake extractor."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from rules.documents import Document
from rules.watchlist import parse_watchlist
from state.db import open_database, session_scope
from state.models import Alert, Company, Feed
from state.watchlist import import_watchlist
from tests.rules.fakes import at, json_block_extractor
from watcher.app import App
from watcher.pipeline import PipelineOutcome, process_document
from watcher.settings import Settings


class Clock:
    """A settable clock: scenario steps happen on the days they say."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Scenario:
    def __init__(self, database_url: str, watchlist: dict[str, Any], **settings: Any) -> None:
        self.url = database_url
        self.settings = Settings(database_url=database_url, **settings)
        self.clock = Clock(at(1))
        self.app = self._new_app()
        with session_scope(self.app.engine) as session:
            import_watchlist(session, parse_watchlist(watchlist))

    def _new_app(self) -> App:
        engine = open_database(self.url)
        return App(settings=self.settings, engine=engine, clock=self.clock, extractor=json_block_extractor)

    def restart(self) -> None:
        """A new process on the same database: nothing kept in memory survives."""
        self.app.close()
        self.app = self._new_app()

    def close(self) -> None:
        self.app.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.app.engine) as session:
            yield session

    def company_id(self, ticker: str) -> int:
        with self.session() as session:
            company = session.exec(select(Company).where(Company.ticker == ticker)).one()
            assert company.id is not None
            return company.id

    def feed(self, url: str, ticker: str | None = None) -> int:
        company_id = self.company_id(ticker) if ticker else None
        with self.session() as session:
            feed = Feed(url=url, company_id=company_id)
            session.add(feed)
            session.flush()
            assert feed.id is not None
            return feed.id

    def ingest(self, document: Document, ticker: str, *, day: int | None = None) -> PipelineOutcome:
        """`watcher ingest --ticker`: the document attributed to one company by hand."""
        if day is not None:
            self.clock.now = at(day)
        return process_document(self.app, document, company_ids={self.company_id(ticker)}, source="ingest")

    def poll(self, document: Document, feed_id: int, *, day: int | None = None) -> PipelineOutcome:
        """A polled feed entry: the feed decides (or attribution does, for a news feed)."""
        if day is not None:
            self.clock.now = at(day)
        return process_document(self.app, document, feed_id=feed_id)

    def fired(self, outcome: PipelineOutcome) -> dict[str, list[str]]:
        """Ticker -> names of the rules that fired, for the alerts of one pipeline run."""
        with self.session() as session:
            alerts = [session.get(Alert, alert_id) for alert_id in outcome.alert_ids]
        return {a.ticker or "": list(a.rules) for a in alerts if a is not None}

    def alerts(self) -> list[Alert]:
        with self.session() as session:
            return list(session.exec(select(Alert).order_by(Alert.id)).all())  # type: ignore[arg-type]

    def customers(self, ticker: str) -> list[str]:
        with self.session() as session:
            return list(session.exec(select(Company).where(Company.ticker == ticker)).one().customers)
