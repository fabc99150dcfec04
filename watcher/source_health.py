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
    assert feed.id is not None
    alerted, alert_id = judge_and_alert(
        app,
        session,
        feed_id=feed.id,
        label=feed.title or feed.url,
        url=feed.url,
        consecutive_failures=feed.consecutive_failures,
        last_error=feed.last_error,
        failure_alerted=feed.failure_alerted,
        succeeded=succeeded,
    )
    feed.failure_alerted = alerted
    session.add(feed)
    return alert_id


def judge_and_alert(
    app: App,
    session: Session,
    *,
    feed_id: int,
    label: str,
    url: str,
    consecutive_failures: int,
    last_error: str | None,
    failure_alerted: bool,
    succeeded: bool,
) -> tuple[bool, int | None]:
    """The feed's `failure_alerted` flag after this poll, and the operational alert written, if any.

    From the feed's counters *after* recording the poll; the caller stores the flag.
    """
    verdict = judge_source_health(
        succeeded=succeeded,
        consecutive_failures=consecutive_failures,
        failure_alerted=failure_alerted,
        threshold=app.settings.feed_failure_alert_after,
    )
    if verdict.alert is None:
        return verdict.failure_alerted, None
    if verdict.alert == "failing":
        title = failing_title(label, consecutive_failures, last_error)
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
        source=url,
    )
    app.metrics.alerts.labels(severity=severity).inc()
    log.warning("%s", title, extra={"feed_id": feed_id, "alert_id": alert.id})
    return verdict.failure_alerted, alert.id
