"""What the coach reads for a person without a message: the plan, the session, the week.

For `coach plan|session|week|reminders` and the adapters; nothing here writes (the unit of
work is never committed).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from core.accounts.profile import Profile
from core.clock import utcnow
from core.coaching.commands import dose_at, plans_at, session_at
from core.coaching.dose import WeeklyDose
from core.coaching.progression import Plan
from core.coaching.session import NextSession
from core.ports import UnitOfWork
from core.reminders.upcoming import upcoming_for


class Reads:
    """Read-only questions about one person, each in a unit of work of its own."""

    _unit_of_work: Callable[[], UnitOfWork]
    _clock: Callable[[], datetime] = staticmethod(utcnow)  # type: ignore[assignment]

    async def plan(self, platform: str, user_id: str, at: datetime) -> list[Plan]:
        """Return the user's next plans, in their units (read-only)."""
        async with self._unit_of_work() as uow:
            profile = await uow.repo.identify(platform, user_id, None, at)
            return await plans_at(uow.repo, profile, at)

    async def session(self, platform: str, user_id: str, at: datetime) -> NextSession:
        """Return the person's next session (read-only)."""
        async with self._unit_of_work() as uow:
            profile = await uow.repo.identify(platform, user_id, None, at)
            return await session_at(uow.repo, profile, at)

    async def week(self, platform: str, user_id: str, at: datetime) -> WeeklyDose:
        """Return the weekly dose for the week of `at` (read-only)."""
        async with self._unit_of_work() as uow:
            profile = await uow.repo.identify(platform, user_id, None, at)
            return await dose_at(uow.repo, profile, at)

    async def upcoming(
        self, platform: str, user_id: str, start: datetime, days: int
    ) -> list[dict[str, str]]:
        """Return the person's reminders in the `days` from `start` (read-only)."""
        async with self._unit_of_work() as uow:
            return await upcoming_for(uow, platform, user_id, start, days)

    async def known(self, platform: str, user_id: str) -> Profile | None:
        """Return the person's profile if they have one, creating nothing (read-only)."""
        async with self._unit_of_work() as uow:
            found = await uow.repo.profiles([(platform, user_id)])
            return found.get((platform, user_id))

    async def timezone_of(self, platform: str, user_id: str) -> str:
        async with self._unit_of_work() as uow:
            profile = await uow.repo.identify(platform, user_id, None, self._clock())
            return profile.timezone
