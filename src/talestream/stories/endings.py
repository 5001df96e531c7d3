"""Make a model's chapter ending fit for a child's screen, whatever a small model wrote."""

from __future__ import annotations

import re

from talestream.generation.schemas import ChapterEnding, Choice
from talestream.quality.checks import asks_what_next
from talestream.quality.words import FUNCTION_WORDS, words
from talestream.stories.domain import StoryBrief
from talestream.stories.prompts import FALLBACK_ENDINGS

_LETTERS = re.compile(r"[^\W\d_]{2,}")
_LEADING_JUNK = re.compile(r"^[\W\d_]+(?=[^\W\d_])")  # ".1. In this story..." -> "In this story..."
# Phrases of our own prompt that a tiny model sometimes copies into its answer.
_PARROTED = re.compile(r"\b(short question|the reader|in json|choices? for the hero)\b", re.I)


def _usable(text: str) -> bool:
    return bool(_LETTERS.search(text)) and not _PARROTED.search(text)


def _trim_choice(text: str, language: str) -> str:
    """Drop a dangling last word ("Climb the hill with the" -> "Climb the hill") and start
    with a capital letter."""
    dangling = FUNCTION_WORDS.get(language, FUNCTION_WORDS["en"])
    while (found := words(text)) and len(found) > 1 and found[-1] in dangling:
        text = re.sub(rf"[\W_]*{re.escape(found[-1])}[\W_]*$", "", text, flags=re.IGNORECASE)
    return text[:1].upper() + text[1:]


def fallback_ending(brief: StoryBrief) -> ChapterEnding:
    """The plain question and choices in the story's language."""
    return tidy_ending(ChapterEnding.model_construct(choice_question="", choices=[]), brief)


def tidy_ending(ending: ChapterEnding, brief: StoryBrief) -> ChapterEnding:
    """Drop unusable choices and duplicates, make the question a question, and fall back to a
    plain question and choices in the story's language when too little is left."""
    question, defaults = FALLBACK_ENDINGS.get(brief.reader.language, FALLBACK_ENDINGS["en"])
    hero = brief.hero_name or {"he": "הגיבור"}.get(brief.reader.language, "the hero")
    language = brief.reader.language
    asked = _LEADING_JUNK.sub("", " ".join(ending.choice_question.split()))
    if _usable(asked) and not asked.endswith(("?", "\uff1f", "\u061f")):  # full-width, Arabic
        asked = asked.rstrip(".!:; ") + "?"
    if not _usable(asked) or not asks_what_next(asked, language):
        asked = question.format(hero=hero)

    seen: set[str] = set()
    choices: list[Choice] = []
    for choice in ending.choices:
        text = _trim_choice(" ".join(choice.text.split()).strip("\"'"), language)
        if _usable(text) and text.casefold() not in seen:
            seen.add(text.casefold())
            choices.append(Choice(text=text))
    for text in defaults:
        if len(choices) >= 2:
            break
        if text.casefold() not in seen:
            choices.append(Choice(text=text))
    return ChapterEnding(choice_question=asked[:200], choices=choices[:4])
