"""/plan and /week: the next session (`/plan all`: every lift's loads) and this week's dose."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from core.accounts.profile import Profile
from core.coaching.dose import WeeklyDose, lookback_start, week_bounds, weekly_dose
from core.coaching.planning import PLAN_WINDOW, current_plan, plans_and_sets
from core.coaching.program import decode
from core.coaching.progression import Plan
from core.coaching.session import NextSession, next_session, training_days
from core.conversation.context import Context
from core.formatting import day_label, number, plan_line, weight
from core.messages import Reply
from core.ports import Repository, StoredSet
from core.recording.catalogue import display_name


async def plans_at(repo: Repository, profile: Profile, at: datetime) -> list[Plan]:
    return await current_plan(repo, profile, profile.local_day(at))


async def session_at(repo: Repository, profile: Profile, at: datetime) -> NextSession:
    """Return the next session on the day of `at` (`core.coaching.session`)."""
    day = profile.local_day(at)
    plans, sets = await plans_and_sets(repo, profile, day)
    recent = [s for s in sets if s.day >= day - PLAN_WINDOW]  # the plans' read, not another
    dose = await dose_at(repo, profile, at, sets)  # 20 weeks back: the dose's 8 before too
    program = decode(profile.program)
    return next_session(day, training_days(recent), plans, dose, program, profile.units)


async def plan(ctx: Context, args: str) -> list[Reply]:
    """`/plan`: the next session; `/plan all`: every lift of the last 12 weeks."""
    if args.strip().lower() != "all":
        found = await session_at(ctx.repo, ctx.profile, ctx.message.sent_at)
        if found.lifts:
            today = ctx.profile.local_day(ctx.message.sent_at)
            return [Reply(session_text(found, today), private=True)]
    plans = await plans_at(ctx.repo, ctx.profile, ctx.message.sent_at)
    if not plans:
        return [
            Reply(
                "No lifts logged in the last 12 weeks. Log one like `squat 3x8 100kg`.",
                private=True,
            )
        ]
    return [Reply(plans_text(plans), private=True)]


def plans_text(plans: Sequence[Plan]) -> str:
    """Return `/plan all`'s reply: every lift's next load and its rule."""
    return "\n".join(["Next session:", *(f"• {plan_line(p)} ({p.rule})" for p in plans)])


def session_text(found: NextSession, on: date | None = None) -> str:
    """Return `/plan`'s reply: the warm-up, the lifts in order, the cardio.

    The session's day is named when it is not `on` (today): a program's next lifting day.
    """
    lines = [
        "Next session:"
        if found.day == on or on is None
        else f"Next session ({day_label(found.day)}):"
    ]
    if found.warmup:
        ramp = ", ".join(f"{weight(w.weight, w.unit)} × {w.reps}" for w in found.warmup)
        lines.append(f"Warm-up ({display_name(found.warmup[0].exercise)}): {ramp}")
    for lift in found.lifts:
        why = ""
        if lift.added_for:
            why = f" — {lift.added_for}: {lift.sets_this_week} of 8 sets this week"
        lines.append(f"• {plan_line(lift.plan)} ({lift.plan.rule}){why}")
    for piece in found.cardio:
        name = "Zone 2" if piece.modality == "zone2" else "Intervals (HIIT)"
        lines.append(f"🫀 {name} {piece.minutes} min: {piece.reason}")
    lines.append("Every lift's load: /plan all")
    return "\n".join(lines)


async def dose_at(
    repo: Repository, profile: Profile, at: datetime, read: Sequence[StoredSet] | None = None
) -> WeeklyDose:
    """Return the weekly dose of the week holding `at`, in the person's timezone.

    `read` is a read of the person's sets up to `at` reaching back at least to the 8 weeks
    before the week (the plans' 12 + 8), used instead of reading them again.
    """
    day = profile.local_day(at)
    start, end = week_bounds(day)
    sets = (
        list(read)
        if read is not None
        else await repo.strength_sets(profile.user_id, lookback_start(start), end)
    )
    cardio = await repo.cardio(profile.user_id, start, end)
    return weekly_dose(day, sets, cardio, profile.age, profile.max_hr, profile.rest_hr)


async def week(ctx: Context, _args: str) -> list[Reply]:
    dose = await dose_at(ctx.repo, ctx.profile, ctx.message.sent_at)
    return [Reply(week_text(dose), private=True)]


def week_text(dose: WeeklyDose) -> str:
    lines = [f"This week ({day_label(dose.week_start)} – {day_label(dose.week_end)}):"]
    for line in dose.lines:
        label = line.label
        if line.key == "zone2_sessions":
            label = f"{label} ({number(dose.zone2_minutes)} min, 45–60 each)"
        lines.append(
            f"{_MARK[line.status]} {label}: {number(line.value)} "
            f"(target {number(line.low)}–{number(line.high)}) {line.status}"
        )
    if dose.zone2_above and dose.zone2_range:
        lines.append(
            f"⚠️ {dose.zone2_above} of {dose.zone2_with_hr} Zone 2 sessions with a heart rate "
            f"ran above your range ({dose.zone2_range.low}–{dose.zone2_range.high} bpm); "
            "their minutes still count. Slow down until you can talk in full sentences."
        )
    lines.append(f"🚶 Days with a walk: {dose.walk_days}")
    return "\n".join(lines)


_MARK = {"met": "✅", "under": "⬜", "over": "🔺"}
