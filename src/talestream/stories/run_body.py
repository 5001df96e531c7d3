"""A story workflow as the body of a run (talestream.runs): each workflow event becomes one frame
of the endpoint's wire format, and the run pauses before the save while nobody is reading."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import aclosing

from talestream.runs import Body as RunBody
from talestream.runs import RunControl
from talestream.stories.domain import StoryJob
from talestream.stories.encoders import WireFormat, is_save_point
from talestream.stories.workflow import StoryWorkflow


def story_run(workflow: StoryWorkflow, job: StoryJob, wire: WireFormat) -> RunBody:
    async def body(control: RunControl) -> AsyncGenerator[str]:
        async with aclosing(workflow.run(job)) as events:
            async for event in events:
                frame = wire.frame(event, control.run_id)
                if frame is not None:
                    yield frame
                if is_save_point(event):
                    # The workflow is suspended right before its save: nothing is written
                    # unless someone is reading (or comes back within the grace window).
                    await control.before_save()

    return body
