"""The small HTTP server `watcher run` keeps for orchestrators: /healthz, /readyz, /metrics.

Liveness and readiness are different questions on purpose: /healthz answers
while the process can serve a request at all (a restart will not help
otherwise), /readyz only when the database answers and the scheduler has ticked
recently, so a replica that lost its database or wedged its scheduler is taken
out of rotation rather than killed mid-delivery.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine

from watcher.metrics import CONTENT_TYPE, Metrics

log = logging.getLogger(__name__)


class Heartbeat:
    """Monotonic time of the scheduler's last tick; written by one thread, read by another."""

    def __init__(self) -> None:
        self._last: float | None = None
        self._lock = threading.Lock()

    def beat(self) -> None:
        with self._lock:
            self._last = time.monotonic()

    def age(self) -> float | None:
        with self._lock:
            return None if self._last is None else time.monotonic() - self._last


def database_ok(engine: Engine) -> tuple[bool, str]:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means "not ready"
        return False, f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return True, "ok"


class HealthServer:
    """Serves the three endpoints from a daemon thread until `close()`."""

    def __init__(
        self,
        *,
        engine: Engine,
        metrics: Metrics,
        heartbeat: Heartbeat,
        max_tick_age: float,
        host: str = "0.0.0.0",  # noqa: S104 - the container's port must be reachable
        port: int = 8080,
        db_check: Callable[[Engine], tuple[bool, str]] = database_ok,
    ) -> None:
        self._engine = engine
        self._metrics = metrics
        self._heartbeat = heartbeat
        self._max_tick_age = max_tick_age
        self._db_check = db_check
        self._server = ThreadingHTTPServer((host, port), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="health", daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> HealthServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def readiness(self) -> tuple[bool, dict[str, Any]]:
        db_ok, db_detail = self._db_check(self._engine)
        age = self._heartbeat.age()
        ticking = age is not None and age <= self._max_tick_age
        detail = {
            "database": db_detail,
            "scheduler": "never ticked"
            if age is None
            else f"last tick {age:.1f}s ago" + ("" if ticking else " (stale)"),
        }
        return db_ok and ticking, detail

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                if path == "/healthz":
                    self._send(200, b'{"status": "ok"}\n', "application/json")
                elif path == "/readyz":
                    ready, detail = server.readiness()
                    body = json.dumps({"ready": ready, **detail}).encode() + b"\n"
                    self._send(200 if ready else 503, body, "application/json")
                elif path == "/metrics":
                    self._send(200, server._metrics.render(), CONTENT_TYPE)
                else:
                    self._send(404, b"not found\n", "text/plain")

            def _send(self, status: int, body: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                log.debug("health %s", format % args)

        return Handler
