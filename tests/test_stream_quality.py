"""The quality gate on the wire: broken chapters of every kind, scripted, through both streaming
endpoints. Each is regenerated (the client told to discard it) or ends in LOW_QUALITY, and none
is ever saved; a good chapter passes untouched.

The scripted model here poses as one that writes from the brief (TALESTREAM_SCRIPTED_FOLLOWS_BRIEF),
so the gate also holds it to the brief's hero, theme and length, as it does the real models.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from talestream.db.base import Database
from tests.conftest import LiveServer, bearer_for, serve
from tests.sse_client import Event, open_stream
from tests.test_quality_gate import GOOD, LUCAS_QUESTION, LUCAS_SAVED, MIA_CHOICES, MIA_OWL

GET_URL = "/api/v1/stories/generate/stream"
POST_URL = "/api/v1/stories/generate-stream/"
EN = GOOD["en"]
GOOD_ENDING = json.dumps(
    {"choice_question": EN["question"], "choices": [{"text": c} for c in EN["choices"]]}
)


def ending(question: str, *choices: str) -> str:
    body = {"choice_question": question, "choices": [{"text": c} for c in choices]}
    return "<<ending>>\n" + json.dumps(body, ensure_ascii=False)


# One broken chapter of each kind (text, optional ending section); the hero is Mia, the theme
# a lost owl, the reader English.
BROKEN: dict[str, tuple[str | None, str | None]] = {
    "wrong_language": (GOOD["es"]["text"], None),
    "repetition": ("Mia saw a lost owl in the tree. The owl said hoo hoo hoo hoo all night.", None),
    "fragment_choices": (None, ending(EN["question"], *MIA_CHOICES)),  # None: the good text
    "cut_off_choices": (None, ending(EN["question"], "Climb the hill...", "Ask the")),
    "prompt_echo": (
        "Mia found a lost owl. As an AI language model, I cannot write the rest of the story.",
        None,
    ),
    # Its real choices are "fragment_choices"; the chapter alone already stops at its end.
    "real_mia_owl": (MIA_OWL, None),
}


@pytest.fixture(scope="module")
def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    # 120 tokens: the gate expects about 60 words, at least 24.
    with serve(
        database_url,
        tmp_path_factory.mktemp("quality"),
        scripted_follows_brief=True,
        max_story_tokens=120,
    ) as live:
        yield live


@pytest.fixture(autouse=True)
def _empty_tables_after(db: Database) -> None:
    """This module's server shares the session's database: leave it empty like the rest."""


def good_text() -> str:
    """The good English chapter, made unique: the scripted model counts a chapter ending's
    attempts per exact chapter text, across tests."""
    name = "".join(random.choice("bcdfghklmnprstvz") + random.choice("aeiou") for _ in range(3))
    return f"{EN['text']} The owl was called {name.title()}."


async def open_child(
    client: httpx.AsyncClient, name: str = "Mia", language: str = "en"
) -> tuple[dict[str, str], int]:
    auth = await bearer_for(client, f"{uuid.uuid4().hex[:10]}@example.com")
    child = {"name": name, "age": 6, "language": language}
    r = await client.post("/api/v1/children/", json=child, headers=auth)
    assert r.status_code == 201, r.text
    return auth, r.json()["id"]


async def get_stream(
    client: httpx.AsyncClient, auth: dict[str, str], child_id: int, theme: str = "a lost owl"
) -> list[Event]:
    # A fresh title per request: the scripted model counts attempts per exact prompt. Letters
    # only: twelve hex digits are sometimes all digits, which the input policy rightly refuses as
    # a phone number (1 request in 270).
    title = uuid.uuid4().hex[:12].translate(str.maketrans("0123456789", "ghijklmnop"))
    params = {"child_id": child_id, "theme": theme, "title": title}
    response, events = await open_stream(client, "GET", GET_URL, params=params, headers=auth)
    assert response.status_code == 200, response.text
    return events


async def post_stream(client: httpx.AsyncClient, auth: dict[str, str], **body: Any) -> list[Event]:
    payload = {
        "story_name": f"Owl {uuid.uuid4().hex[:8]}",
        "hero_name": "Mia",
        "story_idea": "Mia helps a lost owl find its way home",
        "story_style": "Adventure",
        "language": "en",
        "age": 6,
        **body,
    }
    response, events = await open_stream(client, "POST", POST_URL, json=payload, headers=auth)
    assert response.status_code == 200, response.text
    return events


async def saved_stories(client: httpx.AsyncClient, auth: dict[str, str]) -> list[dict[str, Any]]:
    page = (await client.get("/api/v1/stories/", headers=auth)).json()
    return [
        (await client.get(f"/api/v1/stories/{s['id']}", headers=auth)).json() for s in page["items"]
    ]


def quality_verdicts(events: list[Event]) -> list[bool]:
    return [
        e.data["data"]["passed"]
        for e in events
        if e.data["type"] == "node_event"
        and e.data["data"]["node"] == "quality_check"
        and e.data["data"]["status"] == "completed"
    ]


def write(server: LiveServer, *sections: str | None) -> None:
    """The script: chapter sections in attempt order, then ending sections in attempt order."""
    server.script.write_text("\n---\n".join(s for s in sections if s), encoding="utf-8")


@pytest.mark.parametrize("kind", sorted(BROKEN))
async def test_a_broken_chapter_is_regenerated_on_the_get_stream(
    server: LiveServer, kind: str
) -> None:
    text, bad_ending = BROKEN[kind]
    good = good_text()
    # Attempt 1 gets the broken chapter (and ending), attempt 2 the good ones.
    write(server, text or good, good, bad_ending, "<<ending>>\n" + GOOD_ENDING)
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as client:
        auth, child = await open_child(client)
        events = await get_stream(client, auth, child)
        retry = [e.data["data"] for e in events if e.data["data"].get("status") == "retry"]
        assert retry == [
            {
                "node": "generate_content",
                "status": "retry",
                "attempt": 2,
                "discard": True,
                "reason": "quality",
            }
        ], kind
        assert quality_verdicts(events) == [False, True]
        done = events[-1].data
        assert done["type"] == "complete"
        assert done["data"]["story_content"] == good
        assert done["data"]["quality"] == {"passed": True, "issues": []}
        [story] = await saved_stories(client, auth)
        assert [c["content"] for c in story["chapters"]] == [good]
        assert story["chapters"][0]["quality"] == {"passed": True, "issues": []}


@pytest.mark.parametrize("kind", sorted(BROKEN))
async def test_a_chapter_broken_every_time_ends_in_low_quality_on_the_post_stream(
    server: LiveServer, kind: str
) -> None:
    text, bad_ending = BROKEN[kind]
    write(server, text or good_text(), bad_ending)
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as client:
        auth, _ = await open_child(client)
        events = await post_stream(client, auth)
        retries = [e.data for e in events if e.data["type"] == "retry"]
        attempts = server.settings.safety_max_attempts
        assert len(retries) == attempts - 1
        assert all(r["discard"] and "quality check" in r["message"] for r in retries)
        assert events[-1].data["type"] == "error"
        assert events[-1].data["code"] == "LOW_QUALITY"
        assert "nothing was saved" in events[-1].data["message"]
        assert await saved_stories(client, auth) == []


async def test_the_real_spanish_example_is_regenerated_then_refused(server: LiveServer) -> None:
    """Lucas (8, Spanish): gibberish first, then the chapter 'Story: 1' with a question that
    asks nothing about the story. Neither is kept."""
    gibberish = "Elle. Es un llamado de la clausura, una criada en el que aun parecía al amebe…"
    write(server, gibberish, LUCAS_SAVED, ending(LUCAS_QUESTION, "Seguir", "Volver"))
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as client:
        auth, child = await open_child(client, "Lucas", "es")
        events = await get_stream(client, auth, child, theme="un dragón amable")
        assert quality_verdicts(events) == [False] * server.settings.safety_max_attempts
        shown = [e.data["data"]["chunk"] for e in events if e.data["type"] == "content"]
        assert "Story: 1" not in "".join(shown), "a chapter that stops at the echo shows nothing"
        assert events[-1].data["data"]["code"] == "LOW_QUALITY"
        r = await client.post(
            "/api/v1/stories/generate",
            json={"child_id": child, "theme": "un dragón amable", "title": "otra vez"},
            headers=auth,
        )
        assert r.status_code == 502 and r.json()["code"] == "LOW_QUALITY"
        assert await saved_stories(client, auth) == []


@pytest.mark.parametrize("language", sorted(GOOD))
async def test_a_good_chapter_passes_untouched_in_every_language(
    server: LiveServer, language: str
) -> None:
    case = GOOD[language]
    good_ending = ending(case["question"], *case["choices"])
    write(server, case["text"], good_ending)
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as client:
        auth, child = await open_child(client, case["hero"], language)
        events = await get_stream(client, auth, child, theme=case["theme"])
        assert quality_verdicts(events) == [True]
        assert not [e for e in events if e.data["data"].get("status") == "retry"]
        shown = "".join(e.data["data"]["chunk"] for e in events if e.data["type"] == "content")
        assert shown.strip() == case["text"]
        posted = await post_stream(
            client,
            auth,
            hero_name=case["hero"],
            story_idea=case["theme"],
            language=language,
        )
        assert posted[-1].data["type"] == "completed"
        stories = await saved_stories(client, auth)
        assert sorted(c["content"] for s in stories for c in s["chapters"]) == [case["text"]] * 2
