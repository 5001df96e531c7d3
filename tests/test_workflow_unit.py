"""The story workflow on its own: retries, discards, empty output, fail-closed checks and what it
asks the store to keep, driven through in-memory fakes of its ports (no database, no HTTP).

The end-to-end tests (test_stream_*.py) show the same behaviour on the wire; these pin down the
workflow's decisions one by one, fast enough to cover every branch.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import TypeVar

import pytest
from pydantic import BaseModel

from talestream.errors import Conflict, ErrorCode, Unavailable
from talestream.generation.base import ChatMessage, ModelTimeout, ModelUnavailable
from talestream.generation.queue import FairGate
from talestream.generation.schemas import ChapterEnding, Choice
from talestream.quality import QualityResult
from talestream.safety import OutputPolicy, SafetyIssue, SafetyResult, split_sentences
from talestream.stories.domain import FinishedChapter, Reader, SavedChapter, StoryBrief, StoryJob
from talestream.stories.events import (
    Completed,
    ContentChunk,
    Failed,
    NodeEvent,
    QualityChecked,
    SafetyChecked,
    WorkflowEvent,
)
from talestream.stories.quality_checker import QualityGate
from talestream.stories.safety_checker import SafetyChecker
from talestream.stories.workflow import StoryWorkflow

T = TypeVar("T", bound=BaseModel)

CLEAN = "Mia found a little boat. She sailed across the pond. The ducks waved hello."
UNSAFE_WORD = "GRIM"  # what the fake checker treats as unsafe
UNSAFE = f"Mia found a little boat. Then something {UNSAFE_WORD} happened. The end came."
ENDING = ChapterEnding(
    choice_question="Where should Mia sail next?",
    choices=[Choice(text="To the island"), Choice(text="Back home")],
)
JOB = StoryJob(
    owner_id=7,
    child_id=3,
    brief=StoryBrief(title="Mia's boat", theme="boats", reader=Reader(age=6, language="en")),
)


class FakeModel:
    """Streams one prepared text per attempt, word by word; `closed` counts closed streams."""

    name = "fake"
    concurrency = 1
    writes_from_brief = False  # a script: the quality gate cannot hold it to the brief

    def __init__(self, *attempts: str | Exception) -> None:
        self.attempts = list(attempts)
        self.calls = 0
        self.closed = 0

    async def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, temperature: float = 0.8
    ) -> AsyncGenerator[str]:
        script = self.attempts[min(self.calls, len(self.attempts) - 1)]
        self.calls += 1
        try:
            if isinstance(script, Exception):
                raise script
            for word in script.split(" "):
                yield word + " "
        finally:
            self.closed += 1

    async def structured(
        self, messages: list[ChatMessage], schema: type[T], *, max_tokens: int = 256
    ) -> T:
        return schema.model_validate(ENDING.model_dump())

    async def aclose(self) -> None:
        pass


@dataclass
class FakeChecker:
    """Rejects any sentence or chapter containing UNSAFE_WORD; `chapter_error` simulates a
    checker that cannot give a verdict."""

    chapter_error: Exception | None = None
    reject_chapters: int = 0  # how many whole-chapter checks to reject first
    chapters_checked: int = 0
    pairs: list[tuple[str | None, str]] = field(default_factory=list)

    def check_sentence(
        self, sentence: str, reader: Reader, previous: str | None = None
    ) -> SafetyResult:
        self.pairs.append((previous, sentence))
        return _verdict(f"{previous} {sentence}" if previous in SPLIT_HARM else sentence)

    async def check_chapter(self, text: str, reader: Reader) -> SafetyResult:
        self.chapters_checked += 1
        if self.chapter_error is not None:
            raise self.chapter_error
        if self.chapters_checked <= self.reject_chapters:
            return _verdict(UNSAFE_WORD)
        return _verdict(text)


# A sentence that is harmless alone, and unsafe with the one after it (as "He asked where she
# lived." then "He said not to tell her mum."): the fake reads the pair as GRIM.
SPLIT_HARM = {"He asked where she lived. "}


def _verdict(text: str) -> SafetyResult:
    if UNSAFE_WORD in text or any(f"{first} " in text for first in SPLIT_HARM):
        return SafetyResult.from_issues(
            [SafetyIssue(category="violence", severity="high", excerpt=UNSAFE_WORD)]
        )
    return SafetyResult.from_issues([])


@dataclass
class FakeStore:
    save_error: Exception | None = None
    saved: list[FinishedChapter] = field(default_factory=list)
    rejections: list[tuple[StoryJob, int, SafetyResult]] = field(default_factory=list)

    async def save(self, chapter: FinishedChapter) -> SavedChapter:
        if self.save_error is not None:
            raise self.save_error
        self.saved.append(chapter)
        return SavedChapter(story_id=uuid.uuid4(), chapter_id=len(self.saved))

    async def record_rejection(self, job: StoryJob, attempt: int, result: SafetyResult) -> None:
        self.rejections.append((job, attempt, result))


def workflow(
    model: FakeModel,
    checker: FakeChecker | SafetyChecker | None = None,
    store: FakeStore | None = None,
    max_attempts: int = 3,
) -> StoryWorkflow:
    return StoryWorkflow(
        model=model,
        gate=FairGate(1),
        safety=checker or FakeChecker(),
        quality=QualityGate(),
        store=store or FakeStore(),
        max_attempts=max_attempts,
        max_tokens=None,
    )


async def run(flow: StoryWorkflow, job: StoryJob = JOB) -> list[WorkflowEvent]:
    return [event async for event in flow.run(job)]


def shown(events: list[WorkflowEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, ContentChunk))


def retries(events: list[WorkflowEvent]) -> list[NodeEvent]:
    return [e for e in events if isinstance(e, NodeEvent) and e.status == "retry"]


async def test_a_clean_chapter_is_saved_once_with_what_was_shown() -> None:
    store = FakeStore()
    events = await run(workflow(FakeModel(CLEAN), store=store))

    assert isinstance(events[-1], Completed)
    assert [s.content for s in store.saved] == [CLEAN]
    saved = store.saved[0]
    assert saved.job == JOB and saved.attempts == 1 and saved.model_name == "fake"
    assert saved.ending == ENDING and saved.safety.approved
    assert shown(events).strip() == CLEAN
    assert store.rejections == []
    stages = [(e.node, e.status) for e in events if isinstance(e, NodeEvent)]
    assert stages[-2:] == [("save", "started"), ("save", "completed")]


async def test_an_unsafe_sentence_is_never_shown_and_the_attempt_is_retried() -> None:
    store = FakeStore()
    model = FakeModel(UNSAFE, CLEAN)
    events = await run(workflow(model, store=store))

    assert UNSAFE_WORD not in shown(events)
    assert [r.detail for r in retries(events)] == [{"attempt": 2, "discard": True}]
    # The text shown before the retry event belongs to the discarded attempt.
    cut = events.index(retries(events)[0])
    assert shown(events[:cut]).strip() == "Mia found a little boat."
    assert shown(events[cut:]).strip() == CLEAN
    assert [(job, attempt) for job, attempt, _ in store.rejections] == [(JOB, 1)]
    assert not store.rejections[0][2].approved
    assert [(s.content, s.attempts) for s in store.saved] == [(CLEAN, 2)]
    assert model.closed == 2, "the rejected attempt's model stream was closed"


async def test_each_sentence_is_judged_with_the_one_before_it() -> None:
    checker = FakeChecker()
    split = "Mia sailed on. He asked where she lived. He said not to tell her mum. Bye now."
    events = await run(workflow(FakeModel(split, CLEAN), checker=checker))

    first_attempt = checker.pairs[: checker.pairs.index((None, "Mia found a little boat. "))]
    assert first_attempt == [
        (None, "Mia sailed on. "),
        ("Mia sailed on. ", "He asked where she lived. "),
        ("He asked where she lived. ", "He said not to tell her mum. "),
    ]
    # The pair stopped the second sentence before it was shown; the attempt was discarded.
    cut = events.index(retries(events)[0])
    assert "not to tell" not in shown(events)
    assert shown(events[:cut]).strip() == "Mia sailed on. He asked where she lived."
    assert isinstance(events[-1], Completed)


async def test_after_the_last_unsafe_attempt_nothing_is_saved() -> None:
    store = FakeStore()
    events = await run(workflow(FakeModel(UNSAFE), store=store, max_attempts=2))

    assert isinstance(events[-1], Failed) and events[-1].code == ErrorCode.UNSAFE_CONTENT
    assert [attempt for _, attempt, _ in store.rejections] == [1, 2]
    assert store.saved == []
    assert len(retries(events)) == 1
    assert UNSAFE_WORD not in shown(events)


async def test_a_chapter_rejected_as_a_whole_is_recorded_and_regenerated() -> None:
    store = FakeStore()
    checker = FakeChecker(reject_chapters=1)
    events = await run(workflow(FakeModel(CLEAN), checker, store))

    verdicts = [e for e in events if isinstance(e, SafetyChecked)]
    assert [(v.attempt, v.result.approved) for v in verdicts] == [(1, False), (2, True)]
    assert [attempt for _, attempt, _ in store.rejections] == [1]
    assert [s.attempts for s in store.saved] == [2]
    assert isinstance(events[-1], Completed)


async def test_empty_output_is_retried_without_a_safety_record() -> None:
    store = FakeStore()
    events = await run(workflow(FakeModel("# Chapter 1", CLEAN), store=store))

    assert [r.detail["attempt"] for r in retries(events)] == [2]
    assert store.rejections == [], "nothing was shown or judged, so nothing to record"
    assert [s.attempts for s in store.saved] == [2]


async def test_empty_output_on_every_attempt_fails_as_bad_output() -> None:
    store = FakeStore()
    events = await run(workflow(FakeModel("Title: Boats"), store=store, max_attempts=2))

    assert isinstance(events[-1], Failed)
    assert events[-1].code == ErrorCode.MODEL_BAD_OUTPUT
    assert store.saved == [] and store.rejections == []


async def test_a_checker_without_a_verdict_fails_closed() -> None:
    store = FakeStore()
    checker = FakeChecker(chapter_error=ModelUnavailable("down", ErrorCode.MODERATION_UNAVAILABLE))
    events = await run(workflow(FakeModel(CLEAN), checker, store))

    assert isinstance(events[-1], Failed)
    assert events[-1].code == ErrorCode.MODERATION_UNAVAILABLE
    assert store.saved == [] and store.rejections == []
    assert not any(isinstance(e, SafetyChecked) for e in events), "never reported as approved"


class DownModerator:
    name = "down"

    async def check(self, text: str, *, age: int, language: str) -> list[SafetyIssue]:
        raise ModelTimeout("The moderation server took too long to answer.")

    async def aclose(self) -> None:
        pass


@pytest.fixture(scope="module")
def output_policy() -> OutputPolicy:
    return OutputPolicy()


async def test_the_safety_checker_fails_closed_when_the_moderator_is_down(
    output_policy: OutputPolicy,
) -> None:
    store = FakeStore()
    checker = SafetyChecker(output_policy, DownModerator())
    events = await run(workflow(FakeModel(CLEAN), checker, store))

    assert isinstance(events[-1], Failed)
    assert events[-1].code == ErrorCode.MODERATION_UNAVAILABLE
    assert "moderator could not check this story" in events[-1].message
    assert store.saved == []


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (Unavailable("The story database could not be reached."), "DATABASE_UNAVAILABLE"),
        (Conflict("taken", ErrorCode.CHAPTER_CONFLICT), "CHAPTER_CONFLICT"),
        (Conflict("gone", ErrorCode.CHILD_GONE), "CHILD_GONE"),
        (RuntimeError("a bug"), "INTERNAL"),
    ],
)
async def test_a_failed_save_ends_with_an_error_event(error: Exception, code: str) -> None:
    events = await run(workflow(FakeModel(CLEAN), store=FakeStore(save_error=error)))

    assert isinstance(events[-1], Failed) and events[-1].code == code
    assert not any(isinstance(e, Completed) for e in events)
    assert "a bug" not in events[-1].message, "internal details stay in the server log"


async def test_a_model_failure_mid_chapter_ends_with_its_code() -> None:
    store = FakeStore()
    events = await run(workflow(FakeModel(ModelTimeout("too slow")), store=store))

    assert isinstance(events[-1], Failed) and events[-1].code == ErrorCode.MODEL_TIMEOUT
    assert store.saved == []


async def test_closing_the_run_closes_the_model_stream_and_saves_nothing() -> None:
    store = FakeStore()
    model = FakeModel(CLEAN)
    flow = workflow(model, store=store)
    events = flow.run(JOB)
    async for event in events:
        if isinstance(event, ContentChunk) and event.text:
            break  # the client went away after the first sentence
    await events.aclose()

    assert model.closed == 1
    assert store.saved == []


LOOPING = "Mia found a little boat. She sailed across the pond. She sailed across the pond. Bye."


async def test_a_looping_sentence_stops_the_attempt_and_poor_chapters_save_nothing() -> None:
    store = FakeStore()
    model = FakeModel(LOOPING)
    events = await run(workflow(model, store=store))
    # Each attempt stopped at the repeated sentence: it was never shown, the stream was closed.
    assert "across the pond. She sailed" not in shown(events)
    assert [e.detail.get("reason") for e in retries(events)] == ["quality", "quality"]
    verdicts = [e for e in events if isinstance(e, QualityChecked)]
    assert [v.result.failed_checks for v in verdicts] == [{"repetition"}] * 3
    assert isinstance(events[-1], Failed) and events[-1].code == ErrorCode.LOW_QUALITY
    assert store.saved == [] and store.rejections == []
    assert model.calls == model.closed == 3


async def test_a_poor_attempt_then_a_good_one_saves_the_good_one() -> None:
    store = FakeStore()
    events = await run(workflow(FakeModel(LOOPING, CLEAN), store=store))
    assert isinstance(events[-1], Completed) and events[-1].quality.passed
    assert [c.content for c in store.saved] == [CLEAN]
    assert store.saved[0].quality.passed


class PiecesModel(FakeModel):
    """Streams prepared pieces exactly as given (a tokenizer's cuts, not words)."""

    def __init__(self, pieces: list[str]) -> None:
        super().__init__("unused")
        self.pieces = pieces
        self.given = 0  # pieces handed out so far

    async def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, temperature: float = 0.8
    ) -> AsyncGenerator[str]:
        for piece in self.pieces:
            self.given += 1
            yield piece


class PassingQuality:
    """A quality gate that passes everything, so these texts are judged by safety alone."""

    def check_sentence(self, sentence: str, reader: Reader, earlier: list[str]) -> QualityResult:
        return QualityResult.from_issues([])

    def check_chapter(self, *args: object, **kwargs: object) -> QualityResult:
        return QualityResult.from_issues([])


RUN_ON = " ".join(f"word{i} and more" for i in range(40))  # 500+ characters, no sentence mark
GATED_TEXTS = [
    CLEAN,
    'Dr. Owl met Mr. Fox at No. 5 Oak Lane. "Wow!" said Tom. It cost 3.5 coins… Well… maybe.',
    "A line without a mark\nand the next line. Then: the end!",
    f"It began. {RUN_ON}. And it ended? Yes.",
    "« Bonjour ! » Il sourit. J. K. Rowling wrote e.g. this... And that!!\n\nNew part.) Done.",
    'She asked, "Where?" Then, (quietly.) "Here!" \n  said Tom.\nOK… Yes.  No. 5 is fine.',
]


@pytest.mark.parametrize("text", GATED_TEXTS)
@pytest.mark.parametrize("cut", [1, 2, 3, 5, 7, 40])
async def test_the_gate_judges_the_same_sentences_however_the_tokens_are_cut(
    text: str, cut: int
) -> None:
    pieces = [text[i : i + cut] for i in range(0, len(text), cut)]
    model = PiecesModel(pieces)
    judged: list[tuple[int, str]] = []  # (pieces the model had given, sentence)

    class Checker(FakeChecker):
        def check_sentence(
            self, sentence: str, reader: Reader, previous: str | None = None
        ) -> SafetyResult:
            judged.append((model.given, sentence))
            return super().check_sentence(sentence, reader, previous)

    flow = StoryWorkflow(
        model=model,
        gate=FairGate(1),
        safety=Checker(),
        quality=PassingQuality(),
        store=FakeStore(),
        max_attempts=1,
        max_tokens=10_000,
    )
    events = await run(flow)
    # What splitting the growing buffer after every piece gives: the gate may skip pieces that
    # cannot end a sentence, never judge a sentence later or cut it elsewhere.
    expected: list[tuple[int, str]] = []
    buffer = ""
    for given, piece in enumerate(pieces, 1):
        done, buffer = split_sentences(buffer + piece)
        expected += [(given, sentence) for sentence in done]
    assert judged == [*expected, (len(pieces), buffer)]
    assert shown(events) == text
