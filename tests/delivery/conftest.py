"""Fixtures for delivery tests: a test Slack server, an aiosmtpd server, alerts in a real database."""

from __future__ import annotations

import socket
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from state.db import open_database
from state.deliveries import deliveries_of, idempotency_key
from state.models import Alert, Company, Delivery
from tests.slackserver import SlackServer
from watcher.app import App, make_app
from watcher.delivery.outbox import DeliveryRuntime, Pacer
from watcher.settings import Settings

NOW = datetime(2026, 11, 2, 14, 30, tzinfo=UTC)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def slack() -> Iterator[SlackServer]:
    with SlackServer() as server:
        yield server


@dataclass
class Received:
    envelope_from: str
    envelope_to: list[str]
    message: EmailMessage


@dataclass
class SmtpHandler:
    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: SmtpHandler

    @property
    def received(self) -> list[Received]:
        return self.handler.received


def free_port() -> int:
    """A loopback port nobody listens on (aiosmtpd's Controller needs a concrete port)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@contextmanager
def run_smtp(**kwargs: Any) -> Iterator[SmtpServer]:
    handler = SmtpHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", port, handler)
    finally:
        controller.stop()


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with run_smtp() as server:
        yield server


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = open_database(database_url)
    yield engine
    engine.dispose()


def build_app(engine: Engine, clock: FakeClock, **settings: Any) -> App:
    """An app whose worker does not pace (tests would wait a second per message)."""
    app = make_app(Settings(**settings), engine=engine, clock=clock)
    app.extras["delivery"] = DeliveryRuntime(
        settings=app.settings, pacer=Pacer(0.0), slack_backoff_factor=0.01
    )
    return app


def slack_settings(server: SlackServer, **extra: Any) -> dict[str, Any]:
    return {
        "slack_bot_token": server.token,
        "slack_channel": "#alerts",
        "slack_api_url": server.api_url,
        **extra,
    }


MATCH = {
    "rule": "margin-guide-below-40",
    "kind": "threshold",
    "severity": "critical",
    "summary": "Q2 core gross margin guidance 36–38% vs 47% last quarter",
    "fact": {
        "metric": "gross_margin",
        "kind": "guidance",
        "value": 37,
        "low": 36,
        "high": 38,
        "unit": "percent",
        "evidence": "We expect core gross margin of 36% to 38% for the second quarter.",
    },
    "compared_to": {"value": 47},
}


def add_alert(
    engine: Engine,
    *,
    channels: Sequence[str],
    ticker: str = "CBRS",
    title: str = "Cerebras reports first quarter results",
    url: str | None = "https://ir.example.com/news/q1",
    matches: Sequence[dict[str, Any]] = (MATCH,),
    severity: str = "critical",
    created_at: datetime = NOW,
) -> int:
    """An alert and its delivery rows, written together as scoring writes them."""
    with Session(engine) as session:
        company = session.exec(select(Company).where(Company.ticker == ticker)).first()
        if company is None:
            company = Company(ticker=ticker, name=f"{ticker} Inc.")
            session.add(company)
            session.flush()
        alert = Alert(
            company_id=company.id,
            ticker=ticker,
            title=title,
            url=url,
            source="ir.example.com",
            published=created_at - timedelta(minutes=5),
            severity=severity,
            score=87.5,
            rules=[m["rule"] for m in matches],
            matches=list(matches),
            created_at=created_at,
        )
        session.add(alert)
        session.flush()
        assert alert.id is not None
        for channel in channels:
            session.add(
                Delivery(
                    alert_id=alert.id,
                    channel=channel,
                    idempotency_key=idempotency_key(alert.id, channel),
                    created_at=created_at,
                )
            )
        session.commit()
        return alert.id


def deliveries(engine: Engine, alert_id: int) -> list[Delivery]:
    with Session(engine) as session:
        return deliveries_of(session, alert_id)


def delivery(engine: Engine, alert_id: int) -> Delivery:
    rows = deliveries(engine, alert_id)
    assert len(rows) == 1
    return rows[0]
