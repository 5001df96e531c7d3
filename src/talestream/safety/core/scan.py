"""Lexicon, masked-swearing and personal-data findings as issues with short excerpts."""

from __future__ import annotations

from talestream.safety.core.masked import find_masked
from talestream.safety.core.matcher import Hit, hits_in, matcher_for
from talestream.safety.core.normalize import deobfuscate, fold, needs_deobfuscation
from talestream.safety.core.personal_data import find_personal_data
from talestream.safety.result import SafetyIssue

__all__ = ["clip", "excerpt", "masked_issues", "personal_data_issues", "scan_lexicon"]

_EXCERPT_WORDS = 3
_EXCERPT_MAX = 100


def excerpt(text: str, start: int, end: int) -> str:
    """The matched words (whole, with any prefix or punctuation attached) and a few words either
    side, on one line."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    before = text[:start].rsplit(maxsplit=_EXCERPT_WORDS)[-_EXCERPT_WORDS:] if start else []
    after = text[end:].split(maxsplit=_EXCERPT_WORDS)[:_EXCERPT_WORDS]
    return clip(" ".join([*before, *text[start:end].split(), *after]))


def scan_lexicon(text: str, language: str) -> list[tuple[Hit, str, str]]:
    """Every lexicon hit in `text` (whatever the age), one per term: (hit, matched words as
    written, excerpt)."""
    folded = fold(text, language)
    seen: set[object] = set()
    found: list[tuple[Hit, str, str]] = []
    for hit in hits_in(folded.text, language):
        if not hit.term.concept and hit.term not in seen:
            seen.add(hit.term)
            start, end = folded.original_span(hit.start, hit.end)
            found.append((hit, folded.original[start:end], excerpt(folded.original, start, end)))
    if needs_deobfuscation(folded.text):
        matcher = matcher_for(language)
        for variant in deobfuscate(folded.text):
            until = changed_until(folded.text, variant)
            for hit in matcher.find(variant, until):
                if not hit.term.concept and hit.term not in seen:
                    seen.add(hit.term)
                    shown = excerpt(variant, hit.start, hit.end)
                    found.append((hit, variant[hit.start : hit.end], shown))
    return found


# Longer than any look-behind in a lexicon pattern (tests/test_safety_policy.py checks it).
LOOKBEHIND_MARGIN = 32


def changed_until(folded: str, variant: str) -> int:
    """Where a de-obfuscated variant's word starts stop mattering: past the end of its last
    change (plus a look-behind's reach), `variant` is `folded`'s own tail, so a match starting
    there reads exactly what a match in `folded` reads, and `folded`'s terms are known already.
    Most variants change one word ("1er", "VIII", "sooo"), often early: a variant then costs a
    few word starts instead of a whole pass (the slowest sentences were these)."""
    # The length of the common tail, by bisection (a tail that matches is matched by its tails).
    low, high = 0, min(len(folded), len(variant))
    while low < high:
        middle = (low + high + 1) // 2
        if folded[len(folded) - middle :] == variant[len(variant) - middle :]:
            low = middle
        else:
            high = middle - 1
    return min(len(variant), len(variant) - low + LOOKBEHIND_MARGIN)


def masked_issues(text: str) -> list[SafetyIssue]:
    folded = fold(text).text
    return [
        SafetyIssue(category="profanity", severity="medium", excerpt=excerpt(folded, s, e))
        for s, e in find_masked(folded)
    ]


def personal_data_issues(text: str) -> list[SafetyIssue]:
    issues: list[SafetyIssue] = []
    seen: set[str] = set()
    for _what, severity, start, end in find_personal_data(text):
        shown = excerpt(text, start, end)
        if shown not in seen:
            seen.add(shown)
            issues.append(SafetyIssue(category="personal_data", severity=severity, excerpt=shown))
    return issues


def clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT_MAX else text[: _EXCERPT_MAX - 1] + "…"
