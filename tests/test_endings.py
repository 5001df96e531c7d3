"""A small model's chapter ending is made fit for a child's screen."""

from __future__ import annotations

from talestream.generation.schemas import ChapterEnding
from talestream.stories.domain import Reader, StoryBrief
from talestream.stories.endings import tidy_ending


def brief(language: str = "en") -> StoryBrief:
    return StoryBrief(
        title="t", theme="sea", reader=Reader(age=6, language=language), hero_name="Mia"
    )


def ending(question: str, *choices: str) -> ChapterEnding:
    return ChapterEnding.model_validate(
        {"choice_question": question, "choices": [{"text": c} for c in choices]}
    )


def test_good_endings_pass_through() -> None:
    good = ending("Where should Mia sail?", "To the island", "Back home")
    assert tidy_ending(good, brief()) == good


def test_junk_is_replaced_in_the_story_language() -> None:
    tidy = tidy_ending(ending("{2} {1}", "][{", "To the island"), brief())
    assert tidy.choice_question == "What should Mia do next?"
    assert [c.text for c in tidy.choices] == ["To the island", "Keep exploring"]
    tidy = tidy_ending(ending("a short question asking the reader", "1", "2"), brief("es"))
    assert tidy.choice_question == "¿Qué debería hacer Mia ahora?"
    assert len(tidy.choices) == 2


def test_duplicates_dropped_and_question_mark_added() -> None:
    tidy = tidy_ending(ending("Which way now", "Left", "left", "Right"), brief())
    assert tidy.choice_question == "Which way now?"
    assert [c.text for c in tidy.choices] == ["Left", "Right"]


def test_leading_numbering_is_stripped() -> None:
    tidy = tidy_ending(ending(".1. Where should Mia go?", "Up", "Down"), brief())
    assert tidy.choice_question == "Where should Mia go?"


def test_fallback_ending_is_complete() -> None:
    from talestream.stories.endings import fallback_ending

    plain = fallback_ending(brief("fr"))
    assert plain.choice_question == "Que devrait faire Mia maintenant ?"
    assert len(plain.choices) == 2
