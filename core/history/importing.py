"""Importing a Strong, Hevy or Coach file sent to the chat: all or nothing, never twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from core.conversation.results import HandleResult
from core.formatting import plural
from core.history.exercise_names import map_exercise
from core.history.export import workout_name
from core.history.import_file import file_text, read_export
from core.history.import_pending import PendingImport
from core.history.import_units import TooHeavy, too_heavy_in_kg
from core.history.import_values import NewSet, NewWorkout, ReadExport, Unreadable
from core.history.workout_keys import earlier_workout_keys, workout_key
from core.messages import Attachment, Choice, Reply
from core.recording.catalogue import CATALOGUE, display_name
from core.recording.entries import CardioEntry, Unit, to_kg

if TYPE_CHECKING:
    from core.conversation.context import Context

LISTED_NAMES = 12  # names shown per list in the import summary
# The buttons under "these look like pounds": (label, what /import ID … is sent with).
UNIT_CHOICES = (("Read as lb", "lb"), ("Read as kg", "kg"), ("Cancel", "cancel"))


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(names[:LISTED_NAMES])
    more = len(names) - LISTED_NAMES
    return f"{shown} and {more} more" if more > 0 else shown


def _cardio_count(count: int) -> str:
    return f"{count} cardio session{'' if count == 1 else 's'}"


def _new_workouts(ctx: Context, found: ReadExport) -> tuple[list[NewWorkout], dict[str, str]]:
    zone = ctx.profile.zone

    def aware(c: CardioEntry) -> CardioEntry:
        if c.started is None or c.started.tzinfo:
            return c
        return replace(c, started=c.started.replace(tzinfo=zone))

    mapping: dict[str, str] = {}
    out: dict[str, NewWorkout] = {}
    for workout in found.workouts:
        started = workout.start if workout.start.tzinfo else workout.start.replace(tzinfo=zone)
        sets = []
        for position, s in enumerate(workout.sets, 1):
            exercise = s.exercise_id or mapping.setdefault(s.exercise, map_exercise(s.exercise))
            if s.exercise_id is None:
                mapping[s.exercise] = exercise
            catalogued = CATALOGUE.get(exercise)
            bodyweight = (
                s.bodyweight
                if s.bodyweight is not None
                else bool(catalogued and catalogued.bodyweight)
            )
            sets.append(
                NewSet(
                    exercise,
                    position,
                    s.kind,
                    s.reps,
                    s.weight,
                    s.unit,
                    round(to_kg(s.weight, s.unit), 4),
                    bodyweight,
                    s.rpe,
                    s.seconds,
                    s.distance_m,
                )
            )
        name = workout.name or "Workout"
        # Our own export names each log by its text, which is kept as it was (even empty).
        text = workout.name if found.app == "Coach" else f"{name} (imported from {found.app})"
        key = workout_key(workout)
        earlier = earlier_workout_keys(ctx.profile.user_id, workout)
        day = workout.day or started.astimezone(zone).date()
        cardio = tuple(aware(c) for c in workout.cardio)
        out[key] = NewWorkout(key, text, started, day, tuple(sets), earlier, cardio)
    return list(out.values()), mapping


async def import_attachment(ctx: Context, attachment: Attachment) -> HandleResult:
    """Import a Strong, Hevy or Coach CSV export; all or nothing, never twice.

    The status says what came of it: "recorded" when workouts were stored, "answered"
    when all of them were imported before or the unit is asked first, "refused" when the
    file can't be read.
    """
    found = read_export(attachment.data, ctx.profile.units)
    filename = attachment.filename[:60] or "that file"
    if isinstance(found, Unreadable):
        return HandleResult(
            (Reply(f"❌ I couldn't import {filename}. {found.message}"),), "refused"
        )
    heavy = too_heavy_in_kg(found)
    if heavy:
        as_lb = read_export(attachment.data, "lb")
        known = await _imported_reading(ctx, [found, as_lb])
        if known is None:
            return await _ask_unit(ctx, attachment, found, heavy)
        found = known  # imported before, read one way: the person said which then
    return await import_read(ctx, found)


async def _imported_reading(
    ctx: Context, readings: Sequence[ReadExport | Unreadable]
) -> ReadExport | None:
    """Return the reading of a file of which some workout is already imported, if any."""
    for reading in readings:
        if isinstance(reading, ReadExport):
            workouts, _ = _new_workouts(ctx, reading)
            keys = [k for w in workouts for k in w.keys]
            if await ctx.uow.history.imported_keys(ctx.profile.user_id, keys):
                return reading
    return None


async def _ask_unit(
    ctx: Context, attachment: Attachment, found: ReadExport, heavy: Sequence[TooHeavy]
) -> HandleResult:
    """Keep the file and ask whether its loads are pounds; nothing of it is stored yet."""
    content = file_text(attachment.data).replace("\x00", "")  # PostgreSQL text holds no NUL
    pending = PendingImport(ctx.message_id, attachment.filename, content)
    await ctx.uow.pending_imports.keep(ctx.profile.user_id, pending, ctx.now)
    lifts = ", ".join(f"{display_name(h.exercise).lower()} mostly {h.median:g}" for h in heavy)
    text = (
        f"📥 {found.layout} export: {len(found.workouts)} workouts, {found.set_count} sets.\n"
        f"❓ The file doesn't say kg or lb, and in kg these loads are more than almost anyone "
        f"lifts ({lifts}). They look like pounds: read them as lb? Nothing is stored until "
        "you tap."
    )
    choices = tuple(
        Choice(label, f"/import {ctx.message_id} {answer}") for label, answer in UNIT_CHOICES
    )
    return HandleResult((Reply(text, choices, private=True),), "answered")


async def import_read(ctx: Context, found: ReadExport, read_as: Unit | None = None) -> HandleResult:
    """Store the workouts of a read export not imported before; return the summary.

    `read_as` is the unit the person chose for a file that names none.
    """
    workouts, mapping = _new_workouts(ctx, found)
    store = ctx.uow.history
    keys = [k for w in workouts for k in w.keys]
    stored = await store.imported_keys(ctx.profile.user_id, keys)
    new = [w for w in workouts if not set(w.keys) & stored]
    if found.app == "Coach":
        # Our own export sent back to the same history: its logs are there as typed.
        logged = await store.logged_at(ctx.profile.user_id, [w.started_at for w in new])
        same = {(at, workout_name(text)) for at, text in logged}
        new = [w for w in new if (w.started_at, w.text) not in same]
    existing = len(workouts) - len(new)
    # The file's own message stays unrecorded: it holds no sets, each workout is its own
    # log, so /undo takes back a workout (newest first), never an empty "log".
    await store.add_workouts(ctx.profile.user_id, new, ctx.now)
    kinds = Counter(s.kind for w in new for s in w.sets)
    exercises = sorted({s.exercise for w in workouts for s in w.sets})
    days = [w.day for w in workouts]
    cardio = f", {_cardio_count(found.cardio_count)}" if found.cardio_count else ""
    lines = [
        f"📥 {found.layout} export: {plural(len(workouts), 'workout')}, "
        f"{plural(found.set_count, 'set')}{cardio}, {plural(len(exercises), 'exercise')}, "
        f"{min(days):%d %b %Y} – {max(days):%d %b %Y}."
    ]
    if not new:
        lines.append("All of it is already in your history, so nothing changed.")
        return HandleResult((Reply("\n".join(lines), private=True),), "answered")
    new_cardio = sum(len(w.cardio) for w in new)
    with_cardio = f" and {_cardio_count(new_cardio)}" if new_cardio else ""
    lines.append(
        f"✅ Imported {plural(len(new), 'workout')} with "
        f"{plural(sum(kinds.values()), 'set')}{with_cardio}."
    )
    if existing:
        lines.append(f"Skipped {plural(existing, 'workout')} already in your history.")
    if kinds["warmup"]:
        lines.append(
            f"{kinds['warmup']} warm-up sets stay warm-ups (they don't count for progression)."
        )
    matched = sorted(f"{n} → {display_name(i)}" for n, i in mapping.items() if i in CATALOGUE)
    custom = sorted(n for n, i in mapping.items() if i not in CATALOGUE)
    if matched:
        lines.append(f"Matched to my exercises ({len(matched)}): {_names(matched)}.")
    if custom:
        lines.append(
            f"Kept as your own exercises ({len(custom)}; in history and export, without "
            f"progression): {_names(custom)}."
        )
    if read_as is not None:
        lines.append(f"Weights were read as {read_as}, as you said.")
    elif found.app == "Strong" and "units" not in found.layout and "20" not in found.layout:
        lines.append(f"Weights were read as {ctx.profile.units} (your /units).")
    lines.append("See it with /chart week or /chart squat.")
    lines.append("/undo takes back one imported workout at a time (newest first), not the file.")
    return HandleResult((Reply("\n".join(lines), private=True),), "recorded")
