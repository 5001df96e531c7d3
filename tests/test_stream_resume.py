"""Resuming a story run over real sockets, on both streaming endpoints, with both run logs (in
this process, and a Redis Stream on a real redis-server).

A reader is cut off mid-chapter and comes back with `Last-Event-ID`: it gets exactly the events
it missed (no gap, no duplicate) and the chapter is saved once. A reader who does not come back
within the grace window finds the run cancelled, and nothing saved.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from talestream.db.base import Database
from talestream.db.migrate import upgrade
from talestream.generation.scripted import BUILTIN_CHAPTER
from tests.conftest import LiveServer, bearer_for, count_rows, serve
from tests.sse_client import Event, parse_events

GET_URL = "/api/v1/stories/generate/stream"
POST_URL = "/api/v1/stories/generate-stream/"
GRACE = 3.0
SHORT = "Once upon a time a fox found a kite. She flew it high. The wind sang with her."
# Long enough (about 1.5 s) that the run is still writing when the server notices a cut reader,
# short enough to be written well within the grace window.
# Varied sentences: a chapter that repeats one is refused by the quality gate.
MEDIUM = " ".join(
    [
        SHORT,
        "The kite danced over the hill and the river.",
        "A heron looked up from the reeds and laughed.",
        "Two rabbits chased its shadow across the meadow.",
        "The string tugged gently, like a friend saying hello.",
        "Clouds drifted by, soft and white as sheep.",
        "At last the sun went down behind the old mill.",
        "Then they went home.",
    ]
)
BODY = {
    "story_name": "The Kite",
    "hero_name": "Alice",
    "story_idea": "A fox finds a kite",
    "story_style": "Fantasy",
    "language": "en",
    "age": 7,
}


@pytest.fixture(scope="module", params=["memory", "redis"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    data = tmp_path_factory.mktemp(f"resume-{request.param}")
    url = f"sqlite+aiosqlite:///{data / 'talestream.db'}"
    upgrade(url)
    options: dict[str, Any] = {
        "scripted_token_delay_ms": 20,
        "stream_heartbeat_seconds": 0.5,
        "stream_resume_grace_seconds": GRACE,
    }
    if request.param == "redis":
        options["redis_url"] = request.getfixturevalue("redis_url")
    with serve(url, data, **options) as live:
        yield live


@pytest.fixture
async def db(server: LiveServer) -> AsyncIterator[Database]:
    database = Database(server.settings.resolved_database_url)
    yield database
    await database.dispose()


@pytest.fixture
async def client(server: LiveServer, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    server.script.write_text(BUILTIN_CHAPTER)
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as c:
        yield c


async def chapters_of(db: Database, before: int) -> int:
    return await count_rows(db, "chapters") - before


class Endpoint:
    def __init__(self, method: str) -> None:
        self.method = method

    async def request_kwargs(
        self, client: httpx.AsyncClient, auth: dict[str, str]
    ) -> dict[str, Any]:
        if self.method == "POST":
            return {"url": POST_URL, "json": BODY, "headers": dict(auth)}
        child = await client.post("/api/v1/children/", json={"name": "Mia", "age": 6}, headers=auth)
        theme = f"kites {uuid.uuid4().hex[:6]}"
        params = {"child_id": child.json()["id"], "theme": theme}
        return {"url": GET_URL, "params": params, "headers": dict(auth)}

    def is_content(self, event: Event) -> bool:
        return event.data["type"] == "content"

    def text(self, events: list[Event]) -> str:
        if self.method == "POST":
            return "".join(e.data["data"] for e in events if e.data["type"] == "content")
        return "".join(e.data["data"]["chunk"] for e in events if e.data["type"] == "content")

    def last_type(self, events: list[Event]) -> str:
        return str(events[-1].data["type"])

    def error_code(self, event: Event) -> str:
        data = event.data if self.method == "POST" else event.data["data"]
        return str(data["code"])

    def run_id(self, events: list[Event]) -> str:
        first = events[0].data
        return str(first["run_id"] if self.method == "POST" else first["data"]["run_id"])


ENDPOINTS = [pytest.param(Endpoint("GET"), id="GET"), pytest.param(Endpoint("POST"), id="POST")]


async def cut_after(
    client: httpx.AsyncClient, endpoint: Endpoint, kwargs: dict[str, Any], contents: int
) -> list[Event]:
    """Reads until `contents` content events arrived, then drops the connection."""
    body = ""
    async with client.stream(endpoint.method, **kwargs) as response:
        assert response.status_code == 200
        async for text in response.aiter_text():
            body += text
            whole = body[: body.rfind("\n\n") + 2]
            if sum(endpoint.is_content(e) for e in parse_events(whole)) >= contents:
                return parse_events(whole)
    raise AssertionError("the stream ended before the cut")


async def resume(
    client: httpx.AsyncClient, endpoint: Endpoint, kwargs: dict[str, Any], last_id: str
) -> tuple[httpx.Response, list[Event], str]:
    headers = {**kwargs["headers"], "Last-Event-ID": last_id}
    async with client.stream(endpoint.method, **{**kwargs, "headers": headers}) as response:
        if response.status_code != 200:
            await response.aread()
            return response, [], ""
        body = ""
        async for text in response.aiter_text():
            body += text
        return response, parse_events(body), body


async def run_state(client: httpx.AsyncClient, auth: dict[str, str], run_id: str) -> str:
    r = await client.get(f"/api/v1/stories/runs/{run_id}", headers=auth)
    assert r.status_code == 200, r.text
    return str(r.json()["state"])


async def wait_state(
    client: httpx.AsyncClient, auth: dict[str, str], run_id: str, wanted: str
) -> None:
    deadline = time.monotonic() + 15
    while (state := await run_state(client, auth, run_id)) != wanted:
        assert time.monotonic() < deadline, f"run stayed {state}, never {wanted}"
        await asyncio.sleep(0.05)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
async def test_a_cut_stream_resumes_with_no_gap_no_duplicate_and_one_saved_chapter(
    client: httpx.AsyncClient, db: Database, endpoint: Endpoint
) -> None:
    auth = await bearer_for(client, f"{uuid.uuid4().hex[:8]}@example.com")
    before = await count_rows(db, "chapters")
    kwargs = await endpoint.request_kwargs(client, auth)
    first = await cut_after(client, endpoint, kwargs, contents=2)
    run_id = endpoint.run_id(first)
    response, rest, body = await resume(client, endpoint, kwargs, first[-1].id or "")
    assert response.status_code == 200
    assert body.startswith("retry: 2000\n\n")
    events = first + rest
    assert [e.id for e in events] == [f"{run_id}.{n}" for n in range(1, len(events) + 1)]
    assert endpoint.last_type(events) in {"complete", "completed"}
    assert endpoint.text(events).split() == BUILTIN_CHAPTER.split()
    assert await chapters_of(db, before) == 1
    assert await run_state(client, auth, run_id) == "done"
    # Everything delivered: a reconnect is told to stop (EventSource stops on 204).
    again, _, _ = await resume(client, endpoint, kwargs, events[-1].id or "")
    assert again.status_code == 204


@pytest.mark.parametrize("endpoint", ENDPOINTS)
async def test_a_run_without_reader_waits_before_its_save_for_the_reader_to_return(
    server: LiveServer,
    client: httpx.AsyncClient,
    db: Database,
    endpoint: Endpoint,
) -> None:
    server.script.write_text(MEDIUM)
    auth = await bearer_for(client, f"{uuid.uuid4().hex[:8]}@example.com")
    before = await count_rows(db, "chapters")
    kwargs = await endpoint.request_kwargs(client, auth)
    first = await cut_after(client, endpoint, kwargs, contents=1)
    run_id = endpoint.run_id(first)
    await wait_state(client, auth, run_id, "waiting")
    assert await chapters_of(db, before) == 0, "nobody reading: nothing saved yet"
    # The parameter form, for clients that cannot set headers.
    rest_kwargs = {**kwargs, "params": {**kwargs.get("params", {}), "last_event_id": first[-1].id}}
    response, rest, _ = await resume(client, endpoint, rest_kwargs, "")
    assert response.status_code == 200
    assert endpoint.last_type(rest) in {"complete", "completed"}
    assert endpoint.text(first + rest).split() == MEDIUM.split()
    assert await chapters_of(db, before) == 1


@pytest.mark.parametrize("endpoint", ENDPOINTS)
async def test_after_the_grace_window_the_run_is_cancelled_and_nothing_is_saved(
    server: LiveServer,
    client: httpx.AsyncClient,
    db: Database,
    endpoint: Endpoint,
) -> None:
    server.script.write_text(SHORT)
    auth = await bearer_for(client, f"{uuid.uuid4().hex[:8]}@example.com")
    before = await count_rows(db, "chapters")
    kwargs = await endpoint.request_kwargs(client, auth)
    first = await cut_after(client, endpoint, kwargs, contents=1)
    run_id = endpoint.run_id(first)
    began = time.monotonic()
    await wait_state(client, auth, run_id, "cancelled")
    assert time.monotonic() - began >= GRACE - 0.5
    response, rest, _ = await resume(client, endpoint, kwargs, first[-1].id or "")
    assert response.status_code == 200
    assert endpoint.error_code(rest[-1]) == "RUN_ABANDONED"
    assert not any(e.data["type"] in {"complete", "completed"} for e in rest)
    assert await chapters_of(db, before) == 0


@pytest.mark.parametrize("endpoint", ENDPOINTS)
async def test_someone_elses_run_is_404_and_an_expired_one_is_run_expired(
    client: httpx.AsyncClient, endpoint: Endpoint
) -> None:
    owner = await bearer_for(client, f"{uuid.uuid4().hex[:8]}@example.com")
    kwargs = await endpoint.request_kwargs(client, owner)
    first = await cut_after(client, endpoint, kwargs, contents=1)
    run_id = endpoint.run_id(first)
    stranger = await bearer_for(client, f"{uuid.uuid4().hex[:8]}@example.com")
    their_kwargs = await endpoint.request_kwargs(client, stranger)
    response, _, _ = await resume(client, endpoint, their_kwargs, first[-1].id or "")
    assert response.status_code == 404 and response.json()["code"] == "NOT_FOUND"
    for method in ("GET", "DELETE"):
        r = await client.request(method, f"/api/v1/stories/runs/{run_id}", headers=stranger)
        assert r.status_code == 404
    # The other endpoint cannot read it either: a run resumes on the URL that started it.
    other = Endpoint("POST" if endpoint.method == "GET" else "GET")
    response, _, _ = await resume(
        client, other, await other.request_kwargs(client, owner), first[-1].id or ""
    )
    assert response.status_code == 404

    response, events, _ = await resume(client, endpoint, kwargs, f"{uuid.uuid4().hex}.7")
    assert response.status_code == 200
    assert len(events) == 1 and endpoint.error_code(events[0]) == "RUN_EXPIRED"
    response, _, _ = await resume(client, endpoint, kwargs, "not-an-event-id")
    assert response.status_code == 422
    await client.delete(f"/api/v1/stories/runs/{run_id}", headers=owner)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
async def test_delete_stops_a_run_at_once_and_saves_nothing(
    client: httpx.AsyncClient, db: Database, endpoint: Endpoint
) -> None:
    auth = await bearer_for(client, f"{uuid.uuid4().hex[:8]}@example.com")
    before = await count_rows(db, "chapters")
    kwargs = await endpoint.request_kwargs(client, auth)
    async with client.stream(endpoint.method, **kwargs) as response:
        chunks, body = response.aiter_text(), ""
        async for text in chunks:
            body += text
            if '"run_id"' in body and "\n\n" in body[body.index('"run_id"') :]:
                break
        run_id = endpoint.run_id(parse_events(body[: body.rfind("\n\n") + 2]))
        stopped = await client.delete(f"/api/v1/stories/runs/{run_id}", headers=auth)
        assert stopped.status_code == 204
        began = time.monotonic()
        async for text in chunks:
            body += text
    seen = parse_events(body)
    assert time.monotonic() - began < 2
    assert endpoint.error_code(seen[-1]) == "RUN_STOPPED"
    assert await run_state(client, auth, run_id) == "cancelled"
    assert await chapters_of(db, before) == 0


async def test_the_documented_curl_resume_example_runs(
    server: LiveServer, client: httpx.AsyncClient, db: Database, tmp_path: Path
) -> None:
    """docs/streaming.md's resume example, verbatim but for host, token and child id."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    doc = (Path(__file__).parents[1] / "docs" / "streaming.md").read_text()
    (example,) = re.findall(r"### Example: resume with curl.*?```bash\n(.*?)```", doc, re.DOTALL)
    auth = await bearer_for(client, f"{uuid.uuid4().hex[:8]}@example.com")
    child = await client.post("/api/v1/children/", json={"name": "Mia", "age": 6}, headers=auth)
    before = await count_rows(db, "chapters")
    script = (
        example.replace("http://localhost:8000", server.url)
        .replace("Bearer YOUR_TOKEN", auth["Authorization"])
        .replace("child_id=1", f"child_id={child.json()['id']}")
    )
    done = await asyncio.to_thread(
        subprocess.run, ["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True
    )
    first = parse_events((tmp_path / "first.txt").read_text().rpartition("\n\n")[0] + "\n\n")
    rest = parse_events(done.stdout[len((tmp_path / "first.txt").read_text()) :])
    assert first and rest, done.stderr
    events = first + rest
    run_id = events[0].data["data"]["run_id"]
    assert [e.id for e in events] == [f"{run_id}.{n}" for n in range(1, len(events) + 1)]
    assert events[-1].data["type"] == "complete"
    assert await chapters_of(db, before) == 1
