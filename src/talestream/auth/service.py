"""Account and credential operations, usable without HTTP (CLI, tests)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from talestream.auth.models import BrowserSession, RefreshToken
from talestream.auth.passwords import hash_password, verify_password
from talestream.auth.schemas import TokenPair
from talestream.auth.tokens import (
    create_access_token,
    hash_token,
    new_opaque_token,
)
from talestream.config import Settings
from talestream.errors import Conflict, ErrorCode, Unauthorized
from talestream.users.models import User


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    # SQLite returns naive datetimes even for timezone-aware columns.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def register_user(db: AsyncSession, email: str, password: str, name: str) -> User:
    user = User(email=email.lower(), name=name, password_hash=await hash_password(password))
    db.add(user)
    try:
        await db.commit()
    except IntegrityError:
        await db.rollback()
        raise Conflict("an account with this email already exists", ErrorCode.EMAIL_TAKEN) from None
    return user


async def authenticate(db: AsyncSession, email: str, password: str) -> User:
    user = await db.scalar(select(User).where(User.email == email.lower()))
    # Hand the connection back while the hash runs: a burst of logins waiting for a hashing
    # thread must not hold the pool that every other request needs.
    await db.commit()
    valid, new_hash = await verify_password(password, user.password_hash if user else None)
    if user is None or not valid:
        raise Unauthorized("wrong email or password")
    if new_hash:
        user.password_hash = new_hash
        await db.commit()
    return user


def new_family() -> str:
    return str(uuid.uuid4())


async def issue_tokens(
    db: AsyncSession, settings: Settings, user_id: int, family: str
) -> TokenPair:
    refresh = new_opaque_token()
    db.add(
        RefreshToken(
            user_id=user_id,
            family=family,
            token_hash=hash_token(refresh),
            expires_at=_now() + timedelta(days=settings.refresh_token_ttl_days),
        )
    )
    await db.commit()
    access = create_access_token(
        settings.signing_key, user_id, settings.access_token_ttl_seconds, family
    )
    return TokenPair(
        access_token=access, refresh_token=refresh, expires_in=settings.access_token_ttl_seconds
    )


async def revoke_family(db: AsyncSession, family: str) -> None:
    await db.execute(
        update(RefreshToken)
        .where(RefreshToken.family == family, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=_now())
    )
    await db.commit()


def _reused() -> Unauthorized:
    return Unauthorized(
        "refresh token was already used; every session of that login has been signed out",
        ErrorCode.REFRESH_TOKEN_REUSED,
    )


async def rotate_refresh_token(db: AsyncSession, settings: Settings, token: str) -> TokenPair:
    """Trade a refresh token for a new pair. Presenting an already-rotated token is treated as
    theft: the whole family (every token descended from that login) is revoked.

    Marking the token used is one conditional UPDATE, so of two simultaneous uses exactly one
    wins on either database; the loser is a reuse like any other."""
    token_hash = hash_token(token)
    claimed = (
        await db.execute(
            update(RefreshToken)
            .where(
                RefreshToken.token_hash == token_hash,
                RefreshToken.used_at.is_(None),
                RefreshToken.revoked_at.is_(None),
            )
            .values(used_at=_now())
            .returning(RefreshToken.user_id, RefreshToken.family, RefreshToken.expires_at)
        )
    ).one_or_none()
    if claimed is None:
        await db.rollback()
        row = await db.scalar(select(RefreshToken).where(RefreshToken.token_hash == token_hash))
        if row is None or row.revoked_at is not None:
            raise Unauthorized("refresh token is invalid or revoked; log in again")
        await end_login(db, row.user_id, row.family, None)
        raise _reused()
    user_id, family, expires_at = claimed
    if _aware(expires_at) <= _now():
        await db.commit()  # spent either way
        raise Unauthorized("refresh token expired; log in again")
    return await issue_tokens(db, settings, user_id, family)


async def login_ended(db: AsyncSession, family: str, user_id: int) -> bool:
    """True unless the login's family still has rows for this user and none is revoked. A family
    whose rows are gone (the account was deleted) counts as ended, so a token can never open an
    account it was not issued for."""
    total, revoked = (
        await db.execute(
            select(func.count(), func.count(RefreshToken.revoked_at)).where(
                RefreshToken.family == family, RefreshToken.user_id == user_id
            )
        )
    ).one()
    return total == 0 or revoked > 0


async def end_login(
    db: AsyncSession, user_id: int, family: str | None, session_id: int | None
) -> None:
    """Logout: the refresh tokens, access tokens and cookie session of one login end together."""
    if family is not None:
        await db.execute(
            delete(BrowserSession).where(
                BrowserSession.user_id == user_id, BrowserSession.family == family
            )
        )
        await revoke_family(db, family)
    if session_id is not None:
        await db.execute(delete(BrowserSession).where(BrowserSession.id == session_id))
    await db.commit()


async def end_other_logins(
    db: AsyncSession, user_id: int, keep_family: str | None, keep_session_id: int | None
) -> None:
    """After a password change every other login of the account ends: its refresh and access
    tokens and its cookie sessions. The login that made the change stays signed in."""
    other_tokens = [RefreshToken.family != keep_family] if keep_family else []
    await db.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None), *other_tokens)
        .values(revoked_at=_now())
    )
    other_sessions = [BrowserSession.id != keep_session_id] if keep_session_id else []
    if keep_family:
        # Sessions from before logins had families (NULL) are "other" too.
        other_sessions.append(func.coalesce(BrowserSession.family, "") != keep_family)
    await db.execute(
        delete(BrowserSession).where(BrowserSession.user_id == user_id, *other_sessions)
    )


async def revoke_refresh_token(db: AsyncSession, user_id: int, token: str) -> None:
    row = await db.scalar(
        select(RefreshToken).where(
            RefreshToken.token_hash == hash_token(token), RefreshToken.user_id == user_id
        )
    )
    if row is not None:
        await end_login(db, user_id, row.family, None)


@dataclass(frozen=True, slots=True)
class NewBrowserSession:
    token: str
    csrf_token: str
    max_age: int


async def create_browser_session(
    db: AsyncSession, settings: Settings, user_id: int, family: str
) -> NewBrowserSession:
    token, csrf = new_opaque_token(), new_opaque_token()
    ttl = timedelta(hours=settings.session_ttl_hours)
    db.add(
        BrowserSession(
            user_id=user_id,
            family=family,
            token_hash=hash_token(token),
            csrf_token=csrf,
            expires_at=_now() + ttl,
        )
    )
    await db.commit()
    return NewBrowserSession(token, csrf, int(ttl.total_seconds()))


async def find_browser_session(db: AsyncSession, token: str) -> BrowserSession | None:
    row = await db.scalar(
        select(BrowserSession).where(BrowserSession.token_hash == hash_token(token))
    )
    if row is None:
        return None
    if _aware(row.expires_at) <= _now():
        await db.delete(row)
        await db.commit()
        return None
    return row
