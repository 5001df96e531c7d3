"""Pieces every benchmark shares: free ports, servers in their own processes, percentiles."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def server(args: list[str], env: dict[str, str], port: int) -> Iterator[tuple[str, int]]:
    """Start a server process and wait for /health; yields (base URL, pid)."""
    proc = subprocess.Popen(
        args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/health", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read() if proc.stderr else ""
                    raise RuntimeError(f"server did not start: {err}") from None
                time.sleep(0.1)
        yield url, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()  # a server that cannot drain its streams is reported, not waited for
            proc.wait()


def pct(values: list[float], p: float) -> float:
    """The p-th quantile (0..1) by nearest rank; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


UVICORN = ["-m", "uvicorn", "--loop", "uvloop", "--http", "httptools", "--log-level", "warning"]


PASSWORD = "bench-password-42"


def bench_family(url: str) -> tuple[str, int]:
    """Registers the benchmark's parent with one child: (access token, child id)."""
    email = "bench@example.com"
    httpx.post(
        url + "/api/v1/auth/register", json={"email": email, "password": PASSWORD, "name": "Bench"}
    ).raise_for_status()
    login = httpx.post(url + "/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    token: str = login.raise_for_status().json()["access_token"]
    child = httpx.post(
        url + "/api/v1/children/",
        json={"name": "Mia", "age": 7},
        headers={"Authorization": f"Bearer {token}"},
    )
    child_id: int = child.raise_for_status().json()["id"]
    return token, child_id
