"""Story runs on both run logs: in this process, and a Redis Stream on a real redis-server.

These drive `RunManager` with small bodies instead of the story workflow, so each rule (delivery,
resume, grace, the pause before the save, stop, drain, a dead worker) is seen on its own. The HTTP
tests (test_stream_resume.py) check the same rules end to end.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import time
import uuid
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable

import pytest

from talestream.errors import ErrorCode, Unavailable, ValidationFailed
from talestream.runs import (
    Entry,
    MemoryRunLog,
    RunControl,
    RunExpired,
    RunLog,
    RunLost,
    RunManager,
    RunState,
    event_id_text,
    parse_last_event_id,
)
from talestream.runs.log import Pulse
from talestream.runs.redis_log import RedisRunLog

TICK = 0.05


@pytest.fixture(params=["memory", "redis"])
async def make_log(request: pytest.FixtureRequest) -> AsyncIterator[Callable[..., RunLog]]:
    """Builds run logs; with Redis, every log built here shares one database (like workers)."""
    made: list[RunLog] = []

    def build(**options: float) -> RunLog:
        settings = {"ttl": 60.0, "max_events": 1000, **options}
        if request.param == "memory":
            if made:
                return made[0]  # one process: every "worker" shares the same log
            made.append(MemoryRunLog(presence_ttl=10, **settings))  # type: ignore[arg-type]
        else:
            url = request.getfixturevalue("redis_url")
            lease = settings.pop("lease_ttl", 5.0)
            made.append(
                RedisRunLog.from_url(url, presence_ttl=10, lease_ttl=lease, **settings)  # type: ignore[arg-type]
            )
        return made[-1]

    yield build
    for log in made:
        await log.aclose()


def failure(code: str, message: str) -> str:
    return json.dumps({"type": "error", "code": code})


def counting(n: int, saved: list[int], delay: float = 0.0) -> Callable[..., AsyncGenerator[str]]:
    """A body that writes events 1..n, pauses before its save, then 'saves' and completes."""

    async def body(control: RunControl) -> AsyncGenerator[str]:
        for i in range(1, n + 1):
            yield json.dumps({"type": "content", "n": i})
            await asyncio.sleep(delay)
        await control.before_save()
        saved.append(n)
        yield json.dumps({"type": "complete"})

    return body


async def read_all(manager: RunManager, run_id: str, after: int = 0, **kw: str) -> list[Entry]:
    return [e async for e in manager.follow(run_id, after, **kw)]


async def wait_for(predicate: Callable[[], object], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not (await value if inspect.isawaitable(value := predicate()) else value):
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.01)


async def state(manager: RunManager, run_id: str) -> RunState | None:
    info = await manager.log.info(run_id)
    return info.state if info else None


async def _is(value: Awaitable[object], expected: object) -> bool:
    return await value == expected


def kinds(entries: list[Entry]) -> list[str]:
    return [json.loads(e.payload).get("type", "") for e in entries]


async def test_every_reader_gets_every_event_in_order_and_can_resume(make_log) -> None:
    manager = RunManager(make_log(), grace=5, tick=TICK)
    saved: list[int] = []
    started = await manager.start(1, "test", counting(20, saved, 0.005), failure)
    first, second = await asyncio.gather(
        read_all(manager, started.run_id, reader=started.reader),
        read_all(manager, started.run_id),
    )
    assert [e.event_id for e in first] == list(range(1, 22))
    assert first == second
    assert kinds(first)[-1] == "complete" and saved == [20]
    # A reader that had events 1..7 gets exactly the rest, also after the run finished.
    assert await read_all(manager, started.run_id, after=7) == first[7:]
    info = await manager.log.info(started.run_id)
    assert info is not None and info.state is RunState.DONE and info.owner_id == 1
    assert info.last_event_id == 21 and info.kind == "test"


async def test_a_run_nobody_reads_is_cancelled_after_the_grace_and_saves_nothing(
    make_log,
) -> None:
    manager = RunManager(make_log(), grace=0.3, tick=TICK)
    saved: list[int] = []
    started = await manager.start(1, "test", counting(3, saved), failure)
    await manager.log.leave(started.run_id, started.reader)  # the starting reader went away
    await wait_for(lambda: manager.running == 0)
    entries = await read_all(manager, started.run_id)
    assert saved == []
    assert json.loads(entries[-1].payload)["code"] == ErrorCode.RUN_ABANDONED
    info = await manager.log.info(started.run_id)
    assert info is not None and info.state is RunState.CANCELLED


async def test_a_run_waits_before_its_save_until_a_reader_returns(make_log) -> None:
    manager = RunManager(make_log(), grace=3, tick=TICK)
    saved: list[int] = []
    started = await manager.start(1, "test", counting(3, saved), failure)
    await manager.log.leave(started.run_id, started.reader)
    await wait_for(lambda: _is(state(manager, started.run_id), RunState.WAITING))
    await asyncio.sleep(0.2)
    assert saved == [], "no reader: the run must not save"
    entries = await read_all(manager, started.run_id, after=2)  # the reader comes back
    assert saved == [3]
    assert [e.event_id for e in entries] == [3, 4] and kinds(entries)[-1] == "complete"


async def test_a_reader_that_left_is_not_counted_while_its_reading_task_goes_on(
    make_log, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The client left but its reading task never heard (a swallowed cancellation): the
    connection's watcher calls `leave`, and neither the still-open reader nor its presence
    refresher may keep the run alive, so it is abandoned and saves nothing."""
    monkeypatch.setattr("talestream.runs.manager.PRESENCE_TTL", 0.3)  # refreshes every 0.1 s
    manager = RunManager(make_log(), grace=0.5, tick=TICK)
    saved: list[int] = []
    started = await manager.start(1, "test", counting(3, saved, 0.05), failure)
    reader = manager.follow(started.run_id, 0, reader=started.reader)
    await anext(reader)
    await manager.leave(started.run_id, started.reader)
    entries = [e async for e in reader]  # the reader keeps reading to the end
    assert saved == []
    assert json.loads(entries[-1].payload)["code"] == ErrorCode.RUN_ABANDONED


async def test_grace_zero_cancels_as_soon_as_the_last_reader_leaves(make_log) -> None:
    manager = RunManager(make_log(), grace=0, tick=10)  # a slow tick: leaving must wake it
    saved: list[int] = []
    started = await manager.start(1, "test", counting(1000, saved, 0.01), failure)
    reader = manager.follow(started.run_id, 0, reader=started.reader)
    await anext(reader)
    await reader.aclose()
    left = time.monotonic()
    await wait_for(lambda: manager.running == 0, seconds=2)
    assert time.monotonic() - left < 1.0 and saved == []


async def test_stop_from_another_worker_ends_the_run_at_once(make_log) -> None:
    owner = RunManager(make_log(), grace=5, tick=TICK)
    other = RunManager(make_log(), grace=5, tick=TICK)
    saved: list[int] = []
    started = await owner.start(1, "test", counting(1000, saved, 0.01), failure)
    await other.stop(started.run_id)
    entries = await read_all(other, started.run_id)
    assert json.loads(entries[-1].payload)["code"] == ErrorCode.RUN_STOPPED
    assert saved == [] and len(entries) < 1000


async def test_expired_or_unknown_runs_cannot_be_resumed(make_log) -> None:
    manager = RunManager(make_log(max_events=100), grace=5, tick=TICK)
    with pytest.raises(RunExpired):
        await read_all(manager, uuid.uuid4().hex)
    saved: list[int] = []
    started = await manager.start(1, "test", counting(300, saved), failure)
    await read_all(manager, started.run_id, reader=started.reader)
    with pytest.raises(RunExpired):  # events 1..200 were trimmed: a gap is never papered over
        await read_all(manager, started.run_id, after=5)
    assert len(await read_all(manager, started.run_id, after=250)) == 51


async def test_a_worker_that_dies_mid_run_gives_run_lost(redis_url: str) -> None:
    log = RedisRunLog.from_url(redis_url, ttl=60, max_events=100, presence_ttl=10, lease_ttl=1)
    run_id = uuid.uuid4().hex
    # The dead worker created the run and wrote one event, then stopped renewing its lease.
    await log.create(run_id, 1, "test", "dead-worker")
    await log.append(run_id, 1, "{}")
    began = time.monotonic()
    with pytest.raises(RunLost):
        [e async for e in log.read(run_id, 0)]
    assert time.monotonic() - began < 4
    await log.aclose()


async def test_a_worker_too_busy_to_renew_its_lease_does_not_call_its_own_run_lost(
    redis_url: str,
) -> None:
    """An overloaded worker (3,000 streams, docs/benchmarks.md) renewed its leases late and told
    its own readers RUN_LOST, though the run was alive in the same process. Here the lease
    (0.3 s) lapses between two of the supervisor's renewals (every 10 s) while the reader waits
    more than a second for the next event: the reader on the run's own worker reads on."""
    log = RedisRunLog.from_url(redis_url, ttl=60, max_events=100, presence_ttl=10, lease_ttl=0.3)
    manager = RunManager(log, grace=5, tick=10)
    saved: list[int] = []
    started = await manager.start(1, "test", counting(2, saved, 1.5), failure)
    entries = await read_all(manager, started.run_id, reader=started.reader)
    assert kinds(entries) == ["content", "content", "complete"] and saved == [2]
    await log.aclose()


async def test_drain_refuses_new_runs_and_ends_the_rest(make_log) -> None:
    manager = RunManager(make_log(), grace=5, tick=TICK)
    quick: list[int] = []
    slow: list[int] = []
    a = await manager.start(1, "test", counting(5, quick, 0.01), failure)
    b = await manager.start(1, "test", counting(10_000, slow, 0.01), failure)
    drained = asyncio.create_task(manager.drain(0.5))
    await asyncio.sleep(0)
    with pytest.raises(Unavailable) as refused:
        await manager.start(1, "test", counting(1, [], 0), failure)
    assert refused.value.code == ErrorCode.SERVER_SHUTTING_DOWN
    await drained
    assert quick == [5] and slow == []
    ended = await read_all(manager, b.run_id)
    assert json.loads(ended[-1].payload)["code"] == ErrorCode.SERVER_SHUTTING_DOWN
    assert kinds(await read_all(manager, a.run_id))[-1] == "complete"


async def test_a_run_past_its_pause_is_never_cut_in_the_middle_of_its_save(make_log) -> None:
    manager = RunManager(make_log(), grace=5, tick=TICK)
    saving = asyncio.Event()
    saved: list[int] = []

    async def body(control: RunControl) -> AsyncGenerator[str]:
        yield "{}"
        await control.before_save()
        saving.set()
        await asyncio.sleep(0.3)  # a slow transaction
        saved.append(1)
        yield json.dumps({"type": "complete"})

    started = await manager.start(1, "test", body, failure)
    await saving.wait()
    await manager.drain(0)
    assert saved == [1]
    assert kinds(await read_all(manager, started.run_id))[-1] == "complete"


async def test_presence_is_shared_and_lapses_without_refresh(make_log) -> None:
    log = make_log()
    run_id = uuid.uuid4().hex
    await log.create(run_id, 1, "test", "w")
    await log.join(run_id, "r1")
    assert (await log.pulse([run_id])) == [Pulse(readers=1, stop=False)]
    assert (await make_log().pulse([run_id]))[0].readers == 1, "another worker sees the reader"
    await log.leave(run_id, "r1")
    assert (await log.pulse([run_id]))[0].readers == 0


def test_event_ids_name_the_run_and_the_place_in_it() -> None:
    run_id = uuid.uuid4().hex
    assert parse_last_event_id(event_id_text(run_id, 42)) == (run_id, 42)
    for bad in ("", "42", f"{run_id}", f"{run_id}.x", "../etc.1"):
        with pytest.raises(ValidationFailed):
            parse_last_event_id(bad)


async def test_hundreds_of_concurrent_readers_share_the_workers_connections(make_log) -> None:
    """More readers than the Redis pool has connections: readers must not each hold one."""
    manager = RunManager(make_log(), grace=5, tick=TICK)

    async def one() -> list[int]:
        started = await manager.start(1, "test", counting(3, [], 0.05), failure)
        return [e.event_id for e in await read_all(manager, started.run_id, reader=started.reader)]

    results = await asyncio.wait_for(asyncio.gather(*(one() for _ in range(250))), timeout=60)
    assert {tuple(r) for r in results} == {(1, 2, 3, 4)}
