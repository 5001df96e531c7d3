"""A story's title when the parent gives none: "Mia and the Lost Owl", in the reader's language.

Built from the hero and the theme as written, so it needs no model call and cannot come out as
"Mia's a lost owl story". An indefinite article becomes the definite one where that is safe.
"""

from __future__ import annotations

import re

TITLE_CHARS = 120  # stories.title's column width
# "and" in each language; Hebrew writes it as a prefix of the next word.
_AND = {"en": " and ", "es": " y ", "fr": " et ", "de": " und ", "ru": " и ", "he": " ו"}  # noqa: RUF001
# Indefinite -> definite article, only where the definite one does not depend on gender or case.
_DEFINITE = {
    "en": {"a": "the", "an": "the", "the": "the"},
    "es": {"un": "el", "una": "la", "unos": "los", "unas": "las"},
    "fr": {"une": "la", "des": "les"},
}
# English title case leaves these small words lower-case unless they come first.
_SMALL_WORDS = "a an the and or but of to in on at by for with from into onto up as nor so yet"
_SMALL = frozenset(_SMALL_WORDS.split())
_SPACES = re.compile(r"\s+")


def _english_title_case(text: str) -> str:
    words = text.split(" ")
    return " ".join(
        word if word.casefold() in _SMALL and i else word[:1].upper() + word[1:]
        for i, word in enumerate(words)
    )


def story_title(hero: str, theme: str, language: str) -> str:
    hero = _SPACES.sub(" ", hero).strip()
    theme = _SPACES.sub(" ", theme).strip().rstrip(".!?")
    if hero.casefold() in theme.casefold():  # "Mia's birthday" is already a title
        title = theme[:1].upper() + theme[1:]
        return _english_title_case(title)[:TITLE_CHARS] if language == "en" else title
    first, _, rest = theme.partition(" ")
    definite = _DEFINITE.get(language, {}).get(first.casefold())
    if definite and rest:
        elide = language == "fr" and definite == "la" and rest[:1].casefold() in "aeiouyhéèêàâîôû"
        theme = f"l'{rest}" if elide else f"{definite} {rest}"
    elif language == "en":
        theme = f"the {theme}"
    if language == "en":
        theme = _english_title_case(theme)
        theme = theme[:1].lower() + theme[1:]  # "and the", not "and The"
    joined = f"{hero}{_AND.get(language, _AND['en'])}{theme}"
    return joined[:TITLE_CHARS]
