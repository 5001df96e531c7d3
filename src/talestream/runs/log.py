"""The run log: where a run's events go, and what every reader of a run reads.

One writer per run (the worker that runs it) appends encoded events; any number of readers, on any
worker, read them in order by event id (1, 2, 3, ... per run) and may start after any id they
already have. Two implementations share this protocol: `MemoryRunLog` (one process, the embedded
default) and `RedisRunLog` (a Redis Stream per run, shared by every worker).

Besides the events the log keeps what other workers need to know about a run: its owner, its state,
how many readers it has right now (each reader refreshes its presence), whether someone asked it to
stop, and a lease the running worker keeps renewing, so readers elsewhere notice a dead worker.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from talestream.errors import DomainError, ErrorCode, Unavailable, ValidationFailed


class RunState(StrEnum):
    RUNNING = "running"
    WAITING = "waiting"  # finished writing, paused before its save until a reader comes back
    DONE = "done"  # ended by itself: completed or failed (its last event says which)
    CANCELLED = "cancelled"  # stopped, abandoned or cut short by a shutdown: nothing saved
    LOST = "lost"  # its worker stopped renewing the lease (died): reported, never stored


FINISHED = frozenset({RunState.DONE, RunState.CANCELLED})


@dataclass(frozen=True, slots=True)
class RunInfo:
    run_id: str
    owner_id: int
    kind: str  # the stream format it was started on; resuming needs the same endpoint
    state: RunState
    worker: str
    last_event_id: int
    readers: int
    created_at: float  # unix time


@dataclass(frozen=True, slots=True)
class Entry:
    event_id: int
    payload: str


@dataclass(frozen=True, slots=True)
class Pulse:
    readers: int
    stop: bool


class RunExpired(DomainError):
    code = ErrorCode.RUN_EXPIRED

    def __init__(self) -> None:
        super().__init__(
            "This story run is over and its events are gone, so it cannot be resumed. "
            "Nothing new was started; start the chapter again."
        )


class RunLost(DomainError):
    code = ErrorCode.RUN_LOST

    def __init__(self) -> None:
        super().__init__(
            "The server writing this story stopped answering, so the story was not saved. "
            "Please start the chapter again."
        )


class RunStoreUnavailable(Unavailable):
    """The shared run log cannot be reached (Redis is down): a running story stops (an `error`
    event for its readers, nothing saved unless its save had already begun) and new ones are
    refused with 503 and Retry-After until it is back."""

    def __init__(self) -> None:
        super().__init__(
            "Stories cannot be written right now because the server lost its connection to its "
            "run store; a story that was not finished was not saved. Please try again shortly.",
            ErrorCode.RUN_STORE_UNAVAILABLE,
        )


class RunLog(Protocol):
    # Any method may raise RunStoreUnavailable when a shared log cannot be reached.

    async def create(self, run_id: str, owner_id: int, kind: str, worker: str) -> None: ...

    async def append(self, run_id: str, event_id: int, payload: str) -> None:
        """Adds one event; ids grow by one per event (the single writer counts them)."""
        ...

    async def finish(self, run_id: str, state: RunState, event_id: int) -> None:
        """Marks the run finished after its last event (`event_id`) and wakes every reader."""
        ...

    async def set_state(self, run_id: str, state: RunState) -> None: ...

    async def info(self, run_id: str) -> RunInfo | None:
        """None once the run's log expired (or never existed)."""
        ...

    def read(self, run_id: str, after: int) -> AsyncIterator[Entry]:
        """The events after `after`, waiting for new ones until the run finishes. Raises
        RunExpired when the log (or the part after `after`) is gone, RunLost when the run's
        worker stopped renewing its lease."""
        ...

    async def join(self, run_id: str, reader: str) -> None:
        """Records (or refreshes) a reader's presence; it lapses unless refreshed."""
        ...

    async def leave(self, run_id: str, reader: str) -> None: ...

    async def readers(self, run_id: str) -> int: ...

    async def request_stop(self, run_id: str) -> None: ...

    async def pulse(self, run_ids: Sequence[str]) -> list[Pulse]:
        """The running worker's periodic look at its runs, in one round trip: renews their
        leases (readers treat a lapsed lease as RunLost), reads readers and stop flags."""
        ...

    async def aclose(self) -> None: ...


_CURSOR = re.compile(r"^([0-9a-f]{32})\.([0-9]{1,9})$")


def event_id_text(run_id: str, event_id: int) -> str:
    """The SSE `id:` of an event: the run and the event's place in it, so `Last-Event-ID` alone
    says which run to resume and where."""
    return f"{run_id}.{event_id}"


def parse_last_event_id(text: str) -> tuple[str, int]:
    """(run id, last event id) from a `Last-Event-ID`; ValidationFailed when it is not ours."""
    found = _CURSOR.match(text.strip())
    if found is None:
        raise ValidationFailed(
            "Last-Event-ID must be an event id this server sent (run id, a dot, a number)"
        )
    return found.group(1), int(found.group(2))
