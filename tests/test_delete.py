"""/delete: after confirming, no row about the person remains in any table."""

from __future__ import annotations

from sqlalchemy import MetaData, func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import SQLModel

from core.messages import Attachment
from storage.models import Identity
from tests.conftest import ChatUser
from tests.test_import import FIXTURES


def _reflect(connection) -> MetaData:  # type: ignore[no-untyped-def]
    metadata = MetaData()
    metadata.reflect(connection)
    return metadata


async def _rows_per_table(engine: AsyncEngine, user_id: int) -> dict[str, int]:
    """Count the user's rows in every table with a user_id column, and in users."""
    async with engine.connect() as conn:
        reflected = await conn.run_sync(_reflect)
        tables = {t.name: t for t in reflected.sorted_tables}
        for table in SQLModel.metadata.sorted_tables:
            assert table.name in tables, f"{table.name} is not in the database"
        counts = {}
        for name, table in tables.items():
            if "user_id" in table.c:
                where = table.c.user_id == user_id
            elif name == "users":
                where = table.c.id == user_id
            else:
                continue
            query = select(func.count()).select_from(table).where(where)
            counts[name] = (await conn.execute(query)).scalar_one()
        return counts


async def _user_id(engine: AsyncEngine, external_id: str) -> int:
    async with engine.connect() as conn:
        query = select(Identity.user_id).where(Identity.external_id == external_id)
        return (await conn.execute(query)).scalar_one()


async def _fill(user: ChatUser) -> None:
    await user.say("/timezone Europe/Berlin")
    await user.say("squat 3x8 100kg", at="2026-11-16T18:00")
    await user.say("zone 2 45 min", at="2026-11-17T18:00")
    await user.say("/equipment bar 20 plates 20,10,5,2.5")
    await user.say("/remind zone2 mon,wed 07:00")
    await user.say("/link")
    await user.say("", attachment=Attachment("h.csv", (FIXTURES / "hevy.csv").read_bytes()))


async def test_delete_removes_every_row_of_the_user_and_only_theirs(
    ann: ChatUser, bob: ChatUser, engine: AsyncEngine
) -> None:
    await _fill(ann)
    await _fill(bob)
    ann_id, bob_id = await _user_id(engine, "ann"), await _user_id(engine, "bob")
    before = await _rows_per_table(engine, ann_id)
    assert before["strength_sets"] > 0
    assert before["equipment"] == 1
    assert before["reminder_schedules"] > 0

    await ann.say("/delete")
    (ask,) = ann.replies
    yes = ask.choices[0]
    assert yes.label == "Yes, delete everything"
    assert "deletes everything" in ask.text
    await ann.say(yes.data, is_callback=True)
    assert "Everything I held about you is deleted" in ann.replies[0].text

    after = await _rows_per_table(engine, ann_id)
    assert after == dict.fromkeys(after, 0)
    bob_rows = await _rows_per_table(engine, bob_id)
    assert bob_rows["users"] == 1
    assert bob_rows["strength_sets"] == before["strength_sets"]
    assert "Squat" in await bob.say("/history squat")


async def test_someone_elses_token_deletes_nothing(
    ann: ChatUser, bob: ChatUser, engine: AsyncEngine
) -> None:
    await _fill(ann)
    await ann.say("/delete")
    token_command = ann.replies[0].choices[0].data
    refused = await bob.say(token_command, is_callback=True)
    assert "isn't valid" in refused
    assert "isn't valid" in await ann.say("/delete confirm wrong-token")
    assert "Kept" in await ann.say("/delete cancel")
    ann_id = await _user_id(engine, "ann")
    assert (await _rows_per_table(engine, ann_id))["strength_sets"] > 0
