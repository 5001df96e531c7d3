"""Harm frames: words that are harmless alone and harmful together.

"snapped" and "neck" are each ordinary story words; "snapped his neck" is not. Each language's
lexicon module lists concepts (`CONCEPTS`: injury action, body part, a request to the reader,
personal data, secrecy, grown-ups, a group of people, a generalising insult, eating less, ...);
a frame is a set of concepts that must all occur, either in one sentence or within a sentence
and the one before it (so harm spread over two sentences is stopped before the second one is
shown). Concepts are found by the lexicon matcher in the same pass as the lexicon's words
(`matcher.hits_in`), and each sentence's concepts are cached: judging it with its predecessor
costs nothing extra.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from talestream.safety.core.matcher import hits_in, matcher_for
from talestream.safety.core.normalize import fold
from talestream.safety.core.scan import clip
from talestream.safety.lexicon import SUPPORTED_LANGUAGES
from talestream.safety.result import SafetyIssue, Severity

__all__ = ["FRAMES", "Frame", "FrameDetector", "shared_frames"]


@dataclass(frozen=True, slots=True)
class Frame:
    category: str
    name: str
    needs: frozenset[str]  # every one of these concepts
    window: bool = False  # may the concepts be spread over the sentence and the one before it?
    unless: frozenset[str] = field(default_factory=frozenset)  # none of these may occur
    severity: Severity = "high"


def _frame(
    category: str, name: str, *needs: str, window: bool = False, unless: tuple[str, ...] = ()
) -> Frame:
    return Frame(category, name, frozenset(needs), window, frozenset(unless))


FRAMES: tuple[Frame, ...] = (
    _frame("violence", "injury", "injury_action", "body_part", unless=("joint_crack",)),
    _frame("violence", "maiming", "maiming"),
    _frame("violence", "cruelty narrated with enjoyment", "enjoy", "suffering", window=True),
    _frame("fear", "death threat", "death_threat"),
    _frame("fear", "body horror", "body_remains", "food"),
    _frame("fear", "body horror", "body_horror"),
    _frame("personal_data", "asks for personal data", "ask_reader", "personal_info", window=True),
    _frame("personal_data", "a reward for personal data", "bribe", "personal_info", window=True),
    # A stranger asking which school; not a dentist with the mother there, not a new classmate.
    _frame(
        "personal_data",
        "asks which school",
        "asks_school",
        window=True,
        unless=("trusted_adult", "peer"),
    ),
    _frame(
        "personal_data",
        "secrecy from grown-ups",
        "secrecy",
        "grown_ups",
        window=True,
        unless=("surprise",),
    ),
    _frame("hate", "group generalisation", "group", "generalizing"),
    _frame("self_harm", "eating less", "eat_less", "body_image", window=True),
    _frame("self_harm", "purging", "purge"),
    _frame("self_harm", "self-injury", "self_injury"),
    _frame("sexual", "sexual idiom", "sexual_idiom"),
    _frame(
        "weapons", "weapon encouraged", "weapon_object", "weapon_use", unless=("weapon_safety",)
    ),
    _frame("drugs_alcohol", "substance glamourised", "substance", "glamour"),
    _frame("drugs_alcohol", "substance offered", "substance", "drug_use", window=True),
    _frame("drugs_alcohol", "alcohol given to a child", "alcohol_to_child"),
    _frame("profanity", "swearing described", "swear_euphemism"),
)


class FrameDetector:
    """Construct once (compiles every language's matcher); `find` is then cheap."""

    def __init__(self) -> None:
        for language in SUPPORTED_LANGUAGES:
            matcher_for(language)
        self._concepts = lru_cache(maxsize=512)(self._find_concepts)

    @staticmethod
    def _find_concepts(text: str, language: str) -> frozenset[str]:
        if language not in SUPPORTED_LANGUAGES:
            language = "en"
        hits = hits_in(fold(text, language).text, language)
        return frozenset(hit.term.category for hit in hits if hit.term.concept)

    def find(self, text: str, language: str, previous: str | None = None) -> list[SafetyIssue]:
        """Frames in `text` (a sentence, or a passage read as one), and the window frames
        across `previous` and `text`."""
        here = self._concepts(text, language)
        both = here | self._concepts(previous, language) if previous else here
        if not both:  # every frame needs a concept
            return []
        issues: list[SafetyIssue] = []
        for frame in FRAMES:
            seen = both if frame.window else here
            if frame.needs <= seen and not frame.unless & seen:
                excerpt = clip(f"{frame.name}: {text}")
                issues.append(
                    SafetyIssue(category=frame.category, severity=frame.severity, excerpt=excerpt)
                )
        return issues


@lru_cache(maxsize=1)
def shared_frames() -> FrameDetector:
    """One per process: the input and output policies share it (and its cache)."""
    return FrameDetector()
