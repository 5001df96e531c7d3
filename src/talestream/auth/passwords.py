"""Argon2id password hashing (pwdlib's recommended parameters), off the event loop.

One hash costs tens of milliseconds of CPU on several threads and 64 MiB of memory. Run on the
event loop, a burst of logins would stall every open story stream. So hashing runs on a small pool
of worker threads (argon2 releases the GIL): at most `HASH_CONCURRENCY` hashes at a time, which
also caps the memory a burst can claim, and at a lower CPU priority than the event loop, so a
burst makes logins wait, never the streams (bench/login_burst.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor

from pwdlib import PasswordHash

_hasher = PasswordHash.recommended()
# Verifying against this when the email is unknown keeps login timing the same either way.
_DUMMY_HASH = _hasher.hash("timing-equaliser-not-a-password")
# Leave a core for the event loop; the rest queue.
HASH_CONCURRENCY = max(1, (os.cpu_count() or 2) - 1)
HASH_NICENESS = 10


def _lower_priority() -> None:
    # Linux applies a thread id's niceness to that thread alone, and argon2's lane threads
    # inherit it. Lowering one's own priority needs no privilege.
    with contextlib.suppress(AttributeError, OSError):  # other platforms keep the default
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), HASH_NICENESS)


_pool = ThreadPoolExecutor(
    HASH_CONCURRENCY, thread_name_prefix="password-hash", initializer=_lower_priority
)


def _verify(password: str, password_hash: str | None) -> tuple[bool, str | None]:
    if password_hash is None:
        _hasher.verify(password, _DUMMY_HASH)
        return False, None
    return _hasher.verify_and_update(password, password_hash)


async def hash_password(password: str) -> str:
    return await asyncio.get_running_loop().run_in_executor(_pool, _hasher.hash, password)


async def verify_password(password: str, password_hash: str | None) -> tuple[bool, str | None]:
    """Returns (valid, new_hash); new_hash is set when the stored hash uses outdated parameters."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_pool, _verify, password, password_hash)
