"""Operability: Prometheus metrics at /metrics and JSON logs with request and run ids."""

from __future__ import annotations

import asyncio
import json
import logging
import logging.config
import re
import time

import httpx
import pytest

from talestream.telemetry.logs import ContextFilter, JsonFormatter, log_config
from tests.conftest import LiveServer, bearer_for

STREAM = "/api/v1/stories/generate/stream"
UNSAFE = "The monster grabbed a knife and stabbed the farmer until blood was everywhere."


def sample(text: str, name: str, **labels: str) -> float:
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    pattern = rf"^{re.escape(name)}(?:\{{{re.escape(wanted)}\}})? (\S+)$"
    found = re.search(pattern, text, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


async def test_metrics_count_streams_runs_tokens_and_rejections(
    live_server: LiveServer, client: httpx.AsyncClient
) -> None:
    before = (await client.get("/metrics")).text
    auth = await bearer_for(client)
    child = (
        await client.post("/api/v1/children/", json={"name": "Mia", "age": 6}, headers=auth)
    ).json()["id"]
    live_server.script.write_text(UNSAFE + "\n---\nOnce upon a time a fox sang. The end.")
    async with client.stream(
        "GET", STREAM, params={"child_id": child, "theme": "metrics"}, headers=auth
    ) as response:
        chunks = response.aiter_text()
        first = await anext(chunks)
        during = (await client.get("/metrics")).text
        assert first and sample(during, "talestream_open_streams") >= 1
        _ = [text async for text in chunks]
    after = (await client.get("/metrics")).text
    assert response.headers["content-type"].startswith("text/event-stream")
    assert sample(after, "talestream_open_streams") == 0
    assert sample(after, "talestream_model_tokens_total") > sample(
        before, "talestream_model_tokens_total"
    )
    grew = [
        ("talestream_time_to_first_content_seconds_count", {}),
        ("talestream_runs_ended_total", {"outcome": "done"}),
        ("talestream_rejections_total", {"check": "safety"}),
    ]
    for name, labels in grew:
        assert sample(after, name, **labels) == sample(before, name, **labels) + 1, name
    for gauge in ("talestream_model_queue_length", "talestream_model_busy"):
        assert re.search(rf"^{gauge} 0\.0$", after, re.MULTILINE), gauge
    assert re.search(r'^talestream_runs\{state="waiting"\} 0\.0$', after, re.MULTILINE)


@pytest.mark.parametrize("endpoint", ["stream", "generate"])
async def test_metrics_count_quality_rejections_by_check(
    live_server: LiveServer, client: httpx.AsyncClient, endpoint: str
) -> None:
    before = (await client.get("/metrics")).text
    # Every check's series exists from the start, so a dashboard sees zeros, not gaps.
    assert re.search(r'^talestream_rejections_total\{check="quality_repetition"\} ', before, re.M)
    auth = await bearer_for(client)
    child = (
        await client.post("/api/v1/children/", json={"name": "Mia", "age": 6}, headers=auth)
    ).json()["id"]
    # The first attempt stutters (the quality gate's repetition check stops it); the second is fine.
    live_server.script.write_text(
        "Once upon a time a fox sang. The owl said hoo hoo hoo hoo hoo hoo hoo hoo all night."
        "\n---\nOnce upon a time a fox sang. The end."
    )
    if endpoint == "stream":
        async with client.stream(
            "GET", STREAM, params={"child_id": child, "theme": "quality one"}, headers=auth
        ) as response:
            body = (await response.aread()).decode()
        assert '"reason": "quality"' in body and '"type": "complete"' in body
    else:  # not a run, but its rejections are counted all the same
        r = await client.post(
            "/api/v1/stories/generate",
            json={"child_id": child, "theme": "quality two"},
            headers=auth,
        )
        assert r.status_code == 200, r.text
    after = (await client.get("/metrics")).text
    repetition = {"check": "quality_repetition"}
    assert sample(after, "talestream_rejections_total", **repetition) == (
        sample(before, "talestream_rejections_total", **repetition) + 1
    )
    for unchanged in ("safety", "quality_language", "quality_length"):
        assert sample(after, "talestream_rejections_total", check=unchanged) == sample(
            before, "talestream_rejections_total", check=unchanged
        ), unchanged


async def test_request_ids_are_echoed_and_logs_carry_request_and_run_ids(
    live_server: LiveServer, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    given = await client.get("/health", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = await client.get("/health", headers={"X-Request-ID": "bad id\twith junk"})
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["x-request-id"])

    caplog.handler.addFilter(ContextFilter())
    caplog.set_level(logging.WARNING, logger="talestream.stories.workflow")
    auth = await bearer_for(client)
    child = (
        await client.post("/api/v1/children/", json={"name": "Mia", "age": 6}, headers=auth)
    ).json()["id"]
    # An ending the model cannot give makes the workflow log a warning inside the run.
    live_server.script.write_text("Once upon a time a fox sang. The end.\n---\n<<ending>>\nnope")
    async with client.stream(
        "GET",
        STREAM,
        params={"child_id": child, "theme": "logs"},
        headers={**auth, "X-Request-ID": "req-42"},
    ) as response:
        body = (await response.aread()).decode()
    run = re.search(r'"run_id": "([0-9a-f]{32})"', body)
    assert run is not None
    deadline = time.monotonic() + 5
    while not any(r.name == "talestream.stories.workflow" for r in caplog.records):
        assert time.monotonic() < deadline
        await asyncio.sleep(0.02)
    record = next(r for r in caplog.records if r.name == "talestream.stories.workflow")
    line = json.loads(JsonFormatter().format(record))
    assert line["run_id"] == run.group(1) and line["request_id"] == "req-42"
    assert line["level"] == "warning" and "ending" in line["message"]


def test_json_log_config_is_accepted_by_logging() -> None:
    config = log_config("json")
    assert config is not None and log_config("text") is None
    assert set(config["loggers"]) == {"uvicorn", "uvicorn.error", "uvicorn.access"}
    # Applied to a logger of its own, so the rest of the suite keeps its logging.
    root = config.pop("root")
    config["loggers"] = {"talestream-json-test": {**root, "propagate": False}}
    logging.config.dictConfig(config)
    handler = logging.getLogger("talestream-json-test").handlers[0]
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello %s", ("there",), None)
    assert handler.filter(record)
    assert handler.formatter is not None
    assert json.loads(handler.formatter.format(record))["message"] == "hello there"
