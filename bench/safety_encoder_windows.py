"""How the sentence encoder should read a chapter (docs/safety.md, layer 9), on dev sets only.

Chapters are made from the fresh holdout and tests/data/safety/holdout.jsonl: each unsafe
passage set between two benign passages of its language, and benign chapters of four benign
passages (English ones with a choice question and choices appended, as the workflow checks
them). Each way of reading is scored by the shipped head at its threshold: the whole text as
one vector, windows of 1, 2 or 3 neighbouring sentences, and what the policy ships
(`judge_chapter`: pairs, plus the whole text up to three sentences).

    python -m bench.safety_encoder_windows
"""

from __future__ import annotations

import random
from collections import defaultdict

from talestream.safety.core.encoder import SentenceEncoder, embed
from talestream.safety.core.sentences import split_sentences
from talestream_tools.safety.evaluation import load_passages
from talestream_tools.safety.settings import DEFAULT_DATA_DIR, FRESH_HOLDOUT, SEED

ENDING = "\nWhat should Mia do next?\nKeep exploring\nAsk a friend for help"
READINGS: dict[str, tuple[int, ...]] = {
    "whole": (),
    "sentences": (1,),
    "pairs": (2,),
    "triples": (3,),
    "sentences and pairs": (1, 2),
}


def windows(text: str, sizes: tuple[int, ...]) -> list[str]:
    if not sizes:
        return [text]
    sentences, rest = split_sentences(text)
    pieces = [p.strip() for p in [*sentences, rest] if p.strip()]
    return [
        " ".join(pieces[start : start + size])
        for size in sizes
        for start in range(max(len(pieces) - size + 1, 1))
    ]


def main() -> None:
    encoder = SentenceEncoder()
    scores: dict[str, float] = {}

    def worst(texts: list[str]) -> float:
        fresh = [t for t in dict.fromkeys(texts) if t not in scores]
        if fresh:
            verdicts = encoder.judge_vectors(embed(fresh))
            scores.update((t, v.unsafe) for t, v in zip(fresh, verdicts, strict=True))
        return max(scores[t] for t in texts)

    benign: dict[str, list[str]] = defaultdict(list)
    unsafe = []
    for path in (FRESH_HOLDOUT, DEFAULT_DATA_DIR / "holdout.jsonl"):
        for passage in load_passages(path.parent, path.name):
            if passage.label == "benign":
                benign[passage.language].append(passage.text)
            else:
                unsafe.append(passage)
    rng = random.Random(SEED)
    benign_chapters = []
    for language, texts in sorted(benign.items()):
        rng.shuffle(texts)
        for start in range(0, len(texts) - 3, 4):
            ending = ENDING if language == "en" else ""
            benign_chapters.append(" ".join(texts[start : start + 4]) + ending)
    unsafe_chapters = []
    for passage in unsafe:
        before, after = rng.sample(benign.get(passage.language) or benign["en"], 2)
        unsafe_chapters.append(f"{before} {passage.text} {after}")

    threshold = encoder.threshold
    alone = sum(worst([p.text]) >= threshold for p in unsafe)
    print(f"threshold {threshold:.5f}; unsafe passages caught alone: {alone}/{len(unsafe)}")
    for name, sizes in READINGS.items():
        caught = sum(worst(windows(c, sizes)) >= threshold for c in unsafe_chapters)
        blocked = sum(worst(windows(c, sizes)) >= threshold for c in benign_chapters)
        print(
            f"{name}: unsafe chapters caught {caught}/{len(unsafe_chapters)}, "
            f"benign chapters blocked {blocked}/{len(benign_chapters)}"
        )
    shipped_caught = sum(encoder.judge_chapter(c)[0].unsafe >= threshold for c in unsafe_chapters)
    shipped_blocked = sum(encoder.judge_chapter(c)[0].unsafe >= threshold for c in benign_chapters)
    print(
        f"shipped (judge_chapter): unsafe chapters caught {shipped_caught}/"
        f"{len(unsafe_chapters)}, benign chapters blocked {shipped_blocked}/{len(benign_chapters)}"
    )


if __name__ == "__main__":
    main()
