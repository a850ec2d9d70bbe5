"""Exports keep everything (issue #16, the first hour, item 3): every kind of entry logged,
exported, imported into a fresh user and exported again comes out the same, and importing
the same file again adds nothing. Runs on SQLite and PostgreSQL through `engine`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.history.import_file import read_export
from core.history.import_layouts import COACH_HEADER
from core.history.import_values import ReadExport, Unreadable
from core.messages import Attachment
from core.recording.entries import CardioEntry
from storage.models import CardioSession, Identity, Message, StrengthSet
from tests.conftest import ChatUser

FIXTURES = Path(__file__).parent / "fixtures"

# Strong's set orders W, F and D are warm-up, failure and drop sets; the third column is RPE.
STRONG_KINDS_CSV = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    '2026-11-10 18:00:00,"Evening",1h,"Squat (Barbell)",W,60,5,0,0,,,\n'
    '2026-11-10 18:00:00,"Evening",1h,"Squat (Barbell)",1,100,8,0,0,,,8.5\n'
    '2026-11-10 18:00:00,"Evening",1h,"Squat (Barbell)",F,100,6,0,0,,,10\n'
    '2026-11-10 18:00:00,"Evening",1h,"Squat (Barbell)",D,80,10,0,0,,,\n'
)
# What typing gives, one log per line: (text, sent at, UTC).
CHAT_LOGS = [
    ("squat 3x5 100kg @8rpe", "2026-11-16T18:00"),  # RPE per set
    ("dips 3x8 +10kg", "2026-11-16T18:30"),  # bodyweight with added load
    ("ohp 3x8 @ 95 lb", "2026-11-17T18:00"),  # pounds and kilograms side by side
    ("bench 80kg 8,8,7\nzone 2 45 min", "2026-11-17T18:30"),  # a lift and cardio in one log
    ("zone 2 cycling 45 min avg hr 128", "2026-11-18T07:30"),  # Zone 2 with its average HR
    ("hiit 20 min", "2026-11-19T07:30"),
    ("walked 40 minutes", "2026-11-20T07:30"),
    ("elliptical 25 min", "2026-11-21T07:30"),  # other cardio
]
# A real activity file (../shared/fixtures/activities, whose README says: start
# 2019-01-29T10:25:13Z, 65.1 min with a 6.6-minute pause, HR mean 130.8 and max 168, 16.8 min
# at 120–140 bpm, the Zone 2 of `/profile maxhr 200`; mostly above it, so "other").
ACTIVITY_FILE = Path(__file__).resolve().parents[1].parent / (
    "shared/fixtures/activities/run-polar-m400.tcx"
)
CARDIO_COLUMNS = ("exercise", "exercise_name", "minutes", "avg_hr", "zone2_minutes",
                  "above_minutes", "max_hr", "file_start")  # fmt: skip
# Columns that say which person or row a table row is, not what it holds.
WHO = {"id", "user_id", "message_id"}


async def _user_id(engine: AsyncEngine, external_id: str) -> int:
    async with engine.connect() as conn:
        query = select(Identity.user_id).where(Identity.external_id == external_id)
        return (await conn.execute(query)).scalar_one()


async def _everything_logged(ann: ChatUser) -> None:
    await ann.say("/skip")
    await ann.say("/profile maxhr 200")
    await ann.say("", attachment=Attachment("s.csv", STRONG_KINDS_CSV.encode()))
    await ann.say("", attachment=Attachment("h.csv", (FIXTURES / "hevy_lbs.csv").read_bytes()))
    await ann.say("", attachment=Attachment("s24.csv", (FIXTURES / "strong_2024.csv").read_bytes()))
    for text, at in CHAT_LOGS:
        await ann.say(text, at=at)
    run = Attachment(ACTIVITY_FILE.name, ACTIVITY_FILE.read_bytes())
    assert (await ann.say("", at="2019-01-29T12:00", attachment=run)).startswith("✅ Run")


async def _export(user: ChatUser) -> tuple[bytes, dict[str, Any]]:
    await user.say("/export")
    csv_reply, json_reply = user.replies
    assert csv_reply.file is not None
    assert json_reply.file is not None
    return csv_reply.file.data, json.loads(json_reply.file.data)


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode())))


def _entries(document: dict[str, Any], table: str) -> list[tuple]:
    """Return a table's rows of the JSON export without who they belong to, sorted.

    Loads in kg are compared to 4 decimals: an import stores them rounded so.
    """

    def value(v: Any) -> Any:
        return round(v, 4) if isinstance(v, float) else v

    return sorted(
        (
            tuple((k, value(v)) for k, v in sorted(row.items()) if k not in WHO)
            for row in document["tables"][table]
        ),
        key=repr,
    )


async def _count(engine: AsyncEngine, model: type, user_id: int) -> int:
    async with engine.connect() as conn:
        query = select(func.count()).select_from(model).where(model.user_id == user_id)  # type: ignore[attr-defined]
        return (await conn.execute(query)).scalar_one()


async def test_every_kind_of_entry_survives_export_and_import_into_a_fresh_user(
    ann: ChatUser, service, engine: AsyncEngine
) -> None:
    await _everything_logged(ann)
    first_csv, first_json = await _export(ann)

    cleo = ChatUser(service, "cleo")
    reply = await cleo.say("", attachment=Attachment("coach-sets.csv", first_csv, "text/csv"))
    assert "Coach export" in reply
    assert "Imported" in reply
    assert "6 cardio sessions" in reply
    second_csv, second_json = await _export(cleo)

    assert second_csv == first_csv
    for table in ("strength_sets", "cardio_sessions"):
        assert _entries(second_json, table) == _entries(first_json, table), table

    # What the export holds, so "the same" is not "the same and empty".
    rows = _rows(first_csv)
    assert tuple(rows[0]) == COACH_HEADER
    sets = [r for r in rows if r["set_kind"] != "cardio"]
    assert {r["set_kind"] for r in sets} == {"normal", "warmup", "failure", "drop"}
    assert {r["rpe"] for r in sets} >= {"8", "8.5", "10"}
    assert {r["unit"] for r in sets} == {"kg", "lb"}
    assert ("dip", "10", "kg", "true") in {
        (r["exercise"], r["weight"], r["unit"], r["bodyweight"]) for r in sets
    }
    assert any(r["distance_m"] and r["seconds"] for r in sets)  # Strong's timed run
    cardio = [tuple(r[c] for c in CARDIO_COLUMNS) for r in rows if r["set_kind"] == "cardio"]
    assert cardio == [
        ("other", "run", "58.4", "131", "16.8", "23.6", "168", "2019-01-29T10:25:13+00:00"),
        ("zone2", "", "45", "", "", "", "", ""),
        ("zone2", "bike", "45", "128", "", "", "", ""),
        ("hiit", "", "20", "", "", "", "", ""),
        ("walk", "walk", "40", "", "", "", "", ""),
        ("other", "elliptical", "25", "", "", "", "", ""),
    ]
    run = next(c for c in first_json["tables"]["cardio_sessions"] if c["activity"] == "run")
    assert (run["zone2_minutes"], run["above_minutes"], run["max_hr"]) == (16.8, 23.6, 168)
    assert run["file_start"].startswith("2019-01-29")


async def test_importing_an_export_twice_adds_nothing(
    ann: ChatUser, service, engine: AsyncEngine
) -> None:
    await _everything_logged(ann)
    exported, _ = await _export(ann)
    cleo = ChatUser(service, "cleo")
    await cleo.say("", attachment=Attachment("coach-sets.csv", exported, "text/csv"))
    cleo_id, ann_id = await _user_id(engine, "cleo"), await _user_id(engine, "ann")
    entries = (StrengthSet, CardioSession)
    stored = [await _count(engine, m, cleo_id) for m in entries]
    assert stored == [await _count(engine, m, ann_id) for m in entries]
    messages = await _count(engine, Message, cleo_id)

    again = await cleo.say("", attachment=Attachment("coach-sets.csv", exported, "text/csv"))
    assert "already in your history, so nothing changed" in again
    own, _ = await _export(cleo)  # her own export holds the same workouts: nothing new either
    assert "nothing changed" in await cleo.say("", attachment=Attachment("own.csv", own))
    run = Attachment(ACTIVITY_FILE.name, ACTIVITY_FILE.read_bytes())
    assert "I already have this one" in await cleo.say("", attachment=run)  # known by its start
    assert [await _count(engine, m, cleo_id) for m in entries] == stored
    # The second file, /export, her own file and the run are messages; no workout is.
    assert await _count(engine, Message, cleo_id) == messages + 4


async def test_an_export_sent_back_to_the_history_it_came_from_adds_nothing(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    """Ann's logs were typed, not imported: her own export finds each one by when it was
    sent and what it said, and stores none of them again."""
    await _everything_logged(ann)
    ann_id = await _user_id(engine, "ann")
    entries = (StrengthSet, CardioSession)
    before = [await _count(engine, m, ann_id) for m in entries]
    exported, _ = await _export(ann)
    reply = await ann.say("", attachment=Attachment("coach-sets.csv", exported, "text/csv"))
    assert "All of it is already in your history, so nothing changed." in reply
    assert [await _count(engine, m, ann_id) for m in entries] == before
    # A log undone since the export is not in the history: the file brings it back.
    await ann.say("/undo")
    await ann.say("yes")
    undone = [await _count(engine, m, ann_id) for m in entries]
    assert undone != before
    back = await ann.say("", attachment=Attachment("coach-sets.csv", exported, "text/csv"))
    assert "✅ Imported 1 workout" in back
    assert [await _count(engine, m, ann_id) for m in entries] == before


async def test_an_imported_cardio_session_is_undone_with_its_workout(
    ann: ChatUser, service, engine: AsyncEngine
) -> None:
    await ann.say("/skip")
    await ann.say("hiit 20 min", at="2026-11-19T07:30")
    exported, _ = await _export(ann)
    cleo = ChatUser(service, "cleo")
    await cleo.say("", attachment=Attachment("coach-sets.csv", exported, "text/csv"))
    cleo_id = await _user_id(engine, "cleo")
    assert await _count(engine, CardioSession, cleo_id) == 1
    assert "“hiit 20 min”" in await cleo.say("/undo")
    await cleo.say("/undo yes")
    assert await _count(engine, CardioSession, cleo_id) == 0


async def test_a_workout_imported_before_cardio_was_is_not_stored_again(
    ann: ChatUser, service, engine: AsyncEngine
) -> None:
    await ann.say("/skip")
    await ann.say("bench 80kg 8,8,7\nzone 2 45 min", at="2026-11-17T18:30")
    await ann.say("hiit 20 min", at="2026-11-19T07:30")
    exported, _ = await _export(ann)
    # What an import before this one stored of that file: its sets, never its cardio rows.
    lines = exported.decode().splitlines(keepends=True)
    sets_only = "".join(line for line in lines if ",cardio," not in line).encode()
    cleo = ChatUser(service, "cleo")
    assert "Imported 1 workout with 3 sets." in await cleo.say(
        "", attachment=Attachment("old.csv", sets_only)
    )
    reply = await cleo.say("", attachment=Attachment("coach-sets.csv", exported))
    assert "Imported 1 workout with 0 sets and 1 cardio session." in reply
    assert "Skipped 1 workout already in your history." in reply
    cleo_id = await _user_id(engine, "cleo")
    assert await _count(engine, StrengthSet, cleo_id) == 3
    assert await _count(engine, CardioSession, cleo_id) == 1  # the bench log's stays unknown


# --- reading our own export, without a database -----------------------------------------

OLD_HEADER = ",".join(COACH_HEADER[: COACH_HEADER.index("avg_hr") + 1])
START = "2026-11-17T18:30:00+00:00"


def _read(lines: list[str], header: str = ",".join(COACH_HEADER)) -> ReadExport | Unreadable:
    return read_export("\n".join([header, *lines]).encode())


def test_an_export_from_before_the_minutes_column_reads_cardio_from_its_seconds() -> None:
    found = _read(
        [f"{START},zone 2 45 min,2026-11-17,zone2,,1,cardio,,,,,false,,2700,,128"], OLD_HEADER
    )
    assert isinstance(found, ReadExport), found
    (workout,) = found.workouts
    assert workout.sets == ()
    assert workout.cardio == (CardioEntry("zone2", 45, None, 128),)
    assert str(workout.day) == "2026-11-17"


CARDIO_ROW = f"{START},run,2026-11-17,{{modality}},run,1,cardio,,,,,false,,3906,,{{hr}},65.1,,,,"


@pytest.mark.parametrize(
    ("modality", "hr", "says"),
    [
        ("swim", "131", "cardio “swim” is not zone2, hiit, walk or other"),
        ("zone2", "1310", "average heart rate “1310” is not a whole 30 to 250 bpm"),
        ("zone2", "130.5", "average heart rate “130.5” is not a whole"),
    ],
)
def test_a_cardio_row_past_the_chat_limits_is_refused_with_its_line(
    modality: str, hr: str, says: str
) -> None:
    found = _read([CARDIO_ROW.format(modality=modality, hr=hr)])
    assert isinstance(found, Unreadable), found
    assert found.message.startswith("Line 2 of that file can't be read")
    assert says in found.message


def test_a_cardio_row_with_no_time_is_refused() -> None:
    found = _read([f"{START},run,2026-11-17,walk,walk,1,cardio,,,,,false,,,,,,,,,"])
    assert isinstance(found, Unreadable), found
    assert "no minutes" in found.message
