"""What a story model declares about itself, beyond the `StoryModel` protocol: the languages it
writes well (a story in another one is refused before a stream: an honest 422 beats a chapter of
gibberish), whether it writes from the brief, and whether it can continue a prefilled answer.

A model that declares nothing is a capable hosted one (OpenAI-compatible): every language, writes
from the brief, no prefill (not every server continues an assistant message)."""

from __future__ import annotations

from typing import get_args

from talestream.children.schemas import Language
from talestream.config import Settings
from talestream.errors import ErrorCode, ValidationFailed
from talestream.generation.base import StoryModel
from talestream.languages import LANGUAGE_NAMES

ALL_LANGUAGES: tuple[str, ...] = get_args(Language)


def model_languages(model: StoryModel) -> tuple[str, ...]:
    """What the model declares in `languages`; a model that declares nothing (a hosted
    OpenAI-compatible one) is trusted with all of ours."""
    declared: tuple[str, ...] = tuple(getattr(model, "languages", ALL_LANGUAGES))
    return declared


def writes_from_brief(model: StoryModel) -> bool:
    """Whether the text answers the prompt's hero, theme and length. A scripted test model tells
    a fixed script, so the quality gate cannot hold it to the brief."""
    return bool(getattr(model, "writes_from_brief", True))


def continues_prefill(model: StoryModel) -> bool:
    """Whether a trailing assistant message is continued (the local model), so a chapter can be
    started for the model ("Once upon a time, Mia") and guided by a beat plan."""
    return bool(getattr(model, "continues_prefill", False))


def chapter_token_cap(model: StoryModel) -> int | None:
    """The most tokens a chapter should take with this model (None: no cap of its own). A small
    model drifts off its story the longer it writes; shorter chapters stay on it."""
    cap = getattr(model, "chapter_token_cap", None)
    return int(cap) if cap else None


def require_language(model: StoryModel, settings: Settings, language: str) -> None:
    """Refuse (422 LANGUAGE_UNSUPPORTED), naming what to configure, when the model cannot write
    `language` well."""
    writes = model_languages(model)
    if language in writes:
        return
    wanted = LANGUAGE_NAMES.get(language, language)
    known = ", ".join(LANGUAGE_NAMES.get(code, code) for code in writes)
    how = (
        "Set TALESTREAM_LLM_PROVIDER=openai with TALESTREAM_OPENAI_BASE_URL (an OpenAI-compatible "
        "server such as Ollama or vLLM) or TALESTREAM_OPENAI_API_KEY"
    )
    if settings.llm_provider == "local":
        how += (
            ", or a larger local model (TALESTREAM_LOCAL_MODEL_PATH) listed in "
            "TALESTREAM_LOCAL_LANGUAGES"
        )
    raise ValidationFailed(
        f"The story model ({model.name}) writes {known} well, not {wanted}. {how}.",
        code=ErrorCode.LANGUAGE_UNSUPPORTED,
    )
