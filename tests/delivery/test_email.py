"""Email delivery through smtplib to a real aiosmtpd server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy.engine import Engine

from tests.delivery.conftest import (
    MATCH,
    FakeClock,
    SmtpServer,
    add_alert,
    build_app,
    delivery,
    free_port,
    run_smtp,
)
from watcher.delivery import deliver_pending


def _email_settings(server: SmtpServer, **extra: Any) -> dict[str, Any]:
    return {
        "smtp_host": server.host,
        "smtp_port": server.port,
        "email_from": "watcher@alerts.example.com",
        **extra,
    }


def test_multipart_message_with_subject_and_headers(engine: Engine, smtp: SmtpServer) -> None:
    app = build_app(engine, FakeClock(), **_email_settings(smtp))
    alert_id = add_alert(engine, channels=["email:pm@example.com"])

    assert deliver_pending(app).delivered == 1

    [received] = smtp.received
    assert received.envelope_from == "watcher@alerts.example.com"
    assert received.envelope_to == ["pm@example.com"]
    message = received.message
    assert message["Subject"] == "[CBRS] critical: Q2 core gross margin guidance 36–38% vs 47% last quarter"
    assert message["From"] == "watcher@alerts.example.com"
    assert message["To"] == "pm@example.com"
    assert message["Date"] == "Mon, 02 Nov 2026 14:30:00 +0000"
    assert message["Message-ID"] == f"<alert-{alert_id}-email.pm.example.com@alerts.example.com>"
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None
    assert html is not None
    for part in (plain.get_content(), html.get_content()):
        assert MATCH["summary"] in part
        assert "We expect core gross margin of 36% to 38% for the second quarter." in part
        assert "Score: 87.5" in part
    assert '<a href="https://ir.example.com/news/q1">' in html.get_content()
    row = delivery(engine, alert_id)
    assert (row.status, row.provider_message_id) == ("delivered", message["Message-ID"])


def test_crlf_in_title_injects_no_header(engine: Engine, smtp: SmtpServer) -> None:
    app = build_app(engine, FakeClock(), **_email_settings(smtp))
    evil = dict(MATCH, summary="cut\r\nBcc: victim@example.com\r\nX-Injected: yes")
    add_alert(
        engine,
        channels=["email:pm@example.com"],
        title="Results\r\nBcc: victim@example.com\n\n<script>alert(1)</script>",
        matches=[evil],
    )

    assert deliver_pending(app).delivered == 1

    [received] = smtp.received
    message = received.message
    assert received.envelope_to == ["pm@example.com"]
    assert message["Bcc"] is None
    assert message["X-Injected"] is None
    assert "\n" not in message["Subject"]
    assert "Bcc: victim@example.com" in message["Subject"]
    html = message.get_body(("html",))
    assert html is not None
    assert "<script>" not in html.get_content()
    assert "&lt;script&gt;" in html.get_content()


def test_follow_up_email_replies_to_the_first(engine: Engine, smtp: SmtpServer) -> None:
    app = build_app(engine, FakeClock(), **_email_settings(smtp))
    add_alert(engine, channels=["email:pm@example.com"], title="first")
    add_alert(engine, channels=["email:pm@example.com"], title="second")

    assert deliver_pending(app).delivered == 2

    first, second = (r.message for r in smtp.received)
    assert first["In-Reply-To"] is None
    assert second["In-Reply-To"] == first["Message-ID"]


def test_unreachable_server_retries(engine: Engine) -> None:
    closed_port = free_port()
    app = build_app(engine, FakeClock(), smtp_host="127.0.0.1", smtp_port=closed_port)
    alert_id = add_alert(engine, channels=["email:pm@example.com"])

    summary = deliver_pending(app)

    assert summary.retrying == 1
    row = delivery(engine, alert_id)
    assert row.status == "pending"
    assert row.last_error
    assert f"127.0.0.1:{closed_port} unreachable" in row.last_error


class _Authenticator:
    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"watcher", b"s3cret")
        return AuthResult(success=ok, handled=False)


@pytest.fixture
def auth_smtp() -> Iterator[SmtpServer]:
    with run_smtp(authenticator=_Authenticator(), auth_require_tls=False) as server:
        yield server


def test_login_and_wrong_password(engine: Engine, auth_smtp: SmtpServer) -> None:
    good = build_app(
        engine, FakeClock(), **_email_settings(auth_smtp, smtp_username="watcher", smtp_password="s3cret")
    )
    first = add_alert(engine, channels=["email:pm@example.com"])
    assert deliver_pending(good).delivered == 1
    assert len(auth_smtp.received) == 1

    bad = build_app(
        engine, FakeClock(), **_email_settings(auth_smtp, smtp_username="watcher", smtp_password="nope")
    )
    second = add_alert(engine, channels=["email:ops@example.com"], ticker="OTHR")
    summary = deliver_pending(bad)
    assert summary.delivered == 0
    error = delivery(engine, second).last_error or ""
    assert "WATCHER_SMTP_USERNAME" in error
    assert "WATCHER_SMTP_PASSWORD" in error
    assert "s3cret" not in error
    assert "nope" not in error
    assert delivery(engine, first).status == "delivered"
