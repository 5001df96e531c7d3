"""The interface every story model implements, and the errors it may raise."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Literal, Protocol, TypedDict, TypeVar

from pydantic import BaseModel

T = TypeVar("T", bound=BaseModel)


class ChatMessage(TypedDict):
    role: Literal["system", "user", "assistant"]
    content: str


class ModelError(Exception):
    """A model failure the workflow turns into an `error` event with `code`."""

    code = "MODEL_ERROR"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class ModelUnavailable(ModelError):
    code = "MODEL_UNAVAILABLE"  # server down, connection refused, model file missing


class ModelTimeout(ModelError):
    code = "MODEL_TIMEOUT"


class ModelBadOutput(ModelError):
    code = "MODEL_BAD_OUTPUT"  # structured answer did not match the schema


class StoryModel(Protocol):
    """A text model. Implementations must never block the event loop.

    `concurrency` is how many generations may run at once (1 for a llama.cpp context); callers
    queue fairly in front of it (see `generation.queue`).
    """

    name: str
    concurrency: int

    def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, temperature: float = 0.8
    ) -> AsyncIterator[str]:
        """Yield text pieces as the model produces them. Closing the iterator early (or cancelling
        the task consuming it) stops generation promptly: within one token for the local model."""
        ...

    async def structured(
        self, messages: list[ChatMessage], schema: type[T], *, max_tokens: int = 256
    ) -> T:
        """A short answer that always validates against `schema` (grammar / JSON schema mode),
        or raises ModelBadOutput."""
        ...

    async def aclose(self) -> None: ...
