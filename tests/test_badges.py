"""Chapter badges say what was checked and found, in words a parent trusts (issue 14, item 1)."""

from __future__ import annotations

import httpx

from tests.conftest import LiveServer, bearer_for
from tests.test_stream_get import UNSAFE, new_child, stream, unique_theme

ONE_SENTENCE = "Mia found a red leaf and smiled."
GENTLE = "Once upon a time a farmer grew a giant pumpkin. Everyone cheered."


async def test_a_short_first_draft_chapter(
    client: httpx.AsyncClient, live_server: LiveServer
) -> None:
    live_server.script.write_text(ONE_SENTENCE)
    auth = await bearer_for(client)
    child_id = await new_child(client, auth, reading_level="advanced")
    _, events = await stream(client, auth, child_id=child_id, theme=unique_theme())
    complete = events[-1].data["data"]
    badges = complete["badges"]
    assert badges["checked_for"] == "Checked for a 6-year-old"
    assert badges["rewritten"] == 0
    assert badges["safety_note"] == "Passed every check on the first draft"
    # One sentence is not a "1 min read".
    assert badges["reading_seconds"] < 60 and badges["reading_time"] == "Under a minute"
    assert badges["child_level"] == "advanced"
    assert badges["vocabulary_level"] == complete["vocabulary_level"]
    expected = {"beginner": "easier", "intermediate": "easier", "advanced": "matches"}
    assert badges["level_comparison"] == expected[complete["vocabulary_level"]]
    assert "advanced level" in badges["level_note"]

    story = (await client.get(f"/api/v1/stories/{complete['story_id']}", headers=auth)).json()
    assert story["chapters"][0]["badges"] == badges


async def test_a_rewritten_chapter_says_so(
    client: httpx.AsyncClient, live_server: LiveServer
) -> None:
    live_server.script.write_text(f"{UNSAFE}\n---\n{GENTLE}")
    auth = await bearer_for(client)
    child_id = await new_child(client, auth)
    _, events = await stream(client, auth, child_id=child_id, theme=unique_theme())
    badges = events[-1].data["data"]["badges"]
    assert badges["rewritten"] == 1
    assert badges["safety_note"].startswith("Rewritten once before it was shown")
    assert badges["child_level"] == "beginner"
