"""SQLite's one-trip cursor (storage.sqlite_driver) keeps what SQLite promises: rows, counts,
new ids, many rows at once, errors, and a connection handed back mid-transaction rolled back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from storage.database import create_engine
from storage.sqlite_driver import OneTripConnection


@pytest.fixture
async def engine(tmp_path: Path):
    engine = create_engine(f"sqlite:///{tmp_path / 'driver.db'}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, x INT UNIQUE)"))
    yield engine
    await engine.dispose()


async def test_every_sqlite_engine_connects_through_the_one_trip_connection(engine) -> None:
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        assert isinstance(raw.driver_connection, OneTripConnection)


async def test_rows_counts_and_new_ids_come_back(engine) -> None:
    async with engine.begin() as connection:
        inserted = await connection.execute(text("INSERT INTO t (x) VALUES (10)"))
        assert inserted.lastrowid == 1
        many = await connection.execute(
            text("INSERT INTO t (x) VALUES (:x)"), [{"x": 11}, {"x": 12}]
        )
        assert many.rowcount == 2
        returned = await connection.execute(text("INSERT INTO t (x) VALUES (13) RETURNING id, x"))
        assert returned.all() == [(4, 13)]
        updated = await connection.execute(text("UPDATE t SET x = x + 100 WHERE x > 11"))
        assert updated.rowcount == 2
    async with engine.connect() as connection:
        result = await connection.execute(text("SELECT x FROM t ORDER BY x"))
        assert result.fetchone() == (10,)
        assert result.fetchmany(2) == [(11,), (112,)]
        assert result.fetchall() == [(113,)]
        assert (await connection.execute(text("SELECT x FROM t WHERE x < 0"))).all() == []


async def test_an_error_comes_out_as_sqlalchemys_and_changes_nothing(engine) -> None:
    async def twice() -> None:
        async with engine.begin() as connection:
            await connection.execute(text("INSERT INTO t (x) VALUES (1)"))
            await connection.execute(text("INSERT INTO t (x) VALUES (1)"))

    with pytest.raises(IntegrityError):
        await twice()
    async with engine.connect() as connection:
        assert (await connection.execute(text("SELECT count(*) FROM t"))).scalar() == 0


async def test_a_connection_handed_back_mid_transaction_is_rolled_back(engine) -> None:
    async with engine.connect() as connection:
        await connection.execute(text("INSERT INTO t (x) VALUES (1)"))
        raw = await connection.get_raw_connection()
        assert raw.driver_connection._connection.in_transaction
    # Closed without a commit: the pool's reset rolled it back and released the write lock.
    async with engine.begin() as connection:
        await connection.execute(text("INSERT INTO t (x) VALUES (2)"))
    async with engine.connect() as connection:
        assert (await connection.execute(text("SELECT x FROM t"))).all() == [(2,)]
