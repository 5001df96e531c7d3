"""Rate limits on logins and story generation, in memory and in a real Redis shared by workers."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from talestream.app import create_app
from talestream.db.migrate import upgrade
from tests.conftest import PASSWORD, make_settings
from tests.servers import ServerThread

LIMITS = {"rate_limit_login": "3/minute", "rate_limit_generate": "2/minute"}


async def _exercise(urls: list[str]) -> None:
    """Alternates requests between `urls` (one or more workers sharing the limits)."""
    async with httpx.AsyncClient(timeout=30) as client:
        r = await client.post(
            urls[0] + "/api/v1/auth/register",
            json={"email": "rl@example.com", "password": PASSWORD, "name": "R"},
        )
        assert r.status_code == 201
        login = {"email": "rl@example.com", "password": PASSWORD}
        statuses = [
            (await client.post(urls[i % len(urls)] + "/api/v1/auth/login", json=login)).status_code
            for i in range(4)
        ]
        assert statuses == [200, 200, 200, 429]
        refused = await client.post(urls[0] + "/api/v1/auth/login", json=login)
        assert refused.json()["code"] == "RATE_LIMITED"
        assert 1 <= int(refused.headers["retry-after"]) <= 60
        assert "try again in" in refused.json()["detail"]

        token = r = None
        token = await client.post(
            urls[0] + "/api/v1/auth/login", json={**login, "email": "RL@example.com"}
        )
        assert token.status_code == 429, "the email is matched case-insensitively"

    async with httpx.AsyncClient(timeout=30) as client:
        await client.post(
            urls[0] + "/api/v1/auth/register",
            json={"email": "gen@example.com", "password": PASSWORD, "name": "G"},
        )
        tokens = (
            await client.post(
                urls[0] + "/api/v1/auth/login",
                json={"email": "gen@example.com", "password": PASSWORD},
            )
        ).json()
        auth = {"Authorization": f"Bearer {tokens['access_token']}"}
        child = (
            await client.post(
                urls[0] + "/api/v1/children/", json={"name": "Mia", "age": 6}, headers=auth
            )
        ).json()["id"]
        params = {"child_id": child, "theme": "sea"}
        codes = []
        for i in range(3):
            async with client.stream(
                "GET",
                urls[i % len(urls)] + "/api/v1/stories/generate/stream",
                params=params,
                headers=auth,
            ) as response:
                await response.aread()
                codes.append(response.status_code)
        assert codes == [200, 200, 429]


async def test_limits_in_memory(tmp_path: Path) -> None:
    db = f"sqlite+aiosqlite:///{tmp_path / 'rl.db'}"
    await asyncio.to_thread(upgrade, db)
    settings = make_settings(tmp_path, db, llm_provider="scripted", **LIMITS)
    with ServerThread(create_app(settings)) as url:
        await _exercise([url])


async def test_limits_shared_by_two_workers_through_redis(tmp_path: Path, redis_url: str) -> None:
    db = f"sqlite+aiosqlite:///{tmp_path / 'rl.db'}"
    await asyncio.to_thread(upgrade, db)
    settings = make_settings(
        tmp_path, db, llm_provider="scripted", rate_limit_storage=redis_url, **LIMITS
    )
    with ServerThread(create_app(settings)) as one, ServerThread(create_app(settings)) as two:
        await _exercise([one, two])
