"""Which offline language identifier to use for the quality gate: accuracy on short text in our
six languages (the safety set's sentences, and their first 3 and 5 words) and cost per call.

    .venv/bin/python -m bench.langid_short_text

Compares lingua (high- and low-accuracy modes) with py3langid, each restricted to our languages.
py3langid is not a dependency: install it to compare (pip install py3langid).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from talestream.safety import split_sentences

LANGUAGES = ("en", "es", "fr", "de", "ru", "he")
DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "safety"


def sentences() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for name in ("passages", "holdout", "inputs"):
        for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("language") in LANGUAGES:
                done, rest = split_sentences(row["text"])
                found += [(row["language"], s.strip()) for s in [*done, rest]]
    return [(lang, s) for lang, s in found if len(s.split()) >= 2]


def identifiers() -> dict[str, Callable[[str], str | None]]:
    from lingua import Language, LanguageDetectorBuilder

    codes = {
        Language.ENGLISH: "en",
        Language.SPANISH: "es",
        Language.FRENCH: "fr",
        Language.GERMAN: "de",
        Language.RUSSIAN: "ru",
        Language.HEBREW: "he",
    }
    builder = LanguageDetectorBuilder.from_languages(*codes).with_preloaded_language_models()
    high, low = builder.build(), builder.with_low_accuracy_mode().build()
    found: dict[str, Callable[[str], str | None]] = {
        "lingua (high accuracy)": lambda s: codes.get(high.detect_language_of(s)),  # type: ignore[arg-type]
        "lingua (low accuracy)": lambda s: codes.get(low.detect_language_of(s)),  # type: ignore[arg-type]
    }
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return found
    langid = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    langid.set_languages(list(LANGUAGES))
    found["py3langid"] = lambda s: str(langid.classify(s)[0])
    return found


def main() -> None:
    every = sentences()
    sets = {
        "3 words": [(lang, " ".join(s.split()[:3])) for lang, s in every if len(s.split()) >= 3],
        "5 words": [(lang, " ".join(s.split()[:5])) for lang, s in every if len(s.split()) >= 5],
        "sentence": every,
    }
    print(f"{len(every)} sentences: {dict(Counter(lang for lang, _ in every))}")
    for name, identify in identifiers().items():
        for label, data in sets.items():
            right: Counter[str] = Counter()
            total: Counter[str] = Counter()
            started = time.perf_counter()
            for lang, text in data:
                total[lang] += 1
                right[lang] += identify(text) == lang
            micros = (time.perf_counter() - started) / len(data) * 1e6
            per = " ".join(f"{lang} {right[lang] / total[lang]:.0%}" for lang in LANGUAGES)
            accuracy = sum(right.values()) / len(data)
            print(f"{name:<22} {label:<8} {accuracy:6.1%}  {per}  {micros:.0f} µs/call")


if __name__ == "__main__":
    main()
