"""Writing to and reading from the safety log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from talestream.safety import SafetyIssue
from talestream.safetylog.models import SafetyEvent

Kind = Literal["request", "output"]


# An identical event within this window is a repeat (a refused request sent again and again):
# it is counted by the generation rate limit, not written again.
REPEAT_WINDOW = timedelta(minutes=10)


async def record(
    session: AsyncSession,
    *,
    owner_id: int,
    child_id: int | None,
    kind: Kind,
    theme: str,
    chapter_number: int,
    attempt: int,
    issues: list[SafetyIssue] | list[dict[str, Any]],
) -> None:
    """Adds the event and commits, in its own transaction: a rejection is kept even though the
    story it belonged to is not. An identical repeat of the latest event is not added."""
    rows = [i.model_dump() if isinstance(i, SafetyIssue) else i for i in issues]
    theme = theme[:60]
    latest = await session.scalar(
        select(SafetyEvent)
        .where(
            SafetyEvent.owner_id == owner_id,
            SafetyEvent.child_id.is_(None)
            if child_id is None
            else SafetyEvent.child_id == child_id,
            SafetyEvent.kind == kind,
        )
        .order_by(SafetyEvent.id.desc())
        .limit(1)
    )
    if (
        latest is not None
        and (latest.theme, latest.chapter_number, latest.attempt, latest.issues)
        == (theme, chapter_number, attempt, rows)
        and _aware(latest.created_at) > datetime.now(UTC) - REPEAT_WINDOW
    ):
        return
    session.add(
        SafetyEvent(
            owner_id=owner_id,
            child_id=child_id,
            kind=kind,
            theme=theme,
            chapter_number=chapter_number,
            attempt=attempt,
            issues=rows,
        )
    )
    await session.commit()


def _aware(moment: datetime) -> datetime:
    # SQLite returns naive datetimes even for timezone-aware columns.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def summary(db: AsyncSession, child_id: int, recent: int = 20) -> dict[str, Any]:
    """Counts by kind and by category, and the `recent` latest events. A child's log is small:
    one read of it, newest first, gives all three."""
    events = list(
        await db.scalars(
            select(SafetyEvent)
            .where(SafetyEvent.child_id == child_id)
            .order_by(SafetyEvent.created_at.desc(), SafetyEvent.id.desc())
        )
    )
    by_kind = {"request": 0, "output": 0}
    by_category: dict[str, int] = {}
    for event in events:
        by_kind[event.kind] = by_kind.get(event.kind, 0) + 1
        for category in {i.get("category", "other") for i in event.issues}:
            by_category[category] = by_category.get(category, 0) + 1
    return {
        "child_id": child_id,
        "rejections": len(events),
        "by_kind": by_kind,
        "by_category": dict(sorted(by_category.items())),
        "recent": [_event_out(e) for e in events[:recent]],
    }


def _event_out(event: SafetyEvent) -> dict[str, Any]:
    created: datetime = event.created_at
    return {
        "at": created.isoformat(),
        "kind": event.kind,
        "theme": event.theme,
        "chapter_number": event.chapter_number,
        "attempt": event.attempt,
        "issues": event.issues,
    }
