"""Reminder storage for the /remind commands: schedules, answers, snoozes, pausing.

Also the reminder tables' names and the helpers that read their rows, which the
dispatcher's store (storage.reminder_dispatch) shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import delete, insert, literal_column, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from core.recording.entries import Unit
from core.reminders.ports import Delivery, Response
from core.reminders.schedule import Kind, Schedule
from storage.database import upsert
from storage.models import User
from storage.reminder_models import ReminderDelivery, ReminderSchedule

S = ReminderSchedule.__table__  # type: ignore[attr-defined]
D = ReminderDelivery.__table__  # type: ignore[attr-defined]
U = User.__table__  # type: ignore[attr-defined]


def status_is(status: str) -> Any:
    """Return `status = '<status>'` on deliveries, the value inline, not a bound parameter.

    A prepared statement's generic plan cannot use the live-rows partial index for a
    parameter; for a literal it can (a seq scan over every sent delivery otherwise).
    """
    assert status.isalpha()
    return D.c.status == literal_column(f"'{status}'")


def columns(table: Any, names: str) -> list[Any]:
    """Return the table's columns named in `names` (space-separated)."""
    return [table.c[name] for name in names.split()]


def units_of(value: str) -> Unit:
    """Return a users row's units."""
    return "lb" if value == "lb" else "kg"


def schedule_of(row: Any, timezone: str | None = None) -> Schedule:
    """Return the schedule a `reminder_schedules` row holds (in `timezone` if given)."""
    return Schedule(
        user_id=row.user_id,
        kind=row.kind,
        days=Schedule.days_of(row.days),
        hour=row.hour,
        minute=row.minute,
        timezone=timezone or row.timezone,
        platform=row.platform,
        external_id=row.external_id,
        next_fire_at=row.next_fire_at,
    )


class SqlReminderStore:
    """The reminder side of a message's unit of work (shares its session)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def schedules(self, user_id: int) -> list[Schedule]:
        rows = (await self.session.execute(select(S).where(S.c.user_id == user_id))).all()
        return [schedule_of(row) for row in rows]

    async def save_schedules(self, schedules: Sequence[Schedule], now: datetime) -> None:
        for s in schedules:
            values = {
                "days": s.cron_days,
                "hour": s.hour,
                "minute": s.minute,
                "timezone": s.timezone,
                "platform": s.platform,
                "external_id": s.external_id,
                "next_fire_at": s.next_fire_at,
                "updated_at": now,
            }
            await self.session.execute(
                upsert(self.session.get_bind().dialect.name, S)
                .values(user_id=s.user_id, kind=s.kind, **values)
                .on_conflict_do_update(index_elements=["user_id", "kind"], set_=values)
            )

    async def delete_schedules(self, user_id: int, kinds: Sequence[Kind]) -> int:
        result = await self.session.execute(
            delete(S).where(S.c.user_id == user_id, S.c.kind.in_(list(kinds)))
        )
        return cast(Any, result).rowcount or 0

    async def delivery(self, delivery_id: int) -> Delivery | None:
        row = (await self.session.execute(select(D).where(D.c.id == delivery_id))).first()
        if row is None:
            return None
        return Delivery(
            row.id, row.user_id, row.kind, row.fire_at, row.status, row.response, row.text
        )

    async def respond(self, delivery_id: int, response: Response) -> bool:
        result = await self.session.execute(
            update(D).where(D.c.id == delivery_id, D.c.response.is_(None)).values(response=response)
        )
        return cast(Any, result).rowcount == 1

    async def queue_snooze(self, delivery: Delivery, due_at: datetime) -> int | None:
        original = (await self.session.execute(select(D).where(D.c.id == delivery.id))).one()
        exists = await self.session.execute(select(S.c.id).where(S.c.id == original.schedule_id))
        if exists.first() is None:
            return None  # the reminder was turned off meanwhile
        result = await self.session.execute(
            insert(D)
            .values(
                schedule_id=original.schedule_id,
                user_id=original.user_id,
                kind=original.kind,
                fire_at=due_at,
                due_at=due_at,
                platform=original.platform,
                external_id=original.external_id,
                status="queued",
                attempts=0,
                text=None,  # composed afresh when it is due: today's plan, today's log
            )
            .returning(D.c.id)
        )
        return result.scalar_one()

    async def set_paused(self, user_id: int, paused: bool) -> None:
        await self.session.execute(update(U).where(U.c.id == user_id).values(paused=paused))
