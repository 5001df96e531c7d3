"""Accounts like other apps have: common passwords refused, and a reset by email through a real
local SMTP server (aiosmtpd), following the link it sends."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path

import httpx
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from talestream.app import create_app
from tests.conftest import PASSWORD, LiveServer, login, make_settings, register
from tests.servers import ServerThread, free_port

NEW_PASSWORD = "lantern-meadow-73"
RESET = "/api/v1/auth/password-reset"


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: object
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            b"robot",
            b"s3cret",
        )
        return AuthResult(success=ok)

    async def wait_for(self, count: int, seconds: float = 10) -> list[Message]:
        deadline = time.monotonic() + seconds
        while len(self.messages) < count:
            assert time.monotonic() < deadline, f"no mail after {seconds} s"
            await asyncio.sleep(0.02)
        return self.messages


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    # AUTH without TLS is fine on loopback; the credentials from TALESTREAM_SMTP_URL must match.
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=inbox.authenticate,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def mail_server(
    live_server: LiveServer, tmp_path: Path, smtp_server: tuple[Inbox, int]
) -> Iterator[str]:
    """The app on the shared test database, sending mail to the local SMTP server, with its
    public address known in advance so the links it mails point at it."""
    port = free_port()
    settings = make_settings(
        tmp_path,
        live_server.settings.resolved_database_url,
        llm_provider="scripted",
        smtp_url=f"smtp://robot:s3cret@127.0.0.1:{smtp_server[1]}",
        smtp_from="talestream <stories@example.org>",
        public_url=f"http://127.0.0.1:{port}",
    )
    with ServerThread(create_app(settings), port=port) as url:
        yield url


async def test_the_reset_link_arrives_by_mail_works_once_and_ends_every_session(
    mail_server: str, smtp_server: tuple[Inbox, int], db: object
) -> None:
    inbox, _ = smtp_server
    async with httpx.AsyncClient(base_url=mail_server, timeout=30) as client:
        await register(client)
        tokens = await login(client)  # a Bearer login and a cookie session
        bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
        assert (await client.get("/api/v1/users/me")).status_code == 200  # the cookie

        unknown = await client.post(RESET, json={"email": "nobody@example.com"})
        assert unknown.status_code == 202
        known = await client.post(RESET, json={"email": "Parent@Example.com"})
        assert known.status_code == 202 and known.content == unknown.content

        [mail] = await inbox.wait_for(1)
        assert mail["To"] == "parent@example.com"
        assert mail["From"] == "talestream <stories@example.org>"
        body = mail.get_payload(decode=True).decode()  # type: ignore[union-attr]
        link = re.search(r"https?://\S+", body).group(0)  # type: ignore[union-attr]
        assert link.startswith(f"{mail_server}/#/reset?token=")
        assert "30 minutes" in body

        page = await client.get(link.split("#")[0])  # the web app opens the link
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        token = link.partition("#/reset?token=")[2]

        confirm = f"{RESET}/confirm"
        weak = await client.post(confirm, json={"token": token, "password": "password123"})
        assert weak.status_code == 422 and "too easy to guess" in weak.json()["detail"]
        done = await client.post(confirm, json={"token": token, "password": NEW_PASSWORD})
        assert done.status_code == 204, done.text

        again = await client.post(confirm, json={"token": token, "password": "another-pass-55"})
        assert again.status_code == 422 and again.json()["code"] == "RESET_TOKEN_INVALID"
        forged = await client.post(confirm, json={"token": token[:-4] + "abcd", "password": "x"})
        assert forged.status_code == 422

        # Every earlier session is over: Bearer, refresh token and cookie.
        assert (await client.get("/api/v1/users/me", headers=bearer)).status_code == 401
        refresh = {"refresh_token": tokens["refresh_token"]}
        assert (await client.post("/api/v1/auth/refresh", json=refresh)).status_code == 401
        assert (await client.get("/api/v1/users/me")).status_code == 401
        old = {"email": "parent@example.com", "password": PASSWORD}
        assert (await client.post("/api/v1/auth/login", json=old)).status_code == 401
        new = {"email": "parent@example.com", "password": NEW_PASSWORD}
        assert (await client.post("/api/v1/auth/login", json=new)).status_code == 200
    assert len(inbox.messages) == 1, "no mail for an unknown address"


async def test_without_smtp_the_link_is_written_to_the_log(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    await register(client)
    with caplog.at_level(logging.WARNING, logger="talestream.auth.password_reset"):
        r = await client.post(RESET, json={"email": "parent@example.com"})
        assert r.status_code == 202
        deadline = time.monotonic() + 10
        while "#/reset?token=" not in caplog.text:
            assert time.monotonic() < deadline, "no reset link in the log"
            await asyncio.sleep(0.02)
    token = caplog.text.split("#/reset?token=")[1].split()[0]
    r = await client.post(f"{RESET}/confirm", json={"token": token, "password": NEW_PASSWORD})
    assert r.status_code == 204


@pytest.mark.parametrize("password", ["password123", "Qwerty12345", "iloveyou12"])
async def test_common_passwords_are_refused(client: httpx.AsyncClient, password: str) -> None:
    r = await client.post(
        "/api/v1/auth/register", json={"email": "a@example.com", "password": password, "name": "A"}
    )
    assert r.status_code == 422, r.text
    assert "too easy to guess" in r.json()["detail"]
    assert r.json()["errors"][0]["loc"] == ["body", "password"]

    await register(client)
    tokens = await login(client)
    r = await client.patch(
        "/api/v1/users/me",
        json={"password": password, "current_password": PASSWORD},
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
    )
    assert r.status_code == 422 and "too easy to guess" in r.json()["detail"]
