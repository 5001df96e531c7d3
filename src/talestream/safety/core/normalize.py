# ruff: noqa: RUF001, RUF002, RUF003
# (multilingual word lists and look-alike letters are the point of this file)
"""Text normalisation shared by the output and input policies.

Matching never runs on raw text: a model (or a determined user) can write "ＫＩＬＬ", "kíll",
"k\u200bill", "kіll" (Cyrillic і), "k1ll", "k i l l" or "kiiill". `fold()` removes what has no
meaning for safety (case, diacritics, compatibility forms, invisible characters) while keeping a
map back to the original so excerpts show what was really written; `deobfuscate()` builds the
extra, lossy variant that undoes deliberate tricks (leetspeak, spaced letters, stretched letters).
Lexicon patterns go through `fold_pattern()` so both sides are folded identically.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial

__all__ = [
    "Folded",
    "clean_user_text",
    "deobfuscate",
    "fold",
    "fold_pattern",
    "needs_deobfuscation",
]

# Invisible characters: zero-width joiners/spaces, soft hyphen, word joiner, BOM, bidi controls.
# They split a word for a regex but not for a reader, so they are dropped before matching.
_INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u3164\ufeff\uffa0"
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})

# Letters that look like Latin letters in Cyrillic and Greek (after case folding).
_TO_LATIN = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
        "ү": "y", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ı": "i",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "μ": "u",
    }
)  # fmt: skip
# The reverse, for Russian words with Latin letters slipped in ("cyкa").
_TO_CYRILLIC = str.maketrans(
    {
        "a": "а", "b": "в", "e": "е", "k": "к", "m": "м", "h": "н", "o": "о", "p": "р",
        "c": "с", "t": "т", "y": "у", "x": "х", "3": "з", "0": "о", "6": "б",
    }
)  # fmt: skip
_LATIN_LANGUAGES = frozenset({"en", "es", "fr", "de"})
_HAS_CONFUSABLE = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f\u0261\u0131]")
_MIXED_TOKEN = re.compile(r"\w*(?:[a-z][\u0400-\u04ff]|[\u0400-\u04ff][a-z])\w*")
_MIXED_PAIR = re.compile(r"[a-z][\u0400-\u04ff]|[\u0400-\u04ff][a-z]")


# Letters whose diacritic makes a different word that matters, kept (lower-cased) instead of
# stripped: Spanish "coño" is not "cono" (cone), "año" is not "ano"; in German, "Blüten"
# (blossoms) is not "bluten" (to bleed), "dröge" is not "Droge". Umlauts are kept only for German
# text (elsewhere "fück" is an obfuscated "fuck").
_KEEP = {"ñ": "ñ", "Ñ": "ñ"}
_KEEP_GERMAN = {**_KEEP, "ä": "ä", "ö": "ö", "ü": "ü", "Ä": "ä", "Ö": "ö", "Ü": "ü"}


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    if char in _INVISIBLE:
        return ""
    if char in _KEEP:
        return _KEEP[char]
    # NFKD: compatibility forms (ｋ, 𝐤, ⓚ, ligatures, "…") become plain letters and diacritics
    # become separate combining marks, which are dropped (also Hebrew niqqud). Russian й/ё fold to
    # и/е, which is harmless because the lexicon is folded the same way.
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.casefold().translate(_APOSTROPHES)


def _fold_char_german(char: str) -> str:
    return _KEEP_GERMAN.get(char) or _fold_char(char)


def _char_folder(language: str) -> Callable[[str], str]:
    return _fold_char_german if language == "de" else _fold_char


class _FoldTable(dict[int, str]):
    """A `str.translate` table that folds each character on first sight: the folded text in
    one C-level pass instead of a Python call per character."""

    def __init__(self, fold_char: Callable[[str], str]) -> None:
        super().__init__()
        self.fold_char = fold_char

    def __missing__(self, code: int) -> str:
        if len(self) >= 8192:  # bounded, like `_fold_char`'s cache
            self.clear()
        folded = self[code] = self.fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable(_fold_char)
_FOLD_TABLE_GERMAN = _FoldTable(_fold_char_german)


@dataclass(slots=True)
class Folded:
    """A folded text plus the way back to the original for excerpts."""

    original: str
    text: str
    # How each character of `original` was folded (None: the identity, ASCII input). The map
    # back is only built when an excerpt needs it, which is rare.
    _fold_char: Callable[[str], str] | None = field(default=None, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` back onto `original`."""
        if self._fold_char is None:  # the identity fast path (ASCII input)
            return start, end
        if self._starts is None:
            starts: list[int] = []
            offset = 0
            for char in self.original:
                starts.append(offset)
                offset += len(self._fold_char(char))
            self._starts = starts
        # The original character whose folded piece covers `start` (and `end - 1`).
        first = max(bisect_right(self._starts, start) - 1, 0)
        last = max(bisect_right(self._starts, max(end - 1, start)) - 1, first)
        return first, last + 1


@lru_cache(maxsize=256)  # a streamed sentence is folded by several layers: once is enough
def fold(text: str, language: str = "") -> Folded:
    """Case-, diacritic- and compatibility-folded text with homoglyphs resolved per language
    (without a language, only words that mix scripts are mapped, to Latin)."""
    if text.isascii():
        # Most sentences are ASCII: lower() equals casefold() there and lengths do not change.
        return Folded(text, text.lower().replace("`", "'"))
    # Compose first so "n" + combining tilde is the letter ñ; excerpts then come from the NFC
    # text, which looks identical to the original.
    nfc = unicodedata.normalize("NFC", text)
    # The German table differs from the other only on umlauts: without one, both languages'
    # folds share `_translated` (a sentence is folded for its language and without one).
    german = language == "de" and _HAS_UMLAUT.search(nfc) is not None
    table = _FOLD_TABLE_GERMAN if german else _FOLD_TABLE
    folded = _translated(nfc, german)
    if _HAS_CONFUSABLE.search(folded):
        folded = _resolve_homoglyphs(folded, language)
    return Folded(nfc, folded, table.fold_char)


_HAS_UMLAUT = re.compile("[äöüÄÖÜ]")


@lru_cache(maxsize=256)
def _translated(nfc: str, german: bool) -> str:
    return nfc.translate(_FOLD_TABLE_GERMAN if german else _FOLD_TABLE)


def _resolve_homoglyphs(folded: str, language: str) -> str:
    # One-to-one replacements only, so the offsets in `Folded` stay valid.
    if language in _LATIN_LANGUAGES:
        # An English/Spanish/French/German story has no business spelling words in Cyrillic or
        # Greek look-alikes: map all of them to Latin.
        return folded.translate(_TO_LATIN)
    if _MIXED_PAIR.search(folded) is None:
        # No word mixes scripts, so `_MIXED_TOKEN` has nothing to replace (asked first: its
        # `\w*` head makes it try every position of every word).
        return folded
    if language == "ru":
        # In a Russian story a word mixing scripts is a Russian word with Latin look-alikes
        # slipped in ("cyкa"), whatever the majority.
        return _MIXED_TOKEN.sub(lambda m: m.group().translate(_TO_CYRILLIC), folded)
    return _MIXED_TOKEN.sub(lambda m: m.group().translate(_TO_LATIN), folded)


def fold_pattern(pattern: str, language: str = "") -> str:
    """Fold the literal letters of a regex the way `fold` folds text (ASCII is left alone so
    escapes like `\\W` keep their meaning; lexicon patterns are written in lower case)."""
    fold_char = _char_folder(language)
    return "".join(c if c.isascii() else fold_char(c) for c in pattern)


# --- deliberate obfuscation ------------------------------------------------------------------

_LEET = str.maketrans(
    {"0": "o", "1": "i", "!": "i", "3": "e", "4": "a", "@": "a", "5": "s", "$": "s",
     "7": "t", "+": "t", "8": "b", "9": "g", "|": "l", "€": "e", "6": "b"}
)  # fmt: skip
_LEET_ONE_AS_L = {**_LEET, ord("1"): "l", ord("!"): "l"}
_LEET_CHARS = "0-9@$|+€!"
# A run of letters mixed with leet characters, e.g. "k1ll", "$h!t", "@ss", "f*ck", that has a
# leet character `_unleet` would replace: the whole run (it starts where a run starts and the
# greedy tail takes it to its end), so other runs, which `_unleet` leaves alone, cost no call.
# Up to its first leet character a run has only letters and "*": read possessively, a word
# without one is given up at its end instead of being retried character by character.
_LEET_RUN = re.compile(
    rf"(?<![^\W\d_])(?<![{_LEET_CHARS}*])(?:[^\W\d_]++|\*++)*+[{_LEET_CHARS}]"
    rf"(?:[^\W\d_]|[{_LEET_CHARS}*])*+"
)
_HAS_LETTER = re.compile(r"[^\W\d_]")
_LEET_CHAR = re.compile(rf"[{_LEET_CHARS}]")  # what `_LEET_RUN` needs
# Three or more single characters separated by 1-2 separators: "k i l l", "k.i.l.l", "k-1-l-l".
_SPACED = re.compile(
    rf"(?<![\w{_LEET_CHARS}])(?:[^\W_]|[{_LEET_CHARS}])(?:[\s.\-_*·•,/\\~:;]{{1,2}}"
    rf"(?:[^\W_]|[{_LEET_CHARS}])){{2,}}(?![\w{_LEET_CHARS}])"
)
_SEPARATORS = re.compile(r"[\s.\-_*·•,/\\~:;]+")
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
# What makes a text worth de-obfuscating: a leet character or "*", a letter three times, or
# two single-character words one or two separators apart ("k i", "a b"). Searched in parts, each
# written so the regex engine can skip most positions (one alternation was tried at each).
_OBFUSCATION_CHAR = re.compile(rf"[{_LEET_CHARS}*]")
_TRIPLED = re.compile(r"(.)\1\1")  # then is it a letter: faster than a letter class per position
_LETTER = re.compile(r"[^\W\d_]")
_SEPARATOR = r"[\s.\-_*·•,/\\~:;]"
_SINGLES = re.compile(rf"{_SEPARATOR}(?<=(?<!\w)\w{_SEPARATOR}){_SEPARATOR}?\w(?!\w)")
# Of those, what `deobfuscate` can act on when the only leet characters are "!" ending a word
# ("Run!", "No!!": 62% of the corpus's texts the test above finds; `_unleet` keeps them as
# they are): any other leet character or "*", a "!" before a letter, digit or leet character or
# not after a letter, and the start of spaced single characters with "_" among the separators
# (which `_SINGLES` does not see, "_" being a word character).
_CHANGING_CHAR = re.compile(r"[0-9@$|+€*!](?:(?<=[0-9@$|+€*])|(?<![^\W\d_!]!)|(?=[^\W_]|[@$|+€*]))")
_SPACED_START = re.compile(rf"(?<!\w)[^\W_]{_SEPARATOR}{{1,2}}[^\W_]{_SEPARATOR}")


def needs_deobfuscation(folded: str) -> bool:
    """Cheap test: does the text contain anything `deobfuscate` would change? (False only
    where it would return no variant.)"""
    if _has_tripled_letter(folded) or _SINGLES.search(folded) is not None:
        return True
    if _OBFUSCATION_CHAR.search(folded) is None:
        return False
    return _CHANGING_CHAR.search(folded) is not None or _SPACED_START.search(folded) is not None


def _has_tripled_letter(folded: str) -> bool:
    found = _TRIPLED.search(folded)
    while found is not None:
        if _LETTER.match(found.group(1)):
            return True
        found = _TRIPLED.search(folded, found.start() + 1)
    return False


def _unleet(run: str, table: dict[int, str]) -> str:
    if not _HAS_LETTER.search(run) or not any(c in "0123456789@$|+€!" for c in run):
        return run
    core = run.rstrip("!")  # "kill!" is a word and an exclamation mark, not "killi"
    return core.translate(table) + run[len(core) :]


def _unleet_match(match: re.Match[str], table: dict[int, str]) -> str:
    return _unleet(match.group(), table)


def deobfuscate(folded: str) -> list[str]:
    """Variants of an already folded text with obfuscation undone (empty if nothing to undo).

    Lossy on purpose: the variants are only searched for bad terms, never shown.
    """
    spaced = _SPACED.sub(lambda m: _SEPARATORS.sub("", m.group()), folded)
    variants: set[str] = set()
    # "1" and "!" may stand for i or l: both tables are tried. Without a leet character there
    # is nothing to replace, and without a "1" or "!" both tables read the text alike.
    if _LEET_CHAR.search(spaced) is None:
        texts = [spaced]
    else:
        tables = (_LEET, _LEET_ONE_AS_L) if "1" in spaced or "!" in spaced else (_LEET,)
        texts = [_LEET_RUN.sub(partial(_unleet_match, table=t), spaced) for t in tables]
    for text in texts:
        variants.add(text)
        # "fuuuck" -> "fuck", "killlll" -> "kill": the split keeps each run's letter (the
        # group) between the rest, joined as it is for one letter, doubled for two (one
        # regex pass instead of a search and two substitutions).
        pieces = _STRETCHED.split(text)
        if len(pieces) > 1:
            variants.add("".join(pieces))
            pieces[1::2] = [letter * 2 for letter in pieces[1::2]]
            variants.add("".join(pieces))
    variants.discard(folded)
    return sorted(variants)


# --- user text --------------------------------------------------------------------------------

_WHITESPACE = re.compile(r"\s+")


def clean_user_text(text: str) -> str:
    """NFC, no control/format characters (newlines and tabs become spaces), single spaces."""
    text = unicodedata.normalize("NFC", text)
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in "\n\r\t\v\f" or category == "Zl" or category == "Zp":
            kept.append(" ")
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn") or char in _INVISIBLE:
            continue  # control, format (zero-width, bidi overrides), surrogates, unassigned
        else:
            kept.append(char)
    return _WHITESPACE.sub(" ", "".join(kept)).strip()
