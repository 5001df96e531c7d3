"""Refusing passwords that are easy to guess, offline, with zxcvbn (Dropbox's estimator: it
knows the 30,000 most common passwords and their usual variations, like "password123",
keyboard runs, dates and the account's own email or name)."""

from __future__ import annotations

from zxcvbn import zxcvbn  # type: ignore[import-untyped]

# zxcvbn's scores: 0 and 1 fall to under a million guesses, i.e. to any online attack that
# tries a common-password list.
MIN_SCORE = 2
# zxcvbn's own ceiling is 72 characters; longer passwords are not the guessable kind, and
# estimating the first 72 characters keeps it fast.
ESTIMATED_CHARS = 72


def refuse_guessable(password: str, user_inputs: list[str]) -> str:
    """The password, or ValueError when it is one of the most common ones or close to it."""
    inputs = [part for text in user_inputs if text for part in (text, text.split("@")[0])]
    result = zxcvbn(password[:ESTIMATED_CHARS], user_inputs=inputs)
    if result["score"] >= MIN_SCORE:
        return password
    warning = str(result["feedback"].get("warning") or "").rstrip(".")
    reason = f" ({warning[0].lower()}{warning[1:]})" if warning else ""
    raise ValueError(f"password is too easy to guess{reason}: choose a less common one")
