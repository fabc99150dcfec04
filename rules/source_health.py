"""When a failing feed deserves an operational alert.

One alert when a feed has failed `threshold` polls in a row, one more when it
next succeeds, and nothing in between: an operator wants to know a source went
dark and when it came back, not a message per retry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class SourceHealthVerdict:
    alert: Literal["failing", "recovered"] | None
    #: The feed's `failure_alerted` flag after this poll.
    failure_alerted: bool


def judge_source_health(
    *, succeeded: bool, consecutive_failures: int, failure_alerted: bool, threshold: int
) -> SourceHealthVerdict:
    """Decide from the feed's counters *after* recording this poll's outcome."""
    if succeeded:
        if failure_alerted:
            return SourceHealthVerdict("recovered", False)
        return SourceHealthVerdict(None, False)
    if not failure_alerted and consecutive_failures >= threshold:
        return SourceHealthVerdict("failing", True)
    return SourceHealthVerdict(None, failure_alerted)


def failing_title(feed_label: str, failures: int, error: str | None) -> str:
    reason = (error or "unknown error").splitlines()[0][:300]
    return f"Feed failing: {feed_label} has failed {failures} polls in a row ({reason})"


def recovered_title(feed_label: str) -> str:
    return f"Feed recovered: {feed_label} is polling again"
