"""Coming back after a break: the first session after two weeks or more without a lift.

The break is measured from the lift's last session to the day the plan is for. The load
starts lower, by how long the person was away; a log after the break is then planned
normally from that new session.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from core.coaching.sessions import EPS, Plan, Session, fmt, round_down_to, top_sets

RETURN_AFTER = timedelta(days=14)
# (away at least, fraction of the last top load), longest break first
RETURN_FACTORS: tuple[tuple[timedelta, float], ...] = (
    (timedelta(days=28), 0.80),  # four weeks or more: 80%
    (RETURN_AFTER, 0.90),  # two to four weeks: 90%
)


def return_factor(away: timedelta) -> float | None:
    """Return the fraction of the last load to start at after `away`, or None (no break)."""
    return next((factor for least, factor in RETURN_FACTORS if away >= least), None)


def after_break(plan: Plan, last: Session, day: date, step: float) -> Plan:
    """Return `plan` for `day`, lowered with the `return` rule if the lift has had a break.

    A loaded lift starts at the lower of the plan and the factor times its last top load,
    rounded down to the increment (a bodyweight move with added load at the reps it last
    reached); a move at plain bodyweight starts at the factor times the reps its sets last
    reached (rounded down).
    """
    away = day - last.day
    factor = return_factor(away)
    if factor is None:
        return plan
    load, at_top = top_sets(last)
    percent = f"{round(factor * 100)}%"
    why = f"{away.days} days since this lift ({_last(plan, load)}), so start at {percent}"
    if plan.bodyweight and load <= EPS:  # nothing to take off: fewer reps
        reached = min(s.reps for s in at_top[: plan.sets])
        reps = min(plan.reps, max(1, math.floor(factor * reached + EPS)))
        # With a machine's help, at least last time's help: never less after a break.
        weight = min(plan.weight, load) if load < -EPS else plan.weight
        return _returning(plan, weight, reps, f"{why} of {reached} reps")
    weight = min(plan.weight, round_down_to(factor * load, step))
    reps = plan.reps
    if plan.bodyweight:  # lighter, at the reps last reached (not the next rep up)
        reps = min(reps, max(1, min(s.reps for s in at_top[: plan.sets])))
    return _returning(plan, weight, reps, why)


def _last(plan: Plan, load: float) -> str:
    if plan.bodyweight:
        if load < -EPS:
            return f"{fmt(-load)} {plan.unit} assistance"
        return f"bodyweight +{fmt(load)} {plan.unit}" if load > EPS else "bodyweight"
    return f"{fmt(load)} {plan.unit}"


def _returning(plan: Plan, weight: float, reps: int, reason: str) -> Plan:
    return Plan(
        plan.exercise,
        plan.sets,
        reps,
        weight,
        plan.unit,
        "return",
        reason,
        plan.bodyweight,
        best_e1rm=plan.best_e1rm,
        advice=plan.advice,
        last_load=plan.last_load,
    )
