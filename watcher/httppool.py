"""A cheaper idle-connection check for httpx's connection pool.

httpcore's pool asks every idle connection "has the server closed you?" each
time a request starts or ends (`get_extra_info("is_readable")`). Through
anyio that question first builds a dict of every socket attribute (a
`getpeername` system call among them) before polling the socket, and with a
few dozen pooled connections that made the pool the costliest part of a
1,000-feed poll. This backend wraps the pool's own one and answers that one
question directly from the socket it saw at connect time; everything else is
passed through unchanged.
"""

from __future__ import annotations

import select
import ssl
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any, Protocol

import httpcore
import httpx


class _HasFileno(Protocol):
    def fileno(self) -> int: ...


SocketOption = tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]


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


class _Stream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        # asyncio hands out a TransportSocket wrapper, not a socket.socket: anything
        # with fileno() will do for poll(2).
        sock = inner.get_extra_info("socket")
        self._socket: _HasFileno | None = sock if callable(getattr(sock, "fileno", None)) else None

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable" and self._socket is not None:
            return _readable(self._socket)
        return self._inner.get_extra_info(info)


class CheapIdleCheckBackend(httpcore.AsyncNetworkBackend):
    """Wraps a network backend; its streams answer `is_readable` with one poll(2)."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(
            host, port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )
        return _Stream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[SocketOption] | None = None
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_unix_socket(path, timeout=timeout, socket_options=socket_options)
        return _Stream(stream)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def pooled_transport(
    limits: httpx.Limits, ssl_context: ssl.SSLContext | None = None
) -> httpx.AsyncHTTPTransport:
    """httpx's own transport, with the cheaper idle check when its pool has the expected shape.

    The pool and its backend are private attributes of httpx and httpcore; if a
    future version moves them the transport is returned unchanged (only slower).
    `ssl_context` lets several transports share one (each new one reads the
    CA bundle again, about 25 ms).
    """
    verify: ssl.SSLContext | bool = ssl_context if ssl_context is not None else True
    transport = httpx.AsyncHTTPTransport(verify=verify, limits=limits, trust_env=False)
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(pool, httpcore.AsyncConnectionPool) and isinstance(backend, httpcore.AsyncNetworkBackend):
        pool._network_backend = CheapIdleCheckBackend(backend)
    return transport


#: connections per pool shard: httpcore's pool does work quadratic in its size
#: on every request start and end, so many small pools beat one large one
SHARD_CONNECTIONS = 8


class _Counted(httpx.AsyncByteStream):
    """A response body that tells its shard when it is closed (the connection is free again)."""

    def __init__(self, inner: httpx.AsyncByteStream, done: Callable[[], None]) -> None:
        self._inner = inner
        self._done: Callable[[], None] | None = done

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            if self._done is not None:
                self._done()
                self._done = None


class ShardedTransport(httpx.AsyncBaseTransport):
    """Several connection pools behind one transport; each request goes to the least busy.

    The total stays within the caller's limit (each shard gets its share), and
    each pool stays small enough that its bookkeeping is cheap.
    """

    def __init__(self, max_connections: int) -> None:
        shards = max(1, max_connections // SHARD_CONNECTIONS)
        sizes = [
            max_connections // shards + (1 if i < max_connections % shards else 0) for i in range(shards)
        ]
        # One TLS context for all shards, built as httpx builds its default (certifi CAs).
        context = httpx.create_ssl_context(trust_env=False)
        self._shards = [
            pooled_transport(httpx.Limits(max_connections=size, max_keepalive_connections=size), context)
            for size in sizes
        ]
        self._busy = [0] * shards

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        index = min(range(len(self._shards)), key=self._busy.__getitem__)
        self._busy[index] += 1

        def done() -> None:
            self._busy[index] -= 1

        try:
            response = await self._shards[index].handle_async_request(request)
        except BaseException:
            done()
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=_Counted(response.stream, done),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        for shard in self._shards:
            await shard.aclose()
