"""A fair first-come-first-served gate in front of a model with limited concurrency.

asyncio.Semaphore does not promise FIFO order to waiters woken after cancellation, and cannot say
where a waiter stands. Story requests need both: the stream tells the child how many are ahead.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class FairGate:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._granted: set[asyncio.Future[None]] = set()
        self._waiters: deque[asyncio.Future[None]] = deque()

    @property
    def running(self) -> int:
        return len(self._granted)

    @property
    def waiting(self) -> int:
        return len(self._waiters)

    def position(self, ticket: asyncio.Future[None]) -> int:
        """1-based place in the queue (0 once admitted)."""
        try:
            return self._waiters.index(ticket) + 1
        except ValueError:
            return 0

    def enqueue(self) -> asyncio.Future[None]:
        ticket: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if len(self._granted) < self.capacity and not self._waiters:
            self._grant(ticket)
        else:
            self._waiters.append(ticket)
        return ticket

    def leave(self, ticket: asyncio.Future[None]) -> None:
        """Leave the queue, or give the slot back if it was granted. Safe to call twice."""
        if ticket in self._granted:
            self._granted.discard(ticket)
            while self._waiters and len(self._granted) < self.capacity:
                waiter = self._waiters.popleft()
                if not waiter.done():  # a waiter cancelled from outside just drops out
                    self._grant(waiter)
        elif ticket in self._waiters:
            self._waiters.remove(ticket)
            ticket.cancel()

    def _grant(self, ticket: asyncio.Future[None]) -> None:
        self._granted.add(ticket)
        ticket.set_result(None)

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        ticket = self.enqueue()
        try:
            await ticket
            yield
        finally:
            self.leave(ticket)
