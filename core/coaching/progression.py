"""Progression: from a lift's session history to the load for its next session.

What the last session says about effort comes first, in this order: pain (hold), a hard
last set (repeat), every working set easy (two increments, where two add no more than
10% to the load). Then the article's four rules,
in the order a coach applies them: calibrate, progress, deload, repeat. Bodyweight
movements progress reps first (`core.coaching.bodyweight`). A session without RPE or notes
gets the article's rules. Coming back after a break is `core.coaching.returning`. A loaded
lift last logged at 0 has nothing to add to: it is never planned at one increment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from core.coaching.bodyweight import bodyweight_plan, climb_for
from core.coaching.effort import easy_sets, hard_set
from core.coaching.sessions import (
    DEFAULT_RULES,
    EPS,
    INCREMENTS,
    REP_RANGE,
    TARGET_REPS,
    TARGET_SETS,
    WORKING_SET_FRACTION,
    LoggedSet,
    Plan,
    Rule,
    Rules,
    Session,
    e1rm,
    fmt,
    increment_for,
    reached_target,
    round_down_to,
    round_to,
    stalled_sessions,
    top_sets,
    working_sets,
)
from core.recording.catalogue import Exercise
from core.recording.entries import Unit

__all__ = [
    "DEFAULT_RULES",
    "INCREMENTS",
    "INTENSITY_FLOOR",
    "INTENSITY_LOOKBACK",
    "REP_RANGE",
    "TARGET_REPS",
    "TARGET_SETS",
    "WORKING_SET_FRACTION",
    "LoggedSet",
    "Plan",
    "Rule",
    "Rules",
    "Session",
    "e1rm",
    "increment_for",
    "next_plan",
    "no_load",
    "round_down_to",
    "round_to",
    "top_sets",
    "working_sets",
]

CALIBRATE_FRACTION = 0.75
DELOAD_FRACTION = 0.90
STALLED_SESSIONS_BEFORE_DELOAD = 3
INTENSITY_FLOOR = 0.70  # the article's 70-85% of 1RM
INTENSITY_LOOKBACK = timedelta(weeks=8)
EASY_INCREMENTS = 2  # every working set easy (core.coaching.effort): two increments, not one
EASY_MAX_SHARE = 0.10  # ...unless they add more than 10% to the load: light loads get one
EASY_EXTRA_REPS = 2  # a bodyweight move that felt easy: two more reps instead of one
NO_LOAD_EXAMPLE: dict[Unit, str] = {"kg": "40kg", "lb": "95lb"}


def _needs_calibration(sets_at_top: list[LoggedSet], rules: Rules) -> bool:
    low, high = REP_RANGE
    return len(sets_at_top) < rules.target_sets or any(
        not low <= s.reps <= high for s in sets_at_top
    )


def _best_recent_e1rm(history: Sequence[Session]) -> float:
    last_day = history[-1].day
    recent = [s for s in history if s.day >= last_day - INTENSITY_LOOKBACK]
    return max(e1rm(x.weight, x.reps) for s in recent for x in s.sets)


def next_plan(
    exercise: Exercise, history: Sequence[Session], unit: Unit, rules: Rules = DEFAULT_RULES
) -> Plan:
    """Return the next session's plan from the sessions so far (oldest first, non-empty)."""
    step = increment_for(exercise, unit, rules)
    load, _ = top_sets(history[-1])
    if not exercise.bodyweight and load <= EPS:
        return _no_load_plan(exercise, unit, rules)
    if exercise.bodyweight:
        plan, level = bodyweight_plan(
            exercise, history, unit, rules, _goal(exercise, history, unit, rules)
        )
        ceiling = climb_for(exercise.id).ceiling
        plan = _effort_rules(plan, history[-1], step, level, ceiling)
    else:
        plan = _effort_rules(_article_plan(exercise, history, unit, rules), history[-1], step)
    return replace(plan, last_load=load)


def _no_load_plan(exercise: Exercise, unit: Unit, rules: Rules) -> Plan:
    """Return the plan for a loaded lift last logged at 0: work up, and log the weight.

    0 is no load a plan can build on (one increment from 0 is no load either): the person
    most likely left the weight out, so the plan asks for it instead of guessing.
    """
    example = f"{exercise.name.lower()} 3x8 {NO_LOAD_EXAMPLE[unit]}"
    return Plan(
        exercise.id,
        rules.target_sets,
        rules.target_reps,
        0.0,
        unit,
        "calibrate",
        f"0 {unit} can't be progressed; log the weight you used, e.g. `{example}`",
        last_load=0.0,
    )


def no_load(plan: Plan) -> bool:
    """Return whether `plan` is a loaded lift's with no load to build on (see `next_plan`)."""
    return plan.rule == "calibrate" and plan.weight <= EPS and not plan.bodyweight


def _goal(exercise: Exercise, history: Sequence[Session], unit: Unit, rules: Rules) -> int | None:
    """Return the reps the last session of a bodyweight move was planned for, if known."""
    if len(history) < 2:
        return None
    before = next_plan(exercise, history[:-1], unit, rules)
    same_load = abs(before.weight - top_sets(history[-1])[0]) < EPS
    return before.reps if same_load and not before.form else None


def _effort_rules(plan: Plan, last: Session, step: float, level: int = 0, ceiling: int = 0) -> Plan:
    """Return the article's `plan` after the effort rules, which come before it, in order.

    `level` is the reps target a bodyweight move has reached (0 for a loaded lift), and
    `ceiling` the top of its climb.
    """
    load, _ = top_sets(last)
    same = f"{plan.sets}×{level} again" if level else f"keep {fmt(load)} {plan.unit}"
    if last.pain:  # 1. pain: no increase for this lift, and have it checked
        lower = plan.weight < load - EPS  # the article's deload or calibration stands
        held = plan if lower else replace(plan, weight=load, reps=level or plan.reps, form="")
        why = f"you wrote “{last.pain}”, so no increase for now"
        why += f" ({plan.rule}: {plan.reason})" if lower else ""
        return replace(held, rule="hold", reason=why, advice=f"{last.pain}: have it checked")
    hard = hard_set(working_sets(last)[-1])
    if hard and plan.rule in ("progress", "repeat"):  # 2. a hard last set: the same again
        return replace(
            plan,
            weight=load,
            reps=level or plan.reps,
            rule="repeat",
            reason=f"{hard}, so {same}",
            form="",
        )
    easy = easy_sets(working_sets(last))
    if easy is not None and plan.rule == "progress" and not plan.form:  # 3. easy: twice
        felt = f"every working set felt easy (RPE {fmt(easy)} or less)"
        if level and level < ceiling:
            reps = min(level + EASY_EXTRA_REPS, ceiling)
            more = f"{reps - level} more rep{'s' if reps - level > 1 else ''}"
            return replace(plan, reps=reps, reason=f"{felt}, so {more} each")
        back = f" and go back to {plan.reps} reps" if level else ""
        if not level and EASY_INCREMENTS * step > EASY_MAX_SHARE * load + EPS:
            return replace(
                plan,
                reason=f"{plan.reason}; every set felt easy, but {EASY_INCREMENTS} × {fmt(step)} "
                f"{plan.unit} would add over {EASY_MAX_SHARE:.0%} to {fmt(load)} {plan.unit}",
            )
        return replace(
            plan,
            weight=round(load + EASY_INCREMENTS * step, 3),
            reason=f"{felt}, so add {EASY_INCREMENTS} × {fmt(step)} {plan.unit}{back}",
        )
    return plan


def _article_plan(exercise: Exercise, history: Sequence[Session], unit: Unit, rules: Rules) -> Plan:
    """Return the plan by the article's four rules: calibrate, progress, deload, repeat."""
    step = increment_for(exercise, unit, rules)
    last = history[-1]
    load, at_top = top_sets(last)
    session_best = max(e1rm(s.weight, s.reps) for s in last.sets)
    best = _best_recent_e1rm(history)
    low, high = REP_RANGE

    def plan(weight: float, rule: Rule, reason: str) -> Plan:
        below = load < INTENSITY_FLOOR * best - EPS
        sets, reps, best_e1rm = rules.target_sets, rules.target_reps, round(best, 1)
        return Plan(exercise.id, sets, reps, weight, unit, rule, reason, False, below, best_e1rm)

    if _needs_calibration(at_top, rules):
        target = round_to(CALIBRATE_FRACTION * session_best, step)
        return plan(
            target,
            "calibrate",
            f"not {rules.target_sets} working sets of {low}–{high} reps, so 75% of your "
            f"estimated max ({fmt(round(session_best, 1))} {unit})",
        )
    if reached_target(at_top, rules):
        return plan(
            round(load + step, 3),
            "progress",
            f"{rules.target_sets} sets of {rules.target_reps} done, so add {fmt(step)} {unit}",
        )
    stalled = stalled_sessions(history, load, rules)
    if stalled >= STALLED_SESSIONS_BEFORE_DELOAD:
        return plan(
            round_down_to(DELOAD_FRACTION * load, step),
            "deload",
            f"{stalled} sessions at {fmt(load)} {unit} without progress, so drop 10% "
            "and build back",
        )
    return plan(
        load,
        "repeat",
        f"same load until all {rules.target_sets} sets reach {rules.target_reps} reps",
    )
