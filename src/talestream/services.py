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
from talestream.runs import RunManager, create_run_log
from talestream.safety import InputPolicy, OutputPolicy
from talestream.safety.core.encoder import shared_encoder
from talestream.safety.moderation import create_moderator
from talestream.stories.avoided_topics import AvoidedTopicsChecker
from talestream.stories.checkers import AllCheckers
from talestream.stories.quality_checker import QualityGate
from talestream.stories.safety_checker import SafetyChecker
from talestream.stories.store import SqlChapterStore
from talestream.stories.workflow import StoryWorkflow
from talestream.telemetry.metrics import CountingModel, Metrics


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
    runs: RunManager
    metrics: Metrics


@asynccontextmanager
async def open_services(settings: Settings) -> AsyncIterator[Services]:
    db = Database(settings.resolved_database_url)
    model = create_model(settings)
    gate = FairGate(model.concurrency)
    encoder = shared_encoder() if settings.safety_encoder else None
    if encoder is not None:
        await asyncio.to_thread(encoder.warm_up)  # loads the engine once a process: ~0.2 s
    output_policy = await asyncio.to_thread(OutputPolicy, encoder=encoder)  # ~1 s
    # Language identification loads its models (~1 s) now, not on a child's first sentence.
    await asyncio.to_thread(warm_up_language_id)
    moderator = create_moderator(settings)
    metrics = Metrics()
    workflow = StoryWorkflow(
        model=CountingModel(model, metrics.model_tokens),
        gate=gate,
        safety=AllCheckers([SafetyChecker(output_policy, moderator), AvoidedTopicsChecker()]),
        quality=QualityGate(),
        store=SqlChapterStore(db),
        max_attempts=settings.safety_max_attempts,
        max_tokens=settings.max_story_tokens,
    )
    run_log = create_run_log(
        settings.redis_url,
        ttl=settings.run_ttl_seconds,
        max_events=settings.run_max_events,
        lease_ttl=settings.run_lease_seconds,
    )
    runs = RunManager(
        run_log,
        grace=settings.stream_resume_grace_seconds,
        on_end=lambda outcome: metrics.runs_ended.labels(outcome).inc(),
    )
    metrics.watch(
        waiting=lambda: gate.waiting, busy=lambda: gate.running, runs_by_state=runs.states
    )
    try:
        yield Services(
            settings,
            db,
            model,
            gate,
            InputPolicy(encoder),
            output_policy,
            workflow,
            RateLimits(settings),
            runs,
            metrics,
        )
    finally:
        # Runs still going when the app stops end with SERVER_SHUTTING_DOWN and save nothing
        # (a SIGTERM drains them first: talestream.lifecycle).
        await runs.drain(0)
        await run_log.aclose()
        if moderator is not None:
            await moderator.aclose()
        await model.aclose()
        await db.dispose()
