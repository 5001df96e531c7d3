"""Real servers for the tests: uvicorn on a socket in a thread, and a throwaway PostgreSQL."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
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
            uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", **config)
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
        return s.getsockname()[1]


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
