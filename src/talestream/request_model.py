"""The base of every request body and query model: no control characters in any text.

A NUL byte or other control character in a name, email, theme or idea is never meant: SQLite
would store it raw and PostgreSQL refuses it (a 500), and it would reach logs and the model's
prompt. So it is a 422 before any field validator, database query or log line sees the text.
Tabs and line breaks stay allowed: a story idea may have paragraphs.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from pydantic import BaseModel, model_validator

ALLOWED_CONTROLS = frozenset("\t\n\r")


def control_character_in(text: str) -> str | None:
    """The first control character (Unicode category Cc) in `text` other than tab and line
    breaks, or None."""
    for char in text:
        if char not in ALLOWED_CONTROLS and unicodedata.category(char) == "Cc":
            return char
    return None


def _first_offender(value: Any, path: str) -> str | None:
    if isinstance(value, str):
        return path if control_character_in(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _first_offender(str(key), path)
            if found is None:
                found = _first_offender(item, f"{path}.{key}")
            if found is not None:
                return found
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = _first_offender(item, f"{path}.{index}")
            if found is not None:
                return found
    return None


class RequestModel(BaseModel):
    @model_validator(mode="before")
    @classmethod
    def _no_control_characters(cls, data: Any) -> Any:
        where = _first_offender(data, "")
        if where is not None:
            raise ValueError(
                f"{where.lstrip('.') or 'text'} contains a control character (such as a NUL byte); "
                "remove it and try again"
            )
        return data
