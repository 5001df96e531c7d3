"""Output policy: is this sentence / chapter fit for this child's screen?

Layers from `core`, all run on every sentence while the story streams and again on the whole
chapter:
1. the child-safety lexicon (`lexicon/`, run by `core.matcher`): per language and category, with
   an age ladder, on folded text and on a de-obfuscated variant (leetspeak, spaced or stretched
   letters, masks); plus masked swearing and personal data (emails, links, phone numbers,
   street addresses);
2. the `alt-profanity-check` classifier (`core.profanity`), per sentence;
3. the semantic layer, for harm described without listed words: harm frames (`core.frames`:
   combinations such as an injury action with a body part, a request to the reader with
   personal data) and the trained classifier (`core.semantic`). Both read each sentence together
   with the one before it, so harm spread over two sentences is stopped before the second one
   is shown; on the whole chapter they read every sentence and every pair of neighbours;
4. on the whole chapter only, the sentence encoder (`core.encoder`): a small neural model reads
   the chapter as a whole (milliseconds, too slow for streamed sentences).

Every issue found is inappropriate for the child's age, so any issue blocks (`approved=False`);
the workflow then regenerates. `score` only ranks how bad a text is.
"""

from __future__ import annotations

from talestream.safety.core.encoder import SentenceEncoder
from talestream.safety.core.harm import SemanticLayer
from talestream.safety.core.language import normalise_age, normalise_language
from talestream.safety.core.matcher import matcher_for
from talestream.safety.core.profanity import (
    CLASSIFIER_HIGH,
    CLASSIFIER_THRESHOLD,
    classifier_input,
    looks_english,
    shared_scorer,
)
from talestream.safety.core.scan import clip, masked_issues, personal_data_issues, scan_lexicon
from talestream.safety.core.semantic import SemanticClassifier
from talestream.safety.core.sentences import split_sentences
from talestream.safety.lexicon import SUPPORTED_LANGUAGES
from talestream.safety.result import SafetyIssue, SafetyResult, Severity

__all__ = ["OutputPolicy"]

# Distinct frightening words (each acceptable alone at this age) that together make a chapter too
# intense for a young child: (below this age, at least this many distinct words).
_FEAR_BUDGET = ((6, 3), (9, 5))

# --- the policy -----------------------------------------------------------------------------


class OutputPolicy:
    """Gate for model output. Construct once (loads the classifier); checks are then cheap."""

    def __init__(
        self, semantic: SemanticClassifier | None = None, encoder: SentenceEncoder | None = None
    ) -> None:
        """`encoder`: the sentence encoder for whole chapters (`core.encoder.shared_encoder()`;
        the app passes it unless TALESTREAM_SAFETY_ENCODER is off). None: without it."""
        self._scorer = shared_scorer()
        self._semantic = SemanticLayer(semantic)
        self._encoder = encoder
        for language in SUPPORTED_LANGUAGES:
            matcher_for(language)  # compile now, not on a child's first sentence

    @property
    def classifier_fast_path(self) -> bool:
        return self._scorer.fast

    def check_sentence(
        self, sentence: str, *, age: int, language: str, previous: str | None = None
    ) -> SafetyResult:
        """Fast gate for one streamed sentence (typically tens of microseconds). `previous` is
        the sentence shown before it, if any: harm spread over the two is stopped here."""
        age, language = normalise_age(age), normalise_language(language)
        # The fear budget applies within a sentence too, so an intense sentence is stopped
        # before it is shown rather than only when the chapter is checked as a whole.
        issues = self._lexicon_issues(sentence, age, language, fear_budget=True)
        issues += personal_data_issues(sentence)
        if language == "en" or looks_english(sentence):
            probability = self._scorer.score(classifier_input(sentence))
            issue = self._classifier_issue(sentence, probability)
            if issue is not None:
                issues.append(issue)
        issues += self._semantic.issues(sentence, language, previous)
        return SafetyResult.from_issues(_dedupe(issues))

    def check_text(self, text: str, *, age: int, language: str) -> SafetyResult:
        """The whole chapter (plus the choice question and choices the caller appends)."""
        age, language = normalise_age(age), normalise_language(language)
        issues = self._lexicon_issues(text, age, language, fear_budget=True)
        issues += personal_data_issues(text)
        sentences, rest = split_sentences(text)
        pieces = [
            piece
            for piece in [*sentences, rest]
            if piece.strip() and (language == "en" or looks_english(piece))
        ]
        probabilities = self._scorer.score_many([classifier_input(p) for p in pieces])
        for piece, probability in zip(pieces, probabilities, strict=True):
            issue = self._classifier_issue(piece, probability)
            if issue is not None:
                issues.append(issue)
        previous = None
        for piece in [*sentences, rest]:
            if piece.strip():
                issues += self._semantic.issues(piece, language, previous)
                previous = piece
        # Blocking for milliseconds: check_text runs in a worker thread (SafetyChecker).
        if self._encoder is not None and text.strip():
            verdict, window = self._encoder.judge_chapter(text)
            if verdict.unsafe >= self._encoder.threshold:
                issues.append(
                    SafetyIssue(category=verdict.category, severity="high", excerpt=clip(window))
                )
        return SafetyResult.from_issues(_dedupe(issues))

    # -- layers --

    @staticmethod
    def _lexicon_issues(
        text: str, age: int, language: str, *, fear_budget: bool = False
    ) -> list[SafetyIssue]:
        issues: list[SafetyIssue] = []
        tolerated_fear: list[str] = []
        for hit, matched, excerpt in scan_lexicon(text, language):
            term = hit.term
            if age < term.min_age:
                issues.append(
                    SafetyIssue(category=term.category, severity=term.severity, excerpt=excerpt)
                )
            elif term.category == "fear":
                tolerated_fear.append(matched)
        if fear_budget:
            # One phrase matched by two terms ("monster", "monster under my bed") counts once.
            phrases = {" ".join(m.lower().split()) for m in tolerated_fear}
            distinct: list[str] = []
            for phrase in sorted(phrases, key=len, reverse=True):
                if not any(phrase in longer for longer in distinct):
                    distinct.append(phrase)
            tolerated_fear = distinct
            for below_age, limit in _FEAR_BUDGET:
                if age < below_age and len(tolerated_fear) >= limit:
                    issues.append(
                        SafetyIssue(
                            category="fear",
                            severity="low",
                            excerpt=clip("; ".join(tolerated_fear)),
                        )
                    )
                    break
        issues += masked_issues(text)
        return issues

    @staticmethod
    def _classifier_issue(text: str, probability: float) -> SafetyIssue | None:
        if probability < CLASSIFIER_THRESHOLD:
            return None
        severity: Severity = "high" if probability >= CLASSIFIER_HIGH else "medium"
        return SafetyIssue(category="profanity", severity=severity, excerpt=clip(text))


def _dedupe(issues: list[SafetyIssue]) -> list[SafetyIssue]:
    unique: dict[tuple[str, str], SafetyIssue] = {}
    for issue in issues:
        key = (issue.category, issue.excerpt)
        if key not in unique or _RANK[issue.severity] > _RANK[unique[key].severity]:
            unique[key] = issue
    return list(unique.values())


_RANK = {"low": 0, "medium": 1, "high": 2}
