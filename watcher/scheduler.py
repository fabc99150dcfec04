"""The daemon: APScheduler ticks that poll due feeds and deliver pending alerts.

The schedule lives in the database (`feeds.next_poll_at`, leases), so the
scheduler only needs two short, stable jobs: a poll tick and a delivery tick.
Each runs with `coalesce=True` and `max_instances=1` (a slow cycle never piles
up behind itself), a misfire grace time and a little jitter, so replicas
started together do not tick in lockstep.

Stopping (SIGTERM/SIGINT): stop claiming, let in-flight feeds finish within the
poller's grace period, release unfinished leases, shut the scheduler down
waiting for running jobs, exit 0.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import UTC, datetime
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from watcher.app import App
from watcher.delivery import deliver_pending
from watcher.health import HealthServer
from watcher.poller import PollSummary, make_owner, poll_once

log = logging.getLogger(__name__)

POLL_JOB_ID = "watcher.poll"
DELIVERY_JOB_ID = "watcher.deliver"


class Daemon:
    """Owns the scheduler for one App; `run()` blocks until a stop signal."""

    def __init__(self, app: App, *, owner: str | None = None) -> None:
        self.app = app
        self.owner = owner or make_owner()
        self.stopping = threading.Event()
        self.cycles = 0
        tick = max(app.settings.tick_interval.total_seconds(), 0.1)
        self._tick = tick
        self.scheduler = BackgroundScheduler(
            timezone=UTC,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": max(int(tick * 2), 1)},
        )

    # -- jobs -----------------------------------------------------------------------

    def poll_tick(self) -> PollSummary | None:
        """Poll the feeds that are due now; errors are logged, never raised into the scheduler."""
        self.app.heartbeat.beat()
        if self.stopping.is_set():
            return None
        try:
            summary = poll_once(self.app, owner=self.owner, stop=self.stopping)
        except Exception:
            log.exception("poll cycle failed")
            return None
        self.cycles += 1
        if summary.feeds:
            self.app.metrics.cycles.inc()
            log.info("%s", summary.line())
        return summary

    def delivery_tick(self) -> None:
        if self.stopping.is_set():
            return
        try:
            deliver_pending(self.app, owner=self.owner)
        except Exception:
            log.exception("delivery failed")

    # -- lifecycle --------------------------------------------------------------------

    def start(self) -> None:
        jitter = max(1, int(self._tick / 5))
        now = datetime.now(UTC)
        self.scheduler.add_job(
            self.poll_tick,
            IntervalTrigger(seconds=self._tick, jitter=jitter),
            id=POLL_JOB_ID,
            name="poll due feeds",
            next_run_time=now,
            replace_existing=True,
        )
        self.scheduler.add_job(
            self.delivery_tick,
            IntervalTrigger(seconds=self._tick, jitter=jitter),
            id=DELIVERY_JOB_ID,
            name="deliver pending alerts",
            next_run_time=now,
            replace_existing=True,
        )
        self.scheduler.start()

    def stop(self) -> None:
        """Stop claiming, wait for running jobs (bounded by the poller's grace), shut down."""
        self.stopping.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)

    def request_stop(self, signum: int, _frame: FrameType | None) -> None:
        log.info("received %s: finishing in-flight work", signal.Signals(signum).name)
        self.stopping.set()

    def run(self) -> None:
        """Run until SIGTERM/SIGINT (main thread only), then stop cleanly."""
        previous = {sig: signal.signal(sig, self.request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        health = self._start_health_server()
        try:
            self.start()
            while not self.stopping.wait(0.5):
                pass
        finally:
            self.stop()
            if health is not None:
                health.close()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        log.info("stopped after %d cycle(s)", self.cycles)

    def _start_health_server(self) -> HealthServer | None:
        """/healthz, /readyz and /metrics on `WATCHER_HTTP_PORT` (0 turns them off)."""
        port = self.app.settings.http_port
        if not port:
            return None
        try:
            return HealthServer(
                engine=self.app.engine,
                metrics=self.app.metrics,
                heartbeat=self.app.heartbeat,
                # Ready while ticks keep coming: a few missed ticks (a long cycle) are fine.
                max_tick_age=self._tick * 6 + 30,
                port=port,
            ).start()
        except OSError as exc:
            log.error("health server not started on port %s: %s", port, exc)
            return None
