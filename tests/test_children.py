"""Child profiles over real HTTP: CRUD, ownership (401/403/404) and validation."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import bearer_for

MIA = {
    "name": "Mia",
    "age": 6,
    "language": "en",
    "reading_level": "beginner",
    "interests": ["dragons", "space"],
}


async def test_crud_round_trip(client: httpx.AsyncClient) -> None:
    auth = await bearer_for(client)
    created = await client.post("/api/v1/children/", json=MIA, headers=auth)
    assert created.status_code == 201
    child = created.json()
    assert isinstance(child["id"], int)
    assert {k: child[k] for k in MIA} == MIA

    listed = await client.get("/api/v1/children/", headers=auth)
    assert [c["id"] for c in listed.json()] == [child["id"]]

    url = f"/api/v1/children/{child['id']}"
    patched = await client.patch(url, json={"age": 7, "interests": ["ocean"]}, headers=auth)
    assert patched.json()["age"] == 7 and patched.json()["interests"] == ["ocean"]
    assert patched.json()["name"] == "Mia"
    assert (await client.get(url, headers=auth)).json()["age"] == 7

    assert (await client.delete(url, headers=auth)).status_code == 204
    assert (await client.get(url, headers=auth)).status_code == 404


async def test_list_shows_only_own_children(client: httpx.AsyncClient) -> None:
    mine = await bearer_for(client)
    theirs = await bearer_for(client, "other@example.com")
    await client.post("/api/v1/children/", json=MIA, headers=mine)
    await client.post("/api/v1/children/", json={**MIA, "name": "Leo"}, headers=theirs)
    names = [c["name"] for c in (await client.get("/api/v1/children/", headers=mine)).json()]
    assert names == ["Mia"]


async def test_ownership_codes(client: httpx.AsyncClient) -> None:
    owner = await bearer_for(client)
    stranger = await bearer_for(client, "stranger@example.com")
    child_id = (await client.post("/api/v1/children/", json=MIA, headers=owner)).json()["id"]
    url = f"/api/v1/children/{child_id}"

    assert (await client.get(url)).status_code == 401
    forbidden = await client.get(url, headers=stranger)
    assert forbidden.status_code == 403
    assert forbidden.json()["code"] == "FORBIDDEN"
    assert (await client.patch(url, json={"age": 9}, headers=stranger)).status_code == 403
    assert (await client.delete(url, headers=stranger)).status_code == 403
    missing = await client.get(f"/api/v1/children/{child_id + 1000}", headers=owner)
    assert missing.status_code == 404
    assert "does not exist" in missing.json()["detail"]
    # The stranger changed nothing.
    assert (await client.get(url, headers=owner)).json()["age"] == 6


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"age": 1}, "age"),
        ({"age": 15}, "age"),
        ({"language": "xx"}, "language"),
        ({"reading_level": "expert"}, "reading_level"),
        ({"name": ""}, "name"),
        ({"name": "<script>"}, "name"),
        ({"interests": ["x" * 41]}, "interests"),
        ({"interests": [f"i{n}" for n in range(11)]}, "interests"),
        ({"favourite_colour": "red"}, "favourite_colour"),
    ],
)
async def test_validation_names_the_field(
    client: httpx.AsyncClient, change: dict, field: str
) -> None:
    auth = await bearer_for(client)
    r = await client.post("/api/v1/children/", json={**MIA, **change}, headers=auth)
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "VALIDATION_ERROR"
    assert field in body["detail"]


async def test_names_in_any_script(client: httpx.AsyncClient) -> None:
    auth = await bearer_for(client)
    for name, language in [
        ("Noa Levi", "he"),
        ("נועה", "he"),
        ("Анна-Мария", "ru"),
        ("O'Neil", "en"),
    ]:
        r = await client.post(
            "/api/v1/children/", json={**MIA, "name": name, "language": language}, headers=auth
        )
        assert r.status_code == 201, r.text
        assert r.json()["name"] == name


async def test_malformed_json_and_bad_id_are_clear(client: httpx.AsyncClient) -> None:
    auth = await bearer_for(client)
    r = await client.post(
        "/api/v1/children/",
        content=b"{not json",
        headers={**auth, "Content-Type": "application/json"},
    )
    assert r.status_code == 422
    assert r.json()["code"] == "VALIDATION_ERROR"
    r = await client.get("/api/v1/children/abc", headers=auth)
    assert r.status_code == 422
    assert "child_id" in r.json()["detail"]
