# ruff: noqa: RUF001
# (multilingual word lists and look-alike letters are the point of this file)
"""Output policy: is this sentence / chapter fit for this child's screen?

Two layers, both run on every sentence while the story streams and again on the whole chapter:
1. the child-safety lexicon (`lexicon.py`): per language and category, with an age ladder, run on
   folded text and on a de-obfuscated variant (leetspeak, spaced or stretched letters, masks);
   plus rules for personal data (emails, links, phone numbers, street addresses);
2. the `alt-profanity-check` classifier (a linear SVM over TF-IDF, trained on English comments),
   scored per sentence because TF-IDF normalisation dilutes one bad sentence in a long text.

The classifier is re-implemented as a dictionary lookup over the shipped model's own weights
(`_ProfanityScorer`): the library's `predict_prob` costs ~2.5 ms per call through scikit-learn,
the lookup ~10 µs, with identical probabilities (checked against the library at load time; on any
mismatch the library itself is used).

Every issue found is inappropriate for the child's age, so any issue blocks (`approved=False`);
the workflow then regenerates. `score` only ranks how bad a text is.
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from talestream.safety.lexicon import (
    SUPPORTED_LANGUAGES,
    Hit,
    find_masked,
    find_personal_data,
    matcher_for,
)
from talestream.safety.normalize import deobfuscate, fold, needs_deobfuscation
from talestream.safety.result import SafetyIssue, SafetyResult

__all__ = [
    "CLASSIFIER_HIGH",
    "CLASSIFIER_THRESHOLD",
    "MAX_AGE",
    "MIN_AGE",
    "OutputPolicy",
    "normalise_age",
    "normalise_language",
    "split_sentences",
]

MIN_AGE, MAX_AGE = 2, 14

# Probability from the profanity classifier at or above which a sentence is blocked. Measured
# (see the threshold test in tests/test_safety_policy.py and the report that introduced it) on
# ~1,000 sentences of gentle story prose, after `classifier_input` neutralises farm animals: the
# highest benign scores are "The fool and the king." 0.895, "He felt stupid for forgetting his
# lunch." 0.876, "Don't be silly, said Mum." 0.874, "The ugly duckling swam away." 0.829; real
# insults and swearing score 0.945-1.0 ("Die in a fire." 0.945, "I will kill you." 0.947). What
# scores lower ("Screw you." 0.894, "He's such a douche." 0.829) is in the lexicon.
CLASSIFIER_THRESHOLD = 0.92
CLASSIFIER_HIGH = 0.98  # at or above: severity "high"

# Distinct frightening words (each acceptable alone at this age) that together make a chapter too
# intense for a young child: (below this age, at least this many distinct words).
_FEAR_BUDGET = ((6, 3), (9, 5))

_EXCERPT_WORDS = 3
_EXCERPT_MAX = 100


def normalise_age(age: int) -> int:
    return min(max(int(age), MIN_AGE), MAX_AGE)


@cache
def normalise_language(language: str) -> str:
    """'en-US' -> 'en'; unsupported languages get the English rules (plus nothing else)."""
    code = (language or "en").strip().lower().replace("_", "-").split("-")[0]
    code = {"iw": "he"}.get(code, code)  # the old ISO code for Hebrew, still sent by some clients
    return code if code in SUPPORTED_LANGUAGES else "en"


# --- the classifier -------------------------------------------------------------------------


class _ProfanityScorer:
    """`profanity_check.predict_prob` for one text, without scikit-learn's per-call overhead."""

    _PROBES = (
        "The little dragon shared her cookies with the sleepy owl.",
        "You are such a stupid idiot, shut up.",
        "What the hell is this damn thing?",
        "",
        "zzzz qqqq",
    )

    def __init__(self) -> None:
        with warnings.catch_warnings():
            # A scikit-learn newer than the one that pickled the model warns on load; the model
            # is a plain linear SVM + sigmoid calibration, stable across versions (verified below).
            warnings.simplefilter("ignore")
            from profanity_check import profanity_check as library

        self._library: Callable[[list[str]], Iterable[float]] = library.predict_prob
        self._fast: Callable[[str], float] | None = None
        try:
            fast = self._build(library.vectorizer, library.model)
            reference = list(self._library(list(self._PROBES)))
            if all(abs(fast(t) - r) < 1e-6 for t, r in zip(self._PROBES, reference, strict=True)):
                self._fast = fast
        except Exception:  # internals of another scikit-learn version: use the library as is
            self._fast = None

    @property
    def fast(self) -> bool:
        return self._fast is not None

    def score(self, text: str) -> float:
        if self._fast is not None:
            return self._fast(text)
        return float(next(iter(self._library([text]))))

    def score_many(self, texts: list[str]) -> list[float]:
        if not texts:
            return []
        if self._fast is not None:
            return [self._fast(t) for t in texts]
        return [float(p) for p in self._library(texts)]

    @staticmethod
    def _build(vectorizer: object, model: object) -> Callable[[str], float]:
        analyzer = vectorizer.build_analyzer()  # type: ignore[attr-defined]
        vocabulary: dict[str, int] = vectorizer.vocabulary_  # type: ignore[attr-defined]
        idf = vectorizer.idf_  # type: ignore[attr-defined]
        if vectorizer.norm != "l2" or vectorizer.sublinear_tf:  # type: ignore[attr-defined]
            raise ValueError("unexpected vectorizer settings")
        members = []
        for calibrated in model.calibrated_classifiers_:  # type: ignore[attr-defined]
            (calibrator,) = calibrated.calibrators
            estimator = calibrated.estimator
            members.append(
                (estimator.coef_[0], float(estimator.intercept_[0]), calibrator.a_, calibrator.b_)
            )
        # term -> (idf, weight in each ensemble member)
        weights = {
            term: (float(idf[i]), tuple(float(m[0][i]) for m in members))
            for term, i in vocabulary.items()
        }
        intercepts = [m[1] for m in members]
        calibration = [(float(m[2]), float(m[3])) for m in members]
        count = len(members)

        def predict(text: str) -> float:
            counts = Counter(t for t in analyzer(text) if t in weights)
            norm_sq = 0.0
            dots = [0.0] * count
            for term, n in counts.items():
                term_idf, term_weights = weights[term]
                value = n * term_idf
                norm_sq += value * value
                for k in range(count):
                    dots[k] += value * term_weights[k]
            norm = math.sqrt(norm_sq) or 1.0
            total = 0.0
            for k in range(count):
                decision = dots[k] / norm + intercepts[k]
                a, b = calibration[k]
                total += 1.0 / (1.0 + math.exp(a * decision + b))  # sklearn: expit(-(a*d + b))
            return total / count

        return predict


# Story words the classifier learned as insults from online comments: farm animals ("pig" alone
# scores 0.97, "The pig said oink." 0.93) and "sucks" ("The sponge sucks up the water." 0.99).
# They are replaced before scoring; insults built from them ("you fat pig") are in the lexicon.
_CLASSIFIER_NEUTRAL = (
    (re.compile(r"\b(?:pig|pigs|piglets?|donkeys?|rats?|cows?|hogs?)\b", re.IGNORECASE), "animal"),
    (
        re.compile(
            r"\bsuck(?:s|ed|ing)? (?=(?:up|in|out)\b|on (?:a|the|her|his|their|its|my|your) "
            r"(?:thumb|straw|lollipop|sweet|candy|ice)|(?:her|his|their|its|my|your) thumbs?\b)",
            re.IGNORECASE,
        ),
        "sips ",
    ),
)
# Names and fixed phrases of children's literature it also misreads.
_CLASSIFIER_NEUTRAL += (
    (
        re.compile(r"\bcock(?=s? (?:crow|a-doodle))|\bpussy(?=[ -]?(?:willow|cat))", re.IGNORECASE),
        "bird",
    ),
    (re.compile(r"\bMoby Dick\b|\bDick Whittington\b|\bPhilip K\. Dick\b"), "Name"),
)
# The classifier only knows English: "Die Katze schläft." scores 0.95 on the English word "die".
# In other languages it only reads sentences that are recognisably English (a model that slips
# into English swearing), judged by English function words that are not words in es/fr/de.
_ENGLISH_MARKERS = frozenset(
    {"the", "and", "you", "your", "was", "were", "with", "this", "that", "what", "they", "are"}
    | {"is", "of", "to", "it"}
)
_ASCII_WORD = re.compile(r"[A-Za-z']+")


def classifier_input(text: str) -> str:
    for pattern, replacement in _CLASSIFIER_NEUTRAL:
        text = pattern.sub(replacement, text)
    return text


def looks_english(text: str) -> bool:
    words = {w.lower() for w in _ASCII_WORD.findall(text)}
    return len(words & _ENGLISH_MARKERS) >= 2


@lru_cache(maxsize=1)
def shared_scorer() -> _ProfanityScorer:
    """Loaded once per process (about a second: joblib-unpickling the model)."""
    return _ProfanityScorer()


# --- lexicon scan ---------------------------------------------------------------------------


def _excerpt(text: str, start: int, end: int) -> str:
    """The matched words (whole, with any prefix or punctuation attached) and a few words either
    side, on one line."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    before = text[:start].rsplit(maxsplit=_EXCERPT_WORDS)[-_EXCERPT_WORDS:] if start else []
    after = text[end:].split(maxsplit=_EXCERPT_WORDS)[:_EXCERPT_WORDS]
    return _clip(" ".join([*before, *text[start:end].split(), *after]))


def scan_lexicon(text: str, language: str) -> list[tuple[Hit, str, str]]:
    """Every lexicon hit in `text` (whatever the age), one per term: (hit, matched words as
    written, excerpt)."""
    matcher = matcher_for(language)
    folded = fold(text, language)
    seen: set[object] = set()
    found: list[tuple[Hit, str, str]] = []
    for hit in matcher.find(folded.text):
        if hit.term not in seen:
            seen.add(hit.term)
            start, end = folded.original_span(hit.start, hit.end)
            found.append((hit, folded.original[start:end], _excerpt(folded.original, start, end)))
    if needs_deobfuscation(folded.text):
        for variant in deobfuscate(folded.text):
            for hit in matcher.find(variant):
                if hit.term not in seen:
                    seen.add(hit.term)
                    excerpt = _excerpt(variant, hit.start, hit.end)
                    found.append((hit, variant[hit.start : hit.end], excerpt))
    return found


def masked_issues(text: str) -> list[SafetyIssue]:
    folded = fold(text).text
    return [
        SafetyIssue(category="profanity", severity="medium", excerpt=_excerpt(folded, s, e))
        for s, e in find_masked(folded)
    ]


def personal_data_issues(text: str) -> list[SafetyIssue]:
    issues: list[SafetyIssue] = []
    seen: set[str] = set()
    for _what, severity, start, end in find_personal_data(text):
        excerpt = _excerpt(text, start, end)
        if excerpt not in seen:
            seen.add(excerpt)
            issues.append(SafetyIssue(category="personal_data", severity=severity, excerpt=excerpt))
    return issues


def _dedupe(issues: list[SafetyIssue]) -> list[SafetyIssue]:
    unique: dict[tuple[str, str], SafetyIssue] = {}
    for issue in issues:
        key = (issue.category, issue.excerpt)
        if key not in unique or _RANK[issue.severity] > _RANK[unique[key].severity]:
            unique[key] = issue
    return list(unique.values())


_RANK = {"low": 0, "medium": 1, "high": 2}


# --- sentence splitting for the streaming gate -----------------------------------------------

# Words that end with a dot without ending the sentence (lower case, no dot).
# fmt: off
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "mt", "ft", "vs", "capt", "gen",
    "col", "lt", "sgt", "gov", "rev", "hon", "dept", "approx",
    "sra", "srta", "dra", "dña", "ud", "uds", "lic", "ing",  # Spanish
    "mme", "mlle", "mgr",  # French
    "hr", "hrn", "fr", "frl", "bzw", "ca", "evtl", "ggf", "inkl",  # German
    "ул", "им", "проф", "тов", "ст", "гг",  # Russian
    "no", "nr", "nº", "núm", "vol", "ch", "fig", "art", "pp", "p",
})
# Of those, the ones that are only abbreviations before a number ("No. 5" but "No. Go away.").
_BEFORE_NUMBER_ONLY = frozenset({"no", "nr", "nº", "núm", "vol", "ch", "fig", "art", "pp", "p"})
# fmt: on
_CLOSERS = "\"'”’»)\\]"  # for a regex character class
_SPACED_CLOSERS = "»”’)]"  # unambiguous closers, which French typography puts after a space
_BOUNDARY = re.compile(
    rf"(?P<end>[.!?…]+(?:[{_CLOSERS}]|[ \u00a0\u202f]»)*)?(?P<ws>\s+)(?=(?P<next>\S))"
)
_WORD_BEFORE_DOT = re.compile(r"([\w.'’-]*)\.$")
MAX_SENTENCE_CHARS = 400  # force a cut (at a space) so an unpunctuated run cannot stall the gate


def split_sentences(buffer: str) -> tuple[list[str], str]:
    """Complete sentences (each with its trailing whitespace) and the unfinished rest.

    A sentence ends at . ! ? … (possibly followed by closing quotes/brackets) once whitespace and
    the next character have arrived and that character is not lower case (so '"Wow!" said Tom.'
    and "Well… maybe" stay whole), and at a line break. A dot after an abbreviation ("Mr.",
    "Dr.", "e.g."), an initial ("J. K.") or inside a number ("3.5") does not end a sentence.
    `"".join(sentences) + rest == buffer` always holds, so a caller can feed a growing buffer
    token by token and release exactly what it has approved.
    """
    sentences: list[str] = []
    cut = 0
    for match in _BOUNDARY.finditer(buffer):
        end, ws, next_char = match.group("end"), match.group("ws"), match.group("next")
        if end is None:
            if "\n" not in ws or not buffer[cut : match.start()].strip():
                continue
        elif (
            next_char.islower()
            or next_char in _SPACED_CLOSERS  # "Bonjour ! »": the closing quote is still coming
            or not _ends_sentence(buffer, cut, match.start(), end)
        ):
            continue
        sentences.append(buffer[cut : match.end()])
        cut = match.end()
    rest = buffer[cut:]
    while len(rest) > MAX_SENTENCE_CHARS:
        piece = _forced_cut(rest)
        sentences.append(piece)
        rest = rest[len(piece) :]
    return sentences, rest


def _ends_sentence(buffer: str, cut: int, start: int, end: str) -> bool:
    if not end.startswith(".") or end.startswith(".."):
        return True  # ! ? … and "..." always end a sentence (the lower-case test is done)
    word = _WORD_BEFORE_DOT.search(buffer, cut, start + 1)
    if word is None:
        return True
    token = word.group(1).lower().strip("'’-")
    if not token:
        return True
    if "." in token:  # e.g. / i.e. / U.S.
        return False
    if len(token) == 1 and token.isalpha():  # an initial: "J. K. Rowling"
        return False
    if token in _ABBREVIATIONS:
        following = buffer[start + len(end) :].lstrip()[:1]
        return token in _BEFORE_NUMBER_ONLY and not following.isdigit()
    return True


def _forced_cut(rest: str) -> str:
    window = rest[:MAX_SENTENCE_CHARS]
    # prefer a clause boundary in the second half, then any space, then a hard cut
    for pattern in (r"[,;:—–]\s+", r"\s+"):
        matches = [m for m in re.finditer(pattern, window) if m.end() > MAX_SENTENCE_CHARS // 2]
        if matches:
            return rest[: matches[-1].end()]
    return window


# --- the policy -----------------------------------------------------------------------------


class OutputPolicy:
    """Gate for model output. Construct once (loads the classifier); checks are then cheap."""

    def __init__(self) -> None:
        self._scorer = shared_scorer()
        for language in SUPPORTED_LANGUAGES:
            matcher_for(language)  # compile now, not on a child's first sentence

    @property
    def classifier_fast_path(self) -> bool:
        return self._scorer.fast

    def check_sentence(self, sentence: str, *, age: int, language: str) -> SafetyResult:
        """Fast gate for one streamed sentence (typically tens of microseconds)."""
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
                            excerpt=_clip("; ".join(tolerated_fear)),
                        )
                    )
                    break
        issues += masked_issues(text)
        return issues

    @staticmethod
    def _classifier_issue(text: str, probability: float) -> SafetyIssue | None:
        if probability < CLASSIFIER_THRESHOLD:
            return None
        severity = "high" if probability >= CLASSIFIER_HIGH else "medium"
        return SafetyIssue(category="profanity", severity=severity, excerpt=_clip(text))


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT_MAX else text[: _EXCERPT_MAX - 1] + "…"
