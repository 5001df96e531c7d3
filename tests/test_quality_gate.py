"""The quality gate's checks on their own: good chapters in every language pass, each kind of
broken chapter fails with the check that caught it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from talestream.generation.schemas import ChapterEnding
from talestream.quality import check_chapter, check_sentence
from talestream.safety import split_sentences

GOOD: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "quality" / "good.json").read_text(encoding="utf-8")
)
LANGUAGES = sorted(GOOD)
# The two chapters a parent was shown as a success before the gate existed (issue 9).
MIA_OWL = (
    "Mia is an old-fashioned book that's not as flashy as modern fiction… She can talk in "
    "Latin… There are no words to tell them how happy Mia feels because Mia doesn't have any "
    'clothes except for these little pieces called "lions"… That\'s why we need the LIONSSY!!!!'
)
MIA_CHOICES = (
    "…She speaks in",
    "…she doesn't need to be scared anymore! She can just love them asl",
)
LUCAS_SAVED = "Story: 1"
LUCAS_QUESTION = "¿Puedo establecer una cosa más importante algo para el niño?"


def ending(question: str, *choices: str) -> ChapterEnding:
    return ChapterEnding.model_validate(
        {"choice_question": question, "choices": [{"text": c} for c in choices]}
    )


def chapter(language: str, **changes: Any) -> set[str]:
    """The failed checks of the good chapter in `language` with some parts replaced."""
    case = {**GOOD[language], **changes}
    result = check_chapter(
        case["text"],
        ending(case["question"], *case["choices"]),
        language=case.get("language", language),
        expected_words=case.get("expected_words", 60),
        hero=case["hero"],
        topics=[case["theme"]],
    )
    assert result.passed == (not result.issues)
    return result.failed_checks


def sentences(text: str) -> list[str]:
    done, rest = split_sentences(text)
    return [s for s in [*done, rest] if s.strip()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_good_chapters_pass_in_every_language(language: str) -> None:
    assert chapter(language) == set()
    told: list[str] = []
    for sentence in sentences(GOOD[language]["text"]):
        assert check_sentence(sentence, language=language, earlier=told).passed, sentence
        told.append(sentence)


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_an_english_chapter_for_another_language_fails(language: str) -> None:
    assert "language" in chapter(language, text=GOOD["en"]["text"].replace("Mia", "X"))
    first = sentences(GOOD["en"]["text"])[1]
    assert check_sentence(first, language=language).failed_checks == {"language"}


def test_spanish_for_a_french_reader_fails_sentence_by_sentence() -> None:
    first = sentences(GOOD["es"]["text"])[0]
    assert check_sentence(first, language="fr").failed_checks == {"language"}


def test_short_sentences_and_names_are_not_judged_for_language() -> None:
    assert check_sentence("Oh, Mia!", language="ru").passed
    assert check_sentence("Hop! ", language="he").passed


@pytest.mark.parametrize(
    "sentence",
    [
        "The owl said hello hello hello to everyone.",
        "They ran and ran and ran and ran up the hill.",
        "It was so big and round big and round big and round.",
        "Wheeeeeeeeee went the wind.",
        "That's why we need the owl!!!!",
    ],
)
def test_degenerate_repetition_stops_a_sentence(sentence: str) -> None:
    assert "repetition" in check_sentence(sentence, language="en").failed_checks


@pytest.mark.parametrize(
    "sentence",
    [
        'He was named "Bearlohgahkaihongghalakangelagadigelljogggilaghuggla."',
        "They talked with other birds like us butonlyifelllHgahkai",
        "This is why Bugs got this name- ThewolfogloMohgalakj",
        "The Lost Owl looks at Mia and heinkslotsributesitm",
    ],
)
def test_letter_salad_stops_a_sentence(sentence: str) -> None:
    """Real output of the bundled model (docs/quality.md)."""
    assert check_sentence(sentence, language="en").failed_checks == {"nonsense"}


def test_long_german_compounds_and_sounds_are_words() -> None:
    assert check_sentence("Der Dampfschifffahrtskapitän winkte.", language="de").passed
    assert check_sentence("Zzzz, snored the bear. Wheeee!", language="en").passed


def test_a_sentence_told_twice_fails_but_natural_echoes_pass() -> None:
    told = ["Mia looked up at the tall oak tree."]
    assert not check_sentence(
        "Mia looked up at the tall oak tree.", language="en", earlier=told
    ).passed
    assert check_sentence("No, no, no, said the little owl.", language="en", earlier=told).passed
    assert check_sentence("Ha ha ha, laughed Mia.", language="en", earlier=told).passed


def test_a_looping_chapter_fails() -> None:
    loop = "Mia saw the owl in the tree and she was happy. " * 6
    assert "repetition" in chapter("en", text=GOOD["en"]["text"] + " " + loop)


@pytest.mark.parametrize(
    "sentence",
    [
        "Story details: Title: Mia and the owl.",
        "Title: Mia and the Lost Owl",
        "Theme: a lost owl",
        "Write chapter 2 in English.",
        "As an AI language model, I cannot write that.",
        "Here is the story you asked for.",
        "<|im_start|>assistant Mia walked.",
        "## Chapter One",
        "Mia said **hello** to the owl.",
        "- Mia climbs the tree",
        '{"choice_question": "What next?"}',
        "That's why we need the LIONSSY.",
        'Bella: "This is amazing!" said Bella.',
        'The story is called "The Lost Owl", which means this.',
    ],
)
def test_prompt_echo_and_markup_stop_a_sentence(sentence: str) -> None:
    assert "echo" in check_sentence(sentence, language="en").failed_checks


def test_a_chapter_far_shorter_than_asked_fails() -> None:
    assert chapter("en", expected_words=60) == set()
    assert chapter("en", expected_words=400) == {"length"}


def test_losing_the_hero_or_the_theme_fails() -> None:
    assert chapter("en", hero="Lucas") == {"hero"}
    assert chapter("en", theme="a friendly dragon") == {"theme"}
    # Loose stems find inflected forms: "Маше" in the question is not needed, "волшебному" is.
    assert chapter("ru", theme="волшебные деревья") == set()
    assert chapter("he", theme="הכוכב") == set()


@pytest.mark.parametrize(
    ("choices", "why"),
    [
        (MIA_CHOICES, "real fragments"),
        (("Climb the hill with the", "Ask the fox"), "ends on an article"),
        (("Climb the hill...", "Ask the fox"), "trailing ellipsis"),
        (("Climb the hill", "climb the hill"), "duplicate"),
        (("Mia went home. Then she slept and dreamt of owls", "Ask the fox"), "prose"),
        (("Climb " + "very " * 22 + "high", "Ask the fox"), "too long"),
        # Real choices of the guided bundled model that the first gate let through.
        (("Ask the fox", "In this story we will be exploring different-themed\u201dCho"), "junk"),
        (("Ask the fox", "The best part is that they are going/to have/beget/"), "slashes"),
        (("Ask the fox", "They are dragon-like creatures sometimes called Dragons"), "no action"),
        (("Ask the fox", "Who is different from humans and animals like"), "dangling like"),
        (("Climb " + "very " * 22 + "hig", "Ask the fox"), "hit the 120-character limit"),
    ],
)
def test_bad_choices_fail(choices: tuple[str, ...], why: str) -> None:
    assert chapter("en", choices=list(choices)) == {"choices"}, why


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Mia climbs the tree.", "en"),
        ("Is the sky blue?", "en"),
        (LUCAS_QUESTION, "es"),
        ("Where should Mia go", "en"),
        ("What is the Lost Owl's favorite animal?", "en"),  # real bundled-model output
    ],
)
def test_questions_must_ask_what_happens_next(question: str, language: str) -> None:
    assert "question" in chapter(language, question=question)


def test_the_real_mia_chapter_fails() -> None:
    failed = chapter("en", text=MIA_OWL, choices=list(MIA_CHOICES), expected_words=180)
    assert {"theme", "choices", "length", "echo"} <= failed
    last = sentences(MIA_OWL)[-1]
    assert not check_sentence(last, language="en").passed


def test_the_real_lucas_chapters_fail() -> None:
    spanish = {"hero": "Lucas", "theme": "un dragón amable"}
    failed = chapter("es", text=LUCAS_SAVED, question=LUCAS_QUESTION, **spanish)
    assert {"length", "echo", "hero", "theme", "question"} <= failed
    gibberish = "Elle. Es un llamado de la clausura, una criada en el que aun parecía al amebe…"
    assert {"hero", "theme"} <= chapter("es", text=gibberish, **spanish)
