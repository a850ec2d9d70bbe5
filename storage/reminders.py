"""Reminder storage: the /remind commands' store and the dispatcher's claim transactions.

The claim is the heart of "on time, once": in one transaction it locks a batch of due
schedule rows (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so dispatchers never wait on or
take each other's rows), records one delivery per (schedule, fire instant) under a
unique key, and moves each schedule to its next fire. Only after that commits is
anything sent, so a crash, a restart or a second dispatcher can lose a ping (at most
the batch in flight) but never send one twice.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import bindparam, delete, insert, literal_column, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext import asyncio as sa_asyncio
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlmodel.ext.asyncio.session import AsyncSession

from core.ports import StoredCardio
from core.recording.entries import Unit
from core.reminders.compose import DataNeed, Prefetched, Recipient, compose, data_need, local_day
from core.reminders.ports import Claim, Delivery, Ping, Response
from core.reminders.schedule import (
    Kind,
    Schedule,
    following_fire,
    is_late,
    next_week_fire,
    parse_days_text,
)
from storage.models import CardioSession, User
from storage.reminder_models import ReminderDelivery, ReminderSchedule
from storage.repository import SqlRepository

logger = logging.getLogger(__name__)

S = ReminderSchedule.__table__  # type: ignore[attr-defined]
D = ReminderDelivery.__table__  # type: ignore[attr-defined]
U = User.__table__  # type: ignore[attr-defined]
CARDIO = CardioSession.__table__  # type: ignore[attr-defined]


def _schedule(row: Any, timezone: str | None = None) -> Schedule:
    return Schedule(
        user_id=row.user_id,
        kind=row.kind,
        days=parse_days_text(row.days),
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
        return [_schedule(row) for row in rows]

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
            dialect = postgresql if self.session.get_bind().dialect.name == "postgresql" else sqlite
            await self.session.execute(
                dialect.insert(S)
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


@dataclass
class _Due:
    """One claimed row on its way to becoming a delivery."""

    schedule_id: int
    recipient: Recipient
    kind: Kind
    fire_at: datetime
    platform: str
    external_id: str
    due_at: datetime | None = None  # when a re-sent (queued) delivery is due
    delivery_id: int | None = None  # set for re-sent (queued) deliveries
    attempts: int = 0
    text: str | None = None
    status: str = "claimed"


class SqlDispatchStore:
    """The dispatcher's transactions on its own connections; every method commits."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def claim(self, now: datetime, platforms: Sequence[str], limit: int) -> Claim:
        async with self.engine.begin() as conn:
            scheduled = await self._claim_schedules(conn, now, list(platforms), limit)
            queued = await self._claim_queued(conn, now, list(platforms), limit)
            await self._compose(conn, [*scheduled, *queued], now)
            pings = await self._record(conn, scheduled, queued, now)
        pings.sort(key=lambda p: (p.due_at, p.delivery_id))
        return Claim(len(scheduled) + len(queued), pings)

    async def _claim_schedules(
        self, conn: AsyncConnection, now: datetime, platforms: list[str], limit: int
    ) -> list[tuple[_Due, Schedule]]:
        query = (
            select(
                *_columns(S, "id user_id kind days hour minute timezone platform external_id"),
                S.c.next_fire_at,
                *_columns(U, "units age"),
                U.c.timezone.label("user_timezone"),
            )
            .join(U, U.c.id == S.c.user_id)
            .where(S.c.next_fire_at <= now, S.c.platform.in_(platforms))
            .order_by(S.c.next_fire_at)
            .limit(limit)
            .with_for_update(of=S, skip_locked=True)
        )
        claimed = []
        for row in (await conn.execute(query)).all():
            # Follow the user's current timezone (they may have moved since /remind).
            schedule = _schedule(row, row.user_timezone)
            due = _Due(
                row.id,
                Recipient(row.user_id, _units(row.units), row.user_timezone, row.age),
                row.kind,
                row.next_fire_at,
                row.platform,
                row.external_id,
            )
            claimed.append((due, schedule))
        return claimed

    async def _claim_queued(
        self, conn: AsyncConnection, now: datetime, platforms: list[str], limit: int
    ) -> list[_Due]:
        query = (
            select(
                *_columns(D, "id schedule_id user_id kind fire_at due_at platform external_id"),
                *_columns(D, "attempts text"),
                *_columns(U, "units age timezone paused"),
            )
            .join(U, U.c.id == D.c.user_id)
            .where(_status_is("queued"), D.c.due_at <= now, D.c.platform.in_(platforms))
            .order_by(D.c.due_at)
            .limit(limit)
            .with_for_update(of=D, skip_locked=True)
        )
        claimed = []
        for row in (await conn.execute(query)).all():
            due = _Due(
                row.schedule_id,
                Recipient(row.user_id, _units(row.units), row.timezone, row.age),
                row.kind,
                row.fire_at,
                row.platform,
                row.external_id,
                due_at=row.due_at,
                delivery_id=row.id,
                attempts=row.attempts,
                text=row.text,
            )
            if row.paused:
                due.status = "refused"
            claimed.append(due)
        return claimed

    async def _compose(
        self, conn: AsyncConnection, items: Sequence[_Due | tuple[_Due, Schedule]], now: datetime
    ) -> None:
        """Set each item's status and text: dropped if late, skipped if nothing to say."""
        dues = [item[0] if isinstance(item, tuple) else item for item in items]
        needs: dict[int, tuple[date, date, bool]] = {}
        for due in dues:
            if due.status != "claimed":
                continue
            if is_late(due.fire_at, now):
                due.status, due.text = "dropped", None
                continue
            day = local_day(due.fire_at, due.recipient.timezone)
            need = data_need(due.kind, day)
            if due.text is not None:  # a retry resends its text; re-check "trained today"
                need = DataNeed(day, day, False) if due.kind == "resistance" else None
            if need is None:
                continue
            since, until, cardio = needs.get(due.recipient.user_id, (need.since, need.until, False))
            needs[due.recipient.user_id] = (
                min(since, need.since),
                max(until, need.until),
                cardio or need.cardio,
            )
        data = await self._prefetch(conn, needs)
        for due in dues:
            if due.status != "claimed":
                continue
            try:
                await _compose_one(data, due)
            except Exception:
                # One person's data that breaks composing must not hold up the others'
                # pings (the whole claim would roll back, tick after tick).
                logger.warning(
                    "composing %s reminder %s for user %s failed",
                    due.kind,
                    due.schedule_id,
                    due.recipient.user_id,
                    exc_info=True,
                )
                due.status, due.text = "failed", None

    async def _prefetch(
        self, conn: AsyncConnection, needs: dict[int, tuple[date, date, bool]]
    ) -> Prefetched:
        if not needs:
            return Prefetched((), ())
        since = min(n[0] for n in needs.values())
        until = max(n[1] for n in needs.values())
        # The very query /plan and /week use (warm-ups and timed rows left out), in
        # the claim's transaction: a ping never disagrees with the commands.
        async with sa_asyncio.AsyncSession(
            bind=conn, join_transaction_mode="rollback_only"
        ) as session:
            by_user = await SqlRepository(session, conn.dialect.name).strength_sets_of(
                list(needs), since, until
            )
        sets = [(user_id, s) for user_id, rows in by_user.items() for s in rows]
        cardio_users = [user for user, need in needs.items() if need[2]]
        cardio: list[tuple[int, StoredCardio]] = []
        if cardio_users:
            cardio_rows = await conn.execute(
                select(*_columns(CARDIO, "user_id modality activity day minutes avg_hr"))
                .where(
                    CARDIO.c.user_id.in_(cardio_users),
                    CARDIO.c.day >= since,
                    CARDIO.c.day <= until,
                )
                .order_by(CARDIO.c.day, CARDIO.c.performed_at)
            )
            cardio = [(row[0], StoredCardio(*row[1:])) for row in cardio_rows.all()]
        return Prefetched(sets, cardio)

    async def _record(
        self,
        conn: AsyncConnection,
        scheduled: list[tuple[_Due, Schedule]],
        queued: list[_Due],
        now: datetime,
    ) -> list[Ping]:
        """Insert the new deliveries, advance the schedules, update re-sent deliveries."""
        pings: list[Ping] = []
        if scheduled:
            rows = [
                {
                    "schedule_id": due.schedule_id,
                    "user_id": due.recipient.user_id,
                    "kind": due.kind,
                    "fire_at": due.fire_at,
                    "due_at": due.fire_at,
                    "platform": due.platform,
                    "external_id": due.external_id,
                    "status": due.status,
                    "attempts": 1 if due.status == "claimed" else 0,
                    "text": None,  # kept only for a retry: the table stays narrow
                    "response": None,
                    "claimed_at": now,
                    "sent_at": None,
                }
                for due, _ in scheduled
            ]
            dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
            statement = (
                dialect.insert(D)
                .on_conflict_do_nothing(index_elements=["schedule_id", "fire_at"])
                .returning(D.c.id, D.c.schedule_id)
            )
            result = await conn.execute(statement, rows)
            inserted = {row.schedule_id: row.id for row in result.all()}
            advance = []
            for due, schedule in scheduled:
                following = following_fire(schedule, due.fire_at, now)
                if due.kind == "nudge" and due.text is not None:
                    following = max(following, next_week_fire(schedule, due.fire_at))
                advance.append({"sid": due.schedule_id, "nxt": following, "tz": schedule.timezone})
                delivery_id = inserted.get(due.schedule_id)
                if delivery_id is None:
                    # Already recorded for this instant (a crashed or concurrent claim).
                    logger.warning("ping %s@%s already recorded", due.schedule_id, due.fire_at)
                elif due.status == "claimed" and due.text is not None:
                    pings.append(_ping(delivery_id, due, 1))
            await _advance(conn, advance)
        if queued:
            await conn.execute(
                update(D)
                .where(D.c.id == bindparam("did"))
                .values(
                    status=bindparam("st"),
                    attempts=bindparam("att"),
                    claimed_at=bindparam("at", type_=D.c.claimed_at.type),
                ),
                [
                    {
                        "did": due.delivery_id,
                        "st": due.status,
                        "att": due.attempts + (1 if due.status == "claimed" else 0),
                        "at": now,
                    }
                    for due in queued
                ],
            )
            for due in queued:
                if due.status == "claimed" and due.text is not None:
                    assert due.delivery_id is not None
                    pings.append(_ping(due.delivery_id, due, due.attempts + 1))
        return pings

    async def mark_sent(self, delivery_ids: Sequence[int], now: datetime) -> None:
        if not delivery_ids:
            return
        async with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Losing this mark in a server crash only leaves the ping `claimed` (later
                # `unknown`), never re-sent: the commit need not wait for the disk.
                await conn.execute(text("SET LOCAL synchronous_commit = off"))
            await conn.execute(
                update(D)
                .where(D.c.id.in_(list(delivery_ids)), D.c.status.in_(("claimed", "unknown")))
                .values(status="sent", sent_at=now)
            )

    async def retry_later(self, ping: Ping, due_at: datetime | None) -> None:
        values: dict[str, object] = {"status": "failed"}
        if due_at is not None:  # the retry sends the same words
            values = {"status": "queued", "due_at": due_at, "text": ping.text}
        async with self.engine.begin() as conn:
            await conn.execute(update(D).where(D.c.id == ping.delivery_id).values(**values))

    async def release(self, delivery_ids: Sequence[int]) -> None:
        if not delivery_ids:
            return
        async with self.engine.begin() as conn:
            await conn.execute(
                update(D)
                .where(D.c.id.in_(list(delivery_ids)), D.c.status == "claimed")
                .values(status="queued", attempts=D.c.attempts - 1)
            )

    async def refused(self, ping: Ping) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(update(D).where(D.c.id == ping.delivery_id).values(status="refused"))
            await conn.execute(
                update(D)
                .where(D.c.user_id == ping.user_id, _status_is("queued"))
                .values(status="refused")
            )
            await conn.execute(update(U).where(U.c.id == ping.user_id).values(paused=True))
            await conn.execute(
                update(S).where(S.c.user_id == ping.user_id).values(next_fire_at=None)
            )

    async def reap(self, claimed_before: datetime) -> int:
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(D)
                .where(_status_is("claimed"), D.c.claimed_at < claimed_before)
                .values(status="unknown")
            )
        return cast(Any, result).rowcount or 0


_ADVANCE_PG = text(
    "UPDATE reminder_schedules AS s SET next_fire_at = v.nxt, timezone = v.tz "
    "FROM unnest(CAST(:ids AS integer[]), CAST(:nxts AS timestamptz[]), "
    "CAST(:tzs AS varchar[])) AS v(id, nxt, tz) WHERE s.id = v.id"
)


async def _advance(conn: AsyncConnection, advance: list[dict[str, Any]]) -> None:
    """Move each claimed schedule to its next fire: one statement on PostgreSQL."""
    if conn.dialect.name == "postgresql":
        await conn.execute(
            _ADVANCE_PG,
            {
                "ids": [a["sid"] for a in advance],
                "nxts": [a["nxt"] for a in advance],
                "tzs": [a["tz"] for a in advance],
            },
        )
        return
    await conn.execute(
        update(S)
        .where(S.c.id == bindparam("sid"))
        .values(
            next_fire_at=bindparam("nxt", type_=S.c.next_fire_at.type),
            timezone=bindparam("tz"),
        ),
        advance,
    )


async def _compose_one(data: Prefetched, due: _Due) -> None:
    """Set the due ping's text, or mark it skipped when it has nothing to say."""
    if due.text is not None:  # a retry resends its text, unless trained today meanwhile
        if due.kind == "resistance" and data.trained_on(
            due.recipient.user_id, local_day(due.fire_at, due.recipient.timezone)
        ):
            due.status, due.text = "skipped", None
        return
    due.text = compose(data, due.recipient, due.kind, due.fire_at)
    if due.text is None:
        due.status = "skipped"


def _status_is(status: str) -> Any:
    """Return `status = '<status>'` with the value inline, not a bound parameter.

    A prepared statement's generic plan cannot use the live-rows partial index for a
    parameter; for a literal it can (a seq scan over every sent delivery otherwise).
    """
    assert status.isalpha()
    return D.c.status == literal_column(f"'{status}'")


def _columns(table: Any, names: str) -> list[Any]:
    return [table.c[name] for name in names.split()]


def _units(value: str) -> Unit:
    return "lb" if value == "lb" else "kg"


def _ping(delivery_id: int, due: _Due, attempts: int) -> Ping:
    assert due.text is not None
    return Ping(
        delivery_id=delivery_id,
        user_id=due.recipient.user_id,
        platform=due.platform,
        external_id=due.external_id,
        kind=due.kind,
        text=due.text,
        due_at=due.due_at or due.fire_at,
        attempts=attempts,
    )
