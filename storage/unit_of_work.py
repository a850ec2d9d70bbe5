"""One database transaction per unit of work: every store on one session; commit or roll back."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.ports import StoreUnavailable
from storage.faults import disk_full, unreachable
from storage.history import SqlHistory
from storage.links import SqlLinkStore
from storage.outbox import SqlOutbox
from storage.pending_imports import SqlPendingImports
from storage.reminders import SqlReminderStore
from storage.repository import SqlRepository

logger = logging.getLogger(__name__)

# Seconds a rollback may take before the connection is given up as hung.
ROLLBACK_TIMEOUT = 5.0


class SqlUnitOfWork:
    """The core's UnitOfWork: the repository and every store share one session.

    A database out of reach (refused, dropped, hung past the driver's timeouts) comes out
    of the block as the core's StoreUnavailable, so the core can tell "try again later"
    from "this is wrong"; either way nothing was written.
    """

    def __init__(self, sessions: async_sessionmaker[AsyncSession], dialect: str) -> None:
        self._sessions = sessions
        self._dialect = dialect

    async def __aenter__(self) -> Self:
        self.session = self._sessions()
        self.repo = SqlRepository(self.session, self._dialect)
        self.reminders = SqlReminderStore(self.session)
        self.links = SqlLinkStore(self.session)
        self.history = SqlHistory(self.session)
        self.outbox = SqlOutbox(self.session)
        self.pending_imports = SqlPendingImports(self.session)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Anything not committed explicitly is rolled back: no half-written message.
        try:
            async with asyncio.timeout(ROLLBACK_TIMEOUT):
                await self.session.rollback()
                await self.session.close()
        except Exception as closing:
            # The connection is gone or hung: drop it rather than return it to the pool.
            await self._discard()
            if exc is None:
                raise StoreUnavailable("the database connection was lost") from closing
        if exc is not None and not isinstance(exc, StoreUnavailable) and disk_full(exc):
            raise StoreUnavailable("the database's disk is full", full=True) from exc
        if exc is not None and not isinstance(exc, StoreUnavailable) and unreachable(exc):
            raise StoreUnavailable("the database is out of reach") from exc

    async def commit(self) -> None:
        await self.session.commit()

    async def _discard(self) -> None:
        try:
            async with asyncio.timeout(ROLLBACK_TIMEOUT):
                await self.session.invalidate()
        except Exception:
            logger.debug("discarding a lost database connection failed", exc_info=True)


def unit_of_work_factory(engine: AsyncEngine) -> Callable[[], SqlUnitOfWork]:
    """Return a callable that opens a fresh unit of work on `engine`."""
    sessions = async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
    return lambda: SqlUnitOfWork(sessions, engine.dialect.name)
