"""What every sender shares: the result of a send, the failure kinds, the protocol."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from watcher.delivery.model import AlertView


@dataclass(frozen=True)
class SendResult:
    #: Slack `ts`, email Message-ID; None where the channel has none (webhook, console).
    message_id: str | None
    #: The parent this message was threaded under (Slack thread_ts, email In-Reply-To).
    thread_ts: str | None = None


class DeliveryFailure(Exception):
    """A send that did not go out; the message is one line for logs and `last_error`.

    `retryable` failures are tried again with backoff; the others (a message the
    provider will never accept) fail the row at once. `configuration` marks
    failures the operator must fix in settings; they are retried, because the
    fix plus a restart should deliver what is queued.
    """

    def __init__(self, message: str, *, retryable: bool = True, configuration: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.configuration = configuration


class Sender(Protocol):
    """A thin sender: renders nothing itself beyond calling a pure renderer."""

    #: Whether follow-ups can go into a thread (`thread` argument of `send`).
    threads: bool

    def send(self, alert: AlertView, *, channel: str, key: str, thread: str | None) -> SendResult:
        """Send once; raise `DeliveryFailure` when it did not go out."""
        ...

    def find_sent(self, *, channel: str, key: str, since: datetime, thread: str | None) -> SendResult | None:
        """After a crash: the message carrying `key` if it already went out, else
        None (also when the channel cannot tell, which means at-least-once)."""
        ...
