"""What the safety policies answer (pydantic v2 models, so they serialise straight into events)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Severity = Literal["low", "medium", "high"]

# How much one issue takes off the score. A single high issue leaves little, two leave nothing:
# the score ranks regeneration attempts, `approved` is what gates the child's screen.
SEVERITY_PENALTY: dict[str, float] = {"low": 0.15, "medium": 0.35, "high": 0.7}


class SafetyIssue(BaseModel):
    category: str  # one of lexicon.CATEGORY_LABELS
    severity: Severity
    excerpt: str  # the matched words with a little context, never the whole text


class SafetyResult(BaseModel):
    approved: bool
    score: float = Field(ge=0.0, le=1.0)  # 1.0 = nothing found, lower = worse
    issues: list[SafetyIssue] = Field(default_factory=list)

    @classmethod
    def from_issues(cls, issues: list[SafetyIssue]) -> SafetyResult:
        """Every issue is, by construction, inappropriate for the child's age: any blocks."""
        if not issues:
            # The common case on the streaming hot path. (Validating these three values is
            # faster than `model_construct`: 1.1 against 1.5 us.)
            return cls(approved=True, score=1.0, issues=[])
        penalty = sum(SEVERITY_PENALTY[issue.severity] for issue in issues)
        return cls(approved=not issues, score=round(max(0.0, 1.0 - penalty), 4), issues=issues)


class InputVerdict(BaseModel):
    ok: bool
    field: str
    reason: str | None = None  # parent-facing, kind and specific; None when ok
    cleaned: str  # whitespace-normalised, control and invisible characters removed
