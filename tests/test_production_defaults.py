"""Production means Secure cookies (issue 10, item 15)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from talestream.app import create_app
from talestream.config import ConfigError, Settings, load_settings
from tests.conftest import PASSWORD, UNLIMITED
from tests.servers import ServerThread


def production(data_dir: Path, database_url: str, **overrides: object) -> Settings:
    return load_settings(
        env="production",
        data_dir=data_dir,
        database_url=database_url,
        secret_key="test-secret-key-that-is-long-enough-0123456789",
        llm_provider="scripted",
        **{name: "1000/minute" for name in UNLIMITED},
        **overrides,
    )


async def test_production_session_cookies_are_secure(database_url: str, tmp_path: Path) -> None:
    settings = production(tmp_path, database_url)
    with ServerThread(create_app(settings)) as url:
        async with httpx.AsyncClient(base_url=url, timeout=30) as client:
            body = {"email": "prod@example.com", "password": PASSWORD, "name": "P"}
            assert (await client.post("/api/v1/auth/register", json=body)).status_code == 201
            r = await client.post("/api/v1/auth/login", json=body)
            assert r.status_code == 200
            cookies = r.headers.get_list("set-cookie")
            assert len(cookies) == 2
            for cookie in cookies:
                assert "secure" in [p.strip().lower() for p in cookie.split(";")], cookie
            await client.delete(
                "/api/v1/users/me", headers={"Authorization": f"Bearer {r.json()['access_token']}"}
            )


def test_production_refuses_insecure_cookies(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="TALESTREAM_COOKIE_SECURE"):
        production(tmp_path, "", cookie_secure=False)
