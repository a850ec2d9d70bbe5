"""Importing Strong and Hevy exports: every layout, re-import, broken files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from core.formatting import plural
from core.history.exercise_names import map_exercise
from core.history.import_file import read_export
from core.history.import_values import ReadExport, Unreadable
from core.history.workout_keys import legacy_workout_key
from core.messages import Attachment
from storage.models import Message, StrengthSet
from tests.conftest import ChatUser

FIXTURES = Path(__file__).parent / "fixtures"

# file, layout, workouts, sets (rest-timer and note rows are not sets)
LAYOUTS = [
    ("strong_2016.csv", "Strong (2016)", 2, 7),
    ("strong_semicolon.csv", "Strong (semicolon, with units)", 2, 5),
    ("strong_comma.csv", "Strong (comma)", 2, 5),
    ("strong_2024.csv", "Strong (2024+, quoted)", 2, 8),
    ("hevy.csv", "Hevy", 2, 6),
    ("hevy_lbs.csv", "Hevy", 1, 3),
]


def read(name: str, units: str = "kg") -> ReadExport:
    found = read_export((FIXTURES / name).read_bytes(), units)  # type: ignore[arg-type]
    assert isinstance(found, ReadExport), found
    return found


@pytest.mark.parametrize(("name", "layout", "workouts", "sets"), LAYOUTS)
def test_every_layout_is_recognised_and_counted(name, layout, workouts, sets) -> None:
    found = read(name)
    assert (found.layout, len(found.workouts), found.set_count) == (layout, workouts, sets)


def test_strong_set_order_letters_become_set_kinds() -> None:
    squat = [s for s in read("strong_2024.csv").workouts[0].sets if s.exercise.startswith("Squat")]
    assert [s.kind for s in squat] == ["warmup", "warmup", "normal", "normal", "failure", "drop"]


def test_hevy_set_types_and_dates() -> None:
    lower, upper = read("hevy.csv").workouts
    assert lower.start == datetime(2025, 9, 15, 7, 48)
    assert lower.duration_s == 85 * 60
    assert [s.kind for s in lower.sets] == ["warmup", "normal", "failure", "drop"]
    assert upper.name == "Upper"


def test_units_come_from_the_file_or_the_user() -> None:
    semicolon = read("strong_semicolon.csv").workouts[0].sets
    assert [(s.weight, s.unit) for s in semicolon[:3]] == [(45, "lb"), (65, "lb"), (60, "kg")]
    assert {s.unit for w in read("strong_comma.csv", "lb").workouts for s in w.sets} == {"lb"}
    assert {s.unit for w in read("hevy_lbs.csv").workouts for s in w.sets} == {"lb"}


def test_distances_and_seconds_are_kept() -> None:
    running = read("strong_2024.csv").workouts[0].sets[-1]
    assert (running.exercise, running.distance_m, running.seconds) == ("Running", 2000, 720)
    treadmill = read("hevy_lbs.csv").workouts[0].sets[-1]
    assert treadmill.distance_m == pytest.approx(2 * 1609.344)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Squat (Barbell)", "squat"),
        ("Squat", "squat"),
        ("Bench Press (Dumbbell)", "dumbbell_bench_press"),
        ("Bent Over Row (Dumbbell)", "dumbbell_row"),
        ("Pendlay Row (Barbell)", "barbell_row"),
        ("Seated Leg Curl (Machine)", "leg_curl"),
        ("Pull Up (Neutral Grip)", "pull_up"),
        ("Pull Up (Assisted)", "custom:pull_up_assisted"),
        ("Shoulder Press (Machine)", "custom:shoulder_press_machine"),
        ("Zercher Squat", "zercher_squat"),
        ("Jefferson Curl", "custom:jefferson_curl"),
        ("Cable Crossover Ladder", "custom:cable_crossover_ladder"),
    ],
)
def test_app_names_map_to_the_catalogue_or_stay_custom(name: str, expected: str) -> None:
    assert map_exercise(name) == expected


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "empty"),
        (b"name,age\nann,62\n", "can't tell what app"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "can't tell what app"),
    ],
)
def test_unreadable_files_say_why(content: bytes, says: str) -> None:
    found = read_export(content)
    assert isinstance(found, Unreadable)
    assert says in found.message


def test_a_truncated_file_is_refused_whole() -> None:
    data = (FIXTURES / "hevy.csv").read_bytes()
    found = read_export(data[: len(data) - 40])
    assert isinstance(found, Unreadable)
    assert "Line 7" in found.message
    assert "Nothing was imported" in found.message


def test_a_bad_number_is_refused_with_its_line() -> None:
    data = (FIXTURES / "strong_comma.csv").read_text().replace("185.0,5", "185.0,five", 1)
    found = read_export(data.encode())
    assert isinstance(found, Unreadable)
    assert "Line 6" in found.message
    assert "five" in found.message


# weight and reps of a squat row (line 6), and what the refusal names
IMPLAUSIBLE_ROWS = [
    ("inf,5", "weight “inf” is not a number"),
    ("nan,5", "weight “nan” is not a number"),
    ("-50,5", "weight “-50” is below zero"),
    ("700,5", "weight “700” kg is over 600 kg"),
    ("185.0,100000000", "reps “100000000” is over 100"),
    ("185.0,inf", "reps “inf” is not a number"),
    ("185.0,nan", "reps “nan” is not a number"),
    ("185.0,-5", "reps “-5” is below zero"),
    ("185.0,5.5", "reps “5.5” is not a whole number"),
]


@pytest.mark.parametrize(("cells", "says"), IMPLAUSIBLE_ROWS)
def test_implausible_numbers_are_refused_like_the_chat_parser_does(cells: str, says: str) -> None:
    data = (FIXTURES / "strong_comma.csv").read_text().replace("185.0,5", cells, 1)
    found = read_export(data.encode())
    assert isinstance(found, Unreadable), found
    assert found.message.startswith("Line 6 of that file can't be read")
    assert says in found.message
    assert "Nothing was imported" in found.message


@pytest.mark.parametrize(
    ("column", "value", "says"),
    [("RPE", "11", "RPE “11” is not 1 to 10"), ("Seconds", "1e400", "seconds “1e400” is not")],
)
def test_implausible_rpe_and_seconds_are_refused(column: str, value: str, says: str) -> None:
    lines = (FIXTURES / "strong_comma.csv").read_text().splitlines()
    header = lines[0].split(",")
    row = lines[5].split(",")
    row[header.index(column)] = value
    found = read_export("\n".join([*lines[:5], ",".join(row), *lines[6:]]).encode())
    assert isinstance(found, Unreadable), found
    assert "Line 6" in found.message
    assert says in found.message


def test_a_limit_in_pounds_is_the_same_load_in_kilograms() -> None:
    data = (FIXTURES / "strong_comma.csv").read_text()
    assert isinstance(read_export(data.replace("185.0,5", "1300,5", 1).encode(), "lb"), ReadExport)
    refused = read_export(data.replace("185.0,5", "1330,5", 1).encode(), "lb")
    assert isinstance(refused, Unreadable)
    assert "weight “1330” lb is over 600 kg" in refused.message


def test_timed_rows_with_zero_reps_still_import() -> None:
    running = read("strong_2024.csv").workouts[0].sets[-1]
    assert (running.reps, running.seconds) == (0, 720)


# --- through the conversation, on SQLite and PostgreSQL ------------------------------


async def _count(engine: AsyncEngine, model: type, **where: object) -> int:
    async with engine.connect() as conn:
        query = select(func.count()).select_from(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return (await conn.execute(query)).scalar_one()


async def send_file(user: ChatUser, name: str, data: bytes | None = None) -> str:
    payload = data if data is not None else (FIXTURES / name).read_bytes()
    return await user.say("", attachment=Attachment(name, payload, "text/csv"))


@pytest.mark.parametrize(("name", "layout", "workouts", "sets"), LAYOUTS)
async def test_every_fixture_imports_with_a_summary(
    ann: ChatUser, engine: AsyncEngine, name, layout, workouts, sets
) -> None:
    reply = await send_file(ann, name)
    assert f"{plural(workouts, 'workout')}, {sets} sets" in reply
    assert f"Imported {plural(workouts, 'workout')} with {sets} sets" in reply
    assert await _count(engine, StrengthSet) == sets
    assert await _count(engine, Message, platform="import") == workouts


async def test_importing_the_same_file_twice_records_nothing_twice(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    await send_file(ann, "hevy.csv")
    again = await send_file(ann, "hevy.csv")
    assert "already in your history, so nothing changed" in again
    assert await _count(engine, StrengthSet) == 6
    assert await _count(engine, Message, platform="import") == 2


async def test_summary_names_matched_and_custom_exercises(ann: ChatUser) -> None:
    reply = await send_file(ann, "strong_semicolon.csv")
    assert "Overhead Press (Barbell) → Overhead press" in reply
    assert "Kept as your own exercises" in reply
    assert "Jefferson Curl" in reply


async def test_warm_ups_are_stored_as_warm_ups_and_skipped_by_progression(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    await send_file(ann, "strong_2024.csv")
    assert await _count(engine, StrengthSet, set_kind="warmup") == 2
    assert await _count(engine, StrengthSet, set_kind="failure") == 1
    history = await ann.say("/history squat", at="2024-06-07T12:00")
    assert "40 kg" not in history
    assert "60 kg" not in history
    assert "100 kg" in history


async def test_custom_exercises_show_in_history_but_get_no_plan(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    await send_file(ann, "strong_semicolon.csv")
    assert await _count(engine, StrengthSet, exercise="custom:jefferson_curl") == 1
    plan = await ann.say("/plan", at="2022-02-19T12:00")
    assert "jefferson" not in plan.lower()
    assert "Overhead press" in plan or "Bench press" in plan


async def test_a_file_it_cannot_read_changes_nothing(ann: ChatUser, engine: AsyncEngine) -> None:
    data = (FIXTURES / "strong_2016.csv").read_bytes()[:-30]
    reply = await send_file(ann, "strong_2016.csv", data)
    assert "couldn't import" in reply
    assert await _count(engine, StrengthSet) == 0
    assert await _count(engine, Message, platform="import") == 0


async def test_a_file_with_an_infinite_weight_imports_nothing_and_plans_still_work(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    data = (FIXTURES / "strong_comma.csv").read_text().replace("185.0,5", "inf,5", 1)
    reply = await send_file(ann, "strong_comma.csv", data.encode())
    assert "couldn't import" in reply
    assert "Line 6" in reply
    assert await _count(engine, StrengthSet) == 0
    assert await _count(engine, Message, platform="import") == 0
    assert "squat" in (await ann.say("squat 3x5 100kg", at="2021-07-12T18:00")).lower()
    assert "inf" not in await ann.say("/plan", at="2021-07-14T12:00")


async def test_a_file_in_another_format_is_refused(ann: ChatUser, engine: AsyncEngine) -> None:
    reply = await send_file(ann, "notes.csv", b"when,what\nmonday,ran 5k\n")
    assert "can't tell what app" in reply
    assert await _count(engine, StrengthSet) == 0


async def test_times_without_offset_are_in_the_users_timezone(service, engine: AsyncEngine) -> None:
    tokyo = ChatUser(service, "kenji", tz="Asia/Tokyo")
    await tokyo.say("/timezone Asia/Tokyo")
    await send_file(tokyo, "hevy.csv")
    async with engine.connect() as conn:
        sent = (
            (await conn.execute(select(Message.sent_at).where(Message.platform == "import")))
            .scalars()
            .all()
        )
    first = min(sent)
    first = first if first.tzinfo else first.replace(tzinfo=UTC)  # SQLite keeps UTC naive
    assert first.astimezone(UTC) == datetime(2025, 9, 14, 22, 48, tzinfo=UTC)


# --- /undo after an import: each workout is a log, the file itself is not -----------


async def test_undo_after_an_import_offers_the_last_real_log(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    await ann.say("squat 3x8 100kg", at="2026-11-20T18:00")
    reply = await send_file(ann, "hevy.csv")
    assert "/undo takes back one imported workout at a time" in reply
    offer = await ann.say("/undo")
    assert offer.startswith("Remove your last log, “squat 3x8 100kg” from Fri 20 Nov?")
    assert "Undone: “squat 3x8 100kg”" in await ann.say("/undo yes")
    assert await _count(engine, StrengthSet) == 6  # the import's sets are all still there


async def test_undo_after_only_an_import_takes_back_its_newest_workout(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    await send_file(ann, "hevy.csv")
    offer = await ann.say("/undo")
    assert offer.startswith("Remove your last log, “Upper (imported from Hevy)” from Wed 17 Sep?")
    undo_yes = ann.replies[0].choices[0].data
    assert "Undone: “Upper (imported from Hevy)”" in await ann.say(undo_yes, is_callback=True)
    assert await _count(engine, StrengthSet) == 4  # Lower's sets stay
    assert "“Lower (imported from Hevy)”" in await ann.say("/undo")


async def test_undo_skips_a_file_message_an_older_import_marked_recorded(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    await ann.say("squat 3x8 100kg", at="2026-11-20T18:00")
    await send_file(ann, "hevy.csv")
    async with engine.begin() as conn:  # what imports before this fix stored
        await conn.execute(
            update(Message)
            .where(Message.platform == "test", Message.text == "")
            .values(recorded=True)
        )
    assert "“squat 3x8 100kg”" in await ann.say("/undo")


async def test_workouts_stored_under_the_old_per_person_keys_are_not_imported_again(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    await send_file(ann, "hevy.csv")
    async with engine.begin() as conn:  # what imports before content keys stored
        user_id = (
            await conn.execute(select(Message.user_id).where(Message.platform == "import"))
        ).scalar()
        for workout in read("hevy.csv").workouts:
            await conn.execute(
                update(Message)
                .where(Message.text == f"{workout.name} (imported from Hevy)")
                .values(platform_message_id=legacy_workout_key(user_id, workout))
            )
    assert "already in your history, so nothing changed" in await send_file(ann, "hevy.csv")
    assert await _count(engine, Message, platform="import") == 2
