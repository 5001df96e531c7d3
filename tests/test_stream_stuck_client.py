"""A client that stops reading (but keeps the connection open) is dropped after the send timeout,
so a stuck reader cannot hold a model slot forever."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from tests.conftest import LiveServer, bearer_for, serve
from tests.helpers import new_child, wait_until


@pytest.fixture
def impatient_server(database_url: str, tmp_path) -> Iterator[LiveServer]:
    if not database_url.startswith("sqlite"):
        pytest.skip("transport behaviour; once is enough")
    with serve(
        database_url,
        tmp_path,
        stream_send_timeout_seconds=1.0,
        stream_heartbeat_seconds=0.5,
        max_story_tokens=100_000,
        stream_resume_grace_seconds=0,  # the slot is freed once the reader is dropped
    ) as server:
        yield server


async def test_a_reader_that_stops_reading_is_dropped(impatient_server: LiveServer, db) -> None:
    import httpx

    impatient_server.script.write_text("Hop! " * 100_000)  # ~8 MB of events: more than buffers
    async with httpx.AsyncClient(base_url=impatient_server.url, timeout=30) as client:
        auth = await bearer_for(client)
        child = await new_child(client, auth)

    host, port = impatient_server.url.removeprefix("http://").split(":")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # and never read from it
    sock.connect((host, int(port)))
    sock.sendall(
        f"GET /api/v1/stories/generate/stream?child_id={child}&theme=sea HTTP/1.1\r\n"
        f"Host: x\r\nAuthorization: {auth['Authorization']}\r\n\r\n".encode()
    )
    gate = impatient_server.app.state.services.gate
    try:
        await wait_until(lambda: gate.running == 1, timeout=5, message="the stream never started")
        await wait_until(
            lambda: gate.running == 0,
            timeout=20,
            message="a client that stopped reading kept its model slot",
            interval=0.1,
        )
    finally:
        sock.close()
    from tests.conftest import count_rows

    assert await count_rows(db, "stories") == 0
