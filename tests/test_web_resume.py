"""Issue 11, item 8, in real Chromium: the web app picks a chapter up again by itself.

The browser talks to the server through a TCP proxy that the test cuts mid-chapter (a real lost
connection: every open socket is reset). EventSource (the GET stream) and the fetch reader (the
POST stream) come back with Last-Event-ID, and the child sees the whole chapter once: the text on
screen only ever grows (no sentence twice, none missing, nothing patched in at the end) and one
chapter is saved. Stop ends the run on the server; a reload reads the same run again.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import time
from collections.abc import AsyncIterator, Iterator

import pytest
from playwright.async_api import Page, Request, expect
from sqlalchemy import delete, text

from talestream.db.base import Database
from talestream.db.migrate import upgrade
from talestream.db.models import Base
from tests.browser import chromium_page
from tests.conftest import LiveServer, count_rows, serve
from tests.test_web_app import DESKTOP, CuttableProxy, add_child, shot, sign_up, start_story

SENTENCES = [
    "Once upon a time, a little otter named Moss lived beside a slow green river.",
    "Every morning she floated on her back and counted the clouds above her.",
    "One day a paper boat came drifting past, with a tiny message folded inside.",
    "Moss swam after it, past the reeds and the sleepy old water mill.",
    "A heron on one leg watched her go and nodded a polite good morning.",
    "The boat bumped gently against a mossy stone near the wooden bridge.",
    "Inside the message someone had drawn a map with a bright red star.",
    "Moss shook the water from her whiskers and studied every careful line.",
    "The star sat on the hill where the wild strawberries grew each summer.",
    "She decided to find out who had sent the boat down the river to her.",
    "Her friend Pebble the frog hopped along, humming a cheerful little tune.",
    "Together they climbed the hill as the warm afternoon sun began to glow.",
]
CHAPTER = " ".join(SENTENCES)
SENTENCES_2 = [
    "At the top of the hill, a small badger was waving a red scarf like a flag.",
    "His name was Bramble, and he had folded the paper boat himself that morning.",
    "He had hoped that somebody kind would find it and come to share a picnic.",
    "Moss laughed, and Pebble did a happy somersault in the soft summer grass.",
    "They ate the sweet strawberries and told each other stories about the river.",
    "Bramble showed them how to fold boats from leaves, bark and old newspaper.",
    "Soon a whole fleet of little boats was waiting in a row beside the water.",
    "The friends carried them down the hill while the sky turned pink and gold.",
    "One by one they set the boats free and watched them sail toward the sea.",
    "Every boat carried a message inviting someone new to the strawberry hill.",
]
CHAPTER_2 = " ".join(SENTENCES_2)
# The text of each chapter each time it changed on screen, and the statuses: a page init script,
# so it records from the first moment of every page load.
RECORD = """(() => {
  window.texts = {};
  window.statuses = [];
  new MutationObserver(() => {
    for (const chapter of document.querySelectorAll('.chapter')) {
      const seen = (window.texts[chapter.dataset.chapter] ||= []);
      const value = chapter.querySelector('.story-text').textContent;
      if (value && value !== seen[seen.length - 1]) seen.push(value);
    }
    const status = document.querySelector('.progress__status');
    const said = status ? status.textContent : '';
    if (said && said !== window.statuses[window.statuses.length - 1]) window.statuses.push(said);
  }).observe(document, {subtree: true, childList: true, characterData: true});
})();"""
RECONNECTING = "The connection dropped. Reconnecting…"
EVENT_ID = re.compile(r"^[0-9a-f]{32}\.\d+$")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The scripted model at a child's reading pace, with a resume window long enough for the
    browser to come back (EventSource retries after the stream's `retry:`, 0.5 s here)."""
    data = tmp_path_factory.mktemp("web-resume")
    url = f"sqlite+aiosqlite:///{data / 'talestream.db'}"
    upgrade(url)
    with serve(
        url,
        data,
        scripted_token_delay_ms=40,
        stream_heartbeat_seconds=0.5,
        stream_retry_ms=500,
        stream_resume_grace_seconds=15,
    ) as live:
        yield live


@pytest.fixture
async def db(server: LiveServer) -> AsyncIterator[Database]:
    server.script.write_text(CHAPTER)
    database = Database(server.settings.resolved_database_url)
    yield database
    async with database.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            await conn.execute(delete(table))
    await database.dispose()


class StreamRequests:
    """The story stream requests the page sends, with the headers Chromium put on the wire."""

    def __init__(self, page: Page, path: str) -> None:
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.path = path
        page.on("request", self._record)
        self._pending: list[asyncio.Task[None]] = []

    def _record(self, request: Request) -> None:
        if self.path in request.url:
            self._pending.append(asyncio.ensure_future(self._add(request)))

    async def _add(self, request: Request) -> None:
        self.seen.append((request.url, await request.all_headers()))

    async def all(self) -> list[tuple[str, dict[str, str]]]:
        await asyncio.gather(*self._pending)
        return self.seen


async def wait_for_sentences(
    page: Page, count: int, chapter: int = 1, sentences: list[str] = SENTENCES
) -> None:
    """Until `count` sentences of `chapter` are on screen (and the chapter is still writing)."""
    deadline = time.monotonic() + 20
    while True:
        shown = await page.evaluate(
            '(n) => (document.querySelector(`.chapter[data-chapter="${n}"] .story-text`) || {})'
            ".textContent || ''",
            chapter,
        )
        if sum(sentence in shown for sentence in sentences) >= count:
            assert sentences[-1] not in shown, "the chapter was written before the cut"
            return
        assert time.monotonic() < deadline, f"only this arrived: {shown!r}"
        await asyncio.sleep(0.02)


async def wait_until_cancelled(page: Page, server: LiveServer, run_id: str) -> None:
    """Until GET /api/v1/stories/runs/{run_id} (with the page's session) says it was cancelled."""
    deadline = time.monotonic() + 5
    run = f"{server.url}/api/v1/stories/runs/{run_id}"
    while (found := await (await page.context.request.get(run)).json())["state"] != "cancelled":
        assert time.monotonic() < deadline, found
        await asyncio.sleep(0.05)


async def saved_chapter(db: Database, number: int) -> str:
    async with db.engine.connect() as conn:
        query = text("SELECT content FROM chapters WHERE number = :n")
        return str(await conn.scalar(query, {"n": number}))


async def assert_whole_chapter_once(
    page: Page, db: Database, chapter: int = 1, sentences: list[str] = SENTENCES
) -> None:
    """What the child saw: text that only grew, ending as the saved chapter, each sentence once,
    and that chapter saved once."""
    texts: list[str] = (await page.evaluate("window.texts"))[str(chapter)]
    for before, after in itertools.pairwise(texts):
        assert after.startswith(before), f"the text on screen went back:\n{before!r}\n{after!r}"
    shown = texts[-1]
    for sentence in sentences:
        assert shown.count(sentence) == 1, f"{sentence!r} is shown {shown.count(sentence)} times"
    saved = await saved_chapter(db, chapter)
    assert re.sub(r"\s", "", shown) == re.sub(r"\s", "", saved)
    assert await count_rows(db, "chapters") == chapter
    assert await count_rows(db, "stories") == 1


async def assert_resumed_once(page: Page, db: Database, streams: StreamRequests) -> None:
    """The reader said it was reconnecting, no error was shown, the chapter reached the screen
    whole and once, and the second request resumed the first one's run with Last-Event-ID."""
    statuses = await page.evaluate("window.statuses")
    assert RECONNECTING in statuses, statuses
    await expect(page.get_by_role("alert")).to_have_count(0)
    await assert_whole_chapter_once(page, db)
    requests = await streams.all()
    assert len(requests) == 2, [url for url, _ in requests]
    assert "last-event-id" not in requests[0][1]
    assert EVENT_ID.match(requests[1][1]["last-event-id"]), requests[1][1]


async def test_a_cut_get_stream_reconnects_and_the_child_sees_the_chapter_once(
    server: LiveServer, db: Database
) -> None:
    async with CuttableProxy(server) as proxy, chromium_page() as page:
        await page.set_viewport_size(DESKTOP)
        await page.add_init_script(RECORD)
        await sign_up(page, proxy, "otter@example.com")
        await add_child(page, "Moss", 6)
        streams = StreamRequests(page, "/generate/stream")
        await start_story(page, "Moss", "rivers")
        await wait_for_sentences(page, 2)
        proxy.cut()
        await expect(page.locator(".choice")).to_have_count(3, timeout=30_000)
        await shot(page, "18-reconnected-get")

        # EventSource sent Last-Event-ID by itself.
        await assert_resumed_once(page, db, streams)
        statuses = await page.evaluate("window.statuses")
        assert statuses[-1] == "Saved to your library.", statuses


async def test_a_cut_post_stream_posts_again_and_the_story_goes_on_once(
    server: LiveServer, db: Database
) -> None:
    async with CuttableProxy(server) as proxy, chromium_page() as page:
        await page.set_viewport_size(DESKTOP)
        await page.add_init_script(RECORD)
        await sign_up(page, proxy, "kettle@example.com")
        await page.get_by_role("navigation").get_by_role("link", name="Your idea").click()
        await page.get_by_label("Story name").fill("Moss and the paper boat")
        await page.get_by_label("Hero's name").fill("Moss")
        await page.get_by_label("Your idea").fill("An otter follows a paper boat")
        streams = StreamRequests(page, "/generate-stream/")
        await page.get_by_role("button", name="Write the story").click()
        await wait_for_sentences(page, 2)
        proxy.cut()
        await expect(page.locator(".facts")).to_contain_text("Checked for a", timeout=30_000)

        await assert_resumed_once(page, db, streams)


async def test_a_connection_that_stays_down_is_given_up_with_a_clear_message(
    server: LiveServer, db: Database
) -> None:
    async with CuttableProxy(server) as proxy, chromium_page() as page:
        await page.set_viewport_size(DESKTOP)
        await page.add_init_script(RECORD)
        await sign_up(page, proxy, "down@example.com")
        await add_child(page, "Moss", 6)
        await start_story(page, "Moss", "storms")
        await wait_for_sentences(page, 1)
        proxy.server.close()  # nothing gets through any more
        proxy.cut()
        started = time.monotonic()
        await expect(page.locator(".progress__status")).to_have_text(RECONNECTING)
        await expect(page.locator(".progress")).to_have_attribute("data-connection", "reconnecting")
        await shot(page, "19-reconnecting")

        alert = page.get_by_role("alert")
        await expect(alert).to_contain_text("Lost connection", timeout=45_000)
        assert time.monotonic() - started > 25  # it kept trying for a while first
        await expect(alert).to_contain_text("Nothing from this chapter was saved")
        await expect(alert.get_by_role("button", name="Try again")).to_be_visible()
        await expect(page.get_by_label("Theme", exact=True)).to_have_value("storms")
        assert await count_rows(db, "chapters") == 0


async def test_stop_ends_the_run_on_the_server_and_nothing_is_saved(
    server: LiveServer, db: Database
) -> None:
    async with chromium_page() as page:
        await page.set_viewport_size(DESKTOP)
        await page.add_init_script(RECORD)
        await sign_up(page, server, "stop@example.com")
        await add_child(page, "Moss", 6)
        await start_story(page, "Moss", "boats")
        await wait_for_sentences(page, 1)
        stop = page.locator(".progress").get_by_role("button", name="Stop")
        async with page.expect_request(lambda r: r.method == "DELETE") as stopping:
            await stop.click()
        run_id = (await stopping.value).url.rsplit("/", 1)[1]

        alert = page.get_by_role("alert")
        await expect(alert).to_contain_text("Stopped")
        await expect(page.locator(".chapter")).to_have_count(0)
        await expect(page.get_by_label("Theme", exact=True)).to_have_value("boats")
        # The run ended at once, long before its resume window (15 s) would have ended it.
        await wait_until_cancelled(page, server, run_id)
        assert await count_rows(db, "chapters") == 0
        assert await count_rows(db, "stories") == 0


async def test_stop_on_a_story_from_an_idea_ends_its_run_too(
    server: LiveServer, db: Database
) -> None:
    async with chromium_page() as page:
        await page.set_viewport_size(DESKTOP)
        await sign_up(page, server, "stop-idea@example.com")
        await page.get_by_role("navigation").get_by_role("link", name="Your idea").click()
        await page.get_by_label("Story name").fill("Moss and the paper boat")
        await page.get_by_label("Hero's name").fill("Moss")
        await page.get_by_label("Your idea").fill("An otter follows a paper boat")
        await page.get_by_role("button", name="Write the story").click()
        await wait_for_sentences(page, 1)
        async with page.expect_request(lambda r: r.method == "DELETE") as stopping:
            await page.locator(".progress").get_by_role("button", name="Stop").click()
        await expect(page.get_by_role("alert")).to_contain_text("Stopped")
        await expect(page.get_by_label("Story name")).to_have_value("Moss and the paper boat")
        await wait_until_cancelled(page, server, (await stopping.value).url.rsplit("/", 1)[1])
        assert await count_rows(db, "chapters") == 0


async def test_a_reload_mid_chapter_reads_the_same_run_on(server: LiveServer, db: Database) -> None:
    async with chromium_page() as page:
        await page.set_viewport_size(DESKTOP)
        await page.add_init_script(RECORD)
        await sign_up(page, server, "reload@example.com")
        await add_child(page, "Moss", 6)
        await start_story(page, "Moss", "clouds")
        await wait_for_sentences(page, 2)
        streams = StreamRequests(page, "/generate/stream")
        await page.reload()
        await expect(page.locator(".choice")).to_have_count(3, timeout=30_000)

        await expect(page.get_by_text("wasn't finished")).to_have_count(0)
        assert "#/story/" in page.url
        await assert_whole_chapter_once(page, db)
        # The reloaded page read the run from its start: it had none of the text any more.
        requests = await streams.all()
        assert len(requests) == 1, [url for url, _ in requests]
        assert re.search(r"last_event_id=[0-9a-f]{32}\.0(&|$)", requests[0][0]), requests[0][0]

        # A later chapter, reloaded on the story page: the child's choice and the chapter go on.
        server.script.write_text(CHAPTER_2)
        chosen = await page.locator(".choice__text").first.text_content()
        await page.locator(".choice").first.click()
        await wait_for_sentences(page, 2, chapter=2, sentences=SENTENCES_2)
        await page.reload()
        await expect(page.locator('.chapter[data-chapter="2"] .facts')).to_be_visible(
            timeout=30_000
        )
        await expect(page.locator(".chosen")).to_contain_text(chosen or "?")
        await expect(page.locator(".choice")).to_have_count(3)
        await assert_whole_chapter_once(page, db, 2, SENTENCES_2)


async def test_a_reload_mid_idea_story_reads_the_same_run_on(
    server: LiveServer, db: Database
) -> None:
    async with chromium_page() as page:
        await page.set_viewport_size(DESKTOP)
        await page.add_init_script(RECORD)
        await sign_up(page, server, "reload-idea@example.com")
        await page.get_by_role("navigation").get_by_role("link", name="Your idea").click()
        await page.get_by_label("Story name").fill("Moss and the paper boat")
        await page.get_by_label("Hero's name").fill("Moss")
        await page.get_by_label("Your idea").fill("An otter follows a paper boat")
        await page.get_by_role("button", name="Write the story").click()
        await wait_for_sentences(page, 2)
        streams = StreamRequests(page, "/generate-stream/")
        await page.reload()
        await expect(page.locator(".facts")).to_contain_text("Checked for a", timeout=30_000)

        await assert_whole_chapter_once(page, db)
        requests = await streams.all()
        assert len(requests) == 1, [url for url, _ in requests]
        assert re.match(r"^[0-9a-f]{32}\.0$", requests[0][1]["last-event-id"]), requests[0][1]


async def test_coming_back_to_a_stopped_run_says_the_chapter_was_not_finished(
    server: LiveServer, db: Database
) -> None:
    async with chromium_page() as page:
        await page.set_viewport_size(DESKTOP)
        await sign_up(page, server, "gone@example.com")
        await add_child(page, "Moss", 6)
        await start_story(page, "Moss", "stones")
        await wait_for_sentences(page, 1)
        note = await page.evaluate("JSON.parse(sessionStorage.getItem('talestream.writing'))")
        # The tab goes elsewhere mid-chapter; meanwhile another device stops the run.
        address = page.url
        await page.goto("about:blank")
        cookies = await page.context.cookies()
        csrf = next(c["value"] for c in cookies if c["name"] == "talestream_csrf")
        run = f"{server.url}/api/v1/stories/runs/{note['runId']}"
        stopped = await page.context.request.delete(run, headers={"X-CSRF-Token": csrf})
        assert stopped.status == 204
        await wait_until_cancelled(page, server, note["runId"])

        await page.goto(address)
        notice = page.get_by_role("status").filter(has_text="wasn't finished")
        await expect(notice).to_contain_text("Chapter 1 wasn't finished")
        await expect(page.get_by_role("heading", name="A new story for Moss")).to_be_visible()
        await expect(page.locator(".chapter")).to_have_count(0)
        assert await count_rows(db, "chapters") == 0
