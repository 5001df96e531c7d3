"""Request bodies over a few KB are refused with 413 before they are read (issue 10, item 12)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import httpx

from tests.conftest import LiveServer, bearer_for


async def raw_exchange(url: str, request: bytes) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    writer.write(request)
    await writer.drain()
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
    lines = head.decode().split("\r\n")
    headers = {
        k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)
    }
    body = await asyncio.wait_for(reader.readexactly(int(headers["content-length"])), 5)
    writer.close()
    return int(lines[0].split()[1]), headers, body


async def test_a_declared_10_mb_body_is_refused_without_reading_it(
    live_server: LiveServer, client: httpx.AsyncClient
) -> None:
    # Only the head and a few bytes are sent: a server that waits for the 10 MB never answers.
    status, headers, body = await raw_exchange(
        live_server.url,
        b"POST /api/v1/auth/register HTTP/1.1\r\nHost: test\r\n"
        b'Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{"email": ',
    )
    assert status == 413
    assert headers["content-type"] == "application/json"
    assert json.loads(body)["code"] == "PAYLOAD_TOO_LARGE"


async def test_a_chunked_body_is_counted_as_it_streams(client: httpx.AsyncClient) -> None:
    auth = await bearer_for(client)

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"name": "Mia", "age": 6, "interests": ["'
        for _ in range(64):
            yield b"a" * 1024

    r = await client.post(
        "/api/v1/children/", content=chunks(), headers={**auth, "Content-Type": "application/json"}
    )
    assert r.status_code == 413, r.text
    assert r.json()["code"] == "PAYLOAD_TOO_LARGE"
    # A normal body still works.
    r = await client.post("/api/v1/children/", json={"name": "Mia", "age": 6}, headers=auth)
    assert r.status_code == 201
