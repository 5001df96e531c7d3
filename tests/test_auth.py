"""Accounts over real HTTP: register, login, Bearer vs cookie, CSRF, refresh rotation, logout."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import PASSWORD, bearer_for, count_rows, login, register


async def test_register_returns_user_without_secrets(client: httpx.AsyncClient) -> None:
    user = await register(client, "Ann@Example.com", "Ann")
    assert user["email"] == "ann@example.com"
    assert user["name"] == "Ann"
    assert "password" not in str(user).lower()


async def test_register_taken_email_is_409_case_insensitive(client: httpx.AsyncClient) -> None:
    await register(client, "ann@example.com")
    r = await client.post(
        "/api/v1/auth/register",
        json={"email": "ANN@example.com", "password": PASSWORD, "name": "Other"},
    )
    assert r.status_code == 409
    assert r.json()["code"] == "EMAIL_TAKEN"


@pytest.mark.parametrize(
    ("password", "needs"),
    [
        ("short1", "at least 10 characters"),
        ("onlyletterslong", "a digit or symbol"),
        ("1234567890", "a letter"),
        ("aaaaaaaaa1", "more than three different"),
    ],
)
async def test_password_policy_is_a_clear_422(
    client: httpx.AsyncClient, password: str, needs: str
) -> None:
    r = await client.post(
        "/api/v1/auth/register", json={"email": "a@example.com", "password": password, "name": "A"}
    )
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "VALIDATION_ERROR"
    assert "password" in body["detail"] and needs in body["detail"]
    assert body["errors"][0]["loc"] == ["body", "password"]


async def test_invalid_email_and_missing_name(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/v1/auth/register", json={"email": "nope", "password": PASSWORD})
    assert r.status_code == 422
    fields = {tuple(e["loc"]) for e in r.json()["errors"]}
    assert fields == {("body", "email"), ("body", "name")}


async def test_login_wrong_password_is_401(client: httpx.AsyncClient) -> None:
    await register(client)
    r = await client.post(
        "/api/v1/auth/login", json={"email": "parent@example.com", "password": "wrong-pass-1"}
    )
    assert r.status_code == 401
    assert r.json() == {"detail": "wrong email or password", "code": "UNAUTHORIZED"}
    r = await client.post(
        "/api/v1/auth/login", json={"email": "nobody@example.com", "password": PASSWORD}
    )
    assert r.status_code == 401


async def test_login_gives_tokens_and_cookie_session(client: httpx.AsyncClient) -> None:
    await register(client)
    r = await client.post(
        "/api/v1/auth/login", json={"email": "parent@example.com", "password": PASSWORD}
    )
    body = r.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] > 0 and body["access_token"] and body["refresh_token"]
    cookie_header = ", ".join(r.headers.get_list("set-cookie")).lower()
    assert "talestream_session=" in cookie_header and "httponly" in cookie_header
    assert "samesite=lax" in cookie_header


async def test_bearer_and_cookie_reach_the_same_route(client: httpx.AsyncClient) -> None:
    await register(client)
    tokens = await login(client)  # the client now also holds the session cookie
    by_cookie = await client.get("/api/v1/users/me")
    assert by_cookie.status_code == 200
    client.cookies.clear()
    assert (await client.get("/api/v1/users/me")).status_code == 401
    by_bearer = await client.get(
        "/api/v1/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert by_bearer.status_code == 200
    assert by_cookie.json() == by_bearer.json()


async def test_garbage_bearer_is_401_with_www_authenticate(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/users/me", headers={"Authorization": "Bearer not-a-jwt"})
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert "invalid or expired" in r.json()["detail"]


async def test_oauth2_form_token_for_swagger(client: httpx.AsyncClient) -> None:
    await register(client)
    r = await client.post(
        "/api/v1/auth/token", data={"username": "parent@example.com", "password": PASSWORD}
    )
    assert r.status_code == 200
    token = r.json()["access_token"]
    me = await client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["email"] == "parent@example.com"


async def test_cookie_unsafe_method_needs_csrf_header(client: httpx.AsyncClient) -> None:
    await register(client)
    await login(client)
    child = {"name": "Mia", "age": 6}
    refused = await client.post("/api/v1/children/", json=child)
    assert refused.status_code == 403
    assert refused.json()["code"] == "CSRF_FAILED"
    wrong = await client.post("/api/v1/children/", json=child, headers={"X-CSRF-Token": "x" * 43})
    assert wrong.status_code == 403
    csrf = client.cookies["talestream_csrf"]
    accepted = await client.post("/api/v1/children/", json=child, headers={"X-CSRF-Token": csrf})
    assert accepted.status_code == 201


async def test_bearer_unsafe_method_needs_no_csrf(client: httpx.AsyncClient) -> None:
    headers = await bearer_for(client)
    r = await client.post("/api/v1/children/", json={"name": "Mia", "age": 6}, headers=headers)
    assert r.status_code == 201


async def test_refresh_rotates_and_reuse_revokes_the_family(client: httpx.AsyncClient) -> None:
    await register(client)
    first = await login(client)
    client.cookies.clear()
    r = await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert r.status_code == 200
    second = r.json()
    assert second["refresh_token"] != first["refresh_token"]
    auth2 = {"Authorization": f"Bearer {second['access_token']}"}
    assert (await client.get("/api/v1/users/me", headers=auth2)).status_code == 200

    # A thief replays the first (already rotated) token: the whole login is signed out.
    reuse = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
    )
    assert reuse.status_code == 401
    assert reuse.json()["code"] == "REFRESH_TOKEN_REUSED"
    again = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]}
    )
    assert again.status_code == 401
    assert (await client.get("/api/v1/users/me", headers=auth2)).status_code == 401


async def test_other_logins_survive_a_reuse_elsewhere(client: httpx.AsyncClient) -> None:
    await register(client)
    phone, laptop = await login(client), await login(client)
    client.cookies.clear()
    rotated = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": phone["refresh_token"]}
    )
    assert rotated.status_code == 200
    replayed = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": phone["refresh_token"]}
    )
    assert replayed.status_code == 401
    assert replayed.json()["code"] == "REFRESH_TOKEN_REUSED"
    r = await client.post("/api/v1/auth/refresh", json={"refresh_token": laptop["refresh_token"]})
    assert r.status_code == 200


async def test_logout_with_bearer_revokes_tokens(client: httpx.AsyncClient) -> None:
    await register(client)
    tokens = await login(client)
    client.cookies.clear()
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await client.post("/api/v1/auth/logout", headers=auth)).status_code == 204
    assert (await client.get("/api/v1/users/me", headers=auth)).status_code == 401
    r = await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 401


async def test_logout_with_cookie_ends_the_session(client: httpx.AsyncClient, db) -> None:
    await register(client)
    await login(client)
    session_cookie = client.cookies["talestream_session"]
    csrf = client.cookies["talestream_csrf"]
    r = await client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf})
    assert r.status_code == 204
    assert await count_rows(db, "browser_sessions") == 0
    # Even a client that kept the old cookie is out.
    client.cookies.set("talestream_session", session_cookie)
    assert (await client.get("/api/v1/users/me")).status_code == 401


async def test_update_me_and_password_change(client: httpx.AsyncClient) -> None:
    auth = await bearer_for(client)
    r = await client.patch("/api/v1/users/me", json={"name": "Patricia"}, headers=auth)
    assert r.json()["name"] == "Patricia"
    r = await client.patch("/api/v1/users/me", json={"password": "new-secret-99"}, headers=auth)
    assert r.status_code == 422 and "current_password" in r.json()["detail"]
    r = await client.patch(
        "/api/v1/users/me",
        json={"password": "new-secret-99", "current_password": "wrong-pass-1"},
        headers=auth,
    )
    assert r.status_code == 403
    r = await client.patch(
        "/api/v1/users/me",
        json={"password": "new-secret-99", "current_password": PASSWORD},
        headers=auth,
    )
    assert r.status_code == 200
    ok = await client.post(
        "/api/v1/auth/login", json={"email": "parent@example.com", "password": "new-secret-99"}
    )
    assert ok.status_code == 200


async def test_delete_me_removes_everything(client: httpx.AsyncClient, db) -> None:
    auth = await bearer_for(client)
    await client.post("/api/v1/children/", json={"name": "Mia", "age": 6}, headers=auth)
    other = await bearer_for(client, "other@example.com")
    await client.post("/api/v1/children/", json={"name": "Leo", "age": 8}, headers=other)

    assert (await client.delete("/api/v1/users/me", headers=auth)).status_code == 204
    assert await count_rows(db, "users") == 1
    assert await count_rows(db, "children") == 1  # only the other family's child remains
    assert await count_rows(db, "refresh_tokens") == 1
    r = await client.post(
        "/api/v1/auth/login", json={"email": "parent@example.com", "password": PASSWORD}
    )
    assert r.status_code == 401
