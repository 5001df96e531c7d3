"""The OpenAI-compatible provider against a fake server on a real socket.

The fake picks its behaviour from the requested model name, so each test only changes
`TALESTREAM_LLM_MODEL`.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from talestream.config import load_settings
from talestream.generation.base import (
    ChatMessage,
    ModelBadOutput,
    ModelError,
    ModelTimeout,
    ModelUnavailable,
)
from talestream.generation.factory import create_model
from talestream.generation.openai_compat import OpenAICompatibleModel, parse_json_answer
from talestream.generation.schemas import ChapterEnding
from tests.servers import ServerThread, free_port

STORY = "Once upon a time a small cloud named Puff learned to make gentle rain for the flowers."
PIECES = [word + " " for word in STORY.split(" ")]
PIECES[-1] = PIECES[-1].rstrip()
ENDING = {
    "choice_question": "Where should Puff go?",
    "choices": [{"text": "Meadow"}, {"text": "Sea"}],
}
RAGGED_PIECES = [*PIECES[:-1], "Puff smiled: «¡très bien!» 🌧️", ""]  # multi-byte, then nothing
HANG_SECONDS = 2.0
SECRET = "sk-test-0123456789-very-secret"

MESSAGES: list[ChatMessage] = [
    {"role": "system", "content": "You tell gentle stories."},
    {"role": "user", "content": "A story about a cloud."},
]


@dataclass
class Fake:
    url: str
    requests: list[dict[str, Any]] = field(default_factory=list)
    streams_finished: list[bool] = field(default_factory=list)  # False: client went away
    stream_ended: threading.Event = field(default_factory=threading.Event)


def chunk(model: str, delta: dict[str, str], finish: str | None = None) -> str:
    body = {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(body)}\n\n"


def completion(model: str, content: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def fake_openai_app(fake: Fake) -> FastAPI:
    app = FastAPI()

    async def sse(model: str) -> AsyncIterator[str]:
        finished = False
        try:
            yield chunk(model, {"role": "assistant", "content": ""})
            pieces = PIECES * 20 if model == "long" else PIECES
            for number, piece in enumerate(pieces):
                if number == 3 and model == "error-midway":
                    yield f"data: {json.dumps({'error': {'message': 'overloaded'}})}\n\n"
                    return
                if number == 3 and model == "stall-midway":
                    await asyncio.sleep(HANG_SECONDS)
                await asyncio.sleep(0.02)
                yield chunk(model, {"content": piece})
            yield chunk(model, {}, finish="stop")
            yield "data: [DONE]\n\n"
            finished = True
        finally:
            fake.streams_finished.append(finished)
            fake.stream_ended.set()

    async def ragged(model: str) -> AsyncIterator[bytes]:
        """The same story as CRLF lines with a keep-alive comment, an event on two data lines
        and events that say nothing, cut into slices that split lines (CRLF too), events and
        UTF-8 characters anywhere."""
        events = [": keep-alive\n\n", chunk(model, {"role": "assistant"})]
        events += [chunk(model, {"content": piece}) for piece in RAGGED_PIECES]
        # An event's data may span lines; the client joins them with a line break.
        events[2] = events[2].replace('"delta": ', '"delta":\ndata: ', 1)
        events += [
            chunk(model, {}, finish="stop"),
            "data: [DONE]\n\n",
            chunk(model, {"content": "x"}),
        ]
        data = "".join(events).replace("\n", "\r\n").encode()
        # Every 7 bytes, and between every CR and its LF.
        cuts = sorted({*range(0, len(data), 7), *(i + 1 for i, b in enumerate(data) if b == 13)})
        for start, end in zip(cuts, [*cuts[1:], len(data)], strict=True):
            yield data[start:end]
            await asyncio.sleep(0.001)

    @app.post("/v1/chat/completions")
    async def chat_completions(request: Request) -> Response:
        body = await request.json()
        fake.requests.append({"body": body, "authorization": request.headers.get("authorization")})
        model = body["model"]
        if model == "broken":
            return JSONResponse({"error": {"message": f"internal {SECRET[:8]}"}}, status_code=500)
        if model == "locked":
            return JSONResponse({"error": {"message": f"bad key {SECRET}"}}, status_code=401)
        if model == "hang":
            await asyncio.sleep(HANG_SECONDS)
        if model == "ragged" and body.get("stream"):
            return StreamingResponse(ragged(model), media_type="text/event-stream")
        if body.get("stream"):
            return StreamingResponse(sse(model), media_type="text/event-stream")
        content = {
            "fenced-json": f"```json\n{json.dumps(ENDING)}\n```",
            "not-json": "Puff should go to the meadow!",
            "wrong-shape": json.dumps({"choice_question": "Where?", "choices": [{"text": "x"}]}),
        }.get(model, json.dumps(ENDING))
        return JSONResponse(completion(model, content))

    return app


@pytest.fixture(scope="module")
def fake_server() -> Iterator[Fake]:
    fake = Fake(url="")
    with ServerThread(fake_openai_app(fake), timeout_graceful_shutdown=1) as url:
        fake.url = url
        yield fake


@pytest.fixture
def fake(fake_server: Fake) -> Fake:
    fake_server.requests.clear()
    fake_server.streams_finished.clear()
    fake_server.stream_ended.clear()
    return fake_server


def make(
    tmp_path: Path, base_url: str, model: str = "story-model", **overrides: object
) -> OpenAICompatibleModel:
    settings = load_settings(
        llm_provider="openai",
        openai_base_url=f"{base_url}/v1",
        llm_model=model,
        secret_key="x" * 40,
        data_dir=tmp_path,
        **overrides,
    )
    created = create_model(settings)
    assert isinstance(created, OpenAICompatibleModel)
    return created


async def test_stream_arrives_in_pieces(tmp_path: Path, fake: Fake) -> None:
    model = make(tmp_path, fake.url)
    arrivals: list[tuple[float, str]] = []
    async for piece in model.stream(MESSAGES, max_tokens=50, temperature=0.7):
        arrivals.append((time.perf_counter(), piece))
    await model.aclose()
    assert [piece for _, piece in arrivals] == PIECES
    assert arrivals[-1][0] - arrivals[0][0] > 0.1  # streamed as produced, not all at the end

    [request] = fake.requests
    body = request["body"]
    assert body["model"] == "story-model"
    assert body["messages"] == MESSAGES
    assert body["stream"] is True
    assert body["max_tokens"] == 50
    assert body["temperature"] == 0.7
    assert request["authorization"] == "Bearer not-needed"


async def test_stream_events_split_anywhere_arrive_whole(tmp_path: Path, fake: Fake) -> None:
    model = make(tmp_path, fake.url, model="ragged")
    received = [piece async for piece in model.stream(MESSAGES, max_tokens=50)]
    await model.aclose()
    # Empty deltas are skipped; nothing after [DONE] is read.
    assert received == RAGGED_PIECES[:-1]


async def test_closing_the_stream_disconnects_from_the_server(tmp_path: Path, fake: Fake) -> None:
    model = make(tmp_path, fake.url, model="long")
    stream = model.stream(MESSAGES, max_tokens=500)
    for _ in range(3):
        await anext(stream)
    await stream.aclose()
    # The fake runs in the server's thread, so wait for its threading.Event off the loop.
    assert await asyncio.to_thread(fake.stream_ended.wait, 5)
    assert fake.streams_finished == [False]  # the server saw the client leave mid-story
    await model.aclose()


async def test_structured_parses_json_schema_answers(tmp_path: Path, fake: Fake) -> None:
    for name in ["plain-json", "fenced-json"]:
        model = make(tmp_path, fake.url, model=name)
        ending = await model.structured(MESSAGES, ChapterEnding, max_tokens=120)
        assert ending == ChapterEnding.model_validate(ENDING)
        await model.aclose()
    body = fake.requests[0]["body"]
    assert body["model"] == "plain-json"
    assert body["messages"] == MESSAGES
    assert body["max_tokens"] == 120
    assert not body.get("stream")
    response_format = body["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["name"] == "ChapterEnding"
    assert response_format["json_schema"]["schema"] == ChapterEnding.model_json_schema()


@pytest.mark.parametrize("name", ["not-json", "wrong-shape"])
async def test_invalid_structured_answers_are_bad_output(
    tmp_path: Path, fake: Fake, name: str
) -> None:
    model = make(tmp_path, fake.url, model=name)
    with pytest.raises(ModelBadOutput):
        await model.structured(MESSAGES, ChapterEnding)
    await model.aclose()


async def test_server_error_is_unavailable(tmp_path: Path, fake: Fake) -> None:
    model = make(tmp_path, fake.url, model="broken")
    with pytest.raises(ModelUnavailable, match="HTTP 500"):
        async for _ in model.stream(MESSAGES, max_tokens=10):
            pass
    with pytest.raises(ModelUnavailable, match="HTTP 500"):
        await model.structured(MESSAGES, ChapterEnding)
    await model.aclose()


async def test_wrong_key_is_unavailable_and_never_leaks(tmp_path: Path, fake: Fake) -> None:
    model = make(tmp_path, fake.url, model="locked", openai_api_key=SECRET)
    with pytest.raises(ModelUnavailable) as caught:
        async for _ in model.stream(MESSAGES, max_tokens=10):
            pass
    await model.aclose()
    assert fake.requests[0]["authorization"] == f"Bearer {SECRET}"
    assert "HTTP 401" in str(caught.value)
    assert SECRET[:8] not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


async def test_connection_refused_is_unavailable(tmp_path: Path) -> None:
    model = make(tmp_path, f"http://127.0.0.1:{free_port()}")
    with pytest.raises(ModelUnavailable, match="could not be reached"):
        async for _ in model.stream(MESSAGES, max_tokens=10):
            pass
    with pytest.raises(ModelUnavailable):
        await model.structured(MESSAGES, ChapterEnding)
    await model.aclose()


async def test_hanging_server_times_out(tmp_path: Path, fake: Fake) -> None:
    model = make(tmp_path, fake.url, model="hang", llm_timeout_seconds=0.3)
    started = time.monotonic()
    with pytest.raises(ModelTimeout):
        async for _ in model.stream(MESSAGES, max_tokens=10):
            pass
    assert time.monotonic() - started < HANG_SECONDS * 2  # gave up before the server answered
    await model.aclose()


async def test_stall_midway_times_out_after_earlier_pieces(tmp_path: Path, fake: Fake) -> None:
    model = make(tmp_path, fake.url, model="stall-midway", llm_timeout_seconds=0.3)
    received: list[str] = []
    with pytest.raises(ModelTimeout):
        async for piece in model.stream(MESSAGES, max_tokens=50):
            received.append(piece)
    assert received == PIECES[:3]
    await model.aclose()


async def test_error_event_midway_is_a_model_error(tmp_path: Path, fake: Fake) -> None:
    model = make(tmp_path, fake.url, model="error-midway")
    received: list[str] = []
    with pytest.raises(ModelError) as caught:
        async for piece in model.stream(MESSAGES, max_tokens=50):
            received.append(piece)
    assert received == PIECES[:3]
    assert caught.value.code == "MODEL_ERROR"
    await model.aclose()


def test_parse_json_answer_tolerates_fences_and_chatter() -> None:
    assert parse_json_answer('```json\n{"a": 1}\n```') == {"a": 1}
    assert parse_json_answer('```\n{"a": 1}\n```') == {"a": 1}
    assert parse_json_answer('Sure! {"a": 1} Enjoy.') == {"a": 1}
    with pytest.raises(json.JSONDecodeError):
        parse_json_answer("no json here")
