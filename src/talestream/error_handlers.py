"""One JSON error shape for every 4xx/5xx: `{"detail": <message>, "code": <CODE>}`.

The only place where domain errors (`talestream.errors`) become HTTP status codes. Validation
errors keep FastAPI's per-field list under `errors` and add a readable `detail` sentence.

Every response carries an `X-Request-ID` (the client's, when it sent a sane one). Anything
unexpected becomes a JSON 500 that names the request id, logged with the same id; a database
outage becomes 503 `DATABASE_UNAVAILABLE` with `Retry-After`.
"""

from __future__ import annotations

import logging
import re
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from talestream.db.errors import is_outage
from talestream.errors import (
    Conflict,
    DomainError,
    ErrorCode,
    Forbidden,
    GenerationFailed,
    NotFound,
    RateLimited,
    Unauthorized,
    Unavailable,
    UnsafeRequest,
    ValidationFailed,
)
from talestream.telemetry.logs import request_id as request_id_var

REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID_BYTES = REQUEST_ID_HEADER.lower().encode()
# Accepted from the client (or a proxy) as it is: short, and safe to put in a log line.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
OUTAGE_RETRY_SECONDS = 5
log = logging.getLogger(__name__)

_STATUS_BY_KIND: dict[type[DomainError], int] = {
    ValidationFailed: 422,
    UnsafeRequest: 422,
    Unauthorized: 401,
    Forbidden: 403,
    NotFound: 404,
    Conflict: 409,
    RateLimited: 429,
    Unavailable: 503,
    GenerationFailed: 502,
}
# Codes whose status differs from their kind's (a story that failed outside a stream).
_STATUS_BY_CODE: dict[str, int] = {
    ErrorCode.UNSAFE_CONTENT: 422,
    ErrorCode.MODEL_TIMEOUT: 504,
    ErrorCode.CHAPTER_CONFLICT: 409,
    ErrorCode.STORY_GONE: 409,
    ErrorCode.CHILD_GONE: 409,
    ErrorCode.ACCOUNT_GONE: 409,
    ErrorCode.DATABASE_UNAVAILABLE: 503,
}
_CODE_BY_STATUS = {
    400: ErrorCode.BAD_REQUEST,
    401: ErrorCode.UNAUTHORIZED,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    409: ErrorCode.CONFLICT,
    413: ErrorCode.PAYLOAD_TOO_LARGE,
    415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    429: ErrorCode.RATE_LIMITED,
}


def http_status(exc: DomainError) -> int:
    if exc.code in _STATUS_BY_CODE:
        return _STATUS_BY_CODE[exc.code]
    for kind in type(exc).__mro__:
        if kind in _STATUS_BY_KIND:
            return _STATUS_BY_KIND[kind]
    return 500


def _headers(exc: DomainError, status: int) -> dict[str, str] | None:
    if isinstance(exc, Unauthorized):
        return {"WWW-Authenticate": "Bearer"}
    if isinstance(exc, RateLimited | Unavailable):
        return {"Retry-After": str(exc.retry_after)}
    if status == 503:
        return {"Retry-After": str(OUTAGE_RETRY_SECONDS)}
    return None


def _field_path(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path")]
    return ".".join(parts) or str(loc[0] if loc else "request")


def describe_validation(errors: list[dict[str, Any]]) -> str:
    return "; ".join(f"{_field_path(tuple(e['loc']))}: {e['msg']}" for e in errors)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain_error(_: Request, exc: DomainError) -> JSONResponse:
        status = http_status(exc)
        return JSONResponse(
            {"detail": exc.detail, "code": exc.code}, status, headers=_headers(exc, status)
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _CODE_BY_STATUS.get(exc.status_code, ErrorCode.ERROR)
        return JSONResponse(
            {"detail": exc.detail, "code": code}, exc.status_code, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]
        return JSONResponse(
            {
                "detail": describe_validation(errors),
                "code": ErrorCode.VALIDATION_ERROR,
                "errors": errors,
            },
            422,
        )


class RequestIdAndErrors:
    """Outermost ASGI middleware: the request id on every response, and the last resort for
    errors nothing else handled (it answers before Starlette's plain-text 500 could)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(REQUEST_ID_BYTES, b"").decode("latin-1")
        request_id = given if _SANE_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        logged_as = request_id_var.set(request_id)  # every log line of this request carries it
        id_bytes = request_id.encode()
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                # A new list: a response may hand over headers it shares or keeps.
                message["headers"] = [*message.get("headers", ()), (REQUEST_ID_BYTES, id_bytes)]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            if started:  # a stream already under way: nothing left to answer with
                raise
            response = _unexpected(exc, scope, request_id)
            await response(scope, receive, send_with_id)
        finally:
            request_id_var.reset(logged_as)


def _unexpected(exc: Exception, scope: Scope, request_id: str) -> JSONResponse:
    where = f"{scope.get('method', '')} {scope.get('path', '')}"
    if is_outage(exc):
        log.warning("database unavailable during %s [request %s]: %r", where, request_id, exc)
        return JSONResponse(
            {
                "detail": "The database cannot be reached right now; please try again shortly.",
                "code": ErrorCode.DATABASE_UNAVAILABLE,
            },
            503,
            headers={"Retry-After": str(OUTAGE_RETRY_SECONDS)},
        )
    log.error("unhandled error during %s [request %s]", where, request_id, exc_info=exc)
    return JSONResponse(
        {
            "detail": f"Something went wrong on our side (request {request_id}).",
            "code": ErrorCode.INTERNAL,
        },
        500,
    )
