"""The quality gate: is this a story, in the reader's language, about what was asked?

`check_sentence` runs on every sentence as it streams (microseconds, plus ~0.1 ms of language
identification on sentences of four words or more); `check_chapter` runs once on the whole
chapter and its ending. Both are pure: the same text always gets the same verdict.
"""

from __future__ import annotations

from collections.abc import Sequence

from talestream.generation.schemas import ChapterEnding
from talestream.quality import checks
from talestream.quality.result import QualityResult


def check_sentence(sentence: str, *, language: str, earlier: Sequence[str] = ()) -> QualityResult:
    """Cheap checks on one streamed sentence; `earlier` are the sentences already released."""
    issues = checks.echo_or_markup(sentence)
    issues += checks.nonsense_words(sentence, language)
    issues += checks.sentence_repetition(sentence, earlier)
    if not issues:
        issues = checks.sentence_language(sentence, language)
    return QualityResult.from_issues(issues)


def check_chapter(
    text: str,
    ending: ChapterEnding,
    *,
    language: str,
    expected_words: int,
    hero: str | None = None,
    topics: Sequence[str] = (),
) -> QualityResult:
    """Every check on the finished chapter: `expected_words` is what the chapter was asked to
    hold, `hero` the hero's name, `topics` the theme (and idea) it should be about."""
    issues = [
        *checks.chapter_language(text, language),
        *checks.chapter_length(text, expected_words),
        *checks.chapter_repetition(text),
        *checks.echo_or_markup(text),
        *checks.nonsense_words(text, language),
        *checks.hero_and_theme(text, language, hero=hero, topics=topics),
        *checks.ending_quality(ending, language),
    ]
    return QualityResult.from_issues(issues)
