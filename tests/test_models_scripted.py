"""The scripted model: deterministic text, attempts from a re-read file, failure directives."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from talestream.config import load_settings
from talestream.generation.base import (
    ChatMessage,
    ModelBadOutput,
    ModelError,
    ModelTimeout,
    ModelUnavailable,
)
from talestream.generation.factory import create_model
from talestream.generation.schemas import ChapterEnding
from talestream.generation.scripted import BUILTIN_CHAPTER, ScriptedModel, split_pieces

MESSAGES: list[ChatMessage] = [
    {"role": "system", "content": "Tell a gentle story."},
    {"role": "user", "content": "A story about a hedgehog."},
]


def make(tmp_path: Path, **overrides: object) -> ScriptedModel:
    settings = load_settings(
        llm_provider="scripted", secret_key="x" * 40, data_dir=tmp_path, **overrides
    )
    model = create_model(settings)
    assert isinstance(model, ScriptedModel)
    return model


async def collect(model: ScriptedModel, messages: list[ChatMessage] = MESSAGES) -> list[str]:
    return [piece async for piece in model.stream(messages, max_tokens=1000)]


async def test_builtin_chapter_streams_in_pieces_that_join_exactly(tmp_path: Path) -> None:
    model = make(tmp_path, scripted_token_delay_ms=0)
    pieces = await collect(model)
    assert "".join(pieces) == BUILTIN_CHAPTER
    assert len(pieces) == len(BUILTIN_CHAPTER.split()) >= 120
    assert BUILTIN_CHAPTER.count(".") + BUILTIN_CHAPTER.count("!") >= 5
    assert "{" not in BUILTIN_CHAPTER and "?" in BUILTIN_CHAPTER
    assert model.concurrency >= 1000


def test_split_pieces_keeps_every_character() -> None:
    for text in ["", " leading", "a  b\n\nc! ", "one\ttwo\n"]:
        assert "".join(split_pieces(text)) == text


async def test_max_tokens_truncates_like_a_real_model(tmp_path: Path) -> None:
    pieces = [p async for p in make(tmp_path).stream(MESSAGES, max_tokens=5)]
    assert len(pieces) == 5
    assert BUILTIN_CHAPTER.startswith("".join(pieces))


async def test_token_delay_is_respected(tmp_path: Path) -> None:
    path = tmp_path / "script.txt"
    path.write_text("one two three four five six seven eight nine ten")
    started = time.perf_counter()
    pieces = await collect(make(tmp_path, scripted_token_delay_ms=20, scripted_text_file=path))
    elapsed = time.perf_counter() - started
    assert len(pieces) == 10
    assert 0.15 < elapsed < 5  # 10 x 20 ms, generously bounded


async def test_file_is_reread_on_every_call(tmp_path: Path) -> None:
    path = tmp_path / "script.txt"
    path.write_text("First version of the tale.\n")
    model = make(tmp_path, scripted_text_file=path)
    assert "".join(await collect(model, [{"role": "user", "content": "a"}])) == (
        "First version of the tale."
    )
    path.write_text("Second version, rewritten by the test.")
    assert "".join(await collect(model, [{"role": "user", "content": "b"}])) == (
        "Second version, rewritten by the test."
    )


async def test_sections_are_successive_attempts_for_identical_messages(tmp_path: Path) -> None:
    path = tmp_path / "script.txt"
    path.write_text("Attempt one.\n---\nAttempt two.\n---\n\nAttempt three.\n\n")
    model = make(tmp_path, scripted_text_file=path)
    texts = ["".join(await collect(model)) for _ in range(4)]
    assert texts == ["Attempt one.", "Attempt two.", "Attempt three.", "Attempt three."]
    # Different messages have their own counter and start from the first section.
    other: list[ChatMessage] = [{"role": "user", "content": "another child"}]
    assert "".join(await collect(model, other)) == "Attempt one."


async def test_fail_directive_raises_after_earlier_pieces(tmp_path: Path) -> None:
    path = tmp_path / "script.txt"
    path.write_text("The moon rose over the hill.\n<<fail:MODEL_TIMEOUT>>\nnever told\n")
    model = make(tmp_path, scripted_text_file=path)
    received: list[str] = []
    with pytest.raises(ModelTimeout) as caught:
        async for piece in model.stream(MESSAGES, max_tokens=100):
            received.append(piece)
    assert "".join(received) == "The moon rose over the hill."
    assert caught.value.code == "MODEL_TIMEOUT"


@pytest.mark.parametrize(
    ("code", "kind"),
    [("MODEL_UNAVAILABLE", ModelUnavailable), ("MODEL_TIMEOUT", ModelTimeout), ("ODD", ModelError)],
)
async def test_fail_codes_map_to_error_classes(
    tmp_path: Path, code: str, kind: type[ModelError]
) -> None:
    path = tmp_path / "script.txt"
    path.write_text(f"<<fail:{code}>>")
    with pytest.raises(kind) as caught:
        await collect(make(tmp_path, scripted_text_file=path))
    assert caught.value.code == code


async def test_structured_builtin_chapter_ending(tmp_path: Path) -> None:
    ending = await make(tmp_path).structured(MESSAGES, ChapterEnding)
    assert isinstance(ending, ChapterEnding)
    assert ending.choice_question.endswith("?")
    assert len(ending.choices) == 3


async def test_structured_ending_section_overrides_and_is_validated(tmp_path: Path) -> None:
    path = tmp_path / "script.txt"
    path.write_text(
        "A chapter.\n---\n<<ending>>\n"
        '{"choice_question": "Where now?", "choices": [{"text": "Up"}, {"text": "Down"}]}\n'
        "---\n<<ending>>\n"
        '{"choice_question": "Only one?", "choices": [{"text": "Alone"}]}\n'
    )
    model = make(tmp_path, scripted_text_file=path)
    first = await model.structured(MESSAGES, ChapterEnding)
    assert first.choice_question == "Where now?"
    assert [c.text for c in first.choices] == ["Up", "Down"]
    with pytest.raises(ModelBadOutput):  # the retry gets the second, invalid, section
        await model.structured(MESSAGES, ChapterEnding)
    # Ending sections are not chapter attempts.
    assert "".join(await collect(model)) == "A chapter."


async def test_structured_rejects_unknown_schemas(tmp_path: Path) -> None:
    from pydantic import BaseModel

    class Other(BaseModel):
        x: int

    with pytest.raises(ModelBadOutput):
        await make(tmp_path).structured(MESSAGES, Other)


async def test_missing_script_file_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable):
        await collect(make(tmp_path, scripted_text_file=tmp_path / "nope.txt"))


async def test_closing_early_stops_the_stream(tmp_path: Path) -> None:
    model = make(tmp_path, scripted_token_delay_ms=0)
    stream = model.stream(MESSAGES, max_tokens=1000)
    first = [await anext(stream) for _ in range(3)]
    await stream.aclose()
    assert "".join(first) == "".join(split_pieces(BUILTIN_CHAPTER)[:3])
    with pytest.raises(StopAsyncIteration):
        await anext(stream)


async def test_cancelling_the_consumer_stops_promptly(tmp_path: Path) -> None:
    model = make(tmp_path, scripted_token_delay_ms=0)
    received: list[str] = []
    three = asyncio.Event()

    async def consume() -> None:
        async for piece in model.stream(MESSAGES, max_tokens=1000):
            received.append(piece)
            if len(received) == 3:
                three.set()

    task = asyncio.create_task(consume())
    await three.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert 3 <= len(received) < len(split_pieces(BUILTIN_CHAPTER))
