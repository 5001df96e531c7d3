"""Runs decoupled from connections: a run is a task on the worker that started it, writing its
events to the run log; every HTTP stream is a reader of that log.

Every `tick` seconds the worker looks at all the runs it writes in one round trip
(`RunLog.pulse`): it renews their leases, and reads whether anyone is reading each and whether
someone asked it to stop.

- No reader for `grace` seconds: the run is cancelled (RUN_ABANDONED) and saves nothing.
- A run about to save with no reader waits there (`RunControl.before_save`): a reader who comes
  back within the window sees it saved; otherwise the grace rule above cancels it.
- A stop request from any worker ends it at once (RUN_STOPPED).
- A drain (SIGTERM) refuses new runs, waits for running ones, then ends the rest
  (SERVER_SHUTTING_DOWN). Once a run has passed `before_save` it is never cancelled: its one
  transaction either commits or not, and no cancellation lands in the middle of it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import AsyncGenerator, Callable
from contextlib import aclosing
from dataclasses import dataclass, field

from talestream.errors import ErrorCode, Unavailable
from talestream.runs.log import Entry, Pulse, RunLog, RunLost, RunState, RunStoreUnavailable
from talestream.telemetry.logs import run_id as current_run

log = logging.getLogger(__name__)

# A reader refreshes its presence this often; it lapses after PRESENCE_TTL without a refresh.
PRESENCE_TTL = 10.0

STOP_MESSAGES = {
    ErrorCode.RUN_STOPPED: "The story was stopped, so it was not saved.",
    ErrorCode.RUN_ABANDONED: "Nobody was reading any more, so the story was stopped and not saved.",
    ErrorCode.SERVER_SHUTTING_DOWN: (
        "The server is restarting, so this story was stopped and not saved. Please start it again."
    ),
    ErrorCode.RUN_STORE_UNAVAILABLE: RunStoreUnavailable().detail,
}


@dataclass(slots=True)
class RunControl:
    """What a run's body sees of its run: its id, and the pause before its save."""

    run_id: str
    _run: _LocalRun

    async def before_save(self) -> None:
        """Waits until someone is reading; from then on the run is never cancelled."""
        run = self._run
        log = run.manager.log
        # A fresh look each time: a supervisor tick that started before the reader left may
        # still report it present.
        while (await log.pulse([run.run_id]))[0].readers == 0:
            if not run.waiting:
                run.waiting = True
                await log.set_state(run.run_id, RunState.WAITING)
            run.present.clear()
            await run.present.wait()
        if run.waiting:
            run.waiting = False
            await log.set_state(run.run_id, RunState.RUNNING)
        run.saving = True


@dataclass(slots=True)
class _LocalRun:
    manager: RunManager
    run_id: str
    last_seen: float  # loop time a reader was last seen
    task: asyncio.Task[None] | None = None
    present: asyncio.Event = field(default_factory=asyncio.Event)
    saving: bool = False
    waiting: bool = False
    in_body: bool = False
    finished: bool = False
    reason: ErrorCode | None = None

    def observe(self, pulse: Pulse, now: float, grace: float) -> None:
        """Applies one look at the shared state: stop requested, readers present or not."""
        if pulse.stop:
            self.cancel(ErrorCode.RUN_STOPPED)
        if pulse.readers:
            self.last_seen = now
            self.present.set()
        else:
            self.present.clear()
            if now - self.last_seen >= grace:
                self.cancel(ErrorCode.RUN_ABANDONED)

    def cancel(self, reason: ErrorCode) -> None:
        """Ends the run with `reason`: at once while its body runs, else after the current
        write to the log (the drive loop checks `reason`)."""
        if self.saving or self.finished or self.reason is not None:
            return
        self.reason = reason
        if self.in_body and self.task is not None:
            self.task.cancel()


Body = Callable[[RunControl], AsyncGenerator[str]]
Failure = Callable[[str, str], str]  # (code, message) -> the encoded `error` event


@dataclass(frozen=True, slots=True)
class StartedRun:
    run_id: str
    reader: str  # the starting request is the run's first reader


class RunManager:
    def __init__(
        self,
        log: RunLog,
        *,
        grace: float,
        tick: float = 0.5,
        worker: str | None = None,
        on_end: Callable[[str], None] | None = None,
    ) -> None:
        self.log = log
        self.on_end = on_end  # told how each run ended: "done" or a lower-case ErrorCode
        self.grace = grace
        self.tick = tick
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.accepting = True
        self._runs: dict[str, _LocalRun] = {}
        self._wake = asyncio.Event()
        self._poked: set[str] = set()  # runs whose readers changed since the supervisor looked
        self._supervisor: asyncio.Task[None] | None = None
        # This worker's readers: set when one leaves, and the task refreshing its presence.
        self._left: dict[str, asyncio.Event] = {}
        self._refreshers: dict[str, asyncio.Task[None]] = {}

    @property
    def running(self) -> int:
        return len(self._runs)

    def states(self) -> dict[str, int]:
        """This worker's runs by state (for metrics)."""
        waiting = sum(r.waiting for r in self._runs.values())
        return {"running": len(self._runs) - waiting, "waiting": waiting}

    async def start(self, owner_id: int, kind: str, body: Body, failure: Failure) -> StartedRun:
        """Creates the run and starts it; Unavailable (503) while the worker drains."""
        if not self.accepting:
            raise Unavailable(
                "This server is restarting; please try again in a moment.",
                ErrorCode.SERVER_SHUTTING_DOWN,
                retry_after=5,
            )
        run_id = uuid.uuid4().hex
        await self.log.create(run_id, owner_id, kind, self.worker)
        started = StartedRun(run_id, uuid.uuid4().hex)
        await self.log.join(run_id, started.reader)
        run = _LocalRun(self, run_id, asyncio.get_running_loop().time())
        run.present.set()
        self._runs[run_id] = run
        run.task = asyncio.create_task(self._drive(run, body, failure), name=f"run {run_id}")
        if self._supervisor is None or self._supervisor.done():
            self._supervisor = asyncio.create_task(self._supervise(), name="run supervisor")
        return started

    async def _drive(self, run: _LocalRun, body: Body, failure: Failure) -> None:
        # The task copied the starting request's context (its request id); add the run's id.
        current_run.set(run.run_id)
        last, state, outcome = 0, RunState.DONE, "done"
        ending: tuple[ErrorCode, str] | None = None  # the `error` event that ends the run
        try:
            async with aclosing(body(RunControl(run.run_id, run))) as events:
                while True:
                    # Only the body is ever cancelled, never a write to the log half-way.
                    run.in_body = True
                    try:
                        payload = await anext(events)
                    except StopAsyncIteration:
                        break
                    finally:
                        run.in_body = False
                    if run.reason is not None:
                        raise asyncio.CancelledError
                    await self.log.append(run.run_id, last + 1, payload)
                    last += 1
                    if run.reason is not None:
                        raise asyncio.CancelledError
        except asyncio.CancelledError:
            state = RunState.CANCELLED
            code = run.reason or ErrorCode.SERVER_SHUTTING_DOWN
            ending = code, STOP_MESSAGES[code]
        except RunStoreUnavailable as gone:
            # The log cannot take the run's events: it stops here (the body is closed before
            # its save, so nothing is saved), and its readers see the outage themselves.
            log.warning("run %s stopped: the run log cannot be reached", run.run_id)
            state, ending = RunState.CANCELLED, (ErrorCode.RUN_STORE_UNAVAILABLE, gone.detail)
        except Exception:
            log.exception("run %s failed outside its workflow", run.run_id)
            ending = ErrorCode.INTERNAL, "Something went wrong; nothing was saved."
        finally:
            run.finished = True
            self._runs.pop(run.run_id, None)
            if ending is not None:
                outcome = ending[0].lower()  # "run_abandoned", "internal", ...
            if self.on_end is not None:
                self.on_end(outcome)
            try:
                if ending is not None:
                    last += 1
                    await self.log.append(run.run_id, last, failure(*ending))
                await self.log.finish(run.run_id, state, last)
            except RunStoreUnavailable:
                # Its readers get RUN_STORE_UNAVAILABLE from their own reads; its keys expire.
                log.warning("run %s: its end could not be written to the run log", run.run_id)

    async def _supervise(self) -> None:
        """One loop for all of this worker's runs: one round trip per tick however many. A
        reader arriving or leaving wakes it early, and then only that run is looked at: with
        thousands of runs, streams start and end many times a tick, and a full look at every
        one of them each time cost more than the streams themselves."""
        loop = asyncio.get_running_loop()
        full_at = loop.time()
        while self._runs:
            self._wake.clear()
            if loop.time() >= full_at:
                runs = list(self._runs.values())
                full_at = loop.time() + self.tick
            else:
                runs = [self._runs[r] for r in self._poked if r in self._runs]
            self._poked.clear()
            try:
                pulses = await self.log.pulse([r.run_id for r in runs]) if runs else []
            except RunStoreUnavailable:
                # Nobody can read these runs now: one that no reader was seen on for the grace
                # window ends (a run waiting before its save would otherwise wait for ever).
                log.warning("could not renew the leases of %d runs: the run log is down", len(runs))
                now = loop.time()
                for run in runs:
                    if now - run.last_seen >= self.grace:
                        run.cancel(ErrorCode.RUN_STORE_UNAVAILABLE)
            except Exception:  # a hiccup of the shared store must not kill the runs
                log.warning("could not renew the leases of %d runs", len(runs), exc_info=True)
            else:
                now = loop.time()
                for run, pulse in zip(runs, pulses, strict=True):
                    if not run.finished:
                        run.observe(pulse, now, self.grace)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(max(0.0, full_at - loop.time())):
                    await self._wake.wait()

    async def follow(
        self, run_id: str, after: int, reader: str | None = None
    ) -> AsyncGenerator[Entry]:
        """The run's events after `after`, as one reader whose presence keeps the run going
        until it stops reading or `leave` is called for it."""
        reader = reader or uuid.uuid4().hex
        current_run.set(run_id)
        left = asyncio.Event()
        self._left[reader] = left
        try:
            await self.log.join(run_id, reader)
            if left.is_set():
                return  # it left while joining: `finally` removes what the join wrote
            self._poke(run_id)
            self._refreshers[reader] = asyncio.create_task(self._stay(run_id, reader, left))
            while True:
                try:
                    async for entry in self.log.read(run_id, after):
                        after = entry.event_id
                        yield entry
                    return
                except RunLost:
                    # A lapsed lease means a dead worker, unless the run is this worker's own
                    # and still going: then the loop was too busy to renew it in time (thousands
                    # of streams), and the next pulse renews it. Read on.
                    if run_id not in self._runs:
                        raise
        finally:
            await self.leave(run_id, reader)

    async def leave(self, run_id: str, reader: str) -> None:
        """Removes a reader at once, from whichever task knows first that it is gone. The
        connection's own watcher (talestream.sse) calls it without waiting for the reading task
        to notice: a cancellation can be lost on its way to that task (Python 3.11's
        asyncio.wait_for, which redis-py wraps around socket writes, drops one that lands as
        the write completes, CPython gh-86296), and a gone reader would then be counted until
        its presence lapsed, so a run could save a chapter nobody reads. The removal is awaited
        and the owning worker looks again at once. Calling it twice is harmless."""
        left = self._left.pop(reader, None)
        if left is not None:
            left.set()
        refresher = self._refreshers.pop(reader, None)
        if refresher is not None:
            # The refresher ends first, so no refresh of this reader lands after it left.
            refresher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await refresher
        with contextlib.suppress(Exception):
            await self.log.leave(run_id, reader)
        self._poke(run_id)

    async def _stay(self, run_id: str, reader: str, left: asyncio.Event) -> None:
        # Checks `left` rather than relying on being cancelled (see `leave`).
        while not left.is_set():
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(PRESENCE_TTL / 3):
                    await left.wait()
            if not left.is_set():
                with contextlib.suppress(Exception):
                    await self.log.join(run_id, reader)

    def _poke(self, run_id: str) -> None:
        """A reader came or went here: the owning supervisor looks now, not at its next tick."""
        if run_id in self._runs:
            self._poked.add(run_id)
            self._wake.set()

    async def stop(self, run_id: str) -> None:
        """Stops a run at once, whichever worker runs it."""
        await self.log.request_stop(run_id)
        self._poke(run_id)

    async def drain(self, seconds: float) -> None:
        """Refuses new runs, lets running ones finish for up to `seconds`, then ends the rest."""
        self.accepting = False
        tasks = [r.task for r in self._runs.values() if r.task is not None]
        if tasks and seconds > 0:
            await asyncio.wait(tasks, timeout=seconds)
        for run in list(self._runs.values()):
            run.cancel(ErrorCode.SERVER_SHUTTING_DOWN)
        rest = [r.task for r in self._runs.values() if r.task is not None]
        if rest:
            await asyncio.wait(rest, timeout=30)
        if self._supervisor is not None:
            self._supervisor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._supervisor
