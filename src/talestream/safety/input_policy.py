# ruff: noqa: RUF001, RUF002
# (multilingual word lists and look-alike letters are the point of this file)
"""Input policy: what a parent types (names, titles, ideas, themes, custom choices).

User text is data, never instructions to the model. This module rejects text that tries to be
instructions (prompt injection, in the six supported languages and in the role/tag syntaxes of
common chat templates), text the story must not be about (the output lexicon, one year stricter:
a model asked for something at the edge of an age band tends to overshoot it), personal data, and
over-long fields; and `quote_user_text` renders whatever passes as an inert JSON string literal
for the prompt. Reasons are written for the parent: what is wrong and what to try instead.
"""

from __future__ import annotations

import json
import re

from talestream.safety.core.encoder import SentenceEncoder
from talestream.safety.core.harm import SemanticLayer
from talestream.safety.core.language import normalise_age, normalise_language
from talestream.safety.core.masked import find_masked
from talestream.safety.core.matcher import matcher_for
from talestream.safety.core.normalize import clean_user_text, fold
from talestream.safety.core.personal_data import find_personal_data
from talestream.safety.core.profanity import (
    CLASSIFIER_THRESHOLD,
    classifier_input,
    looks_english,
    shared_scorer,
)
from talestream.safety.core.scan import scan_lexicon
from talestream.safety.lexicon import CATEGORY_LABELS, SUPPORTED_LANGUAGES
from talestream.safety.result import InputVerdict

__all__ = [
    "DEFAULT_LIMIT",
    "ENCODER_FIELDS",
    "FIELD_LIMITS",
    "INPUT_AGE_MARGIN",
    "InputPolicy",
    "quote_user_text",
]

# Characters per field, after whitespace normalisation.
FIELD_LIMITS: dict[str, int] = {
    "name": 50,
    "title": 120,
    "idea": 500,
    "theme": 60,
    "choice": 200,
    "custom_choice": 200,  # what the stories router calls a free-text choice
    "avoid_topic": 40,  # one item of a child's topics to avoid ("spiders", "hospitals")
}
DEFAULT_LIMIT = 200  # any other free-text field
_LABELS = {"choice": "choice", "custom_choice": "choice", "interest": "interest"}
INPUT_AGE_MARGIN = 1  # requests are judged as if the child were this much younger

_SEVERITY_RANK = {"low": 0, "medium": 1, "high": 2}
# Fields the sentence encoder reads: prose about the story. Not names (not prose) and not
# topics to avoid (a parent naming what to keep out of a story must not be refused for it).
ENCODER_FIELDS = frozenset({"theme", "idea", "title", "custom_choice"})

# --- prompt injection -------------------------------------------------------------------------

_QUALIFIER = (
    r"(?:previous|prior|above|earlier|preceding|all|any|your|system|original|initial|safety|"
    r"developer|these|those)"
)
_INSTRUCTIONS = (
    r"(?:instructions?|prompts?|directions|guidelines|messages?|context|restrictions|guardrails|"
    r"filters?|polic(?:y|ies)|programming|commands)"
)
_SENTENCE_START = r"(?:^|[.!?:;]\s*)"
# Applied to folded text (lower case, no diacritics, й->и): see normalize.fold.
_INJECTION_FOLDED = [
    # English
    rf"\b(?:ignore|disregard|forget|override|bypass|skip)\b(?:\s+\w+){{0,3}}?\s+{_QUALIFIER}\b"
    rf"(?:\s+\w+){{0,2}}?\s+{_INSTRUCTIONS}\b",
    r"\b(?:ignore|disregard|forget)\b(?:\s+\w+){0,2}?\s+"
    r"(?:previous|prior|above|system|your) rules\b",
    r"\b(?:ignore|disregard|forget) (?:everything|anything|all) "
    r"(?:above|before|previously|you were told)",
    # "ignore the above" (not "forget the previous summer": that needs an instructions noun)
    r"\b(?:ignore|disregard|forget) (?:the|all the|what(?:ever)? (?:is|was|came|i said)) above\b",
    # prompt extraction: "print the text above this line", "repeat the words you were given"
    # (not "show me the words above the door")
    r"\b(?:print|repeat|show|output|reveal|display|write out|copy|recite|tell me)\b"
    r"(?:\s+\w+){0,3}?\s+(?:text|words|everything|lines?|instructions|prompt|messages?)\s+"
    r"(?:above(?=\s*(?:[.!?,:;]|$|this\b|word for word|verbatim))|before this|"
    r"you were given|you received)",
    # payloads smuggled in an encoding the filters cannot read
    r"\b(?:decode|decrypt|unscramble|deobfuscate)\b[^.!?\n]{0,40}?\b(?:and|then)\s+"
    r"(?:follow|obey|execute|run|do)\b",
    r"\bbase ?64\b",
    # "You are now ..." opening a sentence is the classic role reset; inside a sentence ("a story
    # where you are now a big brother") only when a model-ish role follows.
    rf"{_SENTENCE_START}you are now\b",
    r"\byou are now (?:a |an )?(?:ai|assistant|bot|chatbot|language model|model|dan|jailbroken|"
    r"unfiltered|uncensored|evil|different|new|free)\b",
    r"\bfrom now on,? you (?:are|will|must|should|shall)\b",
    r"\b(?:new|updated|real|actual|secret) (?:instructions?|rules|task|prompt)\s*:",
    r"\bsystem (?:prompt|message|instructions?)\b",
    r"\b(?:reveal|show|print|repeat|output|tell me) (?:me )?(?:your|the) "
    r"(?:system |hidden |initial )?(?:prompt|instructions)\b",
    r"\bdeveloper mode\b",
    r"\bjailbr(?:eak|oken)\w*",
    r"\bdo anything now\b",
    r"\b(?:dan|god|admin|sudo) mode\b",
    r"\bact as (?:an? )?(?:ai|assistant|chatbot|language model|unfiltered|uncensored|jailbroken|"
    r"different model|system|developer|admin)\b",
    r"\bpretend (?:that )?(?:you|there) (?:are|have|is) no (?:rules|restrictions|filters|limits)\b",
    r"\b(?:respond|reply|answer) only with\b",
    r"\bbegin your (?:response|answer|reply|story) with\b",
    r"\bstop being (?:a |an )?(?:story ?teller|assistant|ai)\b",
    # Spanish
    r"\b(?:ignora|ignore|ignorar|ignoren|olvida|olvide|olvidar|olviden|omite)\b[^.!?\n]{0,30}?"
    r"\b(?:instrucciones|indicaciones|reglas|ordenes)\s+"
    r"(?:anteriores|previas|de arriba|del sistema)\b",
    r"\b(?:ignora|ignore|olvida|olvide)\s+(?:todas?\s+)?(?:las\s+|tus\s+|sus\s+)?"
    r"(?:instrucciones|indicaciones)\b",
    rf"{_SENTENCE_START}(?:ahora|a partir de ahora|desde ahora),? (?:tu )?eres\b",
    r"\bahora eres (?:un |una )?(?:ia|asistente|bot|chatbot|modelo|dan)\b",
    r"\bmodo desarrollador\b",
    # French
    r"\b(?:ignore|ignorez|ignorer|oublie|oubliez|oublier)\b[^.!?\n]{0,30}?"
    r"\b(?:instructions|consignes|regles)\s+(?:precedentes|anterieures|ci-dessus|du systeme)\b",
    r"\b(?:ignore|ignorez|oublie|oubliez)\s+(?:toutes?\s+)?(?:les|tes|vos)\s+"
    r"(?:instructions|consignes)\b",
    rf"{_SENTENCE_START}(?:tu es|vous etes) (?:maintenant|desormais)\b",
    r"\b(?:tu es|vous etes) (?:maintenant|desormais) (?:un |une )?(?:ia|assistant|bot|chatbot|"
    r"modele|dan)\b",
    rf"{_SENTENCE_START}(?:desormais|a partir de maintenant|dorenavant),? "
    r"(?:tu es|vous etes|tu dois|vous devez)\b",
    r"\bmode developpeur\b",
    # German
    r"\b(?:ignoriere|ignorier|ignoriert|vergiss|vergesst|missachte)\b[^.!?\n]{0,30}?"
    r"\b(?:anweisungen|instruktionen|vorgaben|befehle|systemanweisungen|regeln oben|"
    r"bisherigen regeln)\b",
    rf"{_SENTENCE_START}du bist (?:jetzt|ab jetzt|nun|ab sofort|von nun an)\b",
    r"\bdu bist (?:jetzt|nun) (?:eine? )?(?:ki|assistent|bot|chatbot|modell|dan)\b",
    rf"{_SENTENCE_START}(?:ab jetzt|ab sofort|von nun an),? bist du\b",
    r"\bentwicklermodus\b",
    # Russian
    r"\b(?:игнорируи|игнорируите|проигнорируи|игнорировать|забудь|забудьте|забыть)\b[^.!?\n]{0,30}?"
    r"\b(?:инструкци\w*|указани\w*|правила|промпт\w*)",
    r"\b(?:теперь ты|ты теперь|отныне ты|с этого момента ты)\s+(?:не\s+)?(?:ии|ассистент\w*|бот\w*|"
    r"модель\w*|чат\w*|dan|другая модель|без ограничении|свободен|свободна)",
    rf"{_SENTENCE_START}с этого момента ты\b",
    r"\bрежим разработчика\b",
    # Hebrew (no \b before words: one-letter prefixes attach to them)
    r"(?:התעלם|התעלמי|תתעלם|תתעלמי|שכח|שכחי|תשכח|תשכחי)\s[^.!?\n]{0,30}?(?:הוראות|הנחיות|כללים)",
    r"(?:אתה|את) עכשיו (?:בינה|עוזר|עוזרת|מודל|בוט|צ'אט|dan)",
    r"(?:מעכשיו|מהרגע הזה) (?:אתה|את)\s",
    r"מצב מפתח",
]
# Applied to the raw text: chat-template role tags and markers, fake JSON roles, role prefixes.
_INJECTION_RAW = [
    r"<\|?\s*/?\s*(?:im_start|im_end|im_sep|system|user|assistant|endoftext|eot_id|eom_id|"
    r"start_header_id|end_header_id|begin_of_text|end_of_text|fim_\w+|tool|ipython)\s*\|?>",
    r"\[\s*/?\s*(?:INST|SYS|SYSTEM|USER|ASSISTANT)\s*\]",
    r"<<\s*/?\s*SYS\s*>>",
    r"</?\s*(?:system|assistant|user|instructions?|prompt|s|developer|tool)\s*>",
    r"<\s*/?\s*(?:start_of_turn|end_of_turn)\s*>",
    r"(?m)^\s*#{2,}\s*(?:instructions?|system|response|input|assistant|user|human|prompt)\b",
    r"(?m)^\s*(?:system|assistant|user|developer|human|ai|bot|model)\s*:",
    r"(?:\n|\r|\u2028)\s*(?:system|assistant|user|developer|human)\s*:",
    r"[\"']role[\"']\s*:\s*[\"'](?:system|assistant|user|developer|tool)[\"']",
    r"\{\s*[\"'](?:system|instructions?|prompt|messages)[\"']\s*:",
]
_FOLDED_PATTERNS = [re.compile(p) for p in _INJECTION_FOLDED]
_RAW_PATTERNS = [re.compile(p, re.IGNORECASE) for p in _INJECTION_RAW]


def find_injection(text: str) -> str | None:
    """The part of `text` that reads as instructions to a model, or None."""
    for pattern in _RAW_PATTERNS:
        match = pattern.search(text)
        if match:
            return match.group().strip()
    folded = fold(" ".join(clean_user_text(text).split())).text
    for pattern in _FOLDED_PATTERNS:
        match = pattern.search(folded)
        if match:
            return match.group().strip()
    return None


# --- quoting --------------------------------------------------------------------------------

_ANGLE = str.maketrans({"<": "‹", ">": "›", "`": "'"})
_ROLE_BRACKETS = re.compile(r"\[\s*(/?\s*(?:INST|SYS|SYSTEM|USER|ASSISTANT))\s*\]", re.IGNORECASE)
_HASHES = re.compile(r"#{2,}")
_LEADING_ROLE = re.compile(r"^\s*(system|assistant|user|developer|human)\s*:", re.IGNORECASE)


def quote_user_text(text: str) -> str:
    """User text as an inert JSON string literal for a prompt.

    On one line (newlines and control/invisible characters removed), with chat-template markers
    defused (angle brackets become ‹ ›, so "<|im_start|>" cannot be read as a special token by a
    tokenizer that parses special tokens in text; "[INST]" becomes "(INST)"; "###" headings
    become "#"; a leading "system:" loses its colon), then JSON-encoded so quotes and backslashes
    cannot end the string. Non-ASCII stays readable (Hebrew, Cyrillic) for the model.
    """
    cleaned = clean_user_text(text)
    cleaned = cleaned.translate(_ANGLE)
    cleaned = _ROLE_BRACKETS.sub(lambda m: f"({m.group(1).replace(' ', '')})", cleaned)
    cleaned = _HASHES.sub("#", cleaned)
    cleaned = _LEADING_ROLE.sub(lambda m: f"{m.group(1)} -", cleaned)
    return json.dumps(cleaned, ensure_ascii=False)


# --- the policy -----------------------------------------------------------------------------

_SUGGESTIONS = {
    "violence": "Try a gentler challenge instead, like a puzzle to solve, a race to win or "
    "someone who needs help.",
    "fear": "Try something cosy or mysterious instead, like a friendly ghost, a lantern walk "
    "at night or a secret door.",
    "weapons": "Try giving the hero a clever tool instead, like a magic map, a rope or a kind "
    "word.",
    "drugs_alcohol": "Try a picnic, a tea party or a lemonade stand instead.",
}


def _reason(category: str, label: str, age: int, word: str, detail: str = "") -> str:
    quoted = f" (“{word}”)" if word else ""
    if category == "fear":
        return (
            f"This {label} sounds too frightening for a {age}-year-old{quoted}. "
            f"{_SUGGESTIONS['fear']}"
        )
    if category in _SUGGESTIONS:
        return (
            f"This {label} mentions {CATEGORY_LABELS[category]}{quoted}, which we can't put in "
            f"a story for a {age}-year-old. {_SUGGESTIONS[category]}"
        )
    if category == "sexual":
        return (
            f"This {label} includes grown-up content that isn't suitable for a children's "
            "story. Please choose a different idea."
        )
    if category == "self_harm":
        return (
            f"This {label} mentions hurting oneself, which we can't turn into a story. If "
            "someone is struggling, please talk to a person you trust or a local helpline."
        )
    if category == "hate":
        return (
            f"This {label} contains hurtful or insulting words. Stories here are a kind place: "
            "try describing what happens without name-calling."
        )
    if category == "profanity":
        return (
            f"This {label} contains language we don't use in children's stories. "
            "Please rephrase it."
        )
    if category == "personal_data" and detail:
        return (
            f"Please leave personal details such as {detail} out of the {label}: stories don't "
            "need them, and keeping them private keeps your child safe."
        )
    if category == "personal_data":
        return (
            f"This {label} talks about secrets from parents or meeting someone, which we never "
            "put in a child's story. Please choose a different idea."
        )
    return f"This {label} can't be used for a children's story. Please try something else."


class InputPolicy:
    """Checks one field of user input. Construct once; `check` is then cheap, except with the
    sentence encoder (milliseconds for a prose field): call it from a worker thread then."""

    def __init__(self, encoder: SentenceEncoder | None = None) -> None:
        self._scorer = shared_scorer()
        self._semantic = SemanticLayer()
        self._encoder = encoder
        for language in SUPPORTED_LANGUAGES:
            matcher_for(language)  # compile now, not on a parent's first request

    def check(self, field: str, text: str, *, age: int = 8, language: str = "en") -> InputVerdict:
        age, language = normalise_age(age), normalise_language(language)
        label = _LABELS.get(field, field.replace("_", " "))
        cleaned = clean_user_text(text)

        def verdict(reason: str | None) -> InputVerdict:
            return InputVerdict(ok=reason is None, field=field, reason=reason, cleaned=cleaned)

        if not cleaned:
            return verdict(f"Please enter a {label}.")
        limit = FIELD_LIMITS.get(field, DEFAULT_LIMIT)
        if len(cleaned) > limit:
            return verdict(
                f"Please keep the {label} to {limit} characters or fewer (it has {len(cleaned)})."
            )
        injected = find_injection(text)
        if injected is not None:
            shown = injected if len(injected) <= 40 else injected[:39] + "…"
            return verdict(
                f"This {label} looks like instructions for the story model (“{shown}”) rather "
                "than part of a story. Please simply describe what you'd like, for example "
                "“a shy dragon who learns to fly”."
            )
        personal = next(iter(find_personal_data(cleaned)), None)
        if personal is not None:
            what = personal[0]
            article = "an" if what[0] in "aeiou" else "a"
            return verdict(_reason("personal_data", label, age, "", detail=f"{article} {what}"))
        strict_age = max(age - INPUT_AGE_MARGIN, 0)
        worst = None
        for hit, matched, _excerpt in scan_lexicon(cleaned, language):
            if strict_age < hit.term.min_age and (
                worst is None
                or _SEVERITY_RANK[hit.term.severity] > _SEVERITY_RANK[worst[0].term.severity]
            ):
                worst = (hit, matched)
        if worst is not None:
            hit, matched = worst
            return verdict(_reason(hit.term.category, label, age, " ".join(matched.split())))
        if any(True for _ in find_masked(fold(cleaned).text)):
            return verdict(_reason("profanity", label, age, ""))
        # Names are not prose (the classifier was trained on English sentences); other fields
        # are read like story sentences (see output_policy.check_sentence).
        if (
            field != "name"
            and (language == "en" or looks_english(cleaned))
            and self._scorer.score(classifier_input(cleaned)) >= CLASSIFIER_THRESHOLD
        ):
            return verdict(_reason("profanity", label, age, ""))
        # Harm described without listed words ("a friendly robot who asks for your address").
        # The classifier reads prose, so not a name; the frames read every field.
        harm = self._semantic.issues(cleaned, language, classifier=field != "name")
        if harm:
            return verdict(_reason(harm[0].category, label, age, ""))
        # The same harm in words neither the frames nor the bag of words know.
        if self._encoder is not None and field in ENCODER_FIELDS:
            judged = self._encoder.judge(cleaned)
            if judged.unsafe >= self._encoder.threshold:
                return verdict(_reason(judged.category, label, age, ""))
        return verdict(None)
