"""Delivery of pending alert rows (the outbox): Slack, email, console.

`deliver_pending` is what the daemon's job, `poll --once` and `ingest` call
after the pipeline commits. The design (outbox, leases, crash recovery,
ordering, threading) is in `watcher.delivery.outbox` and docs/delivery.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from watcher.app import App


@dataclass(frozen=True)
class DeliverySummary:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0
    #: One line per distinct error met in this run (for the CLI to show).
    errors: tuple[str, ...] = field(default_factory=tuple)


def deliver_pending(app: App, *, owner: str | None = None, limit: int | None = None) -> DeliverySummary:
    """Claim due delivery rows, send them and record each outcome.

    Loops until nothing is due (or `limit` rows were handled): each round claims
    the head row of every channel, so a channel gets its alerts in alert order.
    """
    from watcher.delivery import outbox  # the senders import slack-sdk; keep `import watcher` light

    runtime = outbox.runtime_for(app)
    owner = owner or outbox.default_owner()
    counts = {"delivered": 0, "retrying": 0, "failed": 0}
    errors: dict[str, None] = {}
    handled = 0
    seen: set[int] = set()
    while limit is None or handled < limit:
        batch = outbox.CLAIM_BATCH if limit is None else min(outbox.CLAIM_BATCH, limit - handled)
        claimed = outbox.claim(app, owner=owner, limit=batch)
        fresh = [row for row in claimed if row.id not in seen]
        if not fresh:
            for row in claimed:
                outbox.release(app, row, owner=owner)
            break
        for row in claimed:
            seen.add(row.id)
            outcome = outbox.deliver_one(app, runtime, row, owner=owner)
            _count(app, row.id, row.channel, outcome.status)
            if outcome.status in counts:
                counts[outcome.status] += 1
            if outcome.error:
                errors[outcome.error] = None
        handled += len(claimed)
    return DeliverySummary(**counts, errors=tuple(errors))


def _count(app: App, delivery_id: int, channel: str, status: str) -> None:
    """Metrics for one attempt; the latency runs from the alert's creation to now."""
    from sqlmodel import Session

    from state.models import Delivery
    from watcher.metrics import channel_kind

    label = {"retrying": "retry"}.get(status, status)
    app.metrics.deliveries.labels(channel=channel_kind(channel), status=label).inc()
    if status != "delivered":
        return
    with Session(app.engine) as session:
        row = session.get(Delivery, delivery_id)
        if row is not None and row.created_at is not None:
            app.metrics.delivery_latency.observe(max(0.0, (app.clock() - row.created_at).total_seconds()))
