"""The delivery worker: claim due outbox rows, send each, record the outcome.

For one row:

1. claim it with a lease (`state.deliveries.claim_due`), committed;
2. a row found in 'sending' with an expired claim is a crashed send: ask the
   channel whether the message already went out (`Sender.find_sent`, by
   idempotency key) and, if so, record it delivered without sending;
3. decide the thread (a follow-up for the same company within
   `settings.thread_window` goes under the first top-level message);
4. mark it 'sending' (attempts + 1), committed BEFORE the send;
5. send; 6. record delivered, or a failure with the next attempt time
   (exponential backoff with jitter) or 'failed' after
   `settings.delivery_max_attempts`.

A crash between 5 and 6 leaves the row in 'sending'; step 2 picks it up once
the lease expires, so the alert is never lost. A recorded success is final, so
it is never resent (except by `watcher alerts resend`).
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from state import deliveries as store
from state.db import session_scope
from state.deliveries import ClaimedDelivery
from state.models import Alert
from watcher.app import App
from watcher.delivery.base import DeliveryFailure, Sender, SendResult
from watcher.delivery.console import ConsoleSender
from watcher.delivery.email import SmtpSender
from watcher.delivery.model import AlertView, alert_view
from watcher.delivery.slack import SlackBotSender, SlackWebhookSender
from watcher.errors import UserError
from watcher.settings import Settings

log = logging.getLogger(__name__)

BASE_RETRY_DELAY = timedelta(seconds=30)
#: Slack asks for about one message per second per channel.
CHANNEL_INTERVAL = 1.0
CLAIM_BATCH = 25
RUNTIME_KEY = "delivery"


@dataclass(frozen=True)
class Outcome:
    status: str  # delivered | retrying | failed | skipped
    error: str | None = None
    configuration: bool = False


class Pacer:
    """Keeps at least `interval` seconds between two sends to the same channel."""

    def __init__(
        self,
        interval: float = CHANNEL_INTERVAL,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._monotonic = monotonic
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, channel: str) -> None:
        with self._lock:
            last = self._last.get(channel)
            now = self._monotonic()
            if last is not None and now - last < self.interval:
                self._sleep(self.interval - (now - last))
            self._last[channel] = self._monotonic()


def backoff(attempts: int, *, base: timedelta, cap: timedelta, rng: random.Random) -> timedelta:
    """Exponential backoff with "equal jitter": half fixed, half random, so
    retries of many rows (one Slack outage) do not arrive together."""
    delay: timedelta = min(cap, base * (2 ** max(0, attempts - 1)))
    half = delay / 2
    return half + half * rng.random()


@dataclass
class DeliveryRuntime:
    """The worker's parts; `deliver_pending` builds one per app unless a test puts
    its own in ``app.extras["delivery"]``."""

    settings: Settings
    senders: dict[str, Sender] = field(default_factory=dict)
    pacer: Pacer = field(default_factory=Pacer)
    rng: random.Random = field(default_factory=random.Random)
    base_delay: timedelta = BASE_RETRY_DELAY
    #: slack-sdk's backoff between its own retries of a 500/503 (seconds, doubled each time).
    slack_backoff_factor: float = 0.5
    console: ConsoleSender | None = None
    #: Called after a successful send, before recording it: the crash-test seam.
    after_send: Callable[[ClaimedDelivery, SendResult], None] | None = None

    def sender_for(self, channel: str, app: App) -> Sender:
        kind = _kind(channel)
        if kind in self.senders:
            return self.senders[kind]
        sender = self._build(kind, channel, app)
        self.senders[kind] = sender
        return sender

    def _build(self, kind: str, channel: str, app: App) -> Sender:
        s = self.settings
        if kind == "console":
            return self.console or ConsoleSender()
        if kind == "slack-webhook":
            if s.slack_webhook_url is None:
                raise DeliveryFailure(
                    f"configuration error: {channel} needs WATCHER_SLACK_WEBHOOK_URL", configuration=True
                )
            return SlackWebhookSender(
                s.slack_webhook_url.get_secret_value(), backoff_factor=self.slack_backoff_factor
            )
        if kind == "slack-bot":
            if s.slack_bot_token is None:
                raise DeliveryFailure(
                    f"configuration error: {channel} needs WATCHER_SLACK_BOT_TOKEN", configuration=True
                )
            return SlackBotSender(
                s.slack_bot_token.get_secret_value(),
                base_url=s.slack_api_url,
                backoff_factor=self.slack_backoff_factor,
            )
        if kind == "email":
            if not s.smtp_host:
                raise DeliveryFailure(
                    f"configuration error: {channel} needs WATCHER_SMTP_HOST", configuration=True
                )
            return SmtpSender(
                host=s.smtp_host,
                port=s.smtp_port,
                sender=s.email_from or f"watcher@{socket.getfqdn() or 'localhost'}",
                username=s.smtp_username,
                password=s.smtp_password.get_secret_value() if s.smtp_password else None,
                starttls=s.smtp_starttls,
                use_ssl=s.smtp_ssl,
                clock=app.clock,
            )
        raise DeliveryFailure(f"unknown channel {channel!r}", retryable=False, configuration=True)


def _kind(channel: str) -> str:
    if channel == "console":
        return "console"
    if channel == "slack:webhook":
        return "slack-webhook"
    if channel.startswith("slack:"):
        return "slack-bot"
    if channel.startswith("email:"):
        return "email"
    return channel


def runtime_for(app: App) -> DeliveryRuntime:
    existing = app.extras.get(RUNTIME_KEY)
    if isinstance(existing, DeliveryRuntime):
        return existing
    runtime = DeliveryRuntime(settings=app.settings)
    app.extras[RUNTIME_KEY] = runtime
    return runtime


def default_owner() -> str:
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def claim(app: App, *, owner: str, limit: int) -> list[ClaimedDelivery]:
    with session_scope(app.engine) as session:
        return store.claim_due(
            session, owner=owner, now=app.clock(), lease=app.settings.lease_duration, limit=limit
        )


def deliver_one(app: App, runtime: DeliveryRuntime, row: ClaimedDelivery, *, owner: str) -> Outcome:
    """Steps 2-6 for one claimed row; every failure ends as a recorded outcome."""
    settings = app.settings
    with session_scope(app.engine) as session:
        alert = session.get(Alert, row.alert_id)
        view: AlertView | None = alert_view(alert) if alert is not None else None
    if view is None:
        gone = DeliveryFailure("the alert no longer exists", retryable=False)
        return _fail(app, row, owner, gone, marked=False)
    marked = False
    try:
        sender = runtime.sender_for(row.channel, app)
        if row.recovering and row.sending_started_at is not None:
            found = sender.find_sent(
                channel=row.channel,
                key=row.idempotency_key,
                since=row.sending_started_at,
                thread=row.thread_ts,
            )
            if found is not None:
                log.info("delivery %s (%s) had gone out before a crash; recorded", row.id, row.channel)
                return _delivered(app, row, found)
        thread = row.thread_ts if row.recovering else None
        if not row.recovering and sender.threads and view.kind != "operational":
            with session_scope(app.engine) as session:
                thread = store.thread_parent(
                    session,
                    channel=row.channel,
                    company_id=view.company_id,
                    since=app.clock() - settings.thread_window,
                )
        runtime.pacer.wait(row.channel)
        with session_scope(app.engine) as session:
            if not store.mark_sending(
                session, row.id, owner=owner, now=app.clock(), lease=settings.lease_duration, thread_ts=thread
            ):
                return Outcome("skipped")
        marked = True
        result = sender.send(view, channel=row.channel, key=row.idempotency_key, thread=thread)
    except DeliveryFailure as failure:
        return _fail(app, row, owner, failure, marked=marked)
    except Exception as exc:  # a bug or an unexpected library error must not stop the cycle
        log.exception("delivery %s (%s) crashed", row.id, row.channel)
        unexpected = DeliveryFailure(f"unexpected error: {type(exc).__name__}: {exc}")
        return _fail(app, row, owner, unexpected, marked=marked)
    if runtime.after_send is not None:
        runtime.after_send(row, result)
    return _delivered(app, row, result)


def _delivered(app: App, row: ClaimedDelivery, result: SendResult) -> Outcome:
    with session_scope(app.engine) as session:
        store.record_delivered(
            session,
            row.id,
            now=app.clock(),
            provider_message_id=result.message_id,
            thread_ts=result.thread_ts,
        )
    return Outcome("delivered")


def _fail(app: App, row: ClaimedDelivery, owner: str, failure: DeliveryFailure, *, marked: bool) -> Outcome:
    """Record a failed attempt: retry later with backoff, or give up and log it."""
    settings = app.settings
    runtime = runtime_for(app)
    attempts = row.attempts + 1
    message = str(failure)
    give_up = not failure.retryable or attempts >= settings.delivery_max_attempts
    retry_at = None
    if not give_up:
        delay = backoff(attempts, base=runtime.base_delay, cap=settings.backoff_max, rng=runtime.rng)
        retry_at = app.clock() + delay
    with session_scope(app.engine) as session:
        recorded = store.record_failure(
            session, row.id, owner=owner, error=message, retry_at=retry_at, count_attempt=not marked
        )
    if not recorded:
        return Outcome("skipped", message, failure.configuration)
    if give_up:
        log.error(
            "alert %s to %s failed after %d attempt(s): %s", row.alert_id, row.channel, attempts, message
        )
        return Outcome("failed", message, failure.configuration)
    log.warning(
        "alert %s to %s: attempt %d failed, next at %s: %s",
        row.alert_id,
        row.channel,
        attempts,
        retry_at.isoformat() if retry_at else "-",
        message,
    )
    return Outcome("retrying", message, failure.configuration)


def release(app: App, row: ClaimedDelivery, *, owner: str) -> None:
    with session_scope(app.engine) as session:
        store.release_claim(session, row.id, owner=owner)


def resend(app: App, alert_id: int, *, channels: list[str] | None = None) -> list[str]:
    """Queue an alert's delivered or failed deliveries again; returns their channels.

    Raises `UserError` for an unknown alert, an unknown channel, or when every
    delivery is already on its way.
    """
    with session_scope(app.engine) as session:
        if session.get(Alert, alert_id) is None:
            raise UserError(f"no alert with id {alert_id}")
        existing = {row.channel: row.status for row in store.deliveries_of(session, alert_id)}
        unknown = [c for c in channels or [] if c not in existing]
        if unknown:
            known = ", ".join(existing) or "none"
            raise UserError(f"alert {alert_id} has no delivery to {unknown[0]} (it has: {known})")
        rows = store.requeue(session, alert_id, channels=channels)
        if not rows:
            raise UserError(f"alert {alert_id} is already queued for delivery")
        return [row.channel for row in rows]
