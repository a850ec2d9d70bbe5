"""/history and /undo: a lift's or cardio's recent sessions, and taking back the last log."""

from __future__ import annotations

from datetime import timedelta

from core.conversation.context import Context
from core.conversation.ownership import NOT_YOURS
from core.formatting import day_label, plural, sets_summary
from core.history.cardio_history import cardio_history, cardio_kind
from core.messages import Choice, Reply
from core.ports import parse_id
from core.recording.catalogue import named
from core.recording.entries import SetEntry

HISTORY_SESSIONS = 6
HISTORY_WINDOW = timedelta(days=365)


async def history(ctx: Context, args: str) -> list[Reply]:
    if not args:
        return [Reply("Which lift? e.g. /history squat, or /history zone 2 for cardio")]
    today = ctx.profile.local_day(ctx.message.sent_at)
    exercise = named(args, ctx.profile.names)
    kind = cardio_kind(args) if exercise is None else None
    if kind is not None:
        sessions = await ctx.repo.cardio(ctx.profile.user_id, today - HISTORY_WINDOW, today)
        return [cardio_history(kind, sessions, HISTORY_SESSIONS)]
    if exercise is None:
        return [
            Reply(
                f"I don't know the exercise '{args[:40]}'. Try /history squat or /history zone 2."
            )
        ]
    sets = await ctx.repo.strength_sets(
        ctx.profile.user_id, today - HISTORY_WINDOW, today, [exercise.id]
    )
    if not sets:
        return [Reply(f"No {exercise.name.lower()} logged yet.", private=True)]
    by_day: dict = {}
    for s in sets:
        by_day.setdefault(s.day, []).append(
            SetEntry(s.reps, s.weight, "lb" if s.unit == "lb" else "kg", s.bodyweight, s.rpe)
        )
    recent = list(by_day.items())[-HISTORY_SESSIONS:]
    count = "session" if len(recent) == 1 else plural(len(recent), "session")
    lines = [f"{exercise.name}, last {count}:"]
    lines += [f"{day_label(day)}: {sets_summary(day_sets)}" for day, day_sets in recent]
    return [Reply("\n".join(lines), private=True)]


async def undo(ctx: Context, args: str) -> list[Reply]:
    """Return the question before removing the last log, or the answer to its buttons.

    The buttons name the log they ask about, so only its owner's taps count. Every answer
    is private: it quotes the person's log.
    """
    words = args.lower().split()
    # A button's payload names the log it asked about: refused unless it is the sender's.
    asked = parse_id(words[1]) if len(words) > 1 else None
    target = await ctx.repo.get_message(ctx.profile.user_id, asked) if asked else None
    if asked is not None and target is None:
        return [NOT_YOURS]
    if words and words[0] in ("no", "keep"):
        return [Reply("Kept. Nothing changed.", private=True)]
    if words and words[0] == "yes":
        if len(words) == 1:
            target = await ctx.repo.last_recorded_message(ctx.profile.user_id)
        if target is None or target.undone or not target.recorded:
            return [Reply("That log is already gone. Nothing changed.", private=True)]
        await ctx.repo.mark_undone(target.id)
        return [Reply(f"Undone: “{_short(target.text)}”. It no longer counts.", private=True)]
    last = await ctx.repo.last_recorded_message(ctx.profile.user_id)
    if last is None:
        return [Reply("There's nothing to undo yet.", private=True)]
    return [
        Reply(
            f"Remove your last log, “{_short(last.text)}” from "
            f"{day_label(ctx.profile.local_day(last.sent_at))}?",
            (Choice("Yes, undo", f"/undo yes {last.id}"), Choice("Keep it", f"/undo no {last.id}")),
            private=True,
        )
    ]


def _short(text: str) -> str:
    flat = " ".join(text.split()) or "the file you sent"  # a file comes without text
    return flat if len(flat) <= 60 else flat[:57] + "…"
