"""One dependency authenticates every protected route, by Bearer token or by cookie session.

Cookie-authenticated unsafe methods must echo the session's CSRF token in `X-CSRF-Token`
(the token is also readable by the page in the `talestream_csrf` cookie). A cross-site form or
script can make the browser send the cookie, but cannot read the CSRF cookie to copy it into a
header. Bearer requests need no CSRF check: browsers never attach Bearer tokens on their own.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

from talestream.auth.models import BrowserSession
from talestream.auth.service import family_revoked, find_browser_session
from talestream.auth.tokens import decode_access_token
from talestream.deps import DbDep, SettingsDep
from talestream.errors import ErrorCode, Forbidden, Unauthorized
from talestream.users.models import User

SESSION_COOKIE = "talestream_session"
CSRF_COOKIE = "talestream_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# auto_error=False: a missing header falls through to the cookie session.
bearer_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


@dataclass(slots=True)
class Identity:
    user: User
    via: Literal["bearer", "cookie"]
    family: str | None = None
    session: BrowserSession | None = None


async def current_identity(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    bearer: Annotated[str | None, Depends(bearer_scheme)],
) -> Identity:
    if bearer:
        claims = decode_access_token(settings.signing_key, bearer)
        if claims is None:
            raise Unauthorized("access token is invalid or expired; refresh it or log in again")
        if claims.family and await family_revoked(db, claims.family):
            raise Unauthorized("this login was signed out; log in again")
        user = await db.get(User, claims.user_id)
        if user is None:
            raise Unauthorized("the account for this token no longer exists")
        return Identity(user, "bearer", family=claims.family)

    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        raise Unauthorized()
    session = await find_browser_session(db, cookie)
    if session is None:
        raise Unauthorized("your session has expired; log in again")
    if request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
            raise Forbidden(
                f"missing or wrong {CSRF_HEADER} header: copy the {CSRF_COOKIE} cookie into it",
                ErrorCode.CSRF_FAILED,
            )
    user = await db.get(User, session.user_id)
    if user is None:  # pragma: no cover - sessions cascade with their user
        raise Unauthorized()
    return Identity(user, "cookie", session=session)


async def current_user(identity: Annotated[Identity, Depends(current_identity)]) -> User:
    return identity.user


IdentityDep = Annotated[Identity, Depends(current_identity)]
CurrentUser = Annotated[User, Depends(current_user)]
