"""Another website cannot start work with a parent's cookie session (issue 10, item 13):
Fetch Metadata (`Sec-Fetch-Site`) refuses cross-site cookie requests, the GET stream included."""

from __future__ import annotations

import httpx

from talestream.db.base import Database
from tests.conftest import LiveServer, count_rows, login, register
from tests.helpers import new_child

STREAM = "/api/v1/stories/generate/stream"


async def cookie_parent_with_child(client: httpx.AsyncClient) -> int:
    await register(client)
    await login(client)  # the cookie session, as a browser gets it
    csrf = {"X-CSRF-Token": client.cookies["talestream_csrf"]}
    return await new_child(client, csrf)


async def test_a_cross_site_navigation_cannot_start_a_story(
    live_server: LiveServer, client: httpx.AsyncClient, db: Database
) -> None:
    child_id = await cookie_parent_with_child(client)
    params = {"child_id": child_id, "theme": "sea"}
    # What a browser sends for a link or redirect from another site to the stream.
    evil = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}
    r = await client.get(STREAM, params=params, headers=evil)
    assert r.status_code == 403, r.text
    assert r.json()["code"] == "CSRF_FAILED"
    assert live_server.app.state.services.gate.running == 0
    assert await count_rows(db, "stories") == 0
    # A sibling subdomain is another site too.
    r = await client.get(STREAM, params=params, headers={"Sec-Fetch-Site": "same-site"})
    assert r.status_code == 403

    # Our own page's EventSource (same-origin) and a typed address (none) still work.
    for site in ("same-origin", "none"):
        async with client.stream(
            "GET", STREAM, params=params, headers={"Sec-Fetch-Site": site}
        ) as ok:
            await ok.aread()
        assert ok.status_code == 200


async def test_cross_site_unsafe_methods_are_refused_even_with_the_csrf_token(
    client: httpx.AsyncClient,
) -> None:
    child_id = await cookie_parent_with_child(client)
    headers = {"X-CSRF-Token": client.cookies["talestream_csrf"], "Sec-Fetch-Site": "cross-site"}
    r = await client.delete(f"/api/v1/children/{child_id}", headers=headers)
    assert r.status_code == 403
    assert r.json()["code"] == "CSRF_FAILED"


async def test_bearer_requests_are_not_affected(client: httpx.AsyncClient) -> None:
    await register(client)
    tokens = await login(client)
    client.cookies.clear()
    r = await client.get(
        "/api/v1/users/me",
        headers={
            "Authorization": f"Bearer {tokens['access_token']}",
            "Sec-Fetch-Site": "cross-site",
        },
    )
    assert r.status_code == 200
