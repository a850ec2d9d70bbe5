"""An activity file sent to the chat: recorded once, with its minutes in the person's Zone 2.

The rules, as the README states them:

1. **The zone** is the person's (`core.coaching.heart_rate.zone2_for`): from their
   measured maximum (and resting) heart rate if they set it, else estimated from age.
2. **Minutes** come from the heart-rate stream: each sample is credited with the time to
   the next one, and gaps over 30 s are not credited (`core.activities.zones`).
3. **Zone 2 or not**: the session is recorded as Zone 2 when more than half of its moving
   time was in the zone; otherwise as cardio with its zone breakdown (a walk as a walk).
   Its Zone 2 minutes count in `/week` either way.
4. **Once**: an activity starting within 2 minutes of one already recorded for the person
   is the same one (a FIT and its GPX), and is not recorded again.
5. The day is the start's day in the person's timezone.
"""

from __future__ import annotations

from datetime import timedelta

from core.activities.activity import Activity, NotAnActivity
from core.activities.readers import read_activity
from core.activities.zones import average_hr, max_hr, minutes_above, minutes_between
from core.coaching.dose import ZONE2_MINUTES, ZONE2_SESSIONS, week_bounds, zone2_minutes_of
from core.coaching.heart_rate import AGE_HINT, Zone2Range, zone2_for
from core.conversation.context import Context
from core.conversation.results import HandleResult
from core.formatting import day_label, number
from core.messages import Attachment, Reply
from core.ports import EntryBatch
from core.recording.entries import CardioEntry, Modality

SAME_ACTIVITY = timedelta(minutes=2)  # starts this close: the same activity (rule 4)
IN_ZONE_SHARE = 0.5  # more than half the moving time in the zone: a Zone 2 session
WEEK_ZONE2 = ZONE2_SESSIONS[0] * ZONE2_MINUTES[0]  # 135, the article's low end
ACTIVITY_OF = {
    "running": "run",
    "cycling": "bike",
    "walking": "walk",
    "swimming": "swim",
    "skiing": "ski",
    "rowing": "row",
    "hiking": "hike",
}
NAME_OF = {"running": "Run", "cycling": "Ride", "walking": "Walk", "swimming": "Swim"}
MAX_HR_HINT = "Set your maximum heart rate with /profile maxhr 182 if you know it."


async def import_activity(ctx: Context, attachment: Attachment) -> HandleResult:
    """Record the activity in a FIT, TCX or GPX file, or say in one line why not."""
    found = read_activity(attachment.filename, attachment.data)
    if isinstance(found, NotAnActivity):
        return HandleResult((Reply(f"❌ {found.message}"),), "refused")
    profile = ctx.profile
    day = profile.local_day(found.start)
    name = f"{NAME_OF.get(found.sport, 'Activity')}, {day_label(day)}"
    if await ctx.repo.cardio_started_near(profile.user_id, found.start, SAME_ACTIVITY):
        text = f"I already have this one ({name}), so nothing was added."
        return HandleResult((Reply(text),), "answered")
    zone = zone2_for(profile.age, profile.max_hr, profile.rest_hr)
    entry = cardio_entry(found, zone, attachment.filename)
    batch = EntryBatch(profile.user_id, ctx.message_id, (entry,), day, found.start)
    await ctx.repo.add_entries_of([batch])
    await ctx.repo.set_recorded(ctx.message_id, True)
    start, end = week_bounds(day)
    week = await ctx.repo.cardio(profile.user_id, start, end)
    week_zone2 = sum(zone2_minutes_of(c) for c in week)
    reply = reply_text(name, found, entry, zone, week_zone2)
    return HandleResult((Reply(reply, private=True),), "recorded")


def cardio_entry(found: Activity, zone: Zone2Range | None, source: str) -> CardioEntry:
    """Return the session to record: Zone 2 or cardio by its time in the zone (rule 3)."""
    moving = round(found.moving_s / 60, 1)
    avg = average_hr(found.hr)
    activity = ACTIVITY_OF.get(found.sport)
    modality: Modality = "walk" if activity == "walk" else "other"
    in_zone = above = None
    if found.hr and zone is not None:
        in_zone = round(minutes_between(found.hr, zone.low, zone.high), 1)
        above = round(minutes_above(found.hr, zone.high), 1)
        if moving > 0 and in_zone > IN_ZONE_SHARE * moving:
            modality = "zone2"
    return CardioEntry(
        modality,
        moving,
        activity,
        None if avg is None else round(avg),
        source[:200],
        in_zone,
        above,
        max_hr(found.hr),
        found.start,
    )


def reply_text(
    name: str, found: Activity, entry: CardioEntry, zone: Zone2Range | None, week_zone2: float
) -> str:
    """Return the reply: what was recorded, the zone breakdown, one tip, the week's total."""
    elapsed = round(found.elapsed_s / 60)
    moving = round(entry.minutes)
    took = f"{moving} min" if elapsed - moving < 1 else f"{moving} min moving ({elapsed} in all)"
    lines = [f"✅ {name}: {took}"]
    if entry.avg_hr is None:
        lines.append(
            "No heart rate in this file, so I can't judge the zone: it counts as cardio, "
            "not Zone 2."
        )
        return "\n".join(lines)
    lines[0] += f", avg HR {entry.avg_hr}, max {entry.max_hr}"
    if zone is None or entry.zone2_minutes is None or entry.above_minutes is None:
        lines.append(f"{AGE_HINT} {MAX_HR_HINT}")
        return "\n".join(lines)
    lines.append(
        f"❤️ In your Zone 2 ({zone.low}–{zone.high} bpm): {number(entry.zone2_minutes)} min · "
        f"above it: {number(entry.above_minutes)} min"
    )
    if entry.above_minutes > IN_ZONE_SHARE * entry.minutes:
        lines.append(
            "⚠️ Most of it was above your Zone 2: next time slow down until you can talk in "
            "full sentences, and walk the hills."
        )
    elif entry.modality != "zone2":
        lines.append("Most of it was below your Zone 2: go a little faster to count it.")
    lines.append(f"🫀 Zone 2 this week: {number(round(week_zone2))} of {WEEK_ZONE2} min")
    return "\n".join(lines)
