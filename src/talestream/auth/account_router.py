"""`/api/v1/users/me`: read, update and delete your own account.

It lives in `auth`, not `users`: it needs the current login and the password rules, and `auth`
already builds on `users` (the account model), so `users` stays free of `auth`."""

from __future__ import annotations

from fastapi import APIRouter, Response, status
from sqlalchemy.exc import IntegrityError

from talestream.auth.dependencies import CurrentUser
from talestream.auth.passwords import hash_password, verify_password
from talestream.auth.schemas import UserUpdate
from talestream.deps import DbDep
from talestream.errors import Conflict, ErrorCode, Forbidden
from talestream.users.schemas import UserOut

router = APIRouter(prefix="/api/v1/users", tags=["users"])


@router.get("/me", response_model=UserOut)
async def read_me(user: CurrentUser) -> UserOut:
    return UserOut.model_validate(user)


@router.patch("/me", response_model=UserOut)
async def update_me(body: UserUpdate, user: CurrentUser, db: DbDep) -> UserOut:
    if body.current_password is not None:
        valid, _ = verify_password(body.current_password, user.password_hash)
        if not valid:
            raise Forbidden("current_password is wrong", ErrorCode.WRONG_PASSWORD)
    if body.name is not None:
        user.name = body.name
    if body.email is not None:
        user.email = body.email.lower()
    if body.password is not None:
        user.password_hash = hash_password(body.password)
    try:
        await db.commit()
    except IntegrityError:
        await db.rollback()
        raise Conflict("an account with this email already exists", ErrorCode.EMAIL_TAKEN) from None
    return UserOut.model_validate(user)


@router.delete("/me", status_code=status.HTTP_204_NO_CONTENT)
async def delete_me(user: CurrentUser, db: DbDep) -> Response:
    """Deletes the account and, through cascading foreign keys, every child, story and session."""
    await db.delete(user)
    await db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
