"""Writing to and reading from the safety log."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from talestream.safety import SafetyIssue
from talestream.safetylog.models import SafetyEvent

Kind = Literal["request", "output"]


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
    story it belonged to is not."""
    rows = [i.model_dump() if isinstance(i, SafetyIssue) else i for i in issues]
    session.add(
        SafetyEvent(
            owner_id=owner_id,
            child_id=child_id,
            kind=kind,
            theme=theme[:60],
            chapter_number=chapter_number,
            attempt=attempt,
            issues=rows,
        )
    )
    await session.commit()


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
