"""Wire formats. The workflow's events are encoded per endpoint, exactly as the seed documents say.

- GET  /api/v1/stories/generate/stream: `event: story_chunk` + `data: {"type", "data"}`
  (streaming-api-quick-reference.md).
- POST /api/v1/stories/generate-stream/: `data: {"type", ...}` only
  (streaming-story-generation-api.md).

Both add a few fields the documents do not forbid (`story_id` and `quality` on `complete`,
`attempt` on `safety_check`); types a client does not know are ignored by the documented `switch`
examples. The quality gate is one more workflow stage, so on the GET stream it is a pair of
`node_event`s (`quality_check` started, then completed with `passed` and `issues`), and nowhere a
new event type.
Safety issues on the wire carry category and severity but never the excerpt: the point of
blocking a sentence is that the child does not see it.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import Any

from talestream.quality import QualityResult
from talestream.safety import SafetyResult
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

_dumps = json.JSONEncoder(ensure_ascii=False).encode


def safety_for_wire(result: SafetyResult) -> dict[str, Any]:
    return {
        "approved": result.approved,
        "score": result.score,
        "issues": [{"category": i.category, "severity": i.severity} for i in result.issues],
    }


def quality_for_wire(result: QualityResult) -> dict[str, Any]:
    return {"passed": result.passed, "issues": [i.model_dump() for i in result.issues]}


def complete_payload(event: Completed) -> dict[str, Any]:
    """The `complete` event's data; also the body of the non-streaming generate endpoint."""
    return {
        "success": True,
        "story_content": event.content,
        "choices": [{"text": c.text} for c in event.ending.choices],
        "choice_question": event.ending.choice_question,
        "educational_elements": event.metrics.educational_elements,
        "estimated_reading_time": event.metrics.estimated_reading_time,
        "safety_score": event.safety.score,
        "quality": quality_for_wire(event.quality),
        "vocabulary_level": event.metrics.vocabulary_level,
        "story_id": str(event.story_id),
        "chapter_id": event.chapter_id,
        "chapter_number": event.chapter_number,
        "title": event.title,
        "badges": event.badges.model_dump(),
    }


def story_chunk_data(event: WorkflowEvent) -> dict[str, Any]:
    if isinstance(event, ContentChunk):
        return {"type": "content", "data": {"chunk": event.text, "is_complete": event.is_complete}}
    if isinstance(event, NodeEvent):
        return {
            "type": "node_event",
            "data": {"node": event.node, "status": event.status, **event.detail},
        }
    if isinstance(event, SafetyChecked):
        return {
            "type": "safety_check",
            "data": {**safety_for_wire(event.result), "attempt": event.attempt},
        }
    if isinstance(event, QualityChecked):
        data = {"node": "quality_check", "status": "completed", **quality_for_wire(event.result)}
        return {"type": "node_event", "data": {**data, "attempt": event.attempt}}
    if isinstance(event, MetricsComputed):
        # The seed's three fields; the seconds travel in the `complete` event's badges.
        return {
            "type": "metadata",
            "data": event.metrics.model_dump(exclude={"estimated_reading_seconds"}),
        }
    if isinstance(event, Completed):
        return {"type": "complete", "data": complete_payload(event)}
    assert isinstance(event, Failed)
    return {"type": "error", "data": {"message": event.message, "code": event.code}}


async def encode_story_chunks(events: AsyncGenerator[WorkflowEvent]) -> AsyncIterator[bytes]:
    # aclosing everywhere generators nest: closing the outer one must reach the model at once.
    async with aclosing(events):
        async for event in events:
            yield (
                b"event: story_chunk\ndata: " + _dumps(story_chunk_data(event)).encode() + b"\n\n"
            )


def _post_message(event: WorkflowEvent, story_name: str) -> dict[str, Any] | None:
    if isinstance(event, ContentChunk):
        return {"type": "content", "data": event.text} if event.text else None
    if isinstance(event, NodeEvent):
        if event.node == "workflow" and event.status == "started":
            return {"type": "started", "message": f"Starting generation of '{story_name}'"}
        if event.status == "retry":
            check = "quality" if event.detail.get("reason") == "quality" else "safety"
            return {
                "type": "retry",
                "message": f"That version did not pass our {check} check; writing a new one",
                **event.detail,
            }
        if event.status == "queued":
            return {"type": "queued", **event.detail}
        return None
    if isinstance(event, Completed):
        return {
            "type": "completed",
            "story_id": str(event.story_id),
            "message": "Story generated and saved successfully",
            "story_length": len(event.content),
            "chapter_number": event.chapter_number,
            "choice_question": event.ending.choice_question,
            "choices": [{"text": c.text} for c in event.ending.choices],
        }
    if isinstance(event, Failed):
        return {"type": "error", "message": event.message, "code": event.code}
    return None


async def encode_data_messages(
    events: AsyncGenerator[WorkflowEvent], story_name: str
) -> AsyncIterator[bytes]:
    async with aclosing(events):
        async for event in events:
            message = _post_message(event, story_name)
            if message is not None:
                yield b"data: " + _dumps(message).encode() + b"\n\n"
