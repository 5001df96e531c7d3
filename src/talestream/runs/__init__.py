"""Story runs that outlive the connection that started them (design.md §7).

A run writes its events to a run log (in this process, or a Redis Stream shared by every worker);
each HTTP stream reads that log and may resume after any event id it already has.
"""

from __future__ import annotations

from talestream.runs.log import (
    FINISHED,
    Entry,
    RunExpired,
    RunInfo,
    RunLog,
    RunLost,
    RunState,
    RunStoreUnavailable,
    event_id_text,
    parse_last_event_id,
)
from talestream.runs.manager import PRESENCE_TTL, Body, RunControl, RunManager, StartedRun
from talestream.runs.memory import MemoryRunLog

__all__ = [
    "FINISHED",
    "Body",
    "Entry",
    "MemoryRunLog",
    "RunControl",
    "RunExpired",
    "RunInfo",
    "RunLog",
    "RunLost",
    "RunManager",
    "RunState",
    "RunStoreUnavailable",
    "StartedRun",
    "create_run_log",
    "event_id_text",
    "parse_last_event_id",
]


def create_run_log(
    redis_url: str | None, *, ttl: float, max_events: int, lease_ttl: float
) -> RunLog:
    """A Redis Stream log when a Redis URL is configured, else the in-process one."""
    if redis_url:
        from talestream.runs.redis_log import RedisRunLog

        return RedisRunLog.from_url(
            redis_url,
            ttl=ttl,
            max_events=max_events,
            presence_ttl=PRESENCE_TTL,
            lease_ttl=lease_ttl,
        )
    return MemoryRunLog(ttl=ttl, max_events=max_events, presence_ttl=PRESENCE_TTL)
