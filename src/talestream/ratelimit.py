"""Rate limits on logins (guessing passwords) and story generation (a model's time is precious),
with the `limits` library: in memory for one process, in Redis across workers and hosts."""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, parse_many
from limits.aio.storage import Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from talestream.config import Settings
from talestream.errors import RateLimited


class RateLimits:
    def __init__(self, settings: Settings) -> None:
        uri = settings.rate_limit_storage
        options = {"implementation": "redispy"} if uri.startswith("redis") else {}
        storage = storage_from_string(f"async+{uri}", **options)
        assert isinstance(storage, Storage)  # the "async+" scheme gives the asyncio storage
        self.storage = storage
        self.limiter = MovingWindowRateLimiter(self.storage)
        self.login = parse_many(settings.rate_limit_login)
        self.generate = parse_many(settings.rate_limit_generate)

    async def check(self, items: list[RateLimitItem], *key: str, what: str) -> None:
        """Counts one hit against every limit; RateLimited (429 with Retry-After) when over."""
        for item in items:
            if not await self.limiter.hit(item, *key):
                stats = await self.limiter.get_window_stats(item, *key)
                wait = max(1, math.ceil(stats.reset_time - time.time()))
                raise RateLimited(
                    f"Too many {what} for now; please try again in {_human(wait)}.", wait
                )


def _human(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} seconds"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} minutes"
    return f"{round(seconds / 3600)} hours"
