"""A model server cannot run past the story's budget or its time (issue 10, items 10 and 11):
`max_tokens` is enforced, not only asked for, and the model timeout bounds the whole call."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse

from talestream.config import load_settings
from talestream.generation.base import ChatMessage, ModelTimeout
from talestream.generation.openai_compat import MAX_CHARS_PER_TOKEN, OpenAICompatibleModel
from tests.conftest import bearer_for, serve
from tests.helpers import new_child
from tests.servers import ServerThread
from tests.sse_client import parse_events

MESSAGES: list[ChatMessage] = [{"role": "user", "content": "A story about an owl."}]


def chunk(content: str) -> str:
    body = {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "fake",
        "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}],
    }
    return f"data: {json.dumps(body)}\n\n"


def misbehaving_server() -> FastAPI:
    """`endless`: ignores max_tokens and never stops; `giant`: one huge chunk; `trickle`: an
    empty chunk every 0.2 s, forever (each read is quick, the call never ends)."""
    app = FastAPI()

    async def sse(model: str) -> AsyncIterator[str]:
        if model == "giant":
            yield chunk("The owl flew. " * 20_000)
        while True:
            if model == "trickle":
                await asyncio.sleep(0.2)
                yield chunk("")
            else:
                await asyncio.sleep(0)
                yield chunk("The owl flew on. ")

    @app.post("/v1/chat/completions")
    async def completions(request: Request) -> StreamingResponse:
        body = await request.json()
        return StreamingResponse(sse(body["model"]), media_type="text/event-stream")

    return app


@pytest.fixture(scope="module")
def misbehaving() -> Iterator[str]:
    with ServerThread(misbehaving_server(), timeout_graceful_shutdown=1) as url:
        yield url


def model(tmp_path: Path, url: str, name: str, **overrides: object) -> OpenAICompatibleModel:
    settings = load_settings(
        llm_provider="openai",
        openai_base_url=f"{url}/v1",
        llm_model=name,
        secret_key="x" * 40,
        data_dir=tmp_path,
        **overrides,
    )
    return OpenAICompatibleModel(settings)


@pytest.mark.parametrize("name", ["endless", "giant"])
async def test_a_server_that_ignores_max_tokens_is_cut_off(
    tmp_path: Path, misbehaving: str, name: str
) -> None:
    story = model(tmp_path, misbehaving, name)
    pieces: list[str] = []
    async for piece in story.stream(MESSAGES, max_tokens=40):
        pieces.append(piece)
        assert len(pieces) <= 1000, "still reading far past the budget"
    await story.aclose()
    assert len(pieces) <= 40
    assert sum(map(len, pieces)) <= 40 * MAX_CHARS_PER_TOKEN


async def test_the_timeout_bounds_the_whole_call(tmp_path: Path, misbehaving: str) -> None:
    story = model(tmp_path, misbehaving, "trickle", llm_timeout_seconds=1.0)
    started = time.monotonic()
    with pytest.raises(ModelTimeout):
        async with asyncio.timeout(10):  # the defect: it never ended
            async for _ in story.stream(MESSAGES, max_tokens=400):
                pass
    assert time.monotonic() - started < 3
    await story.aclose()


async def test_a_trickling_server_ends_the_story_with_model_timeout_and_frees_the_slot(
    database_url: str, tmp_path: Path, misbehaving: str
) -> None:
    with serve(
        database_url,
        tmp_path,
        llm_provider="openai",
        openai_base_url=f"{misbehaving}/v1",
        llm_model="trickle",
        llm_timeout_seconds=1.0,
    ) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
            auth = await bearer_for(client, "trickle@example.com")
            params = {"child_id": await new_child(client, auth), "theme": "owls"}
            started = time.monotonic()
            async with client.stream(
                "GET", "/api/v1/stories/generate/stream", params=params, headers=auth
            ) as response:
                body = (await response.aread()).decode()
            assert time.monotonic() - started < 8
            last = parse_events(body)[-1].data
            assert last["type"] == "error", last
            assert last["data"]["code"] == "MODEL_TIMEOUT", last
            assert server.app.state.services.gate.running == 0
            await client.delete("/api/v1/users/me", headers=auth)
