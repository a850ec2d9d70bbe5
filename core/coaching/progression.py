"""Progression: from a lift's session history to the load for its next session.

The four rules, in the order a coach applies them (numbers from the article):
calibrate, progress, deload, repeat. Bodyweight movements progress reps first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from core.recording.catalogue import Exercise
from core.recording.entries import Unit

TARGET_SETS = 3
TARGET_REPS = 8
REP_RANGE = (6, 10)
WORKING_SET_FRACTION = 0.60  # lighter sets are warm-ups
CALIBRATE_FRACTION = 0.75
DELOAD_FRACTION = 0.90
STALLED_SESSIONS_BEFORE_DELOAD = 3
INTENSITY_FLOOR = 0.70  # the article's 70-85% of 1RM
INTENSITY_LOOKBACK = timedelta(weeks=8)
BODYWEIGHT_TOP_REPS = 12  # bodyweight moves climb 8 -> 12 reps, then add load

INCREMENTS: dict[tuple[str, Unit], float] = {
    ("lower", "kg"): 2.5,
    ("upper", "kg"): 1.25,
    ("lower", "lb"): 5.0,
    ("upper", "lb"): 2.5,
}

Rule = Literal["progress", "repeat", "deload", "calibrate"]
_EPS = 1e-6


@dataclass(frozen=True)
class LoggedSet:
    reps: int
    weight: float  # in the plan's unit; added load for bodyweight moves


@dataclass(frozen=True)
class Session:
    """All sets of one exercise on one local day, in the order they were done."""

    day: date
    sets: tuple[LoggedSet, ...]


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


def e1rm(weight: float, reps: int) -> float:
    """Return the Epley estimated one-rep max: w x (1 + r/30), or w for a single."""
    if reps <= 1:
        return weight
    return weight * (1 + reps / 30)


def increment_for(exercise: Exercise, unit: Unit, rules: Rules = DEFAULT_RULES) -> float:
    return rules.increment or INCREMENTS[(exercise.region, unit)]


def round_to(value: float, step: float) -> float:
    return round(round(value / step) * step, 3)


def round_down_to(value: float, step: float) -> float:
    return round(math.floor(value / step + _EPS) * step, 3)


def working_sets(session: Session) -> list[LoggedSet]:
    """Return sets at or above 60% of the session's heaviest load."""
    top = max(s.weight for s in session.sets)
    return [s for s in session.sets if s.weight >= WORKING_SET_FRACTION * top - _EPS]


def top_sets(session: Session) -> tuple[float, list[LoggedSet]]:
    """Return W, the top working load, and S, the sets done at W."""
    top = max(s.weight for s in session.sets)
    return top, [s for s in session.sets if abs(s.weight - top) < _EPS]


def _reached_target(sets_at_top: list[LoggedSet], rules: Rules) -> bool:
    first = sets_at_top[: rules.target_sets]
    return len(first) == rules.target_sets and all(s.reps >= rules.target_reps for s in first)


def _needs_calibration(sets_at_top: list[LoggedSet], rules: Rules) -> bool:
    low, high = REP_RANGE
    return len(sets_at_top) < rules.target_sets or any(
        not low <= s.reps <= high for s in sets_at_top
    )


def _stalled_sessions(history: Sequence[Session], load: float, rules: Rules) -> int:
    """Count the latest sessions in a row at `load` that did not earn progress."""
    count = 0
    for session in reversed(history):
        top, at_top = top_sets(session)
        if abs(top - load) > _EPS or _reached_target(at_top, rules):
            break
        count += 1
    return count


def _best_recent_e1rm(history: Sequence[Session]) -> float:
    last_day = history[-1].day
    recent = [s for s in history if s.day >= last_day - INTENSITY_LOOKBACK]
    return max(e1rm(x.weight, x.reps) for s in recent for x in s.sets)


def _fmt(value: float) -> str:
    return f"{value:g}"


def next_plan(
    exercise: Exercise, history: Sequence[Session], unit: Unit, rules: Rules = DEFAULT_RULES
) -> Plan:
    """Return the next session's plan from the sessions so far (oldest first, non-empty)."""
    if exercise.bodyweight:
        return _next_bodyweight_plan(exercise, history, unit, rules)
    step = increment_for(exercise, unit, rules)
    last = history[-1]
    load, at_top = top_sets(last)
    session_best = max(e1rm(s.weight, s.reps) for s in last.sets)
    best = _best_recent_e1rm(history)
    low, high = REP_RANGE

    def plan(weight: float, rule: Rule, reason: str) -> Plan:
        below = load < INTENSITY_FLOOR * best - _EPS
        return Plan(
            exercise.id,
            rules.target_sets,
            rules.target_reps,
            weight,
            unit,
            rule,
            reason,
            below_intensity=below,
            best_e1rm=round(best, 1),
        )

    if _needs_calibration(at_top, rules):
        target = round_to(CALIBRATE_FRACTION * session_best, step)
        return plan(
            target,
            "calibrate",
            f"not {rules.target_sets} working sets of {low}–{high} reps, so 75% of your "
            f"estimated max ({_fmt(round(session_best, 1))} {unit})",
        )
    if _reached_target(at_top, rules):
        return plan(
            round(load + step, 3),
            "progress",
            f"{rules.target_sets} sets of {rules.target_reps} done, so add {_fmt(step)} {unit}",
        )
    stalled = _stalled_sessions(history, load, rules)
    if stalled >= STALLED_SESSIONS_BEFORE_DELOAD:
        return plan(
            round_down_to(DELOAD_FRACTION * load, step),
            "deload",
            f"{stalled} sessions at {_fmt(load)} {unit} without progress, so drop 10% "
            "and build back",
        )
    return plan(
        load,
        "repeat",
        f"same load until all {rules.target_sets} sets reach {rules.target_reps} reps",
    )


def _next_bodyweight_plan(
    exercise: Exercise, history: Sequence[Session], unit: Unit, rules: Rules
) -> Plan:
    """Bodyweight moves: reps climb from 8 to 12 over three sets, then load is added."""
    step = increment_for(exercise, unit, rules)
    load, at_top = top_sets(history[-1])
    first = at_top[: rules.target_sets]
    full = len(first) == rules.target_sets

    def plan(weight: float, reps: int, rule: Rule, reason: str) -> Plan:
        return Plan(
            exercise.id, rules.target_sets, reps, weight, unit, rule, reason, bodyweight=True
        )

    if full and min(s.reps for s in first) >= BODYWEIGHT_TOP_REPS:
        return plan(
            round(load + step, 3),
            rules.target_reps,
            "progress",
            f"{rules.target_sets} sets of {BODYWEIGHT_TOP_REPS} done, so add {_fmt(step)} {unit} "
            "and go back to 8 reps",
        )
    if full and min(s.reps for s in first) >= rules.target_reps:
        reps = min(s.reps for s in first) + 1
        return plan(load, reps, "progress", f"all sets reached {reps - 1}, so one more rep each")
    stalled = _stalled_sessions(history, load, rules)
    if load > 0 and stalled >= STALLED_SESSIONS_BEFORE_DELOAD:
        return plan(
            round_down_to(DELOAD_FRACTION * load, step),
            rules.target_reps,
            "deload",
            f"{stalled} sessions at +{_fmt(load)} {unit} without progress, so drop 10% of the "
            "added load",
        )
    return plan(
        load,
        rules.target_reps,
        "repeat",
        f"same again until all {rules.target_sets} sets reach {rules.target_reps} reps",
    )
