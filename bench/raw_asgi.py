"""The baseline: the smallest correct SSE app, one ASGI `send` per event, nothing else.

GET /stream?n=N sends N events shaped like our content events (~90 bytes each), as fast as
possible, or `interval` seconds apart (`&interval=0.05` paces them like a 20 tokens/s model).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import parse_qs

HEADERS = [(b"content-type", b"text/event-stream"), (b"cache-control", b"no-cache")]


def _event(i: int) -> bytes:
    data = json.dumps({"type": "content", "data": {"chunk": f"Hop {i}! ", "is_complete": False}})
    return b"event: story_chunk\ndata: " + data.encode() + b"\n\n"


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    query = parse_qs(scope["query_string"].decode())
    n = int(query.get("n", ["1"])[0])
    interval = float(query.get("interval", ["0"])[0])
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    for i in range(n):
        if interval and i:
            await asyncio.sleep(interval)
        await send({"type": "http.response.body", "body": _event(i), "more_body": True})
    await send({"type": "http.response.body", "body": b"", "more_body": False})
