"""Browser hardening headers, token responses kept out of caches, and an API reference that
works offline (issue 10, item 14)."""

from __future__ import annotations

import re

import httpx

from tests.browser import chromium_page
from tests.conftest import LiveServer, login, register
from tests.test_web_app import browser_tests_once

HARDENING = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


def hardened(r: httpx.Response) -> None:
    for name, value in HARDENING.items():
        assert r.headers.get(name) == value, (r.url, name, r.headers.get(name))
    policy = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";")[0]


async def test_web_app_and_api_send_hardening_headers(client: httpx.AsyncClient) -> None:
    page = await client.get("/")
    hardened(page)
    assert "script-src 'self';" in page.headers["content-security-policy"]
    hardened(await client.get("/static/app.js"))
    hardened(await client.get("/health"))
    hardened(await client.get("/api/v1/users/me"))  # errors too


async def test_login_and_refresh_are_never_cached(client: httpx.AsyncClient) -> None:
    await register(client)
    r = await client.post(
        "/api/v1/auth/login", json={"email": "parent@example.com", "password": "correct-horse-42"}
    )
    assert r.headers["cache-control"] == "no-store"
    tokens = r.json()
    r = await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-store"
    r = await client.post(
        "/api/v1/auth/token",
        data={"username": "parent@example.com", "password": "correct-horse-42"},
    )
    assert r.headers["cache-control"] == "no-store"
    await login(client)


async def test_api_reference_loads_nothing_from_other_hosts(client: httpx.AsyncClient) -> None:
    r = await client.get("/docs")
    assert r.status_code == 200
    hardened(r)
    sources = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert sources, r.text
    for source in sources:
        assert source.startswith("/"), f"/docs loads {source} from another host"
        assert (await client.get(source)).status_code == 200, source


async def test_swagger_ui_renders_offline_under_its_policy(live_server: LiveServer) -> None:
    """Chromium on a closed network: the page must render from our files alone, and the
    Content-Security-Policy must not block its script or styles."""
    browser_tests_once(live_server)
    async with chromium_page() as page:
        violations: list[str] = []
        page.on(
            "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
        )
        await page.goto(live_server.url + "/docs")
        title = page.locator(".swagger-ui .info .title")
        await title.wait_for(timeout=15_000)
        assert "talestream" in await title.inner_text()
        await page.locator(".opblock").first.wait_for(timeout=15_000)
    assert not violations, violations
