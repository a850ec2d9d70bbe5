"""What reminders are coming for a person: `/reminders` and `coach reminders --json`."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from core.ports import UnitOfWork
from core.reminders.schedule import upcoming


async def upcoming_for(
    uow: UnitOfWork, platform: str, user_id: str, start: datetime, days: int
) -> list[dict[str, str]]:
    """Return `{"kind", "at"}` for each reminder in the `days` from `start`, in user time."""
    profile = await uow.repo.identify(platform, user_id, None, start)
    schedules = await uow.reminders.schedules(profile.user_id)
    schedules = [s for s in schedules if s.next_fire_at is not None]  # paused: none due
    zone = ZoneInfo(profile.timezone)
    return [
        {"kind": kind, "at": at.astimezone(zone).isoformat()}
        for kind, at in upcoming(schedules, start, start + timedelta(days=days))
    ]
