"""What a chapter's badges say, in words a parent trusts: who it was checked for, whether a
draft was set aside and rewritten, how long it takes to read, and its words against the child's
own reading level. Shown with each finished chapter and in the library."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

LEVELS = ("beginner", "intermediate", "advanced")


class ChapterBadges(BaseModel):
    checked_for: str  # "Checked for a 6-year-old"
    rewritten: int  # drafts set aside before this one
    safety_note: str
    reading_seconds: int
    reading_time: str  # "Under a minute", "About 3 minutes"
    vocabulary_level: str
    child_level: str
    level_comparison: Literal["easier", "matches", "harder"]
    level_note: str


def reading_time_words(seconds: int) -> str:
    if seconds < 60:
        return "Under a minute"
    if seconds < 90:
        return "About a minute"
    return f"About {round(seconds / 60)} minutes"


def chapter_badges(
    *, age: int, child_level: str, vocabulary_level: str, attempts: int, reading_seconds: int
) -> ChapterBadges:
    rewritten = max(0, attempts - 1)
    if rewritten:
        times = "once" if rewritten == 1 else f"{rewritten} times"
        note = f"Rewritten {times} before it was shown: an earlier draft was set aside"
    else:
        note = "Passed every check on the first draft"
    words, child = LEVELS.index(vocabulary_level), LEVELS.index(child_level)
    comparison: Literal["easier", "matches", "harder"] = (
        "matches" if words == child else "harder" if words > child else "easier"
    )
    level_note = {
        "matches": f"Words at the child's {child_level} level",
        "harder": f"Some {vocabulary_level} words, above the child's {child_level} level",
        "easier": f"Easy words for the child's {child_level} level",
    }[comparison]
    return ChapterBadges(
        checked_for=f"Checked for a {age}-year-old",
        rewritten=rewritten,
        safety_note=note,
        reading_seconds=reading_seconds,
        reading_time=reading_time_words(reading_seconds),
        vocabulary_level=vocabulary_level,
        child_level=child_level,
        level_comparison=comparison,
        level_note=level_note,
    )
