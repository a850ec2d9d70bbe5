"""Progression: from a lift's session history to the load for its next session.

What the last session says about effort comes first, in this order: pain (hold), a hard
last set (repeat), every working set easy (two increments). Then the article's four rules,
in the order a coach applies them: calibrate, progress, deload, repeat. Bodyweight
movements progress reps first. A session without RPE or notes gets the article's rules.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from core.coaching.effort import easy_sets, hard_set
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
EASY_INCREMENTS = 2  # every working set easy (core.coaching.effort): two increments, not one
EASY_EXTRA_REPS = 2  # a bodyweight move that felt easy: two more reps instead of one

INCREMENTS: dict[tuple[str, Unit], float] = {
    ("lower", "kg"): 2.5,
    ("upper", "kg"): 1.25,
    ("lower", "lb"): 5.0,
    ("upper", "lb"): 2.5,
}

Rule = Literal["progress", "repeat", "deload", "calibrate", "hold"]
_EPS = 1e-6


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


def e1rm(weight: float, reps: int) -> float:
    """Return the Epley estimated one-rep max: w x (1 + r/30), or w for a single."""
    return weight if reps <= 1 else weight * (1 + reps / 30)


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
    step = increment_for(exercise, unit, rules)
    if exercise.bodyweight:
        plan = _next_bodyweight_plan(exercise, history, unit, rules)
        return _effort_rules(plan, history[-1], step, _reps_reached(history[-1], rules))
    return _effort_rules(_article_plan(exercise, history, unit, rules), history[-1], step)


def _effort_rules(plan: Plan, last: Session, step: float, level: int = 0) -> Plan:
    """Return the article's `plan` after the effort rules, which come before it, in order.

    `level` is the reps target a bodyweight move has reached (0 for a loaded lift).
    """
    load, _ = top_sets(last)
    same = f"{plan.sets}×{level} again" if level else f"keep {_fmt(load)} {plan.unit}"
    if last.pain:  # 1. pain: no increase for this lift, and have it checked
        lower = plan.weight < load - _EPS  # the article's deload or calibration stands
        held = plan if lower else replace(plan, weight=load, reps=level or plan.reps)
        why = f"you wrote “{last.pain}”, so no increase for now"
        why += f" ({plan.rule}: {plan.reason})" if lower else ""
        return replace(held, rule="hold", reason=why, advice=f"{last.pain}: have it checked")
    hard = hard_set(working_sets(last)[-1])
    if hard and plan.rule in ("progress", "repeat"):  # 2. a hard last set: the same again
        return replace(
            plan, weight=load, reps=level or plan.reps, rule="repeat", reason=f"{hard}, so {same}"
        )
    easy = easy_sets(working_sets(last))
    if easy is not None and plan.rule == "progress":  # 3. every working set easy: twice
        felt = f"every working set felt easy (RPE {_fmt(easy)} or less)"
        if level and level < BODYWEIGHT_TOP_REPS:
            reps = min(level + EASY_EXTRA_REPS, BODYWEIGHT_TOP_REPS)
            more = f"{reps - level} more rep{'s' if reps - level > 1 else ''}"
            return replace(plan, reps=reps, reason=f"{felt}, so {more} each")
        back = f" and go back to {plan.reps} reps" if level else ""
        return replace(
            plan,
            weight=round(load + EASY_INCREMENTS * step, 3),
            reason=f"{felt}, so add {EASY_INCREMENTS} × {_fmt(step)} {plan.unit}{back}",
        )
    return plan


def _reps_reached(session: Session, rules: Rules) -> int:
    """Return a bodyweight move's current reps target: what every set reached, 8 to 12."""
    _, at_top = top_sets(session)
    first = at_top[: rules.target_sets]
    if len(first) < rules.target_sets or min(s.reps for s in first) < rules.target_reps:
        return rules.target_reps
    return min(min(s.reps for s in first), BODYWEIGHT_TOP_REPS)


def _article_plan(exercise: Exercise, history: Sequence[Session], unit: Unit, rules: Rules) -> Plan:
    """Return the plan by the article's four rules: calibrate, progress, deload, repeat."""
    step = increment_for(exercise, unit, rules)
    last = history[-1]
    load, at_top = top_sets(last)
    session_best = max(e1rm(s.weight, s.reps) for s in last.sets)
    best = _best_recent_e1rm(history)
    low, high = REP_RANGE

    def plan(weight: float, rule: Rule, reason: str) -> Plan:
        below = load < INTENSITY_FLOOR * best - _EPS
        sets, reps, best_e1rm = rules.target_sets, rules.target_reps, round(best, 1)
        return Plan(exercise.id, sets, reps, weight, unit, rule, reason, False, below, best_e1rm)

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
