"""EventStreamResponse over a real socket: a client that leaves is noticed even when the code
producing the stream swallows the cancellation meant to stop it.

Python 3.11's asyncio.wait_for drops a cancel that lands as its inner future completes (CPython
gh-86296), and redis-py wraps every socket write in it: a story reader on the Redis run log could
keep reading for a client that was gone, keeping its presence and letting the run save.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncGenerator

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.routing import Route

from talestream.sse import EventStreamResponse
from tests.helpers import wait_until
from tests.servers import ServerThread


async def test_a_client_that_leaves_is_reported_and_ends_a_producer_that_swallows_cancels() -> None:
    left, closed = threading.Event(), threading.Event()  # set on the server's thread

    async def stubborn() -> AsyncGenerator[bytes]:
        n = 0
        try:
            while True:
                # What wait_for does on 3.11 when its inner write just completed:
                with contextlib.suppress(asyncio.CancelledError):
                    await asyncio.sleep(0.02)
                n += 1
                yield f"data: {n}\n\n".encode()
        finally:
            closed.set()

    async def on_disconnect() -> None:
        left.set()

    async def stream(_: Request) -> EventStreamResponse:
        return EventStreamResponse(stubborn(), heartbeat=0.2, on_disconnect=on_disconnect)

    with ServerThread(Starlette(routes=[Route("/stream", stream)])) as url:
        async with (
            httpx.AsyncClient(base_url=url, timeout=10) as client,
            client.stream("GET", "/stream") as response,
        ):
            body = ""
            async for text in response.aiter_text():
                body += text
                if body.count("\n\n") >= 3:
                    break
        # The connection is closed: the server must notice, say so, and stop producing.
        await wait_until(closed.is_set, timeout=5, message="the stream went on for nobody")
        await wait_until(left.is_set, timeout=5, message="on_disconnect was not called")
        await wait_until(closed.is_set, timeout=5, message="the stream went on for nobody")
