"""From stored sets to sessions and next-session plans, in the user's units."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from core.catalogue import CATALOGUE
from core.entries import Unit, from_kg
from core.equipment import fit_to_equipment
from core.ports import Repository, StoredSet
from core.progression import INTENSITY_LOOKBACK, LoggedSet, Plan, Session, next_plan

PLAN_WINDOW = timedelta(days=28)  # /plan covers lifts logged in the last 4 weeks


def weight_in(s: StoredSet, units: Unit) -> float:
    """Return the set's load in `units`, exactly as typed when the units match."""
    return s.weight if s.unit == units else from_kg(s.weight_kg, units)


def sessions_by_exercise(sets: Iterable[StoredSet], units: Unit) -> dict[str, list[Session]]:
    """Group sets (ordered by day) into one session per exercise per local day."""
    grouped: dict[str, dict[date, list[LoggedSet]]] = defaultdict(lambda: defaultdict(list))
    for s in sets:
        grouped[s.exercise][s.day].append(LoggedSet(s.reps, weight_in(s, units)))
    return {
        exercise: [Session(day, tuple(sets)) for day, sets in sorted(days.items())]
        for exercise, days in grouped.items()
    }


def plans_from(sessions: dict[str, list[Session]], units: Unit) -> list[Plan]:
    return [
        next_plan(CATALOGUE[exercise], history, units)
        for exercise, history in sessions.items()
        if exercise in CATALOGUE and history
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
    return await fit_to_equipment(repo, user_id, plans) if equipment else plans


async def current_plan(repo: Repository, user_id: int, units: Unit, today: date) -> list[Plan]:
    """Return plans for every exercise logged in the 28 days up to `today`."""
    since = today - PLAN_WINDOW - INTENSITY_LOOKBACK
    sets = await repo.strength_sets(user_id, since, today)
    recent = {s.exercise for s in sets if s.day > today - PLAN_WINDOW}
    sessions = sessions_by_exercise((s for s in sets if s.exercise in recent), units)
    return await fit_to_equipment(repo, user_id, plans_from(sessions, units))
