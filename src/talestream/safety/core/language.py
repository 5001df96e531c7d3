"""The reader's age and language as every layer reads them."""

from __future__ import annotations

from functools import cache

from talestream.safety.lexicon import SUPPORTED_LANGUAGES

__all__ = ["MAX_AGE", "MIN_AGE", "normalise_age", "normalise_language"]

MIN_AGE, MAX_AGE = 2, 14


def normalise_age(age: int) -> int:
    return min(max(int(age), MIN_AGE), MAX_AGE)


@cache
def normalise_language(language: str) -> str:
    """'en-US' -> 'en'; unsupported languages get the English rules (plus nothing else)."""
    code = (language or "en").strip().lower().replace("_", "-").split("-")[0]
    code = {"iw": "he"}.get(code, code)  # the old ISO code for Hebrew, still sent by some clients
    return code if code in SUPPORTED_LANGUAGES else "en"
