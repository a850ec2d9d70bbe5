"""From stored sets to sessions and next-session plans, each lift in the unit it is logged in.

A set carries its RPE; what its log's text says about the lift (pain, a failed rep; see
`core.coaching.effort`) is read for the last session of each lift, the one the rules use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from core.accounts.profile import Profile
from core.coaching.effort import LiftNotes, read_notes
from core.coaching.equipment import fit_plans
from core.coaching.progression import (
    INTENSITY_LOOKBACK,
    LoggedSet,
    Plan,
    Session,
    increment_for,
    next_plan,
    no_load,
    round_to,
)
from core.coaching.returning import after_break
from core.ports import Repository, StoredSet
from core.recording.catalogue import exercise
from core.recording.entries import Unit, from_kg

PLAN_WINDOW = timedelta(weeks=12)  # /plan covers lifts logged in the last 12 weeks


def lift_units(
    sets: Iterable[StoredSet], default: Unit, since: int | None = None
) -> dict[str, Unit]:
    """Return each lift's unit: the one its latest loaded set was logged in (sets by day).

    A kg person's dumbbells logged in lb plan in lb, with lb increments. Sets logged before
    the person last chose their units (`since`, the day of their last `/units`) follow
    that choice: switching to lb turns every lift to lb until one is logged in kg again.
    """
    units: dict[str, Unit] = {}
    for s in sets:
        if s.weight != 0 and (since is None or s.message_id > since):
            units[s.exercise] = "lb" if s.unit == "lb" else "kg"
        units.setdefault(s.exercise, default)
    return units


def weight_in(s: StoredSet, units: Unit, step: float | None = None) -> float:
    """Return the set's load in `units`: as typed when the units match, else converted.

    A converted load is snapped to `step` when given: to someone who now lifts in pounds,
    100 kg was 220 lb (on the 5 lb grid), not 220.46, and the next load follows from that.
    """
    if s.unit == units:
        return s.weight
    converted = from_kg(s.weight_kg, units)
    return round_to(converted, step) if step else converted


def sessions_by_exercise(
    sets: Iterable[StoredSet],
    units: Unit,
    texts: Mapping[int, str] | None = None,
    since: int | None = None,
) -> dict[str, list[Session]]:
    """Group sets (ordered by day) into one session per exercise per local day.

    Each lift's loads are in its unit (`lift_units`, else `units`).

    `texts` are the logs' texts by message id: a pain phrase about a lift marks its
    session, a failed rep the lift's last set in that log (as an imported failure set is).
    """
    sets = list(sets)
    texts = texts or {}
    by_lift = lift_units(sets, units, since)
    # Only the logs these sets came from (a batch hands over everyone's texts).
    notes = {i: read_notes(texts[i]) for i in {s.message_id for s in sets} if i in texts}
    last_in_log = {(s.message_id, s.exercise): i for i, s in enumerate(sets)}
    grouped: dict[str, dict[date, list[LoggedSet]]] = defaultdict(lambda: defaultdict(list))
    pains: dict[tuple[str, date], str] = {}
    for i, s in enumerate(sets):
        found = exercise(s.exercise)
        unit = by_lift[s.exercise]
        step = increment_for(found, unit) if found is not None else None
        said = notes[s.message_id].about(s.exercise) if s.message_id in notes else LiftNotes()
        failed = s.kind == "failure" or (said.failed and last_in_log[s.message_id, s.exercise] == i)
        grouped[s.exercise][s.day].append(
            LoggedSet(s.reps, weight_in(s, unit, step), s.rpe, failed)
        )
        if said.pain:
            pains.setdefault((s.exercise, s.day), said.pain)
    return {
        exercise: [
            Session(day, tuple(sets), pains.get((exercise, day)))
            for day, sets in sorted(days.items())
        ]
        for exercise, days in grouped.items()
    }


def last_session_logs(sets: Sequence[StoredSet]) -> list[int]:
    """Return the message ids of each lift's last session in `sets` (ordered by day)."""
    last_day = {s.exercise: s.day for s in sets}
    return sorted({s.message_id for s in sets if s.day == last_day[s.exercise]})


async def log_texts(repo: Repository, sets: Sequence[StoredSet]) -> dict[int, str]:
    """Return the texts of the logs behind each lift's last session in `sets`."""
    ids = last_session_logs(sets)
    return await repo.message_texts(ids) if ids else {}


def plans_from(
    sessions: dict[str, list[Session]], units: Mapping[str, Unit], day: date | None = None
) -> list[Plan]:
    """Return each lift's next plan in its unit; for `day`, after a break (`after_break`)."""
    plans = []
    for id, history in sessions.items():
        if (found := exercise(id)) is None or not history:
            continue
        plan = next_plan(found, history, units[id])
        if day is not None and not no_load(plan):  # no load to start lower from
            plan = after_break(plan, history[-1], day, increment_for(found, units[id]))
        plans.append(plan)
    return plans


def plans_in_order(
    sets: Iterable[StoredSet],
    units: Unit,
    exercises: Sequence[str],
    texts: Mapping[int, str] | None = None,
    day: date | None = None,
    since: int | None = None,
) -> list[Plan]:
    """Return the next plan for each of `exercises` that has history in `sets`, in order.

    With `day`, the plans are for that day, so a lift after a break gets the `return` rule.
    """
    sets = list(sets)
    sessions = sessions_by_exercise(sets, units, texts, since)
    plans = {p.exercise: p for p in plans_from(sessions, lift_units(sets, units, since), day)}
    return [plans[e] for e in exercises if e in plans]


async def plans_for(
    repo: Repository, profile: Profile, until: date, exercises: Sequence[str]
) -> list[Plan]:
    """Return the person's next plan for each exercise on `until`, from history up to it."""
    sets = await repo.strength_sets(profile.user_id, until - INTENSITY_LOOKBACK, until, exercises)
    texts = await log_texts(repo, sets)
    plans = plans_in_order(sets, profile.units, exercises, texts, until, profile.units_since)
    return await _fitted(repo, profile, plans)


async def current_plan(repo: Repository, profile: Profile, today: date) -> list[Plan]:
    """Return plans for `today` for every exercise logged in the 12 weeks up to it."""
    return (await plans_and_sets(repo, profile, today))[0]


async def plans_and_sets(
    repo: Repository, profile: Profile, today: date
) -> tuple[list[Plan], list[StoredSet]]:
    """Return `current_plan`'s plans and the sets they came from (12 weeks + 8 before)."""
    start = today - PLAN_WINDOW - INTENSITY_LOOKBACK
    sets = await repo.strength_sets(profile.user_id, start, today)
    texts = await log_texts(repo, sets)
    plans = recent_plans(sets, profile.units, today, texts, profile.units_since)
    return await _fitted(repo, profile, plans), sets


def recent_plans(
    sets: Iterable[StoredSet],
    units: Unit,
    today: date,
    texts: Mapping[int, str] | None = None,
    since: int | None = None,
) -> list[Plan]:
    """Return plans for `today` for every exercise with a set in the 12 weeks up to it.

    `sets` should reach back PLAN_WINDOW + INTENSITY_LOOKBACK days; `texts` are the logs'
    texts by message id (without them, pain and failure words are not read).
    """
    sets = list(sets)
    recent = {s.exercise for s in sets if s.day > today - PLAN_WINDOW}
    kept = [s for s in sets if s.exercise in recent]
    sessions = sessions_by_exercise(kept, units, texts, since)
    return plans_from(sessions, lift_units(kept, units, since), today)


async def _fitted(repo: Repository, profile: Profile, plans: list[Plan]) -> list[Plan]:
    """Return `plans` fitted to the person's equipment (no lookup when they set none)."""
    if not plans or not profile.has_equipment:
        return plans
    return fit_plans(plans, (await repo.equipment_of([profile.user_id])).get(profile.user_id))
