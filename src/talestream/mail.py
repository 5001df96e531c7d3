"""Sending a plain-text email through the SMTP server in `TALESTREAM_SMTP_URL`.

smtp://user:pass@host:port sends in the clear (a local relay), `?starttls=true` upgrades the
connection first, smtps:// uses implicit TLS. smtplib blocks, so it runs in a worker thread.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from talestream.config import Settings


@dataclass(frozen=True, slots=True)
class SmtpServer:
    host: str
    port: int
    username: str | None
    password: str | None
    implicit_tls: bool
    starttls: bool

    @classmethod
    def from_url(cls, url: str) -> SmtpServer:
        parts = urlsplit(url)
        implicit = parts.scheme == "smtps"
        query = parse_qs(parts.query)
        return cls(
            host=parts.hostname or "localhost",
            port=parts.port or (465 if implicit else 25),
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            implicit_tls=implicit,
            starttls=query.get("starttls", ["false"])[0].lower() in ("1", "true", "yes"),
        )


def _send(server: SmtpServer, message: EmailMessage, timeout: float) -> None:
    context = ssl.create_default_context()
    smtp: smtplib.SMTP
    if server.implicit_tls:
        smtp = smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(server.host, server.port, timeout=timeout)
    with smtp:
        if server.starttls:
            smtp.starttls(context=context)
        if server.username:
            smtp.login(server.username, server.password or "")
        smtp.send_message(message)


async def send_mail(settings: Settings, to: str, subject: str, body: str) -> None:
    """Sends one message; raises OSError/smtplib.SMTPException when the server refuses."""
    assert settings.smtp_url is not None
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    server = SmtpServer.from_url(settings.smtp_url.get_secret_value())
    await asyncio.to_thread(_send, server, message, settings.smtp_timeout_seconds)
