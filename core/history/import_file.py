"""Workout-app exports (Strong, Hevy, our own) read into plain workouts.

Pure: bytes in, `ReadExport` out. The format is told by the header row and its
delimiter; a file that cannot be read whole is `Unreadable` with a message a person
can act on, and nothing of it is used.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from core.history.import_cells import CellError
from core.history.import_layouts import detect
from core.history.import_values import ImportedSet, ImportedWorkout, ReadExport, Unreadable
from core.recording.entries import CardioEntry, Unit

MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class _Draft:
    start: datetime
    name: str
    duration_s: float | None
    day: date | None
    sets: list[ImportedSet] = field(default_factory=list)
    cardio: list[CardioEntry] = field(default_factory=list)


def file_text(data: bytes) -> str:
    """Return the file's text: UTF-8 (with or without BOM), UTF-16, or Latin-1."""
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d])


def read_export(data: bytes, default_unit: Unit = "kg") -> ReadExport | Unreadable:
    """Return the workouts in a Strong, Hevy or Coach CSV export, or why it can't be read."""
    if len(data) > MAX_FILE_BYTES:
        return Unreadable("That file is over 20 MB, too big for me to read.")
    text = file_text(data)
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        return Unreadable("That file is empty.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error:
        return Unreadable("That file isn't a CSV file I can read.")
    found = detect(header)
    if found is None:
        return Unreadable(
            "I can't tell what app that file is from. I read the CSV exports of Strong "
            "(Settings → Export data) and Hevy (Settings → Export & import data), and my "
            "own /export."
        )
    app, layout_for = found
    layout, read_row = layout_for(set(header), default_unit)
    drafts: dict[tuple, _Draft] = {}
    skipped = 0
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < len(header):
                raise CellError(f"it has {len(row)} of {len(header)} columns (cut short?)")
            key, workout, one = read_row(dict(zip(header, row, strict=False)))
            draft = drafts.get(key)
            if draft is None:
                draft = drafts[key] = _Draft(
                    workout.start, workout.name, workout.duration_s, workout.day
                )
            if one is None:
                skipped += 1
            elif isinstance(one, CardioEntry):
                draft.cardio.append(one)
            else:
                draft.sets.append(one)
    except CellError as exc:
        return Unreadable(f"Line {line} of that file can't be read: {exc}. Nothing was imported.")
    except csv.Error as exc:
        return Unreadable(
            f"That file is damaged near line {reader.line_num} ({exc}). Nothing was imported."
        )
    workouts = tuple(
        ImportedWorkout(d.start, d.name, tuple(d.sets), d.duration_s, tuple(d.cardio), d.day)
        for d in sorted(drafts.values(), key=lambda d: d.start)
        if d.sets or d.cardio
    )
    if not workouts:
        return Unreadable("I found no sets in that file, so nothing was imported.")
    return ReadExport(app, layout, workouts, skipped)
