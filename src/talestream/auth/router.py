"""`/api/v1/auth`: register, login (tokens + cookie session), OAuth2 form, refresh, logout."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from talestream.auth import service
from talestream.auth.dependencies import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    IdentityDep,
)
from talestream.auth.schemas import (
    LoginRequest,
    LogoutRequest,
    RefreshRequest,
    RegisterRequest,
    TokenPair,
)
from talestream.config import Settings
from talestream.deps import DbDep, SettingsDep, get_services
from talestream.errors import ValidationFailed
from talestream.request_model import control_character_in
from talestream.users.schemas import UserOut


def _no_store(response: Response) -> None:
    # Tokens and session cookies must never sit in a browser's or proxy's cache.
    response.headers["Cache-Control"] = "no-store"


router = APIRouter(prefix="/api/v1/auth", tags=["auth"], dependencies=[Depends(_no_store)])


def _set_session_cookies(
    response: Response, settings: Settings, s: service.NewBrowserSession
) -> None:
    for name, value, httponly in (
        (SESSION_COOKIE, s.token, True),
        # Readable by the page on purpose: it is echoed in the X-CSRF-Token header.
        (CSRF_COOKIE, s.csrf_token, False),
    ):
        response.set_cookie(
            name,
            value,
            max_age=s.max_age,
            secure=settings.secure_cookies,
            samesite=settings.cookie_samesite,
            path="/",
            httponly=httponly,
        )


def _clear_session_cookies(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")


@router.post("/register", status_code=status.HTTP_201_CREATED, response_model=UserOut)
async def register(request: Request, body: RegisterRequest, db: DbDep) -> UserOut:
    limits = get_services(request).rate_limits
    await limits.check(limits.register, "register", client_address(request), what="new accounts")
    user = await service.register_user(db, body.email, body.password, body.name)
    return UserOut.model_validate(user)


def client_address(request: Request) -> str:
    """The socket peer, or what a trusted proxy says it is (TALESTREAM_FORWARDED_ALLOW_IPS)."""
    return request.client.host if request.client else "unknown"


async def _limit_login(request: Request, email: str) -> None:
    limits = get_services(request).rate_limits
    address = client_address(request)
    await limits.check(limits.login_address, "address", address, what="login attempts")
    await limits.check(limits.login, address, email.lower(), what="login attempts")


@router.post("/login", response_model=TokenPair)
async def login(
    request: Request, body: LoginRequest, response: Response, db: DbDep, settings: SettingsDep
) -> TokenPair:
    """Returns Bearer tokens for API clients and sets an httpOnly session cookie for browsers."""
    await _limit_login(request, body.email)
    user = await service.authenticate(db, body.email, body.password)
    # One login, one family: its tokens and its cookie session end together (docs/auth.md).
    family = service.new_family()
    tokens = await service.issue_tokens(db, settings, user.id, family)
    _set_session_cookies(
        response, settings, await service.create_browser_session(db, settings, user.id, family)
    )
    return tokens


@router.post("/token", response_model=TokenPair, include_in_schema=True)
async def token(
    request: Request,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    db: DbDep,
    settings: SettingsDep,
) -> TokenPair:
    """OAuth2 password flow (`username` is the email) for the Swagger "Authorize" button."""
    for field, value in (("username", form.username), ("password", form.password)):
        if control_character_in(value):
            raise ValidationFailed(f"{field} contains a control character (such as a NUL byte)")
    await _limit_login(request, form.username)
    user = await service.authenticate(db, form.username, form.password)
    return await service.issue_tokens(db, settings, user.id, service.new_family())


@router.post("/refresh", response_model=TokenPair)
async def refresh(body: RefreshRequest, db: DbDep, settings: SettingsDep) -> TokenPair:
    return await service.rotate_refresh_token(db, settings, body.refresh_token)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(
    identity: IdentityDep, response: Response, db: DbDep, body: LogoutRequest | None = None
) -> Response:
    """Ends every credential of this login: its cookie session, refresh and access tokens."""
    session_id = identity.session.id if identity.session is not None else None
    await service.end_login(db, identity.user.id, identity.family, session_id)
    if body and body.refresh_token:
        await service.revoke_refresh_token(db, identity.user.id, body.refresh_token)
    response.status_code = status.HTTP_204_NO_CONTENT
    _clear_session_cookies(response)
    return response
