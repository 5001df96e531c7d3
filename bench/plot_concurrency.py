"""Draws `bench.concurrency --json` rows as one PNG: stretch p99 and first content p99 against N.

    .venv/bin/python -m bench.plot_concurrency test-artifacts/concurrency.json \
        [--out docs/images/concurrency.png]

Left: each stream's duration over the story alone (p99), with the project's 1.10 target. Right:
the time load added before the first `content` event (p99, log scale), with the 250 ms target.
One line per app (raw ASGI, talestream, talestream on Redis), so ours sits beside the baseline
measured in the same run.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display on a server or in CI
import matplotlib.pyplot as plt

STRETCH_TARGET = 1.10
FIRST_CONTENT_TARGET_MS = 250
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "docs" / "images" / "concurrency.png"


def plot(rows: list[dict[str, object]], out: Path, title: str) -> None:
    series: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    for row in rows:
        series[str(row["app"])].append(
            (
                int(row["n"]),  # type: ignore[call-overload]
                float(row["stretch_p99"]),  # type: ignore[arg-type]
                # Log scale: a load that added nothing is drawn at 1 ms, not dropped.
                max(1.0, float(row["first_content_added_p99_ms"])),  # type: ignore[arg-type]
            )
        )
    fig, (stretch, first) = plt.subplots(1, 2, figsize=(10, 4), constrained_layout=True)
    for app, points in series.items():
        points.sort()
        ns = [p[0] for p in points]
        style = {"marker": "o", "label": app, "linestyle": "--" if app == "raw ASGI" else "-"}
        stretch.plot(ns, [p[1] for p in points], **style)
        first.plot(ns, [p[2] for p in points], **style)
    stretch.axhline(STRETCH_TARGET, color="grey", linewidth=0.8, linestyle=":")
    stretch.set(xlabel="concurrent streams (N)", ylabel="duration / duration alone, p99")
    stretch.set_title("Stretch")
    first.axhline(FIRST_CONTENT_TARGET_MS, color="grey", linewidth=0.8, linestyle=":")
    first.set(
        xlabel="concurrent streams (N)", ylabel="ms added before first content, p99", yscale="log"
    )
    first.set_title("First content added by load")
    for ax in (stretch, first):
        ax.grid(alpha=0.3)
        ax.legend()
    fig.suptitle(title)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=Path, help="the JSON written by bench.concurrency --json")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--title",
        default="One worker, scripted model at 20 tokens/s, arrivals over 10 s (dotted: targets)",
    )
    args = parser.parse_args()
    plot(json.loads(args.rows.read_text()), args.out, args.title)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
