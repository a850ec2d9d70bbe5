"""The key an imported workout is stored under, so the same workout is never stored twice."""

from __future__ import annotations

import hashlib

from core.history.import_values import ImportedWorkout
from core.recording.entries import CardioEntry


def _optional(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _cardio(c: CardioEntry) -> str:
    started = c.started.isoformat() if c.started else ""
    return (
        f"|cardio:{c.modality}:{c.activity or ''}:{c.minutes:g}:{_optional(c.avg_hr)}"
        f":{_optional(c.zone2_minutes)}:{_optional(c.above_minutes)}:{_optional(c.max_hr)}"
        f":{started}"
    )


def _key(workout: ImportedWorkout, salt: str, with_cardio: bool = True) -> str:
    digest = hashlib.sha256()
    digest.update(f"{salt}{workout.start.isoformat()}|{workout.name}".encode())
    for s in workout.sets:
        digest.update(f"|{s.exercise}:{s.kind}:{s.reps}:{s.weight:g}{s.unit}".encode())
    # A workout without cardio hashes as it always did, so its older imports still match.
    for c in workout.cardio if with_cardio else ():
        digest.update(_cardio(c).encode())
    return f"import-{digest.hexdigest()[:40]}"


def workout_key(workout: ImportedWorkout) -> str:
    """Return a stable id for an imported workout from its content alone.

    The same workout in any file, sent from any linked account, has the same key; it
    is checked against the person's own imports, so one history never holds it twice.
    Its cardio sessions count as content like its sets.
    """
    return _key(workout, "")


def legacy_workout_key(user_id: int, workout: ImportedWorkout) -> str:
    """Return the key imports stored before keys were content only (it hashed the user)."""
    return _key(workout, f"{user_id}|", with_cardio=False)


def earlier_workout_keys(user_id: int, workout: ImportedWorkout) -> tuple[str, ...]:
    """Return the keys older imports may have stored this workout under.

    Before cardio was imported, a workout of our own export holding sets and cardio was
    stored with its sets alone, under the key of its sets: it counts as imported, or
    importing the file again would store its sets twice.
    """
    legacy = legacy_workout_key(user_id, workout)
    if workout.cardio and workout.sets:
        return (legacy, _key(workout, "", with_cardio=False))
    return (legacy,)
