"""What is refused before it is read: a flood from one person, or a message too long to read."""

from __future__ import annotations

from dataclasses import replace

from core.conversation.flood import FloodLimit
from core.conversation.results import HandleResult
from core.messages import IncomingMessage, Reply

MAX_TEXT = 4096


TOO_LONG = Reply(
    f"That message is over {MAX_TEXT:,} characters, so I didn't read it and nothing was "
    "recorded. Please send it in smaller pieces."
)
SLOW_DOWN = Reply(
    "You're sending messages faster than I can keep up with. Please wait a few seconds; "
    "nothing from the last few was recorded, so send those again."
)


def refusal(flood: FloodLimit, message: IncomingMessage) -> HandleResult | None:
    """Return the answer to a message refused before reading it, or None to go on."""
    verdict = flood.check(f"{message.platform}:{message.user_id}")
    if verdict == "notice":
        return HandleResult((SLOW_DOWN,), "refused")
    if verdict == "drop":
        return HandleResult((), "refused")
    if len(message.text) > MAX_TEXT:
        return HandleResult((TOO_LONG,), "refused")
    return None


def cleaned(message: IncomingMessage) -> IncomingMessage:
    """Return the message without NUL characters."""
    if "\x00" in message.text:
        # NUL can't be stored (PostgreSQL text) and never means anything here.
        return replace(message, text=message.text.replace("\x00", ""))
    return message
