"""Telling a database outage (try again later) from a bug or a constraint (not retryable)."""

from __future__ import annotations

from asyncpg.exceptions import (  # type: ignore[import-untyped]  # asyncpg ships no types
    CannotConnectNowError,
    PostgresConnectionError,
)
from asyncpg.exceptions import InterfaceError as AsyncpgInterfaceError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# Raised unwrapped by asyncpg while (re)connecting, e.g. "the database system is shutting down".
_DRIVER_OUTAGES = (
    CannotConnectNowError,
    PostgresConnectionError,
    AsyncpgInterfaceError,
    ConnectionError,  # refused or reset: a stopped server, a closed port
    TimeoutError,
    OSError,  # e.g. "could not connect": asyncpg raises the socket's own error
)


def is_outage(exc: BaseException) -> bool:
    """True when `exc` means the database cannot be reached right now, on SQLite (a locked or
    unreadable file) or PostgreSQL (stopped, restarting, unreachable, pool exhausted)."""
    if isinstance(exc, OperationalError | InterfaceError | PoolTimeout):
        return True
    if isinstance(exc, DBAPIError):
        return exc.connection_invalidated or isinstance(exc.orig, _DRIVER_OUTAGES)
    return isinstance(exc, _DRIVER_OUTAGES)
