"""`watcher extract SOURCE [--json]` as a user runs it: real process, real files, real HTTP on loopback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

RELEASE = (
    "Acme Compute Reports First Quarter 2026 Results\n\n"
    "Acme Compute, Inc. today reported results for the first quarter of 2026.\n\n"
    "Revenue was $146.2 million, up 131% year over year. "
    "Microsoft accounted for 71% of revenue in the quarter.\n"
)
HTML = (
    "<html><head><script>var x = '$999 million';</script></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Acme Compute Reports First Quarter 2026 Results</h1>"
    "<p>Acme Compute, Inc. today reported results for the first quarter of 2026, with demand ahead of plan "
    "in every region it serves.</p><table><tr><th>Metric</th><th>Q1 2026</th><th>Q1 2025</th></tr>"
    "<tr><td>Gross margin</td><td>47%</td><td>40%</td></tr></table></article>"
    "<footer>100% renewable</footer></body></html>"
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "watcher", "extract", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/release.html":
            body = HTML.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        elif self.path == "/release.txt":
            body = RELEASE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
        else:
            body = b"not here"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_json_output_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(RELEASE)
    result = run(str(path), "--json")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    got = {(f["metric"], f["low"], f["period"], f["counterparty"]) for f in facts}
    assert got == {
        ("revenue", 146200000, "2026-Q1", None),
        ("revenue_growth", 131, "2026-Q1", None),
        ("customer_concentration", 71, "2026-Q1", "Microsoft"),
    }
    for f in facts:
        assert RELEASE[f["start"] : f["end"]] == f["evidence"]


def test_table_at_80_columns_keeps_every_detail_readable() -> None:
    """Dollar ranges in billions once filled an 80-column table and folded the details column to
    one character a line: names came out as a vertical strip of letters."""
    text = (
        "Revenue guidance for 2026 was lowered to $5.05 billion to $5.15 billion. "
        "Tessaline drew $193.4 million under a term loan from Bank of Lorne.\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "watcher", "extract", "-"],
        capture_output=True,
        text=True,
        input=text,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "COLUMNS": "80"},
    )
    assert result.returncode == 0, result.stderr
    assert "5.05–5.15 bn USD" in result.stdout
    assert "193.4 m USD" in result.stdout
    assert "Bank of Lorne" in result.stdout  # on one line, not folded letter by letter
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_a_saved_feed_file_is_read_as_its_entries(tmp_path: Path) -> None:
    # An .xml feed file (no HTML markers in its head) goes through the feed reader, not as raw markup.
    feed = tmp_path / "item.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>IR</title><item>'
        "<title>Acme Compute signs 300 MW lease</title><description><![CDATA[<p>Acme Compute signed a "
        "lease with Microsoft for 300 MW of capacity, valued at $4.2 billion over ten years.</p>]]>"
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    result = run(str(feed), "--json")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert {(f["metric"], f["value"]) for f in facts} >= {
        ("capacity_contracted", 300),
        ("contract_value", 4.2e9),
    }
    assert all("<" not in f["evidence"] for f in facts)


def test_table_output_and_stdin() -> None:
    result = run("-", stdin=RELEASE)
    assert result.returncode == 0, result.stderr
    assert "customer_concentration" in result.stdout
    assert "Microsoft" in result.stdout


def test_html_url_is_converted(server: str) -> None:
    result = run(f"{server}/release.html", "--json")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert {(f["metric"], f["low"], f["period"]) for f in facts} == {
        ("gross_margin", 47, "2026-Q1"),
        ("gross_margin", 40, "2025-Q1"),
    }


def test_text_url(server: str) -> None:
    result = run(f"{server}/release.txt", "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 3


def _one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error:"), lines[0]
    assert fragment in lines[0], lines[0]


def test_missing_file() -> None:
    _one_line_error(run("no-such-release.txt"), "no such file")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _one_line_error(run(str(path)), "binary")


def test_http_error_status(server: str) -> None:
    _one_line_error(run(f"{server}/missing"), "HTTP 404")


def test_unreachable_url() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _one_line_error(run(f"http://127.0.0.1:{port}/release.html"), "cannot fetch")
