"""The next session: which lifts, in what order, a warm-up ramp, and the cardio the week lacks.

The rule, as a coach would write it (the numbers are the constants below):

1. **Day templates.** The training days of the 4 weeks up to the last one logged are
   grouped by the lifts done together: a day joins an earlier template when at least half
   of the larger of the two lift lists is shared (A + a curl is still A). The next session
   is the template done longest ago: after A it is B, after A, B, C it is A. Its lifts are
   those of its latest day.
2. **The week's dose.** A major muscle group under 8 intensity sets this week (`/week`)
   that no lift of the session works gets one: the lift working it that the person did
   most recently, while the session has fewer than 6 lifts.
3. **Order.** Lower-body compound lifts (squat, hinge, lunge) first, then the other
   compound lifts (push, pull, carry), then the rest; within each, as last done.
4. **Warm-up** for the first lift with a load: 40% × 8, 60% × 5, 80% × 3 of its working
   load, rounded to its increment, never under the empty bar (20 kg / 45 lb) on a
   barbell-only lift; a warm-up load that is not lighter than the work, or that repeats
   the one before, is left out.
5. **Cardio**, one piece after the lifts: Zone 2 while the week has under 135 Zone 2
   minutes (3 × 45), for the minutes missing but 45–60 of them; else HIIT, 20 minutes,
   when the week has none.
6. **A chosen program** (`/program`, `core.coaching.program`) replaces rules 1 and 2: the
   session is its next lifting day (on or after today; after today when today is logged)
   with the template after the last one done, at the program's sets, and its Zone 2
   length. A lift not yet logged is calibrated: work up to one set of 8 that feels like
   2–3 reps left.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from core.coaching.dose import WEEKLY_SETS_PER_MUSCLE, ZONE2_MINUTES, ZONE2_SESSIONS, WeeklyDose
from core.coaching.program import Program, template_after
from core.coaching.progression import Plan, increment_for, round_to
from core.ports import StoredSet
from core.recording.catalogue import MAJOR_MUSCLES, Exercise, exercise
from core.recording.entries import Unit

TEMPLATE_WINDOW = timedelta(weeks=4)  # how someone trains now: their last 4 weeks of days
SAME_TEMPLATE_SHARE = 0.5  # a day with half its lifts in a template is that template
MAX_LIFTS = 6  # lifts added for the dose stop here
LOWER_COMPOUND = ("squat", "hinge", "lunge")
WARMUP_RAMP = ((0.4, 8), (0.6, 5), (0.8, 3))  # fraction of the working load, reps
EMPTY_BAR: dict[Unit, float] = {"kg": 20.0, "lb": 45.0}
ZONE2_WEEK_MINUTES = ZONE2_SESSIONS[0] * ZONE2_MINUTES[0]  # 135
HIIT_MINUTES = 20
CALIBRATION = "first time: work up to one set of 8 that feels like 2–3 reps left, and log it"
CALIBRATION_BODYWEIGHT = "first time: stop each set with 2–3 reps left, and log the reps"


@dataclass(frozen=True)
class TrainingDay:
    day: date
    lifts: tuple[str, ...]  # in the order first logged that day


@dataclass(frozen=True)
class SessionLift:
    plan: Plan
    added_for: str = ""  # the muscle group the week lacks, when added for it
    sets_this_week: int = 0  # that group's intensity sets so far


@dataclass(frozen=True)
class WarmupSet:
    exercise: str
    reps: int
    weight: float
    unit: Unit


@dataclass(frozen=True)
class CardioPiece:
    modality: str  # "zone2" or "hiit"
    minutes: int
    reason: str


@dataclass(frozen=True)
class NextSession:
    day: date
    lifts: tuple[SessionLift, ...]
    warmup: tuple[WarmupSet, ...]
    cardio: tuple[CardioPiece, ...]


def training_days(sets: Iterable[StoredSet]) -> list[TrainingDay]:
    """Return each day's lifts in the order logged, days oldest first."""
    days: dict[date, list[str]] = {}
    for s in sets:
        lifts = days.setdefault(s.day, [])
        if s.exercise not in lifts:
            lifts.append(s.exercise)
    return [TrainingDay(d, tuple(days[d])) for d in sorted(days)]


def next_session(
    day: date,
    days: Sequence[TrainingDay],
    plans: Sequence[Plan],
    dose: WeeklyDose,
    program: Program | None = None,
    unit: Unit = "kg",
) -> NextSession:
    """Return the session for `day` from the days trained and this week's dose (rules 1–6)."""
    days = [d for d in days if d.day <= day]
    if program is not None:
        return _programmed(day, days, plans, dose, program, unit)
    planned = {p.exercise: p for p in plans}
    lifts = [SessionLift(planned[e]) for e in _template_lifts(days) if e in planned]
    lifts += _for_the_dose(lifts, days, planned, dose)
    lifts = _in_order(lifts)
    return NextSession(day, tuple(lifts), _warmup(lifts), _cardio(dose))


def _programmed(
    day: date,
    days: Sequence[TrainingDay],
    plans: Sequence[Plan],
    dose: WeeklyDose,
    program: Program,
    unit: Unit,
) -> NextSession:
    """Return the program's next lifting day and its template (rule 6)."""
    logged_today = bool(days) and days[-1].day == day
    on = day + timedelta(days=1) if logged_today else day
    while on.weekday() not in program.lift_days:
        on += timedelta(days=1)
    lifts = [SessionLift(p) for p in program_plans(day, days, plans, program, unit)]
    cardio = tuple(  # the program's own Zone 2 length
        replace(c, minutes=program.zone2_minutes) if c.modality == "zone2" else c
        for c in _cardio(dose)
    )
    return NextSession(on, tuple(lifts), _warmup(lifts), cardio)


def program_plans(
    day: date, days: Sequence[TrainingDay], plans: Sequence[Plan], program: Program, unit: Unit
) -> list[Plan]:
    """Return the lifts of the program's next template, planned or to calibrate (rule 6)."""
    planned = {p.exercise: p for p in plans}
    days = [d for d in days if d.day <= day]
    return [
        _program_plan(e, planned.get(e), program, unit)
        for e in template_after(program, days[-1].lifts if days else None)
    ]


def _program_plan(exercise_id: str, plan: Plan | None, program: Program, unit: Unit) -> Plan:
    """Return a program lift's plan at the program's sets, or its calibration."""
    if plan is not None:
        return replace(plan, sets=program.sets)
    found = exercise(exercise_id)
    if found is not None and found.bodyweight:
        return Plan(
            exercise_id,
            program.sets,
            program.reps,
            0.0,
            unit,
            "calibrate",
            CALIBRATION_BODYWEIGHT,
            True,
        )
    return Plan(exercise_id, 1, program.reps, 0.0, unit, "calibrate", CALIBRATION)


def _template_lifts(days: Sequence[TrainingDay]) -> tuple[str, ...]:
    """Return the lifts of the template done longest ago (rule 1)."""
    if not days:
        return ()
    recent = [d for d in days if d.day > days[-1].day - TEMPLATE_WINDOW]
    templates: list[list[TrainingDay]] = []
    for d in recent:
        found = next((t for t in templates if _same(t[0].lifts, d.lifts)), None)
        if found is None:
            templates.append([d])
        else:
            found.append(d)
    oldest = min(templates, key=lambda t: t[-1].day)
    return oldest[-1].lifts


def _same(a: Sequence[str], b: Sequence[str]) -> bool:
    return len(set(a) & set(b)) >= SAME_TEMPLATE_SHARE * max(len(set(a)), len(set(b)))


def _for_the_dose(
    lifts: Sequence[SessionLift],
    days: Sequence[TrainingDay],
    planned: dict[str, Plan],
    dose: WeeklyDose,
) -> list[SessionLift]:
    """Return a lift for each major muscle group under 8 sets this week the session lacks."""
    chosen = [s.plan.exercise for s in lifts]
    last_done = {e: d.day for d in days for e in d.lifts}
    added: list[SessionLift] = []
    for muscle in MAJOR_MUSCLES:
        done = dose.intensity_sets.get(muscle, 0)
        if done >= WEEKLY_SETS_PER_MUSCLE[0] or any(_works(e, muscle) for e in chosen):
            continue
        if len(chosen) >= MAX_LIFTS:
            break
        candidates = [e for e in planned if _works(e, muscle) and e not in chosen]
        if not candidates:
            continue
        best = max(candidates, key=lambda e: last_done.get(e, date.min))
        chosen.append(best)
        added.append(SessionLift(planned[best], muscle, done))
    return added


def _works(exercise_id: str, muscle: str) -> bool:
    found = exercise(exercise_id)
    return found is not None and muscle in found.muscles


def _in_order(lifts: Sequence[SessionLift]) -> list[SessionLift]:
    """Return lower-body compounds first, then other compounds, then the rest (rule 3)."""
    return sorted(lifts, key=lambda s: _rank(exercise(s.plan.exercise)))


def _rank(found: Exercise | None) -> int:
    if found is None or found.pattern == "isolation":
        return 2
    return 0 if found.region == "lower" and found.pattern in LOWER_COMPOUND else 1


def _warmup(lifts: Sequence[SessionLift]) -> tuple[WarmupSet, ...]:
    """Return the ramp to the first lift's working load (rule 4), or none without a load."""
    if not lifts or lifts[0].plan.bodyweight or lifts[0].plan.weight <= 0:
        return ()
    plan = lifts[0].plan
    found = exercise(plan.exercise)
    if found is None:
        return ()
    step = increment_for(found, plan.unit)
    floor = EMPTY_BAR[plan.unit] if found.equipment == ("barbell",) else step
    ramp: dict[float, WarmupSet] = {}
    for share, reps in WARMUP_RAMP:
        load = max(floor, round_to(plan.weight * share, step))
        if load < plan.weight and load not in ramp:  # lighter than the work, each load once
            ramp[load] = WarmupSet(plan.exercise, reps, load, plan.unit)
    return tuple(ramp.values())


def _cardio(dose: WeeklyDose) -> tuple[CardioPiece, ...]:
    """Return the one cardio piece the week lacks most (rule 5), if any."""
    minutes = round(dose.zone2_minutes)
    if minutes < ZONE2_WEEK_MINUTES:
        low, high = ZONE2_MINUTES
        wanted = min(high, max(low, ZONE2_WEEK_MINUTES - minutes))
        reason = f"{minutes} of {ZONE2_WEEK_MINUTES} Zone 2 minutes this week"
        return (CardioPiece("zone2", wanted, reason),)
    if dose.hiit_sessions == 0:
        return (CardioPiece("hiit", HIIT_MINUTES, "no intervals this week"),)
    return ()
