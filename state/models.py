"""SQLModel tables.

Every change here needs an Alembic migration in `state/migrations/versions`;
`tests/test_migrations.py` fails when the tables and the migrations disagree.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from state.types import UTCDateTime, utcnow


def _ts(*, nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


class Company(SQLModel, table=True):
    __tablename__ = "companies"

    id: int | None = Field(default=None, primary_key=True)
    ticker: str = Field(unique=True, index=True, max_length=16)
    name: str = Field(max_length=200)
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    customers: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class Feed(SQLModel, table=True):
    __tablename__ = "feeds"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, max_length=2000)
    company_id: int | None = Field(default=None, foreign_key="companies.id", index=True, ondelete="SET NULL")
    title: str | None = Field(default=None, max_length=500)
    interval_seconds: int | None = None
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    last_status: str | None = Field(default=None, max_length=50)
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    consecutive_failures: int = 0
    next_poll_at: datetime | None = _ts(index=True)
    last_polled_at: datetime | None = _ts()
    paused: bool = False
    lease_owner: str | None = Field(default=None, max_length=100)
    lease_expires_at: datetime | None = _ts()
    failure_alerted: bool = False
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class Disclosure(SQLModel, table=True):
    __tablename__ = "disclosures"
    __table_args__ = (
        UniqueConstraint("feed_id", "guid", name="uq_disclosures_feed_guid"),
        Index("ix_disclosures_content_hash", "content_hash"),
    )

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int | None = Field(default=None, foreign_key="feeds.id", index=True, ondelete="SET NULL")
    guid: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=2000)
    title: str = Field(default="", sa_column=Column(Text, nullable=False))
    published: datetime | None = _ts()
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    content_hash: str = Field(max_length=64)
    source: str = Field(default="feed", max_length=20)
    revision: int = 1
    fetched_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime | None = _ts()


class DisclosureCompany(SQLModel, table=True):
    """Which watched companies a disclosure is attributed to (feed owner, or named in a news story)."""

    __tablename__ = "disclosure_companies"

    disclosure_id: int = Field(foreign_key="disclosures.id", primary_key=True, ondelete="CASCADE")
    company_id: int = Field(foreign_key="companies.id", primary_key=True, index=True, ondelete="CASCADE")


class FactRow(SQLModel, table=True):
    __tablename__ = "facts"

    id: int | None = Field(default=None, primary_key=True)
    disclosure_id: int = Field(foreign_key="disclosures.id", index=True, ondelete="CASCADE")
    company_id: int | None = Field(default=None, foreign_key="companies.id", index=True, ondelete="SET NULL")
    metric: str = Field(max_length=40, index=True)
    kind: str = Field(max_length=10)
    value: float
    low: float
    high: float
    unit: str = Field(max_length=10)
    bound: str = Field(default="exact", max_length=10)
    basis: str | None = Field(default=None, max_length=10)
    period: str | None = Field(default=None, max_length=20)
    company: str | None = Field(default=None, max_length=200)
    counterparty: str | None = Field(default=None, max_length=200)
    instrument: str | None = Field(default=None, max_length=20)
    evidence: str = Field(default="", sa_column=Column(Text, nullable=False))
    start: int = 0
    end: int = 0
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class RuleRow(SQLModel, table=True):
    __tablename__ = "rules"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True, max_length=200)
    kind: str = Field(max_length=40)
    enabled: bool = True
    spec: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime | None = _ts()


class Alert(SQLModel, table=True):
    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("disclosure_id", "company_id", name="uq_alerts_disclosure_company"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(default="disclosure", max_length=20)
    disclosure_id: int | None = Field(
        default=None, foreign_key="disclosures.id", index=True, ondelete="SET NULL"
    )
    company_id: int | None = Field(default=None, foreign_key="companies.id", index=True, ondelete="SET NULL")
    ticker: str | None = Field(default=None, max_length=16)
    title: str = Field(default="", sa_column=Column(Text, nullable=False))
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=2000)
    published: datetime | None = _ts()
    severity: str = Field(default="warning", max_length=10)
    score: float = 0.0
    rules: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    matches: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False, index=True)
    )


class Delivery(SQLModel, table=True):
    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("alert_id", "channel", name="uq_deliveries_alert_channel"),)

    id: int | None = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alerts.id", index=True, ondelete="CASCADE")
    channel: str = Field(max_length=300)
    status: str = Field(default="pending", max_length=12, index=True)
    attempts: int = 0
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    idempotency_key: str = Field(max_length=100)
    provider_message_id: str | None = Field(default=None, max_length=300)
    thread_ts: str | None = Field(default=None, max_length=100)
    next_attempt_at: datetime | None = _ts(index=True)
    claimed_by: str | None = Field(default=None, max_length=100)
    claim_expires_at: datetime | None = _ts()
    sending_started_at: datetime | None = _ts()
    delivered_at: datetime | None = _ts()
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
