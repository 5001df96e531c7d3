"""Several `ChapterChecker`s as one: the safety net, the parent's avoided topics, and whatever
judge comes next. A sentence or chapter passes only if every checker approves it."""

from __future__ import annotations

from collections.abc import Sequence

from talestream.safety import SafetyResult
from talestream.stories.domain import Reader
from talestream.stories.ports import ChapterChecker

_APPROVED = SafetyResult.from_issues([])


class AllCheckers:
    def __init__(self, checkers: Sequence[ChapterChecker]) -> None:
        self.checkers = tuple(checkers)

    def check_sentence(
        self, sentence: str, reader: Reader, previous: str | None = None
    ) -> SafetyResult:
        # The first refusal is enough: the sentence is not shown either way (hot path).
        # `previous` reaches every checker: harm spread over two sentences is judged as a pair.
        result = _APPROVED
        for checker in self.checkers:
            result = checker.check_sentence(sentence, reader, previous)
            if not result.approved:
                return result
        return result

    async def check_chapter(self, text: str, reader: Reader) -> SafetyResult:
        # Every verdict, so the parent's safety view shows all that was found.
        results = [await checker.check_chapter(text, reader) for checker in self.checkers]
        if all(r.approved for r in results):
            return results[0] if len(results) == 1 else SafetyResult.from_issues([])
        return SafetyResult.from_issues([i for r in results for i in r.issues])
