"""The `alt-profanity-check` classifier (a linear SVM over TF-IDF, trained on English comments).

It is re-implemented as a dictionary lookup over the shipped model's own weights
(`_ProfanityScorer`): the library's `predict_prob` costs ~2.5 ms per call through scikit-learn,
the lookup ~10 µs, with identical probabilities (checked against the library at load time; on any
mismatch the library itself is used). Policies score it per sentence, because TF-IDF
normalisation dilutes one bad sentence in a long text.
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

__all__ = [
    "CLASSIFIER_HIGH",
    "CLASSIFIER_THRESHOLD",
    "classifier_input",
    "looks_english",
    "shared_scorer",
]


# Probability from the profanity classifier at or above which a sentence is blocked. Measured
# (see the threshold test in tests/test_safety_policy.py and the report that introduced it) on
# ~1,000 sentences of gentle story prose, after `classifier_input` neutralises farm animals: the
# highest benign scores are "The fool and the king." 0.895, "He felt stupid for forgetting his
# lunch." 0.876, "Don't be silly, said Mum." 0.874, "The ugly duckling swam away." 0.829; real
# insults and swearing score 0.945-1.0 ("Die in a fire." 0.945, "I will kill you." 0.947). What
# scores lower ("Screw you." 0.894, "He's such a douche." 0.829) is in the lexicon.
CLASSIFIER_THRESHOLD = 0.92
CLASSIFIER_HIGH = 0.98  # at or above: severity "high"


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
        params = vectorizer.get_params()  # type: ignore[attr-defined]
        expected = {"norm": "l2", "sublinear_tf": False, "analyzer": "word", "binary": False}
        expected |= {"ngram_range": (1, 1), "lowercase": True, "strip_accents": None}
        expected |= {"preprocessor": None, "tokenizer": None, "input": "content"}
        if any(params[key] != value for key, value in expected.items()):
            raise ValueError("unexpected vectorizer settings")
        # The analyzer is lower-casing, the token pattern and dropping stop words; stop words are
        # never in the vocabulary, so keeping the tokens it knows drops them too (and costs half
        # of calling scikit-learn's analyzer).
        tokens = re.compile(params["token_pattern"]).findall
        vocabulary: dict[str, int] = vectorizer.vocabulary_  # type: ignore[attr-defined]
        idf = vectorizer.idf_  # type: ignore[attr-defined]
        members = []
        for calibrated in model.calibrated_classifiers_:  # type: ignore[attr-defined]
            (calibrator,) = calibrated.calibrators
            estimator = calibrated.estimator
            members.append(
                (estimator.coef_[0], float(estimator.intercept_[0]), calibrator.a_, calibrator.b_)
            )
        # term -> (idf, weight in each ensemble member); and, for a term seen once in a text,
        # its squared tf-idf value and its products with the weights, computed once here (one
        # flat row, so a text's rows are summed column by column in one transposition).
        weights = {
            term: (float(idf[i]), tuple(float(m[0][i]) for m in members))
            for term, i in vocabulary.items()
        }
        once = {
            term: (term_idf * term_idf, *(term_idf * w for w in term_weights))
            for term, (term_idf, term_weights) in weights.items()
        }
        intercepts = [m[1] for m in members]
        calibration = [(float(m[2]), float(m[3])) for m in members]

        def predict(text: str) -> float:
            terms = [t for t in tokens(text.lower()) if t in once]  # (the keys of `weights`)
            if len(set(terms)) == len(terms):
                rows = [once[t] for t in terms]
            else:  # a repeated term: its count times its idf
                rows = []
                for term, n in Counter(terms).items():
                    term_idf, term_weights = weights[term]
                    value = n * term_idf
                    rows.append((value * value, *(value * w for w in term_weights)))
            # Summed in the order of the terms from 0.0, as scikit-learn's sparse product does.
            sums = [sum(column, 0.0) for column in zip(*rows, strict=True)]
            squares, *dots = sums or [0.0] * (1 + len(intercepts))
            norm = math.sqrt(squares) or 1.0
            total = 0.0
            for dot, intercept, (a, b) in zip(dots, intercepts, calibration, strict=True):
                decision = dot / norm + intercept
                total += 1.0 / (1.0 + math.exp(a * decision + b))  # sklearn: expit(-(a*d + b))
            return total / len(intercepts)

        return predict


# Story words the classifier learned as insults from online comments: farm animals ("pig" alone
# scores 0.97, "The pig said oink." 0.93) and "sucks" ("The sponge sucks up the water." 0.99).
# They are replaced before scoring; insults built from them ("you fat pig") are in the lexicon.
_CLASSIFIER_NEUTRAL: tuple[tuple[re.Pattern[str], str], ...] = (
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
_ASCII_LETTER = re.compile(r"[A-Za-z]")


# Text that one of `_CLASSIFIER_NEUTRAL` needs (each pattern starts with one of these): most
# sentences have none, and one search is cheaper than the four substitutions. That is
# `(?i:\b(?:pig|donkey|rat|cow|hog|suck|cock|puss))|Dick`, written to start with the class of
# its first letters (every character that matches one case-insensitively, with the long s
# U+017F for "s"), so the regex engine skips to those instead of trying each position.
_CLASSIFIER_NEUTRAL_HINT = re.compile(
    r"[pPdDrRcChHsS\u017f](?:(?<!\w.)(?i:(?<=[pP])(?:ig|uss)|(?<=[dD])onkey|(?<=[rR])at"
    r"|(?<=[cC])(?:ow|ock)|(?<=[hH])og|(?<=[sS\u017f])uck)|(?<=D)ick)"
)


def classifier_input(text: str) -> str:
    if _CLASSIFIER_NEUTRAL_HINT.search(text) is None:
        return text
    for pattern, replacement in _CLASSIFIER_NEUTRAL:
        text = pattern.sub(replacement, text)
    return text


def looks_english(text: str) -> bool:
    # (Lower-casing the text first finds the same ASCII words: only "K" (Kelvin) and "İ" become
    # ASCII letters when lower-cased, and no marker has a "k" or a dotted "i". So a text with
    # no ASCII letter, a Russian or Hebrew sentence, has no marker and is not lower-cased.)
    if _ASCII_LETTER.search(text) is None:
        return False
    return len(_ENGLISH_MARKERS.intersection(_ASCII_WORD.findall(text.lower()))) >= 2


@lru_cache(maxsize=1)
def shared_scorer() -> _ProfanityScorer:
    """Loaded once per process (about a second: joblib-unpickling the model)."""
    return _ProfanityScorer()
