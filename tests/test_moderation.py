"""The optional model-based moderators against a fake OpenAI-compatible server on a real socket.

The fake answers `/v1/moderations` like OpenAI's endpoint and `/v1/chat/completions` like a
Llama Guard model, deciding from marker words in the text; the moderators talk to it through the
real openai SDK and HTTP stack.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from openai import AsyncOpenAI
from pydantic import ValidationError

from talestream.config import ConfigError, Settings
from talestream.generation.base import (
    ModelBadOutput,
    ModelError,
    ModelTimeout,
    ModelUnavailable,
)
from talestream.safety.moderation import (
    DEFAULT_LLAMA_GUARD_MODEL,
    DEFAULT_OPENAI_MODERATION_MODEL,
    MODERATION_UNAVAILABLE,
    LlamaGuardModerator,
    Moderator,
    OpenAIModerator,
    create_moderator,
    openai_threshold,
    parse_llama_guard,
)
from tests.servers import ServerThread, free_port

API_KEY = "sk-test-moderation"
OPENAI_CATEGORIES = [
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
]
# marker word in the text -> (category scores, categories the endpoint flags)
OPENAI_VERDICTS: dict[str, tuple[dict[str, float], set[str]]] = {
    "stabbed": ({"violence": 0.97, "violence/graphic": 0.86}, {"violence", "violence/graphic"}),
    "disappear": ({"self-harm": 0.31, "self-harm/intent": 0.22}, set()),  # faint, not flagged
    "weirdo": ({"harassment": 0.3}, set()),  # borderline insult: depends on the age
    "grown-ups touch": ({"sexual": 0.6, "sexual/minors": 0.9}, {"sexual", "sexual/minors"}),
}
# marker word in the story -> Llama Guard's answer
GUARD_ANSWERS = {
    "stabbed": "unsafe\nS1",
    "secret": "unsafe\nS7,S4",
    "copyright": "unsafe\nS8",
    "newcode": "unsafe\nS99",
    "nocode": "unsafe",
    "babble": "I'm sorry, I can't classify that.",
}
SLOW = "sleepy-server"
BROKEN = "broken-server"


def fake_server() -> FastAPI:
    app = FastAPI()
    seen: list[dict[str, Any]] = []
    app.state.seen = seen

    @app.post("/v1/moderations")
    async def moderations(request: Request) -> Any:
        body = await request.json()
        seen.append({"path": "moderations", "auth": request.headers.get("authorization"), **body})
        text = body["input"] if isinstance(body["input"], str) else " ".join(body["input"])
        if SLOW in text:
            await asyncio.sleep(1.5)
        if BROKEN in text:
            return JSONResponse({"error": {"message": "boom"}}, status_code=500)
        scores = dict.fromkeys(OPENAI_CATEGORIES, 0.0001)
        flagged: set[str] = set()
        for marker, (marked_scores, marked_flags) in OPENAI_VERDICTS.items():
            if marker in text:
                scores.update(marked_scores)
                flagged |= marked_flags
        return {
            "id": "modr-test",
            "model": body.get("model"),
            "results": [
                {
                    "flagged": bool(flagged),
                    "categories": {c: c in flagged for c in OPENAI_CATEGORIES},
                    "category_scores": scores,
                    "category_applied_input_types": {c: ["text"] for c in OPENAI_CATEGORIES},
                }
            ],
        }

    @app.post("/v1/chat/completions")
    async def chat(request: Request) -> Any:
        body = await request.json()
        seen.append({"path": "chat", "auth": request.headers.get("authorization"), **body})
        story = body["messages"][-1]["content"]
        if BROKEN in story:
            return JSONResponse({"error": {"message": "boom"}}, status_code=503)
        answer = next((a for marker, a in GUARD_ANSWERS.items() if marker in story), "safe")
        return {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": answer},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 3, "total_tokens": 13},
        }

    return app


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, FastAPI]]:
    app = fake_server()
    with ServerThread(app) as base_url:
        yield f"{base_url}/v1", app


@pytest.fixture
def seen(server: tuple[str, FastAPI]) -> list[dict[str, Any]]:
    log: list[dict[str, Any]] = server[1].state.seen
    log.clear()
    return log


def settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def categories(issues: list[Any]) -> set[str]:
    return {issue.category for issue in issues}


# --- OpenAI moderation endpoint -----------------------------------------------------------------


async def test_openai_flagged_and_clean(
    server: tuple[str, FastAPI], seen: list[dict[str, Any]]
) -> None:
    moderator = OpenAIModerator(base_url=server[0], api_key=API_KEY, timeout=10)
    try:
        assert isinstance(moderator, Moderator)
        clean = await moderator.check("The dragon shared her cookies.", age=6, language="en")
        assert clean == []
        issues = await moderator.check("The troll stabbed the goat.", age=10, language="en")
        assert categories(issues) == {"violence"}
        assert {i.severity for i in issues} == {"high"}
        assert all(i.excerpt.startswith("openai-moderation:") for i in issues)
        assert "stabbed" not in " ".join(i.excerpt for i in issues)  # no text in the excerpt
        grooming = await moderator.check(
            "He said good girls let grown-ups touch them.", age=9, language="en"
        )
        assert categories(grooming) == {"sexual"}
    finally:
        await moderator.aclose()
    assert seen[0]["path"] == "moderations"
    assert seen[0]["model"] == DEFAULT_OPENAI_MODERATION_MODEL
    assert seen[0]["input"] == "The dragon shared her cookies."
    assert seen[0]["auth"] == f"Bearer {API_KEY}"


async def test_openai_thresholds_are_stricter_for_younger_readers(
    server: tuple[str, FastAPI],
) -> None:
    moderator = OpenAIModerator(base_url=server[0], api_key=API_KEY, timeout=10)
    try:
        insult = "You weirdo, said the goblin."  # harassment 0.3, not flagged by the endpoint
        assert categories(await moderator.check(insult, age=6, language="en")) == {"hate"}
        assert await moderator.check(insult, age=13, language="en") == []
        # A faint self-harm signal blocks at any age.
        wish = "She wanted to disappear forever."
        assert categories(await moderator.check(wish, age=14, language="en")) == {"self_harm"}
    finally:
        await moderator.aclose()
    assert openai_threshold("harassment", 5) < openai_threshold("harassment", 9)
    assert openai_threshold("harassment", 9) < openai_threshold("harassment", 13)
    assert openai_threshold("sexual/minors", 14) <= 0.1


async def test_openai_errors_fail_closed(server: tuple[str, FastAPI]) -> None:
    down = OpenAIModerator(base_url=f"http://127.0.0.1:{free_port()}/v1", api_key=API_KEY)
    broken = OpenAIModerator(base_url=server[0], api_key=API_KEY, timeout=10)
    slow = OpenAIModerator(
        client=AsyncOpenAI(base_url=server[0], api_key=API_KEY, timeout=0.3, max_retries=0)
    )
    try:
        with pytest.raises(ModelUnavailable) as unreachable:
            await down.check("A story.", age=8, language="en")
        assert "could not be reached" in str(unreachable.value)
        with pytest.raises(ModelUnavailable) as status:
            await broken.check(f"A {BROKEN} story.", age=8, language="en")
        assert "HTTP 500" in str(status.value)
        with pytest.raises(ModelTimeout) as too_slow:
            await slow.check(f"A {SLOW} story.", age=8, language="en")
        assert too_slow.value.code == MODERATION_UNAVAILABLE
    finally:
        for moderator in (down, broken, slow):
            await moderator.aclose()
    for error in (unreachable.value, status.value):
        assert API_KEY not in str(error) and "127.0.0.1" not in str(error)
        assert error.code == MODERATION_UNAVAILABLE


async def test_empty_text_needs_no_request(seen: list[dict[str, Any]]) -> None:
    moderator = OpenAIModerator(base_url=f"http://127.0.0.1:{free_port()}/v1", api_key=API_KEY)
    try:
        assert await moderator.check("  \n", age=8, language="en") == []
    finally:
        await moderator.aclose()
    assert seen == []


# --- Llama Guard ----------------------------------------------------------------------------------


def test_parse_llama_guard() -> None:
    assert parse_llama_guard("safe") == []
    assert parse_llama_guard("  Safe\n") == []
    assert parse_llama_guard("unsafe\nS1") == ["S1"]
    assert parse_llama_guard("unsafe\nS1,S10") == ["S1", "S10"]
    assert parse_llama_guard("unsafe\nS3, s11") == ["S3", "S11"]
    assert parse_llama_guard("unsafe") == ["unsafe"]
    for unreadable in ("", "I cannot help with that.", "maybe"):
        with pytest.raises(ModelBadOutput):
            parse_llama_guard(unreadable)


async def test_llama_guard_flagged_and_clean(
    server: tuple[str, FastAPI], seen: list[dict[str, Any]]
) -> None:
    moderator = LlamaGuardModerator(base_url=server[0], api_key=API_KEY, timeout=10)
    try:
        assert isinstance(moderator, Moderator)
        assert await moderator.check("The bunny hopped home.", age=5, language="en") == []
        violent = await moderator.check("The troll stabbed the goat.", age=8, language="en")
        assert [(i.category, i.severity) for i in violent] == [("violence", "high")]
        assert violent[0].excerpt == f"llama-guard:{DEFAULT_LLAMA_GUARD_MODEL} S1"
        grooming = await moderator.check("It is our secret, come alone.", age=8, language="en")
        assert categories(grooming) == {"personal_data", "sexual"}
        # Intellectual property is not a child-safety category.
        assert await moderator.check("A copyright story.", age=8, language="en") == []
        # Unknown codes and a bare "unsafe" still block (fail closed).
        assert await moderator.check("A newcode story.", age=8, language="en")
        assert await moderator.check("A nocode story.", age=8, language="en")
        with pytest.raises(ModelBadOutput) as unreadable:
            await moderator.check("A babble story.", age=8, language="en")
        assert unreadable.value.code == MODERATION_UNAVAILABLE
    finally:
        await moderator.aclose()
    request = seen[0]
    assert request["path"] == "chat"
    assert request["model"] == DEFAULT_LLAMA_GUARD_MODEL
    assert request["auth"] == f"Bearer {API_KEY}"
    # The story is judged as the model's answer (the last turn), not as a user request.
    assert request["messages"][-1] == {"role": "assistant", "content": "The bunny hopped home."}
    assert request["messages"][0]["role"] == "user"


async def test_llama_guard_errors_fail_closed(server: tuple[str, FastAPI]) -> None:
    down = LlamaGuardModerator(base_url=f"http://127.0.0.1:{free_port()}/v1")
    broken = LlamaGuardModerator(base_url=server[0], timeout=10)
    try:
        with pytest.raises(ModelUnavailable):
            await down.check("A story.", age=8, language="en")
        with pytest.raises(ModelUnavailable) as status:
            await broken.check(f"A {BROKEN} story.", age=8, language="en")
        assert "HTTP 503" in str(status.value)
        assert isinstance(status.value, ModelError)
    finally:
        await down.aclose()
        await broken.aclose()


# --- configuration --------------------------------------------------------------------------------


async def test_create_moderator_from_settings() -> None:
    assert create_moderator(settings()) is None
    assert create_moderator(settings(moderation="none", openai_api_key="sk-x")) is None

    openai_moderator = create_moderator(
        settings(moderation="openai", openai_api_key="sk-story", llm_timeout_seconds=7)
    )
    assert isinstance(openai_moderator, OpenAIModerator)
    assert openai_moderator.model == DEFAULT_OPENAI_MODERATION_MODEL
    assert openai_moderator.client.api_key == "sk-story"  # defaults to the story model's key
    assert openai_moderator.client.timeout == 7
    await openai_moderator.aclose()

    own = create_moderator(
        settings(
            moderation="openai",
            openai_api_key="sk-story",
            moderation_api_key="sk-mod",
            moderation_base_url="http://127.0.0.1:9/v1",
            moderation_model="text-moderation-stable",
        )
    )
    assert isinstance(own, OpenAIModerator)
    assert own.client.api_key == "sk-mod"
    assert str(own.client.base_url).startswith("http://127.0.0.1:9/v1")
    assert own.model == "text-moderation-stable"
    await own.aclose()

    guard = create_moderator(
        settings(moderation="llama_guard", openai_base_url="http://127.0.0.1:11434/v1")
    )
    assert isinstance(guard, LlamaGuardModerator)
    assert guard.model == DEFAULT_LLAMA_GUARD_MODEL
    assert str(guard.client.base_url).startswith("http://127.0.0.1:11434/v1")  # story server's
    await guard.aclose()


def test_a_moderator_without_a_server_is_a_configuration_error() -> None:
    # Settings may reject these itself; create_moderator checks again for settings built
    # without validation, so a misconfigured moderator can never silently be "none".
    for moderation, variable in (
        ("llama_guard", "TALESTREAM_MODERATION_BASE_URL"),
        ("openai", "TALESTREAM_MODERATION_API_KEY"),
    ):
        with pytest.raises(ConfigError, match=variable):
            create_moderator(Settings.model_construct(moderation=moderation))
        with pytest.raises((ConfigError, ValidationError), match=variable):
            create_moderator(settings(moderation=moderation))
