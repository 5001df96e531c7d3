"""What ends which credential (docs/auth.md), over real HTTP on both databases: a deleted
account's tokens, simultaneous refreshes, password changes and logout of one login."""

from __future__ import annotations

import asyncio

import httpx

from tests.conftest import PASSWORD, LiveServer, login, register

NEW_PASSWORD = "new-secret-99"


def bearer(tokens: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


async def test_deleted_accounts_token_never_opens_the_next_account(
    client: httpx.AsyncClient,
) -> None:
    gone = await register(client, "gone@example.com")
    tokens = await login(client, "gone@example.com")
    client.cookies.clear()
    assert (await client.delete("/api/v1/users/me", headers=bearer(tokens))).status_code == 204

    newcomer = await register(client, "new@example.com", "Newcomer")
    assert newcomer["id"] != gone["id"]  # SQLite reused the freed id before AUTOINCREMENT
    r = await client.get("/api/v1/users/me", headers=bearer(tokens))
    assert r.status_code == 401, r.text
    r = await client.get("/api/v1/children/", headers=bearer(tokens))
    assert r.status_code == 401


async def test_simultaneous_refreshes_fork_no_chain(client: httpx.AsyncClient) -> None:
    await register(client)
    for _ in range(10):
        tokens = await login(client)
        client.cookies.clear()
        body = {"refresh_token": tokens["refresh_token"]}
        answers = await asyncio.gather(
            client.post("/api/v1/auth/refresh", json=body),
            client.post("/api/v1/auth/refresh", json=body),
        )
        assert sorted(r.status_code for r in answers) == [200, 401], [r.text for r in answers]
        loser = next(r for r in answers if r.status_code == 401)
        assert loser.json()["code"] == "REFRESH_TOKEN_REUSED"
        # The loser counts as reuse: the winner's new chain is signed out too.
        winner = next(r for r in answers if r.status_code == 200).json()
        assert (await client.get("/api/v1/users/me", headers=bearer(winner))).status_code == 401
        again = await client.post(
            "/api/v1/auth/refresh", json={"refresh_token": winner["refresh_token"]}
        )
        assert again.status_code == 401


async def test_password_change_ends_every_other_credential(
    live_server: LiveServer, client: httpx.AsyncClient
) -> None:
    await register(client)
    async with (
        httpx.AsyncClient(base_url=live_server.url) as here,
        httpx.AsyncClient(base_url=live_server.url) as tablet,
    ):
        mine = await login(here)
        here.cookies.clear()
        other = await login(tablet)  # tokens and a cookie session on another device

        r = await here.patch(
            "/api/v1/users/me",
            json={"password": NEW_PASSWORD, "current_password": PASSWORD},
            headers=bearer(mine),
        )
        assert r.status_code == 200, r.text

        assert (await tablet.get("/api/v1/users/me")).status_code == 401  # cookie session
        tablet.cookies.clear()
        assert (await tablet.get("/api/v1/users/me", headers=bearer(other))).status_code == 401
        r = await tablet.post(
            "/api/v1/auth/refresh", json={"refresh_token": other["refresh_token"]}
        )
        assert r.status_code == 401

        # The login that made the change stays signed in.
        assert (await here.get("/api/v1/users/me", headers=bearer(mine))).status_code == 200
        r = await here.post("/api/v1/auth/refresh", json={"refresh_token": mine["refresh_token"]})
        assert r.status_code == 200


async def test_password_change_by_cookie_keeps_only_that_browser(
    live_server: LiveServer, client: httpx.AsyncClient
) -> None:
    await register(client)
    async with (
        httpx.AsyncClient(base_url=live_server.url) as browser,
        httpx.AsyncClient(base_url=live_server.url) as phone,
    ):
        await login(browser)
        other = await login(phone)
        phone.cookies.clear()
        r = await browser.patch(
            "/api/v1/users/me",
            json={"password": NEW_PASSWORD, "current_password": PASSWORD},
            headers={"X-CSRF-Token": browser.cookies["talestream_csrf"]},
        )
        assert r.status_code == 200, r.text
        assert (await browser.get("/api/v1/users/me")).status_code == 200
        assert (await phone.get("/api/v1/users/me", headers=bearer(other))).status_code == 401


async def test_bearer_logout_ends_that_logins_cookie_session(
    live_server: LiveServer, client: httpx.AsyncClient
) -> None:
    await register(client)
    async with httpx.AsyncClient(base_url=live_server.url) as browser:
        tokens = await login(browser)
        cookies = dict(browser.cookies)
        browser.cookies.clear()
        r = await browser.post("/api/v1/auth/logout", headers=bearer(tokens))
        assert r.status_code == 204
        browser.cookies.update(cookies)
        assert (await browser.get("/api/v1/users/me")).status_code == 401


async def test_cookie_logout_ends_that_logins_tokens(
    live_server: LiveServer, client: httpx.AsyncClient
) -> None:
    await register(client)
    async with httpx.AsyncClient(base_url=live_server.url) as browser:
        tokens = await login(browser)
        r = await browser.post(
            "/api/v1/auth/logout", headers={"X-CSRF-Token": browser.cookies["talestream_csrf"]}
        )
        assert r.status_code == 204
        assert (await browser.get("/api/v1/users/me", headers=bearer(tokens))).status_code == 401
        r = await browser.post(
            "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
        )
        assert r.status_code == 401
