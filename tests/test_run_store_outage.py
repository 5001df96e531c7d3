"""A Redis outage while stories stream (the shared run log, `TALESTREAM_REDIS_URL`), on a real
redis-server that the test kills mid-chapter.

Every reader of the run gets an `error` event RUN_STORE_UNAVAILABLE instead of a stream that just
stops; the chapter is not saved; and while Redis is down, new stories get a prompt 503 with
`Retry-After` (not a 500, not a hang): RUN_STORE_UNAVAILABLE when only the run log is in Redis,
RATE_LIMIT_UNAVAILABLE when the rate limits are there too (deploy/compose.yaml), since those are
checked first.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from talestream.db.base import Database
from talestream.db.migrate import upgrade
from talestream.runs import RunManager, RunState
from talestream.runs.redis_log import RedisRunLog
from talestream.services import Services
from tests.conftest import bearer_for, count_rows, serve
from tests.helpers import LONG_CHAPTER, wait_until
from tests.servers import RedisServer, redis_server, redis_unavailable_reason
from tests.sse_client import Event, parse_events
from tests.test_runs import counting, failure

POST_URL = "/api/v1/stories/generate-stream/"
BODY = {
    "story_name": "The Button",
    "hero_name": "Alice",
    "story_idea": "A fox finds a button",
    "story_style": "Fantasy",
    "language": "en",
    "age": 7,
}


@pytest.fixture
def redis() -> Iterator[RedisServer]:
    """A redis-server of this test's own, since the test kills it."""
    reason = redis_unavailable_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is required in CI: {reason}")
        pytest.skip(reason)
    with redis_server() as server:
        yield server


async def read_stream(
    client: httpx.AsyncClient, headers: dict[str, str], seen: list[Event]
) -> list[Event]:
    """Reads a POST stream to its end, publishing complete events in `seen` as they come."""
    body = ""
    async with client.stream("POST", POST_URL, json=BODY, headers=headers) as response:
        assert response.status_code == 200
        async for text in response.aiter_text():
            body += text
            seen[:] = parse_events(body[: body.rfind("\n\n") + 2])
    return parse_events(body)


def contents(events: list[Event]) -> int:
    return sum(e.data["type"] == "content" for e in events)


@pytest.mark.parametrize(
    ("limits_in_redis", "refusal"),
    [(False, "RUN_STORE_UNAVAILABLE"), (True, "RATE_LIMIT_UNAVAILABLE")],
    ids=["run-log-only", "limits-too"],
)
async def test_a_redis_outage_mid_run_ends_every_reader_with_an_error_and_saves_nothing(
    tmp_path: Path, redis: RedisServer, limits_in_redis: bool, refusal: str
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'talestream.db'}"
    await asyncio.to_thread(upgrade, url)
    options: dict[str, object] = {
        "scripted_token_delay_ms": 20,
        "stream_resume_grace_seconds": 3.0,
    }
    if limits_in_redis:
        options["rate_limit_storage"] = redis.url.rsplit("/", 1)[0] + "/1"
    with serve(url, tmp_path, redis_url=redis.url, **options) as server:
        server.script.write_text(LONG_CHAPTER)  # several seconds: still writing at the outage
        services: Services = server.app.state.services
        db = Database(server.settings.resolved_database_url)
        try:
            async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
                auth = await bearer_for(client, f"{uuid.uuid4().hex[:8]}@example.com")
                # Two readers of one run: the request that started it, and a second connection
                # that joined it with Last-Event-ID.
                first_seen: list[Event] = []
                first = asyncio.create_task(read_stream(client, auth, first_seen))
                await wait_until(
                    lambda: contents(first_seen) >= 1, timeout=15, message="no content"
                )
                joined = {**auth, "Last-Event-ID": first_seen[0].id or ""}
                second_seen: list[Event] = []
                second = asyncio.create_task(read_stream(client, joined, second_seen))
                await wait_until(
                    lambda: contents(second_seen) >= 1, timeout=15, message="no content"
                )

                redis.kill()
                outage = time.monotonic()
                async with asyncio.timeout(15):
                    readers = await asyncio.gather(first, second)
                assert time.monotonic() - outage < 10
                for events in readers:
                    last = events[-1].data
                    assert last["type"] == "error", last
                    assert last["code"] == "RUN_STORE_UNAVAILABLE"
                    assert not any(e.data["type"] == "completed" for e in events)

                await wait_until(
                    lambda: services.runs.running == 0, timeout=15, message="the run went on"
                )
                assert await count_rows(db, "chapters") == 0, "nothing half-saved"

                # While Redis is down: a prompt, clear 503 on both endpoints, not a 500 or a hang.
                child = await client.post(
                    "/api/v1/children/", json={"name": "Mia", "age": 6}, headers=auth
                )
                requests = [
                    client.build_request("POST", POST_URL, json=BODY, headers=auth),
                    client.build_request(
                        "GET",
                        "/api/v1/stories/generate/stream",
                        params={"child_id": child.json()["id"], "theme": "buttons"},
                        headers=auth,
                    ),
                ]
                run_id = readers[0][0].data["run_id"]
                status = await client.get(f"/api/v1/stories/runs/{run_id}", headers=auth)
                assert status.status_code == 503
                assert status.json()["code"] == "RUN_STORE_UNAVAILABLE"
                for request in requests:
                    began = time.monotonic()
                    response = await client.send(request)
                    assert time.monotonic() - began < 10
                    assert response.status_code == 503, response.text
                    assert response.json()["code"] == refusal
                    assert int(response.headers["Retry-After"]) > 0
        finally:
            await db.dispose()


async def test_a_run_waiting_before_its_save_ends_when_redis_goes_away(
    redis: RedisServer,
) -> None:
    """Its supervisor cannot see readers any more: after the grace window the run stops,
    unsaved, instead of waiting for a reader for as long as the outage lasts."""
    log = RedisRunLog.from_url(redis.url, ttl=60, max_events=100, presence_ttl=10, lease_ttl=5)
    manager = RunManager(log, grace=1.5, tick=0.05)  # Redis dies well within the window
    saved: list[int] = []
    try:
        started = await manager.start(1, "test", counting(2, saved), failure)
        await log.leave(started.run_id, started.reader)  # its only reader went away

        async def waiting() -> bool:
            info = await log.info(started.run_id)
            return info is not None and info.state is RunState.WAITING

        await wait_until(waiting, timeout=10, message="the run never waited before its save")
        redis.kill()
        await wait_until(lambda: manager.running == 0, timeout=10, message="it waits for ever")
        assert saved == []
    finally:
        await manager.drain(0)
        await log.aclose()
