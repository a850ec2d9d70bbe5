"""What the parser finds in a message: strength and cardio entries, and problems."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from core.recording.dates import Dated, Weekday

Unit = Literal["kg", "lb"]
Modality = Literal["zone2", "hiit", "walk", "other"]

LB_IN_KG = 0.45359237


def to_kg(weight: float, unit: Unit) -> float:
    """Return `weight` given in `unit` as kilograms."""
    return weight * LB_IN_KG if unit == "lb" else weight


def from_kg(weight_kg: float, unit: Unit) -> float:
    """Return kilograms as `unit`, rounded to 3 decimals to hide float noise."""
    value = weight_kg / LB_IN_KG if unit == "lb" else weight_kg
    return round(value, 3)


@dataclass(frozen=True)
class SetEntry:
    """One set. For bodyweight movements `weight` is the added load (0 for plain bw)."""

    reps: int
    weight: float
    unit: Unit
    bodyweight: bool = False
    rpe: float | None = None
    warmup: bool = False  # labelled so (`W1:`, `[Warm-up]`, `(warmup)`): counts for no progress

    @property
    def weight_kg(self) -> float:
        return to_kg(self.weight, self.unit)


@dataclass(frozen=True)
class StrengthEntry:
    exercise: str  # catalogue id
    sets: tuple[SetEntry, ...]
    source: str = ""  # the fragment of text this came from


@dataclass(frozen=True)
class CardioEntry:
    """A cardio session. From an activity file it also has its minutes in the person's
    Zone 2 and above it, its maximum heart rate and the file's start (`started`)."""

    modality: Modality
    minutes: float
    activity: str | None = None
    avg_hr: int | None = None
    source: str = ""
    zone2_minutes: float | None = None
    above_minutes: float | None = None
    max_hr: int | None = None
    started: datetime | None = None


Entry = StrengthEntry | CardioEntry

ProblemKind = Literal["implausible", "unknown_exercise", "missing_load", "unreadable"]
# How `AxBxC` with a load and two small counts is read, once the person has told us.
Notation = Literal["sets-reps", "reps-sets"]


@dataclass(frozen=True)
class Problem:
    """A fragment that looked like a workout but cannot be recorded; `message` says why.

    For an unknown exercise, `name` is the name as typed (the question offers the closest
    catalogue exercises, or to keep it as the person's own).
    """

    kind: ProblemKind
    source: str
    message: str
    name: str = ""


@dataclass(frozen=True)
class Reading:
    """One way to read an ambiguous fragment: a button label and what it records."""

    label: str  # "3 sets of 5"
    notation: Notation
    entry: StrengthEntry


@dataclass(frozen=True)
class Ambiguity:
    """A fragment with two plausible readings (`225x3x5`): asked, never guessed."""

    source: str
    question: str  # "Squat 225 lb: 3 sets of 5, or 5 sets of 3?"
    readings: tuple[Reading, ...]


@dataclass(frozen=True)
class ParseResult:
    entries: tuple[Entry, ...] = ()
    problems: tuple[Problem, ...] = ()
    ambiguities: tuple[Ambiguity, ...] = ()
    days_ago: int = 0  # `squat 3x5 100kg yesterday`: the entries are the day before's
    dated: Dated | Weekday | None = None  # `Nov 28 - squat 3x5 100kg`: that day's entries

    @property
    def looks_like_workout(self) -> bool:
        return bool(self.entries or self.problems or self.ambiguities)
