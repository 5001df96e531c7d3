"""Database access: SQLAlchemy 2 async engine, sessions and Alembic migrations."""

from talestream.db.base import Base, Database

__all__ = ["Base", "Database"]
