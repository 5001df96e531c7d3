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
# What every rule needs: a digit, "@" or "/", "www", "dot" or a dot before two letters (any
# case). In three searches that each let the regex engine skip to a likely character (only
# "W" and "D" match "w" and "d" case-insensitively).
_PERSONAL_DATA_HINTS = (
    re.compile(r"[@\d/]"),
    re.compile(r"\.[a-z]{2}", re.IGNORECASE),
    re.compile(r"[wWdD](?:(?<=[wW])(?i:ww)|(?<=[dD])(?i:ot)\b)"),
)
# For each rule, a part every match of it contains (the same characters under the same flags),
# searched first: a sentence with a digit (a year, "14 Juillet", "206 bones") passed the hint
# above and then paid for every rule, some of which retry each position of each word.
_RULE_HINTS: tuple[re.Pattern[str], ...] = (
    re.compile("@"),
    re.compile(r"(?:\(at\)|\[at\]|\{at\}|\sat\s)", re.IGNORECASE),
    re.compile(r"(?:https?://|www\.)", re.IGNORECASE),
    re.compile(rf"\.(?:{_TLDS})\b"),
    re.compile(r"\+\d"),
    re.compile(r"\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}"),
    re.compile(r"0\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}"),
    re.compile(r"\d{10}"),
    re.compile(
        r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|"
        r"Pl|Terrace|Close|Crescent|Highway|Hwy)\b"
    ),
    # (Case-insensitive words cost more to find than these rules: their number, then.)
    re.compile(r"\d"),
    re.compile(r"\d"),
    re.compile(r"(?:straße|strasse|str\.|gasse|allee)\s"),
    re.compile(r"\d"),
    re.compile(r"רחוב\s"),
)


def find_personal_data(text: str) -> Iterator[tuple[str, Severity, int, int]]:
    """(what, severity, start, end) for emails, links, phone numbers and street addresses."""
    symbol, domain, word = _PERSONAL_DATA_HINTS
    if symbol.search(text) is None and domain.search(text) is None and word.search(text) is None:
        return  # no digit, @, link or domain: nothing to find
    for (what, severity, pattern), hint in zip(PERSONAL_DATA_RULES, _RULE_HINTS, strict=True):
        if hint.search(text) is None:
            continue
        for match in pattern.finditer(text):
            yield what, severity, match.start(), match.end()
