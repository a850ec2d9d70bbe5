"""Workout-app exports (Strong, Hevy, our own) read into plain workouts.

Pure: bytes in, `ReadExport` out. The format is told by the header row and its
delimiter; a file that cannot be read whole is `Unreadable` with a message a person
can act on, and nothing of it is used.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from core.coaching.equipment import BARBELL_LIFTS
from core.recording.cardio import MAX_MINUTES
from core.recording.catalogue import CATALOGUE, resolve
from core.recording.entries import Unit, to_kg
from core.recording.set_notation import MAX_LOAD_KG, MAX_REPS, MAX_RPE, MIN_RPE

SetKind = Literal["normal", "warmup", "failure", "drop"]

MAX_FILE_BYTES = 20 * 1024 * 1024
KM_IN_M = 1000.0
MILE_IN_M = 1609.344
# The chat parser's limits hold for imported rows too; a number past them is a broken
# file, and one such row would break plans and reminders for good.
MAX_SECONDS = MAX_MINUTES * 60
MAX_DISTANCE_M = 1_000_000.0  # 1000 km: more than anyone covers in one go
SKIPPED_SET_ORDERS = {"rest timer", "note", "notes"}
STRONG_KINDS: dict[str, SetKind] = {"w": "warmup", "f": "failure", "d": "drop"}
HEVY_KINDS: dict[str, SetKind] = {
    "normal": "normal",
    "warmup": "warmup",
    "failure": "failure",
    "dropset": "drop",
    "drop": "drop",
}
COACH_HEADER = (
    "workout_start",
    "workout_name",
    "day",
    "exercise",
    "exercise_name",
    "set_order",
    "set_kind",
    "reps",
    "weight",
    "unit",
    "weight_kg",
    "bodyweight",
    "rpe",
    "seconds",
    "distance_m",
)


@dataclass(frozen=True)
class ImportedSet:
    exercise: str  # the app's name for it, as in the file
    kind: SetKind
    reps: int
    weight: float
    unit: Unit
    rpe: float | None = None
    seconds: float | None = None
    distance_m: float | None = None
    exercise_id: str | None = None  # our own export names the id outright
    bodyweight: bool | None = None


@dataclass(frozen=True)
class ImportedWorkout:
    """One workout; `start` is naive local time unless the file gave an offset."""

    start: datetime
    name: str
    sets: tuple[ImportedSet, ...]
    duration_s: float | None = None


@dataclass(frozen=True)
class ReadExport:
    app: str  # "Strong", "Hevy", "Coach"
    layout: str
    workouts: tuple[ImportedWorkout, ...]
    skipped_rows: int = 0

    @property
    def set_count(self) -> int:
        return sum(len(w.sets) for w in self.workouts)


@dataclass(frozen=True)
class Unreadable:
    message: str


@dataclass
class _Draft:
    start: datetime
    name: str
    duration_s: float | None
    sets: list[ImportedSet] = field(default_factory=list)


class _RowError(Exception):
    """A cell that cannot be read; becomes `Unreadable` with the line number."""


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _number(value: str | None, what: str) -> float:
    """Return the cell as a finite number at or above zero (0 when empty)."""
    text = (value or "").strip().replace(",", ".")
    if not text:
        return 0.0
    try:
        number = float(text)
    except ValueError as exc:
        raise _RowError(f"{what} “{text[:20]}” is not a number") from exc
    if not math.isfinite(number):
        raise _RowError(f"{what} “{text[:20]}” is not a number")
    if number < 0:
        raise _RowError(f"{what} “{text[:20]}” is below zero")
    return number


def _at_most(value: str | None, what: str, limit: float, unit: str) -> float:
    number = _number(value, what)
    if number > limit:
        raise _RowError(f"{what} “{(value or '').strip()[:20]}” is over {limit:g} {unit}")
    return number


def _optional(value: str | None, what: str) -> float | None:
    number = _number(value, what)
    return number or None


def _reps(value: str | None) -> int:
    reps = _number(value, "reps")
    if reps != int(reps):
        raise _RowError(f"reps “{(value or '').strip()[:20]}” is not a whole number")
    if reps > MAX_REPS:
        raise _RowError(
            f"reps “{(value or '').strip()[:20]}” is over {MAX_REPS}, more than one set holds"
        )
    return int(reps)


def _weight(value: str | None, unit: Unit) -> float:
    weight = _number(value, "weight")
    if to_kg(weight, unit) > MAX_LOAD_KG:
        raise _RowError(
            f"weight “{(value or '').strip()[:20]}” {unit} is over {MAX_LOAD_KG} kg, "
            "more than anyone lifts"
        )
    return weight


def _rpe(value: str | None) -> float | None:
    rpe = _optional(value, "RPE")
    if rpe is not None and not MIN_RPE <= rpe <= MAX_RPE:
        raise _RowError(f"RPE “{(value or '').strip()[:20]}” is not {MIN_RPE} to {MAX_RPE}")
    return rpe


def _seconds(value: str | None) -> float | None:
    return _at_most(value, "seconds", MAX_SECONDS, "seconds") or None


def _distance(value: str | None, scale: float) -> float | None:
    """Return the distance in metres (the cell is in `scale` metres), or None."""
    metres = _number(value, "distance") * scale
    if metres > MAX_DISTANCE_M:
        raise _RowError(f"distance “{(value or '').strip()[:20]}” is over 1000 km")
    return metres or None


DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d %b %Y, %H:%M", "%d %b %Y %H:%M")


def _date(value: str | None) -> datetime:
    text = (value or "").strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise _RowError(f"date “{text[:30]}” is not a date I can read") from exc


def _duration(value: str | None) -> float | None:
    """Return seconds from `1h 5m`, `58m`, `3600`, or None."""
    text = (value or "").strip().lower()
    if not text:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    parts = re.findall(r"(\d+)\s*([hms])", text)
    if not parts:
        return None
    scale = {"h": 3600, "m": 60, "s": 1}
    return float(sum(int(n) * scale[u] for n, u in parts))


def _unit(value: str | None, default: Unit) -> Unit:
    text = (value or "").strip().lower()
    if text in ("lb", "lbs"):
        return "lb"
    if text in ("kg", "kgs"):
        return "kg"
    return default


# --- layouts: one function per app, each from a DictReader row ----------------------


def _strong(
    header: set[str], default_unit: Unit
) -> tuple[
    str, Callable[[dict[str, str]], tuple[tuple, ImportedWorkout | None, ImportedSet | None]]
]:
    """Return the layout name and a row reader for any of Strong's four layouts."""
    if "Weight (kg)" in header or "Weight (lbs)" in header:
        weight_col = "Weight (kg)" if "Weight (kg)" in header else "Weight (lbs)"
        layout = "Strong (2024+, quoted)"
        fixed_unit: Unit | None = "kg" if weight_col == "Weight (kg)" else "lb"
    elif "kg" in header:
        weight_col, fixed_unit, layout = "kg", "kg", "Strong (2016)"
    elif "Weight Unit" in header:
        weight_col, fixed_unit, layout = "Weight", None, "Strong (semicolon, with units)"
    else:
        weight_col, fixed_unit, layout = "Weight", None, "Strong (comma)"
    distance_cols = {
        "km": KM_IN_M,
        "Distance (meters)": 1.0,
        "Distance (km)": KM_IN_M,
        "Distance (miles)": MILE_IN_M,
    }
    duration_col = next(
        (c for c in ("Duration (sec)", "Workout Duration", "Duration") if c in header), None
    )

    def read(row: dict[str, str]) -> tuple[tuple, ImportedWorkout | None, ImportedSet | None]:
        order = (row.get("Set Order") or "").strip()
        key = (row.get("Workout #") or "", row.get("Date"), row.get("Workout Name") or "")
        start = _date(row.get("Date"))
        workout = ImportedWorkout(
            start,
            (row.get("Workout Name") or "").strip(),
            (),
            _duration(row.get(duration_col)) if duration_col else None,
        )
        name = (row.get("Exercise Name") or "").strip()
        if order.lower() in SKIPPED_SET_ORDERS or not name:
            return key, workout, None
        unit = fixed_unit or _unit(row.get("Weight Unit"), default_unit)
        distance = None
        for column, scale in distance_cols.items():
            if column in header:
                distance = _distance(row.get(column), scale)
        if "Distance" in header:
            unit_text = (row.get("Distance Unit") or "").strip().lower()
            scale = {"km": KM_IN_M, "mi": MILE_IN_M, "miles": MILE_IN_M, "m": 1.0}.get(
                unit_text, KM_IN_M if unit == "kg" else MILE_IN_M
            )
            distance = _distance(row.get("Distance"), scale)
        one = ImportedSet(
            exercise=name,
            kind=STRONG_KINDS.get(order.lower(), "normal"),
            reps=_reps(row.get("Reps")),
            weight=_weight(row.get(weight_col), unit),
            unit=unit,
            rpe=_rpe(row.get("RPE")),
            seconds=_seconds(row.get("Seconds")),
            distance_m=distance,
        )
        return key, workout, one

    return layout, read


def _hevy(header: set[str], default_unit: Unit):  # type: ignore[no-untyped-def]
    weight_col, unit = ("weight_lbs", "lb") if "weight_lbs" in header else ("weight_kg", "kg")
    dist_col, dist_scale = (
        ("distance_miles", MILE_IN_M) if "distance_miles" in header else ("distance_km", KM_IN_M)
    )

    def read(row: dict[str, str]) -> tuple[tuple, ImportedWorkout | None, ImportedSet | None]:
        start = _date(row.get("start_time"))
        end_text = (row.get("end_time") or "").strip()
        duration = (_date(end_text) - start).total_seconds() if end_text else None
        key = (row.get("start_time"), row.get("title") or "")
        workout = ImportedWorkout(start, (row.get("title") or "").strip(), (), duration)
        name = (row.get("exercise_title") or "").strip()
        if not name:
            return key, workout, None
        one = ImportedSet(
            exercise=name,
            kind=HEVY_KINDS.get((row.get("set_type") or "normal").strip().lower(), "normal"),
            reps=_reps(row.get("reps")),
            weight=_weight(row.get(weight_col), unit),  # type: ignore[arg-type]
            unit=unit,  # type: ignore[arg-type]
            rpe=_rpe(row.get("rpe")),
            seconds=_seconds(row.get("duration_seconds")),
            distance_m=_distance(row.get(dist_col), dist_scale),
        )
        return key, workout, one

    return "Hevy", read


def _coach(header: set[str], default_unit: Unit):  # type: ignore[no-untyped-def]
    def read(row: dict[str, str]) -> tuple[tuple, ImportedWorkout | None, ImportedSet | None]:
        start = _date(row.get("workout_start"))
        key = (row.get("workout_start"), row.get("workout_name") or "")
        workout = ImportedWorkout(start, (row.get("workout_name") or "").strip(), ())
        exercise = (row.get("exercise") or "").strip()
        kind = (row.get("set_kind") or "normal").strip()
        unit = _unit(row.get("unit"), default_unit)
        one = ImportedSet(
            exercise=(row.get("exercise_name") or exercise).strip(),
            kind=kind if kind in ("normal", "warmup", "failure", "drop") else "normal",  # type: ignore[arg-type]
            reps=_reps(row.get("reps")),
            weight=_weight(row.get("weight"), unit),
            unit=unit,
            rpe=_rpe(row.get("rpe")),
            seconds=_seconds(row.get("seconds")),
            distance_m=_distance(row.get("distance_m"), 1.0),
            exercise_id=exercise or None,
            bodyweight=(row.get("bodyweight") or "").strip().lower() in ("1", "true", "yes"),
        )
        return key, workout, one

    return "Coach", read


def _detect(header: list[str]) -> tuple[str, Callable] | None:  # type: ignore[type-arg]
    names = {h.strip() for h in header}
    if {"workout_start", "exercise", "set_kind", "reps"} <= names:
        return "Coach", _coach
    if {"title", "start_time", "exercise_title", "set_type", "reps"} <= names:
        return "Hevy", _hevy
    if {"Date", "Exercise Name", "Set Order", "Reps"} <= names:
        return "Strong", _strong
    return None


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d])


def read_export(data: bytes, default_unit: Unit = "kg") -> ReadExport | Unreadable:
    """Return the workouts in a Strong, Hevy or Coach CSV export, or why it can't be read."""
    if len(data) > MAX_FILE_BYTES:
        return Unreadable("That file is over 20 MB, too big for me to read.")
    text = _text(data)
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        return Unreadable("That file is empty.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error:
        return Unreadable("That file isn't a CSV file I can read.")
    found = _detect(header)
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
                raise _RowError(f"it has {len(row)} of {len(header)} columns (cut short?)")
            record = dict(zip(header, row, strict=False))
            key, workout, one = read_row(record)
            draft = drafts.get(key)
            if draft is None and workout is not None:
                draft = drafts[key] = _Draft(workout.start, workout.name, workout.duration_s)
            if one is None:
                skipped += 1
            elif draft is not None:
                draft.sets.append(one)
    except _RowError as exc:
        return Unreadable(f"Line {line} of that file can't be read: {exc}. Nothing was imported.")
    except csv.Error as exc:
        return Unreadable(
            f"That file is damaged near line {reader.line_num} ({exc}). Nothing was imported."
        )
    workouts = tuple(
        ImportedWorkout(d.start, d.name, tuple(d.sets), d.duration_s)
        for d in sorted(drafts.values(), key=lambda d: d.start)
        if d.sets
    )
    if not workouts:
        return Unreadable("I found no sets in that file, so nothing was imported.")
    return ReadExport(app, layout, workouts, skipped)


# --- names: the app's exercise names onto the catalogue ------------------------------

# Words in brackets that change what the exercise is, so it stays custom.
_KEEP_CUSTOM = {"assisted", "band", "bodyweight", "smith machine", "smith"}
_EQUIPMENT_PREFIX = {"dumbbell": "dumbbell", "kettlebell": "kb", "barbell": "barbell"}


_DUMBBELL_TWIN = {
    "bench_press": "dumbbell_bench_press",
    "barbell_row": "dumbbell_row",
    "squat": "goblet_squat",
    "incline_bench_press": "incline_bench_press",
    "romanian_deadlift": "romanian_deadlift",
}


def custom_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:50] or "exercise"
    return f"custom:{slug}"


def map_exercise(name: str) -> str:
    """Return the catalogue id for an app's exercise name, or a `custom:` id."""
    if name in CATALOGUE or name.startswith("custom:"):
        return name
    match = re.fullmatch(r"\s*(.*?)\s*\(([^)]*)\)\s*", name)
    base, equipment = (match[1], match[2].strip().lower()) if match else (name.strip(), "")
    if equipment in _KEEP_CUSTOM:
        return custom_id(name)
    candidates = []
    if equipment in _EQUIPMENT_PREFIX:
        candidates.append(f"{_EQUIPMENT_PREFIX[equipment]} {base}")
        candidates.append(f"{equipment} {base}")
    candidates.append(base)
    for candidate in candidates:
        exercise = resolve(candidate)
        if exercise is None:
            continue
        if equipment in ("", "barbell") or exercise.id not in BARBELL_LIFTS:
            return exercise.id
        # A barbell lift done with other gear: its dumbbell twin, else its own exercise.
        if equipment == "dumbbell" and exercise.id in _DUMBBELL_TWIN:
            return _DUMBBELL_TWIN[exercise.id]
        break
    return custom_id(name)


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


@dataclass(frozen=True)
class NewSet:
    exercise: str  # catalogue id or custom:…
    position: int
    kind: SetKind
    reps: int
    weight: float
    unit: Unit
    weight_kg: float
    bodyweight: bool
    rpe: float | None
    seconds: float | None
    distance_m: float | None


@dataclass(frozen=True)
class NewWorkout:
    """An imported workout ready to store: one messages row with platform "import"."""

    key: str  # workout_key: the content's
    text: str
    started_at: datetime  # timezone-aware
    day: date
    sets: tuple[NewSet, ...]
    legacy_key: str = ""  # how an import before content keys stored this workout
