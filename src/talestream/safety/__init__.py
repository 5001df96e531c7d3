"""Child safety: what reaches a child's screen, and what a parent may ask for.

- `OutputPolicy` gates model output sentence by sentence while it streams (`check_sentence`) and
  chapter by chapter (`check_text`); unsafe output is blocked and regenerated, never shown.
- `InputPolicy` checks what a parent types (names, titles, ideas, themes, custom choices).
- `quote_user_text` renders user text as inert data for a prompt; user text is never an
  instruction to the model.
- `split_sentences` cuts a streaming buffer into complete sentences for the gate;
  `feed_sentences` does the same token by token without rescanning what cannot have changed.

Layers, each importing only the ones before it: `lexicon/` (word lists and frame concepts, one
module per language) -> `core/` (normalisation, the matcher, masked-swearing and personal-data
rules, the profanity and semantic classifiers, harm frames, sentence splitting) -> the policies
(`output_policy`, `input_policy`, `moderation`). Evaluation and training tooling lives outside
the runtime package, in `talestream_tools.safety`.
"""

from talestream.safety.core.sentences import feed_sentences, split_sentences
from talestream.safety.input_policy import FIELD_LIMITS, InputPolicy, quote_user_text
from talestream.safety.output_policy import OutputPolicy
from talestream.safety.result import InputVerdict, SafetyIssue, SafetyResult

__all__ = [
    "FIELD_LIMITS",
    "InputPolicy",
    "InputVerdict",
    "OutputPolicy",
    "SafetyIssue",
    "SafetyResult",
    "feed_sentences",
    "quote_user_text",
    "split_sentences",
]
