"""Structured answers asked of the model (validated; grammar-constrained where supported)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Choice(BaseModel):
    text: str = Field(min_length=1, max_length=120)


class ChapterEnding(BaseModel):
    """How a chapter ends: a question for the child and 2-4 things the hero could do next."""

    choice_question: str = Field(min_length=3, max_length=200)
    choices: list[Choice] = Field(min_length=2, max_length=4)
