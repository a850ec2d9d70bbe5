"""/history and /undo: a lift's recent sessions, and taking back the last log."""

from __future__ import annotations

from datetime import timedelta

from core.conversation.context import Context
from core.formatting import day_label, sets_summary
from core.messages import Choice, Reply
from core.ports import StoredMessage, parse_id
from core.recording.catalogue import named
from core.recording.entries import SetEntry

HISTORY_SESSIONS = 6
HISTORY_WINDOW = timedelta(days=365)


async def history(ctx: Context, args: str) -> list[Reply]:
    if not args:
        return [Reply("Which lift? e.g. /history squat")]
    exercise = named(args, ctx.profile.names)
    if exercise is None:
        return [Reply(f"I don't know the exercise '{args[:40]}'. Try /history squat.")]
    today = ctx.profile.local_day(ctx.message.sent_at)
    sets = await ctx.repo.strength_sets(
        ctx.profile.user_id, today - HISTORY_WINDOW, today, [exercise.id]
    )
    if not sets:
        return [Reply(f"No {exercise.name.lower()} logged yet.")]
    by_day: dict = {}
    for s in sets:
        by_day.setdefault(s.day, []).append(
            SetEntry(s.reps, s.weight, "lb" if s.unit == "lb" else "kg", s.bodyweight, s.rpe)
        )
    recent = list(by_day.items())[-HISTORY_SESSIONS:]
    count = "session" if len(recent) == 1 else f"{len(recent)} sessions"
    lines = [f"{exercise.name}, last {count}:"]
    lines += [f"{day_label(day)}: {sets_summary(day_sets)}" for day, day_sets in recent]
    return [Reply("\n".join(lines), private=True)]


async def undo(ctx: Context, args: str) -> list[Reply]:
    words = args.lower().split()
    if words and words[0] in ("no", "keep"):
        return [Reply("Kept. Nothing changed.")]
    if words and words[0] == "yes":
        target: StoredMessage | None
        if len(words) > 1:  # a button's payload: that log, and only if it is the sender's
            message_id = parse_id(words[1])
            target = (
                await ctx.repo.get_message(ctx.profile.user_id, message_id) if message_id else None
            )
        else:
            target = await ctx.repo.last_recorded_message(ctx.profile.user_id)
        if target is None or target.undone or not target.recorded:
            return [Reply("That log is already gone. Nothing changed.")]
        await ctx.repo.mark_undone(target.id)
        return [Reply(f"Undone: “{_short(target.text)}”. It no longer counts.")]
    last = await ctx.repo.last_recorded_message(ctx.profile.user_id)
    if last is None:
        return [Reply("There's nothing to undo yet.")]
    return [
        Reply(
            f"Remove your last log, “{_short(last.text)}” from "
            f"{day_label(ctx.profile.local_day(last.sent_at))}?",
            (Choice("Yes, undo", f"/undo yes {last.id}"), Choice("Keep it", "/undo no")),
        )
    ]


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 60 else flat[:57] + "…"
