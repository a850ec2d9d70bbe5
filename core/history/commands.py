"""/chart, /export, /delete, /equipment, and importing a Strong or Hevy export file."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from core.coaching.dose import lookback_start, week_bounds
from core.coaching.equipment import USAGE, Gear, loadable, parse_command
from core.coaching.planning import plans_for
from core.history.charts import dose_series, first_week, lift_chart, lift_series, week_chart
from core.history.export import everything_json, exercise_name, sets_csv
from core.history.imports import (
    NewSet,
    NewWorkout,
    ReadExport,
    Unreadable,
    legacy_workout_key,
    map_exercise,
    read_export,
    workout_key,
)
from core.messages import Attachment, Choice, OutgoingFile, Reply
from core.recording.catalogue import CATALOGUE, display_name, resolve
from core.recording.entries import from_kg, to_kg

if TYPE_CHECKING:
    from core.conversation.context import Context

logger = logging.getLogger(__name__)

CHART_HISTORY = timedelta(days=5 * 365)
LISTED_NAMES = 12  # names shown per list in the import summary


def _today(ctx: Context) -> date:
    return ctx.profile.local_day(ctx.message.sent_at)


# --- /chart -----------------------------------------------------------------------


async def chart(ctx: Context, args: str) -> list[Reply]:
    what = args.strip().lower()
    if not what:
        return [Reply("Which chart? /chart squat (or any lift) · /chart week")]
    if what in ("week", "weeks", "dose"):
        return await _week_chart(ctx)
    exercise = resolve(what)
    exercise_id = exercise.id if exercise else None
    if exercise_id is None:
        custom = map_exercise(what)
        exercise_id = custom if custom.startswith("custom:") else None
    if exercise_id is None:
        return [Reply(f"I don't know the exercise '{what[:40]}'. Try /chart squat.")]
    today = _today(ctx)
    units = ctx.profile.units
    sets = await ctx.repo.strength_sets(
        ctx.profile.user_id, today - CHART_HISTORY, today, [exercise_id]
    )
    name = exercise_name(exercise_id)
    if not sets:
        return [Reply(f"No {name.lower()} logged yet, so there's nothing to chart.")]
    next_load = None
    plans = await plans_for(ctx.repo, ctx.profile.user_id, units, today, [exercise_id])
    if plans and not plans[0].bodyweight:
        plan = plans[0]
        next_load = (
            plan.weight if plan.unit == units else from_kg(to_kg(plan.weight, plan.unit), units)
        )
    bodyweight = bool(exercise and exercise.bodyweight) and all(s.weight == 0 for s in sets)
    next_day = max(today, sets[-1].day) + timedelta(days=2)
    series = lift_series(sets, name, units, bodyweight, next_day, next_load)
    last = series.points[-1]
    text = f"{name}: {len(series.points)} sessions"
    if not bodyweight:
        text += f", latest estimated max {last.e1rm:g} {units}"
        if next_load is not None:
            text += f", next {round(next_load, 2):g} {units}"
    return [Reply(text + ".", image=lift_chart(series), private=True)]


async def _week_chart(ctx: Context) -> list[Reply]:
    today = _today(ctx)
    start = first_week(today)
    end = week_bounds(today)[1]
    sets = await ctx.repo.strength_sets(ctx.profile.user_id, lookback_start(start), end)
    cardio = await ctx.repo.cardio(ctx.profile.user_id, start, end)
    series = dose_series(today, sets, cardio)
    on_target = sum(2 <= w.resistance_sessions <= 3 for w in series.weeks)
    text = (
        f"Your last {len(series.weeks)} weeks: {on_target} with 2–3 resistance sessions, "
        f"{sum(w.zone2_minutes for w in series.weeks):g} Zone 2 minutes in all."
    )
    return [Reply(text, image=week_chart(series), private=True)]


# --- importing a file --------------------------------------------------------------


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(names[:LISTED_NAMES])
    more = len(names) - LISTED_NAMES
    return f"{shown} and {more} more" if more > 0 else shown


def _new_workouts(ctx: Context, found: ReadExport) -> tuple[list[NewWorkout], dict[str, str]]:
    zone = ctx.profile.zone
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
        text = name if found.app == "Coach" else f"{name} (imported from {found.app})"
        key = workout_key(workout)
        legacy = legacy_workout_key(ctx.profile.user_id, workout)
        day = started.astimezone(zone).date()
        out[key] = NewWorkout(key, text, started, day, tuple(sets), legacy)
    return list(out.values()), mapping


async def import_attachment(ctx: Context, attachment: Attachment) -> list[Reply]:
    """Import a Strong, Hevy or Coach CSV export; all or nothing, never twice."""
    found = read_export(attachment.data, ctx.profile.units)
    filename = attachment.filename[:60] or "that file"
    if isinstance(found, Unreadable):
        return [Reply(f"❌ I couldn't import {filename}. {found.message}")]
    workouts, mapping = _new_workouts(ctx, found)
    store = ctx.uow.history
    keys = [k for w in workouts for k in (w.key, w.legacy_key)]
    stored = await store.imported_keys(ctx.profile.user_id, keys)
    new = [w for w in workouts if not {w.key, w.legacy_key} & stored]
    existing = len(workouts) - len(new)
    # The file's own message stays unrecorded: it holds no sets, each workout is its own
    # log, so /undo takes back a workout (newest first), never an empty "log".
    await store.add_workouts(ctx.profile.user_id, new, ctx.now)
    kinds = Counter(s.kind for w in new for s in w.sets)
    exercises = sorted({s.exercise for w in workouts for s in w.sets})
    days = [w.day for w in workouts]
    lines = [
        f"📥 {found.layout} export: {len(workouts)} workouts, {found.set_count} sets, "
        f"{len(exercises)} exercises, {min(days):%d %b %Y} – {max(days):%d %b %Y}."
    ]
    if not new:
        lines.append("All of it was already imported, so nothing changed.")
        return [Reply("\n".join(lines), private=True)]
    lines.append(f"✅ Imported {len(new)} workouts with {sum(kinds.values())} sets.")
    if existing:
        lines.append(f"Skipped {existing} workouts already imported.")
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
    if found.app == "Strong" and "units" not in found.layout and "20" not in found.layout:
        lines.append(f"Weights were read as {ctx.profile.units} (your /units).")
    lines.append("See it with /chart week or /chart squat.")
    lines.append("/undo takes back one imported workout at a time (newest first), not the file.")
    return [Reply("\n".join(lines), private=True)]


# --- /export ----------------------------------------------------------------------


async def export(ctx: Context, _args: str) -> list[Reply]:
    store = ctx.uow.history
    sets = await store.all_sets(ctx.profile.user_id)
    tables = await store.dump(ctx.profile.user_id)
    stamp = f"{_today(ctx):%Y-%m-%d}"
    return [
        Reply(
            f"Your training history: {len(sets)} sets, one row per set.",
            file=OutgoingFile(f"coach-sets-{stamp}.csv", sets_csv(sets), "text/csv"),
            private=True,
        ),
        Reply(
            "Everything I hold about you, table by table.",
            file=OutgoingFile(
                f"coach-everything-{stamp}.json",
                everything_json(tables, ctx.now),
                "application/json",
            ),
            private=True,
        ),
    ]


# --- /delete ----------------------------------------------------------------------


async def delete(ctx: Context, args: str) -> list[Reply]:
    store = ctx.uow.history
    words = args.split()
    user_id = ctx.profile.user_id
    if words[:1] == ["cancel"]:
        return [Reply("Kept. Nothing was deleted.")]
    if words[:1] == ["confirm"]:
        token = words[1] if len(words) > 1 else ""
        if not await store.check_delete_token(user_id, token, ctx.now):
            return [
                Reply("That confirmation isn't valid (expired or not yours). Send /delete again.")
            ]
        removed = await store.delete_everything(user_id)
        logger.info("deleted user %s: %s rows", user_id, removed)
        return [
            Reply(
                "🗑 Done. Everything I held about you is deleted: workouts, messages, "
                "settings and reminders. If you write again, we start from scratch."
            )
        ]
    token = await store.new_delete_token(user_id, ctx.now)
    return [
        Reply(
            "This deletes everything I hold about you: every workout, message, setting and "
            "reminder, on every platform you linked. It can't be undone. /export first if "
            "you want a copy.",
            (
                Choice("Yes, delete everything", f"/delete confirm {token}"),
                Choice("No, keep it", "/delete cancel"),
            ),
        )
    ]


# --- /equipment -------------------------------------------------------------------


def _target_name(target: str) -> str:
    return {"barbell": "Barbell lifts", "dumbbells": "Dumbbell lifts"}.get(
        target, display_name(target)
    )


def _describe(target: str, gear: Gear) -> str:
    loads = loadable(gear)
    sample = ", ".join(f"{w:g}" for w in loads[:6])
    return f"• {_target_name(target)}: {gear.describe()} → {sample}… {gear.unit}"


async def equipment(ctx: Context, args: str) -> list[Reply]:
    store = ctx.uow.history
    user_id = ctx.profile.user_id
    command = parse_command(args, ctx.profile.units)
    if command.error:
        return [Reply(command.error)]
    if command.action == "reset":
        await store.reset_equipment(user_id, command.target)
        what = _target_name(command.target) if command.target else "All equipment"
        return [Reply(f"{what}: back to plain rounding.")]
    if command.action == "set" and command.target and command.gear:
        if not loadable(command.gear):  # checked first: a setup that can't load isn't kept
            return [Reply("That setup can't load any weight. " + USAGE)]
        await store.save_equipment(user_id, command.target, command.gear)
        return [
            Reply(
                "Saved. Next loads are rounded to what you can load:\n"
                + _describe(command.target, command.gear)
            )
        ]
    setup = (await ctx.repo.equipment_of([user_id]))[user_id]
    if not setup.gear:
        return [Reply("No equipment set: loads are rounded to plain steps.\n\n" + USAGE)]
    lines = ["Your equipment:"] + [_describe(t, g) for t, g in sorted(setup.gear.items())]
    return [
        Reply("\n".join(lines) + "\n\nChange it with e.g. /equipment bar 20 plates 20,10,5,2.5")
    ]


HISTORY_HANDLERS = {"chart": chart, "export": export, "delete": delete, "equipment": equipment}
