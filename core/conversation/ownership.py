"""Whose button it is: the answers a tap gets when it isn't the sender's, and how to tell.

A button's data comes back as text sent by whoever tapped it (in a group, anyone; and a
modified client can forge it), so each handler checks what the data names against the
sender: a stored message (`/undo`, `/read`, `/exercise`, `/log`, `/delete cancel`), a
reminder delivery, a delete token, or the onboarding question the person is at. A tap
that isn't theirs gets one of the replies below, changes nothing, and is refused: its
buttons must stay where they are, for their owner.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.conversation.results import HandleResult, Status
from core.messages import Reply

# Names a stored message that isn't the sender's; it may also have been erased since.
NOT_YOURS = Reply(
    "That button is for someone else, or what it asked about is already gone. Nothing changed."
)
# An onboarding button (kg or lb, a timezone, Skip) from someone not at that question.
NOT_OPEN = Reply("That question is for someone else, or already answered. Nothing changed.")
# A reminder's button whose delivery isn't the sender's (or no longer exists).
NO_SUCH_REMINDER = Reply("I can't find that reminder. Nothing changed.")
# A delete confirmation whose token isn't the sender's, or expired.
INVALID_CONFIRMATION = Reply(
    "That confirmation isn't valid (expired or not yours). Send /delete again."
)

REFUSALS = (NOT_YOURS, NOT_OPEN, NO_SUCH_REMINDER, INVALID_CONFIRMATION)


def status_of(replies: Sequence[Reply]) -> Status:
    """Return a command's status: "refused" if it turned a tap away, else "answered"."""
    return "refused" if any(reply in REFUSALS for reply in replies) else "answered"


def refused(result: HandleResult) -> bool:
    """Return True if nothing was taken from the message: leave its buttons as they are."""
    return result.status == "refused" or status_of(result.replies) == "refused"
