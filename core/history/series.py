"""What a chart shows, as plain values: a lift's sessions and the weeks' dose."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from core.coaching.dose import (
    week_bounds,
    weekly_dose,
)
from core.coaching.progression import e1rm
from core.ports import StoredCardio, StoredSet
from core.recording.entries import Unit, from_kg

WEEKS = 12


@dataclass(frozen=True)
class LiftPoint:
    day: date
    e1rm: float  # best Epley estimate of the session, in the chart's unit
    top: float  # heaviest working load of the session
    best_reps: int  # most reps in one set (what a bodyweight chart shows)


@dataclass(frozen=True)
class LiftSeries:
    name: str
    unit: Unit
    points: tuple[LiftPoint, ...]
    bodyweight: bool = False
    next_day: date | None = None
    next_load: float | None = None  # the plan's next load, in `unit`


@dataclass(frozen=True)
class WeekPoint:
    week_start: date
    resistance_sessions: int
    intensity_sets: float  # average over the major muscle groups
    zone2_minutes: float


@dataclass(frozen=True)
class DoseSeries:
    weeks: tuple[WeekPoint, ...]


def lift_series(
    sets: Sequence[StoredSet],
    name: str,
    unit: Unit,
    bodyweight: bool = False,
    next_day: date | None = None,
    next_load: float | None = None,
) -> LiftSeries:
    """Return one point per session day: best e1RM and top load, in `unit`."""
    by_day: dict[date, list[StoredSet]] = defaultdict(list)
    for s in sets:
        by_day[s.day].append(s)
    points = []
    for day in sorted(by_day):
        day_sets = by_day[day]
        loads = [s.weight if s.unit == unit else from_kg(s.weight_kg, unit) for s in day_sets]
        points.append(
            LiftPoint(
                day,
                round(max(e1rm(w, s.reps) for w, s in zip(loads, day_sets, strict=True)), 1),
                max(loads),
                max(s.reps for s in day_sets),
            )
        )
    return LiftSeries(name, unit, tuple(points), bodyweight, next_day, next_load)


def dose_series(
    today: date, sets: Sequence[StoredSet], cardio: Sequence[StoredCardio], weeks: int = WEEKS
) -> DoseSeries:
    """Return the last `weeks` weeks (this one last); `sets` must start 8 weeks earlier."""
    this_monday, _ = week_bounds(today)
    out = []
    for back in range(weeks - 1, -1, -1):
        monday = this_monday - timedelta(weeks=back)
        dose = weekly_dose(monday, sets, cardio)
        muscles = list(dose.intensity_sets.values())
        out.append(
            WeekPoint(
                monday,
                dose.resistance_sessions,
                round(sum(muscles) / len(muscles), 1) if muscles else 0.0,
                dose.zone2_minutes,
            )
        )
    return DoseSeries(tuple(out))


def first_week(today: date, weeks: int = WEEKS) -> date:
    return week_bounds(today)[0] - timedelta(weeks=weeks - 1)


# --- drawing ----------------------------------------------------------------------
