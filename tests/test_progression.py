"""The four progression rules, as a coach would state them, one row per case."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.coaching.progression import LoggedSet, Rules, Session, e1rm, next_plan
from core.recording.catalogue import CATALOGUE

MONDAY = date(2026, 11, 2)


def sessions(*specs: list[tuple[float, int]], every: int = 3) -> list[Session]:
    """Build sessions from lists of (weight, reps), `every` days apart."""
    return [
        Session(MONDAY + timedelta(days=i * every), tuple(LoggedSet(r, w) for w, r in spec))
        for i, spec in enumerate(specs)
    ]


def sets(weight: float, *reps: int) -> list[tuple[float, int]]:
    return [(weight, r) for r in reps]


CASES = [
    # id, exercise, unit, history, rule, next weight
    ("squat 3x8 100kg progresses", "squat", "kg", [sets(100, 8, 8, 8)], "progress", 102.5),
    ("bench 60kg 8,8,7 repeats", "bench_press", "kg", [sets(60, 8, 8, 7)], "repeat", 60),
    ("lb squat 3x8 225 adds 5 lb", "squat", "lb", [sets(225, 8, 8, 8)], "progress", 230),
    ("lb bench adds 2.5 lb", "bench_press", "lb", [sets(135, 8, 8, 8)], "progress", 137.5),
    ("upper body kg adds 1.25", "overhead_press", "kg", [sets(40, 8, 8, 8)], "progress", 41.25),
    ("squat 5x5 100kg calibrates", "squat", "kg", [sets(100, 5, 5, 5, 5, 5)], "calibrate", 87.5),
    ("two sets calibrate", "squat", "kg", [sets(100, 8, 8)], "calibrate", 95),
    ("12 reps is outside 6-10", "squat", "kg", [sets(100, 12, 12, 12)], "calibrate", 105),
    (
        "three stalled deadlift sessions deload",
        "deadlift",
        "kg",
        [sets(140, 8, 7, 6)] * 3,
        "deload",
        125,
    ),
    ("two stalled sessions repeat", "deadlift", "kg", [sets(140, 8, 7, 6)] * 2, "repeat", 140),
    (
        "a stall at a lower load does not count",
        "deadlift",
        "kg",
        [sets(135, 8, 7, 6), sets(140, 8, 7, 6), sets(140, 8, 7, 6)],
        "repeat",
        140,
    ),
    (
        "progress resets the stall count",
        "deadlift",
        "kg",
        [sets(140, 8, 7, 6), sets(140, 8, 8, 8), sets(140, 8, 7, 6), sets(140, 8, 7, 6)],
        "repeat",
        140,
    ),
    (
        "warm-ups under 60% are ignored",
        "squat",
        "kg",
        [[(60, 8), (80, 5), (100, 8), (100, 8), (100, 8)]],
        "progress",
        102.5,
    ),
    (
        "first three sets at W decide; a fourth short set does not matter",
        "squat",
        "kg",
        [sets(100, 8, 8, 8, 6)],
        "progress",
        102.5,
    ),
    ("bodyweight: reps climb first", "pull_up", "kg", [sets(0, 8, 8, 8)], "progress", 0),
    ("bodyweight: 3x12 adds load", "pull_up", "kg", [sets(0, 12, 12, 12)], "progress", 1.25),
    ("bodyweight +10: short sets repeat", "pull_up", "kg", [sets(10, 8, 7, 6)], "repeat", 10),
    ("bodyweight +10: stalls deload", "dip", "kg", [sets(10, 8, 7, 6)] * 3, "deload", 8.75),
]


@pytest.mark.parametrize(
    ("exercise", "unit", "history", "rule", "weight"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_next_plan_follows_the_rules(
    exercise: str, unit: str, history: list, rule: str, weight: float
) -> None:
    plan = next_plan(CATALOGUE[exercise], sessions(*history), unit)  # type: ignore[arg-type]
    assert (plan.rule, plan.weight) == (rule, weight)
    assert plan.reason


def test_bodyweight_reps_go_up_by_one() -> None:
    plan = next_plan(CATALOGUE["push_up"], sessions(sets(0, 10, 11, 10)), "kg")
    assert (plan.sets, plan.reps, plan.weight, plan.bodyweight) == (3, 11, 0, True)


def test_epley() -> None:
    assert e1rm(100, 1) == 100
    assert e1rm(100, 5) == pytest.approx(116.667, abs=1e-3)
    assert e1rm(100, 30) == 200


def test_light_working_load_is_flagged_under_intensity() -> None:
    heavy = sets(140, 3, 3, 3)  # e1RM 154 kg
    light = sets(100, 8, 8, 8)  # 100 < 0.7 x 154
    plan = next_plan(CATALOGUE["squat"], sessions(heavy, light), "kg")
    assert plan.below_intensity
    assert plan.best_e1rm == 154.0


def test_heavy_enough_load_is_not_flagged() -> None:
    plan = next_plan(CATALOGUE["squat"], sessions(sets(100, 8, 8, 8)), "kg")
    assert not plan.below_intensity


def test_old_heavy_sessions_beyond_eight_weeks_do_not_flag() -> None:
    heavy = sets(140, 3, 3, 3)
    light = sets(100, 8, 8, 8)
    plan = next_plan(CATALOGUE["squat"], sessions(heavy, light, every=60), "kg")
    assert not plan.below_intensity


def test_per_exercise_override_of_target_and_increment() -> None:
    rules = Rules(target_sets=4, target_reps=6, increment=5)
    plan = next_plan(CATALOGUE["squat"], sessions(sets(100, 6, 6, 6, 6)), "kg", rules)
    assert (plan.rule, plan.weight, plan.sets, plan.reps) == ("progress", 105, 4, 6)


@pytest.mark.parametrize(
    ("exercise", "unit", "history", "rule", "weight"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_moderate_rpe_leaves_the_four_rules_as_they_were(
    exercise: str, unit: str, history: list, rule: str, weight: float
) -> None:
    """RPE 8 on every set is neither hard nor easy: each case above plans exactly as without."""
    plain = sessions(*history)
    rated = [
        Session(s.day, tuple(LoggedSet(x.reps, x.weight, rpe=8) for x in s.sets)) for s in plain
    ]
    found = CATALOGUE[exercise]
    assert next_plan(found, rated, unit) == next_plan(found, plain, unit)  # type: ignore[arg-type]
    plan = next_plan(found, plain, unit)  # type: ignore[arg-type]
    assert (plan.rule, plan.weight) == (rule, weight)
