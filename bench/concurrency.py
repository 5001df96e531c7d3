"""N live story streams on one worker, beside a raw ASGI app at the same N, in one run.

    .venv/bin/python -m bench.concurrency [--n 300 1000 3000] [--spread 10] [--json out.json]
        [--apps raw talestream redis] [--profile DIR]

Each row starts a fresh server in its own process: `talestream serve` (one worker, SQLite, the
scripted model at 20 tokens/s writing the built-in 175-token chapter) or the raw ASGI baseline
(`bench/raw_asgi.py`, one event every 50 ms for as many events as the chapter has tokens). A load
client in another process opens N streams over raw sockets, arrivals spread evenly over `--spread`
seconds, and reads each to its end. Every stream is a real `GET /api/v1/stories/generate/stream`:
Bearer auth, the ownership check, the input policy, the workflow with its sentence gate, metrics
and the save. The `redis` row is the same server with its run log on Redis
(`TALESTREAM_REDIS_URL`, a throwaway redis-server per row), as several workers share runs.
`--profile DIR` samples each talestream server under load with py-spy (`bench.profile_shares`
sums a file up); `bench.plot_concurrency` draws the `--json` rows.

Reported per row:
- first byte p50/p99: from sending the request to the first `data:` line;
- first content added by load p50/p99: time to the first `content` event minus the same story's
  time alone (measured first, on the idle server, median of 3);
- stretch p50/p99: each stream's duration over the story's duration alone;
- unfinished: streams without their final event (`complete`, or the last raw event) when the
  client gave up (a stream may take at most 4x its time alone plus the spread);
- RSS per open stream: (server RSS - RSS before the load) / streams open, at the sample with the
  most streams open; CPU per token: server CPU seconds over the load / model tokens delivered.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.common import UVICORN, bench_family, free_port, pct, server

PROFILE_RATE = 50  # py-spy samples per second: enough for shares, light on a shared machine

TOKENS_PER_SECOND = 20.0
SAMPLE_SECONDS = 0.25


@dataclass(slots=True)
class Stream:
    start: float
    first_byte: float | None = None
    first_content: float | None = None
    end: float | None = None
    finished: bool = False
    tail: str = ""  # the last bytes read, to say why a stream did not finish


@dataclass(slots=True)
class Row:
    app: str
    n: int
    first_byte_p50_ms: float
    first_byte_p99_ms: float
    first_content_added_p50_ms: float
    first_content_added_p99_ms: float
    stretch_p50: float
    stretch_p99: float
    unfinished: int
    peak_open: int
    rss_per_stream_kib: float
    cpu_us_per_token: float


async def _read(port: int, path: str, headers: dict[str, str], done_marker: bytes) -> Stream:
    stream = Stream(time.perf_counter())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n{head}Connection: close\r\n\r\n".encode())
    tail = b""
    try:
        while chunk := await reader.read(1 << 16):
            now = time.perf_counter()
            window = tail + chunk
            if stream.first_byte is None and b"data: " in window:
                stream.first_byte = now
            if stream.first_content is None and b'"type": "content"' in window:
                stream.first_content = now
            if done_marker in window:
                stream.finished = True
            tail = window[-400:]  # enough for the last event, to say how a stream ended
    finally:
        stream.end = time.perf_counter()
        stream.tail = tail.decode(errors="replace")
        writer.close()
    return stream


async def _load(
    port: int,
    paths: list[str],
    headers: dict[str, str],
    done_marker: bytes,
    spread: float,
    limit: float,
) -> list[Stream]:
    async def one(i: int, path: str) -> Stream:
        await asyncio.sleep(i * spread / len(paths))
        started = time.perf_counter()
        try:
            return await asyncio.wait_for(_read(port, path, headers, done_marker), limit)
        except (TimeoutError, OSError):
            return Stream(started, end=time.perf_counter())

    return list(await asyncio.gather(*(one(i, p) for i, p in enumerate(paths))))


def _client(args: tuple[int, list[str], dict[str, str], bytes, float, float], out: object) -> None:
    """The load client's process: uvloop, raw sockets, results back through a pipe."""
    import uvloop

    _raise_fd_limit()
    streams = uvloop.run(_load(*args))
    out.send([asdict(s) for s in streams])  # type: ignore[attr-defined]


def _raise_fd_limit() -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def _proc_stats(pid: int) -> tuple[int, float]:
    """(RSS bytes, CPU seconds) of a process, from /proc."""
    with open(f"/proc/{pid}/status") as f:
        rss = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmRSS:"))
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return rss, (int(fields[11]) + int(fields[12])) / ticks


def _run_load(
    pid: int,
    port: int,
    paths: list[str],
    headers: dict[str, str],
    done_marker: bytes,
    spread: float,
    limit: float,
) -> tuple[list[Stream], list[tuple[float, int]], float]:
    """Runs the client process while sampling the server: (streams, [(time, rss)], cpu s)."""
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    client = ctx.Process(
        target=_client, args=((port, paths, headers, done_marker, spread, limit), sender)
    )
    rss0, cpu0 = _proc_stats(pid)
    client.start()
    samples: list[tuple[float, int]] = [(time.perf_counter(), rss0)]
    while not receiver.poll(SAMPLE_SECONDS):
        samples.append((time.perf_counter(), _proc_stats(pid)[0]))
        if not client.is_alive() and not receiver.poll(1):
            raise RuntimeError("the load client died")
    streams = [Stream(**s) for s in receiver.recv()]
    client.join()
    _, cpu1 = _proc_stats(pid)
    return streams, samples, cpu1 - cpu0


def _summarise(
    app: str,
    streams: list[Stream],
    samples: list[tuple[float, int]],
    cpu: float,
    alone: Stream,
    tokens: int,
) -> Row:
    done = [s for s in streams if s.finished]
    endings = Counter(_last_event(s.tail) for s in streams if not s.finished)
    for tail, count in endings.most_common(3):
        print(f"  {app}: {count} unfinished ended with {tail!r}", file=sys.stderr)
    alone_first = alone.first_content - alone.start  # type: ignore[operator]
    alone_duration = alone.end - alone.start  # type: ignore[operator]
    firsts = [(s.first_byte - s.start) * 1000 for s in streams if s.first_byte]
    added = [
        max(0.0, (s.first_content - s.start) - alone_first) * 1000
        for s in streams
        if s.first_content
    ]
    stretch = [(s.end - s.start) / alone_duration for s in done]  # type: ignore[operator]
    rss0 = samples[0][1]
    best_open, best_rss = 0, 0
    for at, rss in samples:
        open_now = sum(1 for s in streams if s.start <= at < (s.end or at + 1))
        if open_now > best_open:
            best_open, best_rss = open_now, rss
    return Row(
        app=app,
        n=len(streams),
        first_byte_p50_ms=pct(firsts, 0.5),
        first_byte_p99_ms=pct(firsts, 0.99),
        first_content_added_p50_ms=pct(added, 0.5),
        first_content_added_p99_ms=pct(added, 0.99),
        stretch_p50=pct(stretch, 0.5),
        stretch_p99=pct(stretch, 0.99),
        unfinished=len(streams) - len(done),
        peak_open=best_open,
        rss_per_stream_kib=(best_rss - rss0) / 1024 / best_open if best_open else float("nan"),
        cpu_us_per_token=cpu / max(1, len(done) * tokens) * 1e6,
    )


def _last_event(tail: str) -> str:
    at = tail.rfind("data: ")
    return tail[at : at + 160] if at >= 0 else tail[-80:]


def _alone(port: int, path_for: object, headers: dict[str, str], marker: bytes) -> Stream:
    """The median (by duration) of 3 lone streams on the idle server."""
    runs = [
        asyncio.run(_read(port, path_for(), headers, marker))  # type: ignore[operator]
        for _ in range(3)
    ]
    return sorted(runs, key=lambda s: (s.end or 0) - s.start)[1]


def bench_raw(n: int, spread: float, tokens: int, env: dict[str, str]) -> Row:
    port = free_port()
    interval = 1 / TOKENS_PER_SECOND
    path = f"/stream?n={tokens}&interval={interval}"
    marker = f'"Hop {tokens - 1}! "'.encode()
    args = [sys.executable, *UVICORN, "--no-access-log", "--port", str(port), "bench.raw_asgi:app"]
    with server(args, env, port) as (_, pid):
        alone = _alone(port, lambda: path, {}, marker)
        limit = 4 * (alone.end - alone.start) + spread  # type: ignore[operator]
        streams, samples, cpu = _run_load(pid, port, [path] * n, {}, marker, spread, limit)
    return _summarise("raw ASGI", streams, samples, cpu, alone, tokens)


def _profiler(pid: int, out: Path | None) -> subprocess.Popen[bytes] | None:
    """py-spy sampling the server while it holds the GIL (its Python CPU; idle threads waiting
    on a queue would otherwise count), as collapsed stacks for `bench.profile_shares`."""
    if out is None:
        return None
    spy = str(Path(sys.executable).with_name("py-spy"))
    sampling = ["--format", "raw", "--nonblocking", "--gil", "--rate", str(PROFILE_RATE)]
    return subprocess.Popen(
        [spy, "record", "--pid", str(pid), *sampling, "--output", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def bench_talestream(
    n: int,
    spread: float,
    tokens: int,
    env: dict[str, str],
    *,
    app: str = "talestream",
    profile: Path | None = None,
) -> Row:
    tmp = Path(tempfile.mkdtemp(prefix="talestream-bench-"))
    env = env | {"TALESTREAM_DATA_DIR": str(tmp)}
    port = free_port()
    args = [sys.executable, "-m", "talestream", "serve", "--port", str(port)]
    with server(args, env, port) as (url, pid):
        token, child = bench_family(url)
        auth = {"Authorization": f"Bearer {token}"}
        counter = iter(range(10**9))

        def path() -> str:
            # A new theme each time: every stream starts a new story (no continuation lookup).
            return f"/api/v1/stories/generate/stream?child_id={child}&theme=meadow+{next(counter)}"

        marker = b'"type": "complete"'
        alone = _alone(port, path, auth, marker)
        limit = 4 * (alone.end - alone.start) + spread  # type: ignore[operator]
        paths = [path() for _ in range(n)]
        spy = _profiler(pid, profile)
        streams, samples, cpu = _run_load(pid, port, paths, auth, marker, spread, limit)
        if spy is not None:
            spy.send_signal(signal.SIGINT)  # py-spy writes its file when interrupted
            spy.wait(timeout=120)
    return _summarise(app, streams, samples, cpu, alone, tokens)


APPS = ("raw", "talestream", "redis")


def _row(
    app: str, n: int, spread: float, tokens: int, env: dict[str, str], profile: Path | None
) -> Row:
    if app == "raw":
        return bench_raw(n, spread, tokens, env)
    out = profile / f"{app}-n{n}.txt" if profile else None
    if app == "talestream":
        return bench_talestream(n, spread, tokens, env, profile=out)
    # The run log on Redis, as several workers share it: a redis-server of its own per row.
    from tests.servers import throwaway_redis

    with throwaway_redis() as redis_url:
        env = env | {"TALESTREAM_REDIS_URL": redis_url}
        return bench_talestream(n, spread, tokens, env, app="talestream + Redis", profile=out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[300, 1000, 3000])
    parser.add_argument("--spread", type=float, default=10.0, help="arrivals over this many s")
    parser.add_argument(
        "--apps",
        nargs="+",
        choices=APPS,
        default=list(APPS),
        help="rows per N: raw ASGI, talestream (in-process run log), talestream on Redis",
    )
    parser.add_argument("--json", type=Path, help="also write the rows here")
    parser.add_argument(
        "--profile",
        type=Path,
        help="a directory: py-spy samples each talestream server under load into APP-nN.txt",
    )
    args = parser.parse_args()
    _raise_fd_limit()  # inherited by the servers
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)

    from talestream.generation.scripted import BUILTIN_CHAPTER, split_pieces

    tokens = len(split_pieces(BUILTIN_CHAPTER))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TALESTREAM_")}
    env |= {
        "TALESTREAM_LLM_PROVIDER": "scripted",
        "TALESTREAM_SCRIPTED_TOKEN_DELAY_MS": str(1000 / TOKENS_PER_SECOND),
        "TALESTREAM_SAFETY_MAX_ATTEMPTS": "1",
        "TALESTREAM_RATE_LIMIT_GENERATE": "100000000/minute",  # a benchmark is not a family
        # The streaming path, as measured before layer 9: the sentence encoder's whole-chapter
        # check costs about 0.4 s of CPU a chapter (bench.safety_encoder_cost), which at
        # thousands of streams is a capacity question of its own (docs/benchmarks.md).
        "TALESTREAM_SAFETY_ENCODER": "false",
    }
    rows: list[Row] = []
    for n in args.n:
        for app in args.apps:
            row = _row(app, n, args.spread, tokens, env, args.profile)
            rows.append(row)
            print(f"measured {row.app} at N={n}", file=sys.stderr, flush=True)
    print(
        f"{tokens}-token chapter at {TOKENS_PER_SECOND:.0f} tokens/s, arrivals over "
        f"{args.spread:.0f} s, one worker; load average {_load_average()}"
    )
    print(
        "| N | app | first byte p50 / p99 ms | first content added p50 / p99 ms | "
        "stretch p50 / p99 | unfinished | peak open | KiB per open stream | CPU µs per token |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r.n:,} | {r.app} | {r.first_byte_p50_ms:.1f} / {r.first_byte_p99_ms:.1f} | "
            f"{r.first_content_added_p50_ms:.0f} / {r.first_content_added_p99_ms:.0f} | "
            f"{r.stretch_p50:.2f} / {r.stretch_p99:.2f} | {r.unfinished} | {r.peak_open:,} | "
            f"{r.rss_per_stream_kib:.0f} | {r.cpu_us_per_token:.0f} |"
        )
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=2))


def _load_average() -> str:
    """The machine's 1/5/15-minute load: other work on it moves every latency figure."""
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
