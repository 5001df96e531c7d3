"""Prometheus metrics (prometheus-client), one registry per app so several apps in one process
(the tests) do not collide. Served at `GET /metrics` in the text exposition format.

- `talestream_open_streams`: SSE readers connected to this worker right now.
- `talestream_runs{state}`: runs this worker is writing, `running` or `waiting` (paused before
  the save for a reader); `talestream_runs_ended_total{outcome}` counts how they ended.
- `talestream_time_to_first_content_seconds`: from a run's start to its first story text (queue
  wait included: what a child waits before the first sentence).
- `talestream_model_tokens_total`: tokens the story model streamed; `rate()` of it is tokens per
  second, per worker.
- `talestream_rejections_total{check}`: chapter attempts a check rejected: `safety`, or
  `quality_<check>` for each quality gate check that failed (`quality_repetition`, ...; one
  attempt failing two checks counts under both).
- `talestream_model_queue_length` / `talestream_model_busy`: stories waiting for the model /
  holding a slot of it.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable, Iterable
from contextlib import aclosing
from functools import partial
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.requests import Request
from starlette.responses import Response

from talestream.generation.base import ChatMessage, StoryModel, T
from talestream.quality import CHECKS


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.open_streams = Gauge(
            "talestream_open_streams", "SSE readers connected to this worker", registry=r
        )
        self.runs = Gauge(
            "talestream_runs", "Story runs this worker is writing, by state", ["state"], registry=r
        )
        self.runs_ended = Counter(
            "talestream_runs_ended", "Story runs that ended, by outcome", ["outcome"], registry=r
        )
        self.time_to_first_content = Histogram(
            "talestream_time_to_first_content_seconds",
            "From a run's start to its first story text",
            buckets=(0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120),
            registry=r,
        )
        self.model_tokens = Counter(
            "talestream_model_tokens", "Tokens streamed by the story model", registry=r
        )
        self.rejections = Counter(
            "talestream_rejections", "Text rejected by a check, by check", ["check"], registry=r
        )
        # Every series exists from the start, so rate() and alerts see a zero before the first.
        for check in ("safety", *(_quality(c) for c in CHECKS)):
            self.rejections.labels(check)
        self.queue_length = Gauge(
            "talestream_model_queue_length", "Stories waiting for the model", registry=r
        )
        self.model_busy = Gauge("talestream_model_busy", "Stories holding a model slot", registry=r)

    def watch(
        self,
        *,
        waiting: Callable[[], float],
        busy: Callable[[], float],
        runs_by_state: Callable[[], dict[str, int]],
    ) -> None:
        """Gauges read at scrape time from the objects that know (the gate, the run manager)."""
        self.queue_length.set_function(waiting)
        self.model_busy.set_function(busy)
        for state in ("running", "waiting"):
            self.runs.labels(state).set_function(partial(_count, runs_by_state, state))

    def rejected_by_quality(self, checks: Iterable[str]) -> None:
        for check in checks:
            self.rejections.labels(_quality(check)).inc()

    async def endpoint(self, request: Request) -> Response:
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


def _quality(check: str) -> str:
    return f"quality_{check}"


def _count(counts: Callable[[], dict[str, int]], key: str) -> float:
    return counts().get(key, 0)


class CountingModel:
    """A StoryModel that counts the tokens it streams (each streamed piece is one token)."""

    def __init__(self, model: StoryModel, tokens: Counter) -> None:
        self.model = model
        self.tokens = tokens
        self.name = model.name
        self.concurrency = model.concurrency

    def __getattr__(self, name: str) -> Any:
        # What the workflow reads of a model's capabilities (languages, writes_from_brief,
        # continues_prefill, chapter_token_cap, ...) is the wrapped model's own.
        return getattr(self.model, name)

    async def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, temperature: float | None = None
    ) -> AsyncGenerator[str]:
        # Without a temperature, the model's own default (the local model tunes its own).
        pieces = (
            self.model.stream(messages, max_tokens=max_tokens)
            if temperature is None
            else self.model.stream(messages, max_tokens=max_tokens, temperature=temperature)
        )
        async with aclosing(pieces):
            async for piece in pieces:
                self.tokens.inc()
                yield piece

    async def structured(
        self, messages: list[ChatMessage], schema: type[T], *, max_tokens: int = 256
    ) -> T:
        return await self.model.structured(messages, schema, max_tokens=max_tokens)

    async def aclose(self) -> None:
        await self.model.aclose()
