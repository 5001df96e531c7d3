from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from talestream.db.base import Base, TimestampMixin


class User(TimestampMixin, Base):
    __tablename__ = "users"
    # SQLite would otherwise hand a deleted account's id to the next new account.
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased so "Ann@x.org" and "ann@x.org" are one account.
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
