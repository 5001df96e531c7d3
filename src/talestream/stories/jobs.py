"""Turning a request into a StoryJob: everything checked before a stream opens."""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession

from talestream.children.models import Child
from talestream.children.service import get_owned_child
from talestream.errors import Conflict, ErrorCode, UnsafeRequest, ValidationFailed
from talestream.safety import InputPolicy
from talestream.safetylog import service as safety_log
from talestream.stories import service
from talestream.stories.domain import Reader, StoryBrief, StoryJob
from talestream.stories.schemas import (
    ChildStoryParams,
    GenerateStreamRequest,
    reading_level_for_age,
)
from talestream.stories.titles import story_title
from talestream.users.models import User

# The input policy's kind of text for every request field it checks: the kind picks the length
# limit (safety.FIELD_LIMITS, which the request schemas use too) and the checks (a hero's name is
# a name, not prose).
POLICY_KIND = {
    "theme": "theme",
    "title": "title",
    "custom_choice": "custom_choice",
    "story_name": "title",
    "hero_name": "name",
    "story_idea": "idea",
    "story_style": "theme",
    "avoid_topic": "avoid_topic",
}


def check_user_text(
    policy: InputPolicy, fields: dict[str, str | None], *, age: int, language: str
) -> dict[str, str]:
    """Runs the input policy over user-provided text; UnsafeRequest with a kind reason."""
    cleaned: dict[str, str] = {}
    for field, text in fields.items():
        if text is None:
            continue
        verdict = policy.check(POLICY_KIND[field], text, age=age, language=language)
        if not verdict.ok:
            raise UnsafeRequest(verdict.reason or f"{field} cannot be used")
        cleaned[field] = verdict.cleaned
    return cleaned


async def checked_user_text(
    db: AsyncSession,
    policy: InputPolicy,
    fields: dict[str, str | None],
    *,
    owner_id: int,
    child_id: int | None,
    age: int,
    language: str,
    chapter_number: int = 1,
) -> dict[str, str]:
    """check_user_text, and a refused request is kept in the parent's safety log. In a worker
    thread: the sentence encoder takes milliseconds a field."""
    try:
        return await asyncio.to_thread(check_user_text, policy, fields, age=age, language=language)
    except UnsafeRequest as refused:
        theme = fields.get("theme") or fields.get("story_style") or ""
        await safety_log.record(
            db,
            owner_id=owner_id,
            child_id=child_id,
            kind="request",
            theme=theme,
            chapter_number=chapter_number,
            attempt=0,
            issues=[{"category": "request", "severity": "medium", "excerpt": refused.detail}],
        )
        raise


async def child_story_job(
    db: AsyncSession, policy: InputPolicy, user: User, params: ChildStoryParams
) -> StoryJob:
    """A chapter for a child profile: ownership, input policy, and for chapter N > 1 the story
    to continue and the child's choice. Raises a DomainError (NotFound, Forbidden, Conflict,
    UnsafeRequest, ValidationFailed) before any stream."""
    child: Child = await get_owned_child(db, user, params.child_id)
    text = await checked_user_text(
        db,
        policy,
        {"theme": params.theme, "title": params.title, "custom_choice": params.custom_choice},
        owner_id=user.id,
        child_id=child.id,
        age=child.age,
        language=child.language,
        chapter_number=params.chapter_number,
    )
    reader = Reader(
        age=child.age,
        language=child.language,
        reading_level=child.reading_level,
        interests=tuple(child.interests),
        avoid_topics=tuple(child.avoid_topics),
        chapter_length=child.chapter_length,
    )
    job = StoryJob(
        owner_id=user.id,
        child_id=child.id,
        chapter_number=params.chapter_number,
        brief=StoryBrief(
            title=text.get("title") or story_title(child.name, text["theme"], child.language),
            theme=text["theme"],
            reader=reader,
            hero_name=child.name,
            bedtime=params.bedtime,
        ),
    )
    if params.chapter_number == 1:
        return job

    if params.story_id is not None:
        story = await service.get_owned_story(db, user, params.story_id)
        if story.child_id != child.id:
            raise Conflict(
                f"story {story.id} is not one of child {child.id}'s stories", ErrorCode.WRONG_CHILD
            )
    else:
        story = await service.find_story_to_continue(
            db, user, child.id, text["theme"], params.chapter_number
        )
    service.check_next_chapter(story, params.chapter_number)
    last = story.chapters[-1]
    if params.choice_index is not None:
        if params.choice_index >= len(last.choices):
            raise ValidationFailed(
                f"choice_index must be 0 to {len(last.choices) - 1} for chapter {last.number}",
                ErrorCode.INVALID_CHOICE,
            )
        chosen = last.choices[params.choice_index]["text"]
    else:
        chosen = text["custom_choice"]
    return StoryJob(
        owner_id=user.id,
        child_id=child.id,
        chapter_number=params.chapter_number,
        story_id=story.id,
        previous=service.previous_chapters(story),
        chosen_index=params.choice_index,
        chosen_text=chosen,
        brief=StoryBrief(
            title=story.title,
            theme=story.theme,
            reader=reader,
            hero_name=story.hero_name,
            idea=story.idea,
            bedtime=params.bedtime,
        ),
    )


async def parent_story_job(
    db: AsyncSession, policy: InputPolicy, user: User, body: GenerateStreamRequest
) -> StoryJob:
    """A new story from a parent's idea (the POST stream): input policy, then the job."""
    text = await checked_user_text(
        db,
        policy,
        {
            "story_name": body.story_name,
            "hero_name": body.hero_name,
            "story_idea": body.story_idea,
            "story_style": body.story_style,
        },
        owner_id=user.id,
        child_id=None,
        age=body.age,
        language=body.language,
    )
    avoid = [
        (
            await checked_user_text(
                db,
                policy,
                {"avoid_topic": topic},
                owner_id=user.id,
                child_id=None,
                age=body.age,
                language=body.language,
            )
        )["avoid_topic"]
        for topic in body.avoid_topics
    ]
    return StoryJob(
        owner_id=user.id,
        brief=StoryBrief(
            title=text["story_name"],
            theme=text["story_style"],
            hero_name=text["hero_name"],
            idea=text["story_idea"],
            bedtime=body.bedtime,
            reader=Reader(
                age=body.age,
                language=body.language,
                reading_level=reading_level_for_age(body.age),
                avoid_topics=tuple(avoid),
            ),
        ),
    )
