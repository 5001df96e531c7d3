"""The semantic layer as both policies use it: harm frames plus the trained classifier.

It reads a sentence, or a sentence with the one before it, and answers issues. The classifier
blocks at its trained threshold (the unsafe probability that keeps out-of-fold false positives
on the training corpus's benign traps at 0.5%, stored with the weights).
"""

from __future__ import annotations

from talestream.safety.core.frames import shared_frames
from talestream.safety.core.scan import clip
from talestream.safety.core.semantic import SemanticClassifier, shared_classifier
from talestream.safety.result import SafetyIssue

__all__ = ["HIGH", "SemanticLayer"]

HIGH = 0.95  # the classifier's unsafe probability from which its issue has severity "high"


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
        model = self.classifier
        threshold = model.threshold
        texts: tuple[str, ...] = (text,)
        unsafe = model.unsafe(text)
        if previous and unsafe < threshold:
            texts = (previous, text)
            unsafe = model.unsafe(previous, text)
        if unsafe >= threshold:  # the category too, for the few blocked (sums are cached)
            verdict = model.judge(*texts)
            found.append(
                SafetyIssue(
                    category=verdict.category,
                    severity="high" if verdict.unsafe >= HIGH else "medium",
                    excerpt=clip(f"classifier {verdict.unsafe:.2f}: {text}"),
                )
            )
        return found
