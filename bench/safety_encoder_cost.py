"""The sentence encoder's cost (docs/safety.md, layer 9): loading it, `check_text` on the
scripted model's chapter (with its choices) with and without it, and input fields (median of
runs, wall-clock: the figure a reader waits for on this machine).

    python -m bench.safety_encoder_cost
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial

from talestream.generation.scripted import BUILTIN_CHAPTER
from talestream.safety import InputPolicy, OutputPolicy
from talestream.safety.core.encoder import SentenceEncoder

CHAPTER = f"{BUILTIN_CHAPTER}\nWhat should Hazel and Otto do next?\nKeep exploring\nAsk a friend"
INPUTS = [
    ("idea", "A shy dragon who learns to fly with the help of a kind owl and her friends"),
    ("theme", "Space pirates"),
    ("name", "Hazel"),
]


def median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def main() -> None:
    started = time.perf_counter()
    encoder = SentenceEncoder()
    head = time.perf_counter()
    encoder.warm_up()
    loaded = time.perf_counter()
    print(
        f"load: head {1000 * (head - started):.0f} ms, "
        f"engine and first text {1000 * (loaded - head):.0f} ms"
    )
    for name, policy in (("without", OutputPolicy()), ("with", OutputPolicy(encoder=encoder))):
        ms = median_ms(partial(policy.check_text, CHAPTER, age=7, language="en"), 7)
        print(f"check_text, chapter of {len(CHAPTER)} characters, {name} the encoder: {ms:.0f} ms")
    for field, text in INPUTS:
        for name, inputs in (("without", InputPolicy()), ("with", InputPolicy(encoder))):
            ms = median_ms(partial(inputs.check, field, text), 15)
            print(f"input {field} of {len(text)} characters, {name} the encoder: {ms:.1f} ms")


if __name__ == "__main__":
    main()
