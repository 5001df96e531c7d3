# ruff: noqa: RUF001
# (Russian and Hebrew street words)
"""Personal data rules: emails, links, phone numbers and street addresses in the six languages.

They run on the original text: case and punctuation matter here."""

from __future__ import annotations

import re
from collections.abc import Iterator

from talestream.safety.result import Severity

__all__ = ["PERSONAL_DATA_RULES", "find_personal_data"]

# Bare domains need a TLD that is not also a word or a typo ("end.it", "casa.es"), so the
# country codes are only recognised after www. or http(s)://.
_TLDS = "com|org|net|edu|gov|io|info|biz|ru|uk|app|dev|xyz|online|site|shop|club|link|live|gg|tv|ly"
PERSONAL_DATA_RULES: list[tuple[str, Severity, re.Pattern[str]]] = [
    ("email address", "high", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (
        "email address",
        "high",
        re.compile(
            rf"\b[\w.+-]+\s*(?:\(at\)|\[at\]|\{{at\}}|\sat\s)\s*[\w-]+\s*"
            rf"(?:\(dot\)|\[dot\]|\{{dot\}}|\sdot\s|\.)\s*(?:{_TLDS})\b",
            re.IGNORECASE,
        ),
    ),
    ("web link", "medium", re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)),
    (
        "web link",
        "medium",
        re.compile(rf"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})\b(?:/\S*)?"),
    ),
    (
        "phone number",
        "high",
        re.compile(
            r"(?<![\w+])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){2,3}\b"
        ),
    ),
    ("phone number", "high", re.compile(r"(?<![\w.,])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")),
    ("phone number", "high", re.compile(r"(?<![\w.,])0\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b")),
    ("phone number", "high", re.compile(r"(?<![\w.,])\d{10,13}\b")),
    (
        "street address",
        "medium",
        re.compile(
            r"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\s+){1,3}"
            r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|"
            r"Pl|"
            r"Terrace|Close|Crescent|Highway|Hwy)\b\.?"
        ),
    ),
    (
        "street address",
        "medium",
        re.compile(
            r"(?i:\b(?:calle|avenida|avda\.?|plaza|paseo))\s+(?:de\s+(?:la\s+|los\s+|las\s+)?)?"
            r"[A-ZÁÉÍÓÚÑ][\w'-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w'-]*){0,2},?\s+(?:n[º°o]\.?\s*)?\d{1,4}\b"
        ),
    ),
    (
        "street address",
        "medium",
        re.compile(
            r"\b\d{1,4}(?:\s*(?:bis|ter))?,?\s+"
            r"(?i:rue|avenue|boulevard|bd|place|allée|impasse|chemin|quai)\s+"
            r"(?:d[eu]\s+|des\s+|de\s+la\s+|la\s+|l'|d')?[A-ZÉÈÀÂ][\w'-]+"
        ),
    ),
    (
        "street address",
        "medium",
        re.compile(r"\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|gasse|allee)\s+\d{1,4}[a-z]?\b"),
    ),
    (
        "street address",
        "medium",
        re.compile(
            r"(?:\bул\.|\bулица|\bпр-т|\bпроспект|\bпер\.|\bпереулок)\s*[\w-]+(?:\s+[\w-]+)?,?\s*"
            r"(?:д\.|дом)?\s*\d{1,4}",
            re.IGNORECASE,
        ),
    ),
    (
        "street address",
        "medium",
        re.compile(r"רחוב\s+[\u05d0-\u05ea\"'-]+(?:\s+[\u05d0-\u05ea\"'-]+)?\s+\d{1,4}"),
    ),
]
_PERSONAL_DATA_HINT = re.compile(r"[@\d/]|www|dot\b|\.[a-z]{2}", re.IGNORECASE)


def find_personal_data(text: str) -> Iterator[tuple[str, Severity, int, int]]:
    """(what, severity, start, end) for emails, links, phone numbers and street addresses."""
    if _PERSONAL_DATA_HINT.search(text) is None:  # no digit, @, link or domain: nothing to find
        return
    for what, severity, pattern in PERSONAL_DATA_RULES:
        for match in pattern.finditer(text):
            yield what, severity, match.start(), match.end()
