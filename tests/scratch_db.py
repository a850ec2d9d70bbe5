"""A throwaway PostgreSQL database for a benchmark run: made on the server
BENCH_DATABASE_URL (or TEST_DATABASE_URL) names, dropped afterwards whatever happened."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from storage.database import resolve_url


def server_url() -> str | None:
    """Return the PostgreSQL server a benchmark may use, if one is named."""
    return os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL") or None


async def _admin(url: str, statement: str) -> None:
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await engine.dispose()


@asynccontextmanager
async def scratch_database(server: str, prefix: str = "coach_bench") -> AsyncIterator[str]:
    """Yield the URL of a new, empty database on `server`; drop it on the way out."""
    admin = resolve_url(server)
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    await _admin(admin, f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        await _admin(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
