"""The reminder dispatcher's storage: the claim's one transaction and the ping outcomes.

Core decides a claim (core.reminders.claim); here is its transaction: lock due schedule
rows, due queued deliveries and deliveries whose claim's lease has run out (`FOR UPDATE
SKIP LOCKED` on PostgreSQL: dispatchers never wait on or take each other's rows), read
the batch's training, record the deliveries core hands over under the unique (schedule,
fire instant) key, move each schedule to its next fire and update the other deliveries.
It commits before any ping is sent. Every other method is a transaction of its own. A
ping is handed over (`sent_at` set while still `claimed`) before its send.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, select, text, update
from sqlalchemy.ext import asyncio as sa_asyncio
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.ports import StoredCardio
from core.reminders.dispatch_ports import (
    DueQueued,
    DueSchedule,
    History,
    HistoryNeed,
    NewDelivery,
    NextFire,
    Ping,
    QueuedOutcome,
    Recipient,
)
from storage.database import upsert
from storage.models import CardioSession
from storage.reminders import D, S, U, columns, schedule_of, status_is, units_of
from storage.repository import SqlRepository

CARDIO = CardioSession.__table__  # type: ignore[attr-defined]
_NEW_DELIVERY = [field.name for field in fields(NewDelivery)]  # (asdict deep-copies: slow)


class SqlDispatchStore:
    """The dispatcher's transactions on its own connections; every one commits."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    @asynccontextmanager
    async def claim_transaction(self) -> AsyncIterator[SqlClaimTransaction]:
        async with self.engine.begin() as conn:
            yield SqlClaimTransaction(conn)

    async def hand_over(
        self, pings: Sequence[Ping], sent: Sequence[int], now: datetime
    ) -> set[int]:
        held: set[int] = set()
        # Durable (no `synchronous_commit = off`): a lost hand-over could double a ping.
        async with self.engine.begin() as conn:
            if sent:
                await conn.execute(_mark_sent(sent, now))
            for still_held in _held_by_their_claim(pings):
                handing = update(D).where(still_held, D.c.sent_at.is_(None)).values(sent_at=now)
                held.update((await conn.execute(handing.returning(D.c.id))).scalars())
        return held

    async def take_back(self, pings: Sequence[Ping]) -> None:
        async with self.engine.begin() as conn:
            for still_held in _held_by_their_claim(pings):
                await conn.execute(update(D).where(still_held).values(sent_at=None))

    async def mark_sent(self, delivery_ids: Sequence[int], now: datetime) -> None:
        if not delivery_ids:
            return
        async with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Losing this mark in a server crash only leaves the ping handed over
                # (later `unknown`), never re-sent: the commit need not wait for the disk.
                await conn.execute(text("SET LOCAL synchronous_commit = off"))
            await conn.execute(_mark_sent(delivery_ids, now))

    async def retry_later(self, ping: Ping, due_at: datetime | None) -> None:
        values: dict[str, object] = {"status": "failed", "sent_at": None}
        if due_at is not None:  # the retry sends the same words
            values = {"status": "queued", "due_at": due_at, "text": ping.text, "sent_at": None}
        async with self.engine.begin() as conn:
            await conn.execute(update(D).where(D.c.id == ping.delivery_id).values(**values))

    async def unknown(self, ping: Ping) -> None:
        async with self.engine.begin() as conn:
            claimed = and_(D.c.id == ping.delivery_id, status_is("claimed"))
            await conn.execute(update(D).where(claimed).values(status="unknown"))

    async def release(self, pings: Sequence[Ping]) -> None:
        back = {"status": "queued", "attempts": D.c.attempts - 1, "sent_at": None}
        async with self.engine.begin() as conn:
            for still_held in _held_by_their_claim(pings):
                await conn.execute(update(D).where(still_held).values(**back))

    async def refused(self, ping: Ping) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(update(D).where(D.c.id == ping.delivery_id).values(status="refused"))
            await conn.execute(
                update(D)
                .where(D.c.user_id == ping.user_id, status_is("queued"))
                .values(status="refused")
            )
            await conn.execute(update(U).where(U.c.id == ping.user_id).values(paused=True))
            await conn.execute(
                update(S).where(S.c.user_id == ping.user_id).values(next_fire_at=None)
            )


class SqlClaimTransaction:
    """A claim's reads and writes on one connection, inside its one transaction."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def due_schedules(
        self, now: datetime, platforms: Sequence[str], limit: int
    ) -> list[DueSchedule]:
        query = (
            select(
                *columns(S, "id user_id kind days hour minute timezone platform external_id"),
                S.c.next_fire_at,
                *columns(U, "units age program max_hr rest_hr"),
                U.c.timezone.label("user_timezone"),
            )
            .join(U, U.c.id == S.c.user_id)
            .where(S.c.next_fire_at <= now, S.c.platform.in_(list(platforms)))
            .order_by(S.c.next_fire_at)
            .limit(limit)
            .with_for_update(of=S, skip_locked=True)
        )
        return [
            DueSchedule(
                row.id,
                schedule_of(row, row.user_timezone),  # the user's current timezone
                recipient_of(row, row.user_timezone),
                row.next_fire_at,
            )
            for row in (await self.conn.execute(query)).all()
        ]

    async def due_queued(
        self, now: datetime, platforms: Sequence[str], limit: int
    ) -> list[DueQueued]:
        return await self._deliveries("queued", D.c.due_at <= now, platforms, limit)

    async def expired_claims(
        self, claimed_before: datetime, platforms: Sequence[str], limit: int
    ) -> list[DueQueued]:
        return await self._deliveries("claimed", D.c.claimed_at < claimed_before, platforms, limit)

    async def _deliveries(
        self, status: str, when: Any, platforms: Sequence[str], limit: int
    ) -> list[DueQueued]:
        query = (
            select(
                *columns(D, "id schedule_id user_id kind fire_at due_at platform external_id"),
                *columns(D, "attempts text sent_at"),
                *columns(U, "units age timezone paused program max_hr rest_hr"),
            )
            .join(U, U.c.id == D.c.user_id)
            .where(status_is(status), when, D.c.platform.in_(list(platforms)))
            .order_by(D.c.due_at)
            .limit(limit)
            .with_for_update(of=D, skip_locked=True)
        )
        return [
            DueQueued(
                id=row.id,
                schedule_id=row.schedule_id,
                recipient=recipient_of(row, row.timezone),
                kind=row.kind,
                fire_at=row.fire_at,
                due_at=row.due_at,
                platform=row.platform,
                external_id=row.external_id,
                attempts=row.attempts,
                text=row.text,
                paused=row.paused,
                abandoned=status == "claimed",
                handed=row.sent_at is not None,
            )
            for row in (await self.conn.execute(query)).all()
        ]

    async def history(self, need: HistoryNeed) -> History:
        conn = self.conn
        # The very query /plan and /week use (warm-ups and timed rows left out), in
        # the claim's transaction: a ping never disagrees with the commands.
        async with sa_asyncio.AsyncSession(
            bind=conn, join_transaction_mode="rollback_only"
        ) as session:
            by_user = await SqlRepository(session, conn.dialect.name).strength_sets_of(
                list(need.user_ids), need.since, need.until
            )
        sets = [(user_id, s) for user_id, rows in by_user.items() for s in rows]
        cardio: list[tuple[int, StoredCardio]] = []
        if need.cardio_user_ids:
            cardio_rows = await conn.execute(
                select(
                    *columns(
                        CARDIO,
                        "user_id modality activity day minutes avg_hr zone2_minutes above_minutes",
                    )
                )
                .where(
                    CARDIO.c.user_id.in_(list(need.cardio_user_ids)),
                    CARDIO.c.day >= need.since,
                    CARDIO.c.day <= need.until,
                )
                .order_by(CARDIO.c.day, CARDIO.c.performed_at)
            )
            cardio = [(row[0], StoredCardio(*row[1:])) for row in cardio_rows.all()]
        return History(sets, cardio)

    async def insert_deliveries(self, rows: Sequence[NewDelivery]) -> dict[int, int]:
        if not rows:
            return {}
        # `text` is written only for a retry (retry_later): the table stays narrow.
        blank = {"text": None, "response": None, "sent_at": None}
        values = [{name: getattr(row, name) for name in _NEW_DELIVERY} | blank for row in rows]
        statement = (
            upsert(self.conn.dialect.name, D)
            .on_conflict_do_nothing(index_elements=["schedule_id", "fire_at"])
            .returning(D.c.id, D.c.schedule_id)
        )
        result = await self.conn.execute(statement, values)
        return {row.schedule_id: row.id for row in result.all()}

    async def advance(self, fires: Sequence[NextFire]) -> None:
        """Move each schedule to its next fire: one statement on PostgreSQL."""
        if not fires:
            return
        if self.conn.dialect.name == "postgresql":
            await self.conn.execute(
                _ADVANCE_PG,
                {
                    "ids": [f.schedule_id for f in fires],
                    "nxts": [f.next_fire_at for f in fires],
                    "tzs": [f.timezone for f in fires],
                },
            )
            return
        await self.conn.execute(
            update(S)
            .where(S.c.id == bindparam("sid"))
            .values(
                next_fire_at=bindparam("nxt", type_=S.c.next_fire_at.type),
                timezone=bindparam("tz"),
            ),
            [{"sid": f.schedule_id, "nxt": f.next_fire_at, "tz": f.timezone} for f in fires],
        )

    async def update_queued(self, outcomes: Sequence[QueuedOutcome]) -> None:
        if not outcomes:
            return
        await self.conn.execute(
            update(D)
            .where(D.c.id == bindparam("did"))
            .values(
                status=bindparam("st"),
                attempts=bindparam("att"),
                claimed_at=bindparam("at", type_=D.c.claimed_at.type),
            ),
            [
                {"did": o.delivery_id, "st": o.status, "att": o.attempts, "at": o.claimed_at}
                for o in outcomes
            ],
        )


_ADVANCE_PG = text(
    "UPDATE reminder_schedules AS s SET next_fire_at = v.nxt, timezone = v.tz "
    "FROM unnest(CAST(:ids AS integer[]), CAST(:nxts AS timestamptz[]), "
    "CAST(:tzs AS varchar[])) AS v(id, nxt, tz) WHERE s.id = v.id"
)


def recipient_of(row: Any, timezone: str) -> Recipient:
    """Whom a claimed ping is for, from its joined user row, in `timezone`."""
    return Recipient(
        row.user_id,
        units_of(row.units),
        timezone,
        row.age,
        row.program,
        row.max_hr,
        row.rest_hr,
    )


def _held_by_their_claim(pings: Sequence[Ping]) -> list[Any]:
    """Return a condition per claim: these of its pings, still claimed by it."""
    claims: dict[datetime, list[int]] = {}
    for ping in pings:
        claims.setdefault(ping.claimed_at, []).append(ping.delivery_id)
    return [
        and_(D.c.id.in_(ids), status_is("claimed"), D.c.claimed_at == claimed_at)
        for claimed_at, ids in claims.items()
    ]


def _mark_sent(delivery_ids: Sequence[int], now: datetime) -> Any:
    # `unknown` too: one whose lease ran out mid-send (marked so elsewhere) that went out.
    return (
        update(D)
        .where(D.c.id.in_(list(delivery_ids)), D.c.status.in_(("claimed", "unknown")))
        .values(status="sent", sent_at=now)
    )
