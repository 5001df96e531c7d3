"""Recall of the policy's rule layers alone (lexicon and harm frames, classifier off).

The harm frames are tuned by reading misses, so they are measured on unsafe passages no rule was
tuned on (by default the round3 training files), split into halves by the id's trailing number:
find misses on one half, check on the other that what was added generalises. Benign passages of
the dev data (training corpus, tests/data/safety, the fresh holdout) are checked too: how many
the rules block, with and without the classifier, and which ones are newly blocked since a
saved list.

    python -m talestream_tools.safety.frame_recall [--half even|odd|all] [--files F ...]
    python -m talestream_tools.safety.frame_recall --misses he weapons [--half even]
    python -m talestream_tools.safety.frame_recall --benign [--save ids.txt | --against ids.txt]
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from pathlib import Path

from talestream.safety import OutputPolicy
from talestream.safety.core.harm import SemanticLayer
from talestream.safety.lexicon import SUPPORTED_LANGUAGES
from talestream.safety.result import SafetyIssue
from talestream_tools.safety.evaluation import OUTPUT_CATEGORIES, Passage, load_passages
from talestream_tools.safety.settings import DEFAULT_DATA_DIR, DEFAULT_TRAIN_DIR, FRESH_HOLDOUT

__all__ = ["benign_dev_passages", "half_of", "recall_table", "rules_only_policy"]

FRESH_FOR_RULES = ("round3-a.jsonl", "round3-b.jsonl")  # no rule was tuned on these (yet)
_TRAILING_NUMBER = re.compile(r"(\d+)$")


class _RulesOnly(SemanticLayer):
    """The semantic layer with its trained classifier switched off: frames only."""

    def issues(
        self, text: str, language: str, previous: str | None = None, *, classifier: bool = True
    ) -> list[SafetyIssue]:
        return super().issues(text, language, previous, classifier=False)


def rules_only_policy() -> OutputPolicy:
    policy = OutputPolicy()
    policy._semantic = _RulesOnly()  # the same swap bench/safety_check.py makes for its baseline
    return policy


def half_of(passage: Passage) -> str:
    """Which half `passage` is in: "even" or "odd" by its id's trailing number (none: even)."""
    match = _TRAILING_NUMBER.search(passage.id)
    return "odd" if match and int(match.group(1)) % 2 else "even"


def _load(paths: Iterable[Path]) -> list[Passage]:
    passages: list[Passage] = []
    for path in paths:
        passages += load_passages(path.parent, path.name)
    return passages


def benign_dev_passages() -> list[Passage]:
    """Every benign passage of the dev data (never the blind holdouts)."""
    paths = [
        *sorted(DEFAULT_TRAIN_DIR.glob("*.jsonl")),
        *sorted(DEFAULT_DATA_DIR.glob("*.jsonl")),
        FRESH_HOLDOUT,
    ]
    paths = [p for p in paths if p.name != "inputs.jsonl"]
    return [p for p in _load(paths) if p.label == "benign"]


def _blocked(policy: OutputPolicy, passage: Passage) -> bool:
    return not policy.check_text(passage.text, age=passage.age, language=passage.language).approved


def recall_table(policy: OutputPolicy, passages: list[Passage]) -> list[str]:
    """Markdown rows: recall per category (rows) and language (columns), caught/total."""
    counts: dict[tuple[str, str], list[int]] = {}
    for passage in passages:
        if passage.label != "unsafe" or passage.category is None:
            continue
        for key in ((passage.category, passage.language), (passage.category, "all"),
                    ("all", passage.language), ("all", "all")):  # fmt: skip
            cell = counts.setdefault(key, [0, 0])
            cell[0] += _blocked(policy, passage)
            cell[1] += 1
    languages = [*SUPPORTED_LANGUAGES, "all"]
    lines = ["| category | " + " | ".join(languages) + " |", "|---" * (len(languages) + 1) + "|"]
    for category in [*OUTPUT_CATEGORIES, "all"]:
        cells = []
        for language in languages:
            caught, total = counts.get((category, language), (0, 0))
            cells.append(f"{caught / total:.2f} ({caught}/{total})" if total else "-")
        if any(cell != "-" for cell in cells):
            lines.append(f"| {category} | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", nargs="*", type=Path, help="unsafe sets (default: round3)")
    parser.add_argument("--half", choices=("even", "odd", "all"), default="all")
    parser.add_argument("--misses", nargs=2, metavar=("LANGUAGE", "CATEGORY"))
    parser.add_argument("--benign", action="store_true", help="benign dev passages blocked")
    parser.add_argument("--save", type=Path, help="with --benign: write the blocked ids here")
    parser.add_argument("--against", type=Path, help="with --benign: print the newly blocked")
    args = parser.parse_args()
    rules = rules_only_policy()

    if args.benign:
        benign = benign_dev_passages()
        blocked = [p for p in benign if _blocked(rules, p)]
        full = OutputPolicy()
        print(f"benign dev passages: {len(benign)}; blocked by the rules alone: {len(blocked)}")
        print(f"by the whole policy: {sum(_blocked(full, p) for p in benign)}")
        if args.save:
            args.save.write_text("".join(f"{p.id}\n" for p in blocked), encoding="utf-8")
        if args.against:
            before = set(args.against.read_text(encoding="utf-8").split())
            for passage in blocked:
                if passage.id not in before:
                    issues = rules.check_text(
                        passage.text, age=passage.age, language=passage.language
                    ).issues
                    print(f"NEW {passage.id}: {passage.text}")
                    print("    " + "; ".join(f"{i.category}: {i.excerpt}" for i in issues))
        return

    paths = args.files or [DEFAULT_TRAIN_DIR / name for name in FRESH_FOR_RULES]
    passages = [p for p in _load(paths) if args.half in ("all", half_of(p))]
    if args.misses:
        language, category = args.misses
        for passage in passages:
            if (
                passage.label == "unsafe"
                and passage.language == language
                and passage.category == category
                and not _blocked(rules, passage)
            ):
                print(f"{passage.id}: {passage.text}")
        return
    print(f"rules only (lexicon + frames), {', '.join(p.name for p in paths)}, half {args.half}")
    print("\n".join(recall_table(rules, passages)))


if __name__ == "__main__":
    main()
