"""One database transaction per unit of work: every store on one session; commit or roll back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Self

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.history import SqlHistory
from storage.links import SqlLinkStore
from storage.reminders import SqlReminderStore
from storage.repository import SqlRepository


class SqlUnitOfWork:
    """The core's UnitOfWork: the repository and every store share one session."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], dialect: str) -> None:
        self._sessions = sessions
        self._dialect = dialect

    async def __aenter__(self) -> Self:
        self.session = self._sessions()
        self.repo = SqlRepository(self.session, self._dialect)
        self.reminders = SqlReminderStore(self.session)
        self.links = SqlLinkStore(self.session)
        self.history = SqlHistory(self.session)
        return self

    async def __aexit__(self, *exc: object) -> None:
        # Anything not committed explicitly is rolled back: no half-written message.
        await self.session.rollback()
        await self.session.close()

    async def commit(self) -> None:
        await self.session.commit()


def unit_of_work_factory(engine: AsyncEngine) -> Callable[[], SqlUnitOfWork]:
    """Return a callable that opens a fresh unit of work on `engine`."""
    sessions = async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
    return lambda: SqlUnitOfWork(sessions, engine.dialect.name)
