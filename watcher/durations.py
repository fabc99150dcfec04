"""Human durations (`90s`, `10m`, `1h`) as used in settings, the CLI and the watch-list."""

from __future__ import annotations

import re
from datetime import timedelta

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)", re.IGNORECASE)
_WHOLE = re.compile(r"^\s*(?:\d+(?:\.\d+)?\s*(?:ms|s|m|h|d)\s*)+$", re.IGNORECASE)
_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str | int | float | timedelta) -> timedelta:
    """Parse `90s`, `10m`, `1h30m` or a bare number of seconds; reject anything else.

    Raises ValueError with a message that names the accepted forms, because this
    message is what a user sees when a setting or a YAML field is wrong.
    """
    if isinstance(text, timedelta):
        return text
    if isinstance(text, int | float) and not isinstance(text, bool):
        if text < 0:
            raise ValueError("a duration cannot be negative")
        return _seconds(text)
    raw = str(text).strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", raw):
        return _seconds(float(raw))
    if not _WHOLE.match(raw):
        raise ValueError(f"{text!r} is not a duration; use forms like 90s, 10m, 1h or 1h30m")
    total = sum(float(n) * _SECONDS[u.lower()] for n, u in _PART.findall(raw))
    return _seconds(total)


def _seconds(total: float) -> timedelta:
    try:
        return timedelta(seconds=total)
    except OverflowError:
        raise ValueError("duration is too large") from None


def format_duration(value: timedelta) -> str:
    """The shortest `parse_duration` form of a duration (so exports round-trip)."""
    seconds = value.total_seconds()
    if seconds and seconds % 3600 == 0:
        return f"{int(seconds // 3600)}h"
    if seconds and seconds % 60 == 0:
        return f"{int(seconds // 60)}m"
    if seconds.is_integer():
        return f"{int(seconds)}s"
    return f"{seconds}s"
