"""Everything the coach holds about a person, as a CSV of sets and a JSON document."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from core.history.exercise_names import exercise_name
from core.history.import_layouts import CARDIO_KIND, COACH_HEADER
from core.history.sets import HistorySet

Tables = Mapping[str, Sequence[Mapping[str, Any]]]


@dataclass(frozen=True)
class CardioRow:
    """A stored cardio session with the log it came from, as the CSV writes it."""

    workout_start: datetime
    workout_name: str
    day: date
    modality: str  # zone2, hiit, walk, other
    activity: str | None
    minutes: float
    avg_hr: int | None
    zone2_minutes: float | None = None  # from an activity file, as are the three after it
    above_minutes: float | None = None
    max_hr: int | None = None
    file_start: datetime | None = None


def cardio_rows(tables: Tables) -> list[CardioRow]:
    """Return the cardio sessions in `tables` (what `dump` gives), oldest first."""
    messages = {m["id"]: m for m in tables.get("messages", ())}
    rows = [
        CardioRow(
            _aware(m["sent_at"]),
            m["text"],
            c["day"],
            c["modality"],
            c["activity"],
            c["minutes"],
            c["avg_hr"],
            c.get("zone2_minutes"),
            c.get("above_minutes"),
            c.get("max_hr"),
            _aware(c["file_start"]) if c.get("file_start") else None,
        )
        for c in tables.get("cardio_sessions", ())
        if (m := messages.get(c["message_id"])) is not None and not m.get("undone")
    ]
    return sorted(rows, key=lambda r: (r.day, r.workout_start.isoformat()))


def _num(value: float | None) -> str:
    return "" if value is None else f"{round(value, 4):.12g}"


def _aware(at: datetime) -> datetime:
    # SQLite's rows, read without the model's types, give back UTC wall time without a zone.
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at


def _int(value: int | None) -> str:
    return "" if value is None else str(value)


def workout_name(text: str) -> str:
    return " ".join(text.split())[:200]


def sets_csv(sets: Sequence[HistorySet], cardio: Sequence[CardioRow] = ()) -> bytes:
    """Return one CSV row per set and per cardio session, as `import_layouts.coach` reads.

    A cardio row has set_kind `cardio`, the modality as its exercise, the activity as its
    name, the session's time in seconds and in minutes, its average heart rate and, from
    an activity file, its minutes in Zone 2 and above it, maximum heart rate and start.
    A set leaves the cardio columns empty.
    """
    no_cardio = [""] * (len(COACH_HEADER) - COACH_HEADER.index("avg_hr"))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COACH_HEADER)
    for row in sets:
        s = row.stored
        writer.writerow(
            [
                row.workout_start.isoformat(),
                workout_name(row.workout_name),
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
                *no_cardio,
            ]
        )
    for c in cardio:
        writer.writerow(
            [
                c.workout_start.isoformat(),
                workout_name(c.workout_name),
                c.day.isoformat(),
                c.modality,
                c.activity or "",
                1,
                CARDIO_KIND,
                "",
                "",
                "",
                "",
                "false",
                "",
                _num(c.minutes * 60),
                "",
                _int(c.avg_hr),
                _num(c.minutes),
                _num(c.zone2_minutes),
                _num(c.above_minutes),
                _int(c.max_hr),
                c.file_start.isoformat() if c.file_start else "",
            ]
        )
    return out.getvalue().encode("utf-8")


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def everything_json(tables: Tables, exported_at: datetime) -> bytes:
    """Return every table's rows about the person as one JSON document."""
    document = {
        "exported_at": exported_at.isoformat(),
        "note": "Everything this coach stores about you, table by table.",
        "tables": {name: [dict(row) for row in rows] for name, rows in tables.items()},
    }
    return json.dumps(document, ensure_ascii=False, indent=1, default=_plain).encode("utf-8")
