"""Words, function words and loose stems for our six languages: the cheap vocabulary the gate
uses to find the hero and the theme in a chapter, and to tell a cut-off choice from a whole one."""

from __future__ import annotations

import math
import re

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# Hebrew glues "the", "and", "in", "to", "from", "that", "as" to the next word.
HEBREW_PREFIXES = "הובלמשכ"


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Articles, prepositions, conjunctions, pronouns and auxiliaries: never the topic of a theme, and
# never the last word of a finished choice ("She speaks in", "Go to the").
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _set(
        "a an the and or but of to in on at by for with from into onto about as than that this "
        "these those is are was were be been am do does did has have had will would can could "
        "should shall may might must not no so if then very some any her his its their our your "
        "my me him them us we you they he she it who whom whose which what where when how story "
        "little big like because while until i i'm we'll let's there here"
    ),
    "es": _set(
        "el la los las un una unos unas y o pero de del al a en con por para sin sobre que "
        "como es son era fue ser estar está están muy su sus mi mis tu tus se le lo les nos "
        "yo tú él ella ellos ellas más cuento historia"
    ),
    "fr": _set(
        "le la les l un une des et ou mais de du d à au aux en dans sur sous avec pour par "
        "sans que qu qui est sont était être a ont très son sa ses mon ma mes ton ta tes se ne "
        "pas il elle ils elles je tu nous vous on plus histoire conte"
    ),
    "de": _set(
        "der die das den dem des ein eine einen einem einer und oder aber von zu zum zur in im "
        "an am auf mit für aus bei nach über unter ist sind war waren sein hat haben wird "
        "sehr seine ihr ihre mein meine er sie es ich du wir nicht kein keine geschichte"
    ),
    "ru": _set(
        "и а но или в во на с со к ко по о об от до из у за для под над при что как это "  # noqa: RUF001
        "был была были быть есть он она оно они я ты мы вы его её ее их мой моя свой не "  # noqa: RUF001
        "очень история сказка"
    ),
    "he": _set("של את עם על אל גם כי לא הוא היא הם הן אני אתה זה זאת יש היה סיפור"),
}


def words(text: str) -> list[str]:
    """Lower-cased words, apostrophes kept inside ("don't", "l'oiseau")."""
    return [w.casefold() for w in WORD.findall(text)]


def content_words(text: str, language: str) -> list[str]:
    """The words of `text` that carry its topic (two letters or more, no function words)."""
    skip = FUNCTION_WORDS.get(language, FUNCTION_WORDS["en"])
    return [w for w in words(text) if len(w) >= 2 and w not in skip]


def stem(word: str) -> str:
    """A loose stem: the first half of the word, at least three letters. Cheap and crude on
    purpose: it lets "owl" find "owls", "сова" find "сову" and "dinosaurs" find "dinosaurios",
    and the gate only needs to know whether the topic came up at all."""
    return word[: max(3, math.ceil(len(word) / 2))]


def mentions(text_words: set[str], wanted: str, language: str) -> bool:
    """Whether a word of the chapter shares `wanted`'s loose stem."""
    prefix = stem(wanted.casefold())
    for word in text_words:
        if word.startswith(prefix):
            return True
        hebrew_prefixed = language == "he" and len(word) > 3 and word[0] in HEBREW_PREFIXES
        if hebrew_prefixed and word[1:].startswith(prefix):
            return True
    return False
