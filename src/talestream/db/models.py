"""Imports every model so `Base.metadata` is complete (Alembic autogenerate, tests)."""

from talestream.auth.models import BrowserSession, RefreshToken
from talestream.children.models import Child
from talestream.db.base import Base
from talestream.safetylog.models import SafetyEvent
from talestream.stories.models import Chapter, Story
from talestream.users.models import User

__all__ = [
    "Base",
    "BrowserSession",
    "Chapter",
    "Child",
    "RefreshToken",
    "SafetyEvent",
    "Story",
    "User",
]
