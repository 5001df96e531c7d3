# ruff: noqa: RUF001, RUF003
# (multilingual word lists and look-alike letters are the point of this file)
"""Reading metrics for a finished story: time to read, vocabulary level, what it teaches.

Everything here is computed from the text alone, offline, in microseconds to milliseconds.

Why not textstat: textstat 0.7.9+ counts English syllables with NLTK's CMU dictionary, and 0.7.10+
calls `nltk.download("cmudict")` on first use. Offline that prints a download error and raises
`LookupError` (and on a network that drops packets it can hang first); Hebrew raises `KeyError`
from Pyphen in every version. So syllables are counted here with Pyphen's bundled hyphenation
dictionaries (what textstat itself did up to 0.7.4) or, where the spelling makes it exact or
better, by counting vowels, and the published readability formulas are applied directly.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pyphen
from pydantic import BaseModel, Field

__all__ = [
    "EDUCATIONAL_LABELS",
    "ReadingMetrics",
    "compute_metrics",
    "count_syllables",
    "reading_ease",
    "words_per_minute",
]

VocabularyLevel = Literal["beginner", "intermediate", "advanced"]


class ReadingMetrics(BaseModel):
    estimated_reading_time: int = Field(ge=1)  # whole minutes, rounded up (the seed's field)
    # The same estimate in seconds, so a one-sentence chapter is not called "1 min read".
    estimated_reading_seconds: int = Field(0, ge=0)
    vocabulary_level: VocabularyLevel
    educational_elements: list[str]


# --- reading time -----------------------------------------------------------------------------

# Words per minute by age at an "intermediate" reading level; see `words_per_minute`.
_WPM_BY_AGE: dict[int, int] = {
    2: 40, 3: 45, 4: 50, 5: 55,  # read aloud by a grown-up, with pauses
    6: 60,  # grade 1
    7: 100,  # grade 2
    8: 112,  # grade 3
    9: 133,  # grade 4
    10: 146,  # grade 5
    11: 146,  # grade 6
    12: 150,  # grade 7
    13: 151, 14: 151,  # grade 8
}  # fmt: skip
_LEVEL_FACTOR: dict[str, float] = {"beginner": 0.8, "intermediate": 1.0, "advanced": 1.2}


def words_per_minute(age: int, reading_level: str) -> float:
    """Reading speed for a child of `age` (clamped to 2-14) at `reading_level`.

    ====  ===  ====================================================================
    age   wpm  where the figure comes from (rough by nature)
    ====  ===  ====================================================================
    2-5   40,  read *to* the child. Our choice, not a published norm: a picture-book
          45,  read-aloud runs far below adult speech (~150 wpm) once pauses for
          50,  pictures, questions and page turns are counted; never faster than
          55   the age-6 figure.
    6     60   oral reading fluency, 50th percentile, spring, US grade 1
    7     100  grade 2  (Hasbrouck & Tindal 2017, "An update to compiled ORF norms",
    8     112  grade 3   Behavioral Research & Teaching, University of Oregon;
    9     133  grade 4   the grade a child of that age is usually in)
    10    146  grade 5
    11    146  grade 6
    12    150  grade 7  (Hasbrouck & Tindal 2006, "Oral reading fluency norms",
    13-14 151  grade 8   The Reading Teacher 59(7))
    ====  ===  ====================================================================

    Reading level scales the figure: beginner x0.8, intermediate x1.0, advanced x1.2, roughly
    the distance from the median to the 25th / 75th percentile bands of the same norms.
    """
    age = min(max(int(age), min(_WPM_BY_AGE)), max(_WPM_BY_AGE))
    return _WPM_BY_AGE[age] * _LEVEL_FACTOR.get(reading_level, 1.0)


# --- words, sentences, syllables ------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"[.!?…]+|\n\s*\n")
_PYPHEN_LANGUAGES = {"en": "en_US", "fr": "fr", "de": "de_DE"}
_RU_VOWELS = frozenset("аеёиоуыэюя")
_ES_VOWEL_GROUP = re.compile(r"[aeiouáéíóúü]+|y(?![aeiouáéíóú])")
_ES_STRONG = frozenset("aeoáéíóú")  # an accented i/u is strong too: "rí-o", "ba-úl"


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _sentence_count(text: str) -> int:
    # Terminators followed by more text, plus a last sentence without one.
    parts = [p for p in _SENTENCE_END.split(text) if _WORD.search(p)]
    return max(1, len(parts))


@lru_cache(maxsize=8)
def _hyphenator(language: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=_PYPHEN_LANGUAGES[language])


def _syllables_pyphen(word: str, language: str) -> int:
    return len(_hyphenator(language).positions(word.lower())) + 1


def _syllables_spanish(word: str) -> int:
    # Spanish spelling is phonemic: one syllable per vowel group, plus one per hiatus between
    # two strong vowels ("po-e-ta", "le-ón").
    count = 0
    for group in _ES_VOWEL_GROUP.findall(word.lower()):
        strong = sum(1 for c in group if c in _ES_STRONG)
        count += 1 + max(0, strong - 1)
    return max(1, count)


def _syllables_russian(word: str) -> int:
    # A Russian syllable is exactly one vowel letter.
    return max(1, sum(1 for c in word.lower() if c in _RU_VOWELS))


def _syllables_hebrew(word: str) -> int:
    # Pyphen has no Hebrew dictionary and unpointed Hebrew does not write most vowels. Roughly one
    # syllable per 1.7 letters (ילד ye-led, ילדים ye-la-dim, הילדים ha-ye-la-dim, שלום sha-lom):
    # an estimate, good enough to compare texts with each other, not an exact count.
    letters = sum(1 for c in word if "\u05d0" <= c <= "\u05ea")
    return max(1, round(letters * 0.6))


_SYLLABLE_COUNTERS: dict[str, Callable[[str], int]] = {
    "en": lambda w: _syllables_pyphen(w, "en"),
    "fr": lambda w: _syllables_pyphen(w, "fr"),
    "de": lambda w: _syllables_pyphen(w, "de"),
    "es": _syllables_spanish,
    "ru": _syllables_russian,
    "he": _syllables_hebrew,
}


def count_syllables(word: str, language: str) -> int:
    if word.isdigit():
        return max(1, len(word))  # "2024": read as several syllables; rare in stories
    return _SYLLABLE_COUNTERS.get(language, _SYLLABLE_COUNTERS["en"])(word)


# --- readability --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Flesch:
    """Flesch Reading Ease in the form base - a*(words/sentence) - b*(syllables/word)."""

    base: float
    sentence_length: float
    syllables_per_word: float
    source: str


# Each language's published adaptation of Flesch Reading Ease (higher = easier).
_FORMULAS: dict[str, _Flesch] = {
    "en": _Flesch(206.835, 1.015, 84.6, "Flesch (1948)"),
    "es": _Flesch(206.84, 1.02, 60.0, "Fernández Huerta (1959), as corrected by Law (2011)"),
    "fr": _Flesch(207.0, 1.015, 73.6, "Kandel & Moles (1958)"),
    "de": _Flesch(180.0, 1.0, 58.5, "Amstad (1978)"),
    "ru": _Flesch(206.835, 1.3, 60.1, "Oborneva (2006)"),
    # No published syllable-based formula exists for Hebrew: Oborneva's constants (another
    # language of long, inflected words) on the letter-based syllable estimate; its thresholds
    # below carry the calibration.
    "he": _Flesch(206.835, 1.3, 60.1, "Oborneva (2006) constants on estimated syllables"),
}

# Reading ease -> vocabulary level: (beginner from, intermediate from), advanced below.
# English uses Flesch's own scale: 90+ "very easy" (picture books, early readers), 65-90 "easy" to
# "fairly easy" (chapter books), below 65 "standard" and harder. The adaptations are not on the
# same scale in practice (a simple Russian or Spanish sentence scores ~20 lower than its English
# translation), so each language's thresholds are shifted by the gap measured on parallel
# texts - the same simple, chapter-book and technical passages translated into all six
# languages, kept in tests/test_metrics.py: es -18, fr 0, de -13, ru -21, he -37.
_LEVEL_THRESHOLDS: dict[str, tuple[float, float]] = {
    "en": (90.0, 65.0),
    "es": (72.0, 47.0),
    "fr": (90.0, 65.0),
    "de": (77.0, 52.0),
    "ru": (69.0, 44.0),
    "he": (53.0, 28.0),
}


def reading_ease(text: str, language: str) -> float:
    """The language's Flesch-type reading ease (may exceed 100 for very simple text)."""
    words = [w for w in _words(text) if not w.isdigit()]
    if not words:
        return 100.0
    formula = _FORMULAS.get(language, _FORMULAS["en"])
    syllables = sum(count_syllables(w, language) for w in words)
    words_per_sentence = len(words) / _sentence_count(text)
    syllables_per_word = syllables / len(words)
    return (
        formula.base
        - formula.sentence_length * words_per_sentence
        - formula.syllables_per_word * syllables_per_word
    )


def _level(ease: float, language: str) -> VocabularyLevel:
    beginner_from, intermediate_from = _LEVEL_THRESHOLDS[language]
    if ease >= beginner_from:
        return "beginner"
    if ease >= intermediate_from:
        return "intermediate"
    return "advanced"


# --- educational elements -------------------------------------------------------------------


@dataclass(frozen=True)
class _Family:
    label: str
    strong: dict[str, str]  # language -> regex: one match is enough evidence
    weak: dict[str, str]  # language -> regex: distinct matches add up
    weak_needed: int = 2


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


# Patterns run on folded text (lower case, no accents; Russian й->и, ё->е). Hebrew words may
# carry one-letter prefixes (ו ה ב ל מ ש כ), hence no \b before Hebrew words.
# fmt: off
_FAMILIES: tuple[_Family, ...] = (
    _Family(
        "Counting",
        strong={
            "en": r"\bcount(?:s|ed|ing)?\b|\b(?:one|1),? (?:two|2),? (?:three|3)\b",
            "es": r"\bcont(?:o|aba|ar|aron|amos|ando|ó)\b(?! (?:un|una|la|el) (?:cuento|historia))|"
            r"\buno,? dos,? tres\b",
            "fr": r"\bcompt(?:e|er|ait|a|ons|aient|e?rent|ant)\b|\bun,? deux,? trois\b",
            "de": r"\bz[aä]hl(?:e|en|te|ten|t)\b|\beins,? zwei,? drei\b",
            "ru": r"\bсчита(?:л|ла|ли|ть|ет|ем|ю)\b|\bпосчита\w*|\bраз,? два,? три\b",
            "he": r"סופר(?:ת|ים)? (?:עד|את)|ספר(?:ה|ו)? עד|לספור|אחת,? שתיים,? שלוש",
        },
        weak={
            "en": r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|"
            r"[2-9]|[1-9]\d)\b",
            "es":
            r"\b(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|cien|[2-9]|"
            r"[1-9]\d)\b",
            "fr": r"\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt|cent|[2-9]|"
            r"[1-9]\d)\b",
            "de": r"\b(?:zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|zwanzig|hundert|"
            r"[2-9]|[1-9]\d)\b",
            "ru":
            r"\b(?:два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|двадцать|сто|[2-9]|"
            r"[1-9]\d)\b",
            "he":
            r"(?:שתיים|שניים|שתי|שני|שלוש|שלושה|ארבע|ארבעה|חמש|חמישה|שש|שישה|שבע|שבעה|שמונה|תשע|"
            r"תשעה|עשר|עשרה)\b",
        },
        weak_needed=3,
    ),
    _Family(
        "Kindness",
        strong={
            "en":
            r"\bkind(?:ness|ly)\b|\b(?:was|is|be|so|very|being) kind\b|\bshar(?:e|ed|es|ing)\b|"
            r"\bhelp(?:ed|s|ing)? (?:him|her|them|the|a|his|their)\b",
            "es":
            r"\bamabl(?:e|es)\b|\bbondad\b|\bcompart(?:ir|io|ieron|imos|e|en|iendo)\b|\bayud(?:o|"
            r"aron|aba|ar) a\b",
            "fr":
            r"\bgentil(?:le|les|s|lesse)?\b|\bpartag(?:e|er|ea|eait|eons|erent)\b|\baid(?:e|er|a|"
            r"ait|erent) (?:son|sa|ses|le|la|les)\b",
            "de":
            r"\bfreundlich(?:e|en|er|keit)?\b|\bteil(?:en|te|ten|t)\b|\bhalf (?:ihm|ihr|ihnen|dem|"
            r"der)\b|\bgeholfen\b",
            "ru":
            r"\bдобр(?:ый|ая|ое|ые|ота|оту)\b|\bподели(?:лся|лась|лись|ться)\b|\bпомо(?:г|гла|гли|"
            r"гать|чь)\b",
            "he": r"נדיב|טוב לב|חלק(?:ה|ו)? (?:את|עם)|עזר(?:ה|ו)? ל|לעזור",
        },
        weak={
            "en":
            r"\b(?:thank(?:ed|s)?|gentle|gently|hug(?:ged|s)?|comfort(?:ed)?|car(?:e|ed|ing) for|"
            r"gave)\b",
            "es": r"\b(?:gracias|abrazo|abrazo|cuido|regalo)\b",
            "fr": r"\b(?:merci|calin|consola|offrit|offert)\b",
            "de": r"\b(?:danke|umarmte|trostete|schenkte)\b",
            "ru": r"\b(?:спасибо|обнял|обняла|утешил|подарил|подарила)\b",
            "he": r"(?:תודה|חיבק|חיבקה|ניחם|נתן|נתנה)",
        },
    ),
    _Family(
        "Friendship",
        strong={
            "en": r"\bfriends?\b|\bfriendship\b|\bbudd(?:y|ies)\b",
            "es": r"\bamig(?:o|a|os|as|uit[oa]s?)\b|\bamistad\b",
            "fr": r"\bami(?:e|s|es)?\b|\bamitie\b|\bcopain(?:s)?\b|\bcopine(?:s)?\b",
            "de": r"\bfreund(?:e|in|innen|en|schaft)?\b",
            "ru": r"\bдруз(?:ья|ей|ьям|ьями)\b|\bдруг(?:а|у|ом)?\b|\bподруг\w*|\bдружб\w*",
            "he": r"חבר(?:ה|ים|ות)?\b|חברות|ידיד(?:ה|ים|ות)?\b",
        },
        weak={},
    ),
    _Family(
        "Problem solving",
        strong={
            "en":
            r"\bfigured? out\b|\bsolv(?:e|ed|es|ing)\b|\bsolution\b|\bpuzzle(?:d|s)?\b|\b(?:had|"
            r"has|got) an idea\b|\bmade a plan\b",
            "es": r"\bresolv(?:er|io|ieron|imos)\b|\bsolucion\b|\bacertijo\b|\btuvo una idea\b|"
            r"\bun plan\b",
            "fr":
            r"\bresoudre\b|\bresolu(?:t)?\b|\bsolution\b|\benigme\b|\beut une idee\b|\bun plan\b",
            "de":
            r"\bl[oö]s(?:en|te|ten|ung)\b|\bgel[oö]st\b|\br[aä]tsel\b|\beine idee\b|\beinen plan\b",
            "ru":
            r"\bреши(?:л|ла|ли|ть) (?:задач|загадк|проблем)\w*|\bзагадк\w*|\bпридума(?:л|ла|ли)\b|"
            r"\bплан\b",
            "he": r"פתר(?:ה|ו)?\b|פתרון|חידה|רעיון|תוכנית",
        },
        weak={
            "en":
            r"\b(?:tried|try again|idea|plan|clever|fix(?:ed)?|think|thought|experiment(?:ed)?)\b",
            "es": r"\b(?:intento|intentaron|idea|plan|ingenios[oa]|arreglo|penso)\b",
            "fr": r"\b(?:essaya|essaie|idee|plan|astucieu(?:x|se)|repara|reflechit)\b",
            "de": r"\b(?:versuchte|idee|plan|klug|reparierte|uberlegte|dachte)\b",
            "ru": r"\b(?:попробовал|попробовала|идея|план|умн\w+|починил|подумал)\b",
            "he": r"(?:ניסה|ניסתה|רעיון|תוכנית|חכם|תיקן|חשב)",
        },
    ),
    _Family(
        "Nature",
        strong={
            "en": r"\b(?:hibernat\w+|migrat\w+|habitat|nocturnal|pollen|pollinat\w+|species|"
            r"photosynthesis|seasons|roots|nectar|cocoon|tadpoles?|life cycle)\b|\bare called\b|"
            r"\blive in (?:families|groups|herds|packs|pods|colonies)\b",
            "es":
            r"\b(?:hiberna\w*|migra\w*|habitat|nocturn[oa]s?|polen|polinizan|especies|estaciones|"
            r"raices|nectar|capullo|renacuajos?)\b|\bse llaman\b",
            "fr":
            r"\b(?:hiberne\w*|migr\w+|habitat|nocturnes?|pollen|especes|saisons|racines|nectar|"
            r"cocon|tetards?)\b|\bs'appellent\b",
            "de": r"\b(?:winterschlaf|zugvogel|lebensraum|nachtaktiv\w*|pollen|arten|jahreszeiten|"
            r"wurzeln|nektar|kokon|kaulquappen?)\b|\bnennt man\b",
            "ru": r"\b(?:спячк\w+|миграц\w+|перелетн\w+|обитают|ночн(?:ые|ой) животн\w+|пыльц\w+|"
            r"нектар\w*|кокон\w*|головастик\w*|корни|времена года)\b",
            "he":
            r"(?:תרדמת חורף|נודד|נודדות|בית גידול|לילי|אבקה|צוף|גולם|ראשנים|עונות השנה|שורשים)",
        },
        weak={
            "en": r"\b(?:trees?|forest|flowers?|plants?|seeds?|rivers?|ocean|sea|mountains?|birds?|"
            r"bees?|butterfl(?:y|ies)|leaves|whales?|insects?|nests?|garden)\b",
            "es":
            r"\b(?:arbol(?:es)?|bosque|flor(?:es)?|plantas?|semillas?|rio|mar|oceano|montanas?|"
            r"pajaros?|abejas?|mariposas?|hojas|ballenas?|nido)\b",
            "fr":
            r"\b(?:arbres?|foret|fleurs?|plantes?|graines?|riviere|mer|ocean|montagnes?|oiseaux|"
            r"oiseau|abeilles?|papillons?|feuilles|baleines?|nid)\b",
            "de":
            r"\b(?:baum|baume|wald|blumen?|pflanzen?|samen|fluss|meer|ozean|berge?|vogel|vogeln|"
            r"bienen?|schmetterlinge?|blatter|wale?|nest)\b",
            "ru":
            r"\b(?:дерев\w+|лес\w*|цвет(?:ы|ок|ов)|растени\w+|семен\w+|рек\w+|мор[еяю]|океан\w*|"
            r"гор[аыу]|птиц\w*|пчел\w*|бабочк\w+|листь\w+|кит\w*|гнезд\w*)\b",
            "he": r"(?:עצים|עץ|יער|פרחים|פרח|צמחים|זרעים|נהר|ים|אוקיינוס|הרים|ציפורים|ציפור|דבורים|"
            r"פרפרים|עלים|לווייתן|קן)",
        },
        weak_needed=3,
    ),
    _Family(
        "Colours",
        strong={
            "en": r"\bcolou?rs?\b|\brainbow\b",
            "es": r"\bcolor(?:es)?\b|\barcoiris\b",
            "fr": r"\bcouleurs?\b|\barc-en-ciel\b",
            "de": r"\bfarben?\b|\bregenbogen\b",
            "ru": r"\bцвет(?:а|ов|ами)\b|\bрадуг\w+",
            "he": r"צבע(?:ים)?\b|קשת בענן",
        },
        weak={
            "en": r"\b(?:red|blue|green|yellow|purple|pink|orange|brown|violet)\b",
            "es": r"\b(?:roj[oa]s?|azul(?:es)?|verdes?|amarill[oa]s?|morad[oa]s?|rosas?|naranjas?|"
            r"marron)\b",
            "fr":
            r"\b(?:rouges?|bleu(?:e|s|es)?|verte?s?|jaunes?|violette?s?|roses?|orange|marron)\b",
            "de":
            r"\b(?:rot(?:e|en|er)?|blau(?:e|en|er)?|grun(?:e|en|er)?|gelb(?:e|en|er)?|lila|rosa|"
            r"orange)\b",
            "ru": r"\b(?:красн\w+|син(?:ий|яя|ее|ие|его)|зелен\w+|желт\w+|фиолетов\w+|розов\w+|"
            r"оранжев\w+)\b",
            "he":
            r"(?:אדום|אדומה|כחול|כחולה|ירוק|ירוקה|צהוב|צהובה|סגול|סגולה|ורוד|ורודה|כתום|כתומה)",
        },
        weak_needed=3,
    ),
    _Family(
        "Emotions",
        strong={
            "en": r"\bfeel(?:s|ing|ings)?\b|\bfelt\b|\bemotions?\b",
            "es": r"\bsinti(?:o|eron)\b|\bsentimientos?\b|\bemocion(?:es)?\b|\bse sentia\b",
            "fr": r"\bse sent(?:ait|it|ent|ir)\b|\bsentiments?\b|\bemotions?\b",
            "de": r"\bf[uü]hl(?:te|ten|t|en)\b|\bgef[uü]hle?\b",
            "ru": r"\bчувств\w*|\bэмоци\w*",
            "he": r"הרגיש(?:ה|ו)?\b|רגשות|רגש\b",
        },
        weak={
            "en":
            r"\b(?:happy|sad|angry|scared|afraid|nervous|worried|excited|proud|lonely|jealous|"
            r"frustrated|calm|upset)\b",
            "es": r"\b(?:feliz|triste|enfadad[oa]|enojad[oa]|asustad[oa]|nervios[oa]|preocupad[oa]|"
            r"emocionad[oa]|orgullos[oa]|sol[oa]|tranquil[oa])\b",
            "fr": r"\b(?:heureu(?:x|se)|triste|en colere|effraye(?:e)?|nerveu(?:x|se)|inquiete?|"
            r"excite(?:e)?|fiere?|seule?|calme)\b",
            "de":
            r"\b(?:glucklich|traurig|wutend|angst|nervos|besorgt|aufgeregt|stolz|einsam|ruhig)\b",
            "ru": r"\b(?:счастлив\w*|грустн\w*|сердит\w*|испуга\w*|нервнича\w*|волнова\w*|горд\w*|"
            r"одинок\w*|спокойн\w*|рад|рада)\b",
            "he":
            r"(?:שמח|שמחה|עצוב|עצובה|כועס|כועסת|מפוחד|מפוחדת|לחוץ|לחוצה|מודאג|מודאגת|נרגש|נרגשת|"
            r"גאה|בודד|בודדה|רגוע|רגועה)",
        },
    ),
    _Family(
        "Courage",
        strong={
            "en":
            r"\bbrave(?:ly|ry|r|st)?\b|\bcourage(?:ous)?\b|\bfaced? (?:her|his|their) fears?\b",
            "es": r"\bvalient(?:e|es|emente)\b|\bvalor\b|\bcoraje\b",
            "fr": r"\bcourage(?:ux|use|usement)?\b|\bbrave(?:s)?\b",
            "de": r"\bmutig(?:e|en|er)?\b|\bmut\b|\btapfer(?:e|en|er|keit)?\b",
            "ru": r"\bсмел\w*|\bхрабр\w*|\bотваг\w*",
            "he": r"אמיץ|אמיצה|אומץ|גבורה",
        },
        weak={},
    ),
    _Family(
        "Teamwork",
        strong={
            "en": r"\bteam(?:work|mates?)?\b|\bworked together\b|\btogether (?:they|we)\b|"
            r"\bhelped each other\b",
            "es": r"\bequipo\b|\btrabajaron juntos\b|\bjuntos\b.*\blograron\b|\bse ayudaron\b",
            "fr": r"\bequipe\b|\bensemble,? (?:ils|elles|nous)\b|\bs'entraiderent\b|"
            r"\btravaillerent ensemble\b",
            "de": r"\bteam(?:arbeit)?\b|\bgemeinsam\b|\bzusammen (?:schafften|bauten|arbeiteten)\b|"
            r"\bhalfen sich\b",
            "ru": r"\bкоманд\w+|\bвместе (?:они|мы)\b|\bсообща\b|\bпомогали друг другу\b",
            "he": r"צוות|עבודת צוות|ביחד|יחד הם|עזרו זה לזה",
        },
        weak={},
    ),
    _Family(
        "Honesty",
        strong={
            "en": r"\bhonest(?:y|ly)?\b|\b(?:told|tell|telling) the truth\b|\btruth\b",
            "es": r"\bhonest(?:o|a|idad)\b|\bla verdad\b",
            "fr": r"\bhonnete(?:s|te)?\b|\bla verite\b",
            "de": r"\behrlich(?:e|en|keit)?\b|\bdie wahrheit\b",
            "ru": r"\bчестн\w*|\bправд\w*",
            "he": r"כנות|כן ואמיתי|האמת|אמר(?:ה)? את האמת",
        },
        weak={},
    ),
    _Family(
        "Patience",
        strong={
            "en": r"\bpatien(?:t|ce|tly)\b|\bstep by step\b|\btook turns\b|\btake turns\b",
            "es": r"\bpacien(?:te|cia|temente)\b|\bpaso a paso\b|\bpor turnos\b",
            "fr": r"\bpatien(?:t|te|ce|ment)\b|\bpas a pas\b|\bchacun son tour\b",
            "de": r"\bgeduld(?:ig)?\b|\bschritt f[uü]r schritt\b|\babwechselnd\b",
            "ru": r"\bтерпени\w*|\bтерпелив\w*|\bшаг за шагом\b|\bпо очереди\b",
            "he": r"סבלנות|סבלני|סבלנית|צעד אחר צעד|בתורות",
        },
        weak={},
    ),
    _Family(
        "Science",
        strong={
            "en": r"\bscien(?:ce|tist|tists|tific)\b|\bexperiments?\b|\bgravity\b|\bmagnets?\b|"
            r"\btelescopes?\b|\bmicroscopes?\b|\bplanets?\b|\bsolar system\b|\boxygen\b|"
            r"\bfossils?\b|\bvolcano(?:es)?\b|\belectricity\b",
            "es":
            r"\bcienci(?:a|as)\b|\bcientific[oa]s?\b|\bexperimentos?\b|\bgravedad\b|\bimanes?\b|"
            r"\btelescopios?\b|\bmicroscopios?\b|\bplanetas?\b|\bsistema solar\b|\boxigeno\b|"
            r"\bfosiles?\b|\bvolcan(?:es)?\b",
            "fr": r"\bscien(?:ce|ces|tifique|tifiques)\b|\bexperiences?\b|\bgravite\b|\baimants?\b|"
            r"\btelescopes?\b|\bmicroscopes?\b|\bplanetes?\b|\bsysteme solaire\b|\boxygene\b|"
            r"\bfossiles?\b|\bvolcans?\b",
            "de": r"\bwissenschaft\w*|\bexperiment(?:e)?\b|\bschwerkraft\b|\bmagnet(?:e)?\b|"
            r"\bteleskop(?:e)?\b|\bmikroskop(?:e)?\b|\bplanet(?:en)?\b|\bsonnensystem\b|"
            r"\bsauerstoff\b|\bfossilien\b|\bvulkan(?:e)?\b",
            "ru": r"\bнаук\w*|\bучен(?:ый|ые|ая)\b|\bэксперимент\w*|\bгравитац\w*|\bмагнит\w*|"
            r"\bтелескоп\w*|\bмикроскоп\w*|\bпланет\w*|\bсолнечн\w+ систем\w+|\bкислород\w*|"
            r"\bокаменелост\w*|\bвулкан\w*",
            "he": r"מדע|מדען|מדענית|ניסוי|כוח המשיכה|מגנט|טלסקופ|מיקרוסקופ|כוכב לכת|כוכבי לכת|"
            r"מערכת השמש|חמצן|מאובנ|הר געש",
        },
        weak={},
    ),
)
# fmt: on
EDUCATIONAL_LABELS: tuple[str, ...] = tuple(f.label for f in _FAMILIES)
_MAX_ELEMENTS = 5


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(_fold(pattern))  # folded like the text it runs on


def _educational_elements(text: str, language: str) -> list[str]:
    folded = _fold(text)
    found: list[tuple[int, int, str]] = []  # (-evidence, family order, label)
    for order, family in enumerate(_FAMILIES):
        strong_pattern = family.strong.get(language) or family.strong["en"]
        strong = len({m.group() for m in _compiled(strong_pattern).finditer(folded)})
        weak_pattern = family.weak.get(language) or family.weak.get("en")
        weak = (
            len({m.group() for m in _compiled(weak_pattern).finditer(folded)})
            if weak_pattern
            else 0
        )
        if strong or weak >= family.weak_needed:
            found.append((-(2 * strong + weak), order, family.label))
    # The strongest evidence wins a place; the answer keeps the fixed family order.
    chosen = sorted(found)[:_MAX_ELEMENTS]
    return [label for _, _, label in sorted(chosen, key=lambda item: item[1])]


def reading_seconds(text: str, *, age: int, reading_level: str) -> int:
    """How long the child takes to read `text`, in whole seconds."""
    return math.ceil(len(_words(text)) * 60 / words_per_minute(age, reading_level))


# --- the entry point -------------------------------------------------------------------------

_LANGUAGES = frozenset(_FORMULAS)


def compute_metrics(text: str, *, age: int, reading_level: str, language: str) -> ReadingMetrics:
    """Reading time, vocabulary level and educational elements of a story, offline."""
    language = (language or "en").lower().replace("_", "-").split("-")[0]
    if language not in _LANGUAGES:
        language = "en"
    seconds = reading_seconds(text, age=age, reading_level=reading_level)
    return ReadingMetrics(
        estimated_reading_time=max(1, math.ceil(seconds / 60)),
        estimated_reading_seconds=seconds,
        vocabulary_level=_level(reading_ease(text, language), language),
        educational_elements=_educational_elements(text, language),
    )
