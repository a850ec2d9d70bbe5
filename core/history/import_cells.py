"""Reading one cell of an export: numbers within the chat parser's limits, dates, units.

A cell that cannot be read raises `CellError`; the file reader turns it into a refusal
that names the line.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import get_args

from core.recording.cardio import MAX_HR, MAX_MINUTES, MIN_HR
from core.recording.entries import Modality, Unit, to_kg
from core.recording.set_notation import MAX_LOAD_KG, MAX_REPS, MAX_RPE, MIN_RPE

KM_IN_M = 1000.0
MILE_IN_M = 1609.344
# The chat parser's limits hold for imported rows too; a number past them is a broken
# file, and one such row would break plans and reminders for good.
MAX_SECONDS = MAX_MINUTES * 60
MAX_DISTANCE_M = 1_000_000.0  # 1000 km: more than anyone covers in one go
MAX_ACTIVITY_CHARS = 32  # cardio_sessions.activity's width
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d %b %Y, %H:%M", "%d %b %Y %H:%M")


class CellError(Exception):
    """A cell that cannot be read; becomes `Unreadable` with the line number."""


def number(value: str | None, what: str) -> float:
    """Return the cell as a finite number at or above zero (0 when empty)."""
    text = (value or "").strip().replace(",", ".")
    if not text:
        return 0.0
    try:
        found = float(text)
    except ValueError as exc:
        raise CellError(f"{what} “{text[:20]}” is not a number") from exc
    if not math.isfinite(found):
        raise CellError(f"{what} “{text[:20]}” is not a number")
    if found < 0:
        raise CellError(f"{what} “{text[:20]}” is below zero")
    return found


def _optional(value: str | None, what: str) -> float | None:
    return number(value, what) or None


def reps(value: str | None) -> int:
    count = number(value, "reps")
    if count != int(count):
        raise CellError(f"reps “{(value or '').strip()[:20]}” is not a whole number")
    if count > MAX_REPS:
        raise CellError(
            f"reps “{(value or '').strip()[:20]}” is over {MAX_REPS}, more than one set holds"
        )
    return int(count)


def weight(value: str | None, unit: Unit) -> float:
    load = number(value, "weight")
    if to_kg(load, unit) > MAX_LOAD_KG:
        raise CellError(
            f"weight “{(value or '').strip()[:20]}” {unit} is over {MAX_LOAD_KG} kg, "
            "more than anyone lifts"
        )
    return load


def added_load(value: str | None, unit: Unit) -> float:
    """Return the load of a bodyweight set: added (`10`), or a machine's help (`-30`)."""
    text = (value or "").strip()
    if text.startswith("-"):
        return -weight(text[1:], unit)
    return weight(text, unit)


def rpe(value: str | None) -> float | None:
    found = _optional(value, "RPE")
    if found is not None and not MIN_RPE <= found <= MAX_RPE:
        raise CellError(f"RPE “{(value or '').strip()[:20]}” is not {MIN_RPE} to {MAX_RPE}")
    return found


def seconds(value: str | None) -> float | None:
    found = number(value, "seconds")
    if found > MAX_SECONDS:
        raise CellError(f"seconds “{(value or '').strip()[:20]}” is over {MAX_SECONDS:g} seconds")
    return found or None


def distance(value: str | None, scale: float) -> float | None:
    """Return the distance in metres (the cell is in `scale` metres), or None."""
    metres = number(value, "distance") * scale
    if metres > MAX_DISTANCE_M:
        raise CellError(f"distance “{(value or '').strip()[:20]}” is over 1000 km")
    return metres or None


def when(value: str | None) -> datetime:
    """Return the date and time in the cell, naive unless it carries an offset."""
    text = (value or "").strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise CellError(f"date “{text[:30]}” is not a date I can read") from exc


def day(value: str | None) -> date | None:
    """Return the date in a `YYYY-MM-DD` cell, or None when it is empty."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CellError(f"day “{text[:30]}” is not a date I can read") from exc


def instant(value: str | None) -> datetime | None:
    """Return the date and time in the cell like `when`, or None when it is empty."""
    return when(value) if (value or "").strip() else None


def modality(value: str | None) -> Modality:
    """Return the kind of a cardio session: zone2, hiit, walk or other."""
    text = (value or "").strip().lower()
    kinds: tuple[Modality, ...] = get_args(Modality)
    for kind in kinds:
        if text == kind:
            return kind
    raise CellError(f"cardio “{text[:20]}” is not {', '.join(kinds[:-1])} or {kinds[-1]}")


def activity(value: str | None) -> str | None:
    text = (value or "").strip()
    if len(text) > MAX_ACTIVITY_CHARS:
        raise CellError(f"activity “{text[:20]}…” is over {MAX_ACTIVITY_CHARS} characters")
    return text or None


def minutes(value: str | None, what: str = "minutes") -> float:
    """Return a cardio session's minutes: above zero and within the chat parser's limit."""
    found = number(value, what)
    if found <= 0:
        raise CellError(f"a cardio session of {found:g} {what} is no session")
    if found > MAX_MINUTES:
        raise CellError(f"{what} “{(value or '').strip()[:20]}” is over {MAX_MINUTES} minutes")
    return found


def part_minutes(value: str | None, what: str) -> float | None:
    """Return minutes spent in a heart-rate zone (0 is kept: none in it), or None."""
    if not (value or "").strip():
        return None
    found = number(value, what)
    if found > MAX_MINUTES:
        raise CellError(f"{what} “{(value or '').strip()[:20]}” is over {MAX_MINUTES} minutes")
    return found


def heart_rate(value: str | None, what: str) -> int | None:
    """Return a heart rate in beats a minute, as the chat parser allows them, or None."""
    if not (value or "").strip():
        return None
    found = number(value, what)
    if found != int(found) or not MIN_HR <= found <= MAX_HR:
        raise CellError(
            f"{what} “{(value or '').strip()[:20]}” is not a whole {MIN_HR} to {MAX_HR} bpm"
        )
    return int(found)


def duration(value: str | None) -> float | None:
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


def stated_unit(value: str | None) -> Unit | None:
    """Return the unit a cell names, or None when it names none."""
    text = (value or "").strip().lower()
    if text in ("lb", "lbs"):
        return "lb"
    if text in ("kg", "kgs"):
        return "kg"
    return None


def unit(value: str | None, default: Unit) -> Unit:
    return stated_unit(value) or default
