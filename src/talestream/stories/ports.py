"""What the story workflow needs from the rest of the system, as small protocols.

The workflow (`stories.workflow`) depends only on these and on `stories.domain`; the app builds
the real implementations in `talestream.services` and hands them over, and the unit tests hand
over in-memory fakes. The story model itself is `talestream.generation.base.StoryModel`.
"""

from __future__ import annotations

import asyncio
from typing import Protocol

from talestream.safety import SafetyResult
from talestream.stories.domain import FinishedChapter, Reader, SavedChapter, StoryJob


class ModelGate(Protocol):
    """First come, first served access to a model with limited concurrency
    (`talestream.generation.queue.FairGate`)."""

    def enqueue(self) -> asyncio.Future[None]:
        """A ticket that completes when it is this caller's turn."""
        ...

    def position(self, ticket: asyncio.Future[None]) -> int:
        """1-based place in the queue, 0 once admitted."""
        ...

    def leave(self, ticket: asyncio.Future[None]) -> None:
        """Leave the queue or give the slot back; safe to call twice."""
        ...


class ChapterChecker(Protocol):
    """One judge of the story text (the safety net; later also the quality gate).

    `check_sentence` runs on the event loop for every streamed sentence, before the child sees
    it: it must be synchronous and cheap (microseconds). `check_chapter` judges the whole
    chapter with its choices once, before the save; it may be slow or remote, and raises a
    `talestream.errors.DomainError` when it cannot give a verdict, so the chapter is never
    approved by default (fail closed).
    """

    def check_sentence(self, sentence: str, reader: Reader) -> SafetyResult: ...

    async def check_chapter(self, text: str, reader: Reader) -> SafetyResult: ...


class ChapterStore(Protocol):
    """Where finished chapters and rejected attempts go."""

    async def save(self, chapter: FinishedChapter) -> SavedChapter:
        """The chapter (and its story, when new) in one transaction: both rows or neither.
        Raises `talestream.errors.Conflict` when the story changed meanwhile and
        `talestream.errors.Unavailable` when the database cannot be reached."""
        ...

    async def record_rejection(self, job: StoryJob, attempt: int, result: SafetyResult) -> None:
        """Keeps a rejected attempt in the parent's safety log (the attempt itself is not kept)."""
        ...
