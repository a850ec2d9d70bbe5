"""`/program`: a starting week for someone with nothing logged (core.coaching.program).

One test per rule of the module's docstring, the README's "A start from nothing" section,
through the conversation on SQLite and PostgreSQL and `coach session --json`.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import product

import pytest

from core.coaching.program import EQUIPMENT, Equipment, build_program
from core.recording.catalogue import MAJOR_MUSCLES, exercise
from tests.conftest import ChatUser
from tests.test_cli import coach

ALLOWED_GEAR: dict[Equipment, set[str]] = {
    "gym": {"barbell", "dumbbell", "machine", "cable", "kettlebell", "bodyweight"},
    "dumbbells": {"dumbbell", "bodyweight"},
    "kettlebell": {"kettlebell", "bodyweight"},
    "home": {"bodyweight"},
}
ONE_ARM_ROW = "dumbbell_row"  # done with a kettlebell just the same


def weekly_sets(equipment: Equipment, days: int, age: int) -> Counter[str]:
    """Return the sets per major muscle group in an average week (A B A, then B A B)."""
    program = build_program(equipment, days, age)
    sessions = [program.templates[i % len(program.templates)] for i in range(2 * days)]
    counts: Counter[str] = Counter()
    for lifts in sessions:
        for lift in lifts:
            found = exercise(lift)
            assert found is not None, lift
            for muscle in set(found.muscles) & set(MAJOR_MUSCLES):
                counts[muscle] += program.sets
    return Counter({m: n / 2 for m, n in counts.items()})


@pytest.mark.parametrize(
    ("equipment", "days", "age"), list(product(EQUIPMENT, (2, 3), (35, 60, 75)))
)
def test_every_week_gives_every_major_muscle_8_to_16_sets(
    equipment: Equipment, days: int, age: int
) -> None:
    counts = weekly_sets(equipment, days, age)
    # Glutes work in both the squat and the hinge of every day: up to 18 on 3 days.
    assert all(8 <= counts[m] <= (18 if m == "glutes" else 16) for m in MAJOR_MUSCLES), counts


@pytest.mark.parametrize(("equipment", "days", "age"), list(product(EQUIPMENT, (2, 3), (35, 70))))
def test_each_day_squats_or_lunges_hinges_pushes_and_pulls_with_what_they_have(
    equipment: Equipment, days: int, age: int
) -> None:
    program = build_program(equipment, days, age)
    assert len(program.lift_days) == days
    assert (program.sets, program.reps) == ((4, 8) if days == 2 else (3, 8))
    for lifts in program.templates:
        found = [exercise(e) for e in lifts]
        assert all(f is not None for f in found)
        patterns = [f.pattern for f in found if f is not None]
        assert (
            patterns[0] in ("squat", "lunge") and patterns[1:] == ["hinge", "push", "pull"]
        ) or (patterns[1:3] == ["hinge", "push"]), (lifts, patterns)
        for f in found:
            assert f is not None
            if f.id != ONE_ARM_ROW:
                assert set(f.equipment) & ALLOWED_GEAR[equipment], (equipment, f.id)


@pytest.mark.parametrize(
    ("equipment", "younger", "older"),
    [
        ("gym", "squat", "leg_press"),
        ("gym", "bench_press", "dumbbell_bench_press"),
        ("dumbbells", "lunge", "step_up"),
        ("kettlebell", "kettlebell_swing", "glute_bridge"),
        ("home", "push_up", "incline_push_up"),
    ],
)
def test_from_60_the_gentler_variant(equipment: Equipment, younger: str, older: str) -> None:
    assert younger in build_program(equipment, 3, 59).lifts
    assert older not in build_program(equipment, 3, 59).lifts or older == "glute_bridge"
    assert older in build_program(equipment, 3, 60).lifts
    assert younger not in build_program(equipment, 3, 60).lifts


def test_the_cardio_is_the_articles_week() -> None:
    program = build_program("home", 2, 62)
    assert (len(program.zone2_days), program.zone2_minutes) == (3, 45)  # 3–4 × 45–60
    assert (len(program.hiit_days), program.hiit_minutes) == (1, 20)  # intervals 1–2×
    assert not set(program.zone2_days) & set(program.lift_days)
    assert not set(program.hiit_days) & set(program.lift_days)


async def _onboarded(ann: ChatUser, age: str = "62") -> None:
    for i, text in enumerate(("/start", "kg", "Europe/London", age, "skip", "skip")):
        await ann.say(text, f"2026-11-28T10:0{i}")


async def test_onboarding_ends_by_offering_a_week(ann: ChatUser) -> None:
    await _onboarded(ann)
    assert "/program sets up a week" in ann.replies[-1].text
    assert [c.data for c in ann.replies[-1].choices] == ["/program"]


async def test_typed_answers_choose_the_program_and_plan_shows_the_calibration(
    ann: ChatUser,
) -> None:
    await _onboarded(ann)
    asked = await ann.say("what should I do today?", "2026-11-30T08:00")
    assert "What do you have to train with?" in asked
    assert [c.label for c in ann.replies[0].choices] == [
        "Full gym",
        "Dumbbells",
        "Kettlebell",
        "Home, no equipment",
    ]
    days = await ann.say("2", "2026-11-30T08:01")  # the second button: dumbbells
    assert "How many days a week can you lift?" in days
    week = await ann.say("2 days", "2026-11-30T08:02")
    assert "Your week (dumbbells, 2 lifting days)" in week
    assert "Mon Thu: full body, 4×8 each lift" in week
    assert "A: Goblet squat, Romanian deadlift, Dumbbell bench press, Dumbbell row" in week
    assert "B: Step-up, Glute bridge, Incline dumbbell press, Chest-supported row" in week
    assert "Zone 2 Tue Sat Sun: 45 min" in week
    assert "Intervals Fri: 20 min" in week
    assert "one set of 8 that feels like 2–3 reps left" in week
    assert [c.data for c in ann.replies[-1].choices] == ["/remind resistance mon,thu 18:00"]
    plan = await ann.say("/plan", "2026-11-30T08:03")
    assert "• Goblet squat: work up to 1×8 with 2–3 reps left (calibrate)" in plan
    assert "• Dumbbell row: work up to 1×8 with 2–3 reps left (calibrate)" in plan


async def test_the_calibration_set_sets_the_first_loads(ann: ChatUser) -> None:
    await _onboarded(ann)
    await ann.say("/program dumbbells 2", "2026-11-30T08:00")
    await ann.say("goblet squat 1x8 16kg @7.5", "2026-11-30T18:00")
    thursday = await ann.say("/plan", "2026-12-01T08:00")
    assert thursday.startswith("Next session (Thu 3 Dec):")  # B: none of it logged yet
    assert "• Step-up: work up to 1×8 with 2–3 reps left (calibrate)" in thursday
    await ann.say("step up 1x8 8kg", "2026-12-03T18:00")
    monday = await ann.say("/plan", "2026-12-04T08:00")
    # 75% of the calibration set's estimated max (16 × (1 + 8/30) = 20.3 kg), 4 sets on 2 days
    assert "• Goblet squat 4×8 @ 15 kg (calibrate)" in monday
    assert monday.startswith("Next session (Mon 7 Dec):")


async def test_what_should_i_do_with_a_history_is_the_next_session(ann: ChatUser) -> None:
    await _onboarded(ann)
    await ann.say("squat 3x8 100kg", "2026-11-30T18:00")
    answer = await ann.say("What should I do today?", "2026-12-02T08:00")
    assert answer.startswith("Next session:")
    assert "Squat 3×8 @ 102.5 kg" in answer


async def test_program_off_goes_back_to_the_log(ann: ChatUser) -> None:
    await _onboarded(ann)
    await ann.say("/program home 3", "2026-11-30T08:00")
    shown = await ann.say("/program", "2026-11-30T08:01")
    assert "Your week (home, no equipment, 3 lifting days)" in shown
    assert await ann.say("/program off", "2026-11-30T08:02") == (
        "Program dropped: /plan now follows what you log."
    )
    again = await ann.say("/program", "2026-11-30T08:03")
    assert "What do you have to train with?" in again


async def test_an_unknown_equipment_asks_again_and_changes_nothing(ann: ChatUser) -> None:
    await _onboarded(ann)
    reply = await ann.say("/program trampoline", "2026-11-30T08:00")
    assert reply.startswith("I don't know “trampoline”.")
    assert "What do you have to train with?" in await ann.say("/program", "2026-11-30T08:01")


def test_session_json_gives_the_programs_calibration(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    assert coach("say", "--at", "2026-11-30T08:00", "/program gym 3", db=db).returncode == 0
    out = coach("session", "--json", "--at", "2026-11-30T09:00", db=db)
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout)
    assert shown["date"] == "2026-11-30"
    assert [
        (e["exercise"], e["sets"], e["reps"], e["weight"], e["rule"]) for e in shown["exercises"]
    ] == [
        ("squat", 1, 8, 0.0, "calibrate"),
        ("romanian_deadlift", 1, 8, 0.0, "calibrate"),
        ("bench_press", 1, 8, 0.0, "calibrate"),
        ("seated_row", 1, 8, 0.0, "calibrate"),
    ]


def test_a_resistance_ping_proposes_the_programs_next_session() -> None:
    from datetime import UTC, datetime

    from core.coaching.program import encode
    from core.reminders.compose import Prefetched, compose
    from core.reminders.dispatch_ports import Recipient

    program = encode(build_program("dumbbells", 2, 62))
    who = Recipient(1, "kg", "UTC", 62, program)
    text = compose(Prefetched([], []), who, "resistance", datetime(2026, 11, 30, 18, tzinfo=UTC))
    assert text is not None
    assert "• Goblet squat: work up to 1×8 with 2–3 reps left" in text
    assert "• Dumbbell row: work up to 1×8 with 2–3 reps left" in text
    without = compose(
        Prefetched([], []),
        Recipient(1, "kg", "UTC", 62),
        "resistance",
        datetime(2026, 11, 30, 18, tzinfo=UTC),
    )
    assert without is not None
    assert "No lifts logged yet" in without


async def test_the_program_speaks_the_persons_units_and_its_own_zone2_length(
    ann: ChatUser,
) -> None:
    for i, text in enumerate(("/start", "lb", "Europe/London", "66", "skip", "skip")):
        await ann.say(text, f"2026-11-28T10:0{i}")
    week = await ann.say("/program dumbbells 3", "2026-11-30T08:00")
    assert "`goblet squat 1x8 35lb`" in week
    plan = await ann.say("/plan", "2026-11-30T08:01")
    assert "🫀 Zone 2 45 min: 0 of 135 Zone 2 minutes this week" in plan
