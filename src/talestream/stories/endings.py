"""Make a model's chapter ending fit for a child's screen, whatever a small model wrote."""

from __future__ import annotations

import re

from talestream.generation.schemas import ChapterEnding, Choice
from talestream.stories.domain import StoryBrief
from talestream.stories.prompts import FALLBACK_ENDINGS

_LETTERS = re.compile(r"[^\W\d_]{2,}")
_LEADING_JUNK = re.compile(r"^[\W\d_]+(?=[^\W\d_])")  # ".1. In this story..." -> "In this story..."
# Phrases of our own prompt that a tiny model sometimes copies into its answer.
_PARROTED = re.compile(r"\b(short question|the reader|in json|choices? for the hero)\b", re.I)


def _usable(text: str) -> bool:
    return bool(_LETTERS.search(text)) and not _PARROTED.search(text)


def fallback_ending(brief: StoryBrief) -> ChapterEnding:
    """The plain question and choices in the story's language."""
    return tidy_ending(ChapterEnding.model_construct(choice_question="", choices=[]), brief)


def tidy_ending(ending: ChapterEnding, brief: StoryBrief) -> ChapterEnding:
    """Drop unusable choices and duplicates, make the question a question, and fall back to a
    plain question and choices in the story's language when too little is left."""
    question, defaults = FALLBACK_ENDINGS.get(brief.reader.language, FALLBACK_ENDINGS["en"])
    hero = brief.hero_name or {"he": "הגיבור"}.get(brief.reader.language, "the hero")
    asked = _LEADING_JUNK.sub("", " ".join(ending.choice_question.split()))
    if not _usable(asked):
        asked = question.format(hero=hero)
    elif not asked.endswith(("?", "\uff1f", "\u061f")):  # also full-width and Arabic marks
        asked = asked.rstrip(".!:; ") + "?"

    seen: set[str] = set()
    choices: list[Choice] = []
    for choice in ending.choices:
        text = " ".join(choice.text.split()).strip("\"'")
        if _usable(text) and text.casefold() not in seen:
            seen.add(text.casefold())
            choices.append(Choice(text=text))
    for text in defaults:
        if len(choices) >= 2:
            break
        if text.casefold() not in seen:
            choices.append(Choice(text=text))
    return ChapterEnding(choice_question=asked[:200], choices=choices[:4])
