"""One stream, as fast as possible: the full talestream pipeline against a raw ASGI SSE app,
both served by uvicorn (uvloop + httptools) in their own processes, measured in the same run.

    .venv/bin/python -m bench.stream_throughput [--events 20000] [--first-events 200]

The scripted model streams "Hop! Hop! ..." at zero delay: every piece is a sentence, so every
model token becomes its own `content` event, which has to pass the sentence safety gate, the
workflow and the encoder. That is the pipeline's worst case per event.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import ROOT, bench_family, free_port, pct, server


async def read_stream(port: int, path: str, headers: dict[str, str]) -> tuple[float, float, int]:
    """(seconds to the first event, seconds from first to last byte, events) over a raw socket,
    so the client is never the bottleneck."""
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n{head}Connection: close\r\n\r\n".encode())
    await writer.drain()
    first = content_end = None
    events = 0
    tail = b""
    while chunk := await reader.read(1 << 16):
        chunk = chunk.replace(b"\r\n", b"\n")  # sse-starlette ends lines with CRLF
        if first is None and b"data: " in chunk:
            first = time.perf_counter()
        if content_end is None and b'"is_complete": true' in tail + chunk:
            content_end = time.perf_counter()  # ours: the text is out; checks and save follow
        events += (tail + chunk).count(b"\n\n") - tail.count(b"\n\n")
        tail = chunk[-32:]
    end = content_end or time.perf_counter()
    writer.close()
    assert first is not None, f"no event arrived: {tail[:200]!r}"
    return first - start, end - first, events - 1  # minus the header terminator


async def measure(
    port: int, path_for: Callable[[int], str], headers: dict[str, str], n: int, firsts: int
) -> tuple[float, float, float, float]:
    """(events/s, seconds, first-event p50 ms, p99 ms): medians of 3 long streams, and first
    events over `firsts` fresh connections."""
    ttfb = [(await read_stream(port, path_for(1), headers))[0] for _ in range(firsts)]
    runs = []
    for _ in range(3):
        _, duration, events = await read_stream(port, path_for(n), headers)
        runs.append((events / duration, duration))
    rate, duration = sorted(runs)[1]
    return rate, duration, pct(ttfb, 0.5) * 1000, pct(ttfb, 0.99) * 1000


def prose(tokens: int) -> str:
    """The built-in chapter's word pieces, repeated to exactly `tokens` pieces."""
    from talestream.generation.scripted import BUILTIN_CHAPTER, split_pieces

    pieces = split_pieces(BUILTIN_CHAPTER + " ")
    return "".join(pieces[i % len(pieces)] for i in range(tokens))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--first-events", type=int, default=200)
    args = parser.parse_args()

    uvicorn = [
        sys.executable,
        "-m",
        "uvicorn",
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    tmp = Path(tempfile.mkdtemp(prefix="talestream-bench-"))
    script = tmp / "script.txt"
    script.write_text("Hop! " * args.events)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TALESTREAM_")}
    env |= {
        "TALESTREAM_DATA_DIR": str(tmp),
        "TALESTREAM_LLM_PROVIDER": "scripted",
        "TALESTREAM_SCRIPTED_TEXT_FILE": str(script),
        "TALESTREAM_MAX_STORY_TOKENS": str(min(args.events + 10, 100_000)),
        "TALESTREAM_SAFETY_MAX_ATTEMPTS": "1",
        "TALESTREAM_RATE_LIMIT_GENERATE": "1000000/minute",  # a benchmark is not a family
    }
    raw_port, app_port = free_port(), free_port()

    with server([*uvicorn, "--port", str(raw_port), "bench.raw_asgi:app"], env, raw_port):
        raw = asyncio.run(
            measure(raw_port, lambda n: f"/stream?n={n}", {}, args.events, args.first_events)
        )
    layers_port = free_port()
    with server([*uvicorn, "--port", str(layers_port), "bench.sse_layers:app"], env, layers_port):
        ours = asyncio.run(
            measure(layers_port, lambda n: f"/ours?n={n}", {}, args.events, args.first_events)
        )
        theirs = asyncio.run(
            measure(
                layers_port, lambda n: f"/sse-starlette?n={n}", {}, args.events, args.first_events
            )
        )
    subprocess.run(
        [sys.executable, "-m", "talestream", "db", "upgrade"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with server(
        [*uvicorn, "--port", str(app_port), "--factory", "talestream.app:create_app"], env, app_port
    ) as (url, _):
        token, child = bench_family(url)
        auth = {"Authorization": f"Bearer {token}"}

        def worst_case(n: int) -> str:
            script.write_text("Hop! " * n)
            return f"/api/v1/stories/generate/stream?child_id={child}&theme=w{time.time_ns()}"

        def realistic(n: int) -> str:
            script.write_text(prose(n))
            return f"/api/v1/stories/generate/stream?child_id={child}&theme=p{time.time_ns()}"

        firsts = args.first_events // 4
        worst = asyncio.run(measure(app_port, worst_case, auth, args.events, firsts))
        real = asyncio.run(measure(app_port, realistic, auth, args.events, firsts))

    tokens_per_s = args.events / real[1]
    print(
        f"one stream, {args.events} model tokens, median of 3; first event over "
        f"{args.first_events} (raw) / {firsts} (pipeline) fresh connections"
    )
    print("| app | per second | vs raw | first event p50 ms | first event p99 ms |")
    print("|---|---|---|---|---|")
    print(f"| raw ASGI, events | {raw[0]:,.0f} | 1.00 | {raw[2]:.2f} | {raw[3]:.2f} |")
    for name, row in (
        ("FastAPI + our EventStreamResponse", ours),
        ("FastAPI + sse-starlette EventSourceResponse", theirs),
    ):
        print(
            f"| {name}, events | {row[0]:,.0f} | {row[0] / raw[0]:.2f} | {row[2]:.2f} | "
            f"{row[3]:.2f} |"
        )
    print(
        f"| talestream worst case (a sentence per token), events | {worst[0]:,.0f} | "
        f"{worst[0] / raw[0]:.2f} | {worst[2]:.2f} | {worst[3]:.2f} |"
    )
    print(
        f"| talestream prose (a content event per sentence), tokens | {tokens_per_s:,.0f} | "
        f"{tokens_per_s / raw[0]:.2f} | {real[2]:.2f} | {real[3]:.2f} |"
    )


if __name__ == "__main__":
    main()
