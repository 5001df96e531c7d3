"""Pick the configured story model. Exactly the configured one: a silent fallback (say from a dead
OpenAI-compatible server to the tiny local model) would change story quality without anyone
noticing, so a failing provider surfaces as ModelUnavailable instead."""

from __future__ import annotations

from talestream.config import Settings
from talestream.generation.base import StoryModel


def create_model(settings: Settings) -> StoryModel:
    # Imported on demand: only the chosen provider's dependencies (llama.cpp, openai) are loaded.
    if settings.llm_provider == "local":
        from talestream.generation.local import LocalModel

        return LocalModel(settings)
    if settings.llm_provider == "openai":
        from talestream.generation.openai_compat import OpenAICompatibleModel

        return OpenAICompatibleModel(settings)
    if settings.llm_provider == "scripted":
        from talestream.generation.scripted import ScriptedModel

        return ScriptedModel(settings)
    raise ValueError(f"unknown TALESTREAM_LLM_PROVIDER {settings.llm_provider!r}")
