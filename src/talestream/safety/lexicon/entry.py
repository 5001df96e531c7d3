"""The shape of a lexicon entry and the ids every layer shares (categories, languages)."""

from talestream.safety.result import Severity

NEVER = 99  # min_age of what is never acceptable in a story
SUPPORTED_LANGUAGES = ("en", "es", "fr", "de", "ru", "he")

# Category ids (stable: the workflow and the UI key on them) and how a parent reads them.
CATEGORY_LABELS: dict[str, str] = {
    "violence": "violence",
    "fear": "frightening content",
    "sexual": "grown-up (sexual) content",
    "self_harm": "self-harm",
    "drugs_alcohol": "alcohol, smoking or drugs",
    "weapons": "weapons",
    "hate": "hurtful or insulting language",
    "profanity": "swearing",
    "personal_data": "personal information",
    "injection": "instructions to the story model",
}

# (category, severity, min_age, pattern, pattern, ...)
Entry = tuple[str, Severity, int, *tuple[str, ...]]

# A concept for the harm frames (core/frames.py): (concept name, pattern, pattern, ...). Patterns
# follow the lexicon's rules (folded text, two literal letters first, word boundary at the end).
Concept = tuple[str, *tuple[str, ...]]
