"""From stored sets to sessions and next-session plans, in the user's units."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from core.coaching.equipment import fit_plans
from core.coaching.progression import (
    INTENSITY_LOOKBACK,
    LoggedSet,
    Plan,
    Session,
    increment_for,
    next_plan,
    round_to,
)
from core.ports import Repository, StoredSet
from core.recording.catalogue import exercise
from core.recording.entries import Unit, from_kg

PLAN_WINDOW = timedelta(days=28)  # /plan covers lifts logged in the last 4 weeks


def weight_in(s: StoredSet, units: Unit, step: float | None = None) -> float:
    """Return the set's load in `units`: as typed when the units match, else converted.

    A converted load is snapped to `step` when given: to someone who now lifts in pounds,
    100 kg was 220 lb (on the 5 lb grid), not 220.46, and the next load follows from that.
    """
    if s.unit == units:
        return s.weight
    converted = from_kg(s.weight_kg, units)
    return round_to(converted, step) if step else converted


def sessions_by_exercise(sets: Iterable[StoredSet], units: Unit) -> dict[str, list[Session]]:
    """Group sets (ordered by day) into one session per exercise per local day."""
    grouped: dict[str, dict[date, list[LoggedSet]]] = defaultdict(lambda: defaultdict(list))
    for s in sets:
        found = exercise(s.exercise)
        step = increment_for(found, units) if found is not None else None
        grouped[s.exercise][s.day].append(LoggedSet(s.reps, weight_in(s, units, step)))
    return {
        exercise: [Session(day, tuple(sets)) for day, sets in sorted(days.items())]
        for exercise, days in grouped.items()
    }


def plans_from(sessions: dict[str, list[Session]], units: Unit) -> list[Plan]:
    return [
        next_plan(found, history, units)
        for id, history in sessions.items()
        if (found := exercise(id)) is not None and history
    ]


def plans_in_order(sets: Iterable[StoredSet], units: Unit, exercises: Sequence[str]) -> list[Plan]:
    """Return the next plan for each of `exercises` that has history in `sets`, in order."""
    plans = {p.exercise: p for p in plans_from(sessions_by_exercise(sets, units), units)}
    return [plans[e] for e in exercises if e in plans]


async def plans_for(
    repo: Repository,
    user_id: int,
    units: Unit,
    until: date,
    exercises: Sequence[str],
    *,
    equipment: bool = True,
) -> list[Plan]:
    """Return the next plan for each exercise, from history up to `until`.

    `equipment=False` says the person has none on record: no lookup, no rounding.
    """
    sets = await repo.strength_sets(user_id, until - INTENSITY_LOOKBACK, until, exercises)
    plans = plans_in_order(sets, units, exercises)
    return await _fitted(repo, user_id, plans) if equipment else plans


async def current_plan(repo: Repository, user_id: int, units: Unit, today: date) -> list[Plan]:
    """Return plans for every exercise logged in the 28 days up to `today`."""
    sets = await repo.strength_sets(user_id, today - PLAN_WINDOW - INTENSITY_LOOKBACK, today)
    return await _fitted(repo, user_id, recent_plans(sets, units, today))


def recent_plans(sets: Iterable[StoredSet], units: Unit, today: date) -> list[Plan]:
    """Return plans for every exercise with a set in the 28 days up to `today`.

    `sets` should reach back PLAN_WINDOW + INTENSITY_LOOKBACK days.
    """
    sets = list(sets)
    recent = {s.exercise for s in sets if s.day > today - PLAN_WINDOW}
    return plans_from(sessions_by_exercise((s for s in sets if s.exercise in recent), units), units)


async def _fitted(repo: Repository, user_id: int, plans: list[Plan]) -> list[Plan]:
    """Return `plans` fitted to the user's equipment."""
    if not plans:
        return plans
    return fit_plans(plans, (await repo.equipment_of([user_id])).get(user_id))
