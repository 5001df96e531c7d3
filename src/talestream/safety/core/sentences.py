# ruff: noqa: RUF001
# (abbreviations and quotes of several languages)
"""Sentence splitting for the streaming gate: a growing buffer in, complete sentences out."""

from __future__ import annotations

import re

__all__ = ["MAX_SENTENCE_CHARS", "feed_sentences", "split_sentences"]

# Words that end with a dot without ending the sentence (lower case, no dot).
# fmt: off
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "mt", "ft", "vs", "capt", "gen",
    "col", "lt", "sgt", "gov", "rev", "hon", "dept", "approx",
    "sra", "srta", "dra", "dña", "ud", "uds", "lic", "ing",  # Spanish
    "mme", "mlle", "mgr",  # French
    "hr", "hrn", "fr", "frl", "bzw", "ca", "evtl", "ggf", "inkl",  # German
    "ул", "им", "проф", "тов", "ст", "гг",  # Russian
    "no", "nr", "nº", "núm", "vol", "ch", "fig", "art", "pp", "p",
})
# Of those, the ones that are only abbreviations before a number ("No. 5" but "No. Go away.").
_BEFORE_NUMBER_ONLY = frozenset({"no", "nr", "nº", "núm", "vol", "ch", "fig", "art", "pp", "p"})
# fmt: on
_CLOSERS = "\"'”’»)\\]"  # for a regex character class
_SPACED_CLOSERS = "»”’)]"  # unambiguous closers, which French typography puts after a space
_BOUNDARY = re.compile(
    rf"(?P<end>[.!?…]+(?:[{_CLOSERS}]|[ \u00a0\u202f]»)*)?(?P<ws>\s+)(?=(?P<next>\S))"
)
_WORD_BEFORE_DOT = re.compile(r"([\w.'’-]*)\.$")
MAX_SENTENCE_CHARS = 400  # force a cut (at a space) so an unpunctuated run cannot stall the gate


def split_sentences(buffer: str) -> tuple[list[str], str]:
    """Complete sentences (each with its trailing whitespace) and the unfinished rest.

    A sentence ends at . ! ? … (possibly followed by closing quotes/brackets) once whitespace and
    the next character have arrived and that character is not lower case (so '"Wow!" said Tom.'
    and "Well… maybe" stay whole), and at a line break. A dot after an abbreviation ("Mr.",
    "Dr.", "e.g."), an initial ("J. K.") or inside a number ("3.5") does not end a sentence.
    `"".join(sentences) + rest == buffer` always holds, so a caller can feed a growing buffer
    token by token and release exactly what it has approved.
    """
    sentences: list[str] = []
    cut = 0
    for match in _BOUNDARY.finditer(buffer):
        end, ws, next_char = match.group("end"), match.group("ws"), match.group("next")
        if end is None:
            if "\n" not in ws or not buffer[cut : match.start()].strip():
                continue
        elif (
            next_char.islower()
            or next_char in _SPACED_CLOSERS  # "Bonjour ! »": the closing quote is still coming
            or not _ends_sentence(buffer, cut, match.start(), end)
        ):
            continue
        sentences.append(buffer[cut : match.end()])
        cut = match.end()
    rest = buffer[cut:]
    while len(rest) > MAX_SENTENCE_CHARS:
        piece = _forced_cut(rest)
        sentences.append(piece)
        rest = rest[len(piece) :]
    return sentences, rest


# split_sentences cuts after a sentence mark (with closing quotes or spaces) once whitespace and
# the next character have arrived, at a line break followed by text, or in an overlong run. Its
# verdict on a place never changes once that next character is there, so only a piece that
# brings such a next character can add a cut; for every other piece the buffer is not rescanned.
_MAY_CUT = re.compile(rf"[.!?…][{_CLOSERS}\s]*\s\S|\n\s*\S")
_MARKS_AND_CLOSERS = frozenset(".!?…" + _CLOSERS.replace("\\", ""))


def feed_sentences(rest: str, piece: str) -> tuple[list[str], str]:
    """`split_sentences(rest + piece)` for a streaming caller: `rest` is what the previous call
    left (no cut in it). A piece that cannot complete a sentence costs no rescan of the buffer,
    so feeding a chapter token by token stays linear."""
    start = len(rest)
    while start and (rest[start - 1] in _MARKS_AND_CLOSERS or rest[start - 1].isspace()):
        start -= 1
    if len(rest) + len(piece) <= MAX_SENTENCE_CHARS and not _MAY_CUT.search(rest[start:] + piece):
        return [], rest + piece
    return split_sentences(rest + piece)


def _ends_sentence(buffer: str, cut: int, start: int, end: str) -> bool:
    if not end.startswith(".") or end.startswith(".."):
        return True  # ! ? … and "..." always end a sentence (the lower-case test is done)
    word = _WORD_BEFORE_DOT.search(buffer, cut, start + 1)
    if word is None:
        return True
    token = word.group(1).lower().strip("'’-")
    if not token:
        return True
    if "." in token:  # e.g. / i.e. / U.S.
        return False
    if len(token) == 1 and token.isalpha():  # an initial: "J. K. Rowling"
        return False
    if token in _ABBREVIATIONS:
        following = buffer[start + len(end) :].lstrip()[:1]
        return token in _BEFORE_NUMBER_ONLY and not following.isdigit()
    return True


def _forced_cut(rest: str) -> str:
    window = rest[:MAX_SENTENCE_CHARS]
    # prefer a clause boundary in the second half, then any space, then a hard cut
    for pattern in (r"[,;:—–]\s+", r"\s+"):
        matches = [m for m in re.finditer(pattern, window) if m.end() > MAX_SENTENCE_CHARS // 2]
        if matches:
            return rest[: matches[-1].end()]
    return window
