"""Everything a running talestream needs, built once from Settings: database, model, fair queue,
safety policies and the story workflow. The web app, the CLI and the tests all use this."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from talestream.config import Settings
from talestream.db.base import Database
from talestream.generation.base import StoryModel
from talestream.generation.factory import create_model
from talestream.generation.queue import FairGate
from talestream.quality.language import warm_up as warm_up_language_id
from talestream.ratelimit import RateLimits
from talestream.safety import InputPolicy, OutputPolicy
from talestream.safety.moderation import create_moderator
from talestream.stories.quality_checker import QualityGate
from talestream.stories.safety_checker import SafetyChecker
from talestream.stories.store import SqlChapterStore
from talestream.stories.workflow import StoryWorkflow


@dataclass(frozen=True, slots=True)
class Services:
    settings: Settings
    db: Database
    model: StoryModel
    gate: FairGate
    input_policy: InputPolicy
    output_policy: OutputPolicy
    workflow: StoryWorkflow
    rate_limits: RateLimits


@asynccontextmanager
async def open_services(settings: Settings) -> AsyncIterator[Services]:
    db = Database(settings.resolved_database_url)
    model = create_model(settings)
    gate = FairGate(model.concurrency)
    output_policy = await asyncio.to_thread(OutputPolicy)  # loads a classifier: ~1 s
    # Language identification loads its models (~1 s) now, not on a child's first sentence.
    await asyncio.to_thread(warm_up_language_id)
    moderator = create_moderator(settings)
    workflow = StoryWorkflow(
        model=model,
        gate=gate,
        safety=SafetyChecker(output_policy, moderator),
        quality=QualityGate(),
        store=SqlChapterStore(db),
        max_attempts=settings.safety_max_attempts,
        max_tokens=settings.max_story_tokens,
    )
    try:
        yield Services(
            settings,
            db,
            model,
            gate,
            InputPolicy(),
            output_policy,
            workflow,
            RateLimits(settings),
        )
    finally:
        if moderator is not None:
            await moderator.aclose()
        await model.aclose()
        await db.dispose()
