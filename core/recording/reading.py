"""Whether a message is a log at all, and reading it with what the person taught us.

A command is never a log, and neither is a question or a complaint, even with sets in
it (`my knee hurts after squats 3x8 100kg, what should I do`): that gets an answer, and
an offer to log the sets. Everything else is read with the person's units, their
notation for `225x3x5` and their own exercise names.
"""

from __future__ import annotations

import re

from core.accounts.profile import Profile
from core.faq.answer import is_plain_question
from core.faq.small_talk import small_talk
from core.recording.entries import ParseResult
from core.recording.parser import parse

# Asking for advice: the message is a question about the training, not a record of it.
_ADVICE = re.compile(
    r"\b(?:what\s+(?:should|do|can|would)\s+i\s+do|should\s+i|any\s+(?:advice|tips|ideas)"
    r"|is\s+(?:this|that|it)\s+(?:normal|ok|okay|bad|safe)|what\s+do\s+you\s+(?:think|suggest)"
    r"|do\s+i\s+need\s+to|how\s+do\s+i)\b"
)
_PAIN = re.compile(
    r"\b(?:hurts?|hurting|hurt|pain(?:ful)?|injur(?:ed|y)|tweak(?:ed)?|strain(?:ed)?|"
    r"pulled|sprain(?:ed)?|twinge)\b"
)


# A line that opens as a question does, `?` or not (never `did`, `do`: `did 3x8 squats`).
_ASKS_FIRST = re.compile(
    r"\s*(?:is(?!\s+(?:done|finished|over))|isn'?t|does|doesn'?t|why|should|shall|can|would|are|which|"
    r"(?:how|what|whats|what's|when|where)\s+(?:should|do|does|is|are|about|much|many|long|"
    r"often|far|heavy|fast|can|would|if))\s+(?!\d)"
)
# A one-line message this short that ends in `?` asks; a longer one may be a log with a
# question after it (`Front Squat: 225×4 @RPE 6 ... Permission to do 245 next set?`).
SHORT_QUESTION = 60


def asks_instead_of_logging(text: str) -> bool:
    """Return True for a question or a complaint, which is answered, never recorded."""
    lowered = text.lower()
    if is_plain_question(text) or _ADVICE.search(lowered):
        return True
    if _ASKS_FIRST.match(lowered) and "\n" not in text:
        return True  # `is walking 40 min a day enough`, `does 3x8 100kg count as heavy`
    if lowered.rstrip(" .!").endswith("?") and len(text) <= SHORT_QUESTION and "\n" not in text:
        return True  # `squat 3x5 100kg?`, `walk 40 min - too long?`: answered, the log offered
    return bool(_PAIN.search(lowered)) and "?" in lowered


def never_a_log(text: str) -> bool:
    """Return True for text that is never recorded as a workout: a command or a question."""
    return (
        text.lstrip().startswith("/")
        # A greeting that happens to be an exercise's name ("good morning bot!") is a greeting.
        or small_talk(text) is not None
        or asks_instead_of_logging(text)
    )


_LOG_COMMAND = re.compile(r"^\s*/log(?:@\w+)?\s+", re.IGNORECASE)


def logged_text(text: str) -> str | None:
    """Return what a message logs when recorded on purpose: the text after `/log`, or the
    text itself; None for any other command."""
    if (command := _LOG_COMMAND.match(text)) is not None:
        return text[command.end() :]
    return None if text.lstrip().startswith("/") else text


def read_log(text: str, profile: Profile) -> ParseResult:
    """Return what `text` logs for this person (their units, notation and own names)."""
    return parse(text, profile.units, notation=profile.notation, names=profile.names or None)
