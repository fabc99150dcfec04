"""Docker cannot run here, so the pieces of the image that must agree with the project are checked directly.

The HEALTHCHECK command itself is executed against a real health server, and
compose's replicas are checked to use settings the application actually reads.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from state.db import open_database
from watcher.health import HealthServer, Heartbeat
from watcher.metrics import Metrics
from watcher.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _dockerfile() -> str:
    return (ROOT / "Dockerfile").read_text()


def _instruction(name: str) -> list[str]:
    text = _dockerfile().replace("\\\n", " ")
    return [line.split(None, 1)[1] for line in text.splitlines() if line.startswith(name + " ")]


def test_image_runs_the_console_script_as_non_root() -> None:
    assert json.loads(_instruction("ENTRYPOINT")[0]) == ["watcher"]
    assert json.loads(_instruction("CMD")[0]) == ["run"]
    assert _instruction("USER") == ["watcher"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert "watcher" in scripts


def test_python_version_and_copied_packages_match_the_project() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    base = _instruction("FROM")[0]
    match = re.match(r"python:(\d+\.\d+)", base)
    assert match, base
    minimum = project["project"]["requires-python"].removeprefix(">=")
    assert tuple(map(int, match.group(1).split("."))) >= tuple(map(int, minimum.split(".")))
    packages = project["tool"]["setuptools"]["packages"]["find"]["include"]
    copied = {line.split()[0] for line in _instruction("COPY")}
    for pattern in packages:
        assert pattern.rstrip("*") in copied, f"Dockerfile does not COPY package {pattern}"
    assert any("pip install ." in step for step in _instruction("RUN"))
    copied_files = {name for line in _instruction("COPY") for name in line.split()[:-1]}
    # The build reads both: metadata from pyproject.toml, the compile step from setup.py.
    assert {"pyproject.toml", "setup.py"} <= copied_files


def test_volume_holds_the_default_database_and_port_matches_settings() -> None:
    env = " ".join(_instruction("ENV"))
    url = re.search(r"WATCHER_DATABASE_URL=(\S+)", env)
    assert url
    assert url.group(1).startswith("sqlite:////data/")
    assert json.loads(_instruction("VOLUME")[0]) == ["/data"]
    port = re.search(r"WATCHER_HTTP_PORT=(\d+)", env)
    assert port
    assert _instruction("EXPOSE") == [port.group(1)]
    assert Settings.model_fields["http_port"].default == int(port.group(1))


def test_healthcheck_command_passes_against_a_live_health_server(sqlite_url: str) -> None:
    command = json.loads(_instruction("HEALTHCHECK")[0].split("CMD", 1)[1])
    assert command[0] == "python"
    engine = open_database(sqlite_url)
    server = HealthServer(
        engine=engine, metrics=Metrics(), heartbeat=Heartbeat(), max_tick_age=5, host="127.0.0.1", port=0
    ).start()
    try:
        env = {"WATCHER_HTTP_PORT": str(server.port), "PATH": "/usr/bin:/bin"}
        ok = subprocess.run([sys.executable, *command[1:]], env=env, timeout=20, check=False)
        assert ok.returncode == 0
    finally:
        server.close()
        engine.dispose()
    # Nothing listening: the same command must report unhealthy.
    down = subprocess.run(
        [sys.executable, *command[1:]], env={"WATCHER_HTTP_PORT": str(server.port)}, timeout=20, check=False
    )
    assert down.returncode != 0


def test_compose_runs_two_replicas_on_postgres_with_real_settings() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    service = compose["services"]["watcher"]
    assert service["deploy"]["replicas"] >= 2
    assert service["command"] == ["run"]
    env = service["environment"]
    assert env["WATCHER_DATABASE_URL"].startswith("postgresql+psycopg://")
    known = {f"WATCHER_{name.upper()}" for name in Settings.model_fields}
    assert set(env) <= known, set(env) - known
    assert compose["services"]["db"]["image"].startswith("postgres:")
