"""Account and credential operations, usable without HTTP (CLI, tests)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
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
    user = User(email=email.lower(), name=name, password_hash=hash_password(password))
    db.add(user)
    try:
        await db.commit()
    except IntegrityError:
        await db.rollback()
        raise Conflict("an account with this email already exists", ErrorCode.EMAIL_TAKEN) from None
    return user


async def authenticate(db: AsyncSession, email: str, password: str) -> User:
    user = await db.scalar(select(User).where(User.email == email.lower()))
    valid, new_hash = verify_password(password, user.password_hash if user else None)
    if user is None or not valid:
        raise Unauthorized("wrong email or password")
    if new_hash:
        user.password_hash = new_hash
        await db.commit()
    return user


async def issue_tokens(
    db: AsyncSession, settings: Settings, user_id: int, family: str | None = None
) -> TokenPair:
    family = family or str(uuid.uuid4())
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


async def rotate_refresh_token(db: AsyncSession, settings: Settings, token: str) -> TokenPair:
    """Trade a refresh token for a new pair. Presenting an already-rotated token is treated as
    theft: the whole family (every token descended from that login) is revoked."""
    row = await db.scalar(select(RefreshToken).where(RefreshToken.token_hash == hash_token(token)))
    if row is None or row.revoked_at is not None:
        raise Unauthorized("refresh token is invalid or revoked; log in again")
    if row.used_at is not None:
        await revoke_family(db, row.family)
        raise Unauthorized(
            "refresh token was already used; every session of that login has been signed out",
            ErrorCode.REFRESH_TOKEN_REUSED,
        )
    if _aware(row.expires_at) <= _now():
        raise Unauthorized("refresh token expired; log in again")
    row.used_at = _now()
    return await issue_tokens(db, settings, row.user_id, row.family)


async def family_revoked(db: AsyncSession, family: str) -> bool:
    revoked = await db.scalar(
        select(RefreshToken.id)
        .where(RefreshToken.family == family, RefreshToken.revoked_at.is_not(None))
        .limit(1)
    )
    return revoked is not None


async def revoke_refresh_token(db: AsyncSession, user_id: int, token: str) -> None:
    row = await db.scalar(
        select(RefreshToken).where(
            RefreshToken.token_hash == hash_token(token), RefreshToken.user_id == user_id
        )
    )
    if row is not None:
        await revoke_family(db, row.family)


@dataclass(frozen=True, slots=True)
class NewBrowserSession:
    token: str
    csrf_token: str
    max_age: int


async def create_browser_session(
    db: AsyncSession, settings: Settings, user_id: int
) -> NewBrowserSession:
    token, csrf = new_opaque_token(), new_opaque_token()
    ttl = timedelta(hours=settings.session_ttl_hours)
    db.add(
        BrowserSession(
            user_id=user_id, token_hash=hash_token(token), csrf_token=csrf, expires_at=_now() + ttl
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


async def end_browser_session(db: AsyncSession, session: BrowserSession) -> None:
    await db.delete(session)
    await db.commit()
