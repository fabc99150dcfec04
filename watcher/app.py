"""Builds the running application from settings, with optional overrides.

In the spirit of reader's `make_reader`: one function wires the store, the HTTP
client, the notifiers and the clock; tests pass their own pieces in, and nothing
is created at import time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from rules.facts import Fact
from state.db import DatabaseError, open_database
from watcher.clock import Clock, system_clock
from watcher.cpuwork import standard_extractor
from watcher.errors import UserError
from watcher.health import Heartbeat
from watcher.metrics import Metrics
from watcher.settings import Settings, load_settings


@dataclass
class App:
    """Everything a command or the daemon needs, created once and closed once."""

    settings: Settings
    engine: Engine
    clock: Clock = system_clock
    #: text -> facts; the pure extractor (imported on first use) unless a test passes its own.
    extractor: Callable[[str], list[Fact]] = standard_extractor
    #: Counters for /metrics; a registry per app so tests do not share counts.
    metrics: Metrics = field(default_factory=Metrics)
    #: Beaten by the scheduler's tick; /readyz reads it.
    heartbeat: Heartbeat = field(default_factory=Heartbeat)
    extras: dict[str, Any] = field(default_factory=dict)
    _owns_engine: bool = True

    def close(self) -> None:
        for closer in reversed(self.extras.get("_closers", [])):
            closer()
        if self._owns_engine:
            self.engine.dispose()

    def __enter__(self) -> App:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def make_app(
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    clock: Clock | None = None,
) -> App:
    """Open the database (migrating it) and return the wired application."""
    settings = settings or load_settings()
    owns = engine is None
    if engine is None:
        try:
            engine = open_database(settings.database_url)
        except DatabaseError as exc:
            raise UserError(str(exc)) from None
    app = App(settings=settings, engine=engine, clock=clock or system_clock, _owns_engine=owns)
    app.metrics.attach_database(app.engine, app.clock)
    return app
