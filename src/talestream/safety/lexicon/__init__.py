# (the docstring quotes words in several languages)
"""Child-safety word lists, per language (one module each) and category.

The matcher that runs them is `talestream.safety.core.matcher`; masked swearing and personal
data have their own rules in `core/masked.py` and `core/personal_data.py`. Each language module
also lists `CONCEPTS` for the harm frames (`core/frames.py`): words that are harmless alone and
harmful in combination.

How to read an entry: `(category, severity, min_age, pattern, ...)`.
- `pattern` is a regex over *folded* text (lower case, no diacritics; see `core.normalize.fold`),
  written in natural spelling (accents are folded when compiled). Its first two characters must
  be literal (alternatives allowed): the matcher only tries a pattern at the start of a word
  whose first two characters match, which keeps a sentence check in the microseconds. A word
  boundary is added at the end, so every inflection must be spelled out (`kill(?:s|ed|ing)?`),
  and "skill", "Scunthorpe", "grape", "therapist", "shell", "Sussex", "cocktail" or "class" can
  never match "kill", "cunt", "rape", "rapist", "hell", "sex", "cock" or "ass".
- `min_age` is the youngest age for which the word is acceptable in a story (`NEVER` = never).
  A match below that age is an issue, and any issue blocks the text. Everyday story material is
  deliberately absent or allowed young: dragons, storms, a friendly witch, a monster, a "battle"
  of snowballs, a pirate's sword (from 5), fighting over a crayon.
- `severity` weighs the issue in the score and in the parent-facing wording.

Benign phrases that contain a listed word are excluded with lookarounds in the pattern itself
("killer whale", "water pistol", "bath bomb", "root beer", "assassin bug", "ugly duckling").
English entries marked universal are also applied to the other languages, because models and
users switch to English swearing in any language; only unambiguous words are marked so (French
"râpe", German "hell", Spanish "con" must not trip the English list).
"""

from talestream.safety.lexicon import de, en, es, fr, he, ru
from talestream.safety.lexicon.entry import (
    CATEGORY_LABELS,
    NEVER,
    SUPPORTED_LANGUAGES,
    Concept,
    Entry,
)

__all__ = [
    "CATEGORY_LABELS",
    "NEVER",
    "PREFIX_LETTERS",
    "SUPPORTED_LANGUAGES",
    "Concept",
    "Entry",
    "concepts_for",
    "entries_for",
]

_BY_LANGUAGE: dict[str, list[Entry]] = {
    "en": en.ENTRIES,
    "es": es.ENTRIES,
    "fr": fr.ENTRIES,
    "de": de.ENTRIES,
    "ru": ru.ENTRIES,
    "he": he.ENTRIES,
}
# Hebrew attaches one-letter prefixes to words; the matcher skips up to two of these.
PREFIX_LETTERS = {"he": "והבלמשכ"}


def entries_for(language: str) -> list[Entry]:
    """The entries checked for `language`: its own list plus the universal English patterns
    (unsupported languages get the English list)."""
    entries = list(_BY_LANGUAGE.get(language, en.ENTRIES))
    if language != "en":
        entries += [
            (category, severity, min_age, *[p for p in patterns if p in en.UNIVERSAL])
            for category, severity, min_age, *patterns in en.ENTRIES
        ]
    return entries


def concepts_for(language: str) -> list[Concept]:
    """The harm-frame concepts of `language` (see core/frames.py); none for a language without."""
    module = {"en": en, "es": es, "fr": fr, "de": de, "ru": ru, "he": he}.get(language, en)
    return list(getattr(module, "CONCEPTS", []))
