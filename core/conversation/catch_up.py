"""Where a catch-up reads from: who wrote lately, and when their newest stored message was.

A platform that delivers each message once (Discord) loses what arrives while the bot is
disconnected or the database is out of reach, unless the bot reads its channels back.
The adapter reads each person's channel from their newest stored message on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from core.ports import UnitOfWork


@dataclass(frozen=True)
class Correspondent:
    """A person who wrote lately: their platform id and their newest stored message's time."""

    user_id: str
    last_stored: datetime


async def correspondents(
    unit_of_work: Callable[[], UnitOfWork], platform: str, since: datetime, at_most: int
) -> list[Correspondent]:
    """Return up to `at_most` people of `platform` who wrote since `since`, the latest first.

    Raises what the store raises when the database is out of reach (StoreUnavailable).
    """
    async with unit_of_work() as uow:
        rows = await uow.outbox.recent_senders(platform, since, at_most)
    return [Correspondent(user_id, _utc(at)) for user_id, at in rows]


def _utc(at: datetime) -> datetime:
    # SQLite gives back the UTC wall time without its zone.
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
