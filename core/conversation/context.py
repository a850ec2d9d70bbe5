"""What every command handler gets: the message, the person, and the unit of work."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from core.accounts.profile import Profile
from core.messages import IncomingMessage, Reply
from core.ports import Repository, UnitOfWork


@dataclass
class Context:
    uow: UnitOfWork
    profile: Profile
    message: IncomingMessage
    message_id: int
    now: datetime

    @property
    def repo(self) -> Repository:
        return self.uow.repo


Handler = Callable[[Context, str], Awaitable[list[Reply]]]
