"""A load with its unit names a lift, never a row or a ride (`dumbbell row 16kg 8,8,6`)."""

from __future__ import annotations

import pytest

from core.recording.entries import CardioEntry, StrengthEntry
from core.recording.parser import parse


@pytest.mark.parametrize(
    ("text", "exercise", "reps", "kg"),
    [
        ("dumbbell row 16.25kg 8,8,6", "dumbbell_row", [8, 8, 6], 16.25),
        ("db row 16.25kg 8,8,6", "dumbbell_row", [8, 8, 6], 16.25),
        ("glute bridge 3x12", "glute_bridge", [12, 12, 12], 0.0),
        ("glute bridge 3x10 20kg", "glute_bridge", [10, 10, 10], 20.0),
        ("barbell glute bridge 3x8 60kg", "hip_thrust", [8, 8, 8], 60.0),
    ],
)
def test_a_lift_with_a_load_is_a_lift(text: str, exercise: str, reps: list[int], kg: float) -> None:
    (entry,) = parse(text).entries
    assert isinstance(entry, StrengthEntry)
    assert entry.exercise == exercise
    assert [s.reps for s in entry.sets] == reps
    assert {s.weight for s in entry.sets} == {kg}


@pytest.mark.parametrize(("text", "minutes"), [("rowed 5km 25 min", 25.0), ("row 2000m 8:00", 8.0)])
def test_a_row_without_a_load_is_still_cardio(text: str, minutes: float) -> None:
    (entry,) = parse(text).entries
    assert isinstance(entry, CardioEntry)
    assert entry.minutes == minutes
