"""Reading stories: ownership, continuation lookups and what a next chapter needs.
(Saving a chapter is `stories.store`.)"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from talestream.errors import Conflict, ErrorCode, Forbidden, NotFound
from talestream.stories.domain import PreviousChapter
from talestream.stories.models import Chapter, Story
from talestream.users.models import User


async def get_owned_story(db: AsyncSession, user: User, story_id: uuid.UUID) -> Story:
    story = await db.scalar(
        select(Story).where(Story.id == story_id).options(selectinload(Story.chapters))
    )
    if story is None:
        raise NotFound(f"story {story_id} does not exist")
    if story.owner_id != user.id:
        raise Forbidden(f"story {story_id} belongs to another account")
    return story


async def find_story_to_continue(
    db: AsyncSession, user: User, child_id: int, theme: str, chapter_number: int
) -> Story:
    """The child's most recently updated unfinished story on `theme` whose last chapter is
    `chapter_number - 1`."""
    last = (
        select(Chapter.story_id, func.max(Chapter.number).label("last"))
        .group_by(Chapter.story_id)
        .subquery()
    )
    story = await db.scalar(
        select(Story)
        .join(last, last.c.story_id == Story.id)
        .where(
            Story.owner_id == user.id,
            Story.child_id == child_id,
            func.lower(Story.theme) == theme.lower(),
            Story.finished_at.is_(None),
            last.c.last == chapter_number - 1,
        )
        .order_by(Story.updated_at.desc())
        .limit(1)
        .options(selectinload(Story.chapters))
    )
    if story is None:
        raise Conflict(
            f"no unfinished {theme!r} story for this child has chapter {chapter_number - 1}; "
            "start one with chapter_number=1 or pass story_id",
            ErrorCode.NO_STORY_TO_CONTINUE,
        )
    return story


def check_next_chapter(story: Story, chapter_number: int) -> None:
    have = len(story.chapters)
    if chapter_number != have + 1:
        raise Conflict(
            f"story {story.id} has {have} chapter{'s' if have != 1 else ''}; "
            f"the next one is chapter_number={have + 1}",
            ErrorCode.WRONG_CHAPTER_NUMBER,
        )
    if story.finished_at is not None:
        raise Conflict(f"story {story.id} is finished", ErrorCode.STORY_FINISHED)


def previous_chapters(story: Story) -> list[PreviousChapter]:
    return [
        PreviousChapter(
            number=c.number,
            content=c.content,
            choice_question=c.choice_question,
            choices=tuple(choice["text"] for choice in c.choices),
        )
        for c in story.chapters
    ]
