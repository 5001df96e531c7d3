"""One source of truth for the length of every checked text field (issue 10, item 16): a story
idea of 201 to 500 characters was refused by the input policy although the schema allows 500."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from pydantic import BaseModel

from talestream.safety import FIELD_LIMITS
from talestream.stories.jobs import POLICY_KIND
from talestream.stories.schemas import ChildStoryParams, GenerateStreamRequest
from tests.conftest import bearer_for
from tests.sse_client import open_stream, types


def max_length(model: type[BaseModel], field: str) -> int | None:
    for rule in model.model_fields[field].metadata:
        if hasattr(rule, "max_length"):
            return int(rule.max_length)
    return None


@pytest.mark.parametrize("model", [ChildStoryParams, GenerateStreamRequest])
def test_every_checked_field_has_one_limit(model: type[BaseModel]) -> None:
    checked = [f for f in model.model_fields if f in POLICY_KIND]
    assert checked
    for field in checked:
        kind = POLICY_KIND[field]
        assert kind in FIELD_LIMITS, f"{field}: the input policy has no limit for {kind!r}"
        assert max_length(model, field) == FIELD_LIMITS[kind], field
    text_fields = [
        f
        for f, info in model.model_fields.items()
        if info.annotation in (str, str | None) and f not in ("language",)
    ]
    assert set(text_fields) <= set(POLICY_KIND), "a text field the input policy never checks"


async def test_a_long_story_idea_within_the_schema_is_accepted(client: httpx.AsyncClient) -> None:
    auth = await bearer_for(client)
    idea = ("A shy little owl who learns to fly over the quiet valley with her friends. " * 6)[:480]
    body: dict[str, Any] = {
        "story_name": "The Owl Who Flew Over The Valley And Far Beyond The Hills " * 2,
        "hero_name": "Mia",
        "story_idea": idea,
        "story_style": "gentle adventure",
        "age": 6,
    }
    body["story_name"] = body["story_name"][:120]
    response, events = await open_stream(
        client, "POST", "/api/v1/stories/generate-stream/", json=body, headers=auth
    )
    assert response.status_code == 200, response.text
    assert types(events)[-1] == "completed"


def test_a_topic_to_avoid_has_the_input_policys_limit() -> None:
    from talestream.children.schemas import AVOID_TOPIC_CHARS
    from talestream.safety import FIELD_LIMITS

    assert FIELD_LIMITS["avoid_topic"] == AVOID_TOPIC_CHARS
