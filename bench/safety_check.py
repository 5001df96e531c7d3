"""Cost of the per-sentence safety check, as the stream pays it (issue 8: p99 <= 100 µs).

Every sentence of every stream goes through `OutputPolicy.check_sentence(sentence, previous=...)`
(lexicon, personal-data rules, profanity classifier, harm frames, the trained classifier on the
sentence and on it with the one before). This times that call on real story sentences: the
sentences of the training corpus (datasets/safety/train, benign and unsafe, six languages) and of
the scripted model's built-in chapter, each judged with its predecessor, in passes larger than
the feature caches so every sentence is new when it is judged (its predecessor is cached, as in a
stream). The same run times the check without the semantic layer (frames and the trained
classifier switched off: the policy as it was before issue 8), so the ratio survives a busy
machine. Also: how long loading the classifier takes (its share of start-up).

    python -m bench.safety_check [--passes 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from talestream.generation.scripted import BUILTIN_CHAPTER
from talestream.safety import OutputPolicy, split_sentences
from talestream.safety.core.semantic import MODEL_PATH, SemanticClassifier

CORPUS = Path(__file__).resolve().parents[1] / "datasets" / "safety" / "train"


def story_sentences() -> list[tuple[str, str]]:
    """(language, sentence) in story order, each passage's sentences one after another."""
    texts = [("en", BUILTIN_CHAPTER)]
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append((row["language"], row["text"]))
    found: list[tuple[str, str]] = []
    for language, text in texts:
        sentences, rest = split_sentences(text)
        found += [(language, s) for s in [*sentences, rest] if s.strip()]
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    SemanticClassifier(MODEL_PATH)
    classifier_load = time.perf_counter() - started
    started = time.perf_counter()
    policy = OutputPolicy()
    policy_load = time.perf_counter() - started

    sentences = story_sentences()
    with_layer = time_checks(policy, sentences, args.passes)
    semantic = policy._semantic  # the layer this benchmark is about; switched off for the baseline
    policy._semantic = _Off()  # type: ignore[assignment]
    baseline = time_checks(policy, sentences, args.passes)
    policy._semantic = semantic
    print(
        f"{len(sentences)} sentences x {args.passes} passes; model file "
        f"{MODEL_PATH.stat().st_size / 1024:.0f} KiB; loading the classifier "
        f"{classifier_load * 1000:.0f} ms, the whole output policy {policy_load * 1000:.0f} ms"
    )
    print("CPU time per check_sentence(sentence, previous=...), µs (wall-clock p99 in brackets)")
    print("| language | sentences | p50 | p99 | without the layer: p50 | p99 |")
    print("|---|---|---|---|---|---|")
    for language in sorted(with_layer[0], key=lambda key: (key != "all", key)):
        cpu, wall = with_layer[0][language], with_layer[1][language]
        base = baseline[0][language]
        print(
            f"| {language} | {len(cpu) // args.passes} | {statistics.median(cpu):.0f} | "
            f"{percentile(cpu, 0.99):.0f} ({percentile(wall, 0.99):.0f}) | "
            f"{statistics.median(base):.0f} | {percentile(base, 0.99):.0f} |"
        )


class _Off:
    def issues(self, *args: object, **kwargs: object) -> list[object]:
        return []


Timings = dict[str, list[float]]


def time_checks(
    policy: OutputPolicy, sentences: list[tuple[str, str]], passes: int
) -> tuple[Timings, Timings]:
    """(CPU, wall) microseconds per check, by language and "all". CPU time is this thread's:
    on a shared machine wall-clock time also counts waiting for a core."""
    cpu: Timings = {}
    wall: Timings = {}
    for _ in range(passes):
        previous: str | None = None
        for language, sentence in sentences:
            w0, c0 = time.perf_counter_ns(), time.thread_time_ns()
            policy.check_sentence(sentence, age=8, language=language, previous=previous)
            c1, w1 = time.thread_time_ns(), time.perf_counter_ns()
            for key in ("all", language):
                wall.setdefault(key, []).append((w1 - w0) / 1000)
                cpu.setdefault(key, []).append((c1 - c0) / 1000)
            previous = sentence
    return cpu, wall


if __name__ == "__main__":
    main()
