"""200 feeds added with the CLI, polled twice by real processes: the second poll is all 304s."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.feedserver import press_release, serving

N = 200


def watcher(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "watcher", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_two_hundred_feeds_second_poll_is_conditional_and_stores_nothing(
    sqlite_url: str, tmp_path: Path
) -> None:
    env = {**os.environ, "WATCHER_DATABASE_URL": sqlite_url}
    with serving() as server:
        for i in range(N):
            feed = server.add_feed(f"/feeds/{i}.xml", "atom" if i % 3 == 0 else "rss")
            feed.add_entry(press_release(f"Company {i}", 1))
            feed.add_entry(press_release(f"Company {i}", 2))
        urls = [server.url(f"/feeds/{i}.xml") for i in range(N)]
        added = watcher(env, tmp_path, "feeds", "add", *urls, "--ticker", "MANY")
        assert added.returncode == 0, added.stderr
        first = watcher(env, tmp_path, "poll", "--once")
        assert first.returncode == 0, first.stderr
        assert f"feeds polled: {N}, new: {2 * N}, updated: 0, unchanged: 0, failed: 0" in first.stdout
        seen = len(server.requests)
        second = watcher(env, tmp_path, "poll", "--once")
        assert second.returncode == 0, second.stderr
        assert f"feeds polled: {N}, new: 0, updated: 0, unchanged: {N}, failed: 0 (not modified: {N})" in (
            second.stdout
        )
        again = server.requests[seen:]
    assert len(again) == N
    assert all("if-none-match" in r.headers and "if-modified-since" in r.headers for r in again)
    assert all(r.status == 304 for r in again)
