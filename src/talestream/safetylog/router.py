"""`/api/v1/children/{child_id}/safety`: a child's safety log, for their parent."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from talestream.auth.dependencies import CurrentUser
from talestream.children.service import get_owned_child
from talestream.deps import DbDep
from talestream.safetylog.service import summary

router = APIRouter(prefix="/api/v1/children", tags=["children"])


@router.get("/{child_id}/safety")
async def read_child_safety(child_id: int, user: CurrentUser, db: DbDep) -> dict[str, Any]:
    """What the safety net caught for this child: refused requests and rejected story attempts
    (counts by kind and category, and the most recent ones with what was found)."""
    await get_owned_child(db, user, child_id)
    return await summary(db, child_id)
