"""A lean HTTP/1.1 transport for httpx: h11 over asyncio streams, with keep-alive.

httpx's own transport goes through httpcore's connection pool and anyio: a
lock, a cancel scope and a backend look-up around every read and write, and
pool bookkeeping on every request start and end. For a poller sending
thousands of small GETs that was most of a request's CPU. This transport
does the same protocol work (h11 parses and frames every message) with plain
asyncio streams and a dictionary of idle connections per origin.

What it leaves to its caller (`watcher.fetch.Fetcher`): redirects, the
response size cap, and the overall time limit of a request (reads have no
timeout of their own; the fetcher wraps each request in one). Connecting has
its own limit, from the request's `timeout` extension, as in httpx.
"""

from __future__ import annotations

import asyncio
import select
import ssl
from collections.abc import AsyncIterator
from typing import Any, Protocol

import h11
import httpx

#: bytes asked of the socket per read
READ_SIZE = 64 * 1024

Origin = tuple[bytes, bytes, int]


class _HasFileno(Protocol):
    def fileno(self) -> int: ...


def _readable(sock: _HasFileno) -> bool:
    """The socket has data (or EOF) waiting: on an idle keep-alive connection, the server hung up."""
    fd = sock.fileno()
    if fd < 0:
        return True
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        return bool(poller.poll(0))
    readable, _, _ = select.select([fd], [], [], 0)
    return bool(readable)


class _Connection:
    """One TCP (or TLS) connection and its h11 state machine."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.h11 = h11.Connection(h11.CLIENT)
        # asyncio hands out a TransportSocket wrapper: anything with fileno() will do for poll(2)
        self._socket: Any = writer.get_extra_info("socket")

    def stale(self) -> bool:
        """An idle keep-alive connection the server has hung up (EOF or stray bytes are waiting)."""
        if self._socket is None or self.writer.is_closing():
            return True
        return _readable(self._socket)

    async def next_event(self) -> Any:
        while True:
            try:
                event = self.h11.next_event()
            except h11.RemoteProtocolError as exc:
                raise httpx.RemoteProtocolError(str(exc)) from exc
            if event is not h11.NEED_DATA:
                return event
            try:
                data = await self.reader.read(READ_SIZE)
            except (ConnectionError, OSError) as exc:
                raise httpx.ReadError(str(exc) or type(exc).__name__) from exc
            if not data and self.h11.their_state is h11.SEND_RESPONSE:
                raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
            self.h11.receive_data(data)

    async def send(self, event: Any) -> None:
        data = self.h11.send(event)
        if data:
            try:
                self.writer.write(data)
                await self.writer.drain()
            except (ConnectionError, OSError) as exc:
                raise httpx.WriteError(str(exc) or type(exc).__name__) from exc

    def reusable(self) -> bool:
        """The exchange ended cleanly and both sides keep the connection: ready for the next request."""
        if self.h11.our_state is h11.DONE and self.h11.their_state is h11.DONE:
            self.h11.start_next_cycle()
            return True
        return False

    def close(self) -> None:
        self.writer.close()  # no waiting for a TLS close_notify: the answer was read, or abandoned


class _Body(httpx.AsyncByteStream):
    """A response body read from its connection; closing it returns the connection to the pool."""

    def __init__(self, transport: LeanTransport, origin: Origin, connection: _Connection) -> None:
        self._transport = transport
        self._origin = origin
        self._connection: _Connection | None = connection

    async def __aiter__(self) -> AsyncIterator[bytes]:
        connection = self._connection
        if connection is None:
            return
        while True:
            event = await connection.next_event()
            if isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage | h11.ConnectionClosed):
                return

    async def aclose(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            self._transport._release(self._origin, connection)


class LeanTransport(httpx.AsyncBaseTransport):
    """HTTP/1.1 with keep-alive; at most `max_connections` open at once (the rest wait)."""

    def __init__(self, max_connections: int, ssl_context: ssl.SSLContext | None = None) -> None:
        self._ssl = ssl_context
        self._slots = asyncio.Semaphore(max_connections)  # bound to the loop at first use
        self._idle: dict[Origin, list[_Connection]] = {}
        self._max_idle = max_connections

    def _context(self) -> ssl.SSLContext:
        if self._ssl is None:
            self._ssl = httpx.create_ssl_context(trust_env=False)
        return self._ssl

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        scheme = url.raw_scheme
        if scheme not in (b"http", b"https"):
            raise httpx.UnsupportedProtocol(f"Request URL has an unsupported protocol '{url.scheme}://'.")
        port = url.port or (443 if scheme == b"https" else 80)
        origin: Origin = (scheme, url.raw_host, port)
        await self._slots.acquire()
        try:
            connection = self._reuse(origin) or await self._connect(origin, request)
            try:
                response = await self._exchange(connection, request)
            except BaseException:
                connection.close()
                raise
        except BaseException:
            self._slots.release()
            raise
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=_Body(self, origin, connection),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": response.reason},
        )

    def _reuse(self, origin: Origin) -> _Connection | None:
        idle = self._idle.get(origin)
        while idle:
            connection = idle.pop()
            if not connection.stale():
                return connection
            connection.close()
        return None

    async def _connect(self, origin: Origin, request: httpx.Request) -> _Connection:
        scheme, host, port = origin
        name = host.decode("ascii")
        timeout = request.extensions.get("timeout", {}).get("connect")
        tls = self._context() if scheme == b"https" else None
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(
                    name.strip("[]"), port, ssl=tls, server_hostname=name.strip("[]") if tls else None
                )
        except TimeoutError as exc:
            raise httpx.ConnectTimeout("connection timed out") from exc
        except (OSError, ssl.SSLError) as exc:
            raise httpx.ConnectError(str(exc) or type(exc).__name__) from exc
        return _Connection(reader, writer)

    @staticmethod
    async def _exchange(connection: _Connection, request: httpx.Request) -> h11.Response:
        target = request.url.raw_path
        await connection.send(h11.Request(method=request.method, target=target, headers=request.headers.raw))
        await connection.send(h11.EndOfMessage())
        while True:
            event = await connection.next_event()
            if isinstance(event, h11.Response):
                return event
            if isinstance(event, h11.ConnectionClosed):
                raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
            # h11.InformationalResponse (100 Continue and the like): read on

    def _release(self, origin: Origin, connection: _Connection) -> None:
        self._slots.release()
        idle = self._idle.setdefault(origin, [])
        if connection.reusable() and len(idle) < self._max_idle:
            idle.append(connection)
        else:
            connection.close()

    async def aclose(self) -> None:
        for idle in self._idle.values():
            for connection in idle:
                connection.close()
        self._idle.clear()
