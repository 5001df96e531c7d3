"""Graceful drain on SIGTERM, on a real `talestream serve` process.

A run that can finish within TALESTREAM_DRAIN_SECONDS finishes and is saved; a longer one ends with
`error` SERVER_SHUTTING_DOWN and saves nothing; meanwhile new stories get 503 with Retry-After.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
from sqlalchemy import select

from talestream.db.base import Database
from talestream.db.migrate import upgrade
from talestream.stories.models import Chapter
from tests.conftest import PASSWORD
from tests.helpers import LONG_CHAPTER
from tests.servers import TalestreamProcess, app_env
from tests.sse_client import parse_events

SHORT = "Once upon a time a fox found a kite. She flew it high. The wind sang."
BODY = {
    "story_name": "Drain",
    "hero_name": "Alice",
    "story_idea": "A walk in the woods",
    "story_style": "Fantasy",
    "language": "en",
    "age": 7,
}


async def read_until_content(chunks: AsyncIterator[str], body: list[str]) -> None:
    async for text in chunks:
        body.append(text)
        if '"type": "content"' in "".join(body):
            return


async def test_sigterm_drains_running_stories_and_refuses_new_ones(tmp_path: Path) -> None:
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'drain.db'}"
    await asyncio.to_thread(upgrade, database_url)
    script = tmp_path / "script.txt"
    env = app_env(tmp_path, database_url, script, TALESTREAM_DRAIN_SECONDS="3")
    with TalestreamProcess(env, log=tmp_path / "serve.log") as server:
        assert server.proc is not None
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            account = {"email": "drain@example.com", "password": PASSWORD, "name": "D"}
            await client.post("/api/v1/auth/register", json=account)
            token = (
                await client.post(
                    "/api/v1/auth/token",
                    data={"username": account["email"], "password": PASSWORD},
                )
            ).json()["access_token"]
            auth = {"Authorization": f"Bearer {token}"}
            url = "/api/v1/stories/generate-stream/"
            long_body: list[str] = []
            short_body: list[str] = []
            script.write_text(LONG_CHAPTER)  # ~7 s of text: more than the drain allows
            async with (
                client.stream("POST", url, json={**BODY, "story_name": "Long"}, headers=auth) as a,
            ):
                a_chunks = a.aiter_text()
                await read_until_content(a_chunks, long_body)
                script.write_text(SHORT)
                async with client.stream(
                    "POST", url, json={**BODY, "story_name": "Short"}, headers=auth
                ) as b:
                    b_chunks = b.aiter_text()
                    await read_until_content(b_chunks, short_body)
                    server.proc.send_signal(signal.SIGTERM)
                    began = time.monotonic()
                    deadline = began + 5
                    while True:  # the worker still answers, but takes no new story
                        refused = await client.post(url, json=BODY, headers=auth)
                        if refused.status_code == 503 or time.monotonic() > deadline:
                            break
                        await asyncio.sleep(0.05)
                    assert refused.status_code == 503
                    assert refused.json()["code"] == "SERVER_SHUTTING_DOWN"
                    assert int(refused.headers["retry-after"]) > 0
                    assert (await client.get("/health")).status_code == 503
                    short_body += [t async for t in b_chunks]
                long_body += [t async for t in a_chunks]
            ended_after = time.monotonic() - began
        server.proc.wait(timeout=20)

    short = parse_events("".join(short_body))
    long = parse_events("".join(long_body))
    assert short[-1].data["type"] == "completed", "a story that fits the drain window finishes"
    assert long[-1].data["type"] == "error"
    assert long[-1].data["code"] == "SERVER_SHUTTING_DOWN"
    assert 2.5 <= ended_after < 8
    database = Database(database_url)
    try:
        async with database.sessions() as session:
            saved = (await session.scalars(select(Chapter))).all()
    finally:
        await database.dispose()
    assert [c.content.split()[:5] for c in saved] == [SHORT.split()[:5]], "only the short one"
