"""The seed documents' browser examples in real headless Chromium, where the web platform allows.

- Quick reference, EventSource with credentials: runs verbatim (cookie session).
- Quick reference, fetch + ReadableStream: runs verbatim.
- Generation API, `new EventSource(url, {headers})`: impossible on the web platform (EventSource
  only GETs and takes no headers); the fetch-based replacement in docs/streaming.md runs instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.browser import chromium_page
from tests.conftest import PASSWORD, LiveServer

DOCS = Path(__file__).parents[1] / "docs"

SIGN_IN = """async ([email, password]) => {
  const json = {'Content-Type': 'application/json'};
  await fetch('/api/v1/auth/register', {method: 'POST', headers: json,
    body: JSON.stringify({email, password, name: 'Pat'})});
  const login = await fetch('/api/v1/auth/login', {method: 'POST', headers: json,
    credentials: 'include', body: JSON.stringify({email, password})});
  if (!login.ok) throw new Error('login failed: ' + login.status);
  const csrf = document.cookie.match(/(?:^|; )talestream_csrf=([^;]*)/)[1];
  const child = await fetch('/api/v1/children/', {method: 'POST', credentials: 'include',
    headers: {...json, 'X-CSRF-Token': csrf}, body: JSON.stringify({name: 'Mia', age: 6})});
  return (await child.json()).id;
}"""


def js_blocks(path: Path) -> list[str]:
    return re.findall(r"```javascript\n(.*?)```", path.read_text(), re.DOTALL)


async def test_eventsource_with_credentials_runs_verbatim(live_server: LiveServer, db) -> None:
    example = js_blocks(DOCS / "api" / "streaming-api-quick-reference.md")[0]
    assert "new EventSource" in example
    async with chromium_page() as page:
        await page.goto(live_server.url + "/health")
        child_id = await page.evaluate(SIGN_IN, ["browser@example.com", PASSWORD])
        example = example.replace("child_id=1", f"child_id={child_id}")
        result = await page.evaluate(
            """(example) => new Promise((resolve, reject) => {
              const shown = [];
              window.displayContent = (chunk) => shown.push(chunk);
              window.showWarning = () => {};
              window.finishStory = (data) => resolve({shown, data});
              window.handleError = (data) => reject(new Error(JSON.stringify(data)));
              setTimeout(() => reject(new Error('no complete event')), 20000);
              (0, eval)(example);
            })""",
            example,
        )
    assert len(result["shown"]) > 3
    assert "".join(result["shown"]).strip() == result["data"]["story_content"]
    assert result["data"]["success"] is True


async def test_fetch_readable_stream_runs_verbatim(live_server: LiveServer, db) -> None:
    example = js_blocks(DOCS / "api" / "streaming-api-quick-reference.md")[1]
    assert "getReader" in example
    async with chromium_page() as page:
        await page.goto(live_server.url + "/health")
        child_id = await page.evaluate(SIGN_IN, ["fetch@example.com", PASSWORD])
        example = example.replace("child_id=1", f"child_id={child_id}")
        text = await page.evaluate(
            """async (example) => {
              let text = '';
              window.processSSEChunk = (chunk) => { text += chunk; };
              await (0, eval)('(async () => {' + example + '})()');
              return text;
            }""",
            example,
        )
    # Each stream opens with its reconnect delay (`retry:`), then the documented events.
    assert text.startswith("retry: 2000\n\nevent: story_chunk\ndata: ")
    assert '"type": "complete"' in text


async def test_post_stream_from_a_browser_with_fetch(live_server: LiveServer, db) -> None:
    """The documented replacement for the generation API's impossible EventSource example."""
    (example,) = [b for b in js_blocks(DOCS / "streaming.md") if "generate-stream" in b]
    async with chromium_page() as page:
        await page.goto(live_server.url + "/health")
        await page.set_content('<div id="story"></div>')
        await page.evaluate(SIGN_IN, ["post@example.com", PASSWORD])
        logs: list[str] = []
        page.on("console", lambda message: logs.append(message.text))
        await page.evaluate("(example) => (0, eval)('(async () => {' + example + '})()')", example)
        story = await page.text_content("#story")
    assert story and story.startswith("Once upon a time")
    assert any(line.startswith("Story saved with ID:") for line in logs), logs
