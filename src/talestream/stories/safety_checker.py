"""The safety net as the workflow's `ChapterChecker`: the offline output policy for every
sentence and chapter, plus (when configured) the model-based moderator on the whole chapter."""

from __future__ import annotations

import asyncio

from talestream.errors import ErrorCode
from talestream.generation.base import ModelError
from talestream.safety import OutputPolicy, SafetyResult
from talestream.safety.moderation import Moderator
from talestream.stories.domain import Reader


class SafetyChecker:
    def __init__(self, policy: OutputPolicy, moderator: Moderator | None = None) -> None:
        self.policy = policy
        self.moderator = moderator

    def check_sentence(self, sentence: str, reader: Reader) -> SafetyResult:
        return self.policy.check_sentence(sentence, age=reader.age, language=reader.language)

    async def check_chapter(self, text: str, reader: Reader) -> SafetyResult:
        """The offline policy (in a thread: it runs a classifier), then the moderator on top."""
        result = await asyncio.to_thread(
            self.policy.check_text, text, age=reader.age, language=reader.language
        )
        if self.moderator is None:
            return result
        try:
            extra = await self.moderator.check(text, age=reader.age, language=reader.language)
        except ModelError as exc:
            # Fail closed: without the moderator's verdict the chapter is not saved.
            raise ModelError(
                f"the safety moderator could not check this story ({exc})",
                code=ErrorCode.MODERATION_UNAVAILABLE,
            ) from None
        return SafetyResult.from_issues([*result.issues, *extra]) if extra else result
