"""What handling one message came to: the replies and an outcome."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from core.messages import IncomingMessage, Reply

Status = Literal["recorded", "answered", "duplicate", "refused", "failed"]


@dataclass(frozen=True)
class HandleResult:
    replies: tuple[Reply, ...]
    status: Status
    parse_problems: int = 0  # fragments that looked like a workout but could not be read


class MessageHandler(Protocol):
    """What an adapter hands messages to: the service, or the group commit around it."""

    async def handle(self, message: IncomingMessage) -> HandleResult: ...
