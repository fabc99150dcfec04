"""The console sink: alerts printed to the terminal when nothing else is configured."""

from __future__ import annotations

from datetime import datetime

from rich.console import Console

from watcher.delivery.base import SendResult
from watcher.delivery.model import AlertView
from watcher.delivery.render_email import render_text


class ConsoleSender:
    """Prints the plain-text rendering; markup and highlighting off, so feed text
    such as ``[bold]`` or ``[link=...]`` prints as typed."""

    threads = False

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(soft_wrap=True)

    def send(self, alert: AlertView, *, channel: str, key: str, thread: str | None) -> SendResult:
        del channel, key, thread
        self.console.print(render_text(alert), markup=False, highlight=False, emoji=False)
        return SendResult(message_id=None)

    def find_sent(self, *, channel: str, key: str, since: datetime, thread: str | None) -> SendResult | None:
        """A terminal keeps no record: print again rather than lose the alert."""
        del channel, key, since, thread
        return None
