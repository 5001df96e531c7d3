"""Resetting a forgotten password by email.

The link carries a signed token (HS256 with the app's key) that names the account, expires after
`TALESTREAM_PASSWORD_RESET_TTL_MINUTES` and is bound to a fingerprint of the current password
hash: once the password changes (this reset, or any other change) every earlier link stops
working, so a link is single-use without a table of issued tokens. The token travels in the
link's fragment (`#/reset?token=`), which browsers send neither to the server nor in a Referer.

A completed reset ends every session of the account: refresh-token families are revoked (which
also refuses their access tokens) and cookie sessions are deleted.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from datetime import UTC, datetime, timedelta

import jwt
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from talestream.auth.common_passwords import refuse_guessable
from talestream.auth.passwords import hash_password
from talestream.auth.schemas import check_password_policy
from talestream.auth.service import end_other_logins
from talestream.auth.tokens import ALGORITHM, ISSUER
from talestream.config import Settings
from talestream.errors import ErrorCode, ValidationFailed
from talestream.mail import send_mail
from talestream.users.models import User

PURPOSE = "password-reset"
log = logging.getLogger(__name__)


def _fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:32]


def reset_token(settings: Settings, user: User) -> str:
    now = datetime.now(UTC)
    claims = {
        "sub": str(user.id),
        "iat": now,
        "exp": now + timedelta(minutes=settings.password_reset_ttl_minutes),
        "iss": ISSUER,
        "typ": PURPOSE,
        "pwd": _fingerprint(user.password_hash),
    }
    return jwt.encode(claims, settings.signing_key, algorithm=ALGORITHM)


def reset_link(settings: Settings, token: str) -> str:
    return f"{settings.public_url}/#/reset?token={token}"


_INVALID = "this reset link is invalid, expired or already used: ask for a new one"


async def _user_for_token(db: AsyncSession, settings: Settings, token: str) -> User:
    try:
        claims = jwt.decode(
            token,
            settings.signing_key,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["sub", "exp", "iat", "iss"]},
        )
        user_id = int(claims["sub"])
    except (jwt.PyJWTError, TypeError, ValueError):
        raise ValidationFailed(_INVALID, ErrorCode.RESET_TOKEN_INVALID) from None
    if claims.get("typ") != PURPOSE:
        raise ValidationFailed(_INVALID, ErrorCode.RESET_TOKEN_INVALID)
    user = await db.get(User, user_id)
    if user is None or not hmac.compare_digest(
        str(claims.get("pwd", "")), _fingerprint(user.password_hash)
    ):
        raise ValidationFailed(_INVALID, ErrorCode.RESET_TOKEN_INVALID)
    return user


async def confirm_reset(db: AsyncSession, settings: Settings, token: str, password: str) -> None:
    """Sets the new password (with the same rules as registering) and ends every session."""
    user = await _user_for_token(db, settings, token)
    try:
        refuse_guessable(check_password_policy(password), [user.email, user.name])
    except ValueError as exc:
        raise ValidationFailed(str(exc)) from None
    user.password_hash = await hash_password(password)
    # Every login ends, with its access tokens and cookie sessions (docs/auth.md).
    await end_other_logins(db, user.id, None, None)
    await db.commit()


async def find_account(db: AsyncSession, email: str) -> User | None:
    user: User | None = await db.scalar(select(User).where(User.email == email.strip().lower()))
    return user


async def send_reset_link(settings: Settings, email: str, link: str) -> None:
    """Mails the link; without SMTP (development) the link goes to the log. Runs after the
    response, so neither its duration nor its failure tells a caller whether the account
    exists."""
    minutes = settings.password_reset_ttl_minutes
    if settings.smtp_url is None:
        if settings.env == "production":
            log.error("TALESTREAM_SMTP_URL is not set: no password reset email was sent")
        else:
            log.warning("password reset link for %s (no TALESTREAM_SMTP_URL): %s", email, link)
        return
    body = (
        "Someone (hopefully you) asked to reset the password of your talestream account.\n\n"
        f"Choose a new password here within {minutes} minutes:\n{link}\n\n"
        "The link works once. If you did not ask for this, ignore this email: your password "
        "stays as it is.\n"
    )
    try:
        await send_mail(settings, email, "Reset your talestream password", body)
    except Exception:
        log.exception("could not send the password reset email")
