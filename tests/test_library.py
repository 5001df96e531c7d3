"""The story library and non-streaming generation."""

from __future__ import annotations

import httpx

from talestream.db.base import Database
from tests.conftest import LiveServer, bearer_for, count_rows
from tests.test_stream_get import new_child, stream


async def test_generate_returns_the_complete_payload(client: httpx.AsyncClient) -> None:
    auth = await bearer_for(client)
    child_id = await new_child(client, auth)
    r = await client.post(
        "/api/v1/stories/generate", json={"child_id": child_id, "theme": "ocean"}, headers=auth
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["success"] is True and body["story_content"] and len(body["choices"]) >= 2
    _, events = await stream(client, auth, child_id=child_id, theme="forest")
    assert set(body) == set(events[-1].data["data"])


async def test_generate_unsafe_everywhere_is_422(
    client: httpx.AsyncClient, live_server: LiveServer, db: Database
) -> None:
    live_server.script.write_text("The pirate shot the boy with a gun and he died in his blood.")
    auth = await bearer_for(client)
    child_id = await new_child(client, auth)
    r = await client.post(
        "/api/v1/stories/generate",
        json={"child_id": child_id, "theme": "pirates 422"},
        headers=auth,
    )
    assert r.status_code == 422 and r.json()["code"] == "UNSAFE_CONTENT"
    assert await count_rows(db, "stories") == 0


async def test_list_filter_paginate_read_delete(client: httpx.AsyncClient, db: Database) -> None:
    auth = await bearer_for(client)
    mia = await new_child(client, auth)
    leo = await new_child(client, auth, name="Leo")
    for child, theme in [(mia, "space"), (mia, "sea"), (leo, "farm")]:
        await stream(client, auth, child_id=child, theme=theme)

    page = (await client.get("/api/v1/stories/", headers=auth)).json()
    assert page["total"] == 3 and len(page["items"]) == 3
    assert [s["theme"] for s in page["items"]] == ["farm", "sea", "space"]  # newest first
    assert all(s["chapter_count"] == 1 for s in page["items"])
    page = (
        await client.get("/api/v1/stories/", params={"child_id": mia, "limit": 1}, headers=auth)
    ).json()
    assert page["total"] == 2 and [s["theme"] for s in page["items"]] == ["sea"]
    page = (
        await client.get(
            "/api/v1/stories/", params={"child_id": mia, "limit": 1, "offset": 1}, headers=auth
        )
    ).json()
    assert [s["theme"] for s in page["items"]] == ["space"]

    story_id = page["items"][0]["id"]
    story = (await client.get(f"/api/v1/stories/{story_id}", headers=auth)).json()
    chapter = story["chapters"][0]
    assert chapter["number"] == 1 and chapter["safety"]["approved"] is True
    assert chapter["vocabulary_level"] in {"beginner", "intermediate", "advanced"}

    stranger = await bearer_for(client, "stranger@example.com")
    assert (await client.get(f"/api/v1/stories/{story_id}", headers=stranger)).status_code == 403
    assert (await client.delete(f"/api/v1/stories/{story_id}", headers=stranger)).status_code == 403
    assert (await client.get("/api/v1/stories/", headers=stranger)).json()["total"] == 0
    r = await client.get("/api/v1/stories/", params={"child_id": mia}, headers=stranger)
    assert r.status_code == 403

    assert (await client.delete(f"/api/v1/stories/{story_id}", headers=auth)).status_code == 204
    assert (await client.get(f"/api/v1/stories/{story_id}", headers=auth)).status_code == 404
    assert await count_rows(db, "chapters") == 2


async def test_deleting_a_child_deletes_their_stories(
    client: httpx.AsyncClient, db: Database
) -> None:
    auth = await bearer_for(client)
    mia = await new_child(client, auth)
    await stream(client, auth, child_id=mia, theme="space")
    assert (await client.delete(f"/api/v1/children/{mia}", headers=auth)).status_code == 204
    assert await count_rows(db, "stories") == 0
    assert await count_rows(db, "chapters") == 0
