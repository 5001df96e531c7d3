"""Real servers for the tests: uvicorn on a socket in a thread, and a throwaway PostgreSQL."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from tests.helpers import wait_until_sync


class ServerThread:
    """uvicorn serving an ASGI app on 127.0.0.1:<free port> from a background thread."""

    def __init__(self, app: Any, **config: Any) -> None:
        self.server = uvicorn.Server(
            uvicorn.Config(
                app, **{"host": "127.0.0.1", "port": 0, "log_level": "warning", **config}
            )
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()

        def started() -> bool:
            assert self.thread.is_alive(), "uvicorn stopped while starting"
            return bool(self.server.started)

        wait_until_sync(started, timeout=20, message="uvicorn did not start", interval=0.01)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _postgres_bindir() -> Path | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if candidates:
        return candidates[0].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def postgres_unavailable_reason() -> str | None:
    if os.environ.get("TALESTREAM_TEST_POSTGRES_URL"):
        return None
    if _postgres_bindir() is None:
        return (
            "no PostgreSQL server binaries (apt-get install postgresql) "
            "and no TALESTREAM_TEST_POSTGRES_URL"
        )
    return None


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Yields an asyncpg URL: TALESTREAM_TEST_POSTGRES_URL, or a fresh cluster from initdb."""
    given = os.environ.get("TALESTREAM_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    with throwaway_cluster() as cluster:
        yield cluster.url


@dataclass(frozen=True)
class Cluster:
    url: str
    stop: Callable[[], None]  # a fast shutdown, waiting until the server is gone


@contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    """A fresh PostgreSQL cluster from initdb, which the test may stop (outage tests)."""
    bindir = _postgres_bindir()
    assert bindir is not None
    root = Path(tempfile.mkdtemp(prefix="talestream-pg-"))
    # initdb refuses to run as root; the Debian package provides the `postgres` user.
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", free_port()

    def run(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, capture_output=True, text=True)

    run(
        str(bindir / "initdb"),
        "-D",
        str(data),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--no-sync",
    )
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    run(
        str(bindir / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-l",
        str(root / "log"),
        "-w",
        "start",
    )
    try:
        run(
            str(bindir / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "postgres",
            "talestream_test",
        )
        url = f"postgresql+asyncpg://postgres@127.0.0.1:{port}/talestream_test"
        yield Cluster(
            url, lambda: run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        )
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def redis_unavailable_reason() -> str | None:
    if shutil.which("redis-server") is None:
        return "redis-server is not installed (apt-get install redis-server)"
    return None


@dataclass
class RedisServer:
    url: str
    proc: subprocess.Popen[bytes]

    def kill(self) -> None:
        """An outage: the server dies at once, every connection to it drops."""
        self.proc.kill()
        self.proc.wait(timeout=10)


@contextmanager
def redis_server() -> Iterator[RedisServer]:
    """A fresh redis-server on a free port, without persistence, that a test may kill."""
    import redis

    binary = shutil.which("redis-server")
    assert binary is not None
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
    try:
        yield RedisServer(f"redis://127.0.0.1:{port}/0", proc)
    finally:
        client.close()
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def throwaway_redis() -> Iterator[str]:
    """Yields the URL of a fresh redis-server on a free port, without persistence."""
    with redis_server() as server:
        yield server.url


def app_env(tmp_path: Path, database_url: str, script: Path, **extra: str) -> dict[str, str]:
    """The environment of a talestream process on the scripted model, for the tests."""
    return {
        "TALESTREAM_ENV": "test",
        "TALESTREAM_DATA_DIR": str(tmp_path),
        "TALESTREAM_DATABASE_URL": database_url,
        "TALESTREAM_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "TALESTREAM_LLM_PROVIDER": "scripted",
        "TALESTREAM_SCRIPTED_TEXT_FILE": str(script),
        "TALESTREAM_SCRIPTED_TOKEN_DELAY_MS": "20",
        "TALESTREAM_RATE_LIMIT_LOGIN": "1000/minute",
        "TALESTREAM_RATE_LIMIT_GENERATE": "1000/minute",
        "TALESTREAM_SAFETY_ENCODER": "false",  # as in conftest.make_settings
        **extra,
    }


class TalestreamProcess:
    """`python -m talestream serve` as a real process (signals, drain, several workers)."""

    def __init__(self, env: dict[str, str], *, port: int | None = None, log: Path) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **env}
        self.log_path = log
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> TalestreamProcess:
        import sys

        import httpx

        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "talestream", "serve", "--port", str(self.port)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while True:
            assert self.proc.poll() is None, f"talestream serve exited: {self.log_path.read_text()}"
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "talestream serve did not start"
            time.sleep(0.1)

    def __exit__(self, *_: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
