"""Prometheus metrics for one process, on a registry of its own.

A registry per `App` (not the global default) keeps tests and several apps in
one process from counting into each other. Counters are bumped where the work
happens; the two gauges that describe the shared database (oldest pending
delivery, feeds in backoff) are computed at scrape time, so every replica
reports the same truth instead of its own partial view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from state.models import Delivery, Feed

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def channel_kind(channel: str) -> str:
    """``slack`` / ``email`` / ``console``: a label with few values and no addresses in it."""
    return channel.split(":", 1)[0] or "unknown"


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.polls = Counter("watcher_polls", "Feed polls by result", ["result"], registry=r)
        self.poll_duration = Histogram(
            "watcher_poll_duration_seconds",
            "Wall time of one feed poll (fetch, parse, store)",
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
            registry=r,
        )
        self.cycles = Counter("watcher_poll_cycles", "Poll cycles (scheduler ticks that polled)", registry=r)
        self.disclosures = Counter(
            "watcher_disclosures", "Disclosures stored by status", ["status"], registry=r
        )
        self.facts = Counter("watcher_facts", "Facts extracted and stored", registry=r)
        self.alerts = Counter("watcher_alerts", "Alerts written by severity", ["severity"], registry=r)
        self.deliveries = Counter(
            "watcher_deliveries",
            "Delivery attempts by channel kind and outcome",
            ["channel", "status"],
            registry=r,
        )
        self.delivery_latency = Histogram(
            "watcher_delivery_latency_seconds",
            "From alert creation to confirmed delivery",
            buckets=(0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600),
            registry=r,
        )

    def attach_database(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        """Add the scrape-time gauges that read the shared database."""
        self.registry.register(_DatabaseGauges(engine, clock))

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _DatabaseGauges(Collector):
    def __init__(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        self._engine = engine
        self._clock = clock

    def describe(self) -> Iterable[GaugeMetricFamily]:
        return []

    def collect(self) -> Iterable[GaugeMetricFamily]:
        now = self._clock()
        oldest = GaugeMetricFamily(
            "watcher_oldest_pending_delivery_age_seconds",
            "Age of the oldest delivery not yet delivered or failed (0 when none)",
        )
        backoff = GaugeMetricFamily(
            "watcher_feeds_in_backoff", "Feeds whose last poll failed and are waiting to retry"
        )
        pending = GaugeMetricFamily("watcher_deliveries_pending", "Deliveries waiting to be sent")
        try:
            with Session(self._engine) as session:
                open_rows = col(Delivery.status).in_(("pending", "sending"))
                first = session.exec(select(func.min(Delivery.created_at)).where(open_rows)).one()
                waiting = session.exec(select(func.count()).select_from(Delivery).where(open_rows)).one()
                failing = session.exec(
                    select(func.count())
                    .select_from(Feed)
                    .where(col(Feed.consecutive_failures) > 0, col(Feed.paused).is_(False))
                ).one()
        except Exception:  # a scrape must not fail because the database is down
            return []
        if first is not None and first.tzinfo is None:
            first = first.replace(tzinfo=UTC)
        oldest.add_metric([], max(0.0, (now - first).total_seconds()) if first else 0.0)
        backoff.add_metric([], float(failing))
        pending.add_metric([], float(waiting))
        return [oldest, backoff, pending]
