"""Applies `rules.source_health` to a feed after its poll is recorded, in the same transaction."""

from __future__ import annotations

import logging

from sqlmodel import Session

from rules.source_health import failing_title, judge_source_health, recovered_title
from state.models import Feed
from state.operational import write_operational_alert
from watcher.app import App
from watcher.channels import default_channels

log = logging.getLogger(__name__)


def check_source_health(app: App, session: Session, feed: Feed, *, succeeded: bool) -> int | None:
    """Raise or clear the feed's operational alert; return the new alert's id, if any."""
    verdict = judge_source_health(
        succeeded=succeeded,
        consecutive_failures=feed.consecutive_failures,
        failure_alerted=feed.failure_alerted,
        threshold=app.settings.feed_failure_alert_after,
    )
    feed.failure_alerted = verdict.failure_alerted
    session.add(feed)
    if verdict.alert is None:
        return None
    label = feed.title or feed.url
    if verdict.alert == "failing":
        title = failing_title(label, feed.consecutive_failures, feed.last_error)
        severity = "warning"
    else:
        title = recovered_title(label)
        severity = "info"
    alert = write_operational_alert(
        session,
        title=title,
        severity=severity,
        channels=default_channels(app.settings),
        now=app.clock(),
        source=feed.url,
    )
    app.metrics.alerts.labels(severity=severity).inc()
    log.warning("%s", title, extra={"feed_id": feed.id, "alert_id": alert.id})
    return alert.id
