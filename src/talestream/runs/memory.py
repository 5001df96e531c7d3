"""The run log inside one process: the embedded default (one worker, no Redis).

Each run keeps at most `max_events` events and is forgotten `ttl` seconds after it finished.
Readers wait on an asyncio.Condition, so a new event reaches them without polling.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field

from talestream.runs.log import FINISHED, Entry, Pulse, RunExpired, RunInfo, RunState


@dataclass(slots=True)
class _Run:
    owner_id: int
    kind: str
    worker: str
    created_at: float
    events: deque[Entry]
    state: RunState = RunState.RUNNING
    last_event_id: int = 0
    finished_at: float | None = None
    stop: bool = False
    readers: dict[str, float] = field(default_factory=dict)  # reader -> presence deadline
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)


class MemoryRunLog:
    def __init__(self, *, ttl: float, max_events: int, presence_ttl: float) -> None:
        self.ttl = ttl
        self.max_events = max_events
        self.presence_ttl = presence_ttl
        self._runs: dict[str, _Run] = {}

    def _forget_expired(self) -> None:
        now = time.monotonic()
        for run_id, run in list(self._runs.items()):
            if run.finished_at is not None and now - run.finished_at > self.ttl:
                del self._runs[run_id]

    async def create(self, run_id: str, owner_id: int, kind: str, worker: str) -> None:
        self._forget_expired()
        self._runs[run_id] = _Run(
            owner_id, kind, worker, time.time(), deque(maxlen=self.max_events)
        )

    async def append(self, run_id: str, event_id: int, payload: str) -> None:
        run = self._runs[run_id]
        run.events.append(Entry(event_id, payload))
        run.last_event_id = event_id
        async with run.changed:
            run.changed.notify_all()

    async def finish(self, run_id: str, state: RunState, event_id: int) -> None:
        run = self._runs[run_id]
        run.state, run.last_event_id, run.finished_at = state, event_id, time.monotonic()
        async with run.changed:
            run.changed.notify_all()

    async def set_state(self, run_id: str, state: RunState) -> None:
        self._runs[run_id].state = state

    async def info(self, run_id: str) -> RunInfo | None:
        self._forget_expired()
        run = self._runs.get(run_id)
        if run is None:
            return None
        return RunInfo(
            run_id,
            run.owner_id,
            run.kind,
            run.state,
            run.worker,
            run.last_event_id,
            await self.readers(run_id),
            run.created_at,
        )

    async def read(self, run_id: str, after: int) -> AsyncIterator[Entry]:
        run = self._runs.get(run_id)
        if run is None:
            raise RunExpired
        while True:
            if run.events and after + 1 < run.events[0].event_id:
                raise RunExpired  # the events this reader missed were trimmed
            pending = [e for e in run.events if e.event_id > after]
            for entry in pending:
                yield entry
                after = entry.event_id
            if run.state in FINISHED and after >= run.last_event_id:
                return
            async with run.changed:
                if after >= run.last_event_id and run.state not in FINISHED:
                    await run.changed.wait()

    async def join(self, run_id: str, reader: str) -> None:
        run = self._runs.get(run_id)
        if run is not None:
            run.readers[reader] = time.monotonic() + self.presence_ttl

    async def leave(self, run_id: str, reader: str) -> None:
        run = self._runs.get(run_id)
        if run is not None:
            run.readers.pop(reader, None)

    async def readers(self, run_id: str) -> int:
        run = self._runs.get(run_id)
        if run is None:
            return 0
        now = time.monotonic()
        for reader, deadline in list(run.readers.items()):
            if deadline < now:
                del run.readers[reader]
        return len(run.readers)

    async def request_stop(self, run_id: str) -> None:
        run = self._runs.get(run_id)
        if run is not None:
            run.stop = True

    async def pulse(self, run_ids: Sequence[str]) -> list[Pulse]:
        # One process: no lease, since a run's worker cannot die while its readers live.
        return [
            Pulse(await self.readers(r), r in self._runs and self._runs[r].stop) for r in run_ids
        ]

    async def aclose(self) -> None:
        self._runs.clear()
