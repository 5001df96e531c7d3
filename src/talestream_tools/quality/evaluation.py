"""`talestream quality-eval`: write K chapters per language and age band with the configured
model, through the real workflow (gate, retries and all), on a throwaway database, and report
how often each check passes, the first-attempt and final pass rates and the time per chapter.

The figures for the bundled model are in docs/quality.md, with the command that produced them.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from talestream.config import Settings
from talestream.quality.result import CHECKS, QualityResult
from talestream.stories.domain import Reader, StoryBrief, StoryJob
from talestream.stories.events import Completed, Failed, QualityChecked, SafetyChecked
from talestream.stories.titles import story_title

if TYPE_CHECKING:
    from talestream.stories.workflow import StoryWorkflow

# Age bands: the age a chapter is written for stands for its band.
AGE_BANDS: dict[str, int] = {"4-5": 5, "6-8": 7, "9-12": 10}
# Heroes and themes per language, cycled through: everyday, concrete children's-story topics.
BRIEFS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("Mia", "a lost owl"),
        ("Leo", "a friendly dragon"),
        ("Zoe", "a trip to the moon"),
        ("Sam", "a magic garden"),
        ("Ava", "a brave little boat"),
    ),
    "es": (("Lucas", "un dragón amable"), ("Sofía", "un jardín mágico"), ("Mateo", "la luna")),
    "fr": (("Léa", "un chaton perdu"), ("Hugo", "un bateau courageux"), ("Emma", "la lune")),
    "de": (("Jonas", "ein kleiner Drache"), ("Lena", "ein Zaubergarten"), ("Paul", "der Mond")),
    "ru": (("Маша", "волшебный лес"), ("Миша", "добрый дракон"), ("Аня", "луна")),
    "he": (("נועה", "כוכב קטן"), ("יונתן", "דרקון חביב"), ("מאיה", "גן קסום")),
}


@dataclass
class ChapterRun:
    language: str
    band: str
    hero: str
    theme: str
    seconds: float
    attempts: list[QualityResult] = field(default_factory=list)  # the gate's verdicts in order
    unsafe_attempts: int = 0
    text: str = ""
    question: str = ""
    choices: tuple[str, ...] = ()
    error: str | None = None  # the failure code when nothing was saved

    @property
    def first_passed(self) -> bool:
        return bool(self.attempts) and self.attempts[0].passed and self.unsafe_attempts == 0

    @property
    def saved(self) -> bool:
        return self.error is None


@dataclass
class Report:
    model: str
    runs: list[ChapterRun]

    def check_pass_rates(self) -> dict[str, float]:
        """Per check: the share of judged attempts it did not fail."""
        verdicts = [v for run in self.runs for v in run.attempts]
        failed = Counter(check for v in verdicts for check in v.failed_checks)
        return {c: 1 - failed[c] / len(verdicts) for c in CHECKS} if verdicts else {}

    def rate(self, passed: Sequence[bool]) -> float:
        return sum(passed) / len(passed) if passed else 0.0


async def _prepare_account(settings: Settings) -> int:
    from talestream.db.base import Database
    from talestream.terminal.admin import create_user

    db = Database(settings.resolved_database_url)
    try:
        user = await create_user(db, "quality-eval@example.com", "Quality", "quality-eval-42!")
        return user.id
    finally:
        await db.dispose()


async def run_evaluation(
    settings: Settings,
    *,
    per_band: int,
    languages: Sequence[str] | None = None,
    bands: Sequence[str] = tuple(AGE_BANDS),
    progress: Callable[[ChapterRun], None] | None = None,
) -> Report:
    """Write the chapters (on a temporary SQLite database, whatever is configured); `progress`
    hears of each chapter as it is done (a slow model takes minutes a chapter)."""
    from talestream.db.migrate import upgrade
    from talestream.generation.capabilities import model_languages
    from talestream.services import open_services

    with tempfile.TemporaryDirectory(prefix="talestream-quality-") as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'eval.db'}"
        settings = settings.model_copy(update={"database_url": url, "data_dir": Path(folder)})
        await asyncio.to_thread(upgrade, url)
        owner = await _prepare_account(settings)
        runs: list[ChapterRun] = []
        async with open_services(settings) as services:
            wanted = languages or model_languages(services.model)
            for language in wanted:
                for band in bands:
                    for k in range(per_band):
                        hero, theme = BRIEFS[language][k % len(BRIEFS[language])]
                        written = _one_chapter(
                            services.workflow, owner, language, band, hero, theme
                        )
                        runs.append(await written)
                        if progress is not None:
                            progress(runs[-1])
            return Report(model=services.model.name, runs=runs)


async def _one_chapter(
    workflow: StoryWorkflow, owner: int, language: str, band: str, hero: str, theme: str
) -> ChapterRun:
    age = AGE_BANDS[band]
    reading_level = "beginner" if age <= 7 else "intermediate"
    job = StoryJob(
        owner_id=owner,
        brief=StoryBrief(
            title=story_title(hero, theme, language),
            theme=theme,
            reader=Reader(age=age, language=language, reading_level=reading_level),
            hero_name=hero,
        ),
    )
    run = ChapterRun(language=language, band=band, hero=hero, theme=theme, seconds=0.0)
    started = time.perf_counter()
    async for event in workflow.run(job):
        if isinstance(event, QualityChecked):
            run.attempts.append(event.result)
        elif isinstance(event, SafetyChecked) and not event.result.approved:
            run.unsafe_attempts += 1
        elif isinstance(event, Completed):
            run.text = event.content
            run.question = event.ending.choice_question
            run.choices = tuple(c.text for c in event.ending.choices)
        elif isinstance(event, Failed):
            run.error = event.code
    run.seconds = time.perf_counter() - started
    return run


def describe(run: ChapterRun) -> str:
    """One line per chapter, for progress."""
    verdicts = " ".join(
        "pass" if v.passed else ",".join(sorted(v.failed_checks)) for v in run.attempts
    )
    outcome = "saved" if run.saved else run.error
    return f"{run.language} {run.band} {run.hero}: {outcome} in {run.seconds:.0f} s [{verdicts}]"


def format_report(report: Report, samples: int) -> str:
    runs = report.runs
    lines = [f"quality-eval: {report.model}, {len(runs)} chapters"]
    lines.append("pass rate per check (share of judged attempts):")
    for check, rate in report.check_pass_rates().items():
        lines.append(f"  {check:<10} {rate:6.1%}")
    lines.append(f"first attempt passed : {report.rate([r.first_passed for r in runs]):6.1%}")
    lines.append(f"saved (final)        : {report.rate([r.saved for r in runs]):6.1%}")
    seconds = [r.seconds for r in runs]
    if seconds:
        lines.append(
            f"time per chapter     : mean {sum(seconds) / len(seconds):.1f} s, "
            f"max {max(seconds):.1f} s (all attempts)"
        )
    by_group: dict[tuple[str, str], list[ChapterRun]] = {}
    for run in runs:
        by_group.setdefault((run.language, run.band), []).append(run)
    lines.append("per language and age band (first attempt / saved):")
    for (language, band), group in by_group.items():
        first = report.rate([r.first_passed for r in group])
        final = report.rate([r.saved for r in group])
        lines.append(f"  {language} {band:<5} {first:6.1%} / {final:6.1%}  (n={len(group)})")
    failures = Counter(i.detail.split(":")[0] for r in runs for v in r.attempts for i in v.issues)
    if failures:
        lines.append("most common issues:")
        lines.extend(f"  {n:3d} x {what}" for what, n in failures.most_common(8))
    for run in [r for r in runs if r.saved][:samples]:
        lines.append(f"--- sample: {run.language} {run.band}, {run.hero}, {run.theme!r}")
        lines.append(run.text)
        lines.append(f"  {run.question}")
        lines.extend(f"  - {choice}" for choice in run.choices)
    for run in [r for r in runs if not r.saved][:samples]:
        last = run.attempts[-1] if run.attempts else None
        why = "; ".join(i.detail for i in last.issues) if last else run.error
        lines.append(f"--- not saved ({run.error}): {run.language} {run.band}, {run.hero}: {why}")
    return "\n".join(lines)
