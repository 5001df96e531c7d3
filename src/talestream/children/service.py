from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from talestream.children.models import Child
from talestream.errors import Forbidden, NotFound
from talestream.users.models import User


async def get_owned_child(db: AsyncSession, user: User, child_id: int) -> Child:
    """NotFound when no such child exists, Forbidden when it is someone else's (404 and 403, as
    the seed documents say)."""
    child = await db.get(Child, child_id)
    if child is None:
        raise NotFound(f"child profile {child_id} does not exist")
    if child.owner_id != user.id:
        raise Forbidden(f"child profile {child_id} belongs to another account")
    return child


async def list_children(db: AsyncSession, user: User) -> list[Child]:
    rows = await db.scalars(select(Child).where(Child.owner_id == user.id).order_by(Child.id))
    return list(rows)
