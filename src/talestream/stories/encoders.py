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


def _data_line(message: dict[str, Any]) -> str:
    return "data: " + _dumps(message)


class StoryChunkFormat:
    """GET /generate/stream: `event: story_chunk` frames; the run id rides on the first one."""

    kind = "story_chunk"

    def frame(self, event: WorkflowEvent, run_id: str) -> str | None:
        data = story_chunk_data(event)
        if isinstance(event, NodeEvent) and event.node == "workflow" and event.status == "started":
            data["data"]["run_id"] = run_id
        return "event: story_chunk\n" + _data_line(data)

    def failure(self, code: str, message: str) -> str:
        return "event: story_chunk\n" + _data_line(
            {"type": "error", "data": {"message": message, "code": code}}
        )


class DataMessageFormat:
    """POST /generate-stream/: `data:` messages only; the run id rides on `started`."""

    kind = "data"

    def __init__(self, story_name: str) -> None:
        self.story_name = story_name

    def frame(self, event: WorkflowEvent, run_id: str) -> str | None:
        message = _post_message(event, self.story_name)
        if message is None:
            return None
        if message["type"] == "started":
            message["run_id"] = run_id
        return _data_line(message)

    def failure(self, code: str, message: str) -> str:
        return _data_line({"type": "error", "message": message, "code": code})


WireFormat = StoryChunkFormat | DataMessageFormat


def is_save_point(event: WorkflowEvent) -> bool:
    """The last event before the workflow writes to the database: a run pauses here while
    nobody reads it (talestream.runs)."""
    return isinstance(event, NodeEvent) and event.node == "save" and event.status == "started"
