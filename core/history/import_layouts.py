"""The column layouts of Strong, Hevy and our own export, each read a row at a time.

`detect` tells the app from the header row; the app's layout function returns the
layout's name and a reader turning one row into (workout key, workout, item), the item
a set, a cardio session (our own export only) or None for a row that is neither.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import get_args

from core.history import import_cells as cells
from core.history.import_cells import KM_IN_M, MILE_IN_M
from core.history.import_values import ImportedSet, ImportedWorkout, SetKind
from core.recording.entries import CardioEntry, Unit

Row = dict[str, str]
Item = ImportedSet | CardioEntry | None
RowReader = Callable[[Row], tuple[tuple, ImportedWorkout, Item]]
Layout = Callable[[set[str], Unit], tuple[str, RowReader]]

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
    "avg_hr",  # cardio rows only, as are the columns after it
    "minutes",
    "zone2_minutes",  # from an activity file: minutes in the person's Zone 2
    "above_minutes",  # and above it
    "max_hr",
    "file_start",  # the activity file's start
)
# Our own export's row for a cardio session, not a set: the modality is its exercise,
# the activity its exercise name; an export before the minutes column gives seconds.
CARDIO_KIND = "cardio"


def strong(header: set[str], default_unit: Unit) -> tuple[str, RowReader]:
    """Return the layout name and a row reader for any of Strong's four layouts."""
    fixed_unit: Unit | None
    if "Weight (kg)" in header or "Weight (lbs)" in header:
        weight_col = "Weight (kg)" if "Weight (kg)" in header else "Weight (lbs)"
        layout = "Strong (2024+, quoted)"
        fixed_unit = "kg" if weight_col == "Weight (kg)" else "lb"
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

    def read(row: Row) -> tuple[tuple, ImportedWorkout, ImportedSet | None]:
        order = (row.get("Set Order") or "").strip()
        key = (row.get("Workout #") or "", row.get("Date"), row.get("Workout Name") or "")
        workout = ImportedWorkout(
            cells.when(row.get("Date")),
            (row.get("Workout Name") or "").strip(),
            (),
            cells.duration(row.get(duration_col)) if duration_col else None,
        )
        name = (row.get("Exercise Name") or "").strip()
        if order.lower() in SKIPPED_SET_ORDERS or not name:
            return key, workout, None
        stated = fixed_unit or cells.stated_unit(row.get("Weight Unit"))
        unit = stated or default_unit
        distance = None
        for column, scale in distance_cols.items():
            if column in header:
                distance = cells.distance(row.get(column), scale)
        if "Distance" in header:
            unit_text = (row.get("Distance Unit") or "").strip().lower()
            scale = {"km": KM_IN_M, "mi": MILE_IN_M, "miles": MILE_IN_M, "m": 1.0}.get(
                unit_text, KM_IN_M if unit == "kg" else MILE_IN_M
            )
            distance = cells.distance(row.get("Distance"), scale)
        one = ImportedSet(
            exercise=name,
            kind=STRONG_KINDS.get(order.lower(), "normal"),
            reps=cells.reps(row.get("Reps")),
            weight=cells.weight(row.get(weight_col), unit),
            unit=unit,
            rpe=cells.rpe(row.get("RPE")),
            seconds=cells.seconds(row.get("Seconds")),
            distance_m=distance,
            unit_stated=stated is not None,
        )
        return key, workout, one

    return layout, read


def hevy(header: set[str], default_unit: Unit) -> tuple[str, RowReader]:
    """Return Hevy's layout: its weight column says the unit, whatever the user's."""
    unit: Unit = "lb" if "weight_lbs" in header else "kg"
    weight_col = "weight_lbs" if unit == "lb" else "weight_kg"
    dist_col, dist_scale = (
        ("distance_miles", MILE_IN_M) if "distance_miles" in header else ("distance_km", KM_IN_M)
    )

    def read(row: Row) -> tuple[tuple, ImportedWorkout, ImportedSet | None]:
        start = cells.when(row.get("start_time"))
        end_text = (row.get("end_time") or "").strip()
        duration = (cells.when(end_text) - start).total_seconds() if end_text else None
        key = (row.get("start_time"), row.get("title") or "")
        workout = ImportedWorkout(start, (row.get("title") or "").strip(), (), duration)
        name = (row.get("exercise_title") or "").strip()
        if not name:
            return key, workout, None
        one = ImportedSet(
            exercise=name,
            kind=HEVY_KINDS.get((row.get("set_type") or "normal").strip().lower(), "normal"),
            reps=cells.reps(row.get("reps")),
            weight=cells.weight(row.get(weight_col), unit),
            unit=unit,
            rpe=cells.rpe(row.get("rpe")),
            seconds=cells.seconds(row.get("duration_seconds")),
            distance_m=cells.distance(row.get(dist_col), dist_scale),
        )
        return key, workout, one

    return "Hevy", read


def coach(header: set[str], default_unit: Unit) -> tuple[str, RowReader]:
    """Return our own /export's layout: it names the catalogue id of each exercise."""
    kinds: tuple[str, ...] = get_args(SetKind)

    def read(row: Row) -> tuple[tuple, ImportedWorkout, Item]:
        key = (row.get("workout_start"), row.get("workout_name") or "")
        workout = ImportedWorkout(
            cells.when(row.get("workout_start")),
            (row.get("workout_name") or "").strip(),
            (),
            day=cells.day(row.get("day")),
        )
        exercise = (row.get("exercise") or "").strip()
        kind = (row.get("set_kind") or "normal").strip()
        if kind == CARDIO_KIND:  # never a lift
            return key, workout, _cardio(row)
        stated = cells.stated_unit(row.get("unit"))
        unit = stated or default_unit
        bodyweight = (row.get("bodyweight") or "").strip().lower() in ("1", "true", "yes")
        load = cells.added_load if bodyweight else cells.weight  # help is below bodyweight
        one = ImportedSet(
            exercise=(row.get("exercise_name") or exercise).strip(),
            kind=kind if kind in kinds else "normal",  # type: ignore[arg-type]
            reps=cells.reps(row.get("reps")),
            weight=load(row.get("weight"), unit),
            unit=unit,
            rpe=cells.rpe(row.get("rpe")),
            seconds=cells.seconds(row.get("seconds")),
            distance_m=cells.distance(row.get("distance_m"), 1.0),
            exercise_id=exercise or None,
            bodyweight=bodyweight,
            unit_stated=stated is not None,
        )
        return key, workout, one

    return "Coach", read


def _cardio(row: Row) -> CardioEntry:
    """Return the cardio session of one of our own export's cardio rows."""
    if (row.get("minutes") or "").strip():
        minutes = cells.minutes(row.get("minutes"))
    else:
        seconds = cells.seconds(row.get("seconds"))
        if seconds is None:
            raise cells.CellError("a cardio session with no minutes is no session")
        minutes = seconds / 60
    return CardioEntry(
        modality=cells.modality(row.get("exercise")),
        minutes=minutes,
        activity=cells.activity(row.get("exercise_name")),
        avg_hr=cells.heart_rate(row.get("avg_hr"), "average heart rate"),
        zone2_minutes=cells.part_minutes(row.get("zone2_minutes"), "Zone 2 minutes"),
        above_minutes=cells.part_minutes(row.get("above_minutes"), "minutes above Zone 2"),
        max_hr=cells.heart_rate(row.get("max_hr"), "maximum heart rate"),
        started=cells.instant(row.get("file_start")),
    )


def detect(header: list[str]) -> tuple[str, Layout] | None:
    """Return the app and its layout function for a header row, or None if unknown."""
    names = {h.strip() for h in header}
    if {"workout_start", "exercise", "set_kind", "reps"} <= names:
        return "Coach", coach
    if {"title", "start_time", "exercise_title", "set_type", "reps"} <= names:
        return "Hevy", hevy
    if {"Date", "Exercise Name", "Set Order", "Reps"} <= names:
        return "Strong", strong
    return None
