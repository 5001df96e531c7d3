"""Optional model-based moderator, a second opinion on top of the offline policy.

The offline policy (lexicon, rules, profanity classifier) is fast enough to gate every streamed
sentence and never leaves the machine, but it only knows the words and phrasings it lists. A
moderation model reads meaning, so it is the layer that can catch subtle passages the lexicon
misses (docs/safety.md, "Known limits"). It is configured with `TALESTREAM_MODERATION`:

- `openai`: the OpenAI moderation endpoint (`/v1/moderations`, model `omni-moderation-latest`);
- `llama_guard`: a Llama Guard model (`llama-guard3` on Ollama, or any Llama Guard 3/4 behind an
  OpenAI-compatible chat completions endpoint: vLLM, llama.cpp's server, LM Studio);
- `none` (default): no moderator.

Each moderator answers `await moderator.check(text, age=..., language=...)` with a list of
`SafetyIssue` in the offline policy's categories (empty: nothing found); `language` is part of
the interface but unused by both (they are multilingual). It is meant for the
whole chapter, once, after the sentence gate (a network call per streamed sentence would stall
the stream).

Fail closed. A moderator that cannot give a verdict raises, and never answers "no issues":
`ModelTimeout` when the server is too slow, `ModelUnavailable` when it cannot be reached or
answers with an HTTP error, `ModelBadOutput` when its answer cannot be read. All three are
`talestream.generation.base.ModelError` with `code == "MODERATION_UNAVAILABLE"`; the caller
treats any of them as "not approved".
Error messages are short and never contain the API key, the server's response body or the base
URL (which may carry credentials); details go to the server log.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import openai
from openai import AsyncOpenAI

from talestream.generation.base import ModelBadOutput, ModelError, ModelTimeout, ModelUnavailable
from talestream.safety.core.language import normalise_age
from talestream.safety.result import SafetyIssue, Severity

if TYPE_CHECKING:
    from talestream.config import Settings

__all__ = [
    "DEFAULT_LLAMA_GUARD_MODEL",
    "DEFAULT_OPENAI_MODERATION_MODEL",
    "LLAMA_GUARD_CATEGORIES",
    "MODERATION_UNAVAILABLE",
    "OPENAI_CATEGORIES",
    "LlamaGuardModerator",
    "Moderator",
    "OpenAIModerator",
    "create_moderator",
    "openai_threshold",
    "parse_llama_guard",
]

log = logging.getLogger(__name__)

# The `code` of every error a moderator raises (the stream's `error` event carries it): distinct
# from the story model's MODEL_* codes, so a parent or operator can tell which server failed.
MODERATION_UNAVAILABLE = "MODERATION_UNAVAILABLE"
DEFAULT_OPENAI_MODERATION_MODEL = "omni-moderation-latest"
DEFAULT_LLAMA_GUARD_MODEL = "llama-guard3"
MAX_RETRIES = 1  # one retry on a dropped connection or 5xx, like the story model


@runtime_checkable
class Moderator(Protocol):
    """A model-based moderator. `check` raises a ModelError when it cannot give a verdict."""

    name: str

    async def check(self, text: str, *, age: int, language: str) -> list[SafetyIssue]: ...

    async def aclose(self) -> None: ...


# --- errors -------------------------------------------------------------------------------------


def _translate(exc: BaseException) -> ModelError:
    """An SDK or transport failure as the ModelError a parent may read (the caller fails closed)."""
    if isinstance(exc, ModelError):
        return exc
    code = MODERATION_UNAVAILABLE
    # APITimeoutError subclasses APIConnectionError, so it is tested first.
    if isinstance(exc, openai.APITimeoutError | TimeoutError) or "Timeout" in type(exc).__name__:
        return ModelTimeout("The moderation server took too long to answer.", code)
    if isinstance(exc, openai.APIConnectionError):
        return ModelUnavailable("The moderation server could not be reached.", code)
    if isinstance(exc, openai.APIStatusError):
        return ModelUnavailable(
            f"The moderation server answered with HTTP {exc.status_code}.", code
        )
    return ModelUnavailable("The moderation server gave an answer that could not be used.", code)


def _client(base_url: str | None, api_key: str | None, timeout: float) -> AsyncOpenAI:
    # Local servers ignore the key, but the SDK insists on one.
    return AsyncOpenAI(
        base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=MAX_RETRIES
    )


# --- OpenAI moderation endpoint -----------------------------------------------------------------

# Moderation category -> (our category, the lowest severity it gets). `illicit` (advice on
# wrongdoing, including buying drugs) and `illicit/violent` (including procuring weapons) have no
# exact match among ours: the nearest is used, and any issue blocks whatever its label.
OPENAI_CATEGORIES: dict[str, tuple[str, Severity]] = {
    "sexual": ("sexual", "high"),
    "sexual/minors": ("sexual", "high"),
    "harassment": ("hate", "medium"),
    "harassment/threatening": ("hate", "high"),
    "hate": ("hate", "high"),
    "hate/threatening": ("hate", "high"),
    "self-harm": ("self_harm", "high"),
    "self-harm/intent": ("self_harm", "high"),
    "self-harm/instructions": ("self_harm", "high"),
    "violence": ("violence", "medium"),
    "violence/graphic": ("violence", "high"),
    "illicit": ("drugs_alcohol", "medium"),
    "illicit/violent": ("weapons", "high"),
}
# Categories where even a faint signal blocks at any age.
_ZERO_TOLERANCE = frozenset(
    {"sexual/minors", "self-harm", "self-harm/intent", "self-harm/instructions"}
)


def openai_threshold(category: str, age: int) -> float:
    """Score at or above which a category is an issue for this age, whether or not the endpoint
    flagged it (its own flags are tuned for adults; anything it flags always counts).

    Starting points, not calibrated against the evaluation set (that would need the live API):
    stricter the younger the reader, strictest for sexual content involving minors and self-harm.
    """
    if category in _ZERO_TOLERANCE:
        return 0.1
    age = normalise_age(age)
    if category == "violence":
        # Stories have conflict (a dragon, a storm, a snowball battle): only clear violence.
        return 0.5 if age < 8 else 0.7
    return 0.2 if age < 8 else 0.35 if age < 12 else 0.5


def _severity(score: float, floor: Severity) -> Severity:
    by_score: Severity = "high" if score >= 0.8 else "medium" if score >= 0.5 else "low"
    rank = {"low": 0, "medium": 1, "high": 2}
    return by_score if rank[by_score] >= rank[floor] else floor


class OpenAIModerator:
    """`POST /v1/moderations` (OpenAI, or any server that implements it)."""

    def __init__(
        self,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        model: str = DEFAULT_OPENAI_MODERATION_MODEL,
        timeout: float = 30.0,
        client: AsyncOpenAI | None = None,
    ) -> None:
        self.model = model
        self.name = f"openai-moderation:{model}"
        self.client = client or _client(base_url, api_key, timeout)

    async def check(self, text: str, *, age: int, language: str) -> list[SafetyIssue]:
        if not text.strip():
            return []
        try:
            response = await self.client.moderations.create(model=self.model, input=text)
            result = response.results[0].model_dump(by_alias=True)
            categories: Mapping[str, Any] = result.get("categories") or {}
            scores: Mapping[str, Any] = result.get("category_scores") or {}
        except Exception as exc:
            log.warning("moderation request failed: %r", exc)
            raise _translate(exc) from None
        issues: list[SafetyIssue] = []
        for name, (category, floor) in OPENAI_CATEGORIES.items():
            score = float(scores.get(name) or 0.0)
            if categories.get(name) or score >= openai_threshold(name, age):
                issues.append(
                    SafetyIssue(
                        category=category,
                        severity=_severity(score, floor),
                        # The endpoint does not say where; the excerpt says who and how sure.
                        excerpt=f"{self.name} {name} {score:.2f}",
                    )
                )
        return issues

    async def aclose(self) -> None:
        await self.client.close()


# --- Llama Guard --------------------------------------------------------------------------------

# Llama Guard 3/4 hazard codes -> (our category, severity). S8 (intellectual property) and S13
# (elections) are not child-safety categories and are ignored; any other unknown code fails
# closed as "violence" so a newer taxonomy never passes silently.
LLAMA_GUARD_CATEGORIES: dict[str, tuple[str, Severity] | None] = {
    "S1": ("violence", "high"),  # violent crimes
    "S2": ("drugs_alcohol", "medium"),  # non-violent crimes (drug crimes are the likely ones)
    "S3": ("sexual", "high"),  # sex-related crimes
    "S4": ("sexual", "high"),  # child sexual exploitation
    "S5": ("hate", "medium"),  # defamation
    "S6": ("self_harm", "medium"),  # specialised advice, incl. "dangerous activities are safe"
    "S7": ("personal_data", "high"),  # privacy
    "S8": None,  # intellectual property
    "S9": ("weapons", "high"),  # indiscriminate weapons
    "S10": ("hate", "high"),  # hate
    "S11": ("self_harm", "high"),  # suicide and self-harm
    "S12": ("sexual", "high"),  # sexual content
    "S13": None,  # elections
    "S14": ("injection", "high"),  # code interpreter abuse
}
_UNKNOWN_CODE: tuple[str, Severity] = ("violence", "high")
_VERDICT = re.compile(r"^\W*(safe|unsafe)\b", re.IGNORECASE)
_CODE = re.compile(r"\bS(\d{1,2})\b", re.IGNORECASE)
# Llama Guard classifies the last turn of a conversation: the story goes in as the assistant's
# answer, so it is judged as model output (the "Agent" in Llama Guard's prompt).
_REQUEST = "Please write a short story for a child."


def parse_llama_guard(answer: str) -> list[str]:
    """The hazard codes in a Llama Guard answer ("safe" -> [], "unsafe\\nS1,S10" -> ["S1",
    "S10"]); raises ModelBadOutput when the answer is neither (fail closed)."""
    verdict = _VERDICT.match(answer or "")
    if verdict is None:
        raise ModelBadOutput(
            "The moderation model gave an answer that could not be read.", MODERATION_UNAVAILABLE
        )
    if verdict.group(1).lower() == "safe":
        return []
    codes = [f"S{int(number)}" for number in _CODE.findall(answer[verdict.end() :])]
    return codes or ["unsafe"]  # "unsafe" without a code still blocks


class LlamaGuardModerator:
    """A Llama Guard model behind an OpenAI-compatible `/v1/chat/completions`."""

    def __init__(
        self,
        *,
        base_url: str | None,
        api_key: str | None = None,
        model: str = DEFAULT_LLAMA_GUARD_MODEL,
        timeout: float = 30.0,
        client: AsyncOpenAI | None = None,
    ) -> None:
        self.model = model
        self.name = f"llama-guard:{model}"
        self.client = client or _client(base_url, api_key, timeout)

    async def check(self, text: str, *, age: int, language: str) -> list[SafetyIssue]:
        if not text.strip():
            return []
        try:
            response = await self.client.chat.completions.create(
                model=self.model,
                messages=[
                    {"role": "user", "content": _REQUEST},
                    {"role": "assistant", "content": text},
                ],
                max_tokens=20,
                temperature=0.0,
            )
            answer = response.choices[0].message.content if response.choices else None
        except Exception as exc:
            log.warning("moderation request failed: %r", exc)
            raise _translate(exc) from None
        try:
            codes = parse_llama_guard(answer or "")
        except ModelBadOutput:
            log.warning("moderation model gave an unreadable answer: %.200r", answer)
            raise
        issues: list[SafetyIssue] = []
        for code in codes:
            mapped = LLAMA_GUARD_CATEGORIES.get(code, _UNKNOWN_CODE)
            if mapped is None:
                continue
            category, severity = mapped
            issues.append(
                SafetyIssue(category=category, severity=severity, excerpt=f"{self.name} {code}")
            )
        return issues

    async def aclose(self) -> None:
        await self.client.close()


# --- configuration ------------------------------------------------------------------------------


def create_moderator(settings: Settings) -> Moderator | None:
    """The moderator `settings.moderation` asks for, or None for "none".

    Base URL and key default to the story model's (`TALESTREAM_OPENAI_BASE_URL`,
    `TALESTREAM_OPENAI_API_KEY`); the timeout is `TALESTREAM_LLM_TIMEOUT_SECONDS`. Raises
    `talestream.config.ConfigError` when the choice cannot work (no server to ask).
    """
    from talestream.config import ConfigError  # config imports nothing from here; keep it lazy

    if settings.moderation == "none":
        return None
    base_url = settings.moderation_base_url or settings.openai_base_url
    secret = settings.moderation_api_key or settings.openai_api_key
    api_key = secret.get_secret_value() if secret is not None else None
    timeout = settings.llm_timeout_seconds
    if settings.moderation == "openai":
        if not base_url and not api_key:
            raise ConfigError(
                "TALESTREAM_MODERATION=openai needs TALESTREAM_MODERATION_API_KEY or "
                "TALESTREAM_OPENAI_API_KEY (OpenAI), or TALESTREAM_MODERATION_BASE_URL (a "
                "server implementing /v1/moderations)"
            )
        return OpenAIModerator(
            base_url=base_url,
            api_key=api_key,
            model=settings.moderation_model or DEFAULT_OPENAI_MODERATION_MODEL,
            timeout=timeout,
        )
    if settings.moderation == "llama_guard":
        if not base_url:
            raise ConfigError(
                "TALESTREAM_MODERATION=llama_guard needs TALESTREAM_MODERATION_BASE_URL or "
                "TALESTREAM_OPENAI_BASE_URL: the OpenAI-compatible server running Llama Guard "
                "(e.g. http://localhost:11434/v1 for Ollama)"
            )
        return LlamaGuardModerator(
            base_url=base_url,
            api_key=api_key,
            model=settings.moderation_model or DEFAULT_LLAMA_GUARD_MODEL,
            timeout=timeout,
        )
    raise ConfigError(f"TALESTREAM_MODERATION: unknown moderator {settings.moderation!r}")
