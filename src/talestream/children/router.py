"""`/api/v1/children/`: a parent's child profiles."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from talestream.auth.dependencies import CurrentUser
from talestream.children.models import Child
from talestream.children.schemas import ChildCreate, ChildOut, ChildUpdate
from talestream.children.service import get_owned_child, list_children
from talestream.deps import DbDep

router = APIRouter(prefix="/api/v1/children", tags=["children"])


@router.post("/", status_code=status.HTTP_201_CREATED, response_model=ChildOut)
async def create_child(body: ChildCreate, user: CurrentUser, db: DbDep) -> ChildOut:
    child = Child(owner_id=user.id, **body.model_dump())
    db.add(child)
    await db.commit()
    return ChildOut.model_validate(child)


@router.get("/", response_model=list[ChildOut])
async def read_children(user: CurrentUser, db: DbDep) -> list[ChildOut]:
    return [ChildOut.model_validate(c) for c in await list_children(db, user)]


@router.get("/{child_id}", response_model=ChildOut)
async def read_child(child_id: int, user: CurrentUser, db: DbDep) -> ChildOut:
    return ChildOut.model_validate(await get_owned_child(db, user, child_id))


@router.patch("/{child_id}", response_model=ChildOut)
async def update_child(child_id: int, body: ChildUpdate, user: CurrentUser, db: DbDep) -> ChildOut:
    child = await get_owned_child(db, user, child_id)
    for field, value in body.model_dump(exclude_unset=True).items():
        if value is None:
            continue  # null means "leave as it is"; every stored field is required
        setattr(child, field, value)
    await db.commit()
    return ChildOut.model_validate(child)


@router.put("/{child_id}", response_model=ChildOut)
async def replace_child(child_id: int, body: ChildCreate, user: CurrentUser, db: DbDep) -> ChildOut:
    child = await get_owned_child(db, user, child_id)
    for field, value in body.model_dump().items():
        setattr(child, field, value)
    await db.commit()
    return ChildOut.model_validate(child)


@router.delete("/{child_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_child(child_id: int, user: CurrentUser, db: DbDep) -> Response:
    child = await get_owned_child(db, user, child_id)
    await db.delete(child)
    await db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
