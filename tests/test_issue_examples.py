"""Every line the parser issue (#13) names, read as the writer meant or asked about.

One row per example: the text, the person's units, and what must be recorded, as
(exercise, [(reps, weight, unit, bodyweight, rpe)…]) per lift or (modality, minutes,
avg HR) per cardio session; ASK means nothing may be recorded and a question comes back.
"""

from __future__ import annotations

from typing import Any

import pytest

from core.recording.entries import CardioEntry, ParseResult, StrengthEntry
from core.recording.parser import parse
from core.recording.reading import never_a_log

ASK = "ask"


def lift(exercise: str, *sets: tuple[Any, ...]) -> tuple[str, list[tuple[Any, ...]]]:
    return (exercise, list(sets))


def same(n: int, reps: int, weight: float, unit: str, bw: bool = False, rpe: float | None = None):  # type: ignore[no-untyped-def]
    return [(reps, weight, unit, bw, rpe)] * n


EXAMPLES: list[tuple[str, str, Any]] = [
    ("Barbell Bent Over Row 5x10 125lb", "lb", [lift("barbell_row", *same(5, 10, 125, "lb"))]),
    ("Hack Squat Sled 5 x 10 225 lbs", "lb", [lift("hack_squat", *same(5, 10, 225, "lb"))]),
    ("Chest press 3 x 8 45 lbs", "lb", [lift("machine_chest_press", *same(3, 8, 45, "lb"))]),
    (
        "squat 102.5kg 8, 8, 6 (failed the last 2 reps)",
        "kg",
        [
            lift(
                "squat",
                (8, 102.5, "kg", False, None),
                (8, 102.5, "kg", False, None),
                (6, 102.5, "kg", False, None),
            )
        ],
    ),
    (
        "bench 83.75kg x8, x8, x7",
        "kg",
        [
            lift(
                "bench_press",
                (8, 83.75, "kg", False, None),
                (8, 83.75, "kg", False, None),
                (7, 83.75, "kg", False, None),
            )
        ],
    ),
    (
        "squat 100kg 3x8 then 80kg 2x10 backoff",
        "kg",
        [lift("squat", *same(3, 8, 100, "kg"), *same(2, 10, 80, "kg"))],
    ),
    (
        "squat 3x8 102.5kg last set only 6",
        "kg",
        [lift("squat", *same(2, 8, 102.5, "kg"), (6, 102.5, "kg", False, None))],
    ),
    (
        "squat 5×80 / 3×120 / 2×160",
        "kg",
        [
            lift(
                "squat",
                (5, 80, "kg", False, None),
                (3, 120, "kg", False, None),
                (2, 160, "kg", False, None),
            )
        ],
    ),
    ("Squat 260x 5 reps x 3 sets", "lb", [lift("squat", *same(3, 5, 260, "lb"))]),
    ("dumbbell row 21 x 10 (x 3)", "lb", [lift("dumbbell_row", *same(3, 10, 21, "lb"))]),
    (
        "OHP 115: 6, 5, 5",
        "lb",
        [
            lift(
                "overhead_press",
                (6, 115, "lb", False, None),
                (5, 115, "lb", False, None),
                (5, 115, "lb", False, None),
            )
        ],
    ),
    (
        "squat 3 x 5 - 80, 100, 120",
        "kg",
        [
            lift(
                "squat",
                (5, 80, "kg", False, None),
                (5, 100, "kg", False, None),
                (5, 120, "kg", False, None),
            )
        ],
    ),
    (
        "chin ups BW x 12, 45 lbs x 3, 50 x 3",
        "lb",
        [
            lift(
                "chin_up",
                (12, 0, "lb", True, None),
                (3, 45, "lb", True, None),
                (3, 50, "lb", True, None),
            )
        ],
    ),
    ("squat 3x5 100kg @ 3 RIR", "kg", [lift("squat", *same(3, 5, 100, "kg", rpe=7))]),
    ("squat 3x5 100kg @RPE<8", "kg", [lift("squat", *same(3, 5, 100, "kg"))]),
    ("Squats, 5X5, 90kg", "kg", [lift("squat", *same(5, 5, 90, "kg"))]),
    ("squat 3x5 70k", "lb", [lift("squat", *same(3, 5, 70, "kg"))]),
    ("6 chin-ups", "kg", [lift("chin_up", (6, 0, "kg", True, None))]),
    ("4x6 squat @ 185lbs RPE 9", "lb", [lift("squat", *same(4, 6, 185, "lb", rpe=9))]),
    ("10 x goblet squat @ 15lbs", "lb", [lift("goblet_squat", (10, 15, "lb", False, None))]),
    (
        "3x12 curls @ 30lbs + 3x12 tricep extensions @ 20lbs",
        "lb",
        [
            lift("bicep_curl", *same(3, 12, 30, "lb")),
            lift("tricep_extension", *same(3, 12, 20, "lb")),
        ],
    ),
    ("Set of 35 push ups", "kg", [lift("push_up", (35, 0, "kg", True, None))]),
    (
        "squat: I did my three sets of five at 245 pounds",
        "lb",
        [lift("squat", *same(3, 5, 245, "lb"))],
    ),
    (
        "push ups 20, 20, 20 – total of 60 reps",
        "kg",
        [lift("push_up", *same(3, 20, 0, "kg", bw=True))],
    ),
    ("Squats - 225x3x5", "lb", ASK),
    ("I did my three sets of five at 245 pounds", "lb", ASK),  # which lift?
    ("zone 2 45 min (15 minute deficit)", "kg", [("zone2", 45, None)]),
    ("run 40 min (8:21 min/mile)", "kg", [("other", 40, None)]),
    ("long run 1:35:24", "kg", [("other", 95.4, None)]),
    ("bike 40:41 time. Average HR 131", "kg", [("other", 40.68, 131)]),
    ("20' on an elliptical", "kg", [("other", 20, None)]),
    ("Zone 2 for an hour", "kg", [("zone2", 60, None)]),
    ("30-minute Zone 2 easy run", "kg", [("zone2", 30, None)]),
    ("intervals 10x1min hard, 20 min total", "kg", [("hiit", 20, None)]),
    ("HIIT 4x4 min, 28 min total", "kg", [("hiit", 28, None)]),
]


def recorded(result: ParseResult) -> list[Any]:
    out: list[Any] = []
    for entry in result.entries:
        if isinstance(entry, StrengthEntry):
            sets = [(s.reps, round(s.weight, 2), s.unit, s.bodyweight, s.rpe) for s in entry.sets]
            out.append((entry.exercise, sets))
        elif isinstance(entry, CardioEntry):
            out.append((entry.modality, round(entry.minutes, 2), entry.avg_hr))
    return out


@pytest.mark.parametrize(("text", "units", "expected"), EXAMPLES, ids=[e[0][:40] for e in EXAMPLES])
def test_the_issue_examples_are_read_as_meant_or_asked(
    text: str, units: str, expected: Any
) -> None:
    result = parse(text, units)  # type: ignore[arg-type]
    if expected == ASK:
        assert result.entries == ()
        assert result.problems or result.ambiguities
    else:
        assert recorded(result) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pistol squats: 5 x 10kg",  # a pistol squat, or a question: never a squat
        "Hack Squat Sled 5 x 10 225 lbs",
        "Chest press 3 x 8 45 lbs",
        "Barbell Bent Over Row 5x10 125lb",
    ],
)
def test_a_longer_name_never_becomes_a_different_lift(text: str) -> None:
    result = parse(text, "kg")
    assert {e.exercise for e in result.entries if isinstance(e, StrengthEntry)} & {
        "squat",
        "bench_press",
        "overhead_press",
    } == set()


def test_a_question_or_complaint_with_sets_in_it_is_never_a_log() -> None:
    assert never_a_log("my knee hurts after squats 3x8 100kg, what should I do")
    assert never_a_log("is zone 2 for 45 min enough?")
    assert not never_a_log("squat 3x8 100kg, knee felt fine")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "squat 100kg 3x5 and bench 80kg 3x5",
            [lift("squat", *same(3, 5, 100, "kg")), lift("bench_press", *same(3, 5, 80, "kg"))],
        ),
        (
            "squat 3x5 100kg & deadlift 1x5 140kg",
            [lift("squat", *same(3, 5, 100, "kg")), lift("deadlift", *same(1, 5, 140, "kg"))],
        ),
        ("bench 3x8 60kg and felt good", [lift("bench_press", *same(3, 8, 60, "kg"))]),
    ],
)
def test_and_before_a_known_lift_starts_another_lift(text: str, expected: Any) -> None:
    assert recorded(parse(text, "kg")) == expected


def test_a_plan_joined_by_and_is_never_logged() -> None:
    result = parse("Later today I'm going to squat 370x5 and bench 235x5", "lb")
    assert result.entries == ()
