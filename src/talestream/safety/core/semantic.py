"""The trained text classifier: harm described in words no list contains.

A multinomial logistic regression over binary TF-IDF features (words, word pairs and character
4-grams of each word, on folded text) with one class per unsafe category plus "benign", trained
by `talestream safety train` (src/talestream_tools/safety/training.py) on the labelled corpus in
datasets/safety/train/. The weights ship as `data/semantic.npz` (plain arrays, no pickle) and are
scored here by hand: scikit-learn is only needed to train, and a sentence costs a few dict
lookups and two small numpy products instead of scikit-learn's per-call overhead.

`features()` is the one definition of the features: the trainer hands it to scikit-learn as the
analyzer, so training and scoring cannot drift apart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import numpy.typing as npt

from talestream.safety.core.normalize import fold

__all__ = ["MODEL_PATH", "SemanticClassifier", "SemanticVerdict", "features", "shared_classifier"]

MODEL_PATH = Path(__file__).parent / "data" / "semantic.npz"
BENIGN = "benign"
_WORD = re.compile(r"\w+")
_CHAR_N = 4


def features(text: str) -> list[str]:
    """Words ("=word"), adjacent word pairs ("a b") and character 4-grams of each word padded
    with spaces (" wor", "word", "ord "), on case- and diacritic-folded text."""
    words = _WORD.findall(fold(text).text)
    found = ["=" + w for w in words]
    found += [f"{a} {b}" for a, b in pairwise(words)]
    for word in words:
        padded = f" {word} "
        found += [padded[i : i + _CHAR_N] for i in range(len(padded) - _CHAR_N + 1)]
    return found


@dataclass(frozen=True, slots=True)
class SemanticVerdict:
    unsafe: float  # 1 - P(benign)
    category: str  # the most likely unsafe category (whatever `unsafe` is)


class SemanticClassifier:
    """Loaded once per process (`shared_classifier`); `judge` is then a few microseconds."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        with np.load(path, allow_pickle=False) as data:
            vocabulary: list[str] = data["vocabulary"].tolist()
            idf = data["idf"].astype(np.float64)
            weights = data["weights"].astype(np.float64)  # features x classes
            self._intercept = data["intercept"].astype(np.float64)
            self.classes: tuple[str, ...] = tuple(data["classes"].tolist())
            self.threshold = float(data["threshold"])
        self._index = {term: i for i, term in enumerate(vocabulary)}
        self._idf_sq = idf * idf
        self._weighted = weights * idf[:, None]  # tf-idf value x weight, per feature and class
        self._benign = self.classes.index(BENIGN)
        self._unsafe_classes = [i for i, c in enumerate(self.classes) if c != BENIGN]
        self._known = lru_cache(maxsize=512)(self._known_features)

    @property
    def vocabulary_size(self) -> int:
        return len(self._index)

    def _known_features(self, text: str) -> frozenset[int]:
        index = self._index
        return frozenset(i for i in map(index.get, features(text)) if i is not None)

    def judge(self, *texts: str) -> SemanticVerdict:
        """The texts read as one passage (a sentence, or a sentence with the one before it).
        Each text's features are cached, so judging a sentence with its predecessor costs
        little more than the sentence alone."""
        known: frozenset[int] = frozenset().union(*(self._known(t) for t in texts))
        return self._verdict(known)

    def judge_many(self, texts: Iterable[str]) -> list[SemanticVerdict]:
        return [self.judge(t) for t in texts]

    def _verdict(self, known: frozenset[int]) -> SemanticVerdict:
        if not known:
            scores = self._intercept
        else:
            rows = np.fromiter(known, dtype=np.intp, count=len(known))
            norm = math.sqrt(float(self._idf_sq[rows].sum()))
            scores = self._weighted[rows].sum(axis=0) / norm + self._intercept
        probabilities = _softmax(scores)
        unsafe = 1.0 - float(probabilities[self._benign])
        best = max(self._unsafe_classes, key=lambda i: float(probabilities[i]))
        return SemanticVerdict(unsafe=unsafe, category=self.classes[best])


def _softmax(scores: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    exp = np.exp(scores - scores.max())
    result: npt.NDArray[np.float64] = exp / exp.sum()
    return result


@lru_cache(maxsize=1)
def shared_classifier() -> SemanticClassifier:
    return SemanticClassifier()
