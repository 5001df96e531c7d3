"""A burst of logins must not stall the story streams that are open (password hashing is the
heaviest CPU work the API does). bench/login_burst.py measures the same thing at scale."""

from __future__ import annotations

import asyncio
import gc
import itertools
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from talestream.db.base import Database
from tests.conftest import PASSWORD, LiveServer, bearer_for, serve

LOGINS = 32
WINDOW = 3.0  # seconds of the burst examined; 32 hashes on the event loop take longer


def unknown_login(client: httpx.Client) -> int:
    body = {"email": f"{uuid.uuid4().hex[:10]}@example.com", "password": PASSWORD}
    return client.post("/api/v1/auth/login", json=body).status_code


async def arrivals_during_a_burst(
    client: httpx.AsyncClient, params: dict[str, object], auth: dict[str, str]
) -> tuple[list[float], float, list[int]]:
    """Arrival times of stream chunks, when the burst started, and the logins' status codes.
    Logins come from threads, so this event loop only reads the stream; they share one client
    made up front, so the threads do little but wait (the server shares our GIL)."""
    arrivals: list[float] = []
    burst_start = 0.0
    logins: list[asyncio.Future[int]] = []
    limits = httpx.Limits(max_connections=LOGINS)
    with (
        httpx.Client(base_url=client.base_url, timeout=120, limits=limits) as burst,
        ThreadPoolExecutor(LOGINS) as pool,
    ):
        async with client.stream(
            "GET", "/api/v1/stories/generate/stream", params=params, headers=auth
        ) as response:
            assert response.status_code == 200
            # Heartbeats every 0.1 s and tokens every 40 ms: any long gap is a stalled loop.
            async for _ in response.aiter_raw():
                now = time.perf_counter()
                arrivals.append(now)
                if not logins and len(arrivals) >= 5:
                    burst_start = now
                    loop = asyncio.get_running_loop()
                    logins = [
                        loop.run_in_executor(pool, unknown_login, burst) for _ in range(LOGINS)
                    ]
                if logins and now - burst_start > WINDOW:
                    break
        codes = await asyncio.gather(*logins)
    return arrivals, burst_start, list(codes)


async def test_a_login_burst_does_not_stall_a_live_stream(
    slow_server: LiveServer, db: Database
) -> None:
    async with httpx.AsyncClient(base_url=slow_server.url, timeout=60) as client:
        auth = await bearer_for(client, "burst@example.com")
        r = await client.post("/api/v1/children/", json={"name": "Mia", "age": 6}, headers=auth)
        slow_server.script.write_text("Once upon a time " + "the owl flew on " * 60 + "home.")
        params = {"child_id": r.json()["id"], "theme": f"owls {uuid.uuid4().hex[:6]}"}
        arrivals, burst_start, codes = await arrivals_during_a_burst(client, params, auth)
    assert set(codes) == {401}
    during = [t for t in arrivals if t >= burst_start]
    assert during[-1] - burst_start > WINDOW, "the stream ended before the burst was measured"
    gap = max(b - a for a, b in itertools.pairwise(during))
    assert gap < 0.5, f"a live stream stalled for {gap:.2f} s during {LOGINS} logins"


def test_what_start_up_loaded_is_frozen_while_the_app_serves(
    database_url: str, tmp_path: Path
) -> None:
    """Full garbage collections skip the start-up heap (safety models, lexicons, the app): scanning
    it stalled every live stream for 45 to 145 ms during a login burst (bench/login_burst.py).
    Shutting down hands it back, so an app torn down in a long-lived process leaks nothing."""
    with serve(database_url, tmp_path):
        assert gc.get_freeze_count() > 100_000
    assert gc.get_freeze_count() == 0
