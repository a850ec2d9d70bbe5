"""Everything the coach holds about a person, as a CSV of sets and a JSON document."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from core.history.imports import COACH_HEADER
from core.recording.catalogue import display_name


@dataclass(frozen=True)
class HistorySet:
    """One stored set with its workout (the message it came from)."""

    workout_start: datetime
    workout_name: str
    day: date
    exercise: str
    position: int
    kind: str
    reps: int
    weight: float
    unit: str
    weight_kg: float
    bodyweight: bool
    rpe: float | None
    seconds: float | None
    distance_m: float | None


def exercise_name(exercise: str) -> str:
    """Return a readable name for a catalogue id or a `custom:` id."""
    if exercise.startswith("custom:"):
        return exercise.removeprefix("custom:").replace("_", " ").capitalize()
    return display_name(exercise)


def _num(value: float | None) -> str:
    return "" if value is None else f"{round(value, 4):.12g}"


def sets_csv(sets: Sequence[HistorySet]) -> bytes:
    """Return one CSV row per set, in the layout `core.importers` reads back."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COACH_HEADER)
    for s in sets:
        writer.writerow(
            [
                s.workout_start.isoformat(),
                " ".join(s.workout_name.split())[:200],
                s.day.isoformat(),
                s.exercise,
                exercise_name(s.exercise),
                s.position,
                s.kind,
                s.reps,
                _num(s.weight),
                s.unit,
                _num(s.weight_kg),
                "true" if s.bodyweight else "false",
                _num(s.rpe),
                _num(s.seconds),
                _num(s.distance_m),
            ]
        )
    return out.getvalue().encode("utf-8")


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def everything_json(
    tables: Mapping[str, Sequence[Mapping[str, Any]]], exported_at: datetime
) -> bytes:
    """Return every table's rows about the person as one JSON document."""
    document = {
        "exported_at": exported_at.isoformat(),
        "note": "Everything this coach stores about you, table by table.",
        "tables": {name: [dict(row) for row in rows] for name, rows in tables.items()},
    }
    return json.dumps(document, ensure_ascii=False, indent=1, default=_plain).encode("utf-8")
