"""The service as an operator meets it: health, docs, configuration errors, `talestream serve`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from talestream.config import ConfigError, load_settings
from tests.conftest import LiveServer
from tests.helpers import wait_until_sync
from tests.servers import free_port


async def test_health_reports_database_and_provider(
    client: httpx.AsyncClient, live_server: LiveServer, database_url: str
) -> None:
    r = await client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    # What this test run configured: the database it parametrises and conftest.serve's model.
    assert body["database"]["dialect"] == database_url.split(":")[0].split("+")[0]
    assert body["model"]["provider"] == "scripted"


async def test_openapi_docs_are_served(client: httpx.AsyncClient) -> None:
    assert (await client.get("/docs")).status_code == 200
    spec = (await client.get("/openapi.json")).json()
    assert "/api/v1/children/" in spec["paths"]
    assert "/api/v1/auth/token" in spec["paths"]


async def test_unknown_route_is_json_404(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/nope")
    assert r.status_code == 404
    assert r.json()["code"] == "NOT_FOUND"


def test_invalid_setting_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALESTREAM_LLM_PROVIDER", "magic")
    monkeypatch.setenv("TALESTREAM_ACCESS_TOKEN_TTL_SECONDS", "-5")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert "TALESTREAM_LLM_PROVIDER" in message and "'magic'" in message
    assert "TALESTREAM_ACCESS_TOKEN_TTL_SECONDS" in message


def test_production_requires_a_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALESTREAM_ENV", "production")
    monkeypatch.delenv("TALESTREAM_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="TALESTREAM_SECRET_KEY"):
        load_settings()


def test_development_secret_is_generated_once_and_persisted(tmp_path: Path) -> None:
    first = load_settings(data_dir=tmp_path).signing_key
    assert len(first) >= 32
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert load_settings(data_dir=tmp_path).signing_key == first


def _talestream(*args: str, env: dict[str, str]) -> list[str]:
    return [str(Path(sys.executable).with_name("talestream")), *args]


def _clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TALESTREAM_")}
    return {**env, "TALESTREAM_DATA_DIR": str(tmp_path / "data"), **extra}


def test_serve_refuses_a_bad_setting_with_the_variable_name(tmp_path: Path) -> None:
    env = _clean_env(tmp_path, TALESTREAM_DATABASE_URL="mysql://nope")
    done = subprocess.run(
        _talestream("serve", env=env), env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "TALESTREAM_DATABASE_URL" in done.stderr


def test_serve_on_embedded_defaults_migrates_and_answers(tmp_path: Path) -> None:
    """What `make run` does: a fresh data directory, SQLite, migrations, then /health."""
    port = free_port()
    env = _clean_env(tmp_path)
    proc = subprocess.Popen(
        _talestream("serve", "--port", str(port), env=env),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    health: list[httpx.Response] = []

    def answers() -> bool:
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
        try:
            health.append(httpx.get(f"http://127.0.0.1:{port}/health", timeout=2))
        except httpx.TransportError:
            return False
        return True

    try:
        wait_until_sync(answers, timeout=60, message="talestream serve did not come up")
        r = health[-1]
        assert r.status_code == 200
        assert r.json()["database"]["dialect"] == "sqlite"
        assert (tmp_path / "data" / "talestream.db").exists()
        assert (tmp_path / "data" / "secret_key").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


async def test_web_app_is_served_and_revalidated(client: httpx.AsyncClient) -> None:
    page = await client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    script = await client.get("/static/app.js")
    assert script.status_code == 200
    assert script.headers["cache-control"] == "no-cache"
    again = await client.get("/static/app.js", headers={"If-None-Match": script.headers["etag"]})
    assert again.status_code == 304
