"""`/api/v1/stories`: the two streaming endpoints, non-streaming generation, and the library.

Authentication, ownership and validation all happen before a stream opens, so they are real HTTP
status codes (401/403/404/409/422); once the first byte is out, failures are `error` events.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncGenerator, Awaitable, Callable
from contextlib import aclosing
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from talestream.auth.dependencies import CurrentUser
from talestream.children.models import Child
from talestream.children.schemas import MAX_ROW_ID, ChildId
from talestream.children.service import get_owned_child
from talestream.deps import DbDep, get_services
from talestream.errors import ErrorCode, GenerationFailed, NotFound, UnsafeRequest
from talestream.generation.capabilities import require_language
from talestream.metrics import reading_seconds
from talestream.runs import (
    FINISHED,
    RunExpired,
    RunInfo,
    RunLost,
    RunStoreUnavailable,
    event_id_text,
    parse_last_event_id,
)
from talestream.sse import EventStreamResponse
from talestream.stories import service
from talestream.stories.badges import chapter_badges
from talestream.stories.domain import StoryJob
from talestream.stories.encoders import (
    DataMessageFormat,
    StoryChunkFormat,
    WireFormat,
    complete_payload,
)
from talestream.stories.events import Completed, Failed
from talestream.stories.export import (
    MEDIA_TYPES,
    ExportFormat,
    book_from_story,
    file_name,
    render,
)
from talestream.stories.jobs import checked_user_text, child_story_job, parent_story_job
from talestream.stories.models import Chapter, Story
from talestream.stories.run_body import count_rejection, story_run
from talestream.stories.schemas import (
    ChapterOut,
    ChildStoryParams,
    GenerateStreamRequest,
    RunOut,
    StoryDetail,
    StoryPage,
    StorySummary,
    StoryUpdate,
    reading_level_for_age,
)
from talestream.stories.workflow import StoryWorkflow
from talestream.users.models import User

router = APIRouter(prefix="/api/v1/stories", tags=["stories"])
# Enough of chapter 1 for its first sentence, without reading whole chapters for a list.
OPENING_CHARS = 400

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


async def _job_within_limit(
    request: Request, user: User, build: Callable[[], Awaitable[StoryJob]]
) -> StoryJob:
    """The generation limit counts every story request that reaches the input policy, refused
    ones included: otherwise unsafe requests could be repeated without end (each one costs the
    policy's checks and a safety-log entry). Over the limit, nothing is checked or logged.
    A language the model does not write well is refused here too, before any stream."""
    services = get_services(request)
    limits = services.rate_limits
    key = ("user", str(user.id))
    await limits.ensure_room(limits.generate, *key, what="stories")
    try:
        job = await build()
    except UnsafeRequest:
        await limits.count(limits.generate, *key)
        raise
    require_language(services.model, services.settings, job.brief.reader.language)
    await limits.check(limits.generate, *key, what="stories")
    return job


LastEventIdQuery = Annotated[
    str | None,
    Query(
        max_length=64,
        description="Resume the run this event belongs to after it, like the `Last-Event-ID` "
        "header (for clients that cannot set headers)",
    ),
]


def _stream(
    request: Request,
    body: AsyncGenerator[bytes],
    on_disconnect: Callable[[], Awaitable[None]] | None = None,
) -> EventStreamResponse:
    settings = request.app.state.settings
    return EventStreamResponse(
        body,
        heartbeat=settings.stream_heartbeat_seconds,
        send_timeout=settings.stream_send_timeout_seconds,
        on_disconnect=on_disconnect,
    )


def _resume_cursor(request: Request, query: str | None) -> tuple[str, int] | None:
    """(run id, last event id) when the request resumes a run: the `Last-Event-ID` header (as
    EventSource sends it on reconnect) or the `last_event_id` query parameter."""
    given = request.headers.get("last-event-id") or query
    return parse_last_event_id(given) if given else None


def _reading(
    request: Request, wire: WireFormat, run_id: str, after: int, reader: str | None = None
) -> EventStreamResponse:
    """A stream that reads a run; the reader leaves as soon as its client does."""
    reader = reader or uuid.uuid4().hex
    runs = get_services(request).runs
    return _stream(
        request,
        _frames(request, wire, run_id, after, reader),
        on_disconnect=lambda: runs.leave(run_id, reader),
    )


async def _frames(
    request: Request, wire: WireFormat, run_id: str, after: int, reader: str
) -> AsyncGenerator[bytes]:
    """One reader of a run: `retry:` first, then every event after `after` with its `id:`."""
    services = get_services(request)
    services.metrics.open_streams.inc()
    try:
        yield f"retry: {request.app.state.settings.stream_retry_ms}\n\n".encode()
        # aclosing: the reader leaves when this stream closes, not when it is garbage collected.
        async with aclosing(services.runs.follow(run_id, after, reader)) as entries:
            async for entry in entries:
                # `id:` last: a reader that has the id line has the whole event before it.
                frame = f"{entry.payload}\nid: {event_id_text(run_id, entry.event_id)}\n\n"
                yield frame.encode()
    except (RunExpired, RunLost, RunStoreUnavailable) as gone:
        yield (wire.failure(gone.code, gone.detail) + "\n\n").encode()
    finally:
        services.metrics.open_streams.dec()


async def _only(frame: str) -> AsyncGenerator[bytes]:
    yield (frame + "\n\n").encode()


async def _start(request: Request, job: StoryJob, wire: WireFormat) -> EventStreamResponse:
    services = get_services(request)
    started = await services.runs.start(
        job.owner_id,
        wire.kind,
        story_run(services.workflow, job, wire, services.metrics),
        wire.failure,
    )
    return _reading(request, wire, started.run_id, 0, started.reader)


async def _owned_run(request: Request, user_id: int, run_id: str) -> RunInfo | None:
    """The run's state; None when its log expired; NotFound when it is someone else's."""
    info = await get_services(request).runs.log.info(run_id)
    if info is not None and info.owner_id != user_id:
        raise NotFound("No such story run")
    return info


async def _resume(
    request: Request, user_id: int, cursor: tuple[str, int], wire: WireFormat
) -> Response:
    run_id, after = cursor
    info = await _owned_run(request, user_id, run_id)
    if info is None:
        gone = RunExpired()
        return _stream(request, _only(wire.failure(gone.code, gone.detail)))
    if info.kind != wire.kind:
        raise NotFound("No such story run on this endpoint")
    if info.state in FINISHED and after >= info.last_event_id:
        # Everything was delivered: 204 tells EventSource to stop reconnecting.
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    return _reading(request, wire, run_id, after)


@router.get("/generate/stream", responses=SSE_RESPONSES, response_class=EventStreamResponse)
async def generate_stream(
    request: Request,
    user: CurrentUser,
    db: DbDep,
    params: Annotated[ChildStoryParams, Query()],
    last_event_id: LastEventIdQuery = None,
) -> Response:
    """Stream a chapter for a child profile as `event: story_chunk` Server-Sent Events
    (streaming-api-quick-reference.md). Works with a Bearer token or the cookie session, so a
    browser's native `EventSource(url, {withCredentials: true})` can use it. Every event has an
    `id:`; a reconnect with `Last-Event-ID` resumes the same run after that event."""
    cursor = _resume_cursor(request, last_event_id)
    if cursor is not None:
        await db.close()
        return await _resume(request, user.id, cursor, StoryChunkFormat())
    policy = get_services(request).input_policy
    job = await _job_within_limit(request, user, lambda: child_story_job(db, policy, user, params))
    await db.close()  # an open stream must not hold a database connection
    return await _start(request, job, StoryChunkFormat())


@router.post("/generate-stream/", responses=SSE_RESPONSES, response_class=EventStreamResponse)
async def generate_stream_post(
    request: Request,
    body: GenerateStreamRequest,
    user: CurrentUser,
    db: DbDep,
    last_event_id: LastEventIdQuery = None,
) -> Response:
    """Stream a new story as `data:` messages `started`, `content`, `completed`, `error`
    (streaming-story-generation-api.md). Saved only after the whole story passed every check;
    a client that disconnects and does not come back leaves nothing behind. Repeating the
    request with `Last-Event-ID` resumes the same run (the body is then not used)."""
    wire = DataMessageFormat(body.story_name)
    cursor = _resume_cursor(request, last_event_id)
    if cursor is not None:
        await db.close()
        return await _resume(request, user.id, cursor, wire)
    policy = get_services(request).input_policy
    job = await _job_within_limit(request, user, lambda: parent_story_job(db, policy, user, body))
    await db.close()
    return await _start(request, job, DataMessageFormat(job.brief.title))


@router.get("/runs/{run_id}", response_model=RunOut)
async def read_run(run_id: str, request: Request, user: CurrentUser) -> RunOut:
    """A story run's state: running, waiting (paused before its save for a reader), done,
    cancelled or lost; `last_event_id` is what to send as `Last-Event-ID` to read it to the end."""
    info = await _owned_run(request, user.id, run_id) if _is_run_id(run_id) else None
    if info is None:
        raise NotFound("No such story run")
    return RunOut(
        run_id=info.run_id,
        state=info.state.value,
        readers=info.readers,
        last_event_id=event_id_text(info.run_id, info.last_event_id),
    )


@router.delete("/runs/{run_id}", status_code=status.HTTP_204_NO_CONTENT)
async def stop_run(run_id: str, request: Request, user: CurrentUser) -> Response:
    """Stops a story run at once, on whichever worker runs it; nothing is saved."""
    info = await _owned_run(request, user.id, run_id) if _is_run_id(run_id) else None
    if info is None:
        raise NotFound("No such story run")
    await get_services(request).runs.stop(run_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _is_run_id(text: str) -> bool:
    return len(text) == 32 and all(c in "0123456789abcdef" for c in text)


@router.post("/generate", responses={k: v for k, v in SSE_RESPONSES.items() if k != 200})
async def generate(
    request: Request, params: ChildStoryParams, user: CurrentUser, db: DbDep
) -> dict[str, Any]:
    """Generate a chapter without streaming; returns the payload of the `complete` event."""
    policy = get_services(request).input_policy
    job = await _job_within_limit(request, user, lambda: child_story_job(db, policy, user, params))
    await db.close()
    metrics = get_services(request).metrics
    async for event in _workflow(request).run(job):
        count_rejection(metrics, event)
        if isinstance(event, Completed):
            return complete_payload(event)
        if isinstance(event, Failed):
            raise GenerationFailed(event.message, event.code)
    raise GenerationFailed(  # pragma: no cover
        "generation ended without a result", ErrorCode.INTERNAL
    )


_COMPUTED = ("chapter_count", "first_line")


def _summary(story: Story, chapter_count: int, opening: str | None) -> StorySummary:
    return StorySummary.model_validate(
        {
            **{c: getattr(story, c) for c in StorySummary.model_fields if c not in _COMPUTED},
            "chapter_count": chapter_count,
            "first_line": service.first_line(opening or ""),
        }
    )


@router.get("/", response_model=StoryPage)
async def list_stories(
    user: CurrentUser,
    db: DbDep,
    child_id: ChildId | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_ROW_ID)] = 0,
) -> StoryPage:
    """Your stories, newest first; `child_id` filters to one child."""
    where = [Story.owner_id == user.id]
    if child_id is not None:
        await get_owned_child(db, user, child_id)
        where.append(Story.child_id == child_id)
    total = await db.scalar(select(func.count()).select_from(Story).where(*where))
    counts = select(Chapter.story_id, func.count().label("n")).group_by(Chapter.story_id).subquery()
    first = aliased(Chapter)
    rows = await db.execute(
        select(Story, func.coalesce(counts.c.n, 0), func.substr(first.content, 1, OPENING_CHARS))
        .outerjoin(counts, counts.c.story_id == Story.id)
        .outerjoin(first, (first.story_id == Story.id) & (first.number == 1))
        .where(*where)
        .order_by(Story.updated_at.desc(), Story.id)
        .limit(limit)
        .offset(offset)
    )
    items = [_summary(story, n, opening) for story, n, opening in rows.all()]
    return StoryPage(items=items, total=total or 0, limit=limit, offset=offset)


@router.get("/{story_id}", response_model=StoryDetail)
async def read_story(story_id: uuid.UUID, user: CurrentUser, db: DbDep) -> StoryDetail:
    """A story with every chapter, its choices, metrics and safety result."""
    story = await service.get_owned_story(db, user, story_id)
    opening = story.chapters[0].content if story.chapters else None
    summary = _summary(story, len(story.chapters), opening)
    child = await db.get(Child, story.child_id) if story.child_id else None
    level = child.reading_level if child else reading_level_for_age(story.age)
    chapters = [
        {
            **{f: getattr(c, f) for f in ChapterOut.model_fields if f != "badges"},
            "badges": chapter_badges(
                age=story.age,
                child_level=level,
                vocabulary_level=c.vocabulary_level,
                attempts=c.attempts,
                reading_seconds=reading_seconds(c.content, age=story.age, reading_level=level),
            ),
        }
        for c in story.chapters
    ]
    return StoryDetail.model_validate(
        {**summary.model_dump(), "idea": story.idea, "chapters": chapters}
    )


@router.patch("/{story_id}", response_model=StorySummary)
async def update_story(
    request: Request, story_id: uuid.UUID, body: StoryUpdate, user: CurrentUser, db: DbDep
) -> StorySummary:
    """Rename a story. The title is quoted to the model in later chapters, so it passes the
    same input policy as a new story's title."""
    story = await service.get_owned_story(db, user, story_id)
    text = await checked_user_text(
        db,
        get_services(request).input_policy,
        {"title": body.title},
        owner_id=user.id,
        child_id=story.child_id,
        age=story.age,
        language=story.language,
    )
    story.title = text["title"]
    await db.commit()
    opening = story.chapters[0].content if story.chapters else None
    return _summary(story, len(story.chapters), opening)


@router.get(
    "/{story_id}/export",
    response_class=Response,
    responses={
        200: {"content": {t: {} for t in MEDIA_TYPES.values()}, "description": "The file"},
        503: {"description": "The PDF font is not installed on the server"},
    },
)
async def export_story(
    story_id: uuid.UUID,
    user: CurrentUser,
    db: DbDep,
    format: Annotated[ExportFormat, Query(description="epub or pdf")] = ExportFormat.EPUB,
) -> Response:
    """The story as a file a family can keep: EPUB 3 (right to left for Hebrew) or PDF."""
    story = await service.get_owned_story(db, user, story_id)
    book = book_from_story(story)
    await db.close()
    data = await asyncio.to_thread(render, book, format)  # a PDF takes tens of milliseconds
    name = file_name(book, format)
    return Response(
        data,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.delete("/{story_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_story(story_id: uuid.UUID, user: CurrentUser, db: DbDep) -> Response:
    story = await service.get_owned_story(db, user, story_id)
    await db.delete(story)
    await db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
