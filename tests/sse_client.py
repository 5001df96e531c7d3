"""A strict little SSE reader for the tests (the wire format is what we are testing)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass
class Event:
    event: str | None
    data: Any
    raw: str
    id: str | None = None


def parse_events(text: str) -> list[Event]:
    events: list[Event] = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        name, data_lines, event_id = None, [], None
        lines = block.split("\n")
        if all(line.startswith((":", "retry: ")) for line in lines):
            continue  # heartbeat comment, or the reconnect delay
        for line in lines:
            if line.startswith("event: "):
                name = line[len("event: ") :]
            elif line.startswith("data: "):
                data_lines.append(line[len("data: ") :])
            elif line.startswith("id: "):
                event_id = line[len("id: ") :]
            elif line.startswith(":"):
                continue
            else:
                raise AssertionError(f"unexpected SSE line {line!r}")
        events.append(Event(name, json.loads("\n".join(data_lines)), block, event_id))
    return events


async def collect(response: httpx.Response) -> list[Event]:
    body = ""
    async for chunk in response.aiter_text():
        body += chunk
    assert body.endswith("\n\n"), "every SSE event ends with a blank line"
    return parse_events(body)


async def open_stream(
    client: httpx.AsyncClient, method: str, url: str, **kwargs: Any
) -> tuple[httpx.Response, list[Event]]:
    """The response and its events; an error response (not a stream) comes back read, no events."""
    async with client.stream(method, url, **kwargs) as response:
        if response.status_code != 200:
            await response.aread()
            return response, []
        return response, await collect(response)


def types(events: list[Event]) -> list[str]:
    return [e.data["type"] for e in events]


def node_steps(events: list[Event]) -> list[str]:
    return [
        f"{e.data['data']['node']}:{e.data['data']['status']}"
        for e in events
        if e.data["type"] == "node_event"
    ]


def chunks(events: list[Event]) -> list[str]:
    return [e.data["data"]["chunk"] for e in events if e.data["type"] == "content"]
