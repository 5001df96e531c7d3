"""The chapter loop behind `talestream generate`, the same for the in-process and `--url` sources.

Async work (lookups, streaming one chapter) runs in one asyncio.Runner, one `runner.run` per step;
the prompts run between steps, outside the event loop. That split is what makes Ctrl-C clean:
during `runner.run` the runner turns SIGINT into cancelling the running step, so the stream is
closed from the inside (in-process the workflow and the model stop before anything is saved; over
HTTP the response is closed and the server does the same), and during a prompt it is an ordinary
KeyboardInterrupt. Either way one line says what happened and the exit code is 130.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncGenerator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, aclosing
from dataclasses import dataclass
from typing import Protocol

from pydantic import ValidationError

from talestream.errors import DomainError, ErrorCode
from talestream.stories.schemas import ChildStoryParams
from talestream.terminal.events import (
    REPICK_CODES,
    ChapterSaved,
    ChildInfo,
    ClientEvent,
    StageStarted,
    StoryInfo,
    StreamFailed,
    describe_invalid,
)
from talestream.terminal.render import StoryView

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

Pick = int | str  # a 0-based index into the choices, or the child's own idea


class StorySource(Protocol):
    """Where chapters come from: terminal.local.LocalSource or terminal.client.RemoteSource.
    Every method raises DomainError when the request is refused."""

    async def child(self, name_or_id: str) -> ChildInfo: ...

    async def story(self, story_id: uuid.UUID) -> StoryInfo: ...

    def chapter(self, params: ChildStoryParams) -> AsyncGenerator[ClientEvent]: ...


@dataclass(frozen=True, slots=True)
class StoryRequest:
    """What was asked for on the command line."""

    child: str | None  # a name or an id; with --continue, the story's child by default
    theme: str | None  # with --continue, the story's theme by default
    title: str | None = None
    continue_story: uuid.UUID | None = None
    chapter: int | None = None
    choice: str | None = None  # a choice's number, or the child's own idea
    interactive: bool = False


def parse_pick(answer: str, count: int | None) -> Pick | None:
    """A choice number (1-based), the child's own idea, or None (blank: stop). A number outside
    1..count raises ValueError; count None means the choices are not known here."""
    answer = answer.strip()
    if not answer:
        return None
    if answer.isdigit():
        number = int(answer)
        if number < 1 or (count is not None and number > count):
            raise ValueError(f"pick a number from 1 to {count}" if count else "pick 1 or more")
        return number - 1
    return answer


def chapter_params(
    child_id: int,
    theme: str,
    chapter: int,
    *,
    title: str | None = None,
    story_id: uuid.UUID | None = None,
    pick: Pick | None = None,
) -> ChildStoryParams:
    try:
        return ChildStoryParams(
            child_id=child_id,
            theme=theme,
            chapter_number=chapter,
            title=title,
            story_id=story_id,
            choice_index=pick if isinstance(pick, int) else None,
            custom_choice=pick if isinstance(pick, str) else None,
        )
    except ValidationError as exc:
        raise DomainError(describe_invalid(exc), ErrorCode.VALIDATION_ERROR) from None


@dataclass(slots=True)
class _Progress:
    """Where we are, so an interrupted run can say truthfully what was saved."""

    chapter: int = 0
    streaming: bool = False
    saving: bool = False
    saved: int = 0

    def start(self, chapter: int) -> None:
        self.chapter, self.streaming, self.saving = chapter, True, False

    def track(self, event: ClientEvent) -> None:
        if isinstance(event, StageStarted) and event.node == "save":
            self.saving = True
        elif isinstance(event, ChapterSaved):
            self.streaming, self.saving, self.saved = False, False, self.saved + 1
        elif isinstance(event, StreamFailed):
            self.streaming, self.saving = False, False

    def stopped(self) -> str:
        if self.streaming and self.saving:
            return f"Stopped while saving chapter {self.chapter}: it may have been saved."
        if self.streaming and self.saved:
            return f"Stopped. Nothing of chapter {self.chapter} was saved."
        if self.saved:
            return "Stopped. The story so far is saved."
        return "Stopped. Nothing was saved."


class StorySession:
    def __init__(
        self,
        open_source: Callable[[], AbstractAsyncContextManager[StorySource]],
        view: StoryView,
    ) -> None:
        self.open_source = open_source
        self.view = view
        self.progress = _Progress()

    def run(self, request: StoryRequest) -> int:
        """Streams the requested chapter (and, interactively, the ones the child picks next);
        returns the exit code."""
        with asyncio.Runner() as runner:
            stack = AsyncExitStack()
            try:
                return self._run(runner, stack, request)
            except KeyboardInterrupt:
                self.view.stopped(self.progress.stopped())
                return EXIT_INTERRUPTED
            except DomainError as error:
                self.view.refused(error)
                return EXIT_USAGE if error.code == ErrorCode.USAGE else EXIT_FAILED
            finally:
                self.view.close()
                # A second Ctrl-C while closing: leave without the tidy-up.
                with contextlib.suppress(KeyboardInterrupt):
                    runner.run(stack.aclose())

    def _run(self, runner: asyncio.Runner, stack: AsyncExitStack, request: StoryRequest) -> int:
        source = runner.run(stack.enter_async_context(self.open_source()))
        story = runner.run(source.story(request.continue_story)) if request.continue_story else None
        child = runner.run(source.child(_child_ref(request, story)))
        theme = request.theme or (story.theme if story else None)
        if not theme:
            raise DomainError(
                "--theme is required for a new story, e.g. --theme dragons", ErrorCode.USAGE
            )

        # The choices the user picks from at the prompt before `params` (None: given up front).
        ending: tuple[str, ...] | None = None
        if story is not None:
            chapter = request.chapter or story.next_chapter
            if request.choice is not None:
                pick = _given_pick(request.choice, len(story.choices))
                params = chapter_params(child.id, theme, chapter, story_id=story.id, pick=pick)
            elif request.interactive:
                self.view.choices(story.question, story.choices)
                ending = story.choices
                picked = self._pick(child.id, theme, story.id, chapter, len(ending))
                if picked is None:
                    return EXIT_OK
                params = picked
            else:
                raise DomainError(
                    f"continuing needs --choice: 1 to {len(story.choices)} or the child's idea",
                    ErrorCode.USAGE,
                )
        elif request.chapter and request.chapter > 1:
            if request.choice is None:
                raise DomainError("--chapter needs --choice: a number or an idea", ErrorCode.USAGE)
            pick = _given_pick(request.choice, None)
            params = chapter_params(child.id, theme, request.chapter, pick=pick)
        else:
            if request.choice is not None:
                raise DomainError(
                    "--choice continues a story: add --continue STORY_ID", ErrorCode.USAGE
                )
            params = chapter_params(child.id, theme, 1, title=request.title)

        # The story and chapter the next pick continues (kept when a pick is refused).
        story_id, chapter = params.story_id, params.chapter_number
        while True:
            try:
                saved = self._chapter(runner, source, child, params)
            except DomainError as error:
                # A pick made at the prompt was refused (an idea the input policy turned down,
                # say): tell the child why and let them pick again. Anything else ends the run.
                if ending is None or error.code not in REPICK_CODES:
                    raise
                self.view.refused(error)
            else:
                if saved is None:
                    return EXIT_FAILED
                if not request.interactive:
                    self.view.note(
                        f"Continue with: talestream generate --continue {saved.story_id} "
                        f"--choice 1..{len(saved.choices)}"
                    )
                    return EXIT_OK
                ending = saved.choices
                story_id, chapter = saved.story_id, saved.chapter_number + 1
            picked = self._pick(child.id, theme, story_id, chapter, len(ending))
            if picked is None:
                self.view.note("Stopped here. The story so far is saved.")
                return EXIT_OK
            params = picked

    def _pick(
        self, child_id: int, theme: str, story_id: uuid.UUID | None, chapter: int, count: int
    ) -> ChildStoryParams | None:
        """The next chapter's request from the user's pick; None when they stop."""
        while True:
            pick = self._ask(count)
            if pick is None:
                return None
            try:
                return chapter_params(child_id, theme, chapter, story_id=story_id, pick=pick)
            except DomainError as error:  # e.g. an idea longer than 200 characters
                self.view.refused(error)

    def _chapter(
        self,
        runner: asyncio.Runner,
        source: StorySource,
        child: ChildInfo,
        params: ChildStoryParams,
    ) -> ChapterSaved | None:
        self.progress.start(params.chapter_number)
        label = f"Chapter {params.chapter_number} · {child.name} · {params.theme}"
        try:
            return runner.run(self._stream(source, params, label))
        except DomainError:
            self.progress.streaming = False  # refused or cut off: not writing any more
            raise

    async def _stream(
        self, source: StorySource, params: ChildStoryParams, label: str
    ) -> ChapterSaved | None:
        """One chapter, shown event by event; None when the stream reported an error."""
        saved: ChapterSaved | None = None
        first = True
        # aclosing: however we leave (error, Ctrl-C), the source's stream is closed right here.
        async with aclosing(source.chapter(params)) as events:
            async for event in events:
                if first:
                    self.view.heading(label)  # only once the request was accepted
                    first = False
                self.progress.track(event)
                self.view.show(event)
                if isinstance(event, StreamFailed):
                    return None
                if isinstance(event, ChapterSaved):
                    saved = event
        if saved is None:
            raise DomainError(
                "the stream ended before the chapter was finished", ErrorCode.STREAM_ENDED
            )
        return saved

    def _ask(self, count: int) -> Pick | None:
        """Asks until the answer is usable; None (stop) on a blank line or end of input."""
        while True:
            try:
                answer = self.view.ask(f"Pick 1-{count} (or type your own idea, Enter to stop):")
            except EOFError:
                return None
            try:
                return parse_pick(answer, count)
            except ValueError as exc:
                self.view.note(str(exc))


def _child_ref(request: StoryRequest, story: StoryInfo | None) -> str:
    if request.child:
        return request.child
    if story is not None and story.child_id is not None:
        return str(story.child_id)
    if story is not None:
        raise DomainError(
            "this story was written from a parent's idea: pass --child", ErrorCode.USAGE
        )
    raise DomainError("--child is required: a child's name or profile id", ErrorCode.USAGE)


def _given_pick(choice: str, count: int | None) -> Pick:
    try:
        pick = parse_pick(choice, count)
    except ValueError as exc:
        raise DomainError(f"--choice: {exc}", ErrorCode.USAGE) from None
    if pick is None:
        raise DomainError("--choice must not be empty", ErrorCode.USAGE)
    return pick
