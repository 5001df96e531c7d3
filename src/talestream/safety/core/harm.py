"""The semantic layer as both policies use it: harm frames plus the trained classifier.

It reads a sentence, or a sentence with the one before it, and answers issues. The classifier
alone blocks when it is sure (`SURE`); between its trained threshold and that, only with a harm
cue in sight (a body part, a group of people, secrecy, a substance...), because story prose it
has never seen can score up to about 0.9 on its own.
"""

from __future__ import annotations

from talestream.safety.core.frames import shared_frames
from talestream.safety.core.scan import clip
from talestream.safety.core.semantic import SemanticClassifier, shared_classifier
from talestream.safety.result import SafetyIssue

__all__ = ["HIGH", "SURE", "SemanticLayer"]

SURE = 0.97  # the classifier's unsafe probability that blocks without a harm cue
HIGH = 0.95  # ...and from which its issue has severity "high"


class SemanticLayer:
    def __init__(self, classifier: SemanticClassifier | None = None) -> None:
        self.classifier = classifier or shared_classifier()
        self.frames = shared_frames()

    def issues(
        self, text: str, language: str, previous: str | None = None, *, classifier: bool = True
    ) -> list[SafetyIssue]:
        """Frames in `text` and across `previous` and `text`; then the classifier on `text`
        and, if that passes, on the pair (never on `previous` alone: it was judged already)."""
        found = self.frames.find(text, language, previous)
        if not classifier:
            return found
        threshold = self.classifier.threshold
        verdict = self.classifier.judge(text)
        if previous and verdict.unsafe < threshold:
            verdict = self.classifier.judge(previous, text)
        if verdict.unsafe >= SURE or (
            verdict.unsafe >= threshold and self.frames.cues(text, language, previous)
        ):
            found.append(
                SafetyIssue(
                    category=verdict.category,
                    severity="high" if verdict.unsafe >= HIGH else "medium",
                    excerpt=clip(f"classifier {verdict.unsafe:.2f}: {text}"),
                )
            )
        return found
