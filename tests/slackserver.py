"""A Slack-Web-API-compatible test server on 127.0.0.1, for the real slack-sdk clients.

Implements what watcher uses: ``chat.postMessage``, ``auth.test``,
``conversations.list``, ``conversations.history``, ``conversations.replies`` and
an incoming-webhook path. Responses can be scripted per method (429 with
Retry-After, 500s, Slack error codes); every request is recorded. It also
enforces Block Kit's size limits the way Slack does (``invalid_blocks``), so a
renderer that overflows them fails here as it would in production.

    with SlackServer() as slack:
        settings = Settings(slack_bot_token=slack.token, slack_api_url=slack.api_url, ...)
        slack.script("chat.postMessage", Reply.ratelimited(retry_after=0))
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

HEADER_LIMIT = 150
SECTION_LIMIT = 3000
BLOCK_LIMIT = 50
WEBHOOK_PATH = "/hooks/T0TEST/B0TEST/webhooksecret"


@dataclass(frozen=True)
class Reply:
    """A scripted HTTP response."""

    status: int = 200
    body: dict[str, Any] | str = field(default_factory=lambda: {"ok": True})
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def ratelimited(cls, retry_after: int = 1) -> Reply:
        return cls(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(retry_after)})

    @classmethod
    def server_error(cls, status: int = 500) -> Reply:
        return cls(status, {"ok": False, "error": "internal_error"})

    @classmethod
    def error(cls, code: str) -> Reply:
        """Slack reports most errors as HTTP 200 with ok=false."""
        return cls(200, {"ok": False, "error": code})


@dataclass(frozen=True)
class Received:
    method: str
    payload: dict[str, Any]
    headers: dict[str, str]


@dataclass
class Channel:
    id: str
    name: str
    member: bool = True
    messages: list[dict[str, Any]] = field(default_factory=list)


class SlackServer:
    def __init__(self, token: str = "xoxb-test-token") -> None:
        self.token = token
        self.channels: dict[str, Channel] = {}
        self.requests: list[Received] = []
        self.webhook_messages: list[dict[str, Any]] = []
        self._scripts: dict[str, list[Reply]] = {}
        self._lock = threading.Lock()
        self._last_ts = 0.0
        self.add_channel("alerts", "C0ALERTS")
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # -- lifecycle -----------------------------------------------------------------
    def start(self) -> SlackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> SlackServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    @property
    def webhook_url(self) -> str:
        return f"{self.base}{WEBHOOK_PATH}"

    # -- scripting and inspection ----------------------------------------------------
    def add_channel(self, name: str, channel_id: str, *, member: bool = True) -> Channel:
        channel = Channel(channel_id, name, member)
        self.channels[channel_id] = channel
        return channel

    def script(self, method: str, *replies: Reply) -> None:
        """Answer the next calls of `method` with `replies`, in order, then normally."""
        with self._lock:
            self._scripts.setdefault(method, []).extend(replies)

    def calls(self, method: str) -> list[Received]:
        with self._lock:
            return [r for r in self.requests if r.method == method]

    def messages(self, channel_id: str = "C0ALERTS") -> list[dict[str, Any]]:
        with self._lock:
            return list(self.channels[channel_id].messages)

    # -- the API -------------------------------------------------------------------
    def _next_ts(self) -> str:
        now = max(time.time(), self._last_ts + 0.000001)
        self._last_ts = now
        return f"{now:.6f}"

    def _find_channel(self, ref: str) -> Channel | None:
        if ref in self.channels:
            return self.channels[ref]
        name = ref.lstrip("#")
        return next((c for c in self.channels.values() if c.name == name), None)

    def handle(self, method: str, payload: dict[str, Any], headers: dict[str, str]) -> Reply:
        with self._lock:
            self.requests.append(Received(method, payload, headers))
            queue = self._scripts.get(method)
            if queue:
                return queue.pop(0)
            if method == "webhook":
                if block_kit_problem(payload.get("blocks")):
                    return Reply(400, "invalid_blocks")
                self.webhook_messages.append(payload)
                return Reply(200, "ok")
            if headers.get("authorization") != f"Bearer {self.token}":
                return Reply.error("invalid_auth" if headers.get("authorization") else "not_authed")
            handler = getattr(self, "_api_" + method.replace(".", "_"), None)
            if handler is None:
                return Reply.error("unknown_method")
            reply: Reply = handler(payload)
            return reply

    def _api_auth_test(self, _payload: dict[str, Any]) -> Reply:
        return Reply(
            body={"ok": True, "url": "https://test.slack.invalid/", "team": "Test", "user": "watcher"}
        )

    def _api_chat_postMessage(self, payload: dict[str, Any]) -> Reply:
        channel = self._find_channel(str(payload.get("channel", "")))
        if channel is None:
            return Reply.error("channel_not_found")
        if not channel.member:
            return Reply.error("not_in_channel")
        problem = block_kit_problem(payload.get("blocks"))
        if problem:
            return Reply(200, {"ok": False, "error": "invalid_blocks", "errors": [problem]})
        thread_ts = payload.get("thread_ts")
        if thread_ts and not any(m["ts"] == thread_ts for m in channel.messages):
            return Reply.error("thread_not_found")
        message = {
            "type": "message",
            "ts": self._next_ts(),
            "text": payload.get("text", ""),
            "blocks": payload.get("blocks") or [],
            "metadata": payload.get("metadata"),
        }
        if thread_ts:
            message["thread_ts"] = thread_ts
        channel.messages.append(message)
        return Reply(body={"ok": True, "channel": channel.id, "ts": message["ts"], "message": message})

    def _api_conversations_list(self, _payload: dict[str, Any]) -> Reply:
        listed = [{"id": c.id, "name": c.name, "is_member": c.member} for c in self.channels.values()]
        return Reply(body={"ok": True, "channels": listed, "response_metadata": {"next_cursor": ""}})

    def _history(self, payload: dict[str, Any], *, thread: str | None) -> Reply:
        channel = self.channels.get(str(payload.get("channel", "")))
        if channel is None:
            return Reply.error("channel_not_found")
        oldest = float(payload.get("oldest") or 0)
        with_metadata = str(payload.get("include_all_metadata", "")).lower() in {"1", "true"}
        found = []
        for message in reversed(channel.messages):
            if float(message["ts"]) < oldest:
                continue
            if thread is not None and thread not in (message["ts"], message.get("thread_ts")):
                continue
            if thread is None and message.get("thread_ts"):
                continue  # history lists top-level messages only, like Slack
            shown = dict(message)
            if not with_metadata or shown.get("metadata") is None:
                shown.pop("metadata", None)
            found.append(shown)
        return Reply(body={"ok": True, "messages": found, "has_more": False})

    def _api_conversations_history(self, payload: dict[str, Any]) -> Reply:
        return self._history(payload, thread=None)

    def _api_conversations_replies(self, payload: dict[str, Any]) -> Reply:
        return self._history(payload, thread=str(payload.get("ts", "")))

    # -- HTTP plumbing ---------------------------------------------------------------
    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._dispatch(b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self._dispatch(self.rfile.read(length))

            def _dispatch(self, raw: bytes) -> None:
                url = urlsplit(self.path)
                headers = {k.lower(): v for k, v in self.headers.items()}
                payload = _parse_body(raw, headers.get("content-type", ""))
                payload.update(dict(parse_qsl(url.query)))
                if url.path == WEBHOOK_PATH:
                    method = "webhook"
                elif url.path.startswith("/api/"):
                    method = url.path.removeprefix("/api/")
                else:
                    self._send(Reply(404, "no_service"))
                    return
                self._send(server.handle(method, payload, headers))

            def _send(self, reply: Reply) -> None:
                if isinstance(reply.body, str):
                    data, ctype = reply.body.encode(), "text/plain; charset=utf-8"
                else:
                    data, ctype = json.dumps(reply.body).encode(), "application/json; charset=utf-8"
                self.send_response(reply.status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _parse_body(raw: bytes, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    text = raw.decode("utf-8")
    if "json" in content_type:
        data = json.loads(text)
        return data if isinstance(data, dict) else {}
    parsed: dict[str, Any] = dict(parse_qsl(text))
    for key in ("blocks", "metadata"):
        if isinstance(parsed.get(key), str):
            parsed[key] = json.loads(parsed[key])
    return parsed


def block_kit_problem(blocks: Any) -> str | None:
    """The first Block Kit limit `blocks` breaks, as Slack would report it."""
    if blocks is None:
        return None
    if not isinstance(blocks, list):
        return "blocks must be a list"
    if len(blocks) > BLOCK_LIMIT:
        return f"too many blocks: {len(blocks)} > {BLOCK_LIMIT}"
    for index, block in enumerate(blocks):
        for text in _texts(block):
            limit = HEADER_LIMIT if block.get("type") == "header" else SECTION_LIMIT
            if len(text) > limit:
                return f"block {index} ({block.get('type')}): text longer than {limit}"
    return None


def _texts(block: dict[str, Any]) -> Iterator[str]:
    text = block.get("text")
    if isinstance(text, dict) and isinstance(text.get("text"), str):
        yield text["text"]
    for element in block.get("elements") or []:
        if isinstance(element, dict) and isinstance(element.get("text"), str):
            yield element["text"]
