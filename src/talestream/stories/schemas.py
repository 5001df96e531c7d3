from __future__ import annotations

import unicodedata
import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from talestream.children.schemas import (
    MAX_AGE,
    MAX_AVOID_TOPICS,
    MIN_AGE,
    ChildId,
    Language,
    check_name,
    clean_avoid_topics,
)
from talestream.request_model import RequestModel
from talestream.safety import FIELD_LIMITS
from talestream.stories.badges import ChapterBadges


class ChildStoryParams(RequestModel):
    """Query parameters of GET /generate/stream (and the body of POST /generate)."""

    model_config = ConfigDict(str_strip_whitespace=True)

    child_id: ChildId = Field(description="Child profile ID")
    theme: str = Field(
        min_length=1, max_length=FIELD_LIMITS["theme"], description='Story theme, e.g. "adventure"'
    )
    chapter_number: int = Field(1, ge=1, le=100, description="Chapter to generate")
    title: str | None = Field(None, max_length=FIELD_LIMITS["title"], description="Story title")
    story_id: uuid.UUID | None = Field(None, description="Story to continue (chapter_number > 1)")
    choice_index: int | None = Field(
        None, ge=0, le=3, description="Index into the previous chapter's choices"
    )
    custom_choice: str | None = Field(
        None,
        min_length=1,
        max_length=FIELD_LIMITS["custom_choice"],
        description="The child's own idea instead of a choice",
    )
    bedtime: bool = Field(False, description="A calm, sleepy ending and a shorter chapter")

    @model_validator(mode="after")
    def _continuation_fields(self) -> ChildStoryParams:
        if self.chapter_number == 1 and (
            self.story_id or self.choice_index is not None or self.custom_choice
        ):
            raise ValueError(
                "story_id, choice_index and custom_choice continue a story: use chapter_number > 1"
            )
        if self.chapter_number > 1:
            if self.choice_index is None and not self.custom_choice:
                raise ValueError(
                    "continuing a story needs the child's choice: choice_index or custom_choice"
                )
            if self.choice_index is not None and self.custom_choice:
                raise ValueError("give either choice_index or custom_choice, not both")
        return self


def reading_level_for_age(age: int) -> str:
    return "beginner" if age <= 6 else "intermediate" if age <= 10 else "advanced"


class GenerateStreamRequest(RequestModel):
    """Body of POST /generate-stream/ (streaming-story-generation-api.md)."""

    model_config = ConfigDict(str_strip_whitespace=True)

    story_name: str = Field(min_length=1, max_length=FIELD_LIMITS["title"])
    hero_name: str = Field(min_length=1, max_length=FIELD_LIMITS["name"])
    story_idea: str = Field(min_length=1, max_length=FIELD_LIMITS["idea"])
    story_style: str = Field(min_length=1, max_length=FIELD_LIMITS["theme"])
    language: Language = "en"
    age: int = Field(ge=MIN_AGE, le=MAX_AGE)
    bedtime: bool = Field(False, description="A calm, sleepy ending and a shorter story")
    avoid_topics: list[str] = Field(
        default_factory=list,
        max_length=MAX_AVOID_TOPICS,
        description="Topics kept out of the story, like a child profile's",
    )

    @field_validator("hero_name")
    @classmethod
    def _hero(cls, value: str) -> str:
        return check_name(value)

    @field_validator("avoid_topics")
    @classmethod
    def _avoid(cls, value: list[str]) -> list[str]:
        return clean_avoid_topics(value)


class RunOut(BaseModel):
    """A story run (GET /api/v1/stories/runs/{run_id})."""

    run_id: str
    state: str = Field(description="running, waiting, done, cancelled or lost")
    readers: int = Field(description="Streams reading it right now, on any worker")
    last_event_id: str = Field(description="The id of its latest event (for Last-Event-ID)")


class ChapterOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    number: int
    content: str
    choice_question: str
    choices: list[dict[str, Any]]
    chosen_index: int | None
    chosen_text: str | None
    estimated_reading_time: int
    vocabulary_level: str
    educational_elements: list[str]
    safety_score: float
    safety: dict[str, Any]
    quality: dict[str, Any] | None  # {"passed", "issues": [{"check", "detail"}]}
    attempts: int
    model: str
    created_at: datetime
    badges: ChapterBadges


class StorySummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    theme: str
    child_id: int | None
    language: str
    age: int
    hero_name: str | None
    chapter_count: int
    first_line: str = Field(description="The story's first sentence, to tell stories apart")
    created_at: datetime
    updated_at: datetime


_CONTROL = ("Cc", "Cs", "Co", "Cn")
_BIDI_OVERRIDES = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check_title(value: str) -> str:
    """A title is shown in the library and quoted to the model: one line of visible text."""
    # Bidi overrides can make a title read differently from what it is; joiners stay allowed.
    if any(unicodedata.category(c) in _CONTROL or c in _BIDI_OVERRIDES for c in value):
        raise ValueError("title must not contain control characters")
    value = " ".join(value.split())
    if not value:
        raise ValueError("title must not be empty")
    return value


class StoryUpdate(BaseModel):
    """Body of PATCH /api/v1/stories/{story_id}: renaming a story."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=120)

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return check_title(value)


class StoryDetail(StorySummary):
    idea: str | None
    chapters: list[ChapterOut]


class StoryPage(BaseModel):
    items: list[StorySummary]
    total: int
    limit: int
    offset: int
