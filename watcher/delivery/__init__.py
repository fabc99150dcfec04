"""Delivery of pending alert rows (the outbox).

Placeholder until issue 5 lands: sends nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from watcher.app import App


@dataclass(frozen=True)
class DeliverySummary:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0


def deliver_pending(app: App, *, owner: str | None = None, limit: int | None = None) -> DeliverySummary:
    """Claim due delivery rows, send them and record each outcome."""
    del app, owner, limit
    return DeliverySummary()
