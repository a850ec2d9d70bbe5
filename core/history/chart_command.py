"""/chart: a lift's sessions with its next load, or the weekly dose, as a picture."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from core.coaching.dose import lookback_start, week_bounds
from core.coaching.planning import plans_for
from core.coaching.progression import no_load
from core.formatting import load, plural
from core.history.charts import ZONE2_WEEKLY_MINUTES, lift_chart, week_chart, zone2_chart
from core.history.exercise_names import exercise_name, map_exercise
from core.history.series import dose_series, first_week, lift_series
from core.messages import Reply
from core.recording.catalogue import named
from core.recording.entries import from_kg, to_kg

if TYPE_CHECKING:
    from core.conversation.context import Context

CHART_HISTORY = timedelta(days=5 * 365)


async def chart(ctx: Context, args: str) -> list[Reply]:
    what = args.strip().lower()
    if not what:
        return [Reply("Which chart? /chart squat (or any lift) · /chart week · /chart zone2")]
    if what in ("week", "weeks", "dose"):
        return await _week_chart(ctx)
    if what.replace(" ", "") in ("zone2", "z2", "cardio"):
        return await _week_chart(ctx, zone2=True)
    exercise = named(what, ctx.profile.names)
    exercise_id = exercise.id if exercise else None
    if exercise_id is None:
        custom = map_exercise(what)
        exercise_id = custom if custom.startswith("custom:") else None
    if exercise_id is None:
        return [Reply(f"I don't know the exercise '{what[:40]}'. Try /chart squat.")]
    today = ctx.profile.local_day(ctx.message.sent_at)
    units = ctx.profile.units
    sets = await ctx.repo.strength_sets(
        ctx.profile.user_id, today - CHART_HISTORY, today, [exercise_id]
    )
    name = exercise_name(exercise_id)
    if not sets:
        return [Reply(f"No {name.lower()} logged yet, so there's nothing to chart.", private=True)]
    next_load = None
    plans = await plans_for(ctx.repo, ctx.profile, today, [exercise_id])
    if plans and not plans[0].bodyweight and not no_load(plans[0]):  # 0 kg: nothing to mark
        plan = plans[0]
        next_load = (
            plan.weight if plan.unit == units else from_kg(to_kg(plan.weight, plan.unit), units)
        )
    # On bodyweight, or with a machine's help (less than bodyweight): a chart of reps.
    bodyweight = bool(exercise and exercise.bodyweight) and (
        all(s.weight <= 0 for s in sets) or any(s.weight < 0 for s in sets)
    )  # help and added load mixed: reps too, never an estimated max below zero
    next_day = max(today, sets[-1].day) + timedelta(days=2)
    series = lift_series(sets, name, units, bodyweight, next_day, next_load)
    last = series.points[-1]
    text = f"{name}: {plural(len(series.points), 'session')}"
    if bodyweight and last.top < 0:
        text += f", latest {load(last.top, units, True)}"
    if not bodyweight:
        text += f", latest estimated max {last.e1rm:g} {units}"
        if next_load is not None:
            text += f", next {round(next_load, 2):g} {units}"
    return [Reply(text + ".", image=lift_chart(series), private=True)]


async def _week_chart(ctx: Context, zone2: bool = False) -> list[Reply]:
    today = ctx.profile.local_day(ctx.message.sent_at)
    start = first_week(today)
    end = week_bounds(today)[1]
    sets = await ctx.repo.strength_sets(ctx.profile.user_id, lookback_start(start), end)
    cardio = await ctx.repo.cardio(ctx.profile.user_id, start, end)
    series = dose_series(today, sets, cardio)
    if zone2:
        minutes = [round(w.zone2_minutes) for w in series.weeks]
        met = sum(m >= ZONE2_WEEKLY_MINUTES[0] for m in minutes)
        text = (
            f"Zone 2, your last {len(minutes)} weeks: {met} at 135 minutes or more; this week "
            f"{minutes[-1]} of 135–240."
        )
        return [Reply(text, image=zone2_chart(series), private=True)]
    on_target = sum(2 <= w.resistance_sessions <= 3 for w in series.weeks)
    text = (
        f"Your last {len(series.weeks)} weeks: {on_target} with 2–3 resistance sessions, "
        f"{sum(w.zone2_minutes for w in series.weeks):g} Zone 2 minutes in all."
    )
    return [Reply(text, image=week_chart(series), private=True)]
