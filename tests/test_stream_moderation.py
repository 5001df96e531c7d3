"""The optional model-based moderator in the real stream: it can reject, and when it cannot
answer the chapter is not saved (fail closed)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI, Request

from talestream.db.base import Database
from tests.conftest import LiveServer, bearer_for, count_rows, serve
from tests.helpers import get_stream, new_child
from tests.servers import ServerThread, free_port

NAMES = [
    "sexual", "sexual/minors", "harassment", "harassment/threatening", "hate",
    "hate/threatening", "self-harm", "self-harm/intent", "self-harm/instructions", "violence",
    "violence/graphic", "illicit", "illicit/violent",
]  # fmt: skip


def fake_moderation(flag_word: str) -> FastAPI:
    """An OpenAI-compatible /v1/moderations that finds violence in any text with `flag_word`."""
    app = FastAPI()

    @app.post("/v1/moderations")
    async def moderations(request: Request) -> dict:
        text = (await request.json())["input"]
        violent = flag_word in text
        scores = {name: 0.0 for name in NAMES} | {"violence": 0.93 if violent else 0.01}
        return {
            "id": "modr-1",
            "model": "omni-moderation-latest",
            "results": [
                {
                    "flagged": violent,
                    "categories": {name: violent and name == "violence" for name in NAMES},
                    "category_scores": scores,
                }
            ],
        }

    return app


@pytest.fixture
def moderated(database_url: str, tmp_path) -> Iterator[tuple[LiveServer, str]]:
    if not database_url.startswith("sqlite"):
        pytest.skip("the moderator does not depend on the database")
    with (
        ServerThread(fake_moderation("pumpkin")) as moderation_url,
        serve(
            database_url,
            tmp_path,
            moderation="openai",
            moderation_base_url=moderation_url + "/v1",
        ) as server,
    ):
        yield server, moderation_url


async def _child_stream(server: LiveServer, theme: str) -> list:
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        auth = await bearer_for(client, f"{theme}@example.com")
        child = await new_child(client, auth)
        _, events = await get_stream(client, auth, child_id=child, theme=theme)
    return events


async def test_moderator_rejects_what_the_offline_policy_let_through(
    moderated: tuple[LiveServer, str], db: Database
) -> None:
    server, _ = moderated
    server.script.write_text(
        "Once upon a time a farmer grew a giant pumpkin. Everyone cheered.\n---\n"
        "Once upon a time a farmer grew tall sunflowers. Everyone cheered."
    )
    events = await _child_stream(server, "garden")
    checks = [e.data["data"] for e in events if e.data["type"] == "safety_check"]
    assert [c["approved"] for c in checks] == [False, True]
    assert checks[0]["issues"] == [{"category": "violence", "severity": "high"}]
    assert "sunflowers" in events[-1].data["data"]["story_content"]


async def test_an_unreachable_moderator_saves_nothing(database_url: str, tmp_path, db) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("the moderator does not depend on the database")
    down = f"http://127.0.0.1:{free_port()}/v1"
    with serve(database_url, tmp_path, moderation="openai", moderation_base_url=down) as server:
        events = await _child_stream(server, "meadow")
    assert events[-1].data["data"]["code"] == "MODERATION_UNAVAILABLE"
    assert await count_rows(db, "stories") == 0
