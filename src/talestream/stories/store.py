"""The workflow's `ChapterStore` on the SQL database: the one-transaction save, and the safety log
for rejected attempts. Database failures become domain errors the stream reports with a code."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.exc import IntegrityError

from talestream.children.models import Child
from talestream.db.base import Database, utcnow
from talestream.db.errors import is_outage
from talestream.errors import Conflict, DomainError, ErrorCode, Unavailable
from talestream.safety import SafetyResult
from talestream.safetylog import service as safety_log
from talestream.stories.domain import FinishedChapter, SavedChapter, StoryJob
from talestream.stories.models import Chapter, Story
from talestream.users.models import User

OUTAGE_MESSAGE = "The story database could not be reached, so nothing was saved. Please try again."


class SqlChapterStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def save(self, chapter: FinishedChapter) -> SavedChapter:
        job = chapter.job
        db = self.db
        async with self._translated(job), db.writing(), db.sessions() as session, session.begin():
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
                await session.flush()  # an IntegrityError here: the child or account is gone
            else:
                found = await session.get(Story, job.story_id)
                if found is None:
                    raise Conflict(
                        "the story was deleted while this chapter was written",
                        ErrorCode.STORY_GONE,
                    )
                story = found
                story.updated_at = utcnow()
            row = Chapter(
                story_id=story.id,
                number=job.chapter_number,
                content=chapter.content,
                choice_question=chapter.ending.choice_question,
                choices=[c.model_dump() for c in chapter.ending.choices],
                chosen_index=job.chosen_index,
                chosen_text=job.chosen_text,
                estimated_reading_time=chapter.metrics.estimated_reading_time,
                vocabulary_level=chapter.metrics.vocabulary_level,
                educational_elements=chapter.metrics.educational_elements,
                safety_score=chapter.safety.score,
                safety=chapter.safety.model_dump(),
                quality=chapter.quality.model_dump(),
                attempts=chapter.attempts,
                model=chapter.model_name[:100],
            )
            session.add(row)
            try:
                await session.flush()
            except IntegrityError:
                raise Conflict(
                    f"chapter {job.chapter_number} of this story was written by another request "
                    "meanwhile; reload the story",
                    ErrorCode.CHAPTER_CONFLICT,
                ) from None
            return SavedChapter(story.id, row.id)

    async def record_rejection(self, job: StoryJob, attempt: int, result: SafetyResult) -> None:
        async with self._translated(job), self.db.writing(), self.db.sessions() as session:
            await safety_log.record(
                session,
                owner_id=job.owner_id,
                child_id=job.child_id,
                kind="output",
                theme=job.brief.theme,
                chapter_number=job.chapter_number,
                attempt=attempt,
                issues=result.issues,
            )

    @asynccontextmanager
    async def _translated(self, job: StoryJob) -> AsyncIterator[None]:
        """Database failures as domain errors; the transaction has been rolled back by then."""
        try:
            yield
        except DomainError:
            raise
        except IntegrityError:
            raise await self._gone(job) from None
        except Exception as exc:
            # The driver raises some outages unwrapped (refused connections, a server shutting
            # down), so everything is asked, and whatever is no outage goes on as it was.
            if is_outage(exc):
                raise Unavailable(OUTAGE_MESSAGE) from exc
            raise

    async def _gone(self, job: StoryJob) -> Conflict:
        """Which row the story hangs on was deleted meanwhile: the account or the child."""
        async with self.db.sessions() as session:
            if await session.get(User, job.owner_id) is None:
                return Conflict(
                    "the account was deleted while this story was written", ErrorCode.ACCOUNT_GONE
                )
            if job.child_id is not None and await session.get(Child, job.child_id) is None:
                return Conflict(
                    "the child profile was deleted while this story was written",
                    ErrorCode.CHILD_GONE,
                )
        return Conflict("the story changed while this chapter was written", ErrorCode.CONFLICT)
