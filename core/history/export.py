"""Everything the coach holds about a person, as a CSV of sets and a JSON document."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from core.history.exercise_names import exercise_name
from core.history.import_layouts import COACH_HEADER
from core.history.sets import HistorySet


def _num(value: float | None) -> str:
    return "" if value is None else f"{round(value, 4):.12g}"


def sets_csv(sets: Sequence[HistorySet]) -> bytes:
    """Return one CSV row per set, as `import_layouts.coach` reads them back."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COACH_HEADER)
    for row in sets:
        s = row.stored
        writer.writerow(
            [
                row.workout_start.isoformat(),
                " ".join(row.workout_name.split())[:200],
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
