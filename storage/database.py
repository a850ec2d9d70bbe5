"""Database URLs, the async engine, and migrations applied at start."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from storage import sqlite_driver

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite

logger = logging.getLogger(__name__)

DEFAULT_SQLITE_PATH = Path("data") / "coach.db"
MIGRATIONS = Path(__file__).parent / "migrations"
CONNECT_TIMEOUT = 5.0
POOL_TIMEOUT = 10.0
STATEMENT_TIMEOUT = 15.0
BACKENDS = ("sqlite", "postgresql")
URL_EXAMPLES = "sqlite:///data/coach.db or postgresql://user@host/db"


class ReadOnlyDatabase(Exception):
    """The SQLite file (or its folder) can't be written: nothing will ever be saved."""


SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def default_url() -> str:
    return f"sqlite+aiosqlite:///{DEFAULT_SQLITE_PATH}"


def resolve_url(url: str | None = None) -> str:
    """Return an async SQLAlchemy URL from --db, DATABASE_URL or the default SQLite file.

    Plain `sqlite:///x.db`, `postgres://` and `postgresql://` URLs get the async driver; a
    bare path ending in .db, .sqlite or .sqlite3 is that SQLite file.
    """
    url = url or os.environ.get("DATABASE_URL") or default_url()
    if "://" not in url and url.endswith(SQLITE_SUFFIXES):
        url = f"sqlite:///{url}"  # `--db coach.db`: a file's path is that SQLite file
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ValueError(f"not a database URL like {URL_EXAMPLES}") from None
    if parsed.get_backend_name() not in BACKENDS:
        raise ValueError(
            f"{parsed.get_backend_name()} isn't supported; use a URL like {URL_EXAMPLES}"
        )
    driver = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg"}.get(
        parsed.drivername, parsed.drivername
    )
    return parsed.set(drivername=driver).render_as_string(hide_password=False)


def upsert(dialect: str, table: Any) -> postgresql.Insert | sqlite.Insert:
    """Return the dialect's INSERT for `table` (a model or a Table), which knows ON CONFLICT."""
    # Each dialect's module loads when first used: `coach say` on SQLite never needs the other.
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


def safe_url(url: str) -> str:
    """Return the URL with its password masked, for logs."""
    return make_url(url).render_as_string(hide_password=True)


def read_only_path(url: str) -> str | None:
    """Return the SQLite file of `url` if it exists and this process can't write it (or
    its folder, where SQLite keeps its journal); else None."""
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    path = Path(_file_of(database)).expanduser()
    if not path.exists():
        return None
    writable = os.access(path, os.W_OK) and os.access(path.parent or Path("."), os.W_OK)
    return None if writable else str(path)


async def check_writable(engine: AsyncEngine) -> None:
    """Raise ReadOnlyDatabase if a write to the SQLite database fails (rolled back at once)."""
    if engine.dialect.name != "sqlite":
        return
    try:
        async with engine.connect() as connection:
            transaction = await connection.begin()  # BEGIN IMMEDIATE: takes the write lock
            try:
                await connection.exec_driver_sql("DELETE FROM alembic_version WHERE 0")
            finally:
                await transaction.rollback()
    except OperationalError as exc:
        if "readonly" not in str(exc.orig).lower():
            raise
        raise ReadOnlyDatabase(_file_of(engine.url.database or "")) from None


def _file_of(database: str) -> str:
    """Return the file of a SQLite database name, also of a `file:x.db?mode=ro` URI."""
    return database.removeprefix("file:").split("?", 1)[0]


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    # Let SQLAlchemy, not the sqlite3 module, issue BEGIN: otherwise a SAVEPOINT runs
    # outside any transaction and its RELEASE commits, so a rollback would keep it.
    dbapi_connection.isolation_level = None  # type: ignore[attr-defined]
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA wal_autocheckpoint=4000")
    cursor.close()


def _sqlite_connect(
    dialect: Any, _record: object, cargs: list[Any], cparams: dict[str, Any]
) -> Any:
    # aiosqlite with one trip to its thread per statement (storage.sqlite_driver).
    return dialect.dbapi.connect(*cargs, async_creator_fn=sqlite_driver.connect, **cparams)


def _sqlite_begin(connection: Connection) -> None:
    # IMMEDIATE takes the write lock up front: concurrent messages queue on
    # busy_timeout instead of failing when a read transaction tries to write.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_engine(url: str | None = None) -> AsyncEngine:
    """Return an async engine; a SQLite file's folder is created on first use."""
    url = resolve_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # SQL errors never carry their parameters (messages, names) into a log: both engines.
        engine = create_async_engine(url, hide_parameters=True)
        event.listen(engine.sync_engine, "do_connect", _sqlite_connect)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "begin", _sqlite_begin)
        return engine
    return create_async_engine(
        url,
        hide_parameters=True,
        pool_size=10,
        max_overflow=10,
        pool_pre_ping=True,
        # A database that hangs (a dead network, a stuck proxy) fails the work after these
        # many seconds instead of holding it: connecting, waiting for a pooled connection,
        # any one statement. The work is then tried again (storage.faults.unreachable).
        pool_timeout=POOL_TIMEOUT,
        connect_args={"timeout": CONNECT_TIMEOUT, "command_timeout": STATEMENT_TIMEOUT},
    )


def _alembic_config(connection: Connection) -> Any:
    from alembic.config import Config  # alembic loads only when there is a migration to run

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _upgrade(connection: Connection) -> None:
    from alembic import command

    command.upgrade(_alembic_config(connection), "heads")


_DOWN = re.compile(r'^down_revision\b.*?=\s*"(\w+)"', re.MULTILINE)


def head_revisions() -> set[str]:
    """Return the migrations no other migration builds on: what `alembic_version` holds at
    the newest schema. Each file is named after its revision (`0009_…`); the early history
    branched (0002, 0003 and 0004 each follow 0001), so there is more than one head."""
    revisions, built_on = set(), set()
    for path in (MIGRATIONS / "versions").glob("[0-9]*_*.py"):
        revisions.add(path.name.split("_", 1)[0])
        built_on.update(_DOWN.findall(path.read_text(encoding="utf-8")))
    return revisions - built_on


async def _at_head(engine: AsyncEngine) -> bool:
    """Return True if the database is already at the newest migrations (no alembic needed)."""
    try:
        async with engine.connect() as connection:
            found = (
                await connection.execute(text("SELECT version_num FROM alembic_version"))
            ).all()
    except Exception:  # no table yet, or no database: alembic decides
        return False
    return {row[0] for row in found} == head_revisions()


async def upgrade(engine: AsyncEngine) -> None:
    """Apply every migration not yet applied (idempotent)."""
    if await _at_head(engine):
        return
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)
