"""The quality gate: catches chapters that are not a story worth reading (docs/quality.md).

- `check_sentence` judges one streamed sentence cheaply (language, repetition, echo, markup).
- `check_chapter` judges the whole chapter and its ending before it is saved.
"""

from talestream.quality.gate import check_chapter, check_sentence
from talestream.quality.result import CHECKS, QualityIssue, QualityResult

__all__ = ["CHECKS", "QualityIssue", "QualityResult", "check_chapter", "check_sentence"]
