"""What the terminal shows, whichever way a story arrives.

In-process, `terminal.local` maps the workflow's typed events to these; over HTTP, `from_wire` maps
the GET stream's `story_chunk` payloads. The renderer and the chapter loop only know this module,
so both modes look and behave the same. Kept free of server imports: `--url` starts fast.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from talestream.errors import DomainError, ErrorCode

# A refusal the child can answer by picking again (the other refusals end the run).
REPICK_CODES = frozenset(
    {ErrorCode.UNSAFE_REQUEST, ErrorCode.INVALID_CHOICE, ErrorCode.VALIDATION_ERROR}
)


@dataclass(frozen=True, slots=True)
class StageStarted:
    node: str  # workflow, generate_content, safety_check, quality_check, calculate_metrics, save
    attempt: int = 1


@dataclass(frozen=True, slots=True)
class StageDone:
    node: str


@dataclass(frozen=True, slots=True)
class Queued:
    position: int  # stories ahead of this one at the model


@dataclass(frozen=True, slots=True)
class Retrying:
    """The text shown so far failed a check: throw it away, attempt `attempt` follows.
    `reason` is "quality" when the chapter was not a good enough story (not unsafe)."""

    attempt: int
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class TextChunk:
    text: str


@dataclass(frozen=True, slots=True)
class TextDone:
    pass


@dataclass(frozen=True, slots=True)
class SafetyVerdict:
    approved: bool
    score: float
    attempt: int
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChapterSaved:
    story_id: uuid.UUID
    chapter_number: int
    title: str
    question: str
    choices: tuple[str, ...]
    reading_minutes: int
    vocabulary_level: str
    educational_elements: tuple[str, ...]
    safety_score: float


@dataclass(frozen=True, slots=True)
class StreamFailed:
    code: str
    message: str


ClientEvent = (
    StageStarted
    | StageDone
    | Queued
    | Retrying
    | TextChunk
    | TextDone
    | SafetyVerdict
    | ChapterSaved
    | StreamFailed
)


@dataclass(frozen=True, slots=True)
class ChildInfo:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class StoryInfo:
    """What `--continue STORY_ID` needs: whose story, and how its last chapter ended."""

    id: uuid.UUID
    child_id: int | None
    theme: str
    title: str
    next_chapter: int
    question: str
    choices: tuple[str, ...]


def from_wire(payload: dict[str, Any]) -> ClientEvent | None:
    """One `story_chunk` payload `{"type", "data"}` of the GET stream (docs/streaming.md).
    Types this client does not show (`metadata`: the same facts arrive with `complete`) and
    types added later map to None."""
    kind, data = payload.get("type"), payload.get("data") or {}
    if kind == "content":
        return TextChunk(data["chunk"]) if data.get("chunk") else TextDone()
    if kind == "node_event":
        node, status = data["node"], data["status"]
        if status == "started":
            return StageStarted(node, int(data.get("attempt", 1)))
        if status == "completed":
            # A failed quality check is told by the retry or the error that follows it.
            return None if data.get("passed") is False else StageDone(node)
        if status == "queued":
            return Queued(int(data.get("position", 1)))
        if status == "retry":
            return Retrying(int(data.get("attempt", 2)), data.get("reason"))
        return None
    if kind == "safety_check":
        return SafetyVerdict(
            approved=bool(data["approved"]),
            score=float(data["score"]),
            attempt=int(data.get("attempt", 1)),
            categories=tuple(i["category"] for i in data.get("issues", [])),
        )
    if kind == "complete":
        return ChapterSaved(
            story_id=uuid.UUID(data["story_id"]),
            chapter_number=int(data["chapter_number"]),
            title=data.get("title", ""),
            question=data["choice_question"],
            choices=tuple(c["text"] for c in data["choices"]),
            reading_minutes=int(data["estimated_reading_time"]),
            vocabulary_level=data["vocabulary_level"],
            educational_elements=tuple(data.get("educational_elements", [])),
            safety_score=float(data["safety_score"]),
        )
    if kind == "error":
        code, message = data.get("code", ErrorCode.ERROR), data.get("message", "generation failed")
        return StreamFailed(code, message)
    return None


def pick_child(children: Sequence[ChildInfo], name: str) -> ChildInfo:
    """The parent's child called `name` (case-insensitive); a clear error when none or several."""
    matches = [c for c in children if c.name.casefold() == name.strip().casefold()]
    if len(matches) == 1:
        return matches[0]
    if matches:
        ids = ", ".join(str(c.id) for c in matches)
        raise DomainError(
            f"more than one child is called {name}: use an id ({ids})",
            ErrorCode.AMBIGUOUS_CHILD,
        )
    known = ", ".join(f"{c.name} ({c.id})" for c in children) or "none yet"
    raise DomainError(
        f"no child profile called {name}; this account has: {known}", ErrorCode.NOT_FOUND
    )


def describe_invalid(exc: ValidationError) -> str:
    """A pydantic error as one readable line: `field: problem; ...`."""
    parts = []
    for error in exc.errors():
        field = ".".join(str(p) for p in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        parts.append(f"{field}: {message}" if field else message)
    return "; ".join(parts)
