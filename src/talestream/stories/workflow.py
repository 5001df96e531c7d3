"""The story workflow: generate_content -> safety_check -> quality_check -> calculate_metrics ->
save.

One async generator yields typed events (stories.events); endpoints only encode them. Model text is
released sentence by sentence, each sentence only after it passed the fast safety check (so an
unsafe sentence never reaches the client) and the cheap quality checks (so a broken chapter stops
early). A rejected or poor attempt is regenerated; the client is told to discard what it showed.
Nothing is saved until every stage has passed, and then in one transaction. Closing the generator
(client gone) cancels the model call at once.

The workflow knows no database and no HTTP: it depends on the protocols in `stories.ports`
(model, gate, chapter checker, quality gate, chapter store), handed over by `talestream.services`.
Every failure after the first event is a `Failed` event with a code, never an exception.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncGenerator
from contextlib import aclosing
from dataclasses import dataclass, field

from talestream.errors import DomainError, ErrorCode
from talestream.generation.base import ModelBadOutput, ModelError, StoryModel
from talestream.generation.capabilities import (
    chapter_token_cap,
    continues_prefill,
    writes_from_brief,
)
from talestream.generation.schemas import ChapterEnding
from talestream.metrics import ReadingMetrics, compute_metrics
from talestream.quality import QualityResult
from talestream.safety import SafetyResult, feed_sentences
from talestream.stories.avoided_topics import CATEGORY as AVOIDED_TOPIC
from talestream.stories.badges import chapter_badges
from talestream.stories.domain import FinishedChapter, Reader, StoryJob
from talestream.stories.endings import fallback_ending, tidy_ending
from talestream.stories.events import (
    Completed,
    ContentChunk,
    Failed,
    MetricsComputed,
    NodeEvent,
    QualityChecked,
    SafetyChecked,
    WorkflowEvent,
)
from talestream.stories.ports import ChapterChecker, ChapterQuality, ChapterStore, ModelGate
from talestream.stories.prompts import (
    BEDTIME_FACTOR,
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


class _Empty(Exception):
    """The model wrote nothing usable (only markup, or nothing at all)."""


class _Rejected(Exception):
    def __init__(self, result: SafetyResult) -> None:
        self.result = result


class _Poor(Exception):
    """A streamed sentence failed the cheap quality checks: the attempt stops there."""

    def __init__(self, result: QualityResult) -> None:
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
        gate: ModelGate,
        safety: ChapterChecker,
        quality: ChapterQuality,
        store: ChapterStore,
        max_attempts: int,
        max_tokens: int | None,
    ) -> None:
        self.model = model
        self.gate = gate
        self.safety = safety
        self.quality = quality
        self.store = store
        self.max_attempts = max_attempts
        self.max_tokens = max_tokens

    async def run(self, job: StoryJob) -> AsyncGenerator[WorkflowEvent]:
        yield NodeEvent(node="workflow", status="started")
        try:
            async with aclosing(self._run(job)) as events:
                async for event in events:
                    yield event
        except ModelError as exc:
            yield Failed(code=exc.code, message=f"Generation failed: {exc}")
        except DomainError as exc:
            yield Failed(code=exc.code, message=exc.detail)
        except Exception:
            # A bug must still end the stream with an error event, not a cut connection.
            log.exception("story workflow failed for owner %s", job.owner_id)
            yield Failed(
                code=ErrorCode.INTERNAL,
                message="Something went wrong while writing this story; nothing was saved.",
            )

    async def _run(self, job: StoryJob) -> AsyncGenerator[WorkflowEvent]:
        reader = job.brief.reader
        attempt = _Attempt(1)
        ending: ChapterEnding | None = None
        safety: SafetyResult | None = None
        quality: QualityResult | None = None
        while True:
            detail = {"attempt": attempt.number} if attempt.number > 1 else {}
            yield NodeEvent(node="generate_content", status="started", detail=detail)
            rejected: SafetyResult | None = None
            poor: QualityResult | None = None
            ending = None  # each attempt writes its own
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
            except _Poor as stop:
                poor = stop.result
            except _Empty:
                # Nothing was shown, so nothing to check: just try again, or give up clearly.
                if attempt.number >= self.max_attempts:
                    raise ModelBadOutput("the story model wrote no story text") from None
                attempt = _Attempt(attempt.number + 1)
                yield _retry(attempt)
                continue
            finally:
                self.gate.leave(ticket)
            if rejected is None and poor is None:
                yield NodeEvent(node="generate_content", status="completed")

            yield NodeEvent(node="safety_check", status="started")
            if rejected is None:
                # A chapter stopped early for its quality still had its shown text checked.
                shown = _checked_text(attempt.text, ending) if ending else attempt.text
                safety = await self.safety.check_chapter(shown, reader)
            else:
                safety = rejected
            yield SafetyChecked(result=safety, attempt=attempt.number)
            yield NodeEvent(node="safety_check", status="completed")
            if not safety.approved:
                await self.store.record_rejection(job, attempt.number, safety)
                if attempt.number >= self.max_attempts:
                    yield Failed(code=ErrorCode.UNSAFE_CONTENT, message=_gave_up(safety, attempt))
                    return
                attempt = _Attempt(attempt.number + 1)
                yield _retry(attempt)
                continue

            yield NodeEvent(node="quality_check", status="started")
            if poor is None:
                assert ending is not None
                quality = self.quality.check_chapter(
                    attempt.text,
                    ending,
                    job,
                    # About 2 tokens a word.
                    expected_words=self._budget(reader, job.brief.bedtime) // 2,
                    from_brief=writes_from_brief(self.model),
                )
            else:
                quality = poor
            yield QualityChecked(result=quality, attempt=attempt.number)
            if quality.passed:
                break
            log.info("chapter attempt %d failed the quality gate: %s", attempt.number, quality)
            if attempt.number >= self.max_attempts:
                yield Failed(
                    code=ErrorCode.LOW_QUALITY,
                    message=(
                        "The storyteller did not write a chapter good enough to keep in "
                        f"{attempt.number} attempts, so nothing was saved. Please try again."
                    ),
                )
                return
            attempt = _Attempt(attempt.number + 1)
            yield _retry(attempt, reason="quality")

        assert ending is not None and safety is not None and quality is not None
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
        saved = await self.store.save(
            FinishedChapter(
                job=job,
                content=attempt.text,
                ending=ending,
                metrics=metrics,
                safety=safety,
                quality=quality,
                attempts=attempt.number,
                model_name=self.model.name,
            )
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
            quality=quality,
            attempts=attempt.number,
            badges=chapter_badges(
                age=reader.age,
                child_level=reader.reading_level,
                vocabulary_level=metrics.vocabulary_level,
                attempts=attempt.number,
                reading_seconds=metrics.estimated_reading_seconds,
            ),
        )

    async def _wait_turn(self, ticket: asyncio.Future[None]) -> AsyncGenerator[WorkflowEvent]:
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

    async def _generate(self, job: StoryJob, attempt: _Attempt) -> AsyncGenerator[WorkflowEvent]:
        """Stream the chapter, releasing each sentence only after it passed the fast check."""
        reader = job.brief.reader
        messages = chapter_messages(
            job.brief,
            job.chapter_number,
            job.previous,
            job.chosen_text,
            guided=continues_prefill(self.model),
        )
        budget = self._budget(reader, job.brief.bedtime)
        buffer = ""
        produced = 0
        # aclosing: leaving early (unsafe sentence, client gone) closes the model stream at once.
        async with aclosing(self.model.stream(messages, max_tokens=budget)) as pieces:
            async for piece in pieces:
                produced += 1
                sentences, buffer = feed_sentences(buffer, piece)
                for sentence in sentences:
                    released = self._release(sentence, attempt, reader)
                    if released is None:
                        yield ContentChunk(text="", is_complete=True)
                        return
                    if released:
                        yield ContentChunk(text=released)
        # A sentence cut off by the token budget is dropped rather than shown half-finished.
        cut_off = produced >= budget and attempt.sentences
        if buffer.strip() and not cut_off:
            released = self._release(buffer, attempt, reader)
            if released:
                yield ContentChunk(text=released)
        yield ContentChunk(text="", is_complete=True)

    def _budget(self, reader: Reader, bedtime: bool) -> int:
        """Small models ignore "about N words"; the token budget is what keeps a chapter short.
        A configured budget wins (shortened for bedtime); otherwise the reader's, within the
        model's own cap."""
        if self.max_tokens:
            return int(self.max_tokens * BEDTIME_FACTOR) if bedtime else self.max_tokens
        own = max_tokens_for(reader, bedtime)
        cap = chapter_token_cap(self.model)
        return min(own, cap) if cap else own

    def _release(self, sentence: str, attempt: _Attempt, reader: Reader) -> str | None:
        """The text to show for this sentence ("" to show nothing yet), or None when the prose
        has ended. Raises _Rejected if the sentence is unsafe, _Poor if it is broken."""
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
        previous = attempt.sentences[-1] if attempt.sentences else None
        verdict = self.safety.check_sentence(sentence, reader, previous)
        if not verdict.approved:
            raise _Rejected(verdict)
        judged = self.quality.check_sentence(sentence, reader, attempt.sentences)
        if not judged.passed:
            raise _Poor(judged)
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


def _gave_up(result: SafetyResult, attempt: _Attempt) -> str:
    if result.issues and all(i.category == AVOIDED_TOPIC for i in result.issues):
        return (
            f"The story kept touching a topic you asked to avoid after {attempt.number} "
            "attempts, so it was not shown or saved. Please try a different theme."
        )
    return (
        f"The story did not pass the safety check after {attempt.number} "
        "attempts, so it was not shown or saved. Please try a different theme."
    )


def _retry(attempt: _Attempt, reason: str | None = None) -> NodeEvent:
    """Tells the client a new attempt starts and the text shown so far must go. A quality retry
    says so (`reason`); a safety retry keeps the documented shape it always had."""
    detail: dict[str, object] = {"attempt": attempt.number, "discard": True}
    if reason:
        detail["reason"] = reason
    return NodeEvent(node="generate_content", status="retry", detail=detail)


def _checked_text(text: str, ending: ChapterEnding) -> str:
    """The whole-text check covers everything the child will see, choices included."""
    return "\n".join([text, ending.choice_question, *(c.text for c in ending.choices)])
