"""A full disk: nothing recorded, the terminal says so in one line, the message waits."""

from __future__ import annotations

import errno
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from bot import console
from core.conversation.service import ConversationService
from core.messages import IncomingMessage
from storage.database import create_engine
from storage.faults import disk_full
from storage.unit_of_work import unit_of_work_factory


class _Orig(Exception):
    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("error", "full"),
    [
        (OperationalError("INSERT", {}, _Orig("database or disk is full")), True),
        (OperationalError("INSERT", {}, _Orig("could not extend file", "53100")), True),
        (OSError(errno.ENOSPC, "No space left on device"), True),
        (OperationalError("INSERT", {}, _Orig("database is locked")), False),
        (OperationalError("INSERT", {}, _Orig("too many connections", "53300")), False),
        (OSError(errno.ECONNREFUSED, "refused"), False),
    ],
)
def test_a_full_disk_is_told_from_other_outages(error: BaseException, full: bool) -> None:
    assert disk_full(error) is full


async def test_a_full_sqlite_file_records_nothing_and_says_so(sqlite_template, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "coach.db"
    path.write_bytes(sqlite_template.read_bytes())
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    service = ConversationService(unit_of_work_factory(engine))
    at = datetime(2026, 11, 30, 18, tzinfo=UTC)
    first = IncomingMessage("console", "ann", "m1", "squat 3x8 100kg", at)
    assert (await service.handle(first)).status == "recorded"

    @event.listens_for(engine.sync_engine, "connect")
    def _no_room(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA max_page_count = 1")  # no page more than the file has now
        cursor.close()

    await engine.dispose()  # new connections take the limit
    stored = 1
    for n in range(2, 500):  # the free room in the file's pages runs out
        message = IncomingMessage("console", "ann", f"m{n}", f"bench 3x8 {40 + n // 10}kg", at)
        result = await console.exchange(service, message)
        if result.status != "recorded":
            break
        stored += 1
    assert result.status == "unavailable"
    assert result.disk_full
    (reply,) = result.replies
    assert reply.text.startswith("The database's disk is full, so nothing was recorded.")
    async with engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM messages"))).scalar() == stored
        sets = (await conn.execute(text("SELECT count(*) FROM strength_sets"))).scalar()
        assert sets == 3 * stored  # the one that failed left nothing half-written
    await engine.dispose()
