"""A deterministic story model for tests and benchmarks: no weights, no network, no randomness.

Without `TALESTREAM_SCRIPTED_TEXT_FILE` every `stream()` call tells the same built-in chapter and
every `structured(..., ChapterEnding)` call answers the same built-in ending.

With a text file, the file is re-read at every call (tests rewrite it between requests). Format::

    First attempt at the chapter.
    ---
    Second attempt; a line that is exactly `---` separates sections.
    <<fail:MODEL_TIMEOUT>>
    ---
    <<ending>>
    {"choice_question": "What next?", "choices": [{"text": "Fly"}, {"text": "Swim"}]}

* Each section is trimmed of surrounding whitespace. Sections whose first line is `<<ending>>` hold
  the JSON answer for `structured(..., ChapterEnding)`; all the others are chapter texts.
* Attempts: the model cannot know which regeneration a call is, so it counts calls per exact
  `messages` list (and per kind, stream or structured). The first call with given messages gets
  the first section of that kind, a repeat with identical messages the next one, and so on; after
  the last section it keeps answering the last one. A workflow that retries a rejected chapter with
  the same prompt therefore walks through the sections in order.
* A line `<<fail:CODE>>` ends the section: the text before it is streamed, then the model raises
  ModelUnavailable (CODE = MODEL_UNAVAILABLE), ModelTimeout (MODEL_TIMEOUT) or ModelError with
  that code. Inside an `<<ending>>` section it makes `structured()` raise the same way.
* `max_tokens` is honoured like a real model: each streamed piece counts as one token.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from collections import Counter
from collections.abc import AsyncGenerator
from pathlib import Path

from pydantic import ValidationError

from talestream.config import Settings
from talestream.generation.base import (
    ChatMessage,
    ModelBadOutput,
    ModelError,
    ModelTimeout,
    ModelUnavailable,
    T,
)
from talestream.generation.schemas import ChapterEnding

BUILTIN_CHAPTER = (
    "Once upon a time, in a quiet valley full of daisies, there lived a little hedgehog named "
    "Hazel. Every morning she rolled down the soft green hill and giggled all the way to the "
    "bottom. One sunny day, Hazel found a tiny blue feather lying beside the old stone bridge. "
    '"Who could this belong to?" she wondered, turning it over in her small paws. The feather '
    "shimmered like the sky after rain. Hazel decided she would find its owner and give it back. "
    "She packed a blueberry muffin, a cozy scarf and her favourite map into her little basket. "
    "Along the path she met Otto the turtle, who was slowly munching a crunchy leaf. "
    '"I will come with you!" said Otto with a kind smile. Together they followed the winding '
    "river, listening to the frogs sing their happy evening songs. As the sun began to set, "
    "they heard a gentle chirp from high up in a tall oak tree. Hazel looked up, and her eyes "
    "grew wide. "
    "Was that where the feather had come from?"
)

BUILTIN_ENDING = ChapterEnding.model_validate(
    {
        "choice_question": "What should Hazel and Otto do next?",
        "choices": [
            {"text": "Climb the oak tree to say hello"},
            {"text": "Call up softly and wait for an answer"},
            {"text": "Leave the feather in a cozy nest at the bottom of the tree"},
        ],
    }
)

SECTION_SEPARATOR = re.compile(r"^---$", re.MULTILINE)
FAIL_DIRECTIVE = re.compile(r"^[ \t]*<<fail:([A-Za-z0-9_]+)>>[ \t]*$", re.MULTILINE)
ENDING_MARKER = "<<ending>>"
# Word pieces with their trailing whitespace (plus any leading whitespace), so that
# "".join(pieces) == text exactly, like the leading-space tokens of a real tokenizer stream.
PIECE = re.compile(r"^\s+|\S+\s*")

_FAIL_MESSAGES: dict[str, str] = {
    ModelUnavailable.code: "The story model is not available right now (scripted).",
    ModelTimeout.code: "The story model took too long to answer (scripted).",
}


def split_pieces(text: str) -> list[str]:
    """Split text into streamable word pieces that join back to exactly `text`."""
    return PIECE.findall(text)


def scripted_error(code: str) -> ModelError:
    """The exception a `<<fail:CODE>>` directive raises: the specific subclass where one exists."""
    message = _FAIL_MESSAGES.get(code, f"The story model failed (scripted {code}).")
    if code == ModelUnavailable.code:
        return ModelUnavailable(message)
    if code == ModelTimeout.code:
        return ModelTimeout(message)
    if code == ModelBadOutput.code:
        return ModelBadOutput(message)
    return ModelError(message, code=code)


def parse_script(text: str) -> tuple[list[str], list[str]]:
    """Split a script file into (chapter sections, ending sections), each trimmed."""
    chapters: list[str] = []
    endings: list[str] = []
    for raw in SECTION_SEPARATOR.split(text):
        section = raw.strip()
        first_line, _, rest = section.partition("\n")
        if first_line.strip() == ENDING_MARKER:
            endings.append(rest.strip())
        elif section:
            chapters.append(section)
    return chapters, endings


class ScriptedModel:
    """Deterministic StoryModel; see the module docstring for the script file format."""

    name = "scripted"
    concurrency = 1000  # nothing is shared, so the fair queue in front should never be the limit

    def __init__(self, settings: Settings) -> None:
        self.token_delay = settings.scripted_token_delay_ms / 1000
        self.text_file: Path | None = settings.scripted_text_file
        self._attempts: Counter[str] = Counter()
        self.calls = 0  # stream() + structured() calls made, for tests and benchmarks

    def _next_attempt(self, kind: str, messages: list[ChatMessage]) -> int:
        """0-based attempt number for this exact prompt (see the module docstring)."""
        payload = json.dumps([kind, messages], sort_keys=True, ensure_ascii=False)
        key = hashlib.sha256(payload.encode()).hexdigest()
        attempt = self._attempts[key]
        self._attempts[key] += 1
        return attempt

    async def _read_script(self) -> tuple[list[str], list[str]]:
        if self.text_file is None:
            return [], []
        try:
            # Off the event loop: the file may sit on a slow disk during benchmarks.
            text = await asyncio.to_thread(self.text_file.read_text, encoding="utf-8")
        except OSError as exc:
            raise ModelUnavailable(
                f"The scripted story text could not be read ({exc.strerror or exc})."
            ) from None
        return parse_script(text)

    async def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, temperature: float = 0.8
    ) -> AsyncGenerator[str]:
        self.calls += 1
        attempt = self._next_attempt("stream", messages)
        chapters, _ = await self._read_script()
        text = chapters[min(attempt, len(chapters) - 1)] if chapters else BUILTIN_CHAPTER
        failure: ModelError | None = None
        if directive := FAIL_DIRECTIVE.search(text):
            failure = scripted_error(directive.group(1))
            text = text[: directive.start()].rstrip()

        for count, piece in enumerate(split_pieces(text)):
            if count >= max_tokens:
                return
            # Always yield control, even without a delay, so a cancelled consumer stops us here.
            await asyncio.sleep(self.token_delay)
            yield piece
        if failure is not None:
            raise failure

    async def structured(
        self, messages: list[ChatMessage], schema: type[T], *, max_tokens: int = 256
    ) -> T:
        self.calls += 1
        if schema is not ChapterEnding:
            raise ModelBadOutput(f"The scripted model cannot answer {schema.__name__}.")
        attempt = self._next_attempt(f"structured:{schema.__name__}", messages)
        _, endings = await self._read_script()
        await asyncio.sleep(self.token_delay)  # one "token" of latency keeps timings comparable
        if not endings:
            return schema.model_validate(BUILTIN_ENDING.model_dump())
        answer = endings[min(attempt, len(endings) - 1)]
        if directive := FAIL_DIRECTIVE.search(answer):
            raise scripted_error(directive.group(1))
        try:
            return schema.model_validate_json(answer)
        except ValidationError:
            raise ModelBadOutput(
                "The story model's chapter ending did not have the expected shape."
            ) from None

    async def aclose(self) -> None:
        """Nothing to release."""
