"""The quality gate (`talestream.quality`) as the workflow's `ChapterQuality`: it knows what a
chapter was asked for (language, hero, theme, length) and judges the text against it."""

from __future__ import annotations

from collections.abc import Sequence

from talestream.generation.schemas import ChapterEnding
from talestream.quality import QualityResult, check_chapter, check_sentence
from talestream.stories.domain import Reader, StoryJob


class QualityGate:
    def check_sentence(
        self, sentence: str, reader: Reader, earlier: Sequence[str]
    ) -> QualityResult:
        return check_sentence(sentence, language=reader.language, earlier=earlier)

    def check_chapter(
        self,
        text: str,
        ending: ChapterEnding,
        job: StoryJob,
        *,
        expected_words: int,
        from_brief: bool,
    ) -> QualityResult:
        brief = job.brief
        if not from_brief:
            # A script cannot be held to a brief it never read: only what any reader would see.
            return check_chapter(text, ending, language=brief.reader.language, expected_words=0)
        # The hero and theme are the story's from chapter 1 on; the idea too, for a parent's story.
        topics = [t for t in (brief.theme, brief.idea) if t]
        return check_chapter(
            text,
            ending,
            language=brief.reader.language,
            expected_words=expected_words,
            hero=brief.hero_name,
            topics=topics,
        )
