"""Any OpenAI-compatible chat server: OpenAI itself, Ollama, vLLM, llama.cpp's server, LM Studio.

Error messages reach parents through the story's `error` event, so they are short, plain and never
contain the API key, the server's response body (OpenAI echoes part of a wrong key in it) or the
base URL (it may carry credentials); details go to the server log instead.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncGenerator
from contextlib import aclosing
from typing import Any, cast

import openai
from openai import AsyncOpenAI
from openai.types.chat import ChatCompletionMessageParam
from openai.types.shared_params import ResponseFormatJSONSchema
from pydantic import ValidationError

from talestream.config import Settings
from talestream.generation.base import (
    ChatMessage,
    ModelBadOutput,
    ModelError,
    ModelTimeout,
    ModelUnavailable,
    T,
)
from talestream.sse_messages import iter_sse

log = logging.getLogger(__name__)

STRUCTURED_TEMPERATURE = 0.5
# A streamed chunk is about one token; a token is a few characters in every supported language.
# Past either budget the server has ignored max_tokens.
MAX_CHARS_PER_TOKEN = 10
JSON_FENCE = re.compile(r"^\s*```(?:json)?\s*\n?(.*?)\n?\s*```\s*$", re.DOTALL | re.IGNORECASE)

_STATUS_HINTS = {
    400: "it did not accept the request",
    401: "check the API key",
    403: "check the API key",
    404: "check the model name and the server address",
    429: "it is busy or over its usage limit",
}


def translate_error(exc: BaseException) -> ModelError:
    """Turn an SDK or transport failure into the ModelError a parent may read."""
    if isinstance(exc, ModelError):
        return exc
    # APITimeoutError subclasses APIConnectionError, so it must be tested first.
    # Older SDKs let transport timeouts (httpx.ReadTimeout) escape mid-stream unwrapped.
    if isinstance(exc, openai.APITimeoutError | TimeoutError) or "Timeout" in type(exc).__name__:
        return ModelTimeout("The story model server took too long to answer.")
    if isinstance(exc, openai.APIConnectionError):
        return ModelUnavailable("The story model server could not be reached.")
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        hint = _STATUS_HINTS.get(status, "it had a problem" if status >= 500 else "")
        return ModelUnavailable(
            f"The story model server answered with HTTP {status}" + (f"; {hint}." if hint else ".")
        )
    return ModelError("The story model stopped unexpectedly in the middle of its answer.")


def parse_json_answer(content: str) -> Any:
    """JSON from a chat answer, tolerating ```json fences and chatter around the object."""
    text = content.strip()
    if fenced := JSON_FENCE.match(text):
        text = fenced.group(1).strip()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        start, end = text.find("{"), text.rfind("}")
        if 0 <= start < end:
            return json.loads(text[start : end + 1])  # may raise again; the caller maps it
        raise


class OpenAICompatibleModel:
    """StoryModel over the OpenAI chat completions API (streaming text, JSON-schema answers)."""

    concurrency = 16  # the server queues and batches; more in flight only adds latency per story

    def __init__(self, settings: Settings, *, client: AsyncOpenAI | None = None) -> None:
        self.settings = settings
        self.name = f"openai:{settings.llm_model}"
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
        # Local servers ignore the key but the SDK insists on one.
        self.client = client or AsyncOpenAI(
            base_url=settings.openai_base_url,
            api_key=key or "not-needed",
            timeout=settings.llm_timeout_seconds,
            max_retries=1,
        )

    async def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, temperature: float = 0.8
    ) -> AsyncGenerator[str]:
        """`llm_timeout_seconds` bounds the whole call, not each read: a server that trickles
        empty chunks cannot hold a model slot forever. `max_tokens` is enforced, not only asked
        for: a server that ignores it is cut off at the budget.

        The SDK sends the request (headers, retries, HTTP errors); the event stream is read
        here, line by line with the SSE reader the terminal client uses. The SDK's own stream
        decodes every event into a pydantic object in Python, which cost about twice as much
        CPU per token as reading the lines with httpx (measured by bench/openai_parse.py)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.settings.llm_timeout_seconds
        opening = self.client.chat.completions.with_streaming_response.create(
            model=self.settings.llm_model,
            messages=_sdk_messages(messages),
            stream=True,
            max_tokens=max_tokens,
            temperature=temperature,
        )
        try:
            async with asyncio.timeout_at(deadline):
                response = await opening.__aenter__()
        except Exception as exc:
            log.warning("story model request failed: %r", exc)
            raise translate_error(exc) from None
        pieces, chars, char_budget = 0, 0, max_tokens * MAX_CHARS_PER_TOKEN
        try:
            async with aclosing(iter_sse(response.iter_lines())) as events:
                while True:
                    try:
                        async with asyncio.timeout_at(deadline):
                            message = await anext(events)
                    except StopAsyncIteration:
                        return
                    except Exception as exc:  # mid-stream: dropped connection, timeout
                        log.warning("story model stream failed: %r", exc)
                        raise translate_error(exc) from None
                    if message.data == "[DONE]":
                        return
                    piece = _chunk_text(message.data)[: char_budget - chars]
                    if not piece:
                        continue
                    pieces, chars = pieces + 1, chars + len(piece)
                    yield piece
                    if pieces >= max_tokens or chars >= char_budget:
                        log.warning("story model ignored max_tokens=%d; cut off", max_tokens)
                        return
        finally:
            # Closing the HTTP response is how the server learns to stop generating.
            await opening.__aexit__(None, None, None)

    async def structured(
        self, messages: list[ChatMessage], schema: type[T], *, max_tokens: int = 256
    ) -> T:
        try:
            async with asyncio.timeout(self.settings.llm_timeout_seconds):  # the whole call
                response = await self.client.chat.completions.create(
                    model=self.settings.llm_model,
                    messages=_sdk_messages(messages),
                    max_tokens=max_tokens,
                    temperature=STRUCTURED_TEMPERATURE,
                    response_format=ResponseFormatJSONSchema(
                        type="json_schema",
                        json_schema={
                            "name": schema.__name__,
                            "schema": schema.model_json_schema(),
                            # strict mode rejects schemas with min/max lengths on OpenAI itself.
                            "strict": False,
                        },
                    ),
                )
        except Exception as exc:
            log.warning("story model structured request failed: %r", exc)
            raise translate_error(exc) from None
        content = response.choices[0].message.content if response.choices else None
        try:
            return schema.model_validate(parse_json_answer(content or ""))
        except (json.JSONDecodeError, ValidationError):
            log.warning("story model gave invalid %s: %.300r", schema.__name__, content)
            raise ModelBadOutput(
                "The story model's answer did not have the expected shape. Please try again."
            ) from None

    async def aclose(self) -> None:
        await self.client.close()


def _chunk_text(data: str) -> str:
    """A chat completion chunk's text (`choices[0].delta.content`, "" when it has none). An
    `error` event raises ModelError (its message is the server's, so it goes to the log)."""
    try:
        chunk = json.loads(data)
    except ValueError:
        chunk = None
    if not isinstance(chunk, dict) or "error" in chunk:
        log.warning("story model stream failed: %.300r", data)
        raise ModelError("The story model stopped unexpectedly in the middle of its answer.")
    choices = chunk.get("choices")
    first = choices[0] if isinstance(choices, list) and choices else None
    delta = first.get("delta") if isinstance(first, dict) else None
    content = delta.get("content") if isinstance(delta, dict) else None
    return content if isinstance(content, str) else ""


def _sdk_messages(messages: list[ChatMessage]) -> list[ChatCompletionMessageParam]:
    """Our ChatMessage is a subset of the SDK's message union; the SDK cannot see that."""
    return cast("list[ChatCompletionMessageParam]", messages)
