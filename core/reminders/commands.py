"""The /remind, /reminders and /reminder commands, and the welcome-back hook.

Every answer about someone's reminders is private: it shows when they train, and where.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from core.accounts.profile import Profile
from core.conversation.ownership import NO_SUCH_REMINDER, NOT_OPEN
from core.conversation.results import HandleResult
from core.formatting import day_label
from core.messages import Reply
from core.ports import UnitOfWork, parse_id
from core.reminders.ports import ReminderStore
from core.reminders.remind_syntax import Invalid, SetDefaults, SetReminder, TurnOff, parse_remind
from core.reminders.schedule import (
    ALL_KINDS,
    COMPANION_KINDS,
    KIND_LABELS,
    SESSION_KINDS,
    SNOOZE,
    Kind,
    Schedule,
    companions_for,
    defaults_for,
    describe,
    with_next_fire,
)
from core.reminders.texts import WELCOME_BACK

if TYPE_CHECKING:
    from core.conversation.context import Context

REMINDER_USAGE = "Use /reminder done|snooze|skip <id> (the buttons under a reminder send it)."


def _store(ctx: Context) -> ReminderStore:
    return ctx.uow.reminders


def _local(instant: datetime, timezone: str) -> str:
    local = instant.astimezone(ZoneInfo(timezone))
    return f"{day_label(local.date())} {local:%H:%M}"


def _asked_at(ctx: Context) -> datetime:
    """Return when the person wrote (`coach say --at` sets it): "next" counts from there.

    Never later than the service's clock, which the dispatcher runs on: a timestamp ahead
    of it must not push a reminder that is due now to next week.
    """
    return min(ctx.message.sent_at, ctx.now)


async def _save(ctx: Context, schedules: list[Schedule]) -> None:
    """Save schedules; a session reminder brings the weekly summary and nudge with it."""
    store = _store(ctx)
    existing = {s.kind for s in await store.schedules(ctx.profile.user_id)}
    sessions = [s for s in schedules if s.kind in SESSION_KINDS]
    extra = [c for c in companions_for(sessions[0]) if c.kind not in existing] if sessions else []
    asked = _asked_at(ctx)
    await store.save_schedules([with_next_fire(s, asked) for s in [*schedules, *extra]], ctx.now)


async def remind(ctx: Context, args: str) -> list[Reply]:
    """Set, change or turn off a reminder."""
    request = parse_remind(args)
    profile, message = ctx.profile, ctx.message
    if isinstance(request, Invalid):
        # Buttons are the person's own to tap, so a reply carrying them is private.
        return [Reply(request.message, request.choices, private=bool(request.choices))]
    if isinstance(request, TurnOff):
        return await _turn_off(ctx, request.kind)
    if isinstance(request, SetDefaults):
        if message.is_callback and profile.onboarding_step != "reminders":
            return [NOT_OPEN]  # onboarding's button, tapped by someone not at that question
        schedules = defaults_for(
            profile.user_id, profile.timezone, message.platform, message.user_id
        )
        await _save(ctx, schedules)
        replies = await reminders(ctx, "")
        if ctx.profile.onboarding_step == "reminders":
            from core.conversation import onboarding

            replies.append(onboarding.advance(ctx.profile))
        return replies
    assert isinstance(request, SetReminder)
    schedule = Schedule(
        profile.user_id,
        request.kind,
        request.days,
        request.hour,
        request.minute,
        profile.timezone,
        message.platform,
        message.user_id,
    )
    await _save(ctx, [schedule])
    saved = with_next_fire(schedule, _asked_at(ctx))
    assert saved.next_fire_at is not None
    return [
        Reply(
            f"⏰ {KIND_LABELS[request.kind]} reminder: {describe(saved)} ({profile.timezone}). "
            f"Next: {_local(saved.next_fire_at, profile.timezone)}. /reminders lists them all.",
            private=True,
        )
    ]


async def _turn_off(ctx: Context, kind: Kind | None) -> list[Reply]:
    store = _store(ctx)
    user_id = ctx.profile.user_id
    if kind is None:
        await store.delete_schedules(user_id, ALL_KINDS)
        return [
            Reply(
                "All reminders are off. /remind defaults turns the article's week back on.",
                private=True,
            )
        ]
    removed = await store.delete_schedules(user_id, [kind])
    left = {s.kind for s in await store.schedules(user_id)}
    if not left & set(SESSION_KINDS):
        await store.delete_schedules(user_id, COMPANION_KINDS)
    if not removed:
        return [
            Reply(f"You had no {KIND_LABELS[kind]} reminder. /reminders lists yours.", private=True)
        ]
    return [Reply(f"{KIND_LABELS[kind]} reminders are off.", private=True)]


async def reminders(ctx: Context, _args: str) -> list[Reply]:
    """List the reminders and when each fires next."""
    schedules = await _store(ctx).schedules(ctx.profile.user_id)
    if not schedules:
        return [
            Reply(
                "No reminders set. /remind defaults sets the article's week "
                "(resistance Mon & Thu, Zone 2 Tue, Wed & Sat, HIIT Fri), or e.g. "
                "/remind resistance mon,thu 18:00 · /remind walk every day at noon.",
                private=True,
            )
        ]
    timezone = ctx.profile.timezone
    lines = [f"Your reminders ({timezone}):"]
    for schedule in sorted(schedules, key=lambda s: ALL_KINDS.index(s.kind)):
        at = with_next_fire(replace(schedule, timezone=timezone), _asked_at(ctx)).next_fire_at
        when = "paused" if schedule.next_fire_at is None or at is None else _local(at, timezone)
        label = KIND_LABELS[schedule.kind]
        if schedule.kind == "nudge":
            label += " (only if under 2 resistance sessions)"
        lines.append(f"• {label}: {describe(schedule)}, next {when}")
    lines.append("Change: /remind zone2 tue 07:30 · Stop: /remind off zone2 · /remind off")
    return [Reply("\n".join(lines), private=True)]


async def reminder(ctx: Context, args: str) -> list[Reply]:
    """Answer a ping's button: done, snooze or skip."""
    words = args.lower().split()
    delivery_id = parse_id(words[1]) if len(words) == 2 else None
    if delivery_id is None or words[0] not in ("done", "snooze", "skip"):
        return [Reply(REMINDER_USAGE)]
    action = words[0]
    store = _store(ctx)
    delivery = await store.delivery(delivery_id)
    if delivery is None or delivery.user_id != ctx.profile.user_id:
        return [NO_SUCH_REMINDER]  # someone else's ping, or none: refused, nothing changes
    if delivery.response is not None:
        return [Reply(f"Already noted ({delivery.response}).", private=True)]
    if action == "done":
        await store.respond(delivery_id, "done")
        return [
            Reply(
                "Nice work! Log what you did, e.g. `squat 3x8 100kg` or `zone 2 45 min`, "
                "and I'll keep your plan up to date.",
                private=True,
            )
        ]
    if action == "skip":
        await store.respond(delivery_id, "skipped")
        return [Reply("Skipped. No problem: the next one comes as planned.", private=True)]
    if not await store.respond(delivery_id, "snoozed"):
        return [Reply("Already noted.", private=True)]
    due = (ctx.now + SNOOZE).replace(microsecond=0)
    if await store.queue_snooze(delivery, due) is None:
        return [
            Reply("That reminder is turned off now, so there's nothing to snooze.", private=True)
        ]
    when = _local(due, ctx.profile.timezone)
    return [Reply(f"Snoozed: I'll remind you again at {when}.", private=True)]


async def after_message(
    uow: UnitOfWork, profile: Profile, result: HandleResult, now: datetime
) -> HandleResult:
    """Return `result`, with a welcome-back line first if reminders were paused.

    Also moves the reminders to the person's timezone if they changed it. Runs inside
    the message's unit of work, after the handler.
    """
    if result.status in ("duplicate", "failed"):
        return result
    store = uow.reminders
    schedules = await store.schedules(profile.user_id)
    welcome = profile.paused
    if profile.paused:
        await store.set_paused(profile.user_id, False)
        profile.paused = False
    moved = any(s.timezone != profile.timezone for s in schedules)
    if schedules and (welcome or moved):
        await store.save_schedules(
            [with_next_fire(replace(s, timezone=profile.timezone), now) for s in schedules], now
        )
    if not welcome:
        return result
    return replace(result, replies=(Reply(WELCOME_BACK, private=True), *result.replies))
