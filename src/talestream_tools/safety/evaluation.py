"""The safety evaluation: the policies against a labelled set (by default `tests/data/safety/`).

`passages.jsonl` holds short story passages labelled benign or unsafe (with a category and the
reader's age they are judged for); `inputs.jsonl` holds what a parent might type, labelled
accept or reject. `run_evaluation()` runs `OutputPolicy.check_text` over every passage (and,
because that is what gates a child's screen while a story streams, `check_sentence` over each of
its sentences) and `InputPolicy.check` over every input; `format_report()` renders the figures.

    talestream safety eval [--data DIR] [--passages FILE ...]   # also: talestream safety-eval

The command prints a report per set and exits 1 when a floor fails (`EvalReport.meets_floors`;
the floors are `settings.RECALL_FLOOR` and `settings.FPR_CEILING`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from talestream.safety import InputPolicy, OutputPolicy, split_sentences
from talestream.safety.lexicon import CATEGORY_LABELS
from talestream_tools.safety.settings import DEFAULT_DATA_DIR, FPR_CEILING, RECALL_FLOOR

__all__ = [
    "EvalDataError",
    "EvalReport",
    "InputCase",
    "Miss",
    "Passage",
    "Rate",
    "format_report",
    "load_inputs",
    "load_passages",
    "run_evaluation",
]

# Categories an unsafe passage may carry: what the output policy emits, minus the input-only one.
OUTPUT_CATEGORIES = tuple(c for c in CATEGORY_LABELS if c != "injection")
INPUT_FIELDS = frozenset({"name", "title", "idea", "theme", "custom_choice", "choice"})
# Kinds of input that must be rejected, and the one that must be accepted.
REJECT_KINDS = ("injection", "unsafe", "too_long")
ACCEPT_KIND = "benign"


class EvalDataError(RuntimeError):
    """The evaluation set is missing or malformed; the message says where and what."""


# --- the data -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Passage:
    id: str
    text: str
    language: str
    age: int
    label: Literal["benign", "unsafe"]
    category: str | None = None  # set for unsafe passages
    note: str = ""


@dataclass(frozen=True, slots=True)
class InputCase:
    id: str
    field: str
    text: str
    language: str
    age: int
    expect: Literal["accept", "reject"]
    kind: str
    note: str = ""


def _read_jsonl(path: Path) -> Iterable[tuple[int, dict[str, object]]]:
    if not path.is_file():
        raise EvalDataError(f"{path} is missing")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalDataError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise EvalDataError(f"{path}:{number}: expected an object")
            yield number, row


def load_passages(data_dir: Path, file_name: str = "passages.jsonl") -> list[Passage]:
    path = data_dir / file_name
    if not path.is_file():
        raise EvalDataError(
            f"the safety evaluation set was not found: {path} does not exist. Pass --data with "
            "the folder that holds passages.jsonl and inputs.jsonl."
        )
    passages: list[Passage] = []
    for number, row in _read_jsonl(path):
        try:
            passage = Passage(
                id=str(row["id"]),
                text=str(row["text"]),
                language=str(row["language"]),
                age=int(row["age"]),  # type: ignore[call-overload]
                label=row["label"],  # type: ignore[arg-type]
                category=row.get("category"),  # type: ignore[arg-type]
                note=str(row.get("note", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise EvalDataError(f"{path}:{number}: bad passage ({exc!r})") from None
        if passage.label not in ("benign", "unsafe"):
            raise EvalDataError(f"{path}:{number}: label must be benign or unsafe")
        if passage.label == "unsafe" and passage.category not in OUTPUT_CATEGORIES:
            raise EvalDataError(
                f"{path}:{number}: unsafe passages need a category, one of {OUTPUT_CATEGORIES}"
            )
        passages.append(passage)
    _unique(path, [p.id for p in passages])
    return passages


def load_inputs(data_dir: Path, file_name: str = "inputs.jsonl") -> list[InputCase]:
    path = data_dir / file_name
    cases: list[InputCase] = []
    for number, row in _read_jsonl(path):
        try:
            case = InputCase(
                id=str(row["id"]),
                field=str(row["field"]),
                text=str(row["text"]),
                language=str(row["language"]),
                age=int(row["age"]),  # type: ignore[call-overload]
                expect=row["expect"],  # type: ignore[arg-type]
                kind=str(row["kind"]),
                note=str(row.get("note", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise EvalDataError(f"{path}:{number}: bad input ({exc!r})") from None
        if case.expect not in ("accept", "reject") or case.field not in INPUT_FIELDS:
            raise EvalDataError(f"{path}:{number}: bad expect or field")
        cases.append(case)
    _unique(path, [c.id for c in cases])
    return cases


def _unique(path: Path, ids: list[str]) -> None:
    seen: set[str] = set()
    for id_ in ids:
        if id_ in seen:
            raise EvalDataError(f"{path}: duplicate id {id_!r}")
        seen.add(id_)


# --- the report ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Rate:
    """`hits` out of `total` (what a hit is depends on the table: caught, flagged, rejected)."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.total += 1
        self.hits += int(hit)

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.hits}/{self.total})"


@dataclass(frozen=True, slots=True)
class Miss:
    """One item the policy got wrong."""

    id: str
    kind: Literal["missed_unsafe", "false_positive", "input_accepted", "input_rejected"]
    expected: str  # the category (passages) or input kind
    language: str
    age: int
    text: str
    found: str  # categories flagged / the rejection reason; empty when nothing was found


@dataclass(slots=True)
class LanguageFigures:
    recall: Rate = field(default_factory=Rate)  # unsafe passages not approved
    false_positives: Rate = field(default_factory=Rate)  # benign passages not approved


@dataclass(slots=True)
class EvalReport:
    data_dir: Path
    passages_file: str = "passages.jsonl"
    # unsafe passages not approved by check_text, per category: the acceptance figure
    recall: dict[str, Rate] = field(default_factory=dict)
    # ...and flagged with the labelled category (a wrong category still blocks; this is for tuning)
    category_match: dict[str, Rate] = field(default_factory=dict)
    # unsafe passages where at least one sentence fails check_sentence, i.e. stopped while
    # streaming, before anything of that sentence reached the screen
    streaming_recall: dict[str, Rate] = field(default_factory=dict)
    benign: Rate = field(default_factory=Rate)  # hits = benign passages NOT approved
    benign_streaming: Rate = field(default_factory=Rate)  # hits = some sentence rejected
    by_language: dict[str, LanguageFigures] = field(default_factory=dict)
    inputs: dict[str, Rate] = field(default_factory=dict)  # per kind: hits = handled as expected
    misses: list[Miss] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def false_positive_rate(self) -> float:
        return self.benign.value

    @property
    def passages(self) -> int:
        return self.benign.total + sum(r.total for r in self.recall.values())

    @property
    def input_cases(self) -> int:
        return sum(r.total for r in self.inputs.values())

    def failures(
        self, recall: float = RECALL_FLOOR, fpr: float = FPR_CEILING, input_recall: float = 1.0
    ) -> list[str]:
        """Every floor that fails, in words (empty when all hold)."""
        failed = [
            f"recall for {category} is {rate} < {recall}"
            for category, rate in self.recall.items()
            if rate.value < recall
        ]
        if self.benign.total == 0:
            failed.append("no benign passages")
        elif self.false_positive_rate > fpr:
            failed.append(f"false-positive rate is {self.benign} > {fpr}")
        for kind in REJECT_KINDS:
            rate = self.inputs.get(kind)
            if rate is not None and rate.value < input_recall:
                failed.append(f"{kind} inputs rejected: {rate} < {input_recall}")
        accepted = self.inputs.get(ACCEPT_KIND)
        if accepted is not None and accepted.hits < accepted.total:
            failed.append(f"benign inputs accepted: {accepted} (every one must be)")
        return failed

    def meets_floors(
        self, recall: float = RECALL_FLOOR, fpr: float = FPR_CEILING, input_recall: float = 1.0
    ) -> bool:
        """Every unsafe category's recall >= `recall`, benign false-positive rate <= `fpr`,
        injection/unsafe/too-long inputs rejected at >= `input_recall` (default: all of them)
        and every benign input accepted."""
        return not self.failures(recall, fpr, input_recall)


# --- running ------------------------------------------------------------------------------------


def _categories(issues: Iterable[object]) -> list[str]:
    return sorted({issue.category for issue in issues})  # type: ignore[attr-defined]


def run_evaluation(
    data_dir: Path = DEFAULT_DATA_DIR,
    *,
    passages_file: str = "passages.jsonl",
    inputs_file: str | None = "inputs.jsonl",
    output_policy: OutputPolicy | None = None,
    input_policy: InputPolicy | None = None,
) -> EvalReport:
    """Run both policies over the evaluation set (about a second, most of it loading the
    classifier; pass policies you already have to skip that).

    `passages_file="holdout.jsonl", inputs_file=None` runs the held-out passages instead (see
    docs/safety.md: written before the policy was tuned, used only to measure it); an absolute
    `passages_file` is read from where it is."""
    directory = Path(data_dir)
    passages = load_passages(directory, passages_file)
    cases = load_inputs(directory, inputs_file) if inputs_file else []
    started = time.perf_counter()
    output_policy = output_policy or OutputPolicy()
    input_policy = input_policy or InputPolicy()
    report = EvalReport(data_dir=directory, passages_file=passages_file)
    for category in OUTPUT_CATEGORIES:
        if any(p.category == category for p in passages if p.label == "unsafe"):
            report.recall[category] = Rate()
            report.category_match[category] = Rate()
            report.streaming_recall[category] = Rate()

    for passage in passages:
        result = output_policy.check_text(passage.text, age=passage.age, language=passage.language)
        sentences, rest = split_sentences(passage.text)
        stopped_streaming = any(
            not output_policy.check_sentence(s, age=passage.age, language=passage.language).approved
            for s in [*sentences, rest]
            if s.strip()
        )
        flagged = _categories(result.issues)
        figures = report.by_language.setdefault(passage.language, LanguageFigures())
        if passage.label == "unsafe":
            assert passage.category is not None
            caught = not result.approved
            report.recall[passage.category].add(caught)
            report.category_match[passage.category].add(passage.category in flagged)
            report.streaming_recall[passage.category].add(stopped_streaming)
            figures.recall.add(caught)
            if not caught:
                report.misses.append(
                    Miss(
                        passage.id,
                        "missed_unsafe",
                        passage.category,
                        passage.language,
                        passage.age,
                        passage.text,
                        "",
                    )
                )
        else:
            blocked = not result.approved
            report.benign.add(blocked)
            report.benign_streaming.add(stopped_streaming)
            figures.false_positives.add(blocked)
            if blocked:
                report.misses.append(
                    Miss(
                        passage.id,
                        "false_positive",
                        "benign",
                        passage.language,
                        passage.age,
                        passage.text,
                        ", ".join(f"{i.category}: {i.excerpt}" for i in result.issues),
                    )
                )

    for case in cases:
        verdict = input_policy.check(case.field, case.text, age=case.age, language=case.language)
        correct = verdict.ok == (case.expect == "accept")
        report.inputs.setdefault(case.kind, Rate()).add(correct)
        if not correct:
            report.misses.append(
                Miss(
                    case.id,
                    "input_accepted" if verdict.ok else "input_rejected",
                    case.kind,
                    case.language,
                    case.age,
                    f"[{case.field}] {case.text}",
                    verdict.reason or "",
                )
            )
    report.seconds = time.perf_counter() - started
    return report


# --- rendering ----------------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [
        line(r) for r in rows
    ]


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_report(
    report: EvalReport,
    *,
    recall: float = RECALL_FLOOR,
    fpr: float = FPR_CEILING,
    show_misses: bool = True,
) -> str:
    """The report as plain text with markdown tables (pastes straight into docs/safety.md)."""
    out = [
        "# Safety evaluation",
        "",
        f"Set: {report.data_dir / report.passages_file} ({report.passages} passages, "
        f"{report.input_cases} inputs); "
        f"{report.seconds:.2f} s.",
        "",
        "## Output policy: unsafe passages blocked (recall), per category",
        "",
    ]
    rows = []
    for category, rate in report.recall.items():
        rows.append(
            [
                category,
                str(rate.total),
                f"{rate.value:.3f}",
                f"{report.streaming_recall[category].value:.3f}",
                f"{report.category_match[category].value:.3f}",
                "ok" if rate.value >= recall else "FAIL",
            ]
        )
    out += _table(
        ["category", "n", "recall", "recall (sentence gate)", "right category", f">= {recall}"],
        rows,
    )
    all_unsafe = Rate(
        sum(r.hits for r in report.recall.values()), sum(r.total for r in report.recall.values())
    )
    out += [
        "",
        f"All unsafe passages: recall {all_unsafe}.",
        "",
        "## Output policy: benign passages",
        "",
    ]
    out += _table(
        ["benign passages", "blocked (check_text)", "false-positive rate", f"<= {fpr}"],
        [
            [
                str(report.benign.total),
                str(report.benign.hits),
                f"{report.false_positive_rate:.3f}",
                "ok" if report.false_positive_rate <= fpr else "FAIL",
            ]
        ],
    )
    out += [
        "",
        f"A sentence of a benign passage stopped by the streaming gate: {report.benign_streaming}.",
        "",
        "## Per language",
        "",
    ]
    out += _table(
        ["language", "unsafe", "recall", "benign", "false-positive rate"],
        [
            [
                language,
                str(f.recall.total),
                f"{f.recall.value:.3f}",
                str(f.false_positives.total),
                f"{f.false_positives.value:.3f}",
            ]
            for language, f in sorted(report.by_language.items())
        ],
    )
    if report.inputs:
        out += ["", "## Input policy", ""]
        out += _table(
            ["kind", "n", "expected", "handled as expected"],
            [
                [
                    kind,
                    str(rate.total),
                    "accept" if kind == ACCEPT_KIND else "reject",
                    f"{rate.value:.3f}",
                ]
                for kind, rate in sorted(report.inputs.items())
            ],
        )
    failures = report.failures(recall, fpr)
    out += ["", "Floors: " + ("all met." if not failures else "FAILED: " + "; ".join(failures))]
    if show_misses and report.misses:
        out += ["", f"## Misses ({len(report.misses)})", ""]
        for miss in report.misses:
            found = f" -> {_short(miss.found, 80)}" if miss.found else ""
            out.append(
                f"- {miss.kind} {miss.id} ({miss.language}, age {miss.age}): "
                f"{_short(miss.text)}{found}"
            )
    return "\n".join(out) + "\n"
