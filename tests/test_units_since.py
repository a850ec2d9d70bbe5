"""Migration 0011 keeps which message chose the units on the person's row, filled from
their `/units` messages, so a plan no longer scans the whole history for it."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from storage.database import _alembic_config, create_engine, upgrade


async def test_the_backfill_takes_the_last_units_message(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'coach.db'}")
    async with engine.begin() as conn:
        await conn.run_sync(lambda c: command.upgrade(_alembic_config(c), "0010"))
        await conn.execute(
            text(
                "INSERT INTO users (id, units, timezone, paused, created_at) VALUES "
                "(1, 'lb', 'UTC', 0, '2026-11-01'), (2, 'kg', 'UTC', 0, '2026-11-01')"
            )
        )
        rows = [
            (1, 1, "/units kg", 0), (2, 1, "squat 3x8 100", 0), (3, 1, "/units lb", 0),
            (4, 1, "/units kg", 1), (5, 2, "bench 3x8 60kg", 0),
        ]  # fmt: skip
        for id_, user, body, undone in rows:
            await conn.execute(
                text(
                    "INSERT INTO messages (id, user_id, platform, platform_message_id, text, "
                    "sent_at, received_at, recorded, undone) VALUES (:id, :user, 'test', "
                    ":pmid, :body, '2026-11-01', '2026-11-01', 0, :undone)"
                ),
                {"id": id_, "user": user, "pmid": f"m{id_}", "body": body, "undone": undone},
            )
    await upgrade(engine)
    async with engine.connect() as conn:
        found = (await conn.execute(text("SELECT id, units_since FROM users ORDER BY id"))).all()
    await engine.dispose()
    assert [tuple(r) for r in found] == [(1, 3), (2, None)]  # the undone one doesn't count
