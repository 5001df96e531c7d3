"""Reading Server-Sent Events as a client: the terminal client reads our own streams with it,
and the openai provider reads a model server's token stream."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SseMessage:
    event: str
    data: str
    id: str | None = None  # the last event id seen so far (SSE keeps it across events)
    retry_ms: int | None = None  # the latest `retry:` the server sent


async def iter_sse(lines: AsyncIterable[str]) -> AsyncGenerator[SseMessage]:
    """Server-Sent Events from decoded lines (WHATWG rules for the fields this API uses):
    `:` comments (heartbeats) are skipped, `data:` lines join with newlines, a blank line ends an
    event, an unfinished event at the end of the stream is dropped; `id:` and `retry:` are kept."""
    event, data = "message", list[str]()
    last_id: str | None = None
    retry_ms: int | None = None
    async for line in lines:
        if not line:
            if data:
                yield SseMessage(event, "\n".join(data), last_id, retry_ms)
            event, data = "message", []
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            event = value
        elif name == "data":
            data.append(value)
        elif name == "id" and "\0" not in value:
            last_id = value
        elif name == "retry" and value.isdigit():
            retry_ms = int(value)
