"""The sentence encoder (docs/safety.md, layer 9): whole chapters before the save and the prose
fields of a request, read by a small neural model that knows harm told in words the other
layers have no entry for."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest

from talestream.db.base import Database
from talestream.db.migrate import upgrade
from talestream.safety import InputPolicy, OutputPolicy
from talestream.safety.core.encoder import HEAD_PATH, SentenceEncoder, shared_encoder
from talestream_tools.safety.settings import DEFAULT_TRAIN_DIR
from talestream_tools.safety.training import corpus_digest, corpus_files, train_encoder_head
from tests.conftest import PASSWORD, LiveServer, bearer_for, count_rows, serve
from tests.test_safety_streams import (
    completed,
    content_events,
    saved_chapter,
    stream_get,
    stream_post,
    told_to_discard,
)
from tests.test_stream_post import BODY

# A threat told in ordinary words: no listed word, no harm frame, and the bag of words has not
# learnt it; each sentence streams, and the chapter is stopped before its save.
THREAT = (
    "The man at the gate smiled at Sam. “I know which bedroom is yours,” he said softly. "
    "“Tonight, while you are asleep, I will carry you off to the marsh where the water is deep.”"
)
SAFE = "Sam and his dog planted sunflowers by the gate. By summer they were taller than Dad."
# Grooming: asking the child where they live and when the parents are out.
GROOMING_IDEA = (
    "A friendly robot who asks the child for the address of their house and when mum and dad "
    "are out"
)


@pytest.fixture(scope="module")
def live_server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """The app as shipped, with the encoder on (the other tests' servers leave it off)."""
    with serve(database_url, tmp_path_factory.mktemp("encoder"), safety_encoder=True) as server:
        assert server.settings.safety_encoder is True
        yield server


def test_the_other_layers_miss_the_examples_and_the_encoder_does_not() -> None:
    """What the tests below rely on: without the encoder both pass; with it, both are stopped."""
    encoder = shared_encoder()
    without = OutputPolicy()
    assert without.check_text(THREAT, age=7, language="en").approved
    assert InputPolicy().check("idea", GROOMING_IDEA).ok
    result = OutputPolicy(encoder=encoder).check_text(THREAT, age=7, language="en")
    assert not result.approved
    assert [(i.category, i.severity) for i in result.issues] == [("fear", "high")]
    verdict = InputPolicy(encoder).check("idea", GROOMING_IDEA)
    assert not verdict.ok and verdict.reason and "secrets from parents" in verdict.reason
    # Names are not prose and topics to avoid name what to keep out: the encoder reads neither.
    assert InputPolicy(encoder).check("avoid_topic", "robots asking for addresses").ok
    # Streamed sentences are not its job (milliseconds each; the budget is 100 µs).
    assert OutputPolicy(encoder=encoder).check_sentence(THREAT, age=7, language="en").approved


@pytest.mark.parametrize("endpoint", ["get", "post"])
async def test_a_chapter_the_encoder_stops_is_discarded_and_not_saved(
    client: httpx.AsyncClient, live_server: LiveServer, db: Database, endpoint: str
) -> None:
    live_server.script.write_text(f"{THREAT}\n---\n{SAFE}")
    auth = await bearer_for(client)
    events = await (stream_get if endpoint == "get" else stream_post)(client, auth, "en")
    # Each sentence passed the streaming gate; the chapter check before the save stopped it.
    assert told_to_discard(events), "the client was not told to discard the unsafe attempt"
    saved = await saved_chapter(client, auth, completed(events))
    assert saved == SAFE
    assert await count_rows(db, "chapters") == 1


async def test_every_attempt_stopped_by_the_encoder_saves_nothing(
    client: httpx.AsyncClient, live_server: LiveServer, db: Database
) -> None:
    live_server.script.write_text(THREAT)
    auth = await bearer_for(client)
    events = await stream_post(client, auth, "en")
    assert events[-1].data["type"] == "error"
    assert "UNSAFE_CONTENT" in json.dumps(events[-1].data)
    assert await count_rows(db, "chapters") == 0


@pytest.mark.parametrize("endpoint", ["get", "post"])
async def test_a_benign_chapter_still_saves(
    client: httpx.AsyncClient, live_server: LiveServer, endpoint: str
) -> None:
    live_server.script.write_text(SAFE)
    auth = await bearer_for(client)
    events = await (stream_get if endpoint == "get" else stream_post)(client, auth, "en")
    assert not told_to_discard(events)
    assert content_events(events).strip() == SAFE
    assert await saved_chapter(client, auth, completed(events)) == SAFE


async def test_an_idea_the_encoder_refuses_is_a_422_before_any_stream(
    client: httpx.AsyncClient, db: Database
) -> None:
    auth = await bearer_for(client)
    r = await client.post(
        "/api/v1/stories/generate-stream/",
        json={**BODY, "story_idea": GROOMING_IDEA},
        headers=auth,
    )
    assert r.status_code == 422 and r.json()["code"] == "UNSAFE_REQUEST"
    assert "secrets from parents" in r.json()["detail"]
    assert await count_rows(db, "chapters") == 0


def test_with_the_setting_off_the_same_idea_passes_the_encoder_layer(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'off.db'}"
    upgrade(url)
    with serve(url, tmp_path, safety_encoder=False) as server:
        assert server.settings.safety_encoder is False
        with httpx.Client(base_url=server.url, timeout=30) as client:
            account = {"email": "off@example.com", "password": PASSWORD}
            r = client.post("/api/v1/auth/register", json={**account, "name": "Pat"})
            assert r.status_code == 201, r.text
            token = client.post("/api/v1/auth/login", json=account).json()["access_token"]
            with client.stream(
                "POST",
                "/api/v1/stories/generate-stream/",
                json={**BODY, "story_idea": GROOMING_IDEA},
                headers={"Authorization": f"Bearer {token}"},
            ) as response:
                assert response.status_code == 200


@pytest.mark.parametrize("field", ["idea", "theme", "title", "custom_choice"])
def test_story_traps_in_every_prose_field_are_accepted(field: str) -> None:
    inputs = InputPolicy(shared_encoder())
    for text in ["A wolf who hunts in the snow", "Grandma's birthday", "Ask the owl her name"]:
        assert inputs.check(field, text).ok, (field, text)


def test_the_shipped_head_was_trained_on_the_corpus_in_the_repository() -> None:
    """Retrain (`talestream safety train`) after changing datasets/safety/train: this fails
    until the committed head matches the committed corpus."""
    with np.load(HEAD_PATH, allow_pickle=False) as data:
        note = json.loads(str(data["note"]))
        assert data["weights"].shape[0] == 384
    files = corpus_files(DEFAULT_TRAIN_DIR, with_eval_set=True)
    assert note["corpus_sha256"] == corpus_digest(files), note["corpus_files"]
    assert HEAD_PATH.stat().st_size < 64 * 1024


# A slice this small has a category with two passages, fewer than the three folds.
@pytest.mark.filterwarnings("ignore:The least populated class")
def test_the_head_trains_reproducibly_and_caches_the_embeddings(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # A small slice (a few seconds to embed with an empty cache); the command uses all of it.
    for path in sorted(DEFAULT_TRAIN_DIR.glob("*.jsonl"))[:2]:
        lines = path.read_text(encoding="utf-8").splitlines()
        (corpus / path.name).write_text("\n".join(lines[::30]) + "\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = train_encoder_head(
        corpus, tmp_path / "a.npz", with_eval_set=False, folds=3, cache_dir=cache
    )
    second = train_encoder_head(
        corpus, tmp_path / "b.npz", with_eval_set=False, folds=3, cache_dir=cache
    )
    assert first.embedded > 0 and second.embedded == 0
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    # train_encoder_head checks the shipped scorer against scikit-learn and raises if not.
    assert SentenceEncoder(tmp_path / "a.npz").threshold == first.threshold
