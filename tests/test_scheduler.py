"""The daemon: ticks poll due feeds; SIGTERM finishes in-flight work, frees leases, exits 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlmodel import func, select

from state.db import make_engine, session_scope
from state.feeds import add_feed
from state.models import Disclosure, Feed
from tests.feedserver import press_release, serving
from watcher.app import make_app
from watcher.scheduler import DELIVERY_JOB_ID, POLL_JOB_ID, Daemon
from watcher.settings import Settings


def wait_for(condition: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.05)
    return False


def test_daemon_ticks_poll_due_feeds_and_stop_cleanly(sqlite_url: str) -> None:
    with serving() as server:
        feed = server.add_feed("/f.xml")
        feed.add_entry(press_release("Tickco", 1))
        settings = Settings(database_url=sqlite_url, tick_interval="0.2s", poll_interval="1s", http_port=0)
        with make_app(settings) as app:
            with session_scope(app.engine) as session:
                add_feed(session, server.url("/f.xml"))
            daemon = Daemon(app)
            daemon.start()
            try:
                jobs = {job.id: job for job in daemon.scheduler.get_jobs()}
                assert set(jobs) == {POLL_JOB_ID, DELIVERY_JOB_ID}
                assert all(job.coalesce and job.max_instances == 1 for job in jobs.values())
                assert wait_for(lambda: len(server.requests_for("/f.xml")) >= 1, 10)
                feed.add_entry(press_release("Tickco", 2))
                # the feed is due again after its 1 s interval: the tick picks it up by itself
                assert wait_for(lambda: _count(app.engine) == 2, 10)
            finally:
                daemon.stop()
            assert not daemon.scheduler.running


def _count(engine: object) -> int:
    with session_scope(engine) as session:  # type: ignore[arg-type]
        return int(session.exec(select(func.count()).select_from(Disclosure)).one())


def test_sigterm_finishes_in_flight_work_and_exits_zero(sqlite_url: str, tmp_path: Path) -> None:
    with serving(latency=1.5) as server:
        for i in range(4):
            server.add_feed(f"/f{i}.xml").add_entry(press_release(f"Sigco{i}", i))
        engine = make_engine(sqlite_url)
        env = {
            **os.environ,
            "WATCHER_DATABASE_URL": sqlite_url,
            "WATCHER_TICK_INTERVAL": "0.2s",
            "WATCHER_HTTP_PORT": "0",
        }
        from state.db import upgrade

        upgrade(engine)
        with session_scope(engine) as session:
            for i in range(4):
                add_feed(session, server.url(f"/f{i}.xml"))
        proc = subprocess.Popen(
            [sys.executable, "-m", "watcher", "run"],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            # wait until the daemon is mid-poll: requests arrived, answers still delayed
            assert wait_for(lambda: len(server.requests) >= 4, 20), "daemon never polled"
            started = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=15)
            elapsed = time.monotonic() - started
        finally:
            if proc.poll() is None:
                proc.kill()
        _out, err = proc.communicate()
        assert code == 0, err.decode()
        assert elapsed < 10
        assert b"Traceback" not in err
        with session_scope(engine) as session:
            feeds = session.exec(select(Feed)).all()
            stored = session.exec(select(func.count()).select_from(Disclosure)).one()
        engine.dispose()
        assert all(feed.lease_owner is None for feed in feeds)
        assert all(feed.last_status == "ok" for feed in feeds)  # in-flight polls were finished
        assert stored == 4
