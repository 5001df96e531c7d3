"""`/api/v1/stories`: the two streaming endpoints, non-streaming generation, and the library.

Authentication, ownership and validation all happen before a stream opens, so they are real HTTP
status codes (401/403/404/409/422); once the first byte is out, failures are `error` events.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status
from sqlalchemy import func, select

from talestream.auth.dependencies import CurrentUser
from talestream.children.service import get_owned_child
from talestream.deps import DbDep, get_services
from talestream.errors import ErrorCode, GenerationFailed
from talestream.sse import EventStreamResponse
from talestream.stories import service
from talestream.stories.encoders import (
    complete_payload,
    encode_data_messages,
    encode_story_chunks,
)
from talestream.stories.events import Completed, Failed
from talestream.stories.jobs import child_story_job, parent_story_job
from talestream.stories.models import Chapter, Story
from talestream.stories.schemas import (
    ChildStoryParams,
    GenerateStreamRequest,
    StoryDetail,
    StoryPage,
    StorySummary,
)
from talestream.stories.workflow import StoryWorkflow

router = APIRouter(prefix="/api/v1/stories", tags=["stories"])

SSE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "Server-Sent Events", "content": {"text/event-stream": {}}},
    401: {"description": "Not authenticated"},
    403: {"description": "The child profile or story belongs to another account"},
    404: {"description": "No such child profile or story"},
    409: {"description": "The chapter number does not follow the story"},
    422: {"description": "Invalid or unsafe request"},
    429: {"description": "Too many stories for now (Retry-After says when to try again)"},
}


def _workflow(request: Request) -> StoryWorkflow:
    return get_services(request).workflow


async def _limit_generation(request: Request, user_id: int) -> None:
    limits = get_services(request).rate_limits
    await limits.check(limits.generate, "user", str(user_id), what="stories")


def _stream(request: Request, body: Any) -> EventStreamResponse:
    settings = request.app.state.settings
    return EventStreamResponse(
        body,
        heartbeat=settings.stream_heartbeat_seconds,
        send_timeout=settings.stream_send_timeout_seconds,
    )


@router.get("/generate/stream", responses=SSE_RESPONSES, response_class=EventStreamResponse)
async def generate_stream(
    request: Request,
    user: CurrentUser,
    db: DbDep,
    params: Annotated[ChildStoryParams, Query()],
) -> EventStreamResponse:
    """Stream a chapter for a child profile as `event: story_chunk` Server-Sent Events
    (streaming-api-quick-reference.md). Works with a Bearer token or the cookie session, so a
    browser's native `EventSource(url, {withCredentials: true})` can use it."""
    job = await child_story_job(db, get_services(request).input_policy, user, params)
    await _limit_generation(request, user.id)
    await db.close()  # an open stream must not hold a database connection
    return _stream(request, encode_story_chunks(_workflow(request).run(job)))


@router.post("/generate-stream/", responses=SSE_RESPONSES, response_class=EventStreamResponse)
async def generate_stream_post(
    request: Request, body: GenerateStreamRequest, user: CurrentUser, db: DbDep
) -> EventStreamResponse:
    """Stream a new story as `data:` messages `started`, `content`, `completed`, `error`
    (streaming-story-generation-api.md). Saved only after the whole story passed every check;
    a client that disconnects leaves nothing behind."""
    job = await parent_story_job(db, get_services(request).input_policy, user, body)
    await _limit_generation(request, user.id)
    await db.close()
    return _stream(request, encode_data_messages(_workflow(request).run(job), job.brief.title))


@router.post("/generate", responses={k: v for k, v in SSE_RESPONSES.items() if k != 200})
async def generate(
    request: Request, params: ChildStoryParams, user: CurrentUser, db: DbDep
) -> dict[str, Any]:
    """Generate a chapter without streaming; returns the payload of the `complete` event."""
    job = await child_story_job(db, get_services(request).input_policy, user, params)
    await _limit_generation(request, user.id)
    await db.close()
    async for event in _workflow(request).run(job):
        if isinstance(event, Completed):
            return complete_payload(event)
        if isinstance(event, Failed):
            raise GenerationFailed(event.message, event.code)
    raise GenerationFailed(  # pragma: no cover
        "generation ended without a result", ErrorCode.INTERNAL
    )


def _summary(story: Story, chapter_count: int) -> StorySummary:
    return StorySummary.model_validate(
        {
            **{c: getattr(story, c) for c in StorySummary.model_fields if c != "chapter_count"},
            "chapter_count": chapter_count,
        }
    )


@router.get("/", response_model=StoryPage)
async def list_stories(
    user: CurrentUser,
    db: DbDep,
    child_id: int | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> StoryPage:
    """Your stories, newest first; `child_id` filters to one child."""
    where = [Story.owner_id == user.id]
    if child_id is not None:
        await get_owned_child(db, user, child_id)
        where.append(Story.child_id == child_id)
    total = await db.scalar(select(func.count()).select_from(Story).where(*where))
    counts = select(Chapter.story_id, func.count().label("n")).group_by(Chapter.story_id).subquery()
    rows = await db.execute(
        select(Story, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.story_id == Story.id)
        .where(*where)
        .order_by(Story.updated_at.desc(), Story.id)
        .limit(limit)
        .offset(offset)
    )
    items = [_summary(story, n) for story, n in rows.all()]
    return StoryPage(items=items, total=total or 0, limit=limit, offset=offset)


@router.get("/{story_id}", response_model=StoryDetail)
async def read_story(story_id: uuid.UUID, user: CurrentUser, db: DbDep) -> StoryDetail:
    """A story with every chapter, its choices, metrics and safety result."""
    story = await service.get_owned_story(db, user, story_id)
    summary = _summary(story, len(story.chapters))
    return StoryDetail.model_validate(
        {**summary.model_dump(), "idea": story.idea, "chapters": story.chapters}
    )


@router.delete("/{story_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_story(story_id: uuid.UUID, user: CurrentUser, db: DbDep) -> Response:
    story = await service.get_owned_story(db, user, story_id)
    await db.delete(story)
    await db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
