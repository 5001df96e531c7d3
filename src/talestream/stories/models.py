from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from talestream.db.base import Base, TimestampMixin, utcnow


class Story(TimestampMixin, Base):
    __tablename__ = "stories"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # A child's stories are that child's personal data: they go when the profile goes.
    child_id: Mapped[int | None] = mapped_column(
        ForeignKey("children.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(120))
    theme: Mapped[str] = mapped_column(String(60))
    language: Mapped[str] = mapped_column(String(8))
    age: Mapped[int] = mapped_column(Integer)
    hero_name: Mapped[str | None] = mapped_column(String(50))
    idea: Mapped[str | None] = mapped_column(String(500))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    finished_at: Mapped[datetime | None]

    chapters: Mapped[list[Chapter]] = relationship(
        back_populates="story",
        order_by="Chapter.number",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Chapter(TimestampMixin, Base):
    __tablename__ = "chapters"
    __table_args__ = (UniqueConstraint("story_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    choice_question: Mapped[str] = mapped_column(String(200))
    choices: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    # The choice in the previous chapter that led here (None for chapter 1).
    chosen_index: Mapped[int | None] = mapped_column(Integer)
    chosen_text: Mapped[str | None] = mapped_column(String(200))
    estimated_reading_time: Mapped[int] = mapped_column(Integer)
    vocabulary_level: Mapped[str] = mapped_column(String(16))
    educational_elements: Mapped[list[str]] = mapped_column(JSON)
    safety_score: Mapped[float] = mapped_column(Float)
    safety: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The quality gate's verdict (None for chapters written before the gate existed).
    quality: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    model: Mapped[str] = mapped_column(String(100))

    story: Mapped[Story] = relationship(back_populates="chapters")
