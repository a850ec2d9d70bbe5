"""Training at a glance: this week's dose, the next session, each lift's curve, Zone 2 weeks.

The read model behind the training page: the same numbers `/week`, `/plan` and `/chart`
give in the chat, gathered as plain values for one screen.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from core.accounts.profile import Profile
from core.coaching.commands import session_text
from core.coaching.dose import WeeklyDose, lookback_start, week_bounds, weekly_dose
from core.coaching.planning import PLAN_WINDOW, plans_and_sets
from core.coaching.program import decode
from core.coaching.progression import Plan
from core.coaching.session import NextSession, next_session, training_days
from core.formatting import plan_line
from core.history.charts import ZONE2_WEEKLY_MINUTES
from core.history.exercise_names import exercise_name
from core.history.series import DoseSeries, LiftSeries, dose_series, first_week, lift_series
from core.ports import Repository, StoredSet
from core.recording.catalogue import exercise as find
from core.recording.entries import Unit, from_kg, to_kg

CURVE_HISTORY = timedelta(days=2 * 365)
NEXT_SESSION_GAP = timedelta(days=2)  # where a chart marks the next load, as /chart does


@dataclass(frozen=True)
class Glance:
    units: Unit
    week: WeeklyDose
    plan: str  # `/plan`'s reply, word for word
    weeks: DoseSeries  # the last 12 weeks: sessions, intensity sets, Zone 2 minutes
    lifts: tuple[LiftSeries, ...]  # each lift of the plan, with its next load
    zone2_target: tuple[int, int] = ZONE2_WEEKLY_MINUTES  # minutes a week, low and high


async def glance_at(repo: Repository, profile: Profile, at: datetime) -> Glance:
    """Return the page's first view for `profile` on the day of `at`.

    The plans' read (12 weeks and the 8 before) serves the week's dose, the next session
    and the 12 weeks' dose too; `/plan`'s own words come out (a test holds them equal).
    """
    today = profile.local_day(at)
    plans, sets = await plans_and_sets(repo, profile, today)
    start = first_week(today)
    cardio = await repo.cardio(profile.user_id, start, week_bounds(today)[1])
    # `/week`'s dose from the same rows (a test holds the two equal).
    week = weekly_dose(today, sets, cardio, profile.age, profile.max_hr, profile.rest_hr)
    recent = [s for s in sets if s.day >= today - PLAN_WINDOW]
    program = decode(profile.program)
    found = next_session(today, training_days(recent), plans, week, program, profile.units)
    exercises = [p.exercise for p in plans]
    curve_sets = (
        await repo.strength_sets(profile.user_id, today - CURVE_HISTORY, today, exercises)
        if exercises
        else []
    )
    return Glance(
        profile.units,
        week,
        plan_text(found, plans, today) if (found.lifts or plans) else "",
        dose_series(today, [s for s in sets if s.day >= lookback_start(start)], cardio),
        lift_curves(curve_sets, plans, profile.units, today),
    )


def plan_text(found: NextSession, plans: list[Plan], today: date) -> str:
    """Return what `/plan` answers: the next session, else every lift's next load."""
    if found.lifts:
        return session_text(found, today)
    return "\n".join(["Next session:"] + [f"• {plan_line(p)} ({p.rule})" for p in plans])


def lift_curves(
    sets: list[StoredSet], plans: list[Plan], units: Unit, today: date
) -> tuple[LiftSeries, ...]:
    """Return one series per planned lift, in the plan's order, its next load marked."""
    by_exercise: dict[str, list[StoredSet]] = defaultdict(list)
    for s in sets:
        by_exercise[s.exercise].append(s)
    curves = []
    for plan in plans:
        lift_sets = by_exercise.get(plan.exercise)
        if not lift_sets:
            continue
        known = find(plan.exercise)
        bodyweight = bool(known and known.bodyweight) and all(s.weight == 0 for s in lift_sets)
        next_load = None
        if not plan.bodyweight:
            next_load = (
                plan.weight if plan.unit == units else from_kg(to_kg(plan.weight, plan.unit), units)
            )
        next_day = max(today, lift_sets[-1].day) + NEXT_SESSION_GAP
        name = exercise_name(plan.exercise)
        curves.append(lift_series(lift_sets, name, units, bodyweight, next_day, next_load))
    return tuple(curves)
