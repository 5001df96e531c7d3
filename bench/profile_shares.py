"""Where a py-spy profile's time went: shares of the samples by area, by function and by line.

    .venv/bin/python -m bench.profile_shares PROFILE.txt [--top 25]

PROFILE.txt holds collapsed stacks (`py-spy record --format raw`, as `bench.concurrency
--profile DIR` writes them): one line per distinct stack, `frame;frame;... count`, the innermost
frame last, each frame `function (file:line)`. "Self" counts a sample for its innermost frame only,
"inclusive" for every function on its stack (once per stack). The areas are inclusive too, each
sample in the first area that matches from the innermost frame outwards, so they add up to 100 %.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"^(?P<function>.*) \((?P<file>[^():]*)(?::(?P<line>\d+))?\)$")

# (area, substrings of "function (file)"), checked in order against each frame from the innermost.
AREAS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("safety gate (sentence)", ("talestream/safety/",)),
    ("quality gate", ("talestream/quality/",)),
    ("reading metrics", ("talestream/metrics/",)),
    ("database (SQLAlchemy, aiosqlite, sqlite3)", ("sqlalchemy/", "aiosqlite/", "sqlite3/")),
    ("JSON", ("json/",)),
    ("logging", ("logging/",)),
    ("pydantic", ("pydantic/", "pydantic_core/")),
    ("uvicorn (HTTP, send)", ("uvicorn/",)),
    ("FastAPI / Starlette (routing, dependencies)", ("fastapi/", "starlette/")),
    ("auth (tokens, password hashing)", ("talestream/auth/", "jwt/", "argon2/")),
    ("run log and readers", ("talestream/runs/",)),
    ("SSE response", ("talestream/sse.py",)),
    ("wire encoders", ("talestream/stories/encoders.py",)),
    ("story workflow", ("talestream/stories/", "talestream/generation/")),
    ("prometheus", ("prometheus_client/",)),
    ("threads (executor, to_thread)", ("concurrent/futures/", "threading.py")),
    # uvloop is C: its own work (polling, socket writes, timers) shows as the loop's Python caller.
    ("event loop itself (uvloop)", ("asyncio/runners.py",)),
    ("asyncio (tasks, timers, queues)", ("asyncio/",)),
)


def _parse(line: str) -> tuple[list[str], int] | None:
    stack, _, count = line.rstrip("\n").rpartition(" ")
    if not stack or not count.isdigit():
        return None
    return stack.split(";"), int(count)


def _function(frame: str) -> str:
    match = FRAME.match(frame)
    return f"{match['function']} ({match['file']})" if match else frame


def _area(stack: list[str]) -> str:
    for frame in reversed(stack):
        for area, needles in AREAS:
            if any(n in frame for n in needles):
                return area
    return "other (event loop, interpreter)"


def shares(path: Path) -> tuple[int, Counter[str], Counter[str], Counter[str], Counter[str]]:
    """(samples, by area, self by line, self by function, inclusive by function)."""
    total = 0
    areas: Counter[str] = Counter()
    self_lines: Counter[str] = Counter()
    self_functions: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    for line in path.read_text(errors="replace").splitlines():
        parsed = _parse(line)
        if parsed is None:
            continue
        stack, count = parsed
        total += count
        areas[_area(stack)] += count
        self_lines[stack[-1]] += count
        self_functions[_function(stack[-1])] += count
        for function in {_function(f) for f in stack}:
            inclusive[function] += count
    return total, areas, self_lines, self_functions, inclusive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile", type=Path)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    total, areas, self_lines, self_functions, inclusive = shares(args.profile)
    print(f"{total} samples in {args.profile}")
    for title, counts in (
        ("by area (inclusive, first match from the innermost frame)", areas),
        ("self, by function", self_functions),
        ("self, by line", self_lines),
        ("inclusive, by function", inclusive),
    ):
        print(f"--- {title}")
        for name, count in counts.most_common(args.top):
            print(f"{100 * count / max(1, total):5.1f}%  {name}")


if __name__ == "__main__":
    main()
