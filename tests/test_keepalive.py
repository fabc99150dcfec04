"""The idle-connection check (watcher.http11) on real sockets; keep-alive with a real server."""

from __future__ import annotations

import asyncio
import socket

from tests.feedserver import serving
from watcher.fetch import Fetcher
from watcher.http11 import _readable
from watcher.settings import Settings


def test_an_idle_socket_is_readable_only_once_the_peer_hung_up() -> None:
    ours, theirs = socket.socketpair()
    try:
        assert not _readable(ours)
        theirs.close()
        assert _readable(ours)
    finally:
        ours.close()


def test_keep_alive_connections_are_reused_across_200s_and_304s() -> None:
    with serving() as server:
        feed = server.add_feed("/a.xml")
        url = server.url("/a.xml")

        async def run() -> list[str]:
            fetcher = Fetcher(Settings(database_url="sqlite://"))
            kinds: list[str] = []
            try:
                first = await fetcher.fetch(url)
                kinds.append(first.kind)
                for _ in range(3):
                    again = await fetcher.fetch(url, etag=first.etag)
                    kinds.append(again.kind)
            finally:
                await fetcher.aclose()
            return kinds

        assert feed is not None
        assert asyncio.run(run()) == ["ok", "not_modified", "not_modified", "not_modified"]
        seen = server.requests_for("/a.xml")
        assert [r.status for r in seen] == [200, 304, 304, 304]
        assert len({r.client_port for r in seen}) == 1  # one connection for all four
