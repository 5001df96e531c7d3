"""Cost of the per-sentence safety check, as the stream pays it (issue 8: p99 <= 100 µs).

Every sentence of every stream goes through `OutputPolicy.check_sentence(sentence, previous=...)`
(lexicon, personal-data rules, profanity classifier, harm frames, the trained classifier on the
sentence and on it with the one before). This times that call on real story sentences: the
sentences of the training corpus (datasets/safety/train, benign and unsafe, six languages) and of
the scripted model's built-in chapter, each judged with its predecessor, in passes larger than
the feature caches so every sentence is new when it is judged (its predecessor is cached, as in a
stream). The same run times the check without the semantic layer (frames and the trained
classifier switched off: the policy as it was before issue 8), so the ratio survives a busy
machine. With `--against REV`, the same run also times the output policy of git revision REV
(its `src/talestream/safety`, imported under another name from a temporary directory), each
sentence checked by both in turn, so an optimisation is measured before and after under the
same load. Also: how long loading the classifier takes (its share of start-up).

    python -m bench.safety_check [--passes 5] [--against REV] [--label benign|unsafe]
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Protocol

from talestream.generation.scripted import BUILTIN_CHAPTER
from talestream.safety import OutputPolicy, split_sentences
from talestream.safety.core.semantic import MODEL_PATH, SemanticClassifier

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "datasets" / "safety" / "train"


class Checker(Protocol):
    def check_sentence(
        self, sentence: str, *, age: int, language: str, previous: str | None = None
    ) -> object: ...


def policy_at(revision: str) -> Checker:
    """The output policy of `revision` (see `safety_package_at`)."""
    baseline: Checker = safety_package_at(revision).OutputPolicy()
    return baseline


def safety_package_at(revision: str) -> ModuleType:
    """The safety package of `revision`: extracted with `git archive` into a temporary
    directory and imported as `baseline_talestream.safety` (its own caches and models, nothing
    shared with the current code)."""
    archive = subprocess.run(
        ["git", "archive", revision, "src/talestream/safety"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    directory = Path(tempfile.mkdtemp(prefix="safety-baseline-"))
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(directory, filter="data")
    package = directory / "baseline_talestream"
    (directory / "src" / "talestream").rename(package)
    (package / "__init__.py").write_text("")
    for module in package.rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        module.write_text(source.replace("talestream.safety", "baseline_talestream.safety"))
    sys.path.insert(0, str(directory))
    return importlib.import_module("baseline_talestream.safety")


def story_sentences(label: str | None = None) -> list[tuple[str, str]]:
    """(language, sentence) in story order, each passage's sentences one after another; only
    the passages labelled `label` (benign or unsafe) when given. The scripted chapter is benign."""
    texts = [] if label == "unsafe" else [("en", BUILTIN_CHAPTER)]
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if label is None or row["label"] == label:
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
    parser.add_argument("--against", metavar="REV", help="also time the policy of this revision")
    parser.add_argument(
        "--label",
        choices=["benign", "unsafe"],
        help="only the corpus's benign passages (what a story mostly is) or its unsafe ones",
    )
    args = parser.parse_args()

    started = time.perf_counter()
    SemanticClassifier(MODEL_PATH)
    classifier_load = time.perf_counter() - started
    started = time.perf_counter()
    policy = OutputPolicy()
    policy_load = time.perf_counter() - started

    sentences = story_sentences(args.label)
    if args.against:
        compare(policy, policy_at(args.against), args.against, sentences, args.passes)
        return
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


def compare(
    policy: Checker, baseline: Checker, revision: str, sentences: list[tuple[str, str]], passes: int
) -> None:
    """Whole passes over the sentences by each policy in turn (which one goes first
    alternates), so that neither evicts the other's data from the CPU caches sentence by
    sentence; CPU time of this thread, µs."""
    now: Timings = {}
    then: Timings = {}
    for number in range(passes):
        pair = [(policy, now), (baseline, then)]
        for checker, timings in pair if number % 2 == 0 else pair[::-1]:
            cpu, _wall = time_checks(checker, sentences, 1)
            for key, values in cpu.items():
                timings.setdefault(key, []).extend(values)
    print(f"{len(sentences)} sentences x {passes} passes of each policy, alternating")
    print(
        "CPU time per check_sentence(sentence, previous=...), µs; 'fastest': percentiles of each "
        "sentence's fastest pass (the sentence's own cost, less of the machine's noise)"
    )
    print(
        f"| language | sentences | now: p50 | p99 | fastest p50 | p99 | {revision}: p50 | p99 "
        "| fastest p50 | p99 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for language in sorted(now, key=lambda key: (key != "all", key)):
        cells = []
        for values in (now[language], then[language]):
            count = len(values) // passes
            fastest = [min(values[i::count]) for i in range(count)]
            cells += [statistics.median(values), percentile(values, 0.99)]
            cells += [statistics.median(fastest), percentile(fastest, 0.99)]
        shown = " | ".join(f"{cell:.0f}" for cell in cells)
        print(f"| {language} | {len(now[language]) // passes} | {shown} |")


class _Off:
    def issues(self, *args: object, **kwargs: object) -> list[object]:
        return []


Timings = dict[str, list[float]]


def time_checks(
    policy: Checker, sentences: list[tuple[str, str]], passes: int
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
