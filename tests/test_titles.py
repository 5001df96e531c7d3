"""A story without a parent-given title is named naturally in the reader's language."""

from __future__ import annotations

import httpx
import pytest

from talestream.stories.titles import story_title
from tests.conftest import bearer_for


@pytest.mark.parametrize(
    ("hero", "theme", "language", "title"),
    [
        ("Mia", "a lost owl", "en", "Mia and the Lost Owl"),
        ("Mia", "foxes", "en", "Mia and the Foxes"),
        ("Mia", "a trip to the moon", "en", "Mia and the Trip to the Moon"),
        ("Mia", "Mia's birthday", "en", "Mia's Birthday"),
        ("Lucas", "un dragón amable", "es", "Lucas y el dragón amable"),
        ("Léa", "une étoile filante", "fr", "Léa et l'étoile filante"),
        ("Léa", "une forêt", "fr", "Léa et la forêt"),
        ("Jonas", "ein Drache im Garten", "de", "Jonas und ein Drache im Garten"),
        ("Маша", "волшебный лес", "ru", "Маша и волшебный лес"),
        ("נועה", "כוכב קטן", "he", "נועה וכוכב קטן"),
    ],
)
def test_titles_read_naturally(hero: str, theme: str, language: str, title: str) -> None:
    assert story_title(hero, theme, language) == title


async def test_a_childs_story_is_titled_from_hero_and_theme(client: httpx.AsyncClient) -> None:
    auth = await bearer_for(client)
    child = await client.post("/api/v1/children/", json={"name": "Mia", "age": 6}, headers=auth)
    r = await client.post(
        "/api/v1/stories/generate",
        json={"child_id": child.json()["id"], "theme": "a lost owl"},
        headers=auth,
    )
    assert r.status_code == 200, r.text
    story = (await client.get(f"/api/v1/stories/{r.json()['story_id']}", headers=auth)).json()
    assert story["title"] == "Mia and the Lost Owl"
