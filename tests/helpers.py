"""Helpers many test files share: a child profile, a story stream, and waiting with a deadline."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from tests.sse_client import Event, open_stream

CHILDREN = "/api/v1/children/"
GET_STREAM = "/api/v1/stories/generate/stream"
POST_STREAM = "/api/v1/stories/generate-stream/"
MIA: dict[str, Any] = {"name": "Mia", "age": 6}

Predicate = Callable[[], bool | Awaitable[bool]]


async def new_child(client: httpx.AsyncClient, auth: dict[str, str], **fields: object) -> int:
    """Creates a child profile (Mia, 6, unless `fields` say otherwise) and returns its id."""
    r = await client.post(CHILDREN, json={**MIA, **fields}, headers=auth)
    assert r.status_code == 201, r.text
    child_id: int = r.json()["id"]
    return child_id


async def get_stream(
    client: httpx.AsyncClient, auth: dict[str, str] | None = None, **params: object
) -> tuple[httpx.Response, list[Event]]:
    """GET /stories/generate/stream read to the end: the response and its events."""
    return await open_stream(client, "GET", GET_STREAM, params=params, headers=auth or {})


async def post_stream(
    client: httpx.AsyncClient, auth: dict[str, str] | None, body: dict[str, Any]
) -> tuple[httpx.Response, list[Event]]:
    """POST /stories/generate-stream/ read to the end: the response and its events."""
    return await open_stream(client, "POST", POST_STREAM, json=body, headers=auth or {})


async def _check(predicate: Predicate) -> bool:
    result = predicate()
    if inspect.isawaitable(result):
        result = await result
    return bool(result)


async def wait_until(
    predicate: Predicate,
    *,
    timeout: float,  # noqa: ASYNC109 (a deadline that fails with `message`, not a cancellation)
    message: str,
    interval: float = 0.01,
) -> float:
    """Polls `predicate` (sync or async) until it holds; fails with `message` at the deadline.
    Returns the seconds it took, for tests that also bound the time."""
    started = time.monotonic()
    while not await _check(predicate):
        waited = time.monotonic() - started
        if waited > timeout:
            raise AssertionError(f"{message} (still false after {waited:.2f}s)")
        await asyncio.sleep(interval)
    return time.monotonic() - started


async def holds_for(
    predicate: Predicate, *, seconds: float, message: str, interval: float = 0.02
) -> None:
    """Fails as soon as `predicate` stops holding within `seconds`: for things that must not
    happen (a save after a disconnect, a token after a stop), where no event marks "never"."""
    deadline = time.monotonic() + seconds
    while True:
        assert await _check(predicate), message
        if time.monotonic() >= deadline:
            return
        await asyncio.sleep(interval)


def wait_until_sync(
    predicate: Callable[[], bool], *, timeout: float, message: str, interval: float = 0.05
) -> None:
    """`wait_until` for code outside an event loop (starting subprocesses, servers)."""
    started = time.monotonic()
    while not predicate():
        waited = time.monotonic() - started
        if waited > timeout:
            raise AssertionError(f"{message} (still false after {waited:.2f}s)")
        time.sleep(interval)


# Longer than any budget, and varied: a chapter that loops on one sentence fails the quality gate.
LONG_CHAPTER = " ".join(
    [
        "Once upon a time a little fox lived at the edge of a sunny meadow.",
        "Every morning she stretched, yawned and sniffed the sweet clover.",
        "One day she found a shiny button lying in the grass by the fence.",
        "She wondered who had lost it and decided to find out.",
        "First she asked the old tortoise, who was chewing a dandelion.",
        "He shook his head slowly and pointed towards the pond.",
        "At the pond a family of ducks was practising their diving.",
        "The smallest duckling laughed and said it was not hers.",
        "The fox thanked her and trotted up the hill to the orchard.",
        "Apples hung from the branches like little red lanterns.",
        "A squirrel peeked out from a hollow and chattered happily.",
        "He had seen a scarecrow with a coat full of shiny buttons.",
        "So the fox hurried to the cornfield behind the farmhouse.",
        "The scarecrow stood there, smiling his stitched smile.",
        "One button was missing from the middle of his blue coat.",
        "The fox stood on a bucket and pressed the button into place.",
        "A breeze rustled the corn, as if the scarecrow said thank you.",
        "On the way home she picked three blackberries for her supper.",
        "The sun sank low and painted the sky orange and pink.",
        "Owls began to call softly from the dark edge of the wood.",
        "The fox curled up in her den with her tail over her nose.",
        "She dreamed of buttons, ducks and apples glowing like lamps.",
        "In the morning a new adventure was already waiting for her.",
        "A tiny blue bird was tapping on the roof of her den.",
        "It carried a note tied with a thread of golden grass.",
        "The note invited her to a picnic on the top of the hill.",
        "All her friends would be there, even the sleepy old tortoise.",
        "The fox brushed her fur, packed berries and set off smiling.",
    ]
)
