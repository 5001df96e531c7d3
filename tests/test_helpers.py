"""The waiting helpers fail loudly at their deadline, and only then."""

from __future__ import annotations

import time

import pytest

from tests.helpers import holds_for, wait_until, wait_until_sync


async def test_wait_until_returns_once_the_condition_holds() -> None:
    ready_at = time.monotonic() + 0.05
    waited = await wait_until(lambda: time.monotonic() >= ready_at, timeout=2, message="never")
    assert 0.04 <= waited < 2


async def test_wait_until_accepts_async_predicates() -> None:
    async def ready() -> bool:
        return True

    assert await wait_until(ready, timeout=0.1, message="never") < 0.1


async def test_wait_until_fails_with_its_message_at_the_deadline() -> None:
    started = time.monotonic()
    with pytest.raises(AssertionError, match=r"the slot never freed up \(still false after"):
        await wait_until(lambda: False, timeout=0.1, message="the slot never freed up")
    assert 0.1 <= time.monotonic() - started < 1


async def test_holds_for_fails_as_soon_as_the_condition_breaks() -> None:
    broken_at = time.monotonic() + 0.05
    started = time.monotonic()
    with pytest.raises(AssertionError, match="saved after the disconnect"):
        await holds_for(
            lambda: time.monotonic() < broken_at,
            seconds=5,
            message="saved after the disconnect",
        )
    assert time.monotonic() - started < 1


async def test_holds_for_passes_when_the_condition_keeps_holding() -> None:
    await holds_for(lambda: True, seconds=0.05, message="never")


def test_wait_until_sync_fails_with_its_message_at_the_deadline() -> None:
    with pytest.raises(AssertionError, match="did not come up"):
        wait_until_sync(lambda: False, timeout=0.1, message="did not come up")
