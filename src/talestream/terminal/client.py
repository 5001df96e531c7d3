"""A running talestream server over HTTP: login, lookups, and the GET SSE stream.

The stream is read line by line as it arrives (httpx streaming), parsed as Server-Sent Events and
mapped to the terminal's events, so text shows up as the server sends it. A dropped connection is
resumed like EventSource does: the same request again with `Last-Event-ID`, after the server's
`retry:` delay, so the chapter goes on where it stopped (no text twice, none missing). Leaving the
stream early (Ctrl-C) stops the run on the server (DELETE /api/v1/stories/runs/{id}): the model
stops and nothing is saved.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from talestream.errors import DomainError, ErrorCode
from talestream.sse_messages import iter_sse
from talestream.stories.schemas import ChildStoryParams
from talestream.terminal.events import (
    ChildInfo,
    ClientEvent,
    StoryInfo,
    from_wire,
    pick_child,
)

API = "/api/v1"
STREAM_PATH = f"{API}/stories/generate/stream"
# The server sends a heartbeat at least every 15 s, so a minute of silence means it is gone.
TIMEOUT = httpx.Timeout(10.0, read=60.0)


# A dropped stream is resumed this many times in a row (each resume that brings events resets it).
RESUME_ATTEMPTS = 5


async def _refusal(response: httpx.Response) -> DomainError:
    """The API's error JSON `{"detail", "code"}` as a DomainError (any status >= 400)."""
    await response.aread()
    try:
        body: Any = response.json()
    except ValueError:
        body = None
    detail = body.get("detail") if isinstance(body, dict) else None
    code = body.get("code") if isinstance(body, dict) else None
    if not isinstance(detail, str):
        detail = f"the server answered {response.status_code} {response.reason_phrase}"
    return DomainError(detail, code or f"HTTP_{response.status_code}")


class RemoteSource:
    """A StorySource backed by a talestream server (see terminal.session)."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    @classmethod
    @asynccontextmanager
    async def connect(
        cls,
        url: str,
        *,
        token: str | None = None,
        email: str | None = None,
        password: str | None = None,
    ) -> AsyncIterator[RemoteSource]:
        base = url.rstrip("/")
        async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as http:
            source = cls(http)
            refresh: str | None = None
            if token is None:
                if not email or password is None:
                    raise DomainError(
                        "--url needs --token, or --email and a password",
                        ErrorCode.UNAUTHORIZED,
                    )
                # The OAuth2 form gives tokens only; /login would also start a browser session.
                tokens = await source._json(
                    "POST", f"{API}/auth/token", data={"username": email, "password": password}
                )
                token, refresh = tokens["access_token"], tokens["refresh_token"]
            http.headers["Authorization"] = f"Bearer {token}"
            try:
                yield source
            finally:
                if refresh is not None:
                    await source._logout(refresh)

    async def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = await self.http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise self._unreachable(exc) from None
        if response.status_code >= 400:
            raise await _refusal(response)
        return response.json()

    def _unreachable(self, exc: httpx.HTTPError) -> DomainError:
        reason = str(exc) or type(exc).__name__
        return DomainError(
            f"talking to {self.http.base_url} failed: {reason}", ErrorCode.CONNECTION_FAILED
        )

    async def _logout(self, refresh: str) -> None:
        """A login made for this run is signed out again, so no live refresh token lingers."""
        with contextlib.suppress(httpx.HTTPError):  # best effort: the tokens expire anyway
            await self.http.post(f"{API}/auth/logout", json={"refresh_token": refresh}, timeout=3)

    async def children(self) -> list[ChildInfo]:
        children = await self._json("GET", f"{API}/children/")
        return [ChildInfo(c["id"], c["name"]) for c in children]

    async def child(self, name_or_id: str) -> ChildInfo:
        if name_or_id.strip().isdigit():
            found = await self._json("GET", f"{API}/children/{int(name_or_id)}")
            return ChildInfo(found["id"], found["name"])
        children = await self._json("GET", f"{API}/children/")
        return pick_child([ChildInfo(c["id"], c["name"]) for c in children], name_or_id)

    async def story(self, story_id: uuid.UUID) -> StoryInfo:
        story = await self._json("GET", f"{API}/stories/{story_id}")
        last = story["chapters"][-1] if story["chapters"] else None
        return StoryInfo(
            id=uuid.UUID(story["id"]),
            child_id=story["child_id"],
            theme=story["theme"],
            title=story["title"],
            next_chapter=(last["number"] + 1) if last else 1,
            question=last["choice_question"] if last else "",
            choices=tuple(c["text"] for c in last["choices"]) if last else (),
        )

    async def chapter(self, params: ChildStoryParams) -> AsyncGenerator[ClientEvent]:
        query = params.model_dump(mode="json", exclude_none=True)
        last_id: str | None = None
        delay, failures, ended = 2.0, 0, False
        try:
            while True:
                headers = {"Accept": "text/event-stream"}
                if last_id is not None:
                    headers["Last-Event-ID"] = last_id
                try:
                    async with self.http.stream(
                        "GET", STREAM_PATH, params=query, headers=headers
                    ) as r:
                        if r.status_code == 204:  # a resume after the last event: all seen
                            ended = True
                            return
                        if r.status_code >= 400:
                            ended = True
                            raise await _refusal(r)
                        async for message in iter_sse(r.aiter_lines()):
                            if message.retry_ms is not None:
                                delay = message.retry_ms / 1000
                            if message.id is not None and message.id != last_id:
                                last_id, failures = message.id, 0
                            if message.event != "story_chunk":
                                continue
                            wire = json.loads(message.data)
                            ended = wire.get("type") in {"complete", "error"}
                            event = from_wire(wire)
                            if event is not None:
                                yield event
                    return
                except httpx.HTTPError as exc:
                    # Resumable once the server named the run (every event has an id).
                    if last_id is None or failures >= RESUME_ATTEMPTS:
                        ended = True
                        raise self._unreachable(exc) from None
                    failures += 1
                    await asyncio.sleep(delay)
        finally:
            if not ended and last_id is not None:
                await self._stop(last_id.partition(".")[0])

    async def _stop(self, run_id: str) -> None:
        """Leaving mid-chapter (Ctrl-C): stop the run now rather than after the resume window."""
        with contextlib.suppress(httpx.HTTPError):
            await self.http.delete(f"{API}/stories/runs/{run_id}", timeout=3)
