"""A fake OpenAI-compatible chat server for benchmarks: pure ASGI, no model, paced tokens.

POST /v1/chat/completions streams the scripted model's built-in chapter, one chunk per word piece
(shaped and sized like OpenAI's `chat.completion.chunk`s), `FAKE_OPENAI_INTERVAL` seconds apart
(0.05 by default: 20 tokens/s), then `data: [DONE]`; at most `max_tokens` pieces. Without
`"stream": true` it answers the built-in chapter ending as JSON, like a JSON-schema answer.

    .venv/bin/python -m uvicorn --loop uvloop --http httptools bench.fake_openai:app
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from typing import Any

from talestream.generation.scripted import BUILTIN_CHAPTER, BUILTIN_ENDING, split_pieces

INTERVAL = float(os.environ.get("FAKE_OPENAI_INTERVAL", "0.05"))
PIECES = split_pieces(BUILTIN_CHAPTER)
SSE = [(b"content-type", b"text/event-stream"), (b"cache-control", b"no-cache")]
JSON = [(b"content-type", b"application/json")]


def _chunk(n: int, delta: dict[str, str], finish: str | None = None) -> bytes:
    body = {
        "id": f"chatcmpl-bench{n}",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": "fake",
        "system_fingerprint": "fp_bench",
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
    }
    return b"data: " + json.dumps(body).encode() + b"\n\n"


def _completion(content: str) -> bytes:
    return json.dumps(
        {
            "id": "chatcmpl-bench",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": "fake",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
        }
    ).encode()


async def _body(receive: Any) -> dict[str, Any]:
    data = b""
    while True:
        message = await receive()
        data += message.get("body", b"")
        if not message.get("more_body"):
            parsed: dict[str, Any] = json.loads(data or b"{}")
            return parsed


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    request = await _body(receive)
    if not request.get("stream"):
        body = _completion(BUILTIN_ENDING.model_dump_json())
        await send({"type": "http.response.start", "status": 200, "headers": JSON})
        await send({"type": "http.response.body", "body": body})
        return
    await send({"type": "http.response.start", "status": 200, "headers": SSE})
    await send(
        {"type": "http.response.body", "body": _chunk(0, {"role": "assistant"}), "more_body": True}
    )
    for n, piece in enumerate(PIECES[: request.get("max_tokens") or len(PIECES)], 1):
        await asyncio.sleep(INTERVAL)
        body = _chunk(n, {"content": piece})
        await send({"type": "http.response.body", "body": body, "more_body": True})
    end = _chunk(len(PIECES) + 1, {}, "stop") + b"data: [DONE]\n\n"
    await send({"type": "http.response.body", "body": end, "more_body": False})
