"""The same N events through FastAPI with each SSE layer, to compare the layers themselves.

GET /ours?n=N   talestream.sse.EventStreamResponse
GET /sse-starlette?n=N   sse_starlette.EventSourceResponse
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from fastapi import FastAPI
from sse_starlette import EventSourceResponse

from bench.raw_asgi import _event
from talestream.sse import EventStreamResponse

app = FastAPI()


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/ours")
async def ours(n: int = 1) -> EventStreamResponse:
    async def events() -> AsyncIterator[bytes]:
        for i in range(n):
            yield _event(i)

    return EventStreamResponse(events())


@app.get("/sse-starlette")
async def starlette_sse(n: int = 1) -> EventSourceResponse:
    async def events() -> AsyncIterator[dict[str, str]]:
        for i in range(n):
            yield {
                "event": "story_chunk",
                "data": _event(i).split(b"data: ", 1)[1].decode().strip(),
            }

    return EventSourceResponse(events())
