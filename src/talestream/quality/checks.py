"""The quality checks, each a pure function from text to a list of issues (empty = fine).

Sentence checks are cheap enough to run on every sentence as it streams, so a broken chapter
stops early; chapter checks look at the whole text and its ending once, before the save.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from talestream.generation.schemas import ChapterEnding
from talestream.quality import language as lang
from talestream.quality.result import Check, QualityIssue
from talestream.quality.words import FUNCTION_WORDS, content_words, mentions, words

# A sentence this short says too little for a language verdict (names, "Oh!", "Yes, Mia.").
SENTENCE_LANGUAGE_MIN_WORDS = 4
# Correct sentences of the measured set never scored below 0.32 for their own language.
SENTENCE_LANGUAGE_MIN_CONFIDENCE = 0.1
# A chapter shorter than this share of the words it was asked for is not a chapter.
MIN_LENGTH_SHARE = 0.4
# Share of repeated 4-word sequences above which a chapter is looping, not telling.
MAX_REPEATED_4GRAMS = 0.2
MAX_CHOICE_WORDS = 14
# What a choice may hold besides letters and spaces: apostrophes, a hyphen, a final mark.
_CHOICE_ODD = re.compile(r"[^\w\s'\u2019-]|\d|_|--|(?<!\w)-|-(?!\w)")
# A choice this long ran into the schema's 120-character limit: it was cut, not finished.
CHOICE_CUT_CHARS = 118

_EXCERPT = 60
# "!!!!", "----", "ssssss": a letter may run a little ("Wheeee!", "Zzzz"), punctuation may not.
_CHAR_RUN = re.compile(r"([^\W\d_])\1{5,}|([!?.,*~=_-])\2{3,}")
_LONG_WORD = re.compile(r"[^\W\d_]{6,}")
# Longer than any word a children's story needs (German compounds get more room).
_MAX_WORD_LETTERS = {"en": 17, "de": 30, "ru": 24}
_DEFAULT_MAX_WORD_LETTERS = 20
_CASE_SWITCH = re.compile(r"[^\W\d_]*[a-zà-ÿа-я][A-ZÀ-ÞА-Я][^\W\d_]*")  # "butonlyifelllHgahkai"
_MARKUP = re.compile(
    r"<\|?/?[a-zA-Z_][\w|]*[^>]*>|```|\*\*|__|^\s*(?:#+\s|[-*•]\s|\d+[.)]\s|[{\[|>])|https?://|\{\s*\"",
    re.MULTILINE,
)
# Labels and instructions of our own prompts (English whatever the story's language), and the
# assistant-speak a small model falls into instead of telling the story.
_ECHO = re.compile(
    r"^\s*(?:title|theme|hero|idea|story|chapter|choices?|options?|question|answer|the reader "
    r"(?:likes|chose)|story details)\s*\d*\s*:"
    r"|^\s*[^\W\d_]+:\s*[\"“«„]"  # a script's speaker label: 'Bella: "This is amazing!"'
    r"|\b(?:the story is called|in this (?:story|chapter) we|this story is about)\b"
    r"|\b(?:story details|kind storyteller|write chapter|write only the story|year-old "
    r"(?:beginner|intermediate|advanced) reader|treat every quoted value|as an ai\b|language "
    r"model|here is (?:a|the|your) (?:story|chapter)|i hope you enjoy)",
    re.IGNORECASE | re.MULTILINE,
)
# How each language asks what happens next: the question's first word(s).
_NEXT_QUESTION = {
    "en": r"what|where|which|how|who|should|will|would|can|could|do|does|shall",
    "es": r"qu[eé]|cu[aá]l|d[oó]nde|ad[oó]nde|c[oó]mo|qui[eé]n|deber[ií]a|debe|va|van|podr[ií]a",
    "fr": r"que|qu['\u2019]|quel|quelle|quels|quelles|o[uù]|comment|qui|doit|devrait|va|vont"
    r"|est-ce",
    "de": r"was|wo|wohin|wie|welche[rsn]?|wer|soll|sollte|sollen|wird|werden|kann",
    "ru": r"что|куда|как|кто|какой|какую|где|чем|стоит|должен|должна|пойд[её]т|будет",
    "he": r"מה|לאן|איך|מי|איזה|איזו|האם|כיצד|היכן|במה|אם",
}


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"


def _issue(check: Check, detail: str) -> QualityIssue:
    return QualityIssue.model_construct(check=check, detail=detail)


# -- per sentence ---------------------------------------------------------------------------------


def _sentence_key(sentence: str) -> str:
    """A sentence without case, spacing and punctuation; numbers kept ("step 1" != "step 2")."""
    return " ".join(re.findall(r"\w+", sentence.casefold()))


def sentence_language(sentence: str, language: str) -> list[QualityIssue]:
    if len(words(sentence)) < SENTENCE_LANGUAGE_MIN_WORDS:
        return []
    if lang.confidence(sentence, language) >= SENTENCE_LANGUAGE_MIN_CONFIDENCE:
        return []
    found = lang.detect(sentence) or "unknown"
    return [_issue("language", f"sentence in {found}, not {language}: {_excerpt(sentence)!r}")]


def sentence_repetition(sentence: str, earlier: Sequence[str]) -> list[QualityIssue]:
    """A word or short phrase said three times running, a character run, or a sentence that
    was already told."""
    if run := _CHAR_RUN.search(sentence):
        return [_issue("repetition", f"repeated characters {run.group(0)!r}")]
    tokens = words(sentence)
    for size in (1, 2, 3):
        for start in range(len(tokens) - 3 * size + 1):
            gram = tokens[start : start + size]
            if gram == tokens[start + size : start + 2 * size] == tokens[
                start + 2 * size : start + 3 * size
            ] and not (size == 1 and len(gram[0]) <= 3):  # "no, no, no" and "ha ha ha" are fine
                return [_issue("repetition", f"{' '.join(gram)!r} three times in a row")]
    key = _sentence_key(sentence)
    if len(tokens) >= 4 and any(_sentence_key(e) == key for e in earlier):
        return [_issue("repetition", f"sentence told twice: {_excerpt(sentence)!r}")]
    return []


def nonsense_words(text: str, language: str) -> list[QualityIssue]:
    """Letter salad a small model sometimes writes: a word far too long for any story, or one
    whose capitals jump into the middle ("ThewolfogloMohgalakj")."""
    longest = _MAX_WORD_LETTERS.get(language, _DEFAULT_MAX_WORD_LETTERS)
    for word in _LONG_WORD.findall(text):
        if len(word) > longest:
            return [_issue("nonsense", f"no such word: {_excerpt(word)!r}")]
        if len(word) >= 8 and _CASE_SWITCH.fullmatch(word):
            return [_issue("nonsense", f"no such word: {word!r}")]
    return []


def echo_or_markup(text: str) -> list[QualityIssue]:
    """Our prompt's labels or instructions, assistant-speak, markup or shouting."""
    if found := _ECHO.search(text):
        return [_issue("echo", f"prompt echo {found.group(0).strip()!r}")]
    if found := _MARKUP.search(text):
        return [_issue("echo", f"markup {found.group(0).strip()!r}")]
    for word in _LONG_WORD.findall(text):
        if word.isupper():  # "LIONSSY": a long all-capitals word is shouting or junk
            return [_issue("echo", f"shouting {word!r}")]
    return []


# -- whole chapter --------------------------------------------------------------------------------


def chapter_language(text: str, language: str) -> list[QualityIssue]:
    found = lang.detect(text)
    if found is None or found == language or language not in lang.SUPPORTED:
        return []
    return [_issue("language", f"chapter is in {found}, not {language}")]


def chapter_length(text: str, expected_words: int) -> list[QualityIssue]:
    count = len(words(text))
    needed = int(expected_words * MIN_LENGTH_SHARE)
    if count >= needed:
        return []
    return [_issue("length", f"{count} words, far short of the {expected_words} asked for")]


def chapter_repetition(text: str) -> list[QualityIssue]:
    """Degenerate looping: the share of 4-word sequences that already occurred."""
    tokens = words(text)
    grams = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
    if len(grams) < 10:
        return []
    repeated = sum(n - 1 for n in Counter(grams).values())
    share = repeated / len(grams)
    if share <= MAX_REPEATED_4GRAMS:
        return []
    return [_issue("repetition", f"{share:.0%} of its 4-word phrases repeat")]


def hero_and_theme(
    text: str, language: str, *, hero: str | None, topics: Sequence[str]
) -> list[QualityIssue]:
    """The hero is named, and at least one content word of the theme (or idea) comes up."""
    seen = set(words(text))
    issues = []
    if hero:
        names = content_words(hero, language) or words(hero)
        if names and not any(mentions(seen, name, language) for name in names):
            issues.append(_issue("hero", f"never names the hero {hero!r}"))
    wanted = [w for topic in topics for w in content_words(topic, language)]
    if wanted and not any(mentions(seen, w, language) for w in wanted):
        issues.append(_issue("theme", f"never mentions {', '.join(repr(t) for t in topics)}"))
    return issues


_LOOKS_AHEAD = re.compile(
    r"\b(?:should|will|would|could|can|shall|might|next|now|then|do|does|going to|happen)\b",
    re.IGNORECASE,
)
# How an English remark starts, as opposed to a choice of what to do.
_REMARK_WORDS = "i i'm we they he she it this that these those there who is are was were"
_STATEMENT_STARTS = frozenset(_REMARK_WORDS.split())


def asks_what_next(question: str, language: str) -> bool:
    """A question (it ends in "?") that opens like one about what happens next (and in English
    also looks ahead: "What is the owl's favourite animal?" does not)."""
    opener = _NEXT_QUESTION.get(language, _NEXT_QUESTION["en"])
    stripped = question.strip().lstrip("¿¡\"'« ")
    if language == "en" and not _LOOKS_AHEAD.search(stripped):
        return False
    return question.rstrip().endswith(("?", "\uff1f")) and bool(
        re.match(rf"(?:{opener})(?![^\W\d_])", stripped, re.IGNORECASE)
    )


def ending_quality(ending: ChapterEnding, language: str) -> list[QualityIssue]:
    """The question asks what happens next; the choices are whole, distinct, short actions."""
    issues = []
    question = " ".join(ending.choice_question.split())
    if not asks_what_next(question, language):
        issues.append(_issue("question", f"not a what-happens-next question: {question!r}"))
    issues.extend(echo_or_markup(question))
    seen: set[str] = set()
    ends = FUNCTION_WORDS.get(language, FUNCTION_WORDS["en"])
    for choice in ending.choices:
        text = " ".join(choice.text.split())
        tokens = words(text)
        key = " ".join(tokens)
        problem = None
        if not tokens:
            problem = "has no words"
        elif key in seen:
            problem = "is a duplicate"
        elif text.startswith(("…", "...", ",", ";")):
            problem = "starts mid-sentence"
        elif (
            text.endswith(("…", "...", ",", ";", ":", "-"))
            or tokens[-1] in ends
            or len(text) >= CHOICE_CUT_CHARS
        ):
            problem = "is cut off"
        elif len(tokens) > MAX_CHOICE_WORDS or re.search(r"[.!?]\s+\S", text):
            problem = "is prose, not a choice"
        elif _CHOICE_ODD.search(text.rstrip("!.?")):
            problem = "has odd characters"
        elif language == "en" and (tokens[0] in _STATEMENT_STARTS or key.startswith("in this")):
            # English choices are things to do or places to go ("Climb the hill", "To the
            # island"), not remarks: "They are going", "In this story we will be exploring".
            problem = "is not something to do"
        elif odd := echo_or_markup(text) or nonsense_words(text, language):
            problem = odd[0].detail
        seen.add(key)
        if problem:
            issues.append(_issue("choices", f"choice {problem}: {_excerpt(text)!r}"))
    return issues
