"""The workflow's internal events. Each endpoint encodes them into its own wire format."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel

from talestream.generation.schemas import ChapterEnding
from talestream.metrics import ReadingMetrics
from talestream.quality import QualityResult
from talestream.safety import SafetyResult
from talestream.stories.badges import ChapterBadges

Node = Literal[
    "workflow", "generate_content", "safety_check", "quality_check", "calculate_metrics", "save"
]


class NodeEvent(BaseModel):
    node: Node
    status: Literal["started", "completed", "queued", "retry"]
    # Extra facts for this status, e.g. {"position": 2} when queued, {"attempt": 2, "discard": true}
    # when the text streamed so far must be thrown away.
    detail: dict[str, Any] = {}


class ContentChunk(BaseModel):
    text: str
    is_complete: bool = False  # the empty closing chunk after the last sentence of an attempt


class SafetyChecked(BaseModel):
    result: SafetyResult
    attempt: int


class QualityChecked(BaseModel):
    """The quality gate's verdict on an attempt; it also completes the quality_check stage."""

    result: QualityResult
    attempt: int


class MetricsComputed(BaseModel):
    metrics: ReadingMetrics


class Completed(BaseModel):
    story_id: uuid.UUID
    chapter_id: int
    chapter_number: int
    title: str
    content: str
    ending: ChapterEnding
    metrics: ReadingMetrics
    safety: SafetyResult
    quality: QualityResult
    attempts: int
    badges: ChapterBadges


class Failed(BaseModel):
    code: str
    message: str


WorkflowEvent = (
    NodeEvent | ContentChunk | SafetyChecked | QualityChecked | MetricsComputed | Completed | Failed
)
