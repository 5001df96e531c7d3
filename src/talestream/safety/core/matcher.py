"""The lexicon matcher: every term of a language (the lexicon's entries and the harm frames'
concepts, found in one pass), tried only where a word starts with its first two or three letters
(which keeps a sentence check in the microseconds)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from talestream.safety.core.normalize import fold_pattern
from talestream.safety.lexicon import NEVER, PREFIX_LETTERS, concepts_for, entries_for
from talestream.safety.result import Severity

__all__ = ["Hit", "Matcher", "Term", "concept_terms_for", "hits_in", "matcher_for", "terms_for"]


@dataclass(frozen=True, slots=True)
class Term:
    category: str
    severity: Severity
    min_age: int
    pattern: str  # as written; the compiled form is folded and anchored
    # Hebrew only: may the word carry one-letter prefixes? A leading "=" in a pattern says no,
    # for short words that prefixes turn into innocent ones ("הזין" = he fed, "מיין" = sorted).
    prefixable: bool = True
    # A harm-frame concept (core/frames.py; `category` is the concept's name), not a lexicon
    # entry: never an issue by itself.
    concept: bool = False


def terms_for(language: str) -> list[Term]:
    """The terms checked for `language` (see `lexicon.entries_for`)."""
    terms: list[Term] = []
    for category, severity, min_age, *patterns in entries_for(language):
        terms.extend(
            Term(category, severity, min_age, p.removeprefix("="), not p.startswith("="))
            for p in patterns
        )
    return terms


def concept_terms_for(language: str) -> list[Term]:
    """The harm-frame concepts of `language` as terms (see `lexicon.concepts_for`)."""
    return [
        Term(name, "high", NEVER, p.removeprefix("="), not p.startswith("="), concept=True)
        for name, *patterns in concepts_for(language)
        for p in patterns
    ]


# --- the matcher ------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_META = frozenset("\\.^$*+?{}[]|()")
_KEY_LENGTH = 2


def _group_end(pattern: str, start: int) -> int:
    """Index of the ")" closing the "(" at `start`."""
    depth, i = 0, start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a character class may contain parentheses
            i = pattern.index("]", i + 2)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _alternatives(pattern: str) -> list[str]:
    parts, depth, last, i = [], 0, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a character class may contain "|" and parentheses
            i = pattern.index("]", i + 2)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
        i += 1
    return [*parts, pattern[last:]]


def _keys(pattern: str, need: int = _KEY_LENGTH) -> set[str]:
    """Every literal string of length `need` a match of `pattern` can start with.

    Understands the subset lexicon patterns use before their second letter: literals, escaped
    literals, (?:a|b) groups with an optional "?", "?" after a letter, and look-arounds (skipped).
    Anything else there (\\w, classes, repeats) is a lexicon bug and raises ValueError.
    """
    if need == 0:
        return {""}
    if not pattern:
        raise ValueError("pattern can match fewer than two characters")
    if pattern.startswith(("(?<=", "(?<!", "(?=", "(?!")):
        return _keys(pattern[_group_end(pattern, 0) + 1 :], need)
    if pattern.startswith("\\b"):
        return _keys(pattern[2:], need)
    if pattern.startswith("(?:"):
        end = _group_end(pattern, 0)
        rest = pattern[end + 1 :]
        optional = rest.startswith("?")
        rest = rest.removeprefix("?")
        if rest[:1] in ("*", "+", "{"):
            raise ValueError(f"repeated group before the second letter: {pattern!r}")
        keys = set().union(*(_keys(alt + rest, need) for alt in _alternatives(pattern[3:end])))
        return keys | _keys(rest, need) if optional else keys
    if pattern.startswith("\\"):
        if pattern[1:2].isalnum():
            raise ValueError(f"character class before the second letter: {pattern!r}")
        char, rest = pattern[1], pattern[2:]
    elif pattern[0] in _META:
        raise ValueError(f"not a literal before the second letter: {pattern!r}")
    else:
        char, rest = pattern[0], pattern[1:]
    if rest[:1] in ("*", "+", "{"):
        raise ValueError(f"repeat before the second letter: {pattern!r}")
    if rest.startswith("?"):
        rest = rest[1:]
        return {char + k for k in _keys(rest, need - 1)} | _keys(rest, need)
    return {char + k for k in _keys(rest, need - 1)}


@dataclass(frozen=True, slots=True)
class Hit:
    term: Term
    start: int
    end: int


class _Candidates:
    """The terms indexed under one key. Which of them match at a word start is asked first of
    one regex of all of them (alternatives in order, each ending in a named empty group, so
    the match tells which term it is): most starts match none, and where one matches, the
    terms before it need no other call (a key like "you" or "the" has over a dozen)."""

    __slots__ = ("any_of", "later", "terms")

    def __init__(
        self, sources: list[str], terms: list[Term], compiled: dict[str, re.Pattern[str]]
    ) -> None:
        self.terms = terms
        # The own regex of each term after the first (`any_of` answers for the first), shared
        # between the keys a pattern is indexed under (compiling is most of start-up).
        self.later = [_compiled(source, compiled) for source in sources[1:]]
        if len(sources) == 1:  # most keys: the term's own regex
            self.any_of = _compiled(sources[0], compiled)
        else:
            self.any_of = re.compile(
                "|".join(f"(?:{source})(?!\\w)(?P<_{i}>)" for i, source in enumerate(sources))
            )


def _compiled(source: str, compiled: dict[str, re.Pattern[str]]) -> re.Pattern[str]:
    found = compiled.get(source)
    if found is None:
        found = compiled[source] = re.compile(f"(?:{source})(?!\\w)")
    return found


class Matcher:
    """All terms of one language, indexed by the first letters of each pattern: two by default;
    with `key_length=3` a pattern is indexed by three letters when all its matches have three
    literal characters to begin with, else by two (fewer tries at "the", "that", "they")."""

    def __init__(
        self,
        terms: list[Term],
        prefix_letters: str = "",
        language: str = "",
        key_length: int = _KEY_LENGTH,
    ) -> None:
        indexes: dict[int, dict[str, list[tuple[str, Term]]]] = {}
        sources: set[str] = set()
        self._prefix_letters = prefix_letters
        for term in terms:
            folded = fold_pattern(term.pattern, language)
            length = key_length
            while True:
                try:
                    keys = _keys(folded, length)
                    break
                except ValueError:
                    if length <= _KEY_LENGTH:
                        raise
                    length -= 1
            if not all(key[0].isalnum() for key in keys):
                raise ValueError(f"pattern must start with a letter: {term.pattern!r}")
            sources.add(folded)
            index = indexes.setdefault(length, {})
            for key in keys:
                index.setdefault(key, []).append((folded, term))
        compiled: dict[str, re.Pattern[str]] = {}
        self._indexes: list[tuple[int, dict[str, _Candidates]]] = [
            (
                length,
                {
                    key: _Candidates([p for p, _ in found], [t for _, t in found], compiled)
                    for key, found in index.items()
                },
            )
            for length, index in sorted(indexes.items())
        ]
        # The word starts worth a closer look (where a head of some term is), found by the
        # regex engine: Python work per word was most of a sentence's matching, and few words
        # start a term. Matched from a word start or a non-word character, `_to_candidate`
        # consumes whole words (possessively, so never part of one) and what separates them,
        # and stops at the next candidate word or the end.
        heads = set().union(*(_heads(source) for source in sources))
        skip = f"[{re.escape(prefix_letters)}]{{0,2}}" if prefix_letters else ""
        self._to_candidate = re.compile(f"(?:\\W++|(?!{skip}{_trie_pattern(heads)})\\w++)*+")

    def find(self, text: str, until: int | None = None) -> Iterator[Hit]:
        """Every match in a folded text (overlapping matches of different terms included);
        with `until`, only matches that start before that offset (they may end after it)."""
        # (Not searched only up to `until`: the heads of a word starting before it may reach
        # past it.)
        end = len(text) if until is None else min(until, len(text))
        to_candidate = self._to_candidate
        found = to_candidate.match(text)  # always a match, perhaps an empty one
        while found is not None and found.end() < end:
            pos = found.end()
            yield from self._hits_at(text, pos)
            # Past the candidate word, then on to the next (one copy of the big regex: its
            # code is most of what a sentence's matching reads from memory).
            word = _WORD.match(text, pos)
            found = to_candidate.match(text, word.end() if word is not None else pos + 1)

    def _hits_at(self, text: str, pos: int) -> Iterator[Hit]:
        """The matches at the word start `pos` (and, in Hebrew, after its prefix letters)."""
        starts = [pos]
        prefixes = self._prefix_letters
        if prefixes:  # Hebrew: also try the word without one or two prefix letters
            for skip in (1, 2):
                letter = text[pos + skip - 1 : pos + skip]
                if not letter or letter not in prefixes:
                    break
                starts.append(pos + skip)
        for start in starts:
            for length, index in self._indexes:
                entry = index.get(text[start : start + length])
                if entry is None:
                    continue
                match = entry.any_of.match(text, start)
                if match is None:
                    continue
                # The first term that matches here (its own regex would match the same text:
                # the alternatives before it failed and nothing follows it); then the rest.
                terms = entry.terms
                first = int(match.lastgroup[1:]) if len(terms) > 1 else 0  # type: ignore[index]
                if start == pos or terms[first].prefixable:
                    yield Hit(terms[first], start, match.end())
                for number in range(first + 1, len(terms)):
                    term = terms[number]
                    if start != pos and not term.prefixable:
                        continue
                    match = entry.later[number - 1].match(text, start)
                    if match is not None:
                        yield Hit(term, start, match.end())


# How far `_heads` spells a pattern out, and how many spellings it keeps (alternatives multiply).
_HEAD_LENGTH = 8
_HEAD_SPELLINGS = 64


def _heads(pattern: str) -> set[tuple[str, bool]]:
    """Literal strings, one of which starts every match of `pattern`: (head, whole), `whole`
    when the head is the entire match (the pattern has nothing after it but look-arounds).
    A superset on purpose: look-arounds are skipped and spelling stops at the first construct
    it does not read (classes, repeats) or after `_HEAD_LENGTH` letters; so a word start no
    head matches cannot start a match, and the exact test runs only where one does."""
    for need in range(_HEAD_LENGTH, _KEY_LENGTH - 1, -1):
        found = _spell(f"(?:{pattern})", need)
        if len(found) <= _HEAD_SPELLINGS:
            return found
    return found


def _spell(pattern: str, need: int) -> set[tuple[str, bool]]:
    if not pattern:
        return {("", True)}
    if need == 0:
        return {("", False)}
    if pattern.startswith(("(?<=", "(?<!", "(?=", "(?!")):
        return _spell(pattern[_group_end(pattern, 0) + 1 :], need)
    if pattern.startswith("\\b"):
        return _spell(pattern[2:], need)
    if pattern.startswith("(?:"):
        end = _group_end(pattern, 0)
        rest = pattern[end + 1 :]
        if rest[:1] in ("*", "+", "{"):
            return {("", False)}
        optional = rest.startswith("?")
        rest = rest.removeprefix("?")
        found: set[tuple[str, bool]] = set()
        for alternative in _alternatives(pattern[3:end]):
            found |= _spell(alternative + rest, need)
        return found | _spell(rest, need) if optional else found
    if pattern.startswith("\\") and not pattern[1:2].isalnum():
        char, rest = pattern[1], pattern[2:]
    elif pattern[0] in _META or pattern[0] == "\\":
        return {("", False)}  # a class, a repeat, a capturing group...: anything may follow
    else:
        char, rest = pattern[0], pattern[1:]
    if rest[:1] in ("*", "+", "{"):
        return {("", False)}
    spelled = {(char + head, whole) for head, whole in _spell(rest.removeprefix("?"), need - 1)}
    return spelled | _spell(rest[1:], need) if rest.startswith("?") else spelled


# A prefix tree of heads: one letter per key, plus these two markers (longer than a letter).
_Trie = dict[str, "_Trie"]
_WORD_END = "<end of word>"  # a whole head ends here
_ANYTHING = "<anything>"  # a head that anything may follow ends here


def _trie_pattern(heads: set[tuple[str, bool]]) -> str:
    """One regex matching where any head does (a whole head only at the end of a word), as a
    prefix tree: at each letter the regex engine skips the branches that start with another
    letter without entering them."""
    trie: _Trie = {}
    # Shortest first: a head that anything may follow makes the longer ones under it moot.
    for head, whole in sorted(heads, key=lambda item: len(item[0])):
        node = trie
        for char in head:
            if _ANYTHING in node:
                break
            node = node.setdefault(char, {})
        else:
            node.setdefault(_WORD_END if whole else _ANYTHING, {})
    return _node_pattern(trie)


def _node_pattern(node: _Trie) -> str:
    if _ANYTHING in node:
        return ""
    branches = [
        re.escape(char) + _node_pattern(child)
        for char, child in sorted(node.items())
        if char != _WORD_END
    ]
    if _WORD_END in node:
        branches.append("(?!\\w)")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_MATCHERS: dict[str, Matcher] = {}


def matcher_for(language: str) -> Matcher:
    """The lexicon's terms and the harm frames' concepts of `language`, so a sentence is read
    once for both (hits of concepts have `term.concept`). Compiled once per language and cached
    (compiling all patterns takes tens of ms)."""
    matcher = _MATCHERS.get(language)
    if matcher is None:
        # Three-letter keys: concepts start with common words ("the", "your"), and two letters
        # would try them at every "that", "they", "you".
        matcher = Matcher(
            terms_for(language) + concept_terms_for(language),
            PREFIX_LETTERS.get(language, ""),
            language,
            key_length=3,
        )
        _MATCHERS[language] = matcher
    return matcher


@lru_cache(maxsize=256)
def hits_in(folded: str, language: str) -> tuple[Hit, ...]:
    """Every hit of `matcher_for(language)` in a folded text, cached: the lexicon scan and the
    harm frames read the same pass, and a sentence judged with the next one is not read again."""
    return tuple(matcher_for(language).find(folded))
