"""A message delivered again after it was stored: answered only if its replies are owed."""

from __future__ import annotations

from core.conversation.outbox import decode
from core.conversation.results import HandleResult
from core.ports import StoredMessage


def redelivered(stored: StoredMessage | None) -> HandleResult:
    """Return the answer to a message stored before: its replies if they are still owed.

    The first delivery was stored, but its replies may never have gone out (the bot died,
    or the commit's answer was lost on the way); the adapter sends them once.
    """
    if stored is None or stored.owed is None:
        return HandleResult((), "duplicate")
    return HandleResult(decode(stored.owed), "duplicate", message_id=stored.id)
