"""The next session (`/plan`, `coach session`): one row per rule of `core.coaching.session`."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.coaching.dose import WeeklyDose
from core.coaching.progression import Plan
from core.coaching.session import TrainingDay, next_session
from core.recording.catalogue import MAJOR_MUSCLES
from core.recording.entries import Unit

MONDAY = date(2026, 11, 23)
A = ("squat", "bench_press", "barbell_row")
B = ("deadlift", "overhead_press", "lat_pulldown")
C = ("leg_press", "push_up", "pull_up")


def plan(exercise: str, weight: float = 100.0, unit: Unit = "kg") -> Plan:
    bodyweight = exercise in ("push_up", "pull_up")
    return Plan(exercise, 3, 8, 0 if bodyweight else weight, unit, "repeat", "", bodyweight)


def dose(sets: int = 8, zone2: float = 135, hiit: int = 1, **muscles: int) -> WeeklyDose:
    counts = {m: muscles.get(m, sets) for m in MAJOR_MUSCLES}
    return WeeklyDose(MONDAY, MONDAY, 0, counts, 0, zone2, hiit, 0, ())


def days(*lifts: tuple[str, ...], start: date = MONDAY - timedelta(weeks=1)) -> list[TrainingDay]:
    """One training day every other day from `start`, with these lifts."""
    return [TrainingDay(start + timedelta(days=2 * i), d) for i, d in enumerate(lifts)]


ALL_PLANS = [plan(e) for e in (*A, *B, *C, "romanian_deadlift", "barbell_curl")]
TODAY = MONDAY + timedelta(days=4)


@pytest.mark.parametrize(
    ("trained", "expected"),
    [
        pytest.param(days(A, B), A, id="after A then B comes A"),
        pytest.param(days(B, A), B, id="after B then A comes B"),
        pytest.param(days(A, B, C), A, id="three templates rotate"),
        pytest.param(days(A, A), A, id="one template repeats"),
        pytest.param(days(A, B, (*A, "barbell_curl")), B, id="A with a curl is still A"),
        pytest.param(
            [TrainingDay(MONDAY - timedelta(weeks=6), C), *days(A, B, A)],
            B,
            id="days 4 weeks before the last are forgotten",
        ),
        pytest.param(days(("bench_press", "squat")), ("squat", "bench_press"), id="legs first"),
        pytest.param(
            days(("barbell_curl", "barbell_row", "romanian_deadlift")),
            ("romanian_deadlift", "barbell_row", "barbell_curl"),
            id="lower compound, other compound, then isolation",
        ),
        pytest.param([], (), id="nothing trained"),
    ],
)
def test_the_template_done_longest_ago_comes_next(
    trained: list[TrainingDay], expected: tuple[str, ...]
) -> None:
    found = next_session(TODAY, trained, ALL_PLANS, dose())
    assert tuple(s.plan.exercise for s in found.lifts) == expected
    assert all(not s.added_for for s in found.lifts)


@pytest.mark.parametrize(
    ("trained", "week", "expected"),
    [
        pytest.param(
            days(("bench_press", "barbell_row"), ("squat", "romanian_deadlift")),
            dose(sets=0),
            ("squat", "romanian_deadlift", "bench_press", "barbell_row"),
            id="quads and hamstrings under 8 get lifts the person does",
        ),
        pytest.param(
            days(("bench_press", "barbell_row"), ("deadlift",), ("squat", "romanian_deadlift")),
            dose(hamstrings=7),
            ("romanian_deadlift", "bench_press", "barbell_row"),
            id="of two lifts for a group, the one done most recently",
        ),
        pytest.param(
            days(("bench_press", "barbell_row"), ("squat",)),
            dose(),
            ("bench_press", "barbell_row"),
            id="8 sets is enough",
        ),
        pytest.param(
            days(("squat", "romanian_deadlift", "bench_press", "barbell_row"), ("deadlift",)),
            dose(sets=0),
            ("squat", "romanian_deadlift", "bench_press", "barbell_row"),
            id="a session that already works every group gets nothing",
        ),
        pytest.param(
            days(("bench_press", "barbell_row", "overhead_press", "lat_pulldown"), ("squat",)),
            dose(quads=0),
            ("squat", "bench_press", "barbell_row", "overhead_press", "lat_pulldown"),
            id="a group under 8 gets a lift up to 6 lifts",
        ),
        pytest.param(
            days((*B[1:], "bench_press", "barbell_row", "push_up", "pull_up"), ("squat",)),
            dose(quads=0),
            ("overhead_press", "lat_pulldown", "bench_press", "barbell_row", "push_up", "pull_up"),
            id="6 lifts is full",
        ),
    ],
)
def test_a_group_under_8_sets_this_week_gets_its_lift(
    trained: list[TrainingDay], week: WeeklyDose, expected: tuple[str, ...]
) -> None:
    found = next_session(TODAY, trained, ALL_PLANS, week)
    assert tuple(s.plan.exercise for s in found.lifts) == expected


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        pytest.param(plan("squat", 100), [(8, 40), (5, 60), (3, 80)], id="40/60/80%"),
        pytest.param(plan("squat", 102.5), [(8, 40), (5, 62.5), (3, 82.5)], id="to 2.5 kg"),
        pytest.param(plan("bench_press", 40), [(8, 20), (5, 23.75), (3, 32.5)], id="empty bar"),
        pytest.param(plan("squat", 225, "lb"), [(8, 90), (5, 135), (3, 180)], id="in lb"),
        pytest.param(plan("pull_up"), [], id="no load, no ramp"),
    ],
)
def test_a_warm_up_ramp_leads_to_the_first_lift(
    first: Plan, expected: list[tuple[int, float]]
) -> None:
    found = next_session(TODAY, days((first.exercise,)), [first], dose())
    assert [(w.reps, w.weight) for w in found.warmup] == expected
    assert all(w.exercise == first.exercise and w.unit == first.unit for w in found.warmup)


@pytest.mark.parametrize(
    ("zone2", "hiit", "expected"),
    [
        pytest.param(0, 0, [("zone2", 60)], id="no zone 2: 60 min, before intervals"),
        pytest.param(90, 1, [("zone2", 45)], id="45 missing: 45 min"),
        pytest.param(100, 1, [("zone2", 45)], id="35 missing: still 45 min"),
        pytest.param(135, 0, [("hiit", 20)], id="zone 2 done, no intervals"),
        pytest.param(135, 1, [], id="the week has both"),
    ],
)
def test_cardio_is_what_the_week_lacks(
    zone2: float, hiit: int, expected: list[tuple[str, int]]
) -> None:
    found = next_session(TODAY, days(A), ALL_PLANS, dose(zone2=zone2, hiit=hiit))
    assert [(c.modality, c.minutes) for c in found.cardio] == expected


LOGS = [
    ("2026-11-23T18:00", "squat 3x8 100kg\nbench 3x8 60kg\nrow 3x8 60kg"),
    ("2026-11-25T18:00", "deadlift 3x8 120kg\nohp 3x8 40kg\nlat pulldown 3x8 50kg"),
]


async def test_plan_shows_the_next_session(ann) -> None:  # type: ignore[no-untyped-def]
    for at, text in LOGS:
        await ann.say(text, at=at)
    assert await ann.say("/plan", at="2026-11-27T09:00") == "\n".join(
        [
            "Next session:",
            "Warm-up (Squat): 40 kg × 8, 62.5 kg × 5, 82.5 kg × 3",
            "• Squat 3×8 @ 102.5 kg (progress)",
            "• Deadlift 3×8 @ 122.5 kg (progress) — hamstrings: 3 of 8 sets this week",
            "• Bench press 3×8 @ 61.25 kg (progress)",
            "• Barbell row 3×8 @ 61.25 kg (progress)",
            "🫀 Zone 2 60 min: 0 of 135 Zone 2 minutes this week",
            "Every lift's load: /plan all",
        ]
    )


async def test_plan_all_keeps_every_lift(ann) -> None:  # type: ignore[no-untyped-def]
    for at, text in LOGS:
        await ann.say(text, at=at)
    shown = await ann.say("/plan all", at="2026-11-27T09:00")
    assert shown.splitlines()[0] == "Next session:"
    assert len(shown.splitlines()) == 7  # the six lifts
    assert "• Lat pulldown 3×8 @ 51.25 kg (progress)" in shown
    assert "Warm-up" not in shown


async def test_plan_without_lifts_says_so(ann) -> None:  # type: ignore[no-untyped-def]
    assert "No lifts logged" in await ann.say("/plan", at="2026-11-27T09:00")
