"""How weights, sets and dates read in a reply: short, exact, in the user's units."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from core.coaching.progression import Plan
from core.recording.catalogue import display_name
from core.recording.entries import CardioEntry, SetEntry, Unit, from_kg

MODALITY_NAMES = {"zone2": "Zone 2", "hiit": "HIIT", "walk": "Walk", "other": "Cardio"}


def number(value: float) -> str:
    """Return a number without float noise: 102.5, 100, 43.1."""
    return f"{round(value, 2):g}"


def plural(n: float, word: str, many: str | None = None) -> str:
    """Return `1 session`, `2 sessions`, `0 sets`, `1.5 minutes`: the count and its noun."""
    return f"{number(n)} {word if n == 1 else many or word + 's'}"


def weight(value: float, unit: str) -> str:
    return f"{number(value)} {unit}"


def load(value: float, unit: str, bodyweight: bool) -> str:
    """Return `100 kg`, `bodyweight`, `bodyweight +10 kg`, or `30 kg assistance` (a machine's
    help, stored as less than bodyweight)."""
    if bodyweight:
        if value < 0:
            return f"{weight(-value, unit)} assistance"
        return "bodyweight" if value == 0 else f"bodyweight +{weight(value, unit)}"
    return weight(value, unit)


def sets_summary(sets: Sequence[SetEntry]) -> str:
    """Return `3×8 @ 100 kg`, `100 kg × 8, 8, 7`, or groups like `60 kg × 8 · 100 kg × 8, 8`."""
    if not sets:
        return ""
    groups: list[list[SetEntry]] = []
    for s in sets:
        if groups and _same_load(groups[-1][0], s):
            groups[-1].append(s)
        else:
            groups.append([s])
    parts = []
    for group in groups:
        first = group[0]
        where = load(first.weight, first.unit, first.bodyweight)
        rpe = f" @RPE {number(first.rpe)}" if first.rpe is not None else ""
        rpe += " (warm-up)" if first.warmup else ""
        reps = {s.reps for s in group}
        if len(reps) == 1 and len(group) > 1:
            parts.append(f"{len(group)}×{first.reps} @ {where}{rpe}")
        elif len(group) == 1:
            parts.append(f"{first.reps} @ {where}{rpe}")
        else:
            parts.append(f"{where} × {', '.join(str(s.reps) for s in group)}{rpe}")
    return " · ".join(parts)


def _same_load(a: SetEntry, b: SetEntry) -> bool:
    return (a.weight, a.unit, a.bodyweight, a.rpe, a.warmup) == (
        b.weight,
        b.unit,
        b.bodyweight,
        b.rpe,
        b.warmup,
    )


def cardio_name(modality: str, activity: str | None) -> str:
    """Return a cardio session's name: `Zone 2`, `Zone 2 bike`, `HIIT`, `Walk`, `Swim`."""
    name = MODALITY_NAMES.get(modality, MODALITY_NAMES["other"])
    if modality == "other" and activity:
        return activity.capitalize()
    if activity and modality != "walk":
        return f"{name} {activity}"
    return name


def cardio_summary(entry: CardioEntry) -> str:
    hr = f", avg HR {entry.avg_hr}" if entry.avg_hr else ""
    return f"{cardio_name(entry.modality, entry.activity)}: {number(entry.minutes)} min{hr}"


def plan_line(plan: Plan) -> str:
    """Return e.g. `Squat 3×8 @ 102.5 kg`, with its advice (`⚠️ knee hurt: have it checked`).

    A bodyweight move that moves on to a harder form names it: `Push-up → Decline push-up`.
    """
    advice = f" ⚠️ {plan.advice}" if plan.advice else ""
    name = display_name(plan.exercise)
    if plan.rule == "calibrate" and plan.weight <= 0 and not plan.bodyweight:  # no load yet
        return f"{name}: work up to {plan.sets}×{plan.reps} with 2–3 reps left"
    if plan.form:
        name = f"{name} → {display_name(plan.form)}"
    return (
        f"{name} {plan.sets}×{plan.reps} @ {load(plan.weight, plan.unit, plan.bodyweight)}{advice}"
    )


def day_label(day: date) -> str:
    return day.strftime("%a %d %b").replace(" 0", " ")


def in_units(weight_kg: float, units: Unit) -> float:
    return from_kg(weight_kg, units)
