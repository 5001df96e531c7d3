"""The run log in Redis, shared by every worker (`TALESTREAM_REDIS_URL`).

Per run, under one hash tag (so a Redis Cluster keeps them on one node):

- `...:events`  a Redis Stream, entry id `0-<event id>`, field `p` = the encoded event; a last
  entry with field `end` marks the end. Bounded by MAXLEN. Each worker blocks on one XREAD over
  every run its readers follow (`_Waker`), and readers fetch with XRANGE when woken.
- `...:meta`    a hash: owner, kind, worker, state, last event id, created, stop flag.
- `...:readers` a sorted set: reader -> presence deadline (unix time); readers refresh it, so a
  reader on a worker that died lapses by itself.
- `...:lease`   a key with a short PX expiry that the running worker keeps renewing.

Every key expires `ttl` seconds after the run's last write, so finished runs clean themselves up.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from typing import Any, ParamSpec, TypeVar

import redis.asyncio as redis
from redis.exceptions import RedisError

from talestream.runs.log import (
    FINISHED,
    Entry,
    Pulse,
    RunExpired,
    RunInfo,
    RunLost,
    RunState,
    RunStoreUnavailable,
)

PREFIX = "talestream:run:"
# How long a reader waits for news before checking that the run exists and has a live worker.
READ_BLOCK_MS = 1000
# The shared XREAD's block: the longest a newly followed run waits to be included.
WAKER_BLOCK_MS = 250
WAKER_BATCH_SECONDS = 0.02
log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")


def _reachable(method: Callable[P, Awaitable[T]]) -> Callable[P, Coroutine[Any, Any, T]]:
    """Redis errors (server down, connection cut, timeout) become RunStoreUnavailable, which
    the manager, the readers and the API report as RUN_STORE_UNAVAILABLE."""

    @functools.wraps(method)
    async def reachable(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return await method(*args, **kwargs)
        except RedisError as error:
            raise RunStoreUnavailable from error

    return reachable


def _seq(stream_id: str) -> int:
    return int(stream_id.partition("-")[2])


class RedisRunLog:
    def __init__(
        self,
        client: redis.Redis,
        *,
        ttl: float,
        max_events: int,
        presence_ttl: float,
        lease_ttl: float,
    ) -> None:
        self.redis = client
        self.ttl = int(ttl)
        self.max_events = max_events
        self.presence_ttl = presence_ttl
        self.lease_ms = int(lease_ttl * 1000)
        self._expiry_renewed: dict[str, float] = {}
        self._waker = _Waker(client)

    @classmethod
    def from_url(cls, url: str, **options: Any) -> RedisRunLog:
        # Commands are short (readers block on one shared XREAD, see _Waker), so a bounded pool
        # that waits for a free connection beats failing under a burst of new streams.
        pool = redis.BlockingConnectionPool.from_url(
            url, decode_responses=True, max_connections=64, timeout=10
        )
        return cls(redis.Redis(connection_pool=pool), **options)

    @staticmethod
    def _keys(run_id: str) -> tuple[str, str, str, str]:
        base = f"{PREFIX}{{{run_id}}}"
        return f"{base}:events", f"{base}:meta", f"{base}:readers", f"{base}:lease"

    def _expire_all(self, pipe: Any, run_id: str) -> None:
        for key in self._keys(run_id)[:3]:
            pipe.expire(key, self.ttl)
        self._expiry_renewed[run_id] = time.monotonic()

    @_reachable
    async def create(self, run_id: str, owner_id: int, kind: str, worker: str) -> None:
        _, meta, _, lease = self._keys(run_id)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(
                meta,
                mapping={
                    "owner": owner_id,
                    "kind": kind,
                    "worker": worker,
                    "state": RunState.RUNNING.value,
                    "last": 0,
                    "created": time.time(),
                },
            )
            pipe.set(lease, worker, px=self.lease_ms)
            self._expire_all(pipe, run_id)
            await pipe.execute()

    @_reachable
    async def append(self, run_id: str, event_id: int, payload: str) -> None:
        events, meta, _, _ = self._keys(run_id)
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.xadd(events, {"p": payload}, id=f"0-{event_id}", maxlen=self.max_events)
            pipe.hset(meta, "last", event_id)
            # Renewing expiries on every event would triple the commands; once a minute is enough.
            if time.monotonic() - self._expiry_renewed.get(run_id, 0.0) > 60:
                self._expire_all(pipe, run_id)
            await pipe.execute()

    @_reachable
    async def finish(self, run_id: str, state: RunState, event_id: int) -> None:
        events, meta, _, lease = self._keys(run_id)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.xadd(events, {"end": state.value}, id=f"0-{event_id + 1}", maxlen=self.max_events)
            pipe.hset(meta, mapping={"state": state.value, "last": event_id})
            pipe.delete(lease)
            self._expire_all(pipe, run_id)
            await pipe.execute()
        self._expiry_renewed.pop(run_id, None)

    @_reachable
    async def set_state(self, run_id: str, state: RunState) -> None:
        await self.redis.hset(self._keys(run_id)[1], "state", state.value)

    @_reachable
    async def info(self, run_id: str) -> RunInfo | None:
        _, meta, readers, lease = self._keys(run_id)
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.hgetall(meta)
            pipe.zremrangebyscore(readers, "-inf", time.time())
            pipe.zcard(readers)
            pipe.exists(lease)
            found, _, count, alive = await pipe.execute()
        if not found:
            return None
        state = RunState(found["state"])
        return RunInfo(
            run_id=run_id,
            owner_id=int(found["owner"]),
            kind=found["kind"],
            state=state if state in FINISHED or alive else RunState.LOST,
            worker=found["worker"],
            last_event_id=int(found["last"]),
            readers=int(count),
            created_at=float(found["created"]),
        )

    async def read(self, run_id: str, after: int) -> AsyncIterator[Entry]:
        try:
            events, meta, _, lease = self._keys(run_id)
            if not await self.redis.exists(meta):
                raise RunExpired
            oldest: Any = await self.redis.xrange(events, count=1)
            if oldest and after + 1 < _seq(oldest[0][0]):
                raise RunExpired  # the events this reader missed were trimmed
            woken = self._waker.watch(events, after)
            finished = False
            try:
                while True:
                    # decode_responses=True: ids and fields are str (redis-py types cannot say so)
                    found: Any = await self.redis.xrange(events, min=f"0-{after + 1}", count=256)
                    for stream_id, fields in found:
                        if "end" in fields:
                            return
                        after = _seq(stream_id)
                        yield Entry(after, fields["p"])
                    if found:
                        continue
                    try:
                        async with asyncio.timeout(READ_BLOCK_MS / 1000):
                            await woken.wait()
                        woken.clear()
                        continue
                    except TimeoutError:
                        pass
                    # Nothing new for a second: is the run still there, and its worker alive?
                    async with self.redis.pipeline(transaction=False) as pipe:
                        pipe.hget(meta, "state")
                        pipe.exists(lease)
                        state, alive = await pipe.execute()
                    if state is None:
                        raise RunExpired
                    if RunState(state) in FINISHED:
                        # Its last events and end mark may have come after our XRANGE: one more.
                        if finished:
                            return
                        finished = True
                    elif not alive:
                        raise RunLost
            finally:
                self._waker.unwatch(events, woken)
        except RedisError as error:
            raise RunStoreUnavailable from error

    @_reachable
    async def join(self, run_id: str, reader: str) -> None:
        readers = self._keys(run_id)[2]
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.zadd(readers, {reader: time.time() + self.presence_ttl})
            pipe.expire(readers, self.ttl)
            await pipe.execute()

    @_reachable
    async def leave(self, run_id: str, reader: str) -> None:
        await self.redis.zrem(self._keys(run_id)[2], reader)

    @_reachable
    async def readers(self, run_id: str) -> int:
        readers = self._keys(run_id)[2]
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.zremrangebyscore(readers, "-inf", time.time())
            pipe.zcard(readers)
            _, count = await pipe.execute()
        return int(count)

    @_reachable
    async def request_stop(self, run_id: str) -> None:
        await self.redis.hset(self._keys(run_id)[1], "stop", 1)

    @_reachable
    async def pulse(self, run_ids: Sequence[str]) -> list[Pulse]:
        now = time.time()
        async with self.redis.pipeline(transaction=False) as pipe:
            for run_id in run_ids:
                _, meta, readers, lease = self._keys(run_id)
                pipe.set(lease, "1", px=self.lease_ms)
                pipe.zremrangebyscore(readers, "-inf", now)
                pipe.zcard(readers)
                pipe.hget(meta, "stop")
            answers = await pipe.execute()
        return [Pulse(int(answers[i + 2]), bool(answers[i + 3])) for i in range(0, len(answers), 4)]

    async def aclose(self) -> None:
        await self._waker.aclose()
        await self.redis.aclose()


class _Waker:
    """One blocking XREAD per worker over every run its readers follow, instead of a blocked
    connection per reader: when a followed stream grows, the readers of that run are woken and
    fetch their events with a quick XRANGE. A run newly followed joins the XREAD within
    WAKER_BLOCK_MS (its reader reads what is already there at once)."""

    def __init__(self, client: redis.Redis) -> None:
        self.redis = client
        self._cursors: dict[str, str] = {}
        self._readers: dict[str, set[asyncio.Event]] = {}
        self._task: asyncio.Task[None] | None = None

    def watch(self, key: str, after: int) -> asyncio.Event:
        woken = asyncio.Event()
        self._readers.setdefault(key, set()).add(woken)
        known = self._cursors.get(key)
        if known is None or _seq(known) > after:
            self._cursors[key] = f"0-{after}"
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())
        return woken

    def unwatch(self, key: str, woken: asyncio.Event) -> None:
        readers = self._readers.get(key)
        if readers is not None:
            readers.discard(woken)
            if not readers:
                del self._readers[key]
                self._cursors.pop(key, None)

    async def _run(self) -> None:
        while self._readers:
            streams: dict[Any, Any] = {k: self._cursors[k] for k in self._readers}
            try:
                answer: Any = await self.redis.xread(streams, count=1, block=WAKER_BLOCK_MS)
            except redis.RedisError:
                log.warning("run log: XREAD failed; retrying", exc_info=True)
                await asyncio.sleep(1)
                continue
            for key, entries in answer or []:
                if key in self._readers and entries:
                    self._cursors[key] = entries[-1][0]
                    for woken in self._readers[key]:
                        woken.set()
            if answer:
                # Each XREAD names every followed run: under load, gather a few events' worth of
                # news per call instead of one call per event (at most this much later).
                await asyncio.sleep(WAKER_BATCH_SECONDS)

    async def aclose(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
