"""The seed documents' own examples, run against a real server with only their placeholders
(host, port, token, child id) filled in. The browser examples are covered by the web tests."""

from __future__ import annotations

import asyncio
import contextlib
import io
import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.conftest import LiveServer, bearer_for
from tests.helpers import new_child
from tests.sse_client import parse_events

DOCS = Path(__file__).parents[1] / "docs" / "api"
SHARED = Path(__file__).parents[2] / "shared" / "seeds"
QUICK_REFERENCE = "streaming-api-quick-reference.md"
GENERATION_API = "streaming-story-generation-api.md"


def code_blocks(name: str, language: str) -> list[str]:
    text = (DOCS / name).read_text()
    return re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL)


def fill(code: str, server: LiveServer, token: str, child_id: int) -> str:
    code = re.sub(r"http://localhost:80[0-9]{2}", server.url, code)
    code = code.replace("YOUR_JWT_TOKEN", token).replace("YOUR_TOKEN", token)
    return re.sub(r"child_id=1\b", f"child_id={child_id}", code).replace(
        '"child_id": 1', f'"child_id": {child_id}'
    )


@pytest.mark.parametrize("name", [QUICK_REFERENCE, GENERATION_API])
def test_our_copy_matches_the_shared_documents(name: str) -> None:
    if not SHARED.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    assert (DOCS / name).read_text() == (SHARED / name).read_text()


async def _token_and_child(client: httpx.AsyncClient) -> tuple[str, int]:
    auth = await bearer_for(client)
    return auth["Authorization"].removeprefix("Bearer "), await new_child(client, auth)


def _run_curl(command: str) -> str:
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    command = command.replace("\\\n", " ")
    done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


async def test_quick_reference_curl(client: httpx.AsyncClient, live_server: LiveServer) -> None:
    token, child_id = await _token_and_child(client)
    (curl,) = [b for b in code_blocks(QUICK_REFERENCE, "bash") if "Authorization" in b]
    out = await asyncio.to_thread(_run_curl, fill(curl, live_server, token, child_id))
    events = parse_events(out)
    assert all(e.event == "story_chunk" for e in events)
    assert events[-1].data["type"] == "complete"


async def test_quick_reference_httpx(client: httpx.AsyncClient, live_server: LiveServer) -> None:
    token, child_id = await _token_and_child(client)
    (example,) = code_blocks(QUICK_REFERENCE, "python")
    code = fill(example, live_server, token, child_id)
    body = "async def example():\n" + "\n".join("    " + line for line in code.splitlines())
    namespace: dict = {}
    exec(compile(body, "quick-reference-httpx", "exec"), namespace)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        await namespace["example"]()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("node_event: {'node': 'workflow'")
    assert any(line.startswith("content: ") for line in lines)
    assert lines[-1].startswith("complete: {'success': True")


async def test_generation_api_curl(client: httpx.AsyncClient, live_server: LiveServer) -> None:
    token, child_id = await _token_and_child(client)
    (curl,) = [b for b in code_blocks(GENERATION_API, "bash") if "curl" in b]
    out = await asyncio.to_thread(_run_curl, fill(curl, live_server, token, child_id))
    events = parse_events(out)
    assert events[0].data["type"] == "started"
    assert events[-1].data["type"] == "completed"


async def test_generation_api_aiohttp(client: httpx.AsyncClient, live_server: LiveServer) -> None:
    token, child_id = await _token_and_child(client)
    (example,) = code_blocks(GENERATION_API, "python")
    namespace: dict = {}
    exec(compile(fill(example, live_server, token, child_id), "aiohttp-example", "exec"), namespace)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        await namespace["stream_story"]()
    text = out.getvalue()
    assert "Once upon a time" in text
    assert re.search(r"\nStory saved: [0-9a-f-]{36}\n$", text)
