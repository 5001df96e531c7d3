"""A worker's life: a heap frozen after start-up, and a graceful drain on SIGTERM.

On SIGTERM (a deploy, a scale-down, `docker stop`):

uvicorn's own SIGTERM handling closes the listening socket and, after `timeout_graceful_shutdown`,
cuts every open stream: a story half-written is lost without a word. Instead, the first SIGTERM
drains: new runs are refused with 503 and `Retry-After` (the proxy sends them to another worker),
running runs may finish for up to `TALESTREAM_DRAIN_SECONDS`, the rest end with an `error` event
`SERVER_SHUTTING_DOWN` and save nothing; then uvicorn's handler shuts the server down as usual.
A second SIGTERM (or SIGINT) skips the wait.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from talestream.runs import RunManager

log = logging.getLogger(__name__)


def install_drain(runs: RunManager, seconds: float) -> Callable[[], None]:
    """Puts the drain in front of the server's SIGTERM handler; returns the undo. A no-op off the
    main thread (the tests' in-thread servers) or when nothing handles SIGTERM yet."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.getsignal(signal.SIGTERM)
    if not callable(previous):
        return lambda: None
    loop = asyncio.get_running_loop()
    tasks: set[asyncio.Task[Any]] = set()

    def shut_down(sig: int, frame: FrameType | None) -> None:
        assert callable(previous)
        previous(sig, frame)

    async def drain_then_shut_down(sig: int, frame: FrameType | None) -> None:
        log.info("SIGTERM: draining %d running stories for up to %ss", runs.running, seconds)
        try:
            await runs.drain(seconds)
        finally:
            shut_down(sig, frame)

    def on_sigterm(sig: int, frame: FrameType | None) -> None:
        if not runs.accepting:
            shut_down(sig, frame)  # a second SIGTERM: no more waiting
            return
        runs.accepting = False
        task = loop.create_task(drain_then_shut_down(sig, frame))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    def undo() -> None:
        signal.signal(signal.SIGTERM, previous)

    signal.signal(signal.SIGTERM, on_sigterm)
    return undo


@contextmanager
def frozen_startup_heap() -> Iterator[None]:
    """Keep what start-up loaded out of the cyclic garbage collector's full passes.

    The safety models, lexicons, language data and the app itself are about 250,000 objects that
    live as long as the worker. Each full collection re-scanned them all, stalling the event loop,
    and with it every live stream, for 100 ms and more (bench/login_burst.py). Frozen objects are
    skipped; unfreezing at shutdown hands them back, so an app torn down in a long-lived process
    (the tests) leaves no uncollectable cycles behind.
    """
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
