"""The story workflow: generate_content -> safety_check -> calculate_metrics -> save.

One async generator yields typed events (stories.events); endpoints only encode them. Model text is
released sentence by sentence, each sentence only after it passed the fast safety check, so an
unsafe sentence never reaches the client. A rejected attempt is regenerated; the client is told to
discard what it showed. Nothing is written to the database until every stage has passed, and
then in one transaction. Closing the generator (client gone) cancels the model call at once.
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from dataclasses import dataclass, field

from talestream.db.base import Database
from talestream.generation.base import ModelBadOutput, ModelError, StoryModel
from talestream.generation.queue import FairGate
from talestream.generation.schemas import ChapterEnding
from talestream.metrics import ReadingMetrics, compute_metrics
from talestream.safety import OutputPolicy, SafetyResult, split_sentences
from talestream.safety.moderation import Moderator
from talestream.stories import safety_log, service
from talestream.stories.endings import fallback_ending, tidy_ending
from talestream.stories.events import (
    Completed,
    ContentChunk,
    Failed,
    MetricsComputed,
    NodeEvent,
    SafetyChecked,
    WorkflowEvent,
)
from talestream.stories.prompts import (
    PreviousChapter,
    Reader,
    StoryBrief,
    chapter_messages,
    ending_messages,
    max_tokens_for,
)

# A small model sometimes writes headings, lists, choices or JSON, or echoes the prompt's story
# details. Such lines before the story are dropped; after it, they end the prose.
_NOT_PROSE = re.compile(
    r"^\s*(?:[#{\[<*|]|```|(?:chapter|choices?|options?|question|title|theme|hero|idea"
    r"|story details|the reader likes)\b|\d+[.)]\s|[A-D][.)]\s)",
    re.IGNORECASE,
)
QUEUE_POLL_SECONDS = 1.0
ENDING_TRIES = 2
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StoryJob:
    """Everything one chapter needs; built by an endpoint after auth and validation."""

    owner_id: int
    brief: StoryBrief
    chapter_number: int = 1
    child_id: int | None = None
    story_id: uuid.UUID | None = None  # set when continuing an existing story
    previous: list[PreviousChapter] = field(default_factory=list)
    chosen_index: int | None = None
    chosen_text: str | None = None


class _Empty(Exception):
    """The model wrote nothing usable (only markup, or nothing at all)."""


class _Rejected(Exception):
    def __init__(self, result: SafetyResult) -> None:
        self.result = result


@dataclass(slots=True)
class _Attempt:
    number: int
    sentences: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.sentences).strip()


class StoryWorkflow:
    def __init__(
        self,
        *,
        model: StoryModel,
        gate: FairGate,
        policy: OutputPolicy,
        db: Database,
        max_attempts: int,
        max_tokens: int | None,
        moderator: Moderator | None = None,
    ) -> None:
        self.model = model
        self.gate = gate
        self.policy = policy
        self.db = db
        self.max_attempts = max_attempts
        self.max_tokens = max_tokens
        self.moderator = moderator

    async def run(self, job: StoryJob) -> AsyncGenerator[WorkflowEvent]:
        yield NodeEvent(node="workflow", status="started")
        try:
            async with aclosing(self._run(job)) as events:
                async for event in events:
                    yield event
        except ModelError as exc:
            yield Failed(code=exc.code, message=f"Generation failed: {exc}")
        except service.SaveConflict as exc:
            yield Failed(code=exc.code, message=str(exc))

    async def _run(self, job: StoryJob) -> AsyncIterator[WorkflowEvent]:
        reader = job.brief.reader
        attempt = _Attempt(1)
        ending: ChapterEnding | None = None
        safety: SafetyResult | None = None
        while True:
            detail = {"attempt": attempt.number} if attempt.number > 1 else {}
            yield NodeEvent(node="generate_content", status="started", detail=detail)
            rejected: SafetyResult | None = None
            # One turn at the model covers the chapter and its ending, so a story waits once.
            ticket = self.gate.enqueue()
            try:
                async with aclosing(self._wait_turn(ticket)) as waiting:
                    async for event in waiting:
                        yield event
                async with aclosing(self._generate(job, attempt)) as generating:
                    async for event in generating:
                        yield event
                if not attempt.text:
                    raise _Empty
                ending = await self._ending(job, attempt.text)
            except _Rejected as stop:
                rejected = stop.result
            except _Empty:
                # Nothing was shown, so nothing to check: just try again, or give up clearly.
                if attempt.number >= self.max_attempts:
                    raise ModelError(
                        "the story model wrote no story text", code="MODEL_BAD_OUTPUT"
                    ) from None
                attempt = _Attempt(attempt.number + 1)
                yield _retry(attempt)
                continue
            finally:
                self.gate.leave(ticket)
            if rejected is None:
                yield NodeEvent(node="generate_content", status="completed")

            yield NodeEvent(node="safety_check", status="started")
            if rejected is None:
                assert ending is not None
                safety = await self._check_chapter(_checked_text(attempt.text, ending), reader)
            else:
                safety = rejected
            yield SafetyChecked(result=safety, attempt=attempt.number)
            yield NodeEvent(node="safety_check", status="completed")
            if safety.approved:
                break
            await self._record_rejection(job, attempt.number, safety)
            if attempt.number >= self.max_attempts:
                yield Failed(
                    code="UNSAFE_CONTENT",
                    message=(
                        f"The story did not pass the safety check after {attempt.number} "
                        "attempts, so it was not shown or saved. Please try a different theme."
                    ),
                )
                return
            attempt = _Attempt(attempt.number + 1)
            yield _retry(attempt)

        assert ending is not None and safety is not None
        yield NodeEvent(node="calculate_metrics", status="started")
        metrics: ReadingMetrics = await asyncio.to_thread(
            compute_metrics,
            attempt.text,
            age=reader.age,
            reading_level=reader.reading_level,
            language=reader.language,
        )
        yield MetricsComputed(metrics=metrics)
        yield NodeEvent(node="calculate_metrics", status="completed")

        yield NodeEvent(node="save", status="started")
        saved = await service.save_chapter(
            self.db,
            job,
            content=attempt.text,
            ending=ending,
            metrics=metrics,
            safety=safety,
            attempts=attempt.number,
            model_name=self.model.name,
        )
        yield NodeEvent(node="save", status="completed")
        yield Completed(
            story_id=saved.story_id,
            chapter_id=saved.chapter_id,
            chapter_number=job.chapter_number,
            title=job.brief.title,
            content=attempt.text,
            ending=ending,
            metrics=metrics,
            safety=safety,
            attempts=attempt.number,
        )

    async def _check_chapter(self, text: str, reader: Reader) -> SafetyResult:
        """The offline policy, then (when configured) the model-based moderator on top."""
        result = await asyncio.to_thread(
            self.policy.check_text, text, age=reader.age, language=reader.language
        )
        if self.moderator is None:
            return result
        try:
            extra = await self.moderator.check(text, age=reader.age, language=reader.language)
        except ModelError as exc:
            # Fail closed: without the moderator's verdict the chapter is not saved.
            raise ModelError(
                f"the safety moderator could not check this story ({exc})",
                code="MODERATION_UNAVAILABLE",
            ) from None
        return SafetyResult.from_issues([*result.issues, *extra]) if extra else result

    async def _record_rejection(self, job: StoryJob, attempt: int, result: SafetyResult) -> None:
        async with self.db.sessions() as session:
            await safety_log.record(
                session,
                owner_id=job.owner_id,
                child_id=job.child_id,
                kind="output",
                theme=job.brief.theme,
                chapter_number=job.chapter_number,
                attempt=attempt,
                issues=result.issues,
            )

    async def _wait_turn(self, ticket: asyncio.Future[None]) -> AsyncIterator[WorkflowEvent]:
        """Tell the reader their place in the queue while another story holds the model."""
        shown = 0
        while not ticket.done():
            position = self.gate.position(ticket)
            if position != shown:
                yield NodeEvent(
                    node="generate_content", status="queued", detail={"position": position}
                )
                shown = position
            await asyncio.wait((ticket,), timeout=QUEUE_POLL_SECONDS)

    async def _generate(self, job: StoryJob, attempt: _Attempt) -> AsyncIterator[WorkflowEvent]:
        """Stream the chapter, releasing each sentence only after it passed the fast check."""
        reader = job.brief.reader
        messages = chapter_messages(job.brief, job.chapter_number, job.previous, job.chosen_text)
        # Small models ignore "about N words"; the token budget is what keeps a chapter short.
        budget = self.max_tokens or max_tokens_for(reader)
        buffer = ""
        produced = 0
        # aclosing: leaving early (unsafe sentence, client gone) closes the model stream at once.
        async with aclosing(self.model.stream(messages, max_tokens=budget)) as pieces:
            async for piece in pieces:
                produced += 1
                buffer += piece
                sentences, buffer = split_sentences(buffer)
                for sentence in sentences:
                    released = self._release(sentence, attempt, reader.age, reader.language)
                    if released is None:
                        yield ContentChunk(text="", is_complete=True)
                        return
                    if released:
                        yield ContentChunk(text=released)
        # A sentence cut off by the token budget is dropped rather than shown half-finished.
        cut_off = produced >= budget and attempt.sentences
        if buffer.strip() and not cut_off:
            released = self._release(buffer, attempt, reader.age, reader.language)
            if released:
                yield ContentChunk(text=released)
        yield ContentChunk(text="", is_complete=True)

    def _release(self, sentence: str, attempt: _Attempt, age: int, language: str) -> str | None:
        """The text to show for this sentence ("" to show nothing yet), or None when the prose
        has ended. Raises _Rejected if the sentence is unsafe."""
        if not attempt.sentences:
            # Before the story starts, drop markup and echoed story details line by line.
            lines = sentence.lstrip().split("\n")
            while lines and (_NOT_PROSE.match(lines[0]) or not lines[0].strip()):
                lines.pop(0)
            sentence = "\n".join(lines)
            if not sentence.strip():
                return ""
        elif _NOT_PROSE.match(sentence):
            return None
        verdict = self.policy.check_sentence(sentence, age=age, language=language)
        if not verdict.approved:
            raise _Rejected(verdict)
        attempt.sentences.append(sentence)
        return sentence

    async def _ending(self, job: StoryJob, text: str) -> ChapterEnding:
        messages = ending_messages(job.brief, text)
        for _ in range(ENDING_TRIES):
            try:
                ending = await self.model.structured(messages, ChapterEnding, max_tokens=320)
            except ModelBadOutput:
                continue  # a small model's JSON can run past its budget; ask once more
            return tidy_ending(ending, job.brief)
        # The chapter itself passed every check; plain choices beat losing the story.
        log.warning("model gave no usable chapter ending; using the plain one")
        return fallback_ending(job.brief)


def _retry(attempt: _Attempt) -> NodeEvent:
    """Tells the client a new attempt starts and the text shown so far must go."""
    return NodeEvent(
        node="generate_content", status="retry", detail={"attempt": attempt.number, "discard": True}
    )


def _checked_text(text: str, ending: ChapterEnding) -> str:
    """The whole-text check covers everything the child will see, choices included."""
    return "\n".join([text, ending.choice_question, *(c.text for c in ending.choices)])
