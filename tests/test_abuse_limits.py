"""Limits an attacker meets (issue 10, item 4): many emails from one address, registrations,
`current_password` guesses, and X-Forwarded-For believed only from configured proxies."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from talestream.app import create_app
from talestream.db.migrate import upgrade
from tests.conftest import PASSWORD, make_settings
from tests.servers import ServerThread, free_port

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
async def limited(tmp_path: Path) -> Iterator[str]:
    db = f"sqlite+aiosqlite:///{tmp_path / 'limits.db'}"
    await asyncio.to_thread(upgrade, db)
    settings = make_settings(
        tmp_path,
        db,
        llm_provider="scripted",
        rate_limit_login_address="5/minute",
        rate_limit_register="3/hour",
        rate_limit_password_check="3/minute",
    )
    with ServerThread(create_app(settings)) as url:
        yield url


async def test_spraying_many_emails_from_one_address_is_limited(limited: str) -> None:
    async with httpx.AsyncClient(base_url=limited, timeout=30) as client:
        codes = [
            (
                await client.post(
                    "/api/v1/auth/login", json={"email": f"p{i}@example.com", "password": "x"}
                )
            ).status_code
            for i in range(8)
        ]
    assert codes == [401] * 5 + [429] * 3


async def test_registrations_are_limited_per_address(limited: str) -> None:
    async with httpx.AsyncClient(base_url=limited, timeout=30) as client:
        codes = [
            (
                await client.post(
                    "/api/v1/auth/register",
                    json={"email": f"r{i}@example.com", "password": PASSWORD, "name": "R"},
                )
            ).status_code
            for i in range(5)
        ]
    assert codes == [201] * 3 + [429] * 2


async def test_current_password_guesses_are_limited_per_account(limited: str) -> None:
    async with httpx.AsyncClient(base_url=limited, timeout=30) as client:
        body = {"email": "guess@example.com", "password": PASSWORD, "name": "G"}
        assert (await client.post("/api/v1/auth/register", json=body)).status_code == 201
        tokens = (await client.post("/api/v1/auth/login", json=body)).json()
        client.cookies.clear()
        auth = {"Authorization": f"Bearer {tokens['access_token']}"}
        codes = []
        for i in range(5):
            guess = {"password": "new-secret-99", "current_password": f"guess-{i}-abc"}
            codes.append(
                (await client.patch("/api/v1/users/me", json=guess, headers=auth)).status_code
            )
    assert codes == [403] * 3 + [429] * 2


@contextmanager
def talestream_serve(tmp_path: Path, **env: str) -> Iterator[str]:
    """The real `talestream serve` command, as production starts it."""
    tmp_path.mkdir()
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("TALESTREAM_")}
    environ |= {
        "TALESTREAM_DATA_DIR": str(tmp_path),
        "TALESTREAM_LLM_PROVIDER": "scripted",
        "TALESTREAM_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "TALESTREAM_RATE_LIMIT_LOGIN_ADDRESS": "3/minute",
        "PYTHONPATH": os.pathsep.join(sys.path),
        **{f"TALESTREAM_{k.upper()}": v for k, v in env.items()},
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "talestream", "serve", "--port", str(port)],
        env=environ,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/health", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"talestream serve did not start: {proc.stderr}") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


async def spoofed_logins(url: str) -> list[int]:
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        return [
            (
                await client.post(
                    "/api/v1/auth/login",
                    json={"email": f"s{i}@example.com", "password": "x"},
                    headers={"X-Forwarded-For": f"203.0.113.{i}"},
                )
            ).status_code
            for i in range(5)
        ]


async def test_forwarded_for_is_ignored_unless_the_proxy_is_named(tmp_path: Path) -> None:
    with talestream_serve(tmp_path / "direct") as url:
        codes = await spoofed_logins(url)
    assert codes == [401] * 3 + [429] * 2, "a made-up X-Forwarded-For escaped the limit"

    with talestream_serve(tmp_path / "proxied", forwarded_allow_ips="127.0.0.1") as url:
        codes = await spoofed_logins(url)
    assert codes == [401] * 5, "a named proxy's X-Forwarded-For is each client's address"
