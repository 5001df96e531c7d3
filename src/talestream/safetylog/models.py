"""The safety log's table: one row per refused request or rejected story attempt."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from talestream.db.base import Base, TimestampMixin


class SafetyEvent(TimestampMixin, Base):
    __tablename__ = "safety_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    child_id: Mapped[int | None] = mapped_column(
        ForeignKey("children.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # "request" (input policy) or "output"
    theme: Mapped[str] = mapped_column(String(60))
    chapter_number: Mapped[int]
    attempt: Mapped[int]
    # [{category, severity, excerpt}] for output; [{category: "request", excerpt: reason}] for input
    issues: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
