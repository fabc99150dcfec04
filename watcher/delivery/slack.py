"""Slack senders: a bot token (chat.postMessage, threads) or an incoming webhook.

Both use slack-sdk with its retry handlers: 429 responses wait for Retry-After
(`RateLimitErrorRetryHandler`), 500/503 and dropped connections are retried
with backoff. What still fails becomes a `DeliveryFailure`; Slack's auth and
channel errors become configuration errors that name the setting to fix.

Every bot message carries its idempotency key in message metadata (and as
the header's block_id), so after a crash `find_sent` can look the message up
in the channel history instead of posting it twice.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient, WebhookClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.handler import RetryHandler

from watcher.delivery.base import DeliveryFailure, SendResult
from watcher.delivery.model import AlertView
from watcher.delivery.render_slack import render_slack

log = logging.getLogger(__name__)

METADATA_EVENT = "watcher_alert"
TOKEN_ERRORS = frozenset(
    {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission"}
)
CHANNEL_ERRORS = frozenset({"channel_not_found", "not_in_channel", "is_archived", "restricted_action"})
RETRYABLE_ERRORS = frozenset(
    {"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
#: How far before `sending_started_at` the crash lookup searches (clock skew).
LOOKUP_MARGIN = timedelta(minutes=5)
LOOKUP_PAGES = 5


def retry_handlers(backoff_factor: float = 0.5) -> list[RetryHandler]:
    """429: wait Retry-After (up to 5 times); 500/503 and dropped connections: twice with backoff."""
    interval = BackoffRetryIntervalCalculator(backoff_factor=backoff_factor)
    return [
        ConnectionErrorRetryHandler(max_retry_count=2, interval_calculator=interval),
        RateLimitErrorRetryHandler(max_retry_count=5),
        ServerErrorRetryHandler(max_retry_count=2, interval_calculator=interval),
    ]


def _channel_hint(channel: str) -> str:
    return f"check WATCHER_SLACK_CHANNEL or the rule's notify target ({channel}), and invite the bot to it"


def classify_api_error(error: str, *, channel: str, status: int | None) -> DeliveryFailure:
    """Slack's error code as a one-line failure of the right kind."""
    if error in TOKEN_ERRORS:
        return DeliveryFailure(
            f"configuration error: Slack rejected the bot token ({error}); check WATCHER_SLACK_BOT_TOKEN",
            configuration=True,
        )
    if error == "missing_scope":
        return DeliveryFailure(
            "configuration error: the Slack bot token lacks the chat:write scope (missing_scope); "
            "check WATCHER_SLACK_BOT_TOKEN",
            configuration=True,
        )
    if error in CHANNEL_ERRORS:
        return DeliveryFailure(
            f"configuration error: Slack cannot post to {channel} ({error}); {_channel_hint(channel)}",
            configuration=True,
        )
    if error in RETRYABLE_ERRORS or status is None or status >= 500 or status == 429:
        return DeliveryFailure(f"Slack error: {error or 'no error code'} (HTTP {status})")
    # invalid_blocks, msg_too_long, invalid_arguments...: sending again cannot help.
    return DeliveryFailure(f"Slack refused the message: {error or 'unknown error'}", retryable=False)


def _is_channel_id(channel: str) -> bool:
    return channel[:1] in {"C", "G", "D"} and channel.isalnum() and channel.isupper()


class SlackBotSender:
    """chat.postMessage with a bot token; threads follow-ups; finds its own messages."""

    threads = True

    def __init__(self, token: str, *, base_url: str, timeout: int = 30, backoff_factor: float = 0.5) -> None:
        self.client = WebClient(
            token=token, base_url=base_url, timeout=timeout, retry_handlers=retry_handlers(backoff_factor)
        )
        self._channel_ids: dict[str, str] = {}

    def send(self, alert: AlertView, *, channel: str, key: str, thread: str | None) -> SendResult:
        target = channel.removeprefix("slack:")
        message = render_slack(alert, key=key)
        try:
            response = self.client.chat_postMessage(
                channel=target,
                text=message.text,
                blocks=message.blocks,
                thread_ts=thread,
                metadata={"event_type": METADATA_EVENT, "event_payload": {"idempotency_key": key}},
                unfurl_links=False,
                unfurl_media=False,
                link_names=False,
            )
        except SlackApiError as exc:
            raise _api_failure(exc, target) from None
        except (SlackClientError, OSError) as exc:
            raise DeliveryFailure(f"Slack unreachable: {type(exc).__name__}: {exc}") from None
        ts = response.get("ts")
        channel_id = response.get("channel")
        if isinstance(channel_id, str) and channel_id:
            self._channel_ids[target] = channel_id
        return SendResult(message_id=str(ts) if ts else None, thread_ts=thread)

    def find_sent(self, *, channel: str, key: str, since: datetime, thread: str | None) -> SendResult | None:
        """Look through the channel (or the thread) for a message carrying `key`.

        Needs the channels:history scope (groups:history for private channels) and,
        for channel names, channels:read to map the name to an id. Without them the
        lookup is skipped and the alert is sent again: at-least-once, and the
        duplicate carries the same key.
        """
        target = channel.removeprefix("slack:")
        try:
            channel_id = self._resolve(target)
            if channel_id is None:
                return None
            oldest = f"{(since - LOOKUP_MARGIN).timestamp():.6f}"
            cursor: str | None = None
            for _ in range(LOOKUP_PAGES):
                if thread:
                    page = self.client.conversations_replies(
                        channel=channel_id,
                        ts=thread,
                        oldest=oldest,
                        include_all_metadata=True,
                        limit=200,
                        cursor=cursor,
                    )
                else:
                    page = self.client.conversations_history(
                        channel=channel_id, oldest=oldest, include_all_metadata=True, limit=200, cursor=cursor
                    )
                for message in page.get("messages") or []:
                    if _carries_key(message, key):
                        return SendResult(message_id=str(message.get("ts")), thread_ts=thread)
                cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
                if not cursor:
                    break
        except SlackApiError as exc:
            error = str(exc.response.get("error") or "")
            if error in {"missing_scope", "not_allowed_token_type", "channel_not_found", "not_in_channel"}:
                log.warning(
                    "cannot check Slack history for %s (%s): sending again, the copy carries key %s",
                    target,
                    error,
                    key,
                )
                return None
            raise _api_failure(exc, target) from None
        except (SlackClientError, OSError) as exc:
            raise DeliveryFailure(f"Slack unreachable: {type(exc).__name__}: {exc}") from None
        return None

    def _resolve(self, target: str) -> str | None:
        if _is_channel_id(target):
            return target
        if target in self._channel_ids:
            return self._channel_ids[target]
        name = target.lstrip("#")
        cursor: str | None = None
        for _ in range(LOOKUP_PAGES * 4):
            page = self.client.conversations_list(
                types="public_channel,private_channel", exclude_archived=True, limit=1000, cursor=cursor
            )
            for found in page.get("channels") or []:
                if found.get("name") == name and found.get("id"):
                    self._channel_ids[target] = str(found["id"])
                    return self._channel_ids[target]
            cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                break
        return None


def _carries_key(message: dict[str, Any], key: str) -> bool:
    metadata = message.get("metadata") or {}
    payload = metadata.get("event_payload") or {}
    if metadata.get("event_type") == METADATA_EVENT and payload.get("idempotency_key") == key:
        return True
    return any(block.get("block_id") == key for block in message.get("blocks") or [])


def _api_failure(exc: SlackApiError, target: str) -> DeliveryFailure:
    response = exc.response
    error = str(response.get("error") or "") if isinstance(response.data, dict) else ""
    return classify_api_error(error, channel=target, status=response.status_code)


class SlackWebhookSender:
    """An incoming webhook: one fixed channel, no threads, no message id, no lookup."""

    threads = False

    def __init__(self, url: str, *, timeout: int = 30, backoff_factor: float = 0.5) -> None:
        self.client = WebhookClient(url=url, timeout=timeout, retry_handlers=retry_handlers(backoff_factor))

    def send(self, alert: AlertView, *, channel: str, key: str, thread: str | None) -> SendResult:
        del thread
        message = render_slack(alert, key=key)
        try:
            response = self.client.send(
                text=message.text,
                blocks=message.blocks,
                unfurl_links=False,
                unfurl_media=False,
                metadata={"event_type": METADATA_EVENT, "event_payload": {"idempotency_key": key}},
            )
        except (SlackClientError, OSError) as exc:
            raise DeliveryFailure(f"Slack webhook unreachable: {type(exc).__name__}: {exc}") from None
        if response.status_code == 200:
            return SendResult(message_id=None)
        body = (response.body or "").strip()[:200]
        if response.status_code in (401, 403, 404, 410) or body in {
            "invalid_token",
            "no_service",
            "channel_not_found",
            "channel_is_archived",
            "no_active_hooks",
        }:
            raise DeliveryFailure(
                f"configuration error: Slack rejected the webhook ({response.status_code} {body}); "
                "check WATCHER_SLACK_WEBHOOK_URL",
                configuration=True,
            )
        if response.status_code >= 500 or response.status_code == 429:
            raise DeliveryFailure(f"Slack webhook error: HTTP {response.status_code} {body}")
        raise DeliveryFailure(
            f"Slack webhook refused the message: HTTP {response.status_code} {body}", retryable=False
        )

    def find_sent(self, *, channel: str, key: str, since: datetime, thread: str | None) -> SendResult | None:
        """A webhook cannot read the channel: send again (the copy has the same block_id key)."""
        del channel, key, since, thread
        return None
