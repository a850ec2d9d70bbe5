"""Rows as the tables hold them, and stored values as the core reads them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, exists
from sqlalchemy.sql.expression import ColumnCollection

from core.accounts.profile import Profile
from core.coaching.equipment import Gear
from core.history.import_values import NewSet
from core.messages import IncomingMessage
from core.ports import StoredMessage
from core.recording.entries import SetEntry, Unit
from storage.history_models import EquipmentRow
from storage.models import ExerciseName


def profile_columns(u: ColumnCollection) -> tuple[ColumnElement, ...]:
    gear = exists().where(EquipmentRow.user_id == u.id).label("has_equipment")  # type: ignore[arg-type]
    names = exists().where(ExerciseName.user_id == u.id).label("has_names")  # type: ignore[arg-type]
    return (
        *(u.id, u.units, u.timezone, u.age, u.bodyweight_kg, u.onboarding_step, u.paused),
        *(u.notation, u.program, u.max_hr, u.rest_hr, u.units_since, gear, names),
    )


def profile_of(row: Row) -> Profile:
    return Profile(
        user_id=row.id,
        units="lb" if row.units == "lb" else "kg",
        timezone=row.timezone,
        age=row.age,
        bodyweight_kg=row.bodyweight_kg,
        onboarding_step=row.onboarding_step,
        paused=row.paused,
        has_equipment=bool(row.has_equipment),
        notation=row.notation if row.notation in ("sets-reps", "reps-sets") else None,
        program=row.program,
        max_hr=row.max_hr,
        rest_hr=row.rest_hr,
        units_since=row.units_since,
        has_names=bool(row.has_names),
    )


def plates_text(gear: Gear) -> str:
    return ",".join(f"{p:g}" if n is None else f"{p:g}x{n}" for p, n in gear.plates)


def plates_of(text: str) -> tuple[tuple[float, int | None], ...]:
    out: list[tuple[float, int | None]] = []
    for part in filter(None, text.split(",")):
        plate, _, pairs = part.partition("x")
        out.append((float(plate), int(pairs) if pairs else None))
    return tuple(out)


def gear_of(row: EquipmentRow) -> Gear:
    unit: Unit = "lb" if row.unit == "lb" else "kg"
    kind = row.kind if row.kind in ("plates", "steps", "stack") else "steps"
    return Gear(unit, kind, row.bar, plates_of(row.plates), row.step, row.start)  # type: ignore[arg-type]


def message_row(
    user_id: int,
    platform: str,
    platform_message_id: str,
    text: str,
    sent_at: datetime,
    received_at: datetime,
    recorded: bool,
) -> dict[str, object]:
    """Return a new messages row (not undone): a chat message, or an imported workout."""
    return {
        "user_id": user_id,
        "platform": platform,
        "platform_message_id": platform_message_id,
        "text": text,
        "sent_at": sent_at,
        "received_at": received_at,
        "recorded": recorded,
        "undone": False,
    }


def incoming_row(
    user_id: int, message: IncomingMessage, now: datetime, recorded: bool
) -> dict[str, object]:
    return message_row(
        user_id, message.platform, message.message_id, message.text, message.sent_at, now, recorded
    )


def strength_set_row(
    user_id: int,
    message_id: int,
    day: date,
    performed_at: datetime,
    exercise: str,
    position: int,
    s: SetEntry | NewSet,
) -> dict[str, object]:
    """Return a strength_sets row for a set typed in chat or one of an imported workout.

    A set typed in chat is "normal" or, labelled so, a "warmup"; only an imported set has
    another kind, seconds or a distance.
    """
    row: dict[str, object] = {
        "user_id": user_id,
        "message_id": message_id,
        "exercise": exercise,
        "day": day,
        "performed_at": performed_at,
        "position": position,
        "reps": s.reps,
        "weight": s.weight,
        "unit": s.unit,
        "weight_kg": s.weight_kg,
        "bodyweight": s.bodyweight,
        "rpe": s.rpe,
        "set_kind": "warmup" if isinstance(s, SetEntry) and s.warmup else "normal",
        "seconds": None,
        "distance_m": None,
    }
    if isinstance(s, NewSet):
        row.update(set_kind=s.kind, seconds=s.seconds, distance_m=s.distance_m)
    return row


def stored_message(row: Any) -> StoredMessage:
    """A message row: the ORM object or a row of its columns."""
    assert row.id is not None
    owed = row.replies if not row.answered else None
    return StoredMessage(
        row.id, row.user_id, row.text, row.sent_at, row.recorded, row.undone, owed, row.choices
    )
