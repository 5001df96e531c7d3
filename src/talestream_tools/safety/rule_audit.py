"""Which rule blocks which benign passage: an audit of the rule layers' false positives.

Runs `OutputPolicy().check_text` over every passage of the development sets (the training corpus,
`tests/data/safety/` and the fresh holdout; never the blind holdouts) and attributes each issue to
the layer and rule that raised it: a lexicon pattern, a harm frame, the fear budget, a personal
data rule, masked swearing, the profanity classifier or the trained classifier. It prints the
benign passages the *rule layers* block, grouped by rule, and per-language figures; with
`--save` it writes every passage's verdicts, and with `--compare` it prints the passages whose
verdict changed against such a file (an unsafe passage that was caught and is now missed first).

    python -m talestream_tools.safety.rule_audit [--save FILE] [--compare FILE] [--quiet]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from talestream.safety import OutputPolicy
from talestream.safety.core.frames import FRAMES
from talestream.safety.core.language import normalise_age, normalise_language
from talestream.safety.core.personal_data import find_personal_data
from talestream.safety.core.scan import excerpt, masked_issues, scan_lexicon
from talestream.safety.result import SafetyIssue
from talestream_tools.safety.evaluation import Passage, load_passages
from talestream_tools.safety.settings import DEFAULT_DATA_DIR, DEFAULT_TRAIN_DIR, FRESH_HOLDOUT

__all__ = ["Verdict", "attribute", "audit", "development_passages"]

CLASSIFIER = "semantic classifier"  # the one layer that is not a rule
_FRAME_NAMES = {frame.name for frame in FRAMES}


def development_passages() -> list[tuple[str, Passage]]:
    """(set name, passage) for every passage we may tune on. The blind holdouts (holdout-2,
    holdout-3) are deliberately not listed: they measure what tuning cannot see."""
    sets = [(path.name, path.parent) for path in sorted(DEFAULT_TRAIN_DIR.glob("*.jsonl"))]
    sets += [("passages.jsonl", DEFAULT_DATA_DIR), ("holdout.jsonl", DEFAULT_DATA_DIR)]
    sets.append((FRESH_HOLDOUT.name, FRESH_HOLDOUT.parent))
    return [(name, p) for name, folder in sets for p in load_passages(folder, name)]


def attribute(policy: OutputPolicy, passage: Passage) -> list[str]:
    """The rules behind `check_text`'s issues on `passage` ("lexicon drugs_alcohol: wine", "frame:
    sexual idiom", ...), one per issue, sorted; empty when approved."""
    result = policy.check_text(passage.text, age=passage.age, language=passage.language)
    if result.approved:
        return []
    age, language = normalise_age(passage.age), normalise_language(passage.language)
    lexicon = {
        shown: f"lexicon {hit.term.category}: {hit.term.pattern}"
        for hit, _matched, shown in scan_lexicon(passage.text, language)
        if age < hit.term.min_age
    }
    personal: dict[str, str] = {}
    for what, _severity, start, end in find_personal_data(passage.text):
        # the first rule that found these words ("tom@example.com" is also a web link)
        personal.setdefault(excerpt(passage.text, start, end), f"personal data: {what}")
    masked = {issue.excerpt for issue in masked_issues(passage.text)}
    return sorted(_rule(issue, lexicon, personal, masked) for issue in result.issues)


def _rule(
    issue: SafetyIssue, lexicon: dict[str, str], personal: dict[str, str], masked: set[str]
) -> str:
    shown = issue.excerpt
    if shown.startswith("classifier "):
        return CLASSIFIER
    name = shown.split(":", 1)[0]
    if name in _FRAME_NAMES:
        return f"frame: {name}"
    if shown in lexicon:
        return lexicon[shown]
    if shown in personal:
        return personal[shown]
    if shown in masked:
        return "masked swearing"
    if issue.category == "fear" and issue.severity == "low":
        return "fear budget"
    if issue.category == "profanity":
        return "profanity classifier"
    return f"unattributed {issue.category}"


@dataclass(frozen=True, slots=True)
class Verdict:
    set_name: str
    passage: Passage
    rules: list[str]

    @property
    def by_rules(self) -> bool:
        """Blocked by a rule layer (anything but the trained classifier)?"""
        return any(rule != CLASSIFIER for rule in self.rules)

    @property
    def blocked(self) -> bool:
        return bool(self.rules)


def audit(passages: Iterable[tuple[str, Passage]], policy: OutputPolicy) -> list[Verdict]:
    return [Verdict(name, p, attribute(policy, p)) for name, p in passages]


def _figures(verdicts: list[Verdict]) -> list[str]:
    lines = [
        "| language | benign | blocked by rules | blocked (all) | unsafe | caught by rules "
        "| caught (all) |",
        "|---|---|---|---|---|---|---|",
    ]
    languages = sorted({v.passage.language for v in verdicts})
    for language in [*languages, "all"]:
        mine = [v for v in verdicts if language in ("all", v.passage.language)]
        benign = [v for v in mine if v.passage.label == "benign"]
        unsafe = [v for v in mine if v.passage.label == "unsafe"]

        def share(part: int, whole: int) -> str:
            return f"{part} ({part / whole:.1%})" if whole else "0"

        lines.append(
            f"| {language} | {len(benign)} "
            f"| {share(sum(v.by_rules for v in benign), len(benign))} "
            f"| {share(sum(v.blocked for v in benign), len(benign))} | {len(unsafe)} "
            f"| {share(sum(v.by_rules for v in unsafe), len(unsafe))} "
            f"| {share(sum(v.blocked for v in unsafe), len(unsafe))} |"
        )
    return lines


def _false_positives(verdicts: list[Verdict]) -> list[str]:
    by_rule: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        if verdict.passage.label == "benign":
            for rule in sorted(set(verdict.rules) - {CLASSIFIER}):
                by_rule[rule].append(verdict)
    lines: list[str] = []
    for rule, found in sorted(by_rule.items(), key=lambda item: (-len(item[1]), item[0])):
        lines.append(f"## {rule}: {len(found)}")
        for verdict in found:
            p = verdict.passage
            lines.append(f"- {p.id} ({p.language}, {p.age}): {' '.join(p.text.split())}")
    return lines


def _snapshot(verdicts: list[Verdict]) -> dict[str, dict[str, object]]:
    return {
        f"{v.set_name}:{v.passage.id}": {"label": v.passage.label, "rules": v.rules}
        for v in verdicts
    }


def _by_rules(rules: object) -> bool:
    return isinstance(rules, list) and any(rule != CLASSIFIER for rule in rules)


def _compare(verdicts: list[Verdict], before: dict[str, dict[str, object]]) -> list[str]:
    """Unsafe passages the rule layers caught before and miss now (whether or not the trained
    classifier still catches them: it has seen the training corpus), then every other change."""
    lost: list[str] = []
    changed: list[str] = []
    for key, now in _snapshot(verdicts).items():
        then = before.get(key)
        if then is None:
            continue
        rules, was = now["rules"], then["rules"]
        if now["label"] == "unsafe" and _by_rules(was) and not _by_rules(rules):
            still = " (the classifier still catches it)" if rules else ""
            lost.append(f"- MISSED BY THE RULES NOW{still} {key}: was {was}")
        elif bool(rules) != bool(was) or _by_rules(rules) != _by_rules(was):
            changed.append(f"- {now['label']} {key}: {was} -> {rules}")
    return [
        f"## changes against the snapshot: {len(lost)} unsafe passages caught by the rules "
        "before, not now",
        *lost,
        *changed,
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--save", type=Path, help="write every passage's rules to this file")
    parser.add_argument("--compare", type=Path, help="diff against a file written by --save")
    parser.add_argument("--quiet", action="store_true", help="figures only, no passage lists")
    args = parser.parse_args(argv)
    verdicts = audit(development_passages(), OutputPolicy())
    lines = ["# Rule layers on the development sets (check_text)", *_figures(verdicts)]
    if not args.quiet:
        lines += _false_positives(verdicts)
    if args.compare:
        lines += _compare(verdicts, json.loads(args.compare.read_text(encoding="utf-8")))
    print("\n".join(lines))
    if args.save:
        args.save.write_text(json.dumps(_snapshot(verdicts), ensure_ascii=False, indent=0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
