from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from talestream.db.base import Base, TimestampMixin


class Child(TimestampMixin, Base):
    __tablename__ = "children"
    # Never reuse a deleted child's id on SQLite (PostgreSQL sequences never do).
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    age: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(8))
    reading_level: Mapped[str] = mapped_column(String(16))
    interests: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Parents' preferences: topics kept out of every story, and how long a chapter should be.
    avoid_topics: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    chapter_length: Mapped[str] = mapped_column(
        String(8), default="medium", server_default="medium"
    )
