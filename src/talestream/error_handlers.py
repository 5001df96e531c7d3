"""One JSON error shape for every 4xx/5xx: `{"detail": <message>, "code": <CODE>}`.

The only place where domain errors (`talestream.errors`) become HTTP status codes. Validation
errors keep FastAPI's per-field list under `errors` and add a readable `detail` sentence.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

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


def _headers(exc: DomainError) -> dict[str, str] | None:
    if isinstance(exc, Unauthorized):
        return {"WWW-Authenticate": "Bearer"}
    if isinstance(exc, RateLimited | Unavailable):
        return {"Retry-After": str(exc.retry_after)}
    return None


def _field_path(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path")]
    return ".".join(parts) or str(loc[0] if loc else "request")


def describe_validation(errors: list[dict[str, Any]]) -> str:
    return "; ".join(f"{_field_path(tuple(e['loc']))}: {e['msg']}" for e in errors)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain_error(_: Request, exc: DomainError) -> JSONResponse:
        return JSONResponse(
            {"detail": exc.detail, "code": exc.code}, http_status(exc), headers=_headers(exc)
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
