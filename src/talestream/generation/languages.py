"""Which languages the configured story model writes well, and the refusal before a stream when
a child's language is not one of them: an honest 422 beats a chapter of gibberish."""

from __future__ import annotations

from typing import get_args

from talestream.children.schemas import Language
from talestream.config import Settings
from talestream.errors import ErrorCode, ValidationFailed
from talestream.generation.base import StoryModel
from talestream.stories.prompts import LANGUAGE_NAMES

ALL_LANGUAGES: tuple[str, ...] = get_args(Language)


def model_languages(model: StoryModel) -> tuple[str, ...]:
    """What the model declares in `languages`; a model that declares nothing (a hosted
    OpenAI-compatible one) is trusted with all of ours."""
    declared: tuple[str, ...] = tuple(getattr(model, "languages", ALL_LANGUAGES))
    return declared


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
