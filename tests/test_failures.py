"""Failures as a client sees them (issue 10 items 8 and 9), over real sockets.

- Every error is JSON `{"detail", "code"}`; every response carries an `X-Request-ID`; an
  unexpected error is a 500 whose request id is also in the server log.
- A database outage is 503 `DATABASE_UNAVAILABLE` with `Retry-After` (SQLite and PostgreSQL).
- Once a stream has started, a database failure is an `error` event with a code on both
  streaming endpoints, and nothing is half-saved.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from talestream.app import create_app
from talestream.auth.tokens import create_access_token
from talestream.db.base import Database
from talestream.db.migrate import upgrade
from talestream.generation.scripted import BUILTIN_CHAPTER
from tests.conftest import LiveServer, bearer_for, count_rows, make_settings, serve
from tests.helpers import new_child
from tests.servers import (
    Cluster,
    ServerThread,
    free_port,
    postgres_unavailable_reason,
    throwaway_cluster,
)
from tests.sse_client import Event, parse_events

GET_STREAM = "/api/v1/stories/generate/stream"
POST_STREAM = "/api/v1/stories/generate-stream/"
IDEA = {
    "story_name": "The Lantern",
    "hero_name": "Alice",
    "story_idea": "A girl finds a lantern that hums",
    "story_style": "Fantasy",
    "language": "en",
    "age": 8,
}


def is_generated_id(value: str) -> bool:
    """Generated request ids are 32 hex digits (a uuid4)."""
    return len(value) == 32 and all(c in "0123456789abcdef" for c in value)


# --- request ids and the catch-all ---


async def test_every_response_carries_a_request_id(client: httpx.AsyncClient) -> None:
    ok = await client.get("/health")
    missing = await client.get("/api/v1/children/1")
    assert ok.status_code == 200 and missing.status_code == 401
    assert is_generated_id(ok.headers["x-request-id"])
    assert is_generated_id(missing.headers["x-request-id"])
    assert ok.headers["x-request-id"] != missing.headers["x-request-id"]

    given = await client.get("/health", headers={"X-Request-ID": "nginx-7f3a.42"})
    assert given.headers["x-request-id"] == "nginx-7f3a.42", "a proxy's id is kept"
    for insane in ("x" * 200, "two words", "<script>"):
        replaced = await client.get("/health", headers={"X-Request-ID": insane})
        assert is_generated_id(replaced.headers["x-request-id"]), insane


async def test_a_stream_carries_a_request_id(client: httpx.AsyncClient) -> None:
    auth = await bearer_for(client)
    child = await new_child(client, auth)
    async with client.stream(
        "GET", GET_STREAM, params={"child_id": child, "theme": "boats"}, headers=auth
    ) as response:
        assert response.status_code == 200
        assert is_generated_id(response.headers["x-request-id"])
        await response.aread()


@pytest.fixture(scope="module")
def broken_server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with one extra route that fails the way a bug does."""
    settings = make_settings(
        tmp_path_factory.mktemp("broken"), database_url, llm_provider="scripted"
    )
    app = create_app(settings)

    async def broken() -> None:
        raise RuntimeError("a bug with a secret inside")

    app.add_api_route("/api/v1/broken", broken)
    with ServerThread(app) as url:
        yield url


async def test_an_unexpected_error_is_json_and_logged_with_its_request_id(
    broken_server: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="talestream")
    async with httpx.AsyncClient(base_url=broken_server, timeout=30) as client:
        r = await client.get("/api/v1/broken", headers={"X-Request-ID": "trace-500"})
    assert r.status_code == 500
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-request-id"] == "trace-500"
    body = r.json()
    assert body["code"] == "INTERNAL" and "trace-500" in body["detail"]
    assert "secret" not in r.text, "details stay in the log"
    logged = [rec for rec in caplog.records if "trace-500" in rec.getMessage()]
    assert logged and logged[0].exc_info is not None, "the log has the id and the traceback"


# --- the database is down ---


def unreachable_database(dialect: str, tmp_path: Path) -> str:
    """A PostgreSQL port nobody listens on; an SQLite file in a directory that does not exist."""
    if dialect == "postgres":
        return f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/talestream"
    return f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'talestream.db'}"


@pytest.mark.parametrize("dialect", ["postgres", "sqlite"])
async def test_a_database_outage_is_503_with_retry_after(tmp_path: Path, dialect: str) -> None:
    url = unreachable_database(dialect, tmp_path)
    settings = make_settings(tmp_path, url, llm_provider="scripted")
    token = create_access_token(settings.signing_key, 1, 900, "a-login-family")
    with ServerThread(create_app(settings)) as base:
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            login = await client.post(
                "/api/v1/auth/login", json={"email": "a@example.com", "password": "x" * 12}
            )
            me = await client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"})
    for r in (login, me):
        assert r.status_code == 503, r.text
        assert r.json()["code"] == "DATABASE_UNAVAILABLE"
        assert int(r.headers["retry-after"]) > 0
        assert r.headers["x-request-id"]


# --- database failures during a stream ---


class LiveStream:
    """Reads an SSE response event by event, so a test can act between two events."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.events: list[Event] = []
        self._text = response.aiter_text()
        self._buffer = ""

    async def until(self, seen: str) -> None:
        """Reads until an event whose JSON contains `seen` has arrived."""
        while not any(seen in e.raw for e in self.events):
            self._buffer += await anext(self._text)
            *blocks, self._buffer = self._buffer.split("\n\n")
            self.events += parse_events("\n\n".join(blocks) + "\n\n")

    async def rest(self) -> list[Event]:
        async for text in self._text:
            self._buffer += text
        assert self._buffer.endswith("\n\n") or not self._buffer.strip(), "cut off mid-event"
        self.events += parse_events(self._buffer)
        return self.events


def last_error(events: list[Event]) -> dict[str, str]:
    last = events[-1].data
    assert last["type"] == "error", [e.data["type"] for e in events]
    return last.get("data", last)  # GET nests it under "data"; POST has it at the top


@pytest.fixture
async def slow_client(slow_server: LiveServer, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    slow_server.script.write_text(BUILTIN_CHAPTER)
    async with httpx.AsyncClient(base_url=slow_server.url, timeout=30) as client:
        yield client


async def test_a_child_deleted_during_a_first_chapter_is_an_error_event(
    slow_client: httpx.AsyncClient, db: Database
) -> None:
    auth = await bearer_for(slow_client)
    child = await new_child(slow_client, auth)
    params = {"child_id": child, "theme": "lanterns"}
    async with slow_client.stream("GET", GET_STREAM, params=params, headers=auth) as response:
        live = LiveStream(response)
        await live.until('"type": "content"')
        deleted = await slow_client.delete(f"/api/v1/children/{child}", headers=auth)
        assert deleted.status_code == 204
        events = await live.rest()
    assert last_error(events)["code"] == "CHILD_GONE"
    assert await count_rows(db, "stories") == 0
    assert await count_rows(db, "chapters") == 0


async def test_an_account_deleted_during_a_story_is_an_error_event(
    slow_client: httpx.AsyncClient, db: Database
) -> None:
    auth = await bearer_for(slow_client)
    async with slow_client.stream("POST", POST_STREAM, json=IDEA, headers=auth) as response:
        live = LiveStream(response)
        await live.until('"type": "content"')
        assert (await slow_client.delete("/api/v1/users/me", headers=auth)).status_code == 204
        events = await live.rest()
    assert last_error(events)["code"] == "ACCOUNT_GONE"
    assert await count_rows(db, "stories") == 0


@pytest.fixture
def doomed_postgres(tmp_path: Path) -> Iterator[tuple[Cluster, LiveServer]]:
    """A PostgreSQL cluster of its own (the suite's shared one must stay up), with a slow server."""
    reason = postgres_unavailable_reason()
    if reason or os.environ.get("TALESTREAM_TEST_POSTGRES_URL"):
        if os.environ.get("CI") and reason:
            pytest.fail(f"PostgreSQL is required in CI: {reason}")
        pytest.skip(reason or "an external PostgreSQL server cannot be stopped by the tests")
    with throwaway_cluster() as cluster:
        upgrade(cluster.url)
        with serve(cluster.url, tmp_path, scripted_token_delay_ms=40) as server:
            yield cluster, server


@pytest.mark.postgres
@pytest.mark.parametrize("endpoint", ["get", "post"])
async def test_postgres_stopped_before_the_save_is_an_error_event(
    doomed_postgres: tuple[Cluster, LiveServer], endpoint: str
) -> None:
    cluster, server = doomed_postgres
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        auth = await bearer_for(client)
        if endpoint == "get":
            child = await new_child(client, auth)
            request = client.stream(
                "GET",
                GET_STREAM,
                params={"child_id": child, "theme": "owls"},
                headers=auth,
            )
        else:
            request = client.stream("POST", POST_STREAM, json=IDEA, headers=auth)
        async with request as response:
            live = LiveStream(response)
            await live.until('"type": "content"')
            started = time.monotonic()
            await asyncio.to_thread(cluster.stop)
            assert time.monotonic() - started < 30
            events = await live.rest()
        assert last_error(events)["code"] == "DATABASE_UNAVAILABLE"
        assert not any(e.data["type"] in ("complete", "completed") for e in events)
        # And a request after the outage is a 503, not a text/plain 500.
        after = await client.get("/api/v1/children/", headers=auth)
        assert after.status_code == 503 and after.json()["code"] == "DATABASE_UNAVAILABLE"
