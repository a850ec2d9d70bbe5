"""The composition root: builds the real engine, migrations and service in one place."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from core.service import ConversationService
from storage.database import create_engine, upgrade
from storage.unit_of_work import unit_of_work_factory


@dataclass
class Coach:
    engine: AsyncEngine
    service: ConversationService

    async def close(self) -> None:
        await self.engine.dispose()


async def build(db_url: str | None = None, *, migrate: bool = True) -> Coach:
    """Return a ready coach on `db_url` (else DATABASE_URL, else the default SQLite file)."""
    engine = create_engine(db_url)
    if migrate:
        await upgrade(engine)
    return Coach(engine, ConversationService(unit_of_work_factory(engine)))
