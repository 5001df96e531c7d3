"""Rate limits on logins, registrations and password checks (guessing passwords, filling the
database) and story generation (a model's time is precious),
with the `limits` library: in memory for one process, in Redis across workers and hosts."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager

from limits import RateLimitItem, parse_many
from limits.aio.storage import Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string
from redis.exceptions import RedisError

from talestream.config import Settings
from talestream.errors import ErrorCode, RateLimited, Unavailable

log = logging.getLogger(__name__)


@contextmanager
def _reachable() -> Iterator[None]:
    """A shared store (Redis) that cannot be reached refuses the request with 503 and
    Retry-After: failing open would lift the limits on password guessing exactly when the
    store is down, and a bare 500 would tell the client nothing."""
    try:
        yield
    except RedisError as error:
        raise Unavailable(
            "Requests cannot be checked against their limits right now; please try again shortly.",
            ErrorCode.RATE_LIMIT_UNAVAILABLE,
        ) from error


class RateLimits:
    def __init__(self, settings: Settings) -> None:
        uri = settings.rate_limit_storage
        options = {"implementation": "redispy"} if uri.startswith("redis") else {}
        storage = storage_from_string(f"async+{uri}", **options)
        assert isinstance(storage, Storage)  # the "async+" scheme gives the asyncio storage
        self.storage = storage
        self.limiter = MovingWindowRateLimiter(self.storage)
        self.login = parse_many(settings.rate_limit_login)
        self.login_address = parse_many(settings.rate_limit_login_address)
        self.register = parse_many(settings.rate_limit_register)
        self.password_check = parse_many(settings.rate_limit_password_check)
        self.generate = parse_many(settings.rate_limit_generate)

    async def check(self, items: list[RateLimitItem], *key: str, what: str) -> None:
        """Counts one hit against every limit; RateLimited (429 with Retry-After) when over."""
        with _reachable():
            for item in items:
                if not await self.limiter.hit(item, *key):
                    await self._refuse(item, key, what)

    async def ensure_room(self, items: list[RateLimitItem], *key: str, what: str) -> None:
        """RateLimited if one more hit would be over a limit; counts nothing."""
        with _reachable():
            for item in items:
                if not await self.limiter.test(item, *key):
                    await self._refuse(item, key, what)

    async def count(self, items: list[RateLimitItem], *key: str) -> None:
        """Counts one hit that is refused anyway for another reason (never raises: the refusal
        it goes with says more than an unreachable store)."""
        try:
            for item in items:
                await self.limiter.hit(item, *key)
        except RedisError:
            log.warning("a refused request could not be counted: the rate-limit store is down")

    async def _refuse(self, item: RateLimitItem, key: tuple[str, ...], what: str) -> None:
        stats = await self.limiter.get_window_stats(item, *key)
        wait = max(1, math.ceil(stats.reset_time - time.time()))
        raise RateLimited(f"Too many {what} for now; please try again in {_human(wait)}.", wait)


def _human(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} seconds"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} minutes"
    return f"{round(seconds / 3600)} hours"
