"""The first hour's small things: cardio in /history, the console's own /help, plurals,
and a lift logged at 0 kg. Each is tested the way a person meets it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from core.coaching.progression import LoggedSet, Session, next_plan
from core.formatting import plural
from core.history.cardio_history import cardio_history, cardio_kind
from core.ports import StoredCardio
from core.recording.catalogue import CATALOGUE
from tests.conftest import ChatUser
from tests.test_cli import coach

# --- /history for cardio ---------------------------------------------------------------


async def _cardio_week(ann: ChatUser) -> None:
    await ann.say("zone 2 45 min avg hr 128", at="2026-11-23T07:30")
    await ann.say("walked 40 minutes", at="2026-11-24T10:00")
    await ann.say("hiit 20 min", at="2026-11-25T07:00")
    await ann.say("zone 2 bike 50 min", at="2026-11-26T07:30")


@pytest.mark.parametrize("asked", ["zone 2", "zone2", "Zone 2", "z2"])
async def test_history_zone_2_lists_the_zone_2_sessions(ann: ChatUser, asked: str) -> None:
    await _cardio_week(ann)
    assert await ann.say(f"/history {asked}", at="2026-11-27T09:00") == (
        "Zone 2, last 2 sessions:\nMon 23 Nov: 45 min, avg HR 128\nThu 26 Nov: Bike 50 min"
    )


async def test_history_cardio_lists_every_kind(ann: ChatUser) -> None:
    await _cardio_week(ann)
    assert await ann.say("/history cardio", at="2026-11-27T09:00") == (
        "Cardio, last 4 sessions:\n"
        "Mon 23 Nov: Zone 2 45 min, avg HR 128\n"
        "Tue 24 Nov: Walk 40 min\n"
        "Wed 25 Nov: HIIT 20 min\n"
        "Thu 26 Nov: Zone 2 bike 50 min"
    )


async def test_history_hiit_and_walk_say_last_session_once(ann: ChatUser) -> None:
    await _cardio_week(ann)
    assert await ann.say("/history hiit", at="2026-11-27T09:00") == (
        "HIIT, last session:\nWed 25 Nov: 20 min"
    )
    assert await ann.say("/history walk", at="2026-11-27T09:00") == (
        "Walk, last session:\nTue 24 Nov: 40 min"
    )


async def test_history_of_cardio_not_logged_says_how_to_log_it(ann: ChatUser) -> None:
    await ann.say("squat 3x8 100kg", at="2026-11-23T18:00")
    assert await ann.say("/history zone 2", at="2026-11-27T09:00") == (
        "No Zone 2 logged yet. Log it like `zone 2 45 min`."
    )
    assert "don't know the exercise 'quidditch'" in await ann.say("/history quidditch")
    assert await ann.say("/history zumba") == "No zumba sessions logged yet."
    # A lift still answers as a lift.
    assert "Mon 23 Nov: 3×8 @ 100 kg" in await ann.say("/history squat", at="2026-11-27T09:00")


async def test_zone_2_minutes_measured_from_a_file_are_shown(ann: ChatUser, engine) -> None:  # type: ignore[no-untyped-def]
    await ann.say("zone 2 bike 50 min avg hr 118", at="2026-11-26T07:30")
    # What an activity file's import writes beside the minutes: its minutes in Zone 2. The
    # shared activity fixtures are all years old, outside /history's year, so it is set here.
    async with engine.begin() as conn:
        await conn.execute(text("UPDATE cardio_sessions SET zone2_minutes = 42.5"))
    assert await ann.say("/history zone 2", at="2026-11-27T09:00") == (
        "Zone 2, last session:\nThu 26 Nov: Bike 50 min, avg HR 118, 42.5 min in Zone 2"
    )


def test_zone_2_minutes_of_a_run_from_a_file_are_shown() -> None:
    # A run read from a watch's file: 65 minutes, 30.5 of them in the person's Zone 2.
    run = StoredCardio("other", "run", date(2026, 11, 24), 65.1, 131, zone2_minutes=30.5)
    kind = cardio_kind("cardio")
    assert kind is not None
    assert cardio_history(kind, [run], 6).text == (
        "Cardio, last session:\nTue 24 Nov: Run 65.1 min, avg HR 131, 30.5 min in Zone 2"
    )


# --- /help on the console ------------------------------------------------------------


def test_help_in_the_terminal_says_undo_and_send_again(tmp_path: Path) -> None:
    out = coach("say", "/help", db=f"sqlite:///{tmp_path / 'coach.db'}")
    assert out.returncode == 0, out.stderr
    assert "To fix a typo, /undo it and send it again." in out.stdout
    assert "Edit your message" not in out.stdout
    assert "/plan: next session's loads" in out.stdout  # the rest is kept


async def test_help_in_a_chat_still_says_edit(ann: ChatUser) -> None:
    reply = await ann.say("/help")
    assert "Edit your message to fix a typo." in reply
    assert "/undo it and send it again" not in reply


# --- plurals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "word", "said"),
    [
        (1, "session", "1 session"),
        (2, "session", "2 sessions"),
        (0, "set", "0 sets"),
        (1.5, "minute", "1.5 minutes"),
        (1, "day", "1 day"),
    ],
)
def test_plural_counts_its_noun(n: float, word: str, said: str) -> None:
    assert plural(n, word) == said


async def test_one_session_of_a_lift_is_not_sessions(ann: ChatUser) -> None:
    await ann.say("squat 3x8 100kg", at="2026-11-23T18:00")
    await ann.say("bench 3x8 60kg", at="2026-11-23T18:00")
    await ann.say("bench 3x8 60kg", at="2026-11-26T18:00")
    assert "Squat, last session:" in await ann.say("/history squat", at="2026-11-27T09:00")
    assert "Bench press, last 2 sessions:" in await ann.say("/history bench", at="2026-11-27")


# --- a lift logged at 0 ----------------------------------------------------------------

NO_LOAD_NEXT = (
    "Next: Bench press: work up to 3×8 with 2–3 reps left (calibrate: 0 kg can't be "
    "progressed; log the weight you used, e.g. `bench press 3x8 40kg`)"
)


async def test_a_lift_logged_at_0_is_recorded_and_never_planned_one_increment(
    ann: ChatUser,
) -> None:
    reply = await ann.say("bench 3x8 0", at="2026-11-23T18:00")
    assert "✅ Bench press: 3×8 @ 0 kg" in reply
    assert NO_LOAD_NEXT in reply.splitlines()
    assert "1.25 kg" not in reply
    plan = await ann.say("/plan all", at="2026-11-26T09:00")
    assert "• Bench press: work up to 3×8 with 2–3 reps left (calibrate)" in plan


async def test_a_lift_at_0_after_a_break_is_not_started_at_90_percent_of_0(
    ann: ChatUser,
) -> None:
    await ann.say("bench 3x8 0", at="2026-11-02T18:00")
    plan = await ann.say("/plan all", at="2026-11-27T09:00")
    assert "• Bench press: work up to 3×8 with 2–3 reps left (calibrate)" in plan
    assert "0 kg (return)" not in plan


async def test_a_bodyweight_move_at_0_still_climbs_by_reps(ann: ChatUser) -> None:
    reply = await ann.say("pushup 3x8 0kg", at="2026-11-23T18:00")
    assert "Next: Push-up 3×9 @ bodyweight" in reply


def test_a_lift_whose_last_session_was_0_asks_for_the_weight_not_a_step() -> None:
    history = [
        Session(date(2026, 11, 2), (LoggedSet(8, 60.0),) * 3),
        Session(date(2026, 11, 5), (LoggedSet(8, 0.0),) * 3),
    ]
    plan = next_plan(CATALOGUE["squat"], history, "kg")
    assert (plan.rule, plan.weight, plan.below_intensity) == ("calibrate", 0.0, False)
    assert "`squat 3x8 40kg`" in plan.reason


def test_the_terminal_says_to_undo_not_to_edit_after_a_log(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_cli import coach

    out = coach("say", "squat 3x8 100kg", db=f"sqlite:///{tmp_path / 'coach.db'}")
    assert out.stdout.splitlines()[-1] == "Not what you did? /undo it and send it again."
