from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from annotated_types import Ge, Le
from pydantic import BaseModel, ConfigDict, Field, field_validator

from talestream.request_model import RequestModel

Language = Literal["en", "es", "fr", "de", "ru", "he"]
ReadingLevel = Literal["beginner", "intermediate", "advanced"]
ChapterLength = Literal["short", "medium", "long"]
MAX_AVOID_TOPICS = 20
AVOID_TOPIC_CHARS = 40  # safety.FIELD_LIMITS["avoid_topic"] (test_field_limits checks they agree)
MIN_AGE, MAX_AGE = 2, 14
# Ids are int32 columns on PostgreSQL; a larger number can name no row, so it is a 422, not a
# database error.
MAX_ROW_ID = 2**31 - 1
ChildId = Annotated[int, Ge(1), Le(MAX_ROW_ID)]
_NAME_PUNCTUATION = set(" '-.\u2019")  # \u2019: typographic apostrophe


def check_name(value: str) -> str:
    """A child's name is shown to the model as data; keep it a name (any script, no markup)."""
    value = " ".join(value.split())
    if not value:
        raise ValueError("name must not be empty")
    if not all(c.isalpha() or c in _NAME_PUNCTUATION for c in value):
        raise ValueError("name may contain only letters, spaces, hyphens, apostrophes and dots")
    if not any(c.isalpha() for c in value):
        raise ValueError("name must contain a letter")
    return value


def clean_interests(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for raw in values:
        item = " ".join(raw.split())
        if not item:
            continue
        if len(item) > 40:
            raise ValueError("each interest must be at most 40 characters")
        seen.setdefault(item.casefold(), item)
    return list(seen.values())


def clean_avoid_topics(values: list[str]) -> list[str]:
    """Short items ("spiders", "hospitals"), one topic each, without repeats."""
    seen: dict[str, str] = {}
    for raw in values:
        item = " ".join(raw.split())
        if not item:
            continue
        if len(item) > AVOID_TOPIC_CHARS:
            raise ValueError(f"each topic to avoid must be at most {AVOID_TOPIC_CHARS} characters")
        if not any(c.isalpha() for c in item):
            raise ValueError("each topic to avoid must contain a letter")
        seen.setdefault(item.casefold(), item)
    return list(seen.values())


class ChildBase(RequestModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")


class ChildCreate(ChildBase):
    name: str = Field(min_length=1, max_length=50)
    age: int = Field(ge=MIN_AGE, le=MAX_AGE, description=f"{MIN_AGE} to {MAX_AGE} years")
    language: Language = "en"
    reading_level: ReadingLevel = "beginner"
    interests: list[str] = Field(default_factory=list, max_length=10)
    avoid_topics: list[str] = Field(
        default_factory=list,
        max_length=MAX_AVOID_TOPICS,
        description='Topics kept out of every story, e.g. ["spiders", "hospitals"]',
    )
    chapter_length: ChapterLength = "medium"

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return check_name(value)

    @field_validator("interests")
    @classmethod
    def _interests(cls, value: list[str]) -> list[str]:
        return clean_interests(value)

    @field_validator("avoid_topics")
    @classmethod
    def _avoid(cls, value: list[str]) -> list[str]:
        return clean_avoid_topics(value)


class ChildUpdate(ChildBase):
    name: str | None = Field(default=None, min_length=1, max_length=50)
    age: int | None = Field(default=None, ge=MIN_AGE, le=MAX_AGE)
    language: Language | None = None
    reading_level: ReadingLevel | None = None
    interests: list[str] | None = Field(default=None, max_length=10)
    avoid_topics: list[str] | None = Field(default=None, max_length=MAX_AVOID_TOPICS)
    chapter_length: ChapterLength | None = None

    @field_validator("avoid_topics")
    @classmethod
    def _avoid(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else clean_avoid_topics(value)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        return None if value is None else check_name(value)

    @field_validator("interests")
    @classmethod
    def _interests(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else clean_interests(value)


class ChildOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    age: int
    language: Language
    reading_level: ReadingLevel
    interests: list[str]
    avoid_topics: list[str]
    chapter_length: ChapterLength
    created_at: datetime
