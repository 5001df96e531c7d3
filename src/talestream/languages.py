"""The languages talestream writes in, by code, with the names prompts and messages use.

A bottom-layer module: prompts (stories) and model capabilities (generation) both read it."""

LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "ru": "Russian",
    "he": "Hebrew",
}
