"""Two dispatchers on one PostgreSQL database: every due ping goes out exactly once."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.scheduler import drain
from core.messages import Reply
from storage.database import create_engine
from storage.reminder_dispatch import SqlDispatchStore

DUE = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
ROWS = 10_000


class CountingNotifier:
    platform = "test"

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, user_id: str, reply: Reply) -> None:
        self.sent.append(user_id)
        await asyncio.sleep(0)  # let the other dispatcher run between sends


async def populate(engine: AsyncEngine, rows: int, fire: datetime) -> None:
    async with engine.begin() as conn:
        await conn.execute(text("TRUNCATE users RESTART IDENTITY CASCADE"))
        await conn.execute(
            text(
                "INSERT INTO users (units, timezone, paused, created_at) "
                "SELECT 'kg', 'Europe/Berlin', false, now() FROM generate_series(1, :n)"
            ),
            {"n": rows},
        )
        await conn.execute(
            text(
                "INSERT INTO reminder_schedules (user_id, kind, days, hour, minute, timezone, "
                "platform, external_id, next_fire_at, updated_at) "
                "SELECT id, 'hiit', 'mon', 18, 0, 'Europe/Berlin', 'test', 'u' || id, :fire, "
                "now() FROM users"
            ),
            {"fire": fire},
        )


async def test_two_dispatchers_deliver_each_of_10000_pings_exactly_once(pg_url: str) -> None:
    engines = [create_engine(pg_url), create_engine(pg_url)]
    try:
        await populate(engines[0], ROWS, DUE)
        notifiers = [CountingNotifier(), CountingNotifier()]
        clock = lambda: DUE + timedelta(seconds=5)  # noqa: E731
        results = await asyncio.gather(
            *(
                drain(SqlDispatchStore(engine), {"test": notifier}, batch=200, clock=clock)
                for engine, notifier in zip(engines, notifiers, strict=True)
            )
        )
        sent = Counter(notifiers[0].sent + notifiers[1].sent)
        assert len(sent) == ROWS
        assert max(sent.values()) == 1
        assert all(r.sent > 0 for r in results), "both dispatchers took a share"
        async with engines[0].connect() as conn:
            statuses = await conn.execute(
                text(
                    "SELECT status, count(*), count(DISTINCT schedule_id) "
                    "FROM reminder_deliveries GROUP BY status"
                )
            )
            assert [tuple(r) for r in statuses.all()] == [("sent", ROWS, ROWS)]
            advanced = await conn.execute(
                text("SELECT count(*) FROM reminder_schedules WHERE next_fire_at = :next"),
                {"next": DUE + timedelta(days=7)},
            )
            assert advanced.scalar() == ROWS
        # A second pass finds nothing: the schedules moved on to next Monday.
        again = await drain(SqlDispatchStore(engines[1]), {"test": notifiers[1]}, clock=clock)
        assert again.claimed == 0
    finally:
        for engine in engines:
            await engine.dispose()
