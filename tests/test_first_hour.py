"""Issue #16, the first hour: typed answers count as taps, a CSV round trip keeps cardio
and set kinds, and the `coach` command fails in one clear line, never a traceback."""

from __future__ import annotations

import csv
import io
import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.conversation.onboarding import STEPS
from core.messages import Attachment
from storage.models import User
from tests.conftest import ChatUser
from tests.test_cli import COACH, coach
from tests.test_export import _sets_of

# (what the person types, the question they are at, what is set after, the next question)
TYPED_ONBOARDING = [
    ("1", "units", ("kg", "UTC", None), "timezone"),
    ("2", "units", ("lb", "UTC", None), "timezone"),
    ("Skip", "units", ("kg", "UTC", None), "timezone"),
    ("skip", "units", ("kg", "UTC", None), "timezone"),
    ("pounds", "units", ("lb", "UTC", None), "timezone"),
    ("Kilos", "units", ("kg", "UTC", None), "timezone"),
    ("lbs.", "units", ("lb", "UTC", None), "timezone"),
    ("2", "timezone", ("kg", "Europe/Berlin", None), "How old"),
    ("skip", "timezone", ("kg", "UTC", None), "How old"),
    ("I'm 55", "age", ("kg", "UTC", 55), "weigh"),
    ("55 years old", "age", ("kg", "UTC", 55), "weigh"),
    ("skip", "age", ("kg", "UTC", None), "weigh"),
    ("no thanks", "bodyweight", ("kg", "UTC", None), "remind you"),
]
STEPS_BEFORE = {"units": 0, "timezone": 1, "age": 2, "bodyweight": 3, "reminders": 4}


async def _settings(engine) -> tuple[str, str, int | None]:  # type: ignore[no-untyped-def]
    async with AsyncSession(engine) as session:
        user = (await session.execute(select(User))).scalars().one()
    return (user.units, user.timezone, user.age)


async def _at_question(ann: ChatUser, step: str) -> None:
    await ann.say("/start")
    for _ in range(STEPS_BEFORE[step]):
        await ann.say("/skip")


@pytest.mark.parametrize(("typed", "step", "settings", "next_question"), TYPED_ONBOARDING)
async def test_a_typed_onboarding_answer_counts_as_the_tap(
    ann: ChatUser, engine, typed: str, step: str, settings: tuple, next_question: str
) -> None:
    await _at_question(ann, step)
    reply = await ann.say(typed)
    assert next_question in reply
    assert "Please" not in reply
    assert await _settings(engine) == settings


@pytest.mark.parametrize("typed", ["yes", "Yes please", "1", "Yes!"])
async def test_yes_typed_at_the_reminders_question_sets_the_defaults(
    ann: ChatUser, typed: str
) -> None:
    await _at_question(ann, "reminders")
    reply = await ann.say(typed)
    assert "All set" in reply
    assert "Resistance" in await ann.say("/reminders")


@pytest.mark.parametrize("typed", ["skip", "2", "no"])
async def test_skip_typed_at_the_reminders_question_sets_nothing(ann: ChatUser, typed: str) -> None:
    await _at_question(ann, "reminders")
    assert "All set" in await ann.say(typed)
    assert "Resistance" not in await ann.say("/reminders")


async def test_a_number_outside_the_choices_is_asked_again(ann: ChatUser, engine) -> None:
    await _at_question(ann, "units")
    assert "kg or lb" in await ann.say("4")
    assert await _settings(engine) == ("kg", "UTC", None)


# A Strong export with a warm-up, a failure set and a drop set (Set Order W, F, D).
STRONG_KINDS_CSV = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    '2026-11-10 18:00:00,"Evening",1h,"Squat (Barbell)",W,60,5,0,0,,,\n'
    '2026-11-10 18:00:00,"Evening",1h,"Squat (Barbell)",1,100,8,0,0,,,\n'
    '2026-11-10 18:00:00,"Evening",1h,"Squat (Barbell)",F,100,6,0,0,,,\n'
    '2026-11-10 18:00:00,"Evening",1h,"Squat (Barbell)",D,80,10,0,0,,,\n'
)
# What the CSV says of each cardio session: (exercise, name, set_kind, seconds, avg_hr).
CARDIO_EXPORTED = [
    ("zone2", "bike", "cardio", "2700", "128"),
    ("hiit", "", "cardio", "1200", ""),
    ("walk", "walk", "cardio", "2400", ""),
]


async def _exported(ann: ChatUser) -> tuple[Attachment, list[dict[str, str]]]:
    await ann.say("/export")
    exported = ann.replies[0].file
    assert exported is not None
    rows = list(csv.DictReader(io.StringIO(exported.data.decode())))
    return Attachment(exported.filename, exported.data), rows


async def test_the_csv_export_keeps_cardio_and_set_kinds(ann: ChatUser) -> None:
    await ann.say("/skip")
    await ann.say("", attachment=Attachment("s.csv", STRONG_KINDS_CSV.encode()))
    await ann.say("squat 3x8 100kg", at="2026-11-16T18:00")
    await ann.say("zone 2 cycling 45 min avg hr 128", at="2026-11-17T07:30")
    await ann.say("hiit 20 min", at="2026-11-18T07:30")
    await ann.say("walked 40 minutes", at="2026-11-19T07:30")
    _, rows = await _exported(ann)
    kinds = [r["set_kind"] for r in rows if r["exercise"] == "squat"]
    assert kinds == ["warmup", "normal", "failure", "drop", "normal", "normal", "normal"]
    cardio = [
        (r["exercise"], r["exercise_name"], r["set_kind"], r["seconds"], r["avg_hr"])
        for r in rows
        if r["set_kind"] == "cardio"
    ]
    assert cardio == CARDIO_EXPORTED
    assert "3 cardio sessions" in ann.replies[0].text


async def test_a_round_trip_keeps_every_set_and_never_makes_cardio_a_lift(
    ann: ChatUser, service, engine
) -> None:
    await ann.say("/skip")
    await ann.say("", attachment=Attachment("s.csv", STRONG_KINDS_CSV.encode()))
    await ann.say("squat 3x8 100kg\nzone 2 45 min", at="2026-11-16T18:00")
    await ann.say("hiit 20 min", at="2026-11-18T07:30")
    attachment, _ = await _exported(ann)
    cleo = ChatUser(service, "cleo")
    assert "Imported" in await cleo.say("", attachment=attachment)
    original = await _sets_of(engine, "ann")
    assert [kind for _, _, kind, *_ in original].count("warmup") == 1
    assert await _sets_of(engine, "cleo") == original


def _one_clear_line(out: subprocess.CompletedProcess) -> str:
    lines = out.stderr.strip().splitlines()
    assert "Traceback" not in out.stderr
    assert len(lines) == 1, out.stderr
    assert out.returncode != 0
    return lines[0]


def test_an_unsupported_database_url_is_one_line(tmp_path: Path) -> None:
    out = coach("say", "hi", db="mysql://root@localhost/db", cwd=tmp_path)
    line = _one_clear_line(out)
    assert "mysql isn't supported" in line
    assert "postgresql://" in line


def test_a_read_only_database_is_said_once_at_start(tmp_path: Path) -> None:
    path = tmp_path / "coach.db"
    assert coach("say", "squat 3x8 100kg", db=f"sqlite:///{path}").returncode == 0
    # Opened read-only (chmod alone can't stop root, who runs these tests).
    out = coach("say", "squat 3x8 100kg", db=f"sqlite:///file:{path}?mode=ro&uri=true")
    line = _one_clear_line(out)
    assert f"the database file {path} is read-only" in line
    assert "again in a minute" not in out.stdout + out.stderr


def test_a_reader_that_went_away_ends_the_command_quietly(tmp_path: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # like `coach say … | head` once head has exited
    try:
        out = subprocess.run(
            [COACH, "--db", f"sqlite:///{tmp_path / 'coach.db'}", "say", "/help"],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(writer)
    assert out.stderr == ""
    assert out.returncode != 0


# --- yes and no typed after /undo ------------------------------------------------------


async def _onboarded(user: ChatUser) -> None:
    await user.say("/start")
    for _ in STEPS:  # every question skipped
        await user.say("/skip")


@pytest.mark.parametrize(("typed", "kept"), [("yes", False), ("Yes.", False), ("no", True)])
async def test_yes_or_no_typed_right_after_undo_answers_it(
    ann: ChatUser, typed: str, kept: bool
) -> None:
    await _onboarded(ann)
    await ann.say("squat 3x8 100kg", at="2026-11-23T18:00")
    assert "Remove your last log" in await ann.say("/undo", at="2026-11-23T18:01")
    answer = await ann.say(typed, at="2026-11-23T18:02")
    assert ("Kept" in answer) is kept
    assert ("Undone" in answer) is not kept
    week = await ann.say("/week", at="2026-11-23T18:03")
    assert ("Resistance sessions: 1" in week) is kept


async def test_a_typed_yes_long_after_the_undo_or_without_one_changes_nothing(
    ann: ChatUser,
) -> None:
    await _onboarded(ann)
    await ann.say("squat 3x8 100kg", at="2026-11-23T18:00")
    await ann.say("/undo", at="2026-11-23T18:01")
    late = await ann.say("yes", at="2026-11-23T18:30")  # 29 minutes on: not an answer
    assert "Undone" not in late
    again = await ann.say("yes", at="2026-11-23T18:31")  # after a yes, not after /undo
    assert "Undone" not in again
    assert "Resistance sessions: 1" in await ann.say("/week", at="2026-11-23T18:32")


async def test_someone_elses_typed_yes_never_answers_their_undo(
    ann: ChatUser, bob: ChatUser
) -> None:
    await _onboarded(ann)
    await _onboarded(bob)
    await ann.say("squat 3x8 100kg", at="2026-11-23T18:00")
    await bob.say("bench 3x8 60kg", at="2026-11-23T18:00")
    await ann.say("/undo", at="2026-11-23T18:01")
    assert "Undone" not in await bob.say("yes", at="2026-11-23T18:02")
    assert "Resistance sessions: 1" in await ann.say("/week", at="2026-11-23T18:03")
    assert "Resistance sessions: 1" in await bob.say("/week", at="2026-11-23T18:03")


async def test_a_typed_yes_after_delete_says_to_tap_and_deletes_nothing(ann: ChatUser) -> None:
    await _onboarded(ann)
    await ann.say("squat 3x8 100kg", at="2026-11-23T18:00")
    await ann.say("/delete", at="2026-11-23T18:01")
    answer = await ann.say("yes", at="2026-11-23T18:02")
    assert "tap the button" in answer
    assert "Resistance sessions: 1" in await ann.say("/week", at="2026-11-23T18:03")


async def test_a_typed_yes_answers_the_latest_question_not_the_onboarding_one(
    ann: ChatUser, engine
) -> None:
    """Found following the README on a fresh clone: `/undo`, then `yes`, while onboarding
    still waited for its reminders answer, set the reminders and kept the log."""
    await ann.say("squat 3x8 100kg")
    assert "kilograms or pounds" in await ann.say("hi")
    for _ in range(4):  # units, timezone, age, bodyweight: the reminders question is next
        await ann.say("skip")
    assert "Bench press" in await ann.say("bench 80kg 8,8,7")
    assert "Remove your last log" in await ann.say("/undo")
    reply = await ann.say("yes")
    assert "Undone" in reply
    assert "reminders" not in reply.lower()
    assert [e for e, *_ in await _sets_of(engine, "ann")] == ["squat"] * 3
    assert "All set" in await ann.say("skip it")  # the reminders question, still waiting
