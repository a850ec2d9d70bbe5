"""What linking accounts needs from storage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

MergeOutcome = Literal["linked", "gone", "conflict"]


@dataclass(frozen=True)
class LinkCode:
    """A live code: who asked for it, and from which platform."""

    user_id: int
    platform: str
    expires_at: datetime


class LinkStore(Protocol):
    """What linking needs from storage."""

    async def create_code(
        self, user_id: int, platform: str, code_hash: str, now: datetime, expires_at: datetime
    ) -> None:
        """Store a new code for `user_id`, replacing any unused one it had."""
        ...

    async def find_live_code(self, code_hash: str, now: datetime) -> LinkCode | None:
        """Return the unused, unexpired code with this hash, or None."""
        ...

    async def count_failed_attempts(self, user_id: int, since: datetime) -> int: ...

    async def record_attempt(self, user_id: int, ok: bool, now: datetime) -> None: ...

    async def use_code_and_merge(
        self, code_hash: str, source_user_id: int, target_user_id: int, now: datetime
    ) -> MergeOutcome:
        """Mark the code used and move everything of `source_user_id` to `target_user_id`.

        All or nothing: "gone" if the code was used or expired meanwhile, "conflict" if
        the source's data cannot be moved (nothing changed then, the code stays usable).
        """
        ...
