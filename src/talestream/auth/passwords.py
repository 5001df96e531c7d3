"""Argon2id password hashing (pwdlib's recommended parameters), off the event loop.

One hash costs tens of milliseconds of CPU and 64 MiB of memory. Run on the event loop, a burst of
logins would stall every open story stream; so hashing runs in worker threads (argon2 releases the
GIL), at most `HASH_CONCURRENCY` at a time, which also caps the memory a burst can claim.
"""

from __future__ import annotations

import asyncio
import os
import weakref

from pwdlib import PasswordHash

_hasher = PasswordHash.recommended()
# Verifying against this when the email is unknown keeps login timing the same either way.
_DUMMY_HASH = _hasher.hash("timing-equaliser-not-a-password")
# Leave a core for the event loop; the rest queue (a login waits, a stream does not).
HASH_CONCURRENCY = max(1, (os.cpu_count() or 2) - 1)


# One semaphore per event loop: tests and the CLI run several loops in one process.
_semaphores: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


def _slots(loop: asyncio.AbstractEventLoop) -> asyncio.Semaphore:
    if loop not in _semaphores:
        _semaphores[loop] = asyncio.Semaphore(HASH_CONCURRENCY)
    return _semaphores[loop]


async def hash_password(password: str) -> str:
    async with _slots(asyncio.get_running_loop()):
        return await asyncio.to_thread(_hasher.hash, password)


def _verify(password: str, password_hash: str | None) -> tuple[bool, str | None]:
    if password_hash is None:
        _hasher.verify(password, _DUMMY_HASH)
        return False, None
    return _hasher.verify_and_update(password, password_hash)


async def verify_password(password: str, password_hash: str | None) -> tuple[bool, str | None]:
    """Returns (valid, new_hash); new_hash is set when the stored hash uses outdated parameters."""
    async with _slots(asyncio.get_running_loop()):
        return await asyncio.to_thread(_verify, password, password_hash)
