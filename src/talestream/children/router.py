"""`/api/v1/children/`: a parent's child profiles."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from talestream.auth.dependencies import CurrentUser
from talestream.children.models import Child
from talestream.children.schemas import ChildCreate, ChildId, ChildOut, ChildUpdate
from talestream.children.service import get_owned_child, list_children
from talestream.deps import DbDep, get_services
from talestream.errors import UnsafeRequest

router = APIRouter(prefix="/api/v1/children", tags=["children"])


def _check_avoid_topics(request: Request, topics: list[str], age: int, language: str) -> None:
    """Topics to avoid are quoted to the model, so they pass the input policy like any text a
    parent types (no instructions, no personal details)."""
    policy = get_services(request).input_policy
    for topic in topics:
        verdict = policy.check("avoid_topic", topic, age=age, language=language)
        if not verdict.ok:
            raise UnsafeRequest(verdict.reason or f"{topic!r} cannot be used")


@router.post("/", status_code=status.HTTP_201_CREATED, response_model=ChildOut)
async def create_child(
    request: Request, body: ChildCreate, user: CurrentUser, db: DbDep
) -> ChildOut:
    _check_avoid_topics(request, body.avoid_topics, body.age, body.language)
    child = Child(owner_id=user.id, **body.model_dump())
    db.add(child)
    await db.commit()
    return ChildOut.model_validate(child)


@router.get("/", response_model=list[ChildOut])
async def read_children(user: CurrentUser, db: DbDep) -> list[ChildOut]:
    return [ChildOut.model_validate(c) for c in await list_children(db, user)]


@router.get("/{child_id}", response_model=ChildOut)
async def read_child(child_id: ChildId, user: CurrentUser, db: DbDep) -> ChildOut:
    return ChildOut.model_validate(await get_owned_child(db, user, child_id))


@router.patch("/{child_id}", response_model=ChildOut)
async def update_child(
    request: Request, child_id: ChildId, body: ChildUpdate, user: CurrentUser, db: DbDep
) -> ChildOut:
    child = await get_owned_child(db, user, child_id)
    if body.avoid_topics:
        _check_avoid_topics(
            request, body.avoid_topics, body.age or child.age, body.language or child.language
        )
    for field, value in body.model_dump(exclude_unset=True).items():
        if value is None:
            continue  # null means "leave as it is"; every stored field is required
        setattr(child, field, value)
    await db.commit()
    return ChildOut.model_validate(child)


@router.put("/{child_id}", response_model=ChildOut)
async def replace_child(
    request: Request, child_id: ChildId, body: ChildCreate, user: CurrentUser, db: DbDep
) -> ChildOut:
    child = await get_owned_child(db, user, child_id)
    _check_avoid_topics(request, body.avoid_topics, body.age, body.language)
    for field, value in body.model_dump().items():
        setattr(child, field, value)
    await db.commit()
    return ChildOut.model_validate(child)


@router.delete("/{child_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_child(child_id: ChildId, user: CurrentUser, db: DbDep) -> Response:
    child = await get_owned_child(db, user, child_id)
    await db.delete(child)
    await db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
