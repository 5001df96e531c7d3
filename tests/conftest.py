"""Fixtures: every API test runs against a real uvicorn socket on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import delete, func, select, text

from talestream.app import create_app
from talestream.config import Settings, load_settings
from talestream.db.base import Database
from talestream.db.migrate import upgrade
from talestream.db.models import Base
from talestream.generation.scripted import BUILTIN_CHAPTER
from tests.servers import (
    ServerThread,
    postgres_unavailable_reason,
    redis_unavailable_reason,
    throwaway_postgres,
    throwaway_redis,
)

PASSWORD = "correct-horse-42"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    reason = postgres_unavailable_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {reason}")
        pytest.skip(reason)
    with throwaway_postgres() as url:
        yield url


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    reason = redis_unavailable_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is required in CI: {reason}")
        pytest.skip(reason)
    with throwaway_redis() as url:
        yield url


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('sqlite') / 'talestream.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    upgrade(url)  # the real Alembic migrations, never create_all
    return url


UNLIMITED = (
    "rate_limit_login",
    "rate_limit_login_address",
    "rate_limit_register",
    "rate_limit_password_check",
    "rate_limit_generate",
)


def make_settings(data_dir: Path, database_url: str, **overrides: object) -> Settings:
    return load_settings(
        env="test",
        data_dir=data_dir,
        database_url=database_url,
        secret_key="test-secret-key-that-is-long-enough-0123456789",
        # Tests log in and generate far faster than any family; test_rate_limits lowers these.
        # The sentence encoder (layer 9) costs about 0.4 s of CPU a chapter and would double the
        # suite; test_safety_encoder.py serves the app with it on, as shipped.
        **{**{name: "1000/minute" for name in UNLIMITED}, "safety_encoder": False, **overrides},
    )


@dataclass
class LiveServer:
    url: str
    settings: Settings
    app: FastAPI

    @property
    def script(self) -> Path:
        """The scripted model's text file; tests rewrite it (see generation/scripted.py)."""
        assert self.settings.scripted_text_file is not None
        return self.settings.scripted_text_file


@contextmanager
def serve(database_url: str, data_dir: Path, **overrides: object) -> Iterator[LiveServer]:
    script = data_dir / "script.txt"
    script.write_text(BUILTIN_CHAPTER)
    options: dict[str, object] = {"llm_provider": "scripted", "scripted_text_file": script}
    settings = make_settings(data_dir, database_url, **{**options, **overrides})
    app = create_app(settings)
    with ServerThread(app) as url:
        yield LiveServer(url, settings, app)


@pytest.fixture(scope="session")
def live_server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """The app with the scripted model at full speed."""
    with serve(database_url, tmp_path_factory.mktemp("data")) as server:
        yield server


@pytest.fixture(scope="session")
def slow_server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """The scripted model at a child's reading pace, with a fast heartbeat: for disconnects.
    No resume grace: a reader who leaves cancels the run at once (test_stream_resume.py covers
    the grace window)."""
    with serve(
        database_url,
        tmp_path_factory.mktemp("slow"),
        scripted_token_delay_ms=40,
        stream_heartbeat_seconds=0.1,
        stream_resume_grace_seconds=0,
    ) as server:
        yield server


@pytest.fixture(autouse=True)
def _fresh_server_state(request: pytest.FixtureRequest) -> None:
    """Every test that talks to a server starts with the built-in script and ends with empty
    tables (through the `db` fixture's teardown)."""
    used = [n for n in ("live_server", "slow_server") if n in request.fixturenames]
    for name in used:
        request.getfixturevalue(name).script.write_text(BUILTIN_CHAPTER)
    if used:
        request.getfixturevalue("db")


@pytest.fixture
async def db(live_server: LiveServer) -> AsyncIterator[Database]:
    """Direct database access for assertions; empties every table after the test."""
    database = Database(live_server.settings.resolved_database_url)
    yield database
    async with database.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            await conn.execute(delete(table))
    await database.dispose()


@pytest.fixture
async def client(live_server: LiveServer, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=live_server.url, timeout=30) as c:
        yield c


async def count_rows(db: Database, table: str) -> int:
    async with db.engine.connect() as conn:
        return await conn.scalar(select(func.count()).select_from(text(table)))


async def register(
    client: httpx.AsyncClient, email: str = "parent@example.com", name: str = "Pat"
) -> dict:
    r = await client.post(
        "/api/v1/auth/register", json={"email": email, "password": PASSWORD, "name": name}
    )
    assert r.status_code == 201, r.text
    return r.json()


async def login(client: httpx.AsyncClient, email: str = "parent@example.com") -> dict:
    r = await client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return r.json()


async def bearer_for(client: httpx.AsyncClient, email: str = "parent@example.com") -> dict:
    """Registers and logs in a parent; returns the Authorization header."""
    await register(client, email)
    tokens = await login(client, email)
    client.cookies.clear()  # keep Bearer tests honest: no cookie session riding along
    return {"Authorization": f"Bearer {tokens['access_token']}"}
