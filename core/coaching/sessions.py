"""The values progression works on (sets, sessions, rules, plans) and what is measured of them.

Shared by the rules (`progression`, `bodyweight`, `returning`); re-exported by `progression`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from core.recording.catalogue import Exercise
from core.recording.entries import Unit

TARGET_SETS = 3
TARGET_REPS = 8
REP_RANGE = (6, 10)
WORKING_SET_FRACTION = 0.60  # lighter sets are warm-ups

INCREMENTS: dict[tuple[str, Unit], float] = {
    ("lower", "kg"): 2.5,
    ("upper", "kg"): 1.25,
    ("lower", "lb"): 5.0,
    ("upper", "lb"): 2.5,
}

Rule = Literal["progress", "repeat", "deload", "calibrate", "hold", "return"]
EPS = 1e-6


@dataclass(frozen=True)
class LoggedSet:
    reps: int
    weight: float  # in the plan's unit; added load for bodyweight moves
    rpe: float | None = None  # RIR is kept as RPE 10 - RIR
    failed: bool = False  # a failed or missed rep in this set


@dataclass(frozen=True)
class Session:
    """All sets of one exercise on one local day, in the order they were done."""

    day: date
    sets: tuple[LoggedSet, ...]
    pain: str | None = None  # a pain phrase written about this lift, as written


@dataclass(frozen=True)
class Rules:
    """Per-user or per-exercise overrides of the defaults."""

    target_sets: int = TARGET_SETS
    target_reps: int = TARGET_REPS
    increment: float | None = None  # None: by body region and unit


DEFAULT_RULES = Rules()


@dataclass(frozen=True)
class Plan:
    exercise: str
    sets: int
    reps: int
    weight: float
    unit: Unit
    rule: Rule
    reason: str
    bodyweight: bool = False
    below_intensity: bool = False
    best_e1rm: float | None = None
    advice: str = ""  # a line beside the load: to have a pain checked
    last_load: float | None = None  # the last session's top load, in `unit`: it was loadable
    form: str = ""  # a harder form (catalogue id) a bodyweight move moves on to


def e1rm(weight: float, reps: int) -> float:
    """Return the Epley estimated one-rep max: w x (1 + r/30), or w for a single."""
    return weight if reps <= 1 else weight * (1 + reps / 30)


def increment_for(exercise: Exercise, unit: Unit, rules: Rules = DEFAULT_RULES) -> float:
    return rules.increment or INCREMENTS[(exercise.region, unit)]


def round_to(value: float, step: float) -> float:
    return round(round(value / step) * step, 3)


def round_down_to(value: float, step: float) -> float:
    return round(math.floor(value / step + EPS) * step, 3)


def working_sets(session: Session) -> list[LoggedSet]:
    """Return sets at or above 60% of the session's heaviest load; on bodyweight alone or
    with a machine's help (no load, or less than none), every set."""
    top = max(s.weight for s in session.sets)
    if top <= EPS:
        return list(session.sets)
    return [s for s in session.sets if s.weight >= WORKING_SET_FRACTION * top - EPS]


def top_sets(session: Session) -> tuple[float, list[LoggedSet]]:
    """Return W, the top working load, and S, the sets done at W."""
    top = max(s.weight for s in session.sets)
    return top, [s for s in session.sets if abs(s.weight - top) < EPS]


def reached_target(sets_at_top: list[LoggedSet], rules: Rules) -> bool:
    first = sets_at_top[: rules.target_sets]
    return len(first) == rules.target_sets and all(s.reps >= rules.target_reps for s in first)


def stalled_sessions(history: Sequence[Session], load: float, rules: Rules) -> int:
    """Count the latest sessions in a row at `load` that did not earn progress."""
    count = 0
    for session in reversed(history):
        top, at_top = top_sets(session)
        if abs(top - load) > EPS or reached_target(at_top, rules):
            break
        count += 1
    return count


def fmt(value: float) -> str:
    return f"{value:g}"
