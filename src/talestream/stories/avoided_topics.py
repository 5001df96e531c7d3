"""The parent's "topics to avoid" as a `ChapterChecker`, beside the safety net.

A sentence that mentions an avoided topic is not shown and the chapter is retried, exactly like
an unsafe one. Matching is by whole words with simple inflections in the six story languages
("spider" also catches "spiders", "spider's"; "паук" catches "пауки"; Hebrew words also with a
one-letter prefix such as "ה"), so "cat" does not catch "catch".
"""

from __future__ import annotations

import re
from functools import lru_cache

from talestream.safety import SafetyIssue, SafetyResult
from talestream.stories.domain import Reader

CATEGORY = "avoided_topic"
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
# Endings a noun or verb takes for plural, case or tense in en/es/fr/de, and in Russian.
_LATIN_ENDINGS = ("s", "es", "'s", "\u2019s", "e", "en", "n", "er", "x", "ing", "ed", "d")
_RUSSIAN = "а я ы и у ю е о ой ей ом ем ам ям ами ями ах ях ов ев"  # noqa: RUF001
_CYRILLIC_ENDINGS = tuple(_RUSSIAN.split())
_HEBREW_ENDINGS = ("ים", "ות")
# Hebrew writes "the", "and", "in", "to", "from", "that", "like" as a letter before the word.
_HEBREW_PREFIXES = set("הובלמשכ")
_ARTICLES = {"the", "a", "an", "el", "la", "los", "las", "le", "les", "l", "der", "die", "das"}


def _words(text: str) -> list[str]:
    return [m.group(0).casefold() for m in _WORD.finditer(text)]


def _bases(word: str) -> set[str]:
    """The word and its likely dictionary forms (a plural or inflection taken off)."""
    bases = {word}
    for endings in (_LATIN_ENDINGS, _CYRILLIC_ENDINGS, _HEBREW_ENDINGS):
        for ending in endings:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                bases.add(word[: -len(ending)])
    if word.endswith("ies") and len(word) > 4:
        bases.add(word[:-3] + "y")
    if word.endswith("ves") and len(word) > 4:
        bases.update({word[:-3] + "f", word[:-3] + "fe"})
    return bases


@lru_cache(maxsize=1024)
def _forms(word: str) -> frozenset[str]:
    """Every form of a topic word that counts as mentioning it."""
    forms: set[str] = set()
    for base in _bases(word):
        forms.add(base)
        for ending in (*_LATIN_ENDINGS, *_CYRILLIC_ENDINGS, *_HEBREW_ENDINGS):
            forms.add(base + ending)
        if base.endswith("y"):
            forms.add(base[:-1] + "ies")
        if base.endswith(("f", "fe")):
            forms.add(base.rstrip("e")[:-1] + "ves")
    return frozenset(forms)


@lru_cache(maxsize=256)
def _pattern(topic: str) -> tuple[frozenset[str], ...]:
    words = _words(topic)
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    return tuple(_forms(w) for w in words)


def _matches(word: str, forms: frozenset[str]) -> bool:
    if word in forms:
        return True
    return len(word) > 3 and word[0] in _HEBREW_PREFIXES and word[1:] in forms


def mentioned_topics(text: str, topics: tuple[str, ...]) -> list[str]:
    """The avoided topics that `text` mentions."""
    words = _words(text)
    found = []
    for topic in topics:
        pattern = _pattern(topic)
        if not pattern:
            continue
        size = len(pattern)
        if any(
            all(_matches(words[i + k], pattern[k]) for k in range(size))
            for i in range(len(words) - size + 1)
        ):
            found.append(topic)
    return found


def _result(text: str, reader: Reader) -> SafetyResult:
    if not reader.avoid_topics:
        return SafetyResult.from_issues([])
    found = mentioned_topics(text, reader.avoid_topics)
    return SafetyResult.from_issues(
        [
            SafetyIssue(category=CATEGORY, severity="medium", excerpt=f"mentions {topic!r}")
            for topic in found
        ]
    )


class AvoidedTopicsChecker:
    """Sentences and chapters that mention a topic the parent asked to keep out."""

    def check_sentence(
        self, sentence: str, reader: Reader, previous: str | None = None
    ) -> SafetyResult:
        return _result(sentence, reader)  # a topic is named within one sentence

    async def check_chapter(self, text: str, reader: Reader) -> SafetyResult:
        return _result(text, reader)
