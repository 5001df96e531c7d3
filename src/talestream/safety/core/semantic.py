"""The trained text classifier: harm described in words no list contains.

A multinomial logistic regression over binary TF-IDF features (words, word pairs and the first
four and six letters of each longer word, a cheap stand-in for a stem, on folded text) with one
class per unsafe category plus "benign", trained
by `talestream safety train` (src/talestream_tools/safety/training.py) on the labelled corpus in
datasets/safety/train/. The weights ship as `data/semantic.npz` (plain arrays, no pickle) and are
scored here by hand: scikit-learn is only needed to train, and a sentence costs a few dict
lookups and one small numpy product instead of scikit-learn's per-call overhead.

`features()` is the one definition of the features: the trainer hands it to scikit-learn as the
analyzer, so training and scoring cannot drift apart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import chain, pairwise, repeat
from operator import add, is_not, sub, truediv
from pathlib import Path
from typing import TypeGuard, cast

import numpy as np

from talestream.safety.core.normalize import fold

__all__ = ["MODEL_PATH", "SemanticClassifier", "SemanticVerdict", "features", "shared_classifier"]

MODEL_PATH = Path(__file__).parent / "data" / "semantic.npz"
BENIGN = "benign"
_WORD = re.compile(r"\w+")
_PREFIXES = (4, 6)
_WORD_CACHE = 50_000  # words remembered by the classifier (a few MB at most)
# `lambda i: i is not None` without a Python call per item (a known pair index, or None).
_NOT_NONE = cast("Callable[[int | None], TypeGuard[int]]", partial(is_not, None))


def features(text: str) -> list[str]:
    """Words ("=word"), adjacent word pairs ("a b") and the first four and six letters of each
    word longer than that ("<word", "<wordsm" for "wordsmith"), on case- and diacritic-folded
    text. The prefixes stand in for stems (killing, killed; matar, mataron) at a fraction of
    the cost of character n-grams, with the same out-of-fold recall on the corpus."""
    words = _WORD.findall(fold(text).text)
    found = ["=" + w for w in words]
    found += [f"{a} {b}" for a, b in pairwise(words)]
    for length in _PREFIXES:
        found += ["<" + w[:length] for w in words if len(w) > length]
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
            self._intercept: list[float] = data["intercept"].astype(np.float64).tolist()
            self.classes: tuple[str, ...] = tuple(data["classes"].tolist())
            self.threshold = float(data["threshold"])
        self._index = {term: i for i, term in enumerate(vocabulary)}
        # Per feature: its tf-idf value x weight for each class, and its squared tf-idf value
        # (for the norm) as the last column, so one row sum gives both.
        self._table = np.hstack([weights * idf[:, None], (idf * idf)[:, None]])
        self._benign = self.classes.index(BENIGN)
        self._unsafe_classes = [i for i, c in enumerate(self.classes) if c != BENIGN]
        self._sums = lru_cache(maxsize=512)(self._text_sums)
        # The word pairs ("a b") by their words, ("a", "b"): looked up for all of a text's
        # neighbours in one `map` over `pairwise`, without building the "a b" strings.
        self._pairs: dict[tuple[str, str], int] = {}
        for term, i in self._index.items():
            first, space, second = term.partition(" ")
            if space:
                self._pairs[first, second] = i
        # word -> the indices of its "=word", "<four" and "<sixlet" features that are known:
        # story words repeat, and one lookup in this cache replaces building and looking up
        # three strings in the whole vocabulary.
        self._words = _WordCache(self._word_features)

    @property
    def vocabulary_size(self) -> int:
        return len(self._index)

    def _word_features(self, word: str) -> tuple[int, ...]:
        index = self._index
        prefixes = (index.get("<" + word[:n]) if len(word) > n else None for n in _PREFIXES)
        return tuple(i for i in (index.get("=" + word), *prefixes) if i is not None)

    def _text_sums(self, text: str) -> tuple[list[float], float]:
        """Per class, the sum of this text's known features' tf-idf x weight; and the sum of
        their squared tf-idf values (for the norm)."""
        # The known indices of `features(text)`, each once (the trainer checks this scorer
        # against scikit-learn, which uses `features`). Added to the set word by word, then
        # pair by pair: the set's order, and so the float sums, are those of before.
        words = _WORD.findall(fold(text).text)
        known = set(chain.from_iterable(map(self._words.__getitem__, words)))
        known.update(filter(_NOT_NONE, map(self._pairs.get, pairwise(words))))
        if not known:
            return [0.0] * len(self.classes), 0.0
        rows = list(known)
        sums: list[float] = np.add.reduce(self._table.take(rows, axis=0), axis=0).tolist()
        return sums, sums.pop()

    def judge(self, *texts: str) -> SemanticVerdict:
        """The texts read as one passage (a sentence, or a sentence with the one before it).
        Each text's sums are cached, so judging a sentence with its predecessor costs little
        more than the sentence alone. (A feature both texts have counts twice in the pair, where
        training saw it once: a small difference, towards the words the two share.)"""
        exps = self._exps(texts)
        best = max(self._unsafe_classes, key=exps.__getitem__)
        return SemanticVerdict(
            unsafe=1.0 - exps[self._benign] / sum(exps), category=self.classes[best]
        )

    def unsafe(self, *texts: str) -> float:
        """`judge(*texts).unsafe`, without finding the category (the stream asks this of every
        sentence and needs the category only for the few it blocks)."""
        exps = self._exps(texts)
        return 1.0 - exps[self._benign] / sum(exps)

    def _exps(self, texts: tuple[str, ...]) -> list[float]:
        """Per class, exp(score - top score): the softmax before its division."""
        total, squares = self._sums(texts[0])
        for text in texts[1:]:
            more, more_squares = self._sums(text)
            total = list(map(add, total, more))
            squares += more_squares
        # Ten classes: plain floats beat numpy's per-call overhead for the softmax, and `map`
        # over `operator` functions runs the same float operations without a Python call each
        # (t / norm + b, then exp(x - top)).
        norm = math.sqrt(squares) or 1.0
        scores = list(map(add, map(truediv, total, repeat(norm)), self._intercept))
        top = max(scores)
        return list(map(math.exp, map(sub, scores, repeat(top))))


class _WordCache(dict[str, tuple[int, ...]]):
    """word -> its known feature indices, computed on first sight (so a text's words are
    looked up by one `map`), and forgotten all at once when the cache is full."""

    def __init__(self, word_features: Callable[[str], tuple[int, ...]]) -> None:
        super().__init__()
        self._word_features = word_features

    def __missing__(self, word: str) -> tuple[int, ...]:
        if len(self) >= _WORD_CACHE:
            self.clear()
        found = self[word] = self._word_features(word)
        return found


@lru_cache(maxsize=1)
def shared_classifier() -> SemanticClassifier:
    return SemanticClassifier()
