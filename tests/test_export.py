"""/export: a CSV of sets that imports back into a fresh user, and a JSON of everything."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.messages import Attachment
from storage.models import Identity, StrengthSet
from tests.conftest import ChatUser

FIXTURES = Path(__file__).parent / "fixtures"
SET_COLUMNS = ("exercise", "day", "set_kind", "reps", "weight", "unit", "bodyweight", "rpe",
               "seconds", "distance_m")  # fmt: skip


async def _sets_of(engine: AsyncEngine, external_id: str) -> list[tuple]:
    t = StrengthSet.__table__.c  # type: ignore[attr-defined]
    user = select(Identity.user_id).where(Identity.external_id == external_id).scalar_subquery()
    query = (
        select(*(getattr(t, c) for c in SET_COLUMNS))
        .where(t.user_id == user)
        .order_by(t.day, t.performed_at, t.position)
    )
    async with engine.connect() as conn:
        return [tuple(row) for row in (await conn.execute(query)).all()]


async def test_export_gives_a_csv_and_a_json_file(ann: ChatUser) -> None:
    await ann.say("squat 3x8 100kg", at="2026-11-16T18:00")
    await ann.say("/export")
    csv_reply, json_reply = ann.replies
    assert csv_reply.file is not None
    assert json_reply.file is not None
    assert csv_reply.file.filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(csv_reply.file.data.decode())))
    assert [(r["exercise"], r["reps"], r["weight"], r["unit"]) for r in rows] == [
        ("squat", "8", "100", "kg")
    ] * 3
    document = json.loads(json_reply.file.data)
    tables = document["tables"]
    assert len(tables["users"]) == 1
    assert tables["identities"][0]["external_id"] == "ann"
    assert len(tables["strength_sets"]) == 3
    assert any(m["text"] == "squat 3x8 100kg" for m in tables["messages"])


async def test_exported_csv_round_trips_into_a_fresh_user(
    ann: ChatUser, service, engine: AsyncEngine
) -> None:
    await ann.say("squat 3x8 100kg", at="2026-11-16T18:00")
    await ann.say("bench 80kg 8,8,7", at="2026-11-17T07:30")
    await ann.say("zone 2 45 min", at="2026-11-17T08:30")
    await ann.say("", attachment=Attachment("s.csv", (FIXTURES / "strong_2024.csv").read_bytes()))
    await ann.say("", attachment=Attachment("h.csv", (FIXTURES / "hevy_lbs.csv").read_bytes()))
    await ann.say("/export")
    exported = ann.replies[0].file
    assert exported is not None

    cleo = ChatUser(service, "cleo")
    reply = await cleo.say("", attachment=Attachment(exported.filename, exported.data))
    assert "Coach" in reply
    assert "Imported" in reply
    original = await _sets_of(engine, "ann")
    assert len(original) == 3 + 3 + 8 + 3
    assert await _sets_of(engine, "cleo") == original
    again = await cleo.say("", attachment=Attachment(exported.filename, exported.data))
    assert "nothing changed" in again
