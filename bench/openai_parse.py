"""What reading an OpenAI-compatible token stream costs per token, with N streams at once.

    .venv/bin/python -m bench.openai_parse [--n 300 1000] [--spread 10] [--modes ...]

A fake OpenAI-compatible server (`bench/fake_openai.py`, its own process) streams the built-in
175-token chapter at 20 tokens/s to each of N streams, arrivals spread over `--spread` seconds.
Each mode reads all N streams in a fresh client process (uvloop), and reports that process's CPU
time per token received:

- `provider`: `OpenAICompatibleModel.stream`, the talestream provider as it ships (the `openai`
  SDK sends the request, `talestream.sse_messages.iter_sse` reads its response's lines, with the
  whole-call deadline and the max_tokens guard);
- `sdk`: the SDK's own stream (its SSE decoder and a pydantic chunk object per token), bare;
- `lean`: httpx streaming the response, SSE `data:` lines split by httpx, `json.loads` per chunk;
- `transport`: httpx reading the raw bytes, no parsing at all (a floor under the others; the SDK
  itself sends through httpx2, its own fork of httpx).

Also: streams that did not deliver every token, and each stream's duration over the ideal
(175 tokens x 50 ms) at p50/p99, which shows whether the client process kept up.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import resource
import sys
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx

from bench.common import UVICORN, free_port, pct, server

INTERVAL = 0.05
MODES = ("provider", "sdk", "lean", "transport")
MESSAGES: Any = [  # the SDK's message union, which a plain list of dicts is
    {"role": "system", "content": "You tell gentle stories."},
    {"role": "user", "content": "A story about a hedgehog."},
]
MAX_TOKENS = 400
LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)  # the SDK's own


def _provider(base_url: str) -> Callable[[], AsyncIterator[str]]:
    from talestream.config import Settings
    from talestream.generation.openai_compat import OpenAICompatibleModel

    settings = Settings(
        llm_provider="openai", openai_base_url=base_url, llm_model="fake", llm_timeout_seconds=120
    )
    model = OpenAICompatibleModel(settings)  # as talestream builds it (SDK limit: 1,000 at once)
    return lambda: model.stream(MESSAGES, max_tokens=MAX_TOKENS)


def _sdk(base_url: str) -> Callable[[], AsyncIterator[str]]:
    from openai import AsyncOpenAI

    client = AsyncOpenAI(base_url=base_url, api_key="not-needed", timeout=120, max_retries=1)

    async def stream() -> AsyncIterator[str]:
        chunks = await client.chat.completions.create(
            model="fake", messages=MESSAGES, stream=True, max_tokens=MAX_TOKENS
        )
        async with chunks:
            async for chunk in chunks:
                if chunk.choices and (piece := chunk.choices[0].delta.content):
                    yield piece

    return stream


def _lean(base_url: str) -> Callable[[], AsyncIterator[str]]:
    http = httpx.AsyncClient(limits=LIMITS, timeout=120)
    body = {"model": "fake", "messages": MESSAGES, "stream": True, "max_tokens": MAX_TOKENS}
    url = base_url.rstrip("/") + "/chat/completions"

    async def stream() -> AsyncIterator[str]:
        async with http.stream("POST", url, json=body) as response:
            response.raise_for_status()
            async for line in response.aiter_lines():
                if not line.startswith("data:"):
                    continue
                data = line[5:].strip()
                if data == "[DONE]":
                    return
                choices = json.loads(data).get("choices")
                if choices and (piece := choices[0].get("delta", {}).get("content")):
                    yield piece

    return stream


def _transport(base_url: str) -> Callable[[], AsyncIterator[str]]:
    http = httpx.AsyncClient(limits=LIMITS, timeout=120)
    body = {"model": "fake", "messages": MESSAGES, "stream": True, "max_tokens": MAX_TOKENS}
    url = base_url.rstrip("/") + "/chat/completions"

    async def stream() -> AsyncIterator[str]:
        async with http.stream("POST", url, json=body) as response:
            async for raw in response.aiter_raw():
                # One "token" per chunk event in the bytes, so the count matches the others.
                for _ in range(raw.count(b'"content": "')):
                    yield ""

    return stream


FACTORIES: dict[str, Callable[[str], Callable[[], AsyncIterator[str]]]] = {
    "provider": _provider,
    "sdk": _sdk,
    "lean": _lean,
    "transport": _transport,
}


async def _load(mode: str, base_url: str, n: int, spread: float) -> dict[str, Any]:
    open_stream = FACTORIES[mode](base_url)

    async def one(i: int) -> tuple[int, float]:
        await asyncio.sleep(i * spread / n)
        started, tokens = time.perf_counter(), 0
        try:
            async for _ in open_stream():
                tokens += 1
        except Exception as exc:  # reported as a stream that did not deliver every token
            print(f"  {mode}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return tokens, time.perf_counter() - started

    cpu0 = time.process_time()
    results = await asyncio.gather(*(one(i) for i in range(n)))
    cpu = time.process_time() - cpu0
    return {"cpu": cpu, "tokens": [t for t, _ in results], "durations": [d for _, d in results]}


def _client(mode: str, base_url: str, n: int, spread: float, out: Any) -> None:
    import uvloop

    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    out.send(uvloop.run(_load(mode, base_url, n, spread)))


def measure(mode: str, base_url: str, n: int, spread: float, expected: int) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_client, args=(mode, base_url, n, spread, sender))
    proc.start()
    result: dict[str, Any] = receiver.recv()
    proc.join()
    ideal = expected * INTERVAL
    tokens = result["tokens"]
    return {
        "mode": mode,
        "n": n,
        "cpu_us_per_token": result["cpu"] / max(1, sum(tokens)) * 1e6,
        "incomplete": sum(1 for t in tokens if t < expected),
        "stretch_p50": pct([d / ideal for d in result["durations"]], 0.5),
        "stretch_p99": pct([d / ideal for d in result["durations"]], 0.99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[300, 1000])
    parser.add_argument("--spread", type=float, default=10.0)
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    args = parser.parse_args()
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    from talestream.generation.scripted import BUILTIN_CHAPTER, split_pieces

    expected = len(split_pieces(BUILTIN_CHAPTER))
    port = free_port()
    env = os.environ | {"FAKE_OPENAI_INTERVAL": str(INTERVAL)}
    cmd = [sys.executable, *UVICORN, "--no-access-log", "--port", str(port)]
    rows = []
    with server([*cmd, "bench.fake_openai:app"], env, port) as (url, _):
        for n in args.n:
            for mode in args.modes:
                rows.append(measure(mode, url + "/v1", n, args.spread, expected))
                print(f"measured {mode} at N={n}", file=sys.stderr, flush=True)
    print(
        f"{expected}-token chapter at {1 / INTERVAL:.0f} tokens/s, arrivals over "
        f"{args.spread:.0f} s; load average {' / '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print("| N | client path | CPU µs per token | incomplete | stretch p50 / p99 |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['n']:,} | {r['mode']} | {r['cpu_us_per_token']:.1f} | {r['incomplete']} | "
            f"{r['stretch_p50']:.2f} / {r['stretch_p99']:.2f} |"
        )


if __name__ == "__main__":
    main()
