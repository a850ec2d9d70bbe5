"""What handling one message came to: the replies and an outcome."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from core.messages import IncomingMessage, Reply

# "unavailable": the store was out of reach; nothing was written and nothing is said, so
# the platform should deliver the message again later (it is not wrong, just early).
Status = Literal["recorded", "answered", "duplicate", "refused", "failed", "unavailable"]


@dataclass(frozen=True)
class HandleResult:
    replies: tuple[Reply, ...]
    status: Status
    parse_problems: int = 0  # fragments that looked like a workout but could not be read
    # The stored message these replies answer, while they are owed (core.conversation.outbox):
    # the adapter marks it answered once they went out.
    message_id: int | None = None
    disk_full: bool = False  # "unavailable" because the store's disk is full

    @property
    def owed(self) -> bool:
        """True if the replies were kept with the stored message until they are sent."""
        return self.message_id is not None and bool(self.replies)


class MessageHandler(Protocol):
    """What an adapter hands messages to: the service, or the group commit around it."""

    async def handle(self, message: IncomingMessage) -> HandleResult: ...
