"""What an import deals in: the sets, cardio sessions and workouts a file reads into, and
those ready to store. A cardio session is the chat's own `CardioEntry`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from core.recording.entries import CardioEntry, Unit

SetKind = Literal["normal", "warmup", "failure", "drop"]


@dataclass(frozen=True)
class ImportedSet:
    exercise: str  # the app's name for it, as in the file
    kind: SetKind
    reps: int
    weight: float
    unit: Unit
    rpe: float | None = None
    seconds: float | None = None
    distance_m: float | None = None
    exercise_id: str | None = None  # our own export names the id outright
    bodyweight: bool | None = None
    unit_stated: bool = True  # False when the file named no unit and the profile's was taken


@dataclass(frozen=True)
class ImportedWorkout:
    """One workout; `start` is naive local time unless the file gave an offset.

    Only our own export has cardio sessions (`started` there naive or not, like `start`)
    and says the day outright.
    """

    start: datetime
    name: str
    sets: tuple[ImportedSet, ...]
    duration_s: float | None = None
    cardio: tuple[CardioEntry, ...] = ()
    day: date | None = None


@dataclass(frozen=True)
class ReadExport:
    app: str  # "Strong", "Hevy", "Coach"
    layout: str
    workouts: tuple[ImportedWorkout, ...]
    skipped_rows: int = 0

    @property
    def set_count(self) -> int:
        return sum(len(w.sets) for w in self.workouts)

    @property
    def cardio_count(self) -> int:
        return sum(len(w.cardio) for w in self.workouts)


@dataclass(frozen=True)
class Unreadable:
    message: str


@dataclass(frozen=True)
class NewSet:
    exercise: str  # catalogue id or custom:…
    position: int
    kind: SetKind
    reps: int
    weight: float
    unit: Unit
    weight_kg: float
    bodyweight: bool
    rpe: float | None
    seconds: float | None
    distance_m: float | None


@dataclass(frozen=True)
class NewWorkout:
    """An imported workout ready to store: one messages row with platform "import", its
    sets and its cardio sessions (each `started` timezone-aware)."""

    key: str  # workout_key: the content's
    text: str
    started_at: datetime  # timezone-aware
    day: date
    sets: tuple[NewSet, ...]
    earlier_keys: tuple[str, ...] = ()  # how imports before this one's keys stored it
    cardio: tuple[CardioEntry, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key this workout may already be stored under."""
        return (self.key, *self.earlier_keys)
