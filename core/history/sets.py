"""A set as storage holds it: alone (progression, dose, charts) or with its workout (export)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class StoredSet:
    """One row of strength_sets; `message_id` is the log (or imported workout) it came from."""

    exercise: str
    day: date
    position: int
    reps: int
    weight: float
    unit: str
    weight_kg: float
    bodyweight: bool
    rpe: float | None
    message_id: int
    kind: str = "normal"  # "warmup" (labelled in chat or imported), "failure", "drop" (imported)
    seconds: float | None = None  # timed sets and cardio rows of imported files
    distance_m: float | None = None


@dataclass(frozen=True)
class HistorySet:
    """A stored set with the workout it belongs to: the start and text of its message."""

    workout_start: datetime
    workout_name: str
    stored: StoredSet
