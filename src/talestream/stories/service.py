"""Reading and writing stories: continuation lookups, the one-transaction save, the library."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from talestream.db.base import Database, utcnow
from talestream.errors import ApiError, forbidden, not_found
from talestream.generation.schemas import ChapterEnding
from talestream.metrics import ReadingMetrics
from talestream.safety import SafetyResult
from talestream.stories.models import Chapter, Story
from talestream.stories.prompts import PreviousChapter
from talestream.users.models import User

if TYPE_CHECKING:
    from talestream.stories.workflow import StoryJob


class SaveConflict(Exception):
    """The story changed while this chapter was being written (deleted, or chapter taken)."""

    def __init__(self, message: str, code: str = "CHAPTER_CONFLICT") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class SavedChapter:
    story_id: uuid.UUID
    chapter_id: int


async def save_chapter(
    db: Database,
    job: StoryJob,
    *,
    content: str,
    ending: ChapterEnding,
    metrics: ReadingMetrics,
    safety: SafetyResult,
    attempts: int,
    model_name: str,
) -> SavedChapter:
    """Story (when new) and chapter in one transaction: either both rows exist or neither."""
    async with db.sessions() as session, session.begin():
        if job.story_id is None:
            story = Story(
                owner_id=job.owner_id,
                child_id=job.child_id,
                title=job.brief.title,
                theme=job.brief.theme,
                language=job.brief.reader.language,
                age=job.brief.reader.age,
                hero_name=job.brief.hero_name,
                idea=job.brief.idea,
            )
            session.add(story)
            await session.flush()
        else:
            found = await session.get(Story, job.story_id)
            if found is None:
                raise SaveConflict(
                    "the story was deleted while this chapter was written", "STORY_GONE"
                )
            story = found
            story.updated_at = utcnow()
        chapter = Chapter(
            story_id=story.id,
            number=job.chapter_number,
            content=content,
            choice_question=ending.choice_question,
            choices=[c.model_dump() for c in ending.choices],
            chosen_index=job.chosen_index,
            chosen_text=job.chosen_text,
            estimated_reading_time=metrics.estimated_reading_time,
            vocabulary_level=metrics.vocabulary_level,
            educational_elements=metrics.educational_elements,
            safety_score=safety.score,
            safety=safety.model_dump(),
            attempts=attempts,
            model=model_name[:100],
        )
        session.add(chapter)
        try:
            await session.flush()
        except IntegrityError:
            raise SaveConflict(
                f"chapter {job.chapter_number} of this story was written by another request "
                "meanwhile; reload the story"
            ) from None
        return SavedChapter(story.id, chapter.id)


async def get_owned_story(db: AsyncSession, user: User, story_id: uuid.UUID) -> Story:
    story = await db.scalar(
        select(Story).where(Story.id == story_id).options(selectinload(Story.chapters))
    )
    if story is None:
        raise not_found(f"story {story_id} does not exist")
    if story.owner_id != user.id:
        raise forbidden(f"story {story_id} belongs to another account")
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
        raise ApiError(
            409,
            "NO_STORY_TO_CONTINUE",
            f"no unfinished {theme!r} story for this child has chapter {chapter_number - 1}; "
            "start one with chapter_number=1 or pass story_id",
        )
    return story


def check_next_chapter(story: Story, chapter_number: int) -> None:
    have = len(story.chapters)
    if chapter_number != have + 1:
        raise ApiError(
            409,
            "WRONG_CHAPTER_NUMBER",
            f"story {story.id} has {have} chapter{'s' if have != 1 else ''}; "
            f"the next one is chapter_number={have + 1}",
        )
    if story.finished_at is not None:
        raise ApiError(409, "STORY_FINISHED", f"story {story.id} is finished")


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
