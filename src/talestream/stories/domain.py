"""The plain values a story chapter is made of, shared by the request checks (`jobs`), the
workflow and the store. Nothing here imports anything else from `talestream.stories`, so every
layer can depend on it without depending on each other."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from talestream.generation.schemas import ChapterEnding
from talestream.metrics import ReadingMetrics
from talestream.safety import SafetyResult


@dataclass(frozen=True, slots=True)
class Reader:
    age: int
    language: str
    reading_level: str = "beginner"
    interests: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryBrief:
    title: str
    theme: str
    reader: Reader
    hero_name: str | None = None
    idea: str | None = None


@dataclass(frozen=True, slots=True)
class PreviousChapter:
    number: int
    content: str
    choice_question: str
    choices: tuple[str, ...] = field(default_factory=tuple)


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


@dataclass(frozen=True, slots=True)
class FinishedChapter:
    """A chapter that passed every check, ready to be saved."""

    job: StoryJob
    content: str
    ending: ChapterEnding
    metrics: ReadingMetrics
    safety: SafetyResult
    attempts: int
    model_name: str


@dataclass(frozen=True, slots=True)
class SavedChapter:
    story_id: uuid.UUID
    chapter_id: int
