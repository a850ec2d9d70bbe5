"""The key an imported workout is stored under, so the same workout is never stored twice."""

from __future__ import annotations

import hashlib

from core.history.import_values import ImportedWorkout


def _key(workout: ImportedWorkout, salt: str) -> str:
    digest = hashlib.sha256()
    digest.update(f"{salt}{workout.start.isoformat()}|{workout.name}".encode())
    for s in workout.sets:
        digest.update(f"|{s.exercise}:{s.kind}:{s.reps}:{s.weight:g}{s.unit}".encode())
    return f"import-{digest.hexdigest()[:40]}"


def workout_key(workout: ImportedWorkout) -> str:
    """Return a stable id for an imported workout from its content alone.

    The same workout in any file, sent from any linked account, has the same key; it
    is checked against the person's own imports, so one history never holds it twice.
    """
    return _key(workout, "")


def legacy_workout_key(user_id: int, workout: ImportedWorkout) -> str:
    """Return the key imports stored before keys were content only (it hashed the user)."""
    return _key(workout, f"{user_id}|")
