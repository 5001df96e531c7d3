"""Masked swearing ("f*ck", "sh**", "b*tch"): the mask does not make a word child-safe."""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["find_masked"]

# fmt: off
_MASKABLE = (
    "fuck", "fucking", "fucker", "fucked", "shit", "shitty", "bitch", "bitches", "cunt", "ass",
    "asshole", "arse", "dick", "cock", "pussy", "bastard", "whore", "slut", "damn", "hell", "crap",
    "piss", "nigger", "nigga", "faggot", "fag", "sex", "porn", "motherfucker", "bullshit", "wank",
    "wanker", "twat", "tits", "boobs", "merde", "putain", "puta", "mierda", "scheisse", "arsch",
)
# fmt: on
_MASKED_TOKEN = re.compile(r"(?<![\w*])[^\W\d_]+\*+[^\W\d_*]*(?:\*+[^\W\d_*]+)*(?![\w*])")


def find_masked(text: str) -> Iterator[tuple[int, int]]:
    """Spans of masked words that unmask to a swear word (the mask does not make it child-safe)."""
    if "*" not in text:  # every masked token has one; most sentences have none
        return
    for match in _MASKED_TOKEN.finditer(text):
        token = match.group()
        letters = sum(c.isalpha() for c in token)
        if letters >= 2:
            shape = re.compile(
                "".join(r"\w+" if c == "*" else re.escape(c) for c in re.sub(r"\*+", "*", token))
            )
        elif token.count("*") >= 2:
            # "f***", "s***": one letter says little, so each star must stand for one letter.
            shape = re.compile("".join(r"\w" if c == "*" else re.escape(c) for c in token))
        else:
            continue
        if any(shape.fullmatch(word) for word in _MASKABLE):
            yield match.start(), match.end()
