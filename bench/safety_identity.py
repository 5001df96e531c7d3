"""Are the safety verdicts of the current code identical to those of a git revision?

An optimisation of the safety check must not change a single decision. This runs the output
policy of now and of `--against REV` (imported from a temporary directory, as
`bench.safety_check --against` does) over every passage of the safety sets: `check_text` on the
passage, `check_sentence` on each of its sentences with and without the sentence before it, at
several ages, and the input policy on the passage as a story idea, and compares the whole
answers (approved, categories, severities, excerpts, score). Exit status 1 if any differ.

    python -m bench.safety_identity --against REV

The blind evaluation set (datasets/safety/holdout-2.jsonl) is run too, mechanically: for it only
passage ids and which part differs are printed, never its text. holdout-3 files are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Protocol

from bench.safety_check import safety_package_at
from talestream import safety

ROOT = Path(__file__).resolve().parents[1]
SETS = (
    *sorted((ROOT / "tests" / "data" / "safety").glob("*.jsonl")),
    ROOT / "datasets" / "safety" / "holdout-fresh.jsonl",
    *sorted((ROOT / "datasets" / "safety" / "train").glob("*.jsonl")),
)
BLIND = (ROOT / "datasets" / "safety" / "holdout-2.jsonl",)
# Below, between and above the lexicon's age rungs and the fear budget's limits (6 and 9).
AGES = (4, 7, 10, 13)

Answer = dict[str, object]


class _Answer(Protocol):
    def model_dump(self) -> Answer: ...


class _Output(Protocol):
    def check_text(self, text: str, *, age: int, language: str) -> _Answer: ...

    def check_sentence(
        self, sentence: str, *, age: int, language: str, previous: str | None = None
    ) -> _Answer: ...


class _Input(Protocol):
    def check(self, field: str, text: str, *, age: int, language: str) -> _Answer: ...


def passages(path: Path) -> Iterator[tuple[str, str, str]]:
    """(id, language, text) of each row of a JSONL set."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            yield str(row.get("id", number)), str(row.get("language", "en")), str(row["text"])


def checks(package: ModuleType, language: str, text: str) -> Iterator[tuple[str, _Answer]]:
    """(what was checked, the answer) for one passage, in a fixed order."""
    output, inputs = _policies(package)
    sentences, rest = safety.split_sentences(text)
    pieces = [piece for piece in [*sentences, rest] if piece.strip()]
    for age in AGES:
        yield f"check_text age {age}", output.check_text(text, age=age, language=language)
        yield f"input idea age {age}", inputs.check("idea", text, age=age, language=language)
        previous: str | None = None
        for number, piece in enumerate(pieces):
            yield (
                f"sentence {number} alone, age {age}",
                output.check_sentence(piece, age=age, language=language),
            )
            yield (
                f"sentence {number} after the one before, age {age}",
                output.check_sentence(piece, age=age, language=language, previous=previous),
            )
            previous = piece


_POLICIES: dict[str, tuple[_Output, _Input]] = {}


def _policies(package: ModuleType) -> tuple[_Output, _Input]:
    """One output and one input policy per package (constructing them loads the models)."""
    found = _POLICIES.get(package.__name__)
    if found is None:
        found = (package.OutputPolicy(), package.InputPolicy())
        _POLICIES[package.__name__] = found
    return found


def difference(now: Answer, then: Answer) -> str | None:
    """None if identical; else which part differs (never the text)."""
    if now == then:
        return None
    decision = ("approved", "ok", "categories")
    if any(now.get(key) != then.get(key) for key in decision):
        return "DECISION"
    return "details (" + ", ".join(sorted(k for k in now if now[k] != then.get(k))) + ")"


def summary(answer: _Answer) -> Answer:
    dump = answer.model_dump()
    issues = dump.get("issues")
    if isinstance(issues, list):
        dump["categories"] = sorted({issue["category"] for issue in issues})
    return dump


def compare(
    path: Path, now: ModuleType, then: ModuleType, show: Callable[[str], None]
) -> tuple[int, int]:
    """(checks compared, checks that differ) for one set."""
    blind = path in BLIND
    compared = differing = 0
    for passage_id, language, text in passages(path):
        pairs = zip(checks(now, language, text), checks(then, language, text), strict=True)
        for (what, answer_now), (_, answer_then) in pairs:
            compared += 1
            left, right = summary(answer_now), summary(answer_then)
            found = difference(left, right)
            if found is not None:
                differing += 1
                show(f"  {path.name} {passage_id}: {what}: {found}")
                if not blind:
                    show(f"    now:  {left}\n    then: {right}")
    return compared, differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="REV", required=True)
    parser.add_argument("--no-blind", action="store_true", help="skip holdout-2")
    args = parser.parse_args()
    then = safety_package_at(args.against)
    total = failed = 0
    for path in [*SETS, *(() if args.no_blind else BLIND)]:
        compared, differing = compare(path, safety, then, print)
        total, failed = total + compared, failed + differing
        print(f"{path.relative_to(ROOT)}: {compared} checks, {differing} differ")
    print(f"all: {total} checks, {failed} differ from {args.against}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
