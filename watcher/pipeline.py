"""The pipeline of one disclosure.

Order, for a polled entry and for `watcher ingest` alike:

1. store the document as a disclosure (dedup by feed entry, then by content hash);
2. only for new or corrected content: attribute it to companies, extract facts
   (pure, `rules.extraction`), store them;
3. score the facts against the watch-list and write alerts with their delivery
   rows, in the same transaction as the facts (`watcher.scoring`);
4. after commit, the caller runs delivery of pending rows (`watcher.delivery`).

A duplicate or unchanged document stops after step 1, which is what makes
"the same disclosure never alerts twice" hold across feeds, restarts and replicas.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from rules.documents import Document
from state.db import session_scope
from state.disclosures import StoreStatus, attribute, store_disclosure
from state.facts import replace_facts
from state.models import Alert
from watcher.app import App
from watcher.scoring import score_disclosure


@dataclass(frozen=True)
class PipelineOutcome:
    disclosure_id: int
    status: StoreStatus
    facts: int = 0
    alert_ids: tuple[int, ...] = field(default_factory=tuple)


def process_document(
    app: App,
    document: Document,
    *,
    feed_id: int | None = None,
    company_ids: set[int] | None = None,
    source: str = "feed",
) -> PipelineOutcome:
    """Run steps 1-3 in one transaction; nothing is half-written if any step fails."""
    with session_scope(app.engine) as session:
        outcome = process_in_session(
            app, session, document, feed_id=feed_id, company_ids=company_ids or set(), source=source
        )
    # Counted only once the transaction has committed, so /metrics never reports rolled-back work.
    app.metrics.disclosures.labels(status=outcome.status).inc()
    if outcome.facts:
        app.metrics.facts.inc(outcome.facts)
    if outcome.alert_ids:
        with Session(app.engine) as session:
            for alert_id in outcome.alert_ids:
                alert = session.get(Alert, alert_id)
                if alert is not None:
                    app.metrics.alerts.labels(severity=alert.severity).inc()
    return outcome


def process_in_session(
    app: App,
    session: Session,
    document: Document,
    *,
    feed_id: int | None,
    company_ids: set[int],
    source: str,
) -> PipelineOutcome:
    now = app.clock()
    stored = store_disclosure(session, document, now=now, feed_id=feed_id, source=source)
    disclosure = stored.disclosure
    assert disclosure.id is not None
    if not stored.is_news:
        return PipelineOutcome(disclosure.id, stored.status)
    if company_ids:
        attribute(session, disclosure.id, company_ids)
    facts = app.extractor(document.text)
    replace_facts(session, disclosure.id, facts, now=now)
    alert_ids = score_disclosure(app, session, disclosure=disclosure, facts=facts, company_ids=company_ids)
    return PipelineOutcome(disclosure.id, stored.status, facts=len(facts), alert_ids=tuple(alert_ids))
