"""`/api/v1/auth/password-reset`: forgotten passwords, by email (auth/password_reset.py)."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request, Response, status
from fastapi.responses import JSONResponse
from pydantic import EmailStr, Field

from talestream.auth import password_reset
from talestream.auth.schemas import PASSWORD_MAX
from talestream.deps import DbDep, SettingsDep, get_services
from talestream.request_model import RequestModel

router = APIRouter(prefix="/api/v1/auth/password-reset", tags=["auth"])
ACCEPTED = {"detail": "If this email has an account, a link to reset its password is on its way."}


class ResetRequest(RequestModel):
    email: EmailStr


class ResetConfirm(RequestModel):
    token: str = Field(min_length=16, max_length=2000, repr=False)
    password: str = Field(max_length=PASSWORD_MAX, repr=False)


@router.post("", status_code=status.HTTP_202_ACCEPTED, response_class=JSONResponse)
async def request_reset(
    request: Request,
    body: ResetRequest,
    background: BackgroundTasks,
    db: DbDep,
    settings: SettingsDep,
) -> JSONResponse:
    """Emails a single-use reset link if the account exists. Always 202, so the answer does not
    tell who has an account."""
    limits = get_services(request).rate_limits
    client = request.client.host if request.client else "unknown"
    await limits.check(limits.login, client, body.email.lower(), what="password reset requests")
    user = await password_reset.find_account(db, body.email)
    if user is not None:
        link = password_reset.reset_link(settings, password_reset.reset_token(settings, user))
        background.add_task(password_reset.send_reset_link, settings, user.email, link)
    return JSONResponse(ACCEPTED, status_code=status.HTTP_202_ACCEPTED)


@router.post("/confirm", status_code=status.HTTP_204_NO_CONTENT)
async def confirm_reset(body: ResetConfirm, db: DbDep, settings: SettingsDep) -> Response:
    """Sets a new password with the token from the link; every session of the account ends."""
    await password_reset.confirm_reset(db, settings, body.token, body.password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
