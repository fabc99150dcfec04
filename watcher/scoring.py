"""Step 3 of the pipeline: score a disclosure's facts against the watch-list.

Order, inside the pipeline's transaction (so facts, learned customers, alerts
and their delivery rows are committed together or not at all):

1. which companies: the feed's company, the ones given (`ingest --ticker`), or,
   for a general news feed, every watched company named in the title or the
   opening paragraph (`rules.attribution`); recorded in `disclosure_companies`;
2. the enabled rules, validated (`state.rules`);
3. per company: its history without this disclosure (`state.history`), the pure
   evaluation (`rules.evaluate`), severity and score (`rules.scoring`);
4. customers learned from this disclosure's contract / capacity / concentration
   facts are added to `Company.customers` (after evaluation; the evaluator
   already counts this disclosure's own counterparties);
5. one alert per company that fired anything, with one pending delivery per
   channel of the union of its fired rules' `notify` (`watcher.channels`).

The same disclosure never alerts twice: the pipeline stops duplicates before
this step, and `write_alert` refuses a second alert for (disclosure, company).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from rules.attribution import CompanyRef, attribute_story, fact_belongs_to
from rules.evaluate import DisclosureView, RuleMatch, evaluate, learned_customers
from rules.facts import Fact
from rules.scoring import score_matches
from rules.watchlist import Rule
from state.alerts import NewAlert, write_alert
from state.disclosures import attribute
from state.history import company_ref, load_history
from state.models import Company, Feed
from state.rules import enabled_rules
from watcher.app import App
from watcher.channels import resolve_channels

log = logging.getLogger(__name__)


class DisclosureLike(Protocol):
    """What scoring reads of a disclosure: an ORM `Disclosure`, or a `NewDisclosure` just inserted."""

    @property
    def id(self) -> int | None: ...
    @property
    def feed_id(self) -> int | None: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def url(self) -> str | None: ...
    @property
    def published(self) -> datetime | None: ...
    @property
    def source(self) -> str: ...


@dataclass(frozen=True)
class FeedInfo:
    """The three columns of a feed that scoring reads."""

    url: str
    title: str | None
    company_id: int | None


_FEEDS = Feed.__table__  # type: ignore[attr-defined]
#: a plain Core read, once per polled feed: loading the ORM row cost several times more
_FEED_INFO = select(_FEEDS.c.url, _FEEDS.c.title, _FEEDS.c.company_id).where(_FEEDS.c.id == bindparam("id"))
_COMPANIES = Company.__table__  # type: ignore[attr-defined]
#: is anything watched at all: a Core read, several times cheaper than loading no ORM rows
_ANY_COMPANY = select(_COMPANIES.c.id).limit(1)


@dataclass
class ScoringCache:
    """Rows read once per transaction instead of once per disclosure.

    Valid for one transaction (the feeds stored together): the watched
    companies and the enabled rules are what the transaction saw when it first
    asked, so a watch-list edit or another replica's work is picked up by the
    next transaction.
    Company rows are the session's own objects, so customers learned from one
    disclosure are seen by the next.
    """

    feeds: dict[int, FeedInfo | None] = field(default_factory=dict)
    watched: list[Company] | None = None
    rules: list[Rule] | None = None

    def feed(self, session: Session, feed_id: int) -> FeedInfo | None:
        if feed_id not in self.feeds:
            row = session.connection().execute(_FEED_INFO, {"id": feed_id}).first()
            self.feeds[feed_id] = FeedInfo(row[0], row[1], row[2]) if row is not None else None
        return self.feeds[feed_id]

    def watched_companies(self, session: Session) -> list[Company]:
        if self.watched is None:
            if session.connection().execute(_ANY_COMPANY).first() is None:
                self.watched = []
            else:
                self.watched = list(session.exec(select(Company).order_by(col(Company.id))).all())
        return self.watched

    def enabled_rules(self, session: Session) -> list[Rule]:
        if self.rules is None:
            self.rules = enabled_rules(session)
        return self.rules


def score_disclosure(
    app: App,
    session: Session,
    *,
    disclosure: DisclosureLike,
    facts: list[Fact],
    company_ids: set[int],
    cache: ScoringCache | None = None,
) -> list[int]:
    """Write alerts (with their delivery rows) in the caller's transaction; return their ids."""
    assert disclosure.id is not None
    cache = cache or ScoringCache()
    feed = cache.feed(session, disclosure.feed_id) if disclosure.feed_id is not None else None
    companies = _companies(session, disclosure, feed, company_ids, cache)
    if not companies:
        return []
    rules = cache.enabled_rules(session)
    view = DisclosureView(title=disclosure.title, text=disclosure.text, facts=tuple(facts))
    source = (feed.title or feed.url) if feed is not None else disclosure.source
    alert_ids: list[int] = []
    for company in companies:
        ref = company_ref(company)
        matches: list[RuleMatch] = []
        if rules:
            history = load_history(session, ref, exclude_disclosure_id=disclosure.id)
            matches = evaluate(rules, view, ref, history)
        _learn_customers(session, company, ref, facts)
        if matches:
            alert_id = _write(app, session, disclosure, company, source, rules, matches)
            if alert_id is not None:
                alert_ids.append(alert_id)
    return alert_ids


def _companies(
    session: Session,
    disclosure: DisclosureLike,
    feed: FeedInfo | None,
    company_ids: set[int],
    cache: ScoringCache,
) -> list[Company]:
    """The companies this disclosure is scored for (step 1 of the module docstring)."""
    assert disclosure.id is not None
    ids = set(company_ids)
    if not ids and feed is not None and feed.company_id is not None:
        ids = {feed.company_id}
    if ids:
        attribute(session, disclosure.id, ids)
        return list(
            session.exec(select(Company).where(col(Company.id).in_(ids)).order_by(col(Company.id))).all()
        )
    watched = cache.watched_companies(session)
    named = attribute_story([company_ref(c) for c in watched], disclosure.title, disclosure.text)
    ids = {ref.id for ref in named if ref.id is not None}
    if not ids:
        return []
    attribute(session, disclosure.id, ids)
    return [company for company in watched if company.id in ids]


def _learn_customers(session: Session, company: Company, ref: CompanyRef, facts: list[Fact]) -> None:
    owned = [fact for fact in facts if fact_belongs_to(fact, ref)]
    new = learned_customers(owned, company.customers or [])
    if new:
        company.customers = [*(company.customers or []), *new]
        session.add(company)
        session.flush()
        log.info("%s: learned customers %s", company.ticker, ", ".join(new))


def _write(
    app: App,
    session: Session,
    disclosure: DisclosureLike,
    company: Company,
    source: str | None,
    rules: list[Rule],
    matches: list[RuleMatch],
) -> int | None:
    assert disclosure.id is not None
    assert company.id is not None
    scored = score_matches(matches)
    notify = {rule.name: rule.notify for rule in rules}
    channels: list[str] = []
    for name in scored.rules:
        channels.extend(resolve_channels(app.settings, notify.get(name)))
    alert = write_alert(
        session,
        NewAlert(
            disclosure_id=disclosure.id,
            company_id=company.id,
            ticker=company.ticker,
            title=disclosure.title,
            url=disclosure.url,
            source=source,
            published=disclosure.published,
            severity=scored.severity,
            score=scored.score,
            rules=scored.rules,
            matches=tuple(m.to_json() for m in matches),
            channels=tuple(dict.fromkeys(channels)),
        ),
        now=app.clock(),
    )
    return alert.id if alert is not None else None
