"""A burst of logins must not stall live story streams: password hashing is the heaviest CPU work
the API does (argon2id, tens of milliseconds and 64 MiB each).

    .venv/bin/python -m bench.login_burst [--logins 64] [--token-ms 10]

One child's story streams at a steady pace (the scripted model, one `content` event per token);
while it streams, `--logins` logins with random unknown emails arrive at once (each one still
verifies a password hash, so timing does not reveal which emails exist). The figure is the largest
gap between two events of the live stream during the burst, next to the largest gap in an equally
long quiet stretch before it, and `/health` latency during the burst. Goal: under 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx

from bench.common import PASSWORD, ROOT, bench_family, free_port, server


def stream_arrivals(sock: socket.socket, path: str, token: str, arrivals: list[float]) -> None:
    """Appends the arrival time of every event of one stream. Runs in its own thread with a
    blocking socket, so the client's work on the burst never delays the reading."""
    sock.sendall(
        f"GET {path} HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {token}\r\n"
        "Connection: close\r\n\r\n".encode()
    )
    try:
        while chunk := sock.recv(1 << 16):
            if b"data: " in chunk:
                arrivals.append(time.perf_counter())
    except OSError:
        pass  # closed by burst() once it has its figures


def poll_health(url: str, stop: threading.Event, latencies: list[float]) -> None:
    with httpx.Client(base_url=url) as client:
        while not stop.is_set():
            sent = time.perf_counter()
            client.get("/health")
            latencies.append(time.perf_counter() - sent)
            stop.wait(0.02)


def largest_gap(arrivals: list[float], start: float, end: float) -> float:
    inside = [t for t in arrivals if start <= t <= end]
    if len(inside) < 2:
        return end - start
    return max(b - a for a, b in itertools.pairwise(inside))


async def fire_logins(url: str, logins: int) -> list[int]:
    limits = httpx.Limits(max_connections=logins)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=120) as client:

        async def one_login() -> int:
            body = {"email": f"{uuid.uuid4().hex[:12]}@example.com", "password": PASSWORD}
            return (await client.post("/api/v1/auth/login", json=body)).status_code

        return await asyncio.gather(*(one_login() for _ in range(logins)))


def burst(url: str, port: int, token: str, path: str, logins: int) -> dict[str, float]:
    arrivals: list[float] = []
    sock = socket.create_connection(("127.0.0.1", port))
    reader = threading.Thread(
        target=stream_arrivals, args=(sock, path, token, arrivals), daemon=True
    )
    reader.start()
    deadline = time.monotonic() + 30
    while len(arrivals) < 20 and time.monotonic() < deadline:  # the stream is flowing
        time.sleep(0.01)
    quiet_start = time.perf_counter()
    time.sleep(1.5)
    quiet_end = time.perf_counter()

    health: list[float] = []
    stop = threading.Event()
    poller = threading.Thread(target=poll_health, args=(url, stop, health), daemon=True)
    poller.start()
    burst_start = time.perf_counter()
    codes = asyncio.run(fire_logins(url, logins))
    burst_end = time.perf_counter()
    stop.set()
    poller.join()
    assert set(codes) == {401}, f"unexpected login answers: {sorted(set(codes))}"
    assert reader.is_alive(), "the stream ended during the burst: use more tokens"
    sock.shutdown(socket.SHUT_RDWR)
    sock.close()
    return {
        "quiet_gap_ms": largest_gap(arrivals, quiet_start, quiet_end) * 1000,
        "burst_gap_ms": largest_gap(arrivals, burst_start, burst_end) * 1000,
        "burst_s": burst_end - burst_start,
        "health_p50_ms": statistics.median(health) * 1000,
        "health_max_ms": max(health) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logins", type=int, default=64)
    parser.add_argument("--token-ms", type=float, default=10.0)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="talestream-bench-"))
    tokens = 6000
    script = tmp / "script.txt"
    script.write_text("Hop! " * tokens)  # every token is a sentence: one event per token
    env = {k: v for k, v in os.environ.items() if not k.startswith("TALESTREAM_")}
    env |= {
        "TALESTREAM_DATA_DIR": str(tmp),
        "TALESTREAM_LLM_PROVIDER": "scripted",
        "TALESTREAM_SCRIPTED_TEXT_FILE": str(script),
        "TALESTREAM_SCRIPTED_TOKEN_DELAY_MS": str(args.token_ms),
        "TALESTREAM_MAX_STORY_TOKENS": str(tokens + 10),
        "TALESTREAM_SAFETY_MAX_ATTEMPTS": "1",
        # A benchmark is not an attacker: the login limits would answer 429 without hashing.
        "TALESTREAM_RATE_LIMIT_LOGIN": "1000000/minute",
        "TALESTREAM_RATE_LIMIT_LOGIN_ADDRESS": "1000000/minute",
    }
    subprocess.run(
        [sys.executable, "-m", "talestream", "db", "upgrade"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    port = free_port()
    uvicorn = [sys.executable, "-m", "uvicorn", "--loop", "uvloop", "--http", "httptools"]
    uvicorn += ["--log-level", "warning", "--no-access-log", "--port", str(port)]
    with server([*uvicorn, "--factory", "talestream.app:create_app"], env, port) as (url, _):
        token, child = bench_family(url)
        path = f"/api/v1/stories/generate/stream?child_id={child}&theme=burst"
        result = burst(url, port, token, path, args.logins)

    print(
        f"{args.logins} logins at once during a stream of one event per {args.token_ms:g} ms "
        f"(os.cpu_count()={os.cpu_count()})"
    )
    print(
        "| largest stream gap, quiet ms | largest stream gap, burst ms | burst s "
        "| /health p50 ms | /health max ms |"
    )
    print("|---|---|---|---|---|")
    r = result
    print(
        f"| {r['quiet_gap_ms']:.0f} | {r['burst_gap_ms']:.0f} | {r['burst_s']:.1f} "
        f"| {r['health_p50_ms']:.0f} | {r['health_max_ms']:.0f} |"
    )


if __name__ == "__main__":
    main()
