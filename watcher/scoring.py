"""Step 3 of the pipeline: score a disclosure's facts against the watch-list.

Placeholder until issue 4 lands: no rules, no alerts.
"""

from __future__ import annotations

from sqlmodel import Session

from rules.facts import Fact
from state.models import Disclosure
from watcher.app import App


def score_disclosure(
    app: App,
    session: Session,
    *,
    disclosure: Disclosure,
    facts: list[Fact],
    company_ids: set[int],
) -> list[int]:
    """Write alerts (with their delivery rows) in the caller's transaction; return their ids."""
    del app, session, disclosure, facts, company_ids
    return []
