"""What the quality gate answers: pydantic models that serialise straight into events and rows."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel

Check = Literal[
    "language",
    "length",
    "repetition",
    "echo",
    "nonsense",
    "hero",
    "theme",
    "question",
    "choices",
]
CHECKS: tuple[Check, ...] = get_args(Check)  # in report order; one list to keep


class QualityIssue(BaseModel):
    check: Check
    detail: str  # parent- and operator-readable, with a short excerpt where it helps


class QualityResult(BaseModel):
    passed: bool
    issues: list[QualityIssue] = []

    @classmethod
    def from_issues(cls, issues: list[QualityIssue]) -> QualityResult:
        if not issues:
            # The streaming hot path: every good sentence lands here; skip validation.
            return cls.model_construct(passed=True, issues=[])
        return cls(passed=False, issues=issues)

    @property
    def failed_checks(self) -> set[str]:
        return {issue.check for issue in self.issues}
