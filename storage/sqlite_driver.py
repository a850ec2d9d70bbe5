"""SQLite through aiosqlite, with one trip to the connection's thread per statement.

aiosqlite runs every call on a thread of its own per connection, and each call is a round
trip: a queue put, a thread woken, the event loop woken back. SQLAlchemy's adapter makes
four of them per statement (open a cursor, execute, fetch the rows, close the cursor), and
the pool's reset rolls back a connection that has nothing to roll back. Here a statement
is one trip that executes, fetches and closes together; the rows wait in the cursor; and a
rollback with no transaction open stays on the loop. What SQLite does is unchanged.

`create_engine` (storage.database) connects every SQLite engine through `connect`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import Any

import aiosqlite

Description = tuple[tuple[str, None, None, None, None, None, None], ...] | None


def _run(
    connection: sqlite3.Connection, many: bool, sql: str, parameters: Any
) -> tuple[Description, list[Any], int, int | None]:
    """Execute one statement on the connection's own thread; return what a cursor tells."""
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(sql, parameters)
        else:
            cursor.execute(sql, () if parameters is None else parameters)
        rows = cursor.fetchall() if cursor.description else []
        return cursor.description, rows, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


class OneTripCursor:
    """The async cursor SQLAlchemy's adapter expects, holding its rows once executed."""

    arraysize = 1

    def __init__(self, connection: OneTripConnection) -> None:
        self._connection = connection
        self._rows: list[Any] = []
        self.description: Description = None
        self.rowcount = -1
        self.lastrowid: int | None = None

    async def __aenter__(self) -> OneTripCursor:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _trip(self, many: bool, sql: str, parameters: Any) -> OneTripCursor:
        connection = self._connection
        found = await connection._execute(_run, connection._conn, many, sql, parameters)
        self.description, self._rows, self.rowcount, self.lastrowid = found
        return self

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> OneTripCursor:
        return await self._trip(False, sql, parameters)

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> OneTripCursor:
        return await self._trip(True, sql, list(parameters))

    async def fetchall(self) -> list[Any]:
        rows, self._rows = self._rows, []
        return rows

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        size = self.arraysize if size is None else size
        rows, self._rows = self._rows[:size], self._rows[size:]
        return rows

    async def fetchone(self) -> Any:
        return self._rows.pop(0) if self._rows else None

    async def close(self) -> None:
        self._rows = []


class OneTripConnection(aiosqlite.Connection):
    """aiosqlite's connection whose cursors make one trip per statement."""

    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        return OneTripCursor(self)

    async def rollback(self) -> None:
        # Read on the loop: the worker is idle between calls (SQLAlchemy waits for each).
        if self._connection is not None and self._connection.in_transaction:
            await super().rollback()


def connect(database: str, *, iter_chunk_size: int = 64, **kwargs: Any) -> OneTripConnection:
    """aiosqlite.connect, making a OneTripConnection (awaited by SQLAlchemy's adapter)."""

    def connector() -> sqlite3.Connection:
        return sqlite3.connect(database, **kwargs)

    connection = OneTripConnection(connector, iter_chunk_size)
    connection._thread.daemon = True  # as SQLAlchemy's aiosqlite dialect does
    return connection
