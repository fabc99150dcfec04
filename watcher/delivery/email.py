"""Email through the standard library's smtplib: STARTTLS or SSL, optional login.

One connection per message keeps the sender stateless; alert volume is low.
The Message-ID is derived from the idempotency key, so a message sent again
after a crash carries the same Message-ID and mail clients that dedupe on it
show it once.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from datetime import datetime

from watcher.clock import Clock
from watcher.delivery.base import DeliveryFailure, SendResult
from watcher.delivery.model import AlertView
from watcher.delivery.render_email import render_email

_NOT_ATOM = re.compile(r"[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+")


def message_id_for(key: str, sender: str) -> str:
    """``<alert-12-email.pm.example.com@example.com>``: stable per alert and channel."""
    domain = sender.rpartition("@")[2].strip(" >") or "watcher.invalid"
    local = _NOT_ATOM.sub(".", key).replace("@", ".").strip(".") or "alert"
    return f"<{local}@{_NOT_ATOM.sub('', domain) or 'watcher.invalid'}>"


class SmtpSender:
    threads = True

    def __init__(
        self,
        *,
        host: str,
        port: int | None,
        sender: str,
        username: str | None,
        password: str | None,
        starttls: bool,
        use_ssl: bool,
        clock: Clock,
        timeout: float = 30.0,
    ) -> None:
        self.host = host
        self.port = port or (465 if use_ssl else 587 if starttls else 25)
        self.sender = sender
        self.username = username
        self.password = password
        self.starttls = starttls
        self.use_ssl = use_ssl
        self.clock = clock
        self.timeout = timeout

    def send(self, alert: AlertView, *, channel: str, key: str, thread: str | None) -> SendResult:
        recipient = channel.removeprefix("email:").strip()
        message_id = message_id_for(key, self.sender)
        message = render_email(
            alert,
            sender=self.sender,
            recipients=[recipient],
            message_id=message_id,
            date=self.clock(),
            in_reply_to=thread,
        )
        try:
            with self._connect() as smtp:
                if self.username:
                    smtp.login(self.username, self.password or "")
                smtp.send_message(message, from_addr=self.sender, to_addrs=[recipient])
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryFailure(
                f"configuration error: SMTP login refused ({exc.smtp_code}); "
                "check WATCHER_SMTP_USERNAME and WATCHER_SMTP_PASSWORD",
                configuration=True,
            ) from None
        except smtplib.SMTPNotSupportedError as exc:
            raise DeliveryFailure(
                f"configuration error: the SMTP server does not support this ({exc}); "
                "check WATCHER_SMTP_STARTTLS, WATCHER_SMTP_SSL and WATCHER_SMTP_USERNAME",
                configuration=True,
            ) from None
        except smtplib.SMTPSenderRefused as exc:
            raise DeliveryFailure(
                f"configuration error: the SMTP server refused the sender {self.sender} "
                f"({exc.smtp_code}); check WATCHER_EMAIL_FROM",
                configuration=True,
                retryable=exc.smtp_code < 500,
            ) from None
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            permanent = all(code >= 500 for code in codes)
            raise DeliveryFailure(
                f"SMTP server refused {recipient} ({', '.join(map(str, codes))}); "
                "check the rule's notify target or WATCHER_EMAIL_TO",
                configuration=True,
                retryable=not permanent,
            ) from None
        except smtplib.SMTPResponseException as exc:
            raise DeliveryFailure(
                f"SMTP error {exc.smtp_code}: {exc.smtp_error!r}", retryable=exc.smtp_code < 500
            ) from None
        except ssl.SSLError as exc:
            raise DeliveryFailure(
                f"configuration error: TLS with {self.host}:{self.port} failed ({exc.reason}); "
                "check WATCHER_SMTP_STARTTLS / WATCHER_SMTP_SSL",
                configuration=True,
            ) from None
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryFailure(
                f"SMTP server {self.host}:{self.port} unreachable: {type(exc).__name__}: {exc}"
            ) from None
        return SendResult(message_id=message_id, thread_ts=thread)

    def find_sent(self, *, channel: str, key: str, since: datetime, thread: str | None) -> SendResult | None:
        """SMTP cannot tell what was sent: send again with the same Message-ID."""
        del channel, key, since, thread
        return None

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context()
        if self.use_ssl:
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        if self.starttls:
            try:
                smtp.starttls(context=context)
            except BaseException:
                smtp.close()
                raise
        return smtp
