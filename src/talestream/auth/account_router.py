"""`/api/v1/users/me`: read, update and delete your own account.

It lives in `auth`, not `users`: it needs the current login and the password rules, and `auth`
already builds on `users` (the account model), so `users` stays free of `auth`."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from sqlalchemy.exc import IntegrityError

from talestream.auth.dependencies import CurrentUser, IdentityDep
from talestream.auth.passwords import hash_password, verify_password
from talestream.auth.schemas import UserUpdate
from talestream.auth.service import end_other_logins
from talestream.deps import DbDep, get_services
from talestream.errors import Conflict, ErrorCode, Forbidden
from talestream.users.schemas import UserOut

router = APIRouter(prefix="/api/v1/users", tags=["users"])


@router.get("/me", response_model=UserOut)
async def read_me(user: CurrentUser) -> UserOut:
    return UserOut.model_validate(user)


@router.patch("/me", response_model=UserOut)
async def update_me(
    request: Request, body: UserUpdate, identity: IdentityDep, db: DbDep
) -> UserOut:
    """A password change ends every other login of the account (docs/auth.md)."""
    user = identity.user
    if body.current_password is not None:
        # A stolen session must not become a way to guess the password.
        limits = get_services(request).rate_limits
        await limits.check(limits.password_check, "password", str(user.id), what="password checks")
        await db.commit()  # no pooled connection held while waiting for a hashing slot
        valid, _ = await verify_password(body.current_password, user.password_hash)
        if not valid:
            raise Forbidden("current_password is wrong", ErrorCode.WRONG_PASSWORD)
    if body.name is not None:
        user.name = body.name
    if body.email is not None:
        user.email = body.email.lower()
    if body.password is not None:
        user.password_hash = await hash_password(body.password)
        session_id = identity.session.id if identity.session is not None else None
        await end_other_logins(db, user.id, identity.family, session_id)
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
