"""The lean HTTP/1.1 transport (watcher.http11) against real servers: TLS, keep-alive, bad peers."""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from tests.feedserver import serving
from watcher.http11 import LeanTransport


async def _get(transport: LeanTransport, url: str) -> tuple[int, bytes, str]:
    request = httpx.Request("GET", url, extensions={"timeout": {"connect": 5.0}})
    response = await transport.handle_async_request(request)
    response.request = request
    try:
        body = b"".join([chunk async for chunk in response.aiter_bytes()])
    finally:
        await response.aclose()
    return response.status_code, body, response.reason_phrase


@pytest.fixture
def tls_files(tmp_path: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: no certificate for the TLS test")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
            ),
            *("-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_https_with_the_servers_certificate_trusted_and_refused_otherwise(
    tls_files: tuple[Path, Path],
) -> None:
    cert, key = tls_files

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = b"<rss version='2.0'><channel/></rss>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    served.load_cert_chain(cert, key)
    server.socket = served.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"https://localhost:{server.server_address[1]}/feed.xml"
    try:
        trusting = ssl.create_default_context(cafile=str(cert))

        async def run() -> None:
            transport = LeanTransport(4, trusting)
            try:
                assert (await _get(transport, url))[:2] == (200, b"<rss version='2.0'><channel/></rss>")
                assert (await _get(transport, url))[0] == 200  # again, on the kept connection
            finally:
                await transport.aclose()
            with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
                await _get(LeanTransport(4), url)  # the default context does not know this certificate

        asyncio.run(run())
    finally:
        server.shutdown()
        server.server_close()


def test_a_kept_connection_the_server_closed_is_replaced() -> None:
    with serving() as server:
        server.add_feed("/a.xml")
        url = server.url("/a.xml")

        async def run() -> list[int]:
            transport = LeanTransport(2)
            try:
                first = (await _get(transport, url))[0]
                for idle in transport._idle.values():  # the server hangs up while the connection is idle
                    for connection in idle:
                        connection._socket.shutdown(socket.SHUT_RDWR)
                await asyncio.sleep(0.05)
                return [first, (await _get(transport, url))[0]]
            finally:
                await transport.aclose()

        assert asyncio.run(run()) == [200, 200]
        assert len({r.client_port for r in server.requests_for("/a.xml")}) == 2


def test_a_peer_that_hangs_up_without_answering_is_a_protocol_error() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def hang_up() -> None:
        conn, _ = listener.accept()
        conn.recv(1024)
        conn.close()

    threading.Thread(target=hang_up, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/x"
    try:
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            asyncio.run(_get(LeanTransport(1), url))
    finally:
        listener.close()


def test_connection_slots_are_given_back() -> None:
    with serving() as server:
        server.add_feed("/a.xml")
        server.add_error("/missing.xml", 404)

        async def run() -> list[int]:
            transport = LeanTransport(1)  # one slot: a leaked one would hang the second request
            try:
                statuses = []
                for path in ("/missing.xml", "/a.xml", "/missing.xml", "/a.xml"):
                    async with asyncio.timeout(5):
                        statuses.append((await _get(transport, server.url(path)))[0])
                return statuses
            finally:
                await transport.aclose()

        assert asyncio.run(run()) == [404, 200, 404, 200]
