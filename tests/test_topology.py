"""The production shape as processes: Debian's nginx with deploy/nginx.conf in front of two
`talestream serve` workers sharing the suite's PostgreSQL and a real Redis.

- A stream started through nginx, cut, and resumed through nginx on the OTHER worker completes with
  no gap and no duplicate, and exactly one chapter is saved.
- A worker killed mid-run: a reader resuming through nginx gets RUN_LOST, and nothing is saved.
- Rate limits hold across the two workers.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from talestream.db.base import Database
from talestream.db.migrate import upgrade
from talestream.generation.scripted import BUILTIN_CHAPTER
from talestream.stories.models import Chapter, Story
from talestream.users.models import User
from tests.conftest import PASSWORD
from tests.servers import TalestreamProcess, app_env, free_port
from tests.sse_client import Event, parse_events

NGINX = Path("/usr/sbin/nginx")
DEPLOY = Path(__file__).parents[1] / "deploy"
STREAM = "/api/v1/stories/generate/stream"


def nginx_or_skip() -> Path:
    if not NGINX.exists():
        if os.environ.get("CI"):
            pytest.fail("nginx is required in CI (apt-get install nginx)")
        pytest.skip("nginx is not installed")
    return NGINX


def nginx_prefix(root: Path, port: int, upstreams: list[str]) -> Path:
    """deploy/nginx.conf in a private prefix, with only the listen port and the upstream
    servers filled in (the shipped ones name the compose service `app`)."""
    root.mkdir(parents=True, exist_ok=True)
    config = (DEPLOY / "nginx.conf").read_text()
    assert config.count("listen 8080;") == 1
    (root / "nginx.conf").write_text(config.replace("listen 8080;", f"listen 127.0.0.1:{port};"))
    servers = "".join(f"server {u} max_fails=1 fail_timeout=5s;\n" for u in upstreams)
    (root / "talestream-upstream.conf").write_text(servers)
    return root / "nginx.conf"


def nginx_args(config: Path) -> list[str]:
    root = config.parent
    return [
        str(nginx_or_skip()),
        "-p",
        str(root),
        "-c",
        str(config),
        "-e",
        str(root / "error.log"),
        "-g",
        f"daemon off; pid {root / 'nginx.pid'};",
    ]


def test_the_shipped_nginx_config_is_valid(tmp_path: Path) -> None:
    config = nginx_prefix(tmp_path, free_port(), ["127.0.0.1:9"])
    done = subprocess.run([*nginx_args(config), "-t"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "test is successful" in done.stderr


@pytest.fixture(scope="module")
def topology(
    tmp_path_factory: pytest.TempPathFactory, postgres_url: str, redis_url: str
) -> Iterator[tuple[str, list[TalestreamProcess], Path]]:
    """Started once for this module; the last test kills one of the workers."""
    nginx_or_skip()
    tmp_path = tmp_path_factory.mktemp("topology")
    upgrade(postgres_url)
    script = tmp_path / "script.txt"
    script.write_text(BUILTIN_CHAPTER)
    env = app_env(
        tmp_path,
        postgres_url,
        script,
        TALESTREAM_REDIS_URL=redis_url,
        # A database of its own, so these counts do not mix with test_rate_limits'.
        TALESTREAM_RATE_LIMIT_STORAGE=redis_url.rsplit("/", 1)[0] + "/3",
        TALESTREAM_RATE_LIMIT_LOGIN="3/minute",
        TALESTREAM_SCRIPTED_TOKEN_DELAY_MS="30",
        TALESTREAM_RUN_LEASE_SECONDS="2",
        TALESTREAM_FORWARDED_ALLOW_IPS="127.0.0.1",  # nginx is the only proxy
        TALESTREAM_AUTO_MIGRATE="false",
    )
    port = free_port()
    with (
        TalestreamProcess(env, log=tmp_path / "worker-a.log") as a,
        TalestreamProcess(env, log=tmp_path / "worker-b.log") as b,
    ):
        config = nginx_prefix(
            tmp_path / "nginx", port, [f"127.0.0.1:{a.port}", f"127.0.0.1:{b.port}"]
        )
        with open(tmp_path / "nginx" / "stdout.log", "wb") as out:
            nginx = subprocess.Popen(nginx_args(config), stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    if httpx.get(url + "/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert nginx.poll() is None, (tmp_path / "nginx" / "error.log").read_text()
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.1)
            yield url, [a, b], script
        finally:
            nginx.send_signal(signal.SIGQUIT)
            try:
                nginx.wait(timeout=10)
            except subprocess.TimeoutExpired:
                nginx.kill()
            shutil.rmtree(tmp_path / "nginx", ignore_errors=True)


async def account(client: httpx.AsyncClient) -> tuple[dict[str, str], int]:
    email = f"{uuid.uuid4().hex[:10]}@example.com"
    r = await client.post(
        "/api/v1/auth/register", json={"email": email, "password": PASSWORD, "name": "T"}
    )
    assert r.status_code == 201, r.text
    token = await client.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD})
    auth = {"Authorization": f"Bearer {token.json()['access_token']}"}
    child = await client.post("/api/v1/children/", json={"name": "Mia", "age": 6}, headers=auth)
    return auth, child.json()["id"]


def served_by(workers: list[TalestreamProcess], needle: str) -> list[int]:
    """Which workers' access logs show a request containing `needle`."""
    return [i for i, w in enumerate(workers) if needle in w.log_path.read_text()]


async def read_some(
    client: httpx.AsyncClient, params: dict[str, Any], auth: dict[str, str], contents: int
) -> list[Event]:
    """Reads a stream through nginx until `contents` more content events, then cuts it."""
    body = ""
    async with client.stream("GET", STREAM, params=params, headers=auth) as response:
        assert response.status_code == 200, await response.aread()
        async for text in response.aiter_text():
            body += text
            events = parse_events(body[: body.rfind("\n\n") + 2])
            done = events and events[-1].data["type"] in {"complete", "error"}
            if done or sum(e.data["type"] == "content" for e in events) >= contents:
                return events
    return parse_events(body)


async def count_chapters(database_url: str, owner_id: int) -> int:
    database = Database(database_url)
    try:
        async with database.sessions() as session:
            found = await session.scalar(
                select(func.count())
                .select_from(Chapter)
                .join(Story)
                .join(User)
                .where(User.id == owner_id)
            )
            return int(found or 0)
    finally:
        await database.dispose()


async def whoami(client: httpx.AsyncClient, auth: dict[str, str]) -> int:
    return int((await client.get("/api/v1/users/me", headers=auth)).json()["id"])


async def test_resume_through_nginx_on_the_other_worker(
    topology: tuple[str, list[TalestreamProcess], Path], postgres_url: str
) -> None:
    url, workers, _ = topology
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        auth, child = await account(client)
        theme = f"owls-{uuid.uuid4().hex[:8]}"
        params: dict[str, Any] = {"child_id": child, "theme": theme}
        events = await read_some(client, params, auth, contents=2)
        run_id = events[0].data["data"]["run_id"]
        (owner,) = served_by(workers, f"theme={theme} HTTP")
        # Resume (with the query form, which the access logs show) until a resume lands on the
        # other worker; every resume in between must also continue exactly where it stopped.
        crossed = False
        while events[-1].data["type"] not in {"complete", "error"}:
            cursor = events[-1].id
            more = await read_some(client, {**params, "last_event_id": cursor}, auth, contents=2)
            assert more, "a resume returns the rest of the run"
            events += more
            crossed = crossed or served_by(workers, f"last_event_id={cursor}") == [1 - owner]
        assert crossed, "no resume reached the other worker"
        assert [e.id for e in events] == [f"{run_id}.{n}" for n in range(1, len(events) + 1)]
        assert events[-1].data["type"] == "complete"
        text = "".join(e.data["data"]["chunk"] for e in events if e.data["type"] == "content")
        assert text.split() == BUILTIN_CHAPTER.split()
        assert await count_chapters(postgres_url, await whoami(client, auth)) == 1


async def test_rate_limits_hold_across_workers(
    topology: tuple[str, list[TalestreamProcess], Path],
) -> None:
    url, workers, _ = topology
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        email = f"{uuid.uuid4().hex[:10]}@example.com"
        await client.post(
            "/api/v1/auth/register", json={"email": email, "password": PASSWORD, "name": "R"}
        )
        login = {"email": email, "password": PASSWORD}
        statuses = []
        for _ in range(6):
            statuses.append((await client.post("/api/v1/auth/login", json=login)).status_code)
            client.cookies.clear()
    assert statuses == [200, 200, 200, 429, 429, 429]
    assert served_by(workers, '"POST /api/v1/auth/login HTTP/1.1" 200') == [0, 1]


async def test_a_worker_killed_mid_run_gives_run_lost(
    topology: tuple[str, list[TalestreamProcess], Path], postgres_url: str
) -> None:
    url, workers, _ = topology
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        auth, child = await account(client)
        theme = f"foxes-{uuid.uuid4().hex[:8]}"
        params: dict[str, Any] = {"child_id": child, "theme": theme}
        events = await read_some(client, params, auth, contents=2)
        (owner,) = served_by(workers, f"theme={theme} HTTP")
        process = workers[owner].proc
        assert process is not None
        process.kill()  # SIGKILL: no drain, no goodbye
        process.wait(timeout=10)
        began = time.monotonic()
        rest = await read_some(client, {**params, "last_event_id": events[-1].id}, auth, 10**6)
        assert rest[-1].data["type"] == "error"
        assert rest[-1].data["data"]["code"] == "RUN_LOST"
        assert time.monotonic() - began < 10, "RUN_LOST comes promptly"
        state = await client.get(
            f"/api/v1/stories/runs/{events[0].data['data']['run_id']}", headers=auth
        )
        assert state.json()["state"] == "lost"
        await asyncio.sleep(0.5)
        assert await count_chapters(postgres_url, await whoami(client, auth)) == 0
