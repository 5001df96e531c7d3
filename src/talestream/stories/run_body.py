"""A story workflow as the body of a run (talestream.runs): each workflow event becomes one frame
of the endpoint's wire format, and the run pauses before the save while nobody is reading."""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator
from contextlib import aclosing

from talestream.runs import Body as RunBody
from talestream.runs import RunControl
from talestream.stories.domain import StoryJob
from talestream.stories.encoders import WireFormat, is_save_point
from talestream.stories.events import ContentChunk, QualityChecked, SafetyChecked, WorkflowEvent
from talestream.stories.workflow import StoryWorkflow
from talestream.telemetry.metrics import Metrics


def story_run(
    workflow: StoryWorkflow, job: StoryJob, wire: WireFormat, metrics: Metrics
) -> RunBody:
    async def body(control: RunControl) -> AsyncGenerator[str]:
        began, waiting_for_text = time.monotonic(), True
        async with aclosing(workflow.run(job)) as events:
            async for event in events:
                if waiting_for_text and isinstance(event, ContentChunk) and event.text:
                    metrics.time_to_first_content.observe(time.monotonic() - began)
                    waiting_for_text = False
                else:
                    count_rejection(metrics, event)
                frame = wire.frame(event, control.run_id)
                if frame is not None:
                    yield frame
                if is_save_point(event):
                    # The workflow is suspended right before its save: nothing is written
                    # unless someone is reading (or comes back within the grace window).
                    await control.before_save()

    return body


def count_rejection(metrics: Metrics, event: WorkflowEvent) -> None:
    """Safety and quality rejections, counted alike for every endpoint (streamed or not)."""
    if isinstance(event, SafetyChecked) and not event.result.approved:
        metrics.rejections.labels("safety").inc()
    elif isinstance(event, QualityChecked) and not event.result.passed:
        metrics.rejected_by_quality(event.result.failed_checks)
