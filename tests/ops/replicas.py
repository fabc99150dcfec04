"""A fleet of real `watcher run` processes on one database, for the replica test and benchmarks.

Kept apart from the tests so `benchmarks/` can drive the same fleet: feeds on a
loopback feed server, Slack on a loopback Slack server, every process a real
`python -m watcher run` with its own settings from the environment.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from state.models import Alert, Delivery, Disclosure, Feed

ROOT = Path(__file__).resolve().parents[2]


class Fleet:
    """Starts, kills and stops `watcher run` replicas sharing one database URL."""

    def __init__(self, database_url: str, settings: dict[str, str], log_dir: Path) -> None:
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("WATCHER_")}
        self.env.update({f"WATCHER_{k.upper()}": v for k, v in settings.items()})
        self.env["WATCHER_DATABASE_URL"] = database_url
        self.env.setdefault("WATCHER_HTTP_PORT", "0")
        self.log_dir = log_dir
        self.procs: list[subprocess.Popen[bytes]] = []
        self._logs: list[IO[bytes]] = []

    def start(self, count: int) -> None:
        for _ in range(count):
            index = len(self.procs)
            log = (self.log_dir / f"replica-{index}.log").open("wb")
            self._logs.append(log)
            self.procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "watcher", "run"],
                    cwd=ROOT,
                    env=self.env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )

    def kill(self, index: int) -> None:
        os.kill(self.procs[index].pid, signal.SIGKILL)
        self.procs[index].wait(timeout=30)

    def terminate_all(self, timeout: float = 10.0) -> list[tuple[int | None, float]]:
        """SIGTERM every live replica; (exit code, seconds to exit) for each."""
        started = time.monotonic()
        live = [p for p in self.procs if p.poll() is None]
        for proc in live:
            proc.send_signal(signal.SIGTERM)
        results: list[tuple[int | None, float]] = []
        for proc in live:
            try:
                proc.wait(timeout=max(0.1, timeout - (time.monotonic() - started)))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                results.append((None, time.monotonic() - started))
                continue
            results.append((proc.returncode, time.monotonic() - started))
        return results

    def close(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        for log in self._logs:
            log.close()

    def logs(self) -> str:
        return "\n".join(
            f"--- replica {i}\n" + (self.log_dir / f"replica-{i}.log").read_text(errors="replace")[-3000:]
            for i in range(len(self.procs))
        )


def wait_until(
    condition: Callable[[], bool], *, timeout: float, what: str, fleet: Fleet | None = None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(
        f"timed out after {timeout:.0f}s waiting for {what}\n{fleet.logs() if fleet else ''}"
    )


def count(engine: Engine, model: type[Disclosure] | type[Alert] | type[Delivery]) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def delivered(engine: Engine) -> int:
    with Session(engine) as session:
        return int(
            session.exec(
                select(func.count()).select_from(Delivery).where(Delivery.status == "delivered")
            ).one()
        )


def leases_of(engine: Engine, pid: int) -> int:
    """Feeds currently leased by the replica with this pid (owner ids are host:pid:random)."""
    with Session(engine) as session:
        return int(
            session.exec(
                select(func.count()).select_from(Feed).where(col(Feed.lease_owner).contains(f":{pid}:"))
            ).one()
        )
