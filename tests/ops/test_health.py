"""The health server answers the questions an orchestrator asks, over real HTTP."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine

from state.db import open_database
from watcher.health import HealthServer, Heartbeat, database_ok
from watcher.metrics import Metrics


def _samples(body: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(body):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def test_endpoints_report_liveness_readiness_and_metrics(sqlite_url: str) -> None:
    engine = open_database(sqlite_url)
    metrics = Metrics()
    metrics.attach_database(engine, lambda: __import__("datetime").datetime.now(__import__("datetime").UTC))
    heartbeat = Heartbeat()
    server = HealthServer(
        engine=engine, metrics=metrics, heartbeat=heartbeat, max_tick_age=5, host="127.0.0.1", port=0
    ).start()
    base = f"http://127.0.0.1:{server.port}"
    try:
        assert httpx.get(f"{base}/healthz").status_code == 200
        never = httpx.get(f"{base}/readyz")
        assert never.status_code == 503
        assert never.json()["scheduler"] == "never ticked"
        heartbeat.beat()
        ready = httpx.get(f"{base}/readyz")
        assert ready.status_code == 200
        assert ready.json()["ready"] is True

        metrics.polls.labels(result="new").inc(3)
        metrics.polls.labels(result="failed").inc()
        metrics.alerts.labels(severity="critical").inc()
        metrics.deliveries.labels(channel="slack", status="delivered").inc(2)
        samples = _samples(httpx.get(f"{base}/metrics").text)
        assert samples[("watcher_polls_total", (("result", "new"),))] == 3
        assert samples[("watcher_polls_total", (("result", "failed"),))] == 1
        assert samples[("watcher_alerts_total", (("severity", "critical"),))] == 1
        assert samples[("watcher_deliveries_total", (("channel", "slack"), ("status", "delivered")))] == 2
        assert samples[("watcher_oldest_pending_delivery_age_seconds", ())] == 0
        assert samples[("watcher_feeds_in_backoff", ())] == 0
        assert httpx.get(f"{base}/nope").status_code == 404
    finally:
        server.close()
        engine.dispose()


def test_stale_scheduler_is_not_ready(sqlite_url: str) -> None:
    engine = open_database(sqlite_url)
    heartbeat = Heartbeat()
    heartbeat.beat()
    server = HealthServer(
        engine=engine, metrics=Metrics(), heartbeat=heartbeat, max_tick_age=0.2, host="127.0.0.1", port=0
    ).start()
    try:
        time.sleep(0.4)
        response = httpx.get(f"http://127.0.0.1:{server.port}/readyz")
        assert response.status_code == 503
        assert "stale" in response.json()["scheduler"]
    finally:
        server.close()
        engine.dispose()


def test_database_down_is_not_ready(tmp_path: Path) -> None:
    # A PostgreSQL URL pointing at a loopback port where nothing listens.
    port = _free_port()
    engine = create_engine(
        f"postgresql+psycopg://nobody@127.0.0.1:{port}/none", connect_args={"connect_timeout": 2}
    )
    ok, detail = database_ok(engine)
    assert not ok
    assert detail
    heartbeat = Heartbeat()
    heartbeat.beat()
    server = HealthServer(
        engine=engine, metrics=Metrics(), heartbeat=heartbeat, max_tick_age=60, host="127.0.0.1", port=0
    ).start()
    try:
        response = httpx.get(f"http://127.0.0.1:{server.port}/readyz", timeout=10)
        assert response.status_code == 503
        body = json.loads(response.text)
        assert body["ready"] is False
        assert body["database"] != "ok"
        assert httpx.get(f"http://127.0.0.1:{server.port}/healthz").status_code == 200
    finally:
        server.close()
        engine.dispose()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_metrics_module_has_no_import_time_state() -> None:
    # Two registries in one process must not collide (nothing registered globally).
    code = "from watcher.metrics import Metrics; Metrics(); Metrics(); print('ok')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "ok"
