"""Where an alert goes: channel strings shared by scoring (which writes one
delivery row per channel) and delivery (which sends to it).

A channel is one of ``"slack:#name"`` (bot token, chat.postMessage),
``"slack:webhook"`` (incoming webhook), ``"email:addr@example.com"`` or
``"console"``. Keeping it a plain string keeps the outbox row self-describing.
"""

from __future__ import annotations

from watcher.settings import Settings

CONSOLE = "console"
SLACK_WEBHOOK = "slack:webhook"


def default_channels(settings: Settings) -> list[str]:
    """The channels configured in settings; the console when nothing is."""
    channels: list[str] = []
    if settings.slack_bot_token is not None and settings.slack_channel:
        channels.append(f"slack:{_slack_name(settings.slack_channel)}")
    elif settings.slack_webhook_url is not None:
        channels.append(SLACK_WEBHOOK)
    if settings.smtp_host and settings.email_to:
        channels.extend(f"email:{addr}" for addr in _split_addresses(settings.email_to))
    return channels or [CONSOLE]


def resolve_channels(settings: Settings, notify: list[str] | None) -> list[str]:
    """A rule's ``notify`` targets as channels, or the defaults when it names none.

    A ``slack:#x`` target needs a bot token (webhooks post to one fixed
    channel), so with only a webhook configured it becomes ``slack:webhook``.
    """
    if not notify:
        return default_channels(settings)
    channels: list[str] = []
    for target in notify:
        target = target.strip()
        if target.startswith("slack:"):
            name = target.removeprefix("slack:").strip()
            if settings.slack_bot_token is not None and name and name != "webhook":
                channels.append(f"slack:{_slack_name(name)}")
            elif settings.slack_webhook_url is not None:
                channels.append(SLACK_WEBHOOK)
            else:
                channels.append(CONSOLE)
        elif target.startswith("email:"):
            addr = target.removeprefix("email:").strip()
            channels.append(f"email:{addr}" if settings.smtp_host else CONSOLE)
        elif target == CONSOLE:
            channels.append(CONSOLE)
    unique = list(dict.fromkeys(channels))
    return unique or default_channels(settings)


def _slack_name(name: str) -> str:
    name = name.strip()
    # Channel ids (C0123...) are used as given; names get their '#'.
    if name.startswith("#") or (name[:1] in {"C", "G", "D"} and name[1:].isalnum() and name.isupper()):
        return name
    return f"#{name}"


def _split_addresses(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]
