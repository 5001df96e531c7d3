"""Domain errors: what went wrong, in words a parent can read, with a stable code.

Services, the workflow and the models raise these; they never know about HTTP. The web layer maps
them to status codes in one place (`talestream.error_handlers`); the terminal prints them as they
are. Every code any part of talestream sends or shows is an `ErrorCode`.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    # Requests and credentials
    BAD_REQUEST = "BAD_REQUEST"
    VALIDATION_ERROR = "VALIDATION_ERROR"
    UNAUTHORIZED = "UNAUTHORIZED"
    FORBIDDEN = "FORBIDDEN"
    CSRF_FAILED = "CSRF_FAILED"
    NOT_FOUND = "NOT_FOUND"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    CONFLICT = "CONFLICT"
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
    UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"
    RATE_LIMITED = "RATE_LIMITED"
    RATE_LIMIT_UNAVAILABLE = "RATE_LIMIT_UNAVAILABLE"  # the shared rate-limit store (Redis) is down
    REFRESH_TOKEN_REUSED = "REFRESH_TOKEN_REUSED"
    EMAIL_TAKEN = "EMAIL_TAKEN"
    WRONG_PASSWORD = "WRONG_PASSWORD"
    RESET_TOKEN_INVALID = "RESET_TOKEN_INVALID"
    # Story requests, refused before a stream opens
    UNSAFE_REQUEST = "UNSAFE_REQUEST"
    INVALID_CHOICE = "INVALID_CHOICE"
    NO_STORY_TO_CONTINUE = "NO_STORY_TO_CONTINUE"
    WRONG_CHAPTER_NUMBER = "WRONG_CHAPTER_NUMBER"
    WRONG_CHILD = "WRONG_CHILD"
    STORY_FINISHED = "STORY_FINISHED"
    LANGUAGE_UNSUPPORTED = "LANGUAGE_UNSUPPORTED"
    # Failures of a running story (an `error` event once the stream has started)
    UNSAFE_CONTENT = "UNSAFE_CONTENT"
    LOW_QUALITY = "LOW_QUALITY"
    CHAPTER_CONFLICT = "CHAPTER_CONFLICT"
    STORY_GONE = "STORY_GONE"
    CHILD_GONE = "CHILD_GONE"
    ACCOUNT_GONE = "ACCOUNT_GONE"
    MODEL_ERROR = "MODEL_ERROR"
    MODEL_UNAVAILABLE = "MODEL_UNAVAILABLE"
    MODEL_TIMEOUT = "MODEL_TIMEOUT"
    MODEL_BAD_OUTPUT = "MODEL_BAD_OUTPUT"
    MODERATION_UNAVAILABLE = "MODERATION_UNAVAILABLE"
    # Exports
    EXPORT_UNAVAILABLE = "EXPORT_UNAVAILABLE"
    # Story runs (talestream.runs): resuming, stopping and draining
    RUN_EXPIRED = "RUN_EXPIRED"  # the run's log is gone: nothing to resume, nothing regenerated
    RUN_LOST = "RUN_LOST"  # the worker running it stopped answering: nothing was saved
    RUN_STOPPED = "RUN_STOPPED"  # stopped on request (DELETE /api/v1/stories/runs/{id})
    RUN_ABANDONED = "RUN_ABANDONED"  # nobody came back within the resume grace window
    SERVER_SHUTTING_DOWN = "SERVER_SHUTTING_DOWN"
    RUN_STORE_UNAVAILABLE = "RUN_STORE_UNAVAILABLE"  # the shared run log (Redis) is unreachable
    # Infrastructure
    DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE"
    INTERNAL = "INTERNAL"
    ERROR = "ERROR"  # an HTTP error with no more specific code
    # Terminal client only
    USAGE = "USAGE"  # a command line that cannot work; exit code 2
    CONNECTION_FAILED = "CONNECTION_FAILED"
    STREAM_ENDED = "STREAM_ENDED"
    EMAIL_REQUIRED = "EMAIL_REQUIRED"
    AMBIGUOUS_CHILD = "AMBIGUOUS_CHILD"


class DomainError(Exception):
    """A refusal or failure with a parent-readable `detail` and a `code`.

    `code` is an ErrorCode for everything talestream raises; it is typed `str` because a code
    can also come from elsewhere (a server's error JSON, a test script's `<<fail:CODE>>`).
    """

    code: str = ErrorCode.ERROR

    def __init__(self, detail: str, code: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if code is not None:
            self.code = code


class ValidationFailed(DomainError):
    code = ErrorCode.VALIDATION_ERROR


class UnsafeRequest(DomainError):
    """User text the input policy refused (kept in the parent's safety log)."""

    code = ErrorCode.UNSAFE_REQUEST


class Unauthorized(DomainError):
    code = ErrorCode.UNAUTHORIZED

    def __init__(
        self,
        detail: str = "Not authenticated: log in or send a valid Bearer token",
        code: str | None = None,
    ) -> None:
        super().__init__(detail, code)


class Forbidden(DomainError):
    code = ErrorCode.FORBIDDEN


class NotFound(DomainError):
    code = ErrorCode.NOT_FOUND


class Conflict(DomainError):
    code = ErrorCode.CONFLICT


class RateLimited(DomainError):
    code = ErrorCode.RATE_LIMITED

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after  # seconds


class Unavailable(DomainError):
    """A service talestream depends on is down; trying again later may work."""

    code = ErrorCode.DATABASE_UNAVAILABLE

    def __init__(self, detail: str, code: str | None = None, retry_after: int = 5) -> None:
        super().__init__(detail, code)
        self.retry_after = retry_after


class GenerationFailed(DomainError):
    """A story could not be written: a model failure (`generation.base.ModelError`), or any
    workflow failure of the non-streaming endpoint (its `code` says which)."""

    code = ErrorCode.MODEL_ERROR
