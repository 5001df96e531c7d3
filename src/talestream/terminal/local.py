"""In-process stories: the workflow itself, on the configured database and model, no server.

The same checks as the API run before a chapter starts (`child_story_job`), and its typed events
are mapped straight to the terminal's events. Closing the chapter generator (Ctrl-C) closes the
workflow's, which stops the model at once and saves nothing.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing, asynccontextmanager

from talestream.children.service import get_owned_child, list_children
from talestream.config import Settings
from talestream.db.migrate import upgrade
from talestream.services import Services, open_services
from talestream.stories import service as stories
from talestream.stories.events import (
    Completed,
    ContentChunk,
    Failed,
    NodeEvent,
    SafetyChecked,
    WorkflowEvent,
)
from talestream.stories.jobs import child_story_job
from talestream.stories.schemas import ChildStoryParams
from talestream.terminal.admin import find_parent
from talestream.terminal.events import (
    ChapterSaved,
    ChildInfo,
    ClientEvent,
    Queued,
    Retrying,
    SafetyVerdict,
    StageDone,
    StageStarted,
    StoryInfo,
    StreamFailed,
    TextChunk,
    TextDone,
    pick_child,
)
from talestream.users.models import User


def from_workflow(event: WorkflowEvent) -> ClientEvent | None:
    if isinstance(event, ContentChunk):
        return TextChunk(event.text) if event.text else TextDone()
    if isinstance(event, NodeEvent):
        if event.status == "started":
            return StageStarted(event.node, int(event.detail.get("attempt", 1)))
        if event.status == "completed":
            return StageDone(event.node)
        if event.status == "queued":
            return Queued(int(event.detail.get("position", 1)))
        reason = event.detail.get("reason")
        return Retrying(int(event.detail.get("attempt", 2)), str(reason) if reason else None)
    if isinstance(event, SafetyChecked):
        return SafetyVerdict(
            approved=event.result.approved,
            score=event.result.score,
            attempt=event.attempt,
            categories=tuple(issue.category for issue in event.result.issues),
        )
    if isinstance(event, Completed):
        return ChapterSaved(
            story_id=event.story_id,
            chapter_number=event.chapter_number,
            title=event.title,
            question=event.ending.choice_question,
            choices=tuple(choice.text for choice in event.ending.choices),
            reading_minutes=event.metrics.estimated_reading_time,
            vocabulary_level=event.metrics.vocabulary_level,
            educational_elements=tuple(event.metrics.educational_elements),
            safety_score=event.safety.score,
        )
    if isinstance(event, Failed):
        return StreamFailed(event.code, event.message)
    return None  # MetricsComputed: the same facts arrive with Completed


class LocalSource:
    """A StorySource acting as one parent on the local database (see terminal.session)."""

    def __init__(self, services: Services, parent: User) -> None:
        self.services = services
        self.parent = parent

    @classmethod
    @asynccontextmanager
    async def open(cls, settings: Settings, email: str | None) -> AsyncIterator[LocalSource]:
        """Migrates first (like `serve`, unless TALESTREAM_AUTO_MIGRATE=false), then acts as the
        parent with `email`, or as the only account there is."""
        if settings.auto_migrate:
            # In a thread: Alembic's env.py runs its own event loop. A Ctrl-C meanwhile lets the
            # migration finish (the runner waits for the thread) rather than cutting it short.
            await asyncio.to_thread(upgrade, settings.resolved_database_url)
        async with open_services(settings) as services:
            async with services.db.sessions() as session:
                parent = await find_parent(session, email)
            yield cls(services, parent)

    async def children(self) -> list[ChildInfo]:
        async with self.services.db.sessions() as session:
            return [ChildInfo(c.id, c.name) for c in await list_children(session, self.parent)]

    async def child(self, name_or_id: str) -> ChildInfo:
        async with self.services.db.sessions() as session:
            if name_or_id.strip().isdigit():
                found = await get_owned_child(session, self.parent, int(name_or_id))
                return ChildInfo(found.id, found.name)
            children = await list_children(session, self.parent)
        return pick_child([ChildInfo(c.id, c.name) for c in children], name_or_id)

    async def story(self, story_id: uuid.UUID) -> StoryInfo:
        async with self.services.db.sessions() as session:
            story = await stories.get_owned_story(session, self.parent, story_id)
        last = story.chapters[-1] if story.chapters else None
        return StoryInfo(
            id=story.id,
            child_id=story.child_id,
            theme=story.theme,
            title=story.title,
            next_chapter=(last.number + 1) if last else 1,
            question=last.choice_question if last else "",
            choices=tuple(c["text"] for c in last.choices) if last else (),
        )

    async def chapter(self, params: ChildStoryParams) -> AsyncGenerator[ClientEvent]:
        async with self.services.db.sessions() as session:
            job = await child_story_job(session, self.services.input_policy, self.parent, params)
        # aclosing: when our consumer stops (Ctrl-C), the workflow is closed right here, which
        # closes the model stream; the workflow saves only after every stage has passed.
        async with aclosing(self.services.workflow.run(job)) as events:
            async for event in events:
                mapped = from_workflow(event)
                if mapped is not None:
                    yield mapped
