"""The weekly dose against the article's protocol, one row per case."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.coaching.dose import status, week_bounds, weekly_dose
from core.ports import StoredCardio, StoredSet

MONDAY = date(2026, 11, 23)


def lift(exercise: str, day: date, weight: float, reps: int, n: int = 1, bw: bool = False):
    return [StoredSet(exercise, day, i, reps, weight, "kg", weight, bw, None, 1) for i in range(n)]


def cardio(modality: str, day: date, minutes: float) -> StoredCardio:
    return StoredCardio(modality, None, day, minutes, None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "under"), (1, "under"), (2, "met"), (3, "met"), (4, "over")],
)
def test_resistance_sessions_two_to_three_is_met(value: int, expected: str) -> None:
    assert status(value, 2, 3) == expected


def test_week_runs_monday_to_sunday() -> None:
    assert week_bounds(date(2026, 11, 29)) == (MONDAY, MONDAY + timedelta(days=6))
    assert week_bounds(MONDAY) == (MONDAY, MONDAY + timedelta(days=6))


def test_sessions_are_distinct_days_and_sets_count_per_muscle() -> None:
    sets = (
        lift("squat", MONDAY, 100, 8, n=3)
        + lift("squat", MONDAY + timedelta(days=3), 100, 8, n=3)
        + lift("bench_press", MONDAY + timedelta(days=3), 60, 8, n=3)
    )
    dose = weekly_dose(MONDAY, sets, [])
    assert dose.resistance_sessions == 2
    assert dose.intensity_sets["quads"] == 6
    assert dose.intensity_sets["chest"] == 3
    lines = {line.key: line.status for line in dose.lines}
    assert lines["resistance_sessions"] == "met"
    assert lines["sets:quads"] == "under"
    assert lines["sets:chest"] == "under"


def test_warm_ups_below_70_percent_of_e1rm_do_not_count() -> None:
    # e1RM of 100x8 is 126.7 kg; 70% is 88.7 kg: the 60 and 80 kg sets are warm-ups.
    sets = (
        lift("squat", MONDAY, 60, 8)
        + lift("squat", MONDAY, 80, 5)
        + lift("squat", MONDAY, 100, 8, n=3)
    )
    assert weekly_dose(MONDAY, sets, []).intensity_sets["quads"] == 3


def test_best_e1rm_comes_from_the_last_eight_weeks() -> None:
    old_heavy = lift("squat", MONDAY - timedelta(weeks=4), 150, 5)  # e1RM 175 kg
    light = lift("squat", MONDAY, 100, 8, n=3)  # 100 < 0.7 x 175
    assert weekly_dose(MONDAY, old_heavy + light, []).intensity_sets["quads"] == 0


def test_last_weeks_sets_are_not_this_weeks() -> None:
    sets = lift("squat", MONDAY - timedelta(days=1), 100, 8, n=3)
    dose = weekly_dose(MONDAY, sets, [])
    assert dose.resistance_sessions == 0
    assert dose.intensity_sets["quads"] == 0


def test_over_sixteen_sets_is_over() -> None:
    sets = lift("bench_press", MONDAY, 60, 8, n=9) + lift(
        "bench_press", MONDAY + timedelta(days=2), 60, 8, n=9
    )
    lines = {line.key: line.status for line in weekly_dose(MONDAY, sets, []).lines}
    assert lines["sets:chest"] == "over"


@pytest.mark.parametrize(
    ("reps", "counted"), [(8, 3), (12, 3), (20, 0)], ids=["8 reps", "12 reps", "20 reps"]
)
def test_bodyweight_sets_count_when_hard_enough(reps: int, counted: int) -> None:
    sets = lift("pull_up", MONDAY, 0, reps, n=3, bw=True)
    assert weekly_dose(MONDAY, sets, []).intensity_sets["back"] == counted


def test_cardio_sessions_and_minutes() -> None:
    sessions = [
        cardio("zone2", MONDAY, 45),
        cardio("zone2", MONDAY + timedelta(days=2), 60),
        cardio("zone2", MONDAY + timedelta(days=4), 50),
        cardio("hiit", MONDAY + timedelta(days=5), 20),
        cardio("walk", MONDAY, 30),
        cardio("walk", MONDAY + timedelta(days=1), 40),
        cardio("zone2", MONDAY - timedelta(days=1), 45),  # last week
    ]
    dose = weekly_dose(MONDAY, [], sessions)
    assert (dose.zone2_sessions, dose.zone2_minutes, dose.hiit_sessions, dose.walk_days) == (
        3,
        155,
        1,
        2,
    )
    lines = {line.key: line.status for line in dose.lines}
    assert lines["zone2_sessions"] == "met"
    assert lines["hiit_sessions"] == "met"
    assert lines["resistance_sessions"] == "under"


def hr_session(day: date, minutes: float, avg_hr: int | None, modality: str = "zone2"):
    return StoredCardio(modality, None, day, minutes, avg_hr)


@pytest.mark.parametrize(
    ("age", "with_hr", "above"),
    [
        (55, 3, 2),  # range 102–119: 132 and 125 above, 110 in
        (30, 3, 1),  # range 112–131: 132 above, 125 in, 110 below
        (None, 3, 0),  # no age, no range: nothing is called above
    ],
)
def test_zone2_minutes_all_count_and_sessions_above_range_are_counted_apart(
    age: int | None, with_hr: int, above: int
) -> None:
    sessions = [
        hr_session(MONDAY, 45, 132),
        hr_session(MONDAY + timedelta(days=1), 50, 125),
        hr_session(MONDAY + timedelta(days=2), 40, 110),
        hr_session(MONDAY + timedelta(days=3), 30, None),
        hr_session(MONDAY + timedelta(days=4), 20, 160, "hiit"),  # HIIT is meant to be hard
    ]
    dose = weekly_dose(MONDAY, [], sessions, age)
    assert (dose.zone2_sessions, dose.zone2_minutes) == (4, 165)
    assert (dose.zone2_with_hr, dose.zone2_above) == (with_hr, above)
