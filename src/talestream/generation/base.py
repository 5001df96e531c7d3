"""The interface every story model implements, and the errors it may raise."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Literal, Protocol, TypedDict, TypeVar

from pydantic import BaseModel

from talestream.errors import DomainError, ErrorCode

T = TypeVar("T", bound=BaseModel)


class ChatMessage(TypedDict):
    role: Literal["system", "user", "assistant"]
    content: str


class ModelError(DomainError):
    """A model failure the workflow turns into an `error` event with `code`."""

    code = ErrorCode.MODEL_ERROR


class ModelUnavailable(ModelError):
    code = ErrorCode.MODEL_UNAVAILABLE  # server down, connection refused, model file missing


class ModelTimeout(ModelError):
    code = ErrorCode.MODEL_TIMEOUT


class ModelBadOutput(ModelError):
    code = ErrorCode.MODEL_BAD_OUTPUT  # structured answer did not match the schema


class StoryModel(Protocol):
    """A text model. Implementations must never block the event loop.

    `concurrency` is how many generations may run at once (1 for a llama.cpp context); callers
    queue fairly in front of it (see `generation.queue`).
    """

    name: str
    concurrency: int

    def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, temperature: float = 0.8
    ) -> AsyncGenerator[str]:
        """Yield text pieces as the model produces them. Closing the generator early (`aclose`,
        which callers do through `contextlib.aclosing`) or cancelling the task consuming it stops
        generation promptly: within one token for the local model."""
        ...

    async def structured(
        self, messages: list[ChatMessage], schema: type[T], *, max_tokens: int = 256
    ) -> T:
        """A short answer that always validates against `schema` (grammar / JSON schema mode),
        or raises ModelBadOutput."""
        ...

    async def aclose(self) -> None: ...
