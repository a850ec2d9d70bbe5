"""The composition root: builds the real engine, migrations and service in one place."""

from __future__ import annotations

import gc
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from core.conversation.flood import FloodLimit
from core.conversation.service import ConversationService, Observer
from core.reminders.dispatch_ports import DispatchStore
from storage.database import create_engine, upgrade
from storage.reminder_dispatch import SqlDispatchStore
from storage.unit_of_work import unit_of_work_factory


@dataclass
class Coach:
    engine: AsyncEngine
    service: ConversationService
    dispatch_store: DispatchStore  # the reminder dispatcher's transactions

    async def close(self) -> None:
        await self.engine.dispose()


async def build(
    db_url: str | None = None,
    *,
    migrate: bool = True,
    observer: Observer | None = None,
    flood_limit: FloodLimit | None = None,
) -> Coach:
    """Return a ready coach on `db_url` (else DATABASE_URL, else the default SQLite file).

    `observer` sees every handled message (metrics and the log line); `flood_limit` is
    the per-person limit (the core's default when None).
    """
    engine = create_engine(db_url)
    if migrate:
        await upgrade(engine)
    service = ConversationService(
        unit_of_work_factory(engine), flood_limit=flood_limit, observer=observer
    )
    dispatch_store = SqlDispatchStore(engine)
    # Everything imported and built so far lives as long as the process: move it out of
    # the garbage collector's sight, so its collections stay short (measured: p99 per
    # message 5.4 -> 4.8 ms on SQLite).
    gc.freeze()
    return Coach(engine, service, dispatch_store)
