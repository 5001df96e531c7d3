"""A lean Server-Sent Events response for ASGI.

Measured here (docs/benchmarks.md, ../shared/perf-anchors.md): sse-starlette delivers ~0.40x of a
raw ASGI stream and runs four background tasks per response. This response sends each event with one
`send` and runs one helper task per stream, which waits for the client to go away and, on a slow
timer, writes heartbeat comments and enforces the send timeout.

- Client disconnect cancels the producer at once (its `finally` blocks run: the model stops), and
  awaits `on_disconnect` (e.g. a run reader leaving) in the watcher itself, so it happens even
  when a library swallows the cancellation; the producer then stops at its next event at the
  latest.
- A heartbeat comment goes out when nothing was sent for `heartbeat` seconds, so proxies keep the
  connection open and dead peers are found.
- A `send` stuck longer than `send_timeout` (a client that stopped reading) ends the stream.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping
from typing import Any

from starlette.background import BackgroundTask
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

HEARTBEAT = b": keep-alive\n\n"
STREAM_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache"),
    (b"x-accel-buffering", b"no"),  # nginx: do not buffer this response
    (b"connection", b"keep-alive"),
)


class EventStreamResponse(Response):
    media_type = "text/event-stream"

    def __init__(
        self,
        events: AsyncGenerator[bytes],  # closed (aclose) when the stream ends
        *,
        heartbeat: float = 15.0,
        send_timeout: float = 30.0,
        headers: Mapping[str, str] | None = None,
        status_code: int = 200,  # FastAPI reads this default for the OpenAPI schema
        on_disconnect: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        # Response.__init__ would render a body; a stream has none, so set only what Starlette
        # and FastAPI read (headers may be extended, e.g. by dependencies that set cookies).
        self.status_code = status_code
        self.background: BackgroundTask | None = None
        self.raw_headers = [
            *STREAM_HEADERS,
            *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items()),
        ]
        self.events = events
        self.heartbeat = heartbeat
        self.send_timeout = send_timeout
        self.on_disconnect = on_disconnect

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        loop = asyncio.get_running_loop()
        producer = asyncio.current_task()
        assert producer is not None
        state = _State(loop.time())

        await send(
            {
                "type": "http.response.start",
                "status": self.status_code,
                "headers": self.raw_headers,
            }
        )
        watcher = loop.create_task(self._watch(receive, send, producer, state))
        try:
            async for chunk in self.events:
                if state.client_gone:
                    break
                state.sending_since = loop.time()
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
                state.sending_since = None
                state.last_send = loop.time()
            if state.client_gone:
                # The watcher's cancellation was thrown in and swallowed on its way (see
                # RunManager.leave): stop here, as if it had arrived.
                producer.uncancel()
                return
            state.finished = True
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        except asyncio.CancelledError:
            # Our own watcher cancelled us because the client left: a normal end, not an error.
            if not state.client_gone:
                raise
            producer.uncancel()
        finally:
            state.finished = True
            if not state.client_gone:
                watcher.cancel()
            await self.events.aclose()
            if state.client_gone:
                await asyncio.shield(watcher)  # `on_disconnect` runs to its end

    async def _watch(
        self, receive: Receive, send: Send, producer: asyncio.Task[Any], state: _State
    ) -> None:
        loop = asyncio.get_running_loop()
        tick = min(self.heartbeat, self.send_timeout) / 2
        while not state.finished:
            try:
                async with asyncio.timeout(tick):
                    message = await receive()
            except TimeoutError:
                now = loop.time()
                if state.sending_since is not None:
                    if now - state.sending_since > self.send_timeout:
                        break  # the client stopped reading
                elif now - state.last_send >= self.heartbeat:
                    state.last_send = now
                    # A failure means the connection is gone; receive() says so next time.
                    with contextlib.suppress(Exception):
                        await send(
                            {"type": "http.response.body", "body": HEARTBEAT, "more_body": True}
                        )
                continue
            if message["type"] == "http.disconnect":
                break
        if not state.finished:
            state.client_gone = True
            producer.cancel()
            if self.on_disconnect is not None:
                await self.on_disconnect()


class _State:
    __slots__ = ("client_gone", "finished", "last_send", "sending_since")

    def __init__(self, now: float) -> None:
        self.last_send = now
        self.sending_since: float | None = None
        self.finished = False
        self.client_gone = False  # the watcher cancelled the producer: the client left
