from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from talestream.children.models import Child
from talestream.errors import forbidden, not_found
from talestream.users.models import User


async def get_owned_child(db: AsyncSession, user: User, child_id: int) -> Child:
    """404 when no such child exists, 403 when it is someone else's (the seed documents' codes)."""
    child = await db.get(Child, child_id)
    if child is None:
        raise not_found(f"child profile {child_id} does not exist")
    if child.owner_id != user.id:
        raise forbidden(f"child profile {child_id} belongs to another account")
    return child


async def list_children(db: AsyncSession, user: User) -> list[Child]:
    rows = await db.scalars(select(Child).where(Child.owner_id == user.id).order_by(Child.id))
    return list(rows)
