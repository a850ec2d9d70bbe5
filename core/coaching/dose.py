"""The weekly dose: this week's training against the article's protocol."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from core.coaching.heart_rate import Zone2Range, sessions_above, zone2_for
from core.coaching.progression import INTENSITY_FLOOR, INTENSITY_LOOKBACK, e1rm
from core.ports import StoredCardio, StoredSet
from core.recording.catalogue import MAJOR_MUSCLES
from core.recording.catalogue import exercise as find

RESISTANCE_SESSIONS = (2, 3)
WEEKLY_SETS_PER_MUSCLE = (8, 16)
ZONE2_SESSIONS = (3, 4)
ZONE2_MINUTES = (45, 60)
HIIT_SESSIONS = (1, 2)
# Epley puts a hard set of 12 reps at 1/(1 + 12/30) = 71% of 1RM: bodyweight sets of
# 12 reps or fewer count as intensity sets; without a load there is no e1RM to compare.
BODYWEIGHT_INTENSITY_MAX_REPS = 12

Status = Literal["met", "under", "over"]


@dataclass(frozen=True)
class DoseLine:
    key: str
    label: str
    value: float
    low: float
    high: float
    status: Status


@dataclass(frozen=True)
class WeeklyDose:
    week_start: date
    week_end: date
    resistance_sessions: int
    intensity_sets: dict[str, int]
    zone2_sessions: int
    zone2_minutes: float
    hiit_sessions: int
    walk_days: int
    lines: tuple[DoseLine, ...]
    # Zone 2 sessions with an average heart rate, and those above the person's range
    # (their minutes still count: the range is an estimate from age).
    zone2_with_hr: int = 0
    zone2_above: int = 0
    zone2_range: Zone2Range | None = None


def zone2_minutes_of(session: StoredCardio) -> float:
    """Return a session's Zone 2 minutes: from an activity file, its time in the zone;
    typed, all its minutes when it was logged as Zone 2."""
    if session.zone2_minutes is not None:
        return session.zone2_minutes
    return session.minutes if session.modality == "zone2" else 0.0


def week_bounds(day: date) -> tuple[date, date]:
    """Return the Monday and Sunday of the week `day` falls in."""
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def lookback_start(week_start: date) -> date:
    return week_start - INTENSITY_LOOKBACK


def status(value: float, low: float, high: float) -> Status:
    if value < low:
        return "under"
    return "over" if value > high else "met"


def _best_e1rm_kg(sets: Sequence[StoredSet]) -> dict[str, float]:
    best: dict[str, float] = defaultdict(float)
    for s in sets:
        best[s.exercise] = max(best[s.exercise], e1rm(s.weight_kg, s.reps))
    return best


def is_intensity_set(s: StoredSet, best_e1rm_kg: float) -> bool:
    """Return whether the set was at 70% or more of that exercise's estimated max."""
    if s.bodyweight:
        return s.reps <= BODYWEIGHT_INTENSITY_MAX_REPS
    return s.weight_kg >= INTENSITY_FLOOR * best_e1rm_kg - 1e-9


def weekly_dose(
    day: date,
    sets: Sequence[StoredSet],
    cardio: Sequence[StoredCardio],
    age: int | None = None,
    max_hr: int | None = None,
    rest_hr: int | None = None,
) -> WeeklyDose:
    """Return the dose for the week of `day`.

    `sets` covers the 8 weeks before the week too (for each exercise's best e1RM);
    `cardio` may cover any range: only the week's sessions count. With `age`, Zone 2
    sessions whose average heart rate ran above the person's range are counted apart.
    """
    start, end = week_bounds(day)
    history = [s for s in sets if s.day <= end]
    best = _best_e1rm_kg(history)
    week_sets = [s for s in history if s.day >= start]
    muscles: dict[str, int] = dict.fromkeys(MAJOR_MUSCLES, 0)
    for s in week_sets:
        exercise = find(s.exercise)
        if exercise is None or not is_intensity_set(s, best[s.exercise]):
            continue
        for muscle in exercise.muscles:
            if muscle in muscles:
                muscles[muscle] += 1
    week_cardio = [c for c in cardio if start <= c.day <= end]
    zone2 = [c for c in week_cardio if c.modality == "zone2"]
    zone = zone2_for(age, max_hr, rest_hr)
    resistance = len({s.day for s in week_sets})
    zone2_days = len({c.day for c in zone2})
    hiit_days = len({c.day for c in week_cardio if c.modality == "hiit"})
    lines = [
        DoseLine(
            "resistance_sessions",
            "Resistance sessions",
            resistance,
            *RESISTANCE_SESSIONS,
            status(resistance, *RESISTANCE_SESSIONS),
        ),
    ]
    lines += [
        DoseLine(
            f"sets:{m}",
            f"{m.capitalize()} sets",
            n,
            *WEEKLY_SETS_PER_MUSCLE,
            status(n, *WEEKLY_SETS_PER_MUSCLE),
        )
        for m, n in muscles.items()
    ]
    lines += [
        DoseLine(
            "zone2_sessions",
            "Zone 2 sessions",
            zone2_days,
            *ZONE2_SESSIONS,
            status(zone2_days, *ZONE2_SESSIONS),
        ),
        DoseLine(
            "hiit_sessions",
            "HIIT sessions",
            hiit_days,
            *HIIT_SESSIONS,
            status(hiit_days, *HIIT_SESSIONS),
        ),
    ]
    return WeeklyDose(
        week_start=start,
        week_end=end,
        resistance_sessions=resistance,
        intensity_sets=muscles,
        zone2_sessions=zone2_days,
        zone2_minutes=sum(zone2_minutes_of(c) for c in week_cardio),
        hiit_sessions=hiit_days,
        walk_days=len({c.day for c in week_cardio if c.modality == "walk"}),
        lines=tuple(lines),
        zone2_with_hr=sum(1 for c in zone2 if c.avg_hr is not None),
        zone2_above=sessions_above([c.avg_hr for c in zone2 if c.zone2_minutes is None], zone)
        + sum(1 for c in zone2 if (c.above_minutes or 0) > (c.zone2_minutes or 0)),
        zone2_range=zone,
    )
