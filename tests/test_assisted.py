"""Assisted pull-ups and dips: a machine's help is logged, shown, planned and kept.

Many people over 50 start pull-ups and dips on an assisted machine. The help is stored as
a load below bodyweight (-30 kg), shown as "30 kg assistance", and the plan takes help
off as the reps climb, down to none; a band's help, which can't be weighed, is asked about.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from core.coaching.bodyweight import bodyweight_plan
from core.coaching.sessions import LoggedSet, Session
from core.messages import Attachment
from core.recording.catalogue import CATALOGUE
from core.recording.parser import parse
from tests.conftest import ChatUser
from tests.test_export import _sets_of


def _sets(text: str, units: str = "kg") -> list[tuple[int, float, str, bool]]:
    result = parse(text, units)  # type: ignore[arg-type]
    assert not result.problems, result.problems
    (entry,) = result.entries
    return [(s.reps, s.weight, s.unit, s.bodyweight) for s in entry.sets]


@pytest.mark.parametrize(
    ("text", "exercise", "sets"),
    [
        ("assisted pull up 3x8 30kg", "pull_up", [(8, -30.0, "kg", True)] * 3),
        ("pull up 3x8 bw-30kg", "pull_up", [(8, -30.0, "kg", True)] * 3),
        ("pull-ups 3x8 bodyweight - 30 kg", "pull_up", [(8, -30.0, "kg", True)] * 3),
        ("machine assisted dips 3x10 25kg", "dip", [(10, -25.0, "kg", True)] * 3),
        ("Pull up (assisted) 3x8 30kg", "pull_up", [(8, -30.0, "kg", True)] * 3),
        (
            "assisted chin up 30kg 8,8,7",
            "chin_up",
            [(8, -30.0, "kg", True)] * 2 + [(7, -30.0, "kg", True)],
        ),
        ("did assisted pull-ups 3 sets of 8 at 70 lbs", "pull_up", [(8, -70.0, "lb", True)] * 3),
        ("pull ups bw x 8, bw-20kg x 5", "pull_up", [(8, 0.0, "kg", True), (5, -20.0, "kg", True)]),
        ("pull-up 3×8 @ 30 kg assistance", "pull_up", [(8, -30.0, "kg", True)] * 3),  # our reply
    ],
)
def test_a_machines_help_is_a_load_below_bodyweight(text: str, exercise: str, sets: list) -> None:
    assert parse(text, "kg").entries[0].exercise == exercise
    assert _sets(text) == sets


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("band assisted pull ups 3x5", "a band's help can't be weighed"),
        ("pull ups 3x5 (band)", "a band's help can't be weighed"),
        ("assisted pull ups 3x8", "How much help did the machine give"),
        ("pull up 3x8 bw-300kg", "More than 120 kg of help"),
    ],
)
def test_help_that_cant_be_weighed_or_believed_is_asked_about(text: str, asked: str) -> None:
    result = parse(text, "kg")
    assert result.entries == ()
    assert asked in result.problems[0].message


def test_an_assisted_squat_is_no_squat() -> None:
    assert parse("assisted squat 3x8 30kg", "kg").entries == ()


def _session(weight: float, reps: int) -> Session:
    return Session(date(2026, 11, 2), tuple(LoggedSet(reps, weight) for _ in range(3)))


@pytest.mark.parametrize(
    ("unit", "help_", "reps", "next_weight", "next_reps", "why"),
    [
        ("kg", -30.0, 8, -30.0, 9, "one more rep each"),
        ("kg", -30.0, 12, -25.0, 8, "5 kg less help"),
        ("lb", -70.0, 12, -60.0, 8, "10 lb less help"),
        ("kg", -2.5, 12, 0.0, 8, "on to your own bodyweight"),
    ],
)
def test_the_help_comes_off_at_the_top_of_the_climb(
    unit: str, help_: float, reps: int, next_weight: float, next_reps: int, why: str
) -> None:
    plan, _ = bodyweight_plan(CATALOGUE["pull_up"], [_session(help_, reps)], unit)  # type: ignore[arg-type]
    assert (plan.weight, plan.reps, plan.bodyweight) == (next_weight, next_reps, True)
    assert why in plan.reason


async def test_logged_shown_planned_charted_and_kept_through_export(
    ann: ChatUser, service, engine
) -> None:
    await ann.say("/skip")
    reply = await ann.say("assisted pull up 3x12 30kg", at="2026-11-16T18:00")
    assert "✅ Pull-up: 3×12 @ 30 kg assistance" in reply
    assert "Next: Pull-up 3×8 @ 25 kg assistance" in reply
    assert "5 kg less help" in reply
    history = await ann.say("/history pull up", at="2026-11-17T18:00")
    assert "3×12 @ 30 kg assistance" in history
    chart = await ann.say("/chart pull up", at="2026-11-17T18:00")
    assert "latest 30 kg assistance" in chart
    assert ann.replies[0].image is not None
    await ann.say("/export", at="2026-11-17T18:00")
    exported = ann.replies[0].file
    assert exported is not None
    rows = list(csv.DictReader(io.StringIO(exported.data.decode())))
    assert {(r["weight"], r["bodyweight"]) for r in rows} == {("-30", "true")}
    cleo = ChatUser(service, "cleo")
    await cleo.say("/skip")
    assert "Imported" in await cleo.say("", attachment=Attachment(exported.filename, exported.data))
    assert await _sets_of(engine, "cleo") == await _sets_of(engine, "ann")


@pytest.mark.parametrize("name", ["Assisted Pull Up", "Pull Up (Assisted)", "Assisted Dip Machine"])
def test_an_apps_assisted_exercise_is_imported_as_its_own_never_as_added_load(name: str) -> None:
    from core.history.exercise_names import map_exercise

    assert map_exercise(name).startswith("custom:")


async def test_after_a_break_the_help_is_never_less_than_last_time(ann: ChatUser) -> None:
    await ann.say("/skip")
    await ann.say("assisted pull up 30kg 12,12,12", at="2026-10-01T18:00")
    plan = await ann.say("/plan", at="2026-12-01T18:00")
    assert "Pull-up 3×" in plan
    assert "@ 30 kg assistance (return)" in plan


async def test_help_and_added_load_mixed_chart_reps_never_a_max_below_zero(ann: ChatUser) -> None:
    await ann.say("/skip")
    await ann.say("assisted pull up 3x8 30kg", at="2026-11-16T18:00")
    await ann.say("pull ups bw+5kg 3x5", at="2026-11-18T18:00")
    chart = await ann.say("/chart pull up", at="2026-11-19T18:00")
    assert "estimated max" not in chart
    assert ann.replies[0].image is not None
