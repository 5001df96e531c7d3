"""Honest language support: a story in a language the model does not write well is refused with
a clear 422 before any stream, and /health says which languages the model writes."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from talestream.config import ConfigError, load_settings
from talestream.db.base import Database
from talestream.db.migrate import upgrade
from tests.conftest import LiveServer, bearer_for, count_rows, serve

POST_BODY = {
    "story_name": "El dragón amable",
    "hero_name": "Lucas",
    "story_idea": "Un niño encuentra un dragón en la playa",
    "story_style": "Aventura",
    "language": "es",
    "age": 8,
}


@pytest.fixture(scope="module")
def local_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The bundled local model as configured by default (never loaded by these tests)."""
    data = tmp_path_factory.mktemp("languages")
    url = f"sqlite+aiosqlite:///{data / 'languages.db'}"
    upgrade(url)
    with serve(url, data, llm_provider="local") as server:
        yield server


def assert_unsupported(response: httpx.Response, language: str) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["code"] == "LANGUAGE_UNSUPPORTED"
    assert language in body["detail"] and "English" in body["detail"]
    assert "TALESTREAM_LLM_PROVIDER=openai" in body["detail"]
    assert "TALESTREAM_LOCAL_LANGUAGES" in body["detail"]


async def test_bundled_model_refuses_other_languages_before_any_stream(
    local_server: LiveServer,
) -> None:
    async with httpx.AsyncClient(base_url=local_server.url, timeout=30) as client:
        auth = await bearer_for(client, "languages@example.com")
        r = await client.post(
            "/api/v1/children/", json={"name": "Lucas", "age": 8, "language": "es"}, headers=auth
        )
        child = r.json()["id"]
        stream = await client.get(
            "/api/v1/stories/generate/stream",
            params={"child_id": child, "theme": "un dragón"},
            headers=auth,
        )
        assert_unsupported(stream, "Spanish")
        plain = await client.post(
            "/api/v1/stories/generate", json={"child_id": child, "theme": "un dragón"}, headers=auth
        )
        assert_unsupported(plain, "Spanish")
        post = await client.post(
            "/api/v1/stories/generate-stream/", json={**POST_BODY, "language": "he"}, headers=auth
        )
        assert_unsupported(post, "Hebrew")

        health = (await client.get("/health")).json()
        assert health["model"] == {"provider": "local", "languages": ["en"]}
    database = Database(local_server.settings.resolved_database_url)
    try:
        assert await count_rows(database, "stories") == 0
    finally:
        await database.dispose()


def test_operators_can_widen_the_local_languages(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    data = tmp_path_factory.mktemp("wider")
    url = f"sqlite+aiosqlite:///{data / 'wider.db'}"
    upgrade(url)
    with serve(url, data, llm_provider="local", local_languages="en, ES,fr") as server:
        health = httpx.get(f"{server.url}/health", timeout=30).json()
    assert health["model"]["languages"] == ["en", "es", "fr"]


async def test_scripted_model_writes_every_language(client: httpx.AsyncClient) -> None:
    health = (await client.get("/health")).json()
    assert health["model"]["languages"] == ["en", "es", "fr", "de", "ru", "he"]


def test_an_unknown_language_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="TALESTREAM_LOCAL_LANGUAGES"):
        load_settings(local_languages="en,xx")
    with pytest.raises(ConfigError, match="TALESTREAM_LOCAL_LANGUAGES"):
        load_settings(local_languages=" , ")
