"""The slash commands and the non-workout conversation (onboarding, questions, help)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from core import faq, history_commands, linking, onboarding, reminder_commands
from core.catalogue import display_name, resolve
from core.dose import WeeklyDose, lookback_start, week_bounds, weekly_dose
from core.entries import SetEntry, from_kg
from core.formatting import day_label, number, plan_line, sets_summary
from core.messages import Choice, IncomingMessage, Reply
from core.planning import current_plan
from core.ports import Repository, StoredMessage, parse_id
from core.profile import Profile
from core.progression import Plan
from core.timezones import resolve_timezone

HISTORY_SESSIONS = 6
HISTORY_WINDOW = timedelta(days=365)

HELP = """Log a workout by typing it, e.g.
• squat 3x8 100kg
• bench 80kg 8,8,7
• zone 2 45 min · hiit 20 min · walked 40 minutes
Edit your message to fix a typo.

/plan: next session's loads
/week: this week against the protocol
/history squat: recent sessions of a lift
/chart squat · /chart week: your progress as a picture
/undo: remove your last log
/remind resistance mon,thu 18:00 · /reminders · /remind off
/units kg|lb · /timezone Europe/Berlin
/profile age 62 · /profile weight 80kg
/equipment bar 20 plates 25,20,10,5,2.5,1.25
/ask how heavy should I lift?
/export: your data as CSV and JSON · /delete: erase it all
/link: one history on Telegram and Discord
Send a Strong or Hevy CSV export to import your history."""


@dataclass
class Context:
    repo: Repository
    profile: Profile
    message: IncomingMessage
    message_id: int
    now: datetime


Handler = Callable[[Context, str], Awaitable[list[Reply]]]


async def dispatch(ctx: Context, text: str) -> list[Reply]:
    """Run a `/command args` message; an unknown command gets the help text."""
    head, _, args = text.partition(" ")
    name = head[1:].split("@", 1)[0].lower()  # Telegram sends /plan@BotName in groups
    handler = HANDLERS.get(name)
    if handler is None:
        return [Reply(f"I don't know /{name[:30]}.\n\n{HELP}")]
    return await handler(ctx, args.strip())


async def conversation(ctx: Context, text: str) -> list[Reply]:
    """Answer text that is neither a command nor a workout."""
    profile = ctx.profile
    if onboarding.in_progress(profile):
        step = profile.onboarding_step or ""
        answer = onboarding.apply(profile, step, text)
        if not answer.ok:
            return [Reply(answer.message), onboarding.PROMPTS[step]]
        return [onboarding.advance(profile)]
    if profile.onboarding_step is None:
        replies = []
        if faq.looks_like_question(text):
            found = _faq_reply(profile, text)
            if found.topic is not None:
                replies.append(Reply(found.answer))
        return [*replies, Reply(onboarding.WELCOME), onboarding.advance(profile)]
    if faq.looks_like_question(text):
        return [Reply(_faq_reply(profile, text).answer)]
    small_talk = _small_talk(text)
    if small_talk is not None:
        return [Reply(small_talk)]
    return [
        Reply(
            "I didn't find a workout in that. Log one like `squat 3x8 100kg` or "
            "`zone 2 45 min`, or ask me a question. /help shows everything."
        )
    ]


_GREETINGS = {"hi", "hello", "hey", "hiya", "good morning", "good evening", "morning"}
_THANKS = {"thanks", "thank you", "thx", "cheers", "ta", "great", "ok", "okay", "cool"}


def _small_talk(text: str) -> str | None:
    """Return a friendly answer to a greeting or a thank-you, or None."""
    words = " ".join("".join(c for c in text.lower() if c.isalpha() or c == " ").split())
    if words in _GREETINGS:
        return "Hi! Log a workout like `squat 3x8 100kg`, or ask me anything. /help lists it all."
    if words in _THANKS or words.startswith(("thanks ", "thank you ")):
        return "You're welcome! 💪"
    return None


def _faq_reply(profile: Profile, question: str) -> faq.FaqAnswer:
    return faq.answer(
        question, age=profile.age, bodyweight_kg=profile.bodyweight_kg, units=profile.units
    )


async def start(ctx: Context, _args: str) -> list[Reply]:
    ctx.profile.onboarding_step = None
    return [Reply(onboarding.WELCOME), onboarding.advance(ctx.profile)]


async def skip(ctx: Context, _args: str) -> list[Reply]:
    if not onboarding.in_progress(ctx.profile):
        return [Reply("Nothing to skip right now. /help shows what I can do.")]
    return [onboarding.advance(ctx.profile)]


async def help_(ctx: Context, _args: str) -> list[Reply]:
    return [Reply(HELP)]


async def _set_and_continue(ctx: Context, step: str, value: str, done: str) -> list[Reply]:
    """Apply an onboarding-style setting; continue onboarding if it was at that step."""
    answer = onboarding.apply(ctx.profile, step, value)
    if not answer.ok:
        return [Reply(answer.message)]
    replies = [Reply(done)]
    if ctx.profile.onboarding_step == step:
        replies.append(onboarding.advance(ctx.profile))
    return replies


async def units(ctx: Context, args: str) -> list[Reply]:
    if not args:
        return [Reply(f"You log in {ctx.profile.units}. Change with /units kg or /units lb.")]
    answer = onboarding.apply(ctx.profile, "units", args)
    if not answer.ok:
        return [Reply("Use /units kg or /units lb.")]
    return await _set_and_continue(ctx, "units", args, f"Units set to {ctx.profile.units}.")


async def timezone(ctx: Context, args: str) -> list[Reply]:
    if not args:
        return [Reply(f"Your timezone is {ctx.profile.timezone}. e.g. /timezone Europe/Berlin")]
    zone = resolve_timezone(args)
    return await _set_and_continue(ctx, "timezone", args, f"Timezone set to {zone}.")


async def profile_(ctx: Context, args: str) -> list[Reply]:
    profile = ctx.profile
    words = args.lower().split(maxsplit=1)
    if len(words) == 2 and words[0] in ("age", "weight", "bodyweight", "bw"):
        step = "age" if words[0] == "age" else "bodyweight"
        answer = onboarding.apply(profile, step, words[1])
        if not answer.ok:
            return [Reply(answer.message)]
    elif args:
        return [Reply("Use /profile age 62 or /profile weight 80kg.")]
    age = str(profile.age) if profile.age else "not set"
    weight = (
        f"{number(from_kg(profile.bodyweight_kg, profile.units))} {profile.units}"
        if profile.bodyweight_kg
        else "not set"
    )
    return [
        Reply(
            f"Age: {age}\nBodyweight: {weight}\nUnits: {profile.units}\n"
            f"Timezone: {profile.timezone}\nChange: /profile age 62 · /profile weight 80kg",
            private=True,
        )
    ]


async def plans_at(repo: Repository, profile: Profile, at: datetime) -> list[Plan]:
    return await current_plan(repo, profile.user_id, profile.units, profile.local_day(at))


async def plan(ctx: Context, _args: str) -> list[Reply]:
    plans = await plans_at(ctx.repo, ctx.profile, ctx.message.sent_at)
    if not plans:
        return [Reply("No lifts logged in the last 4 weeks. Log one like `squat 3x8 100kg`.")]
    lines = ["Next session:"] + [f"• {plan_line(p)} ({p.rule})" for p in plans]
    return [Reply("\n".join(lines), private=True)]


async def dose_at(repo: Repository, profile: Profile, at: datetime) -> WeeklyDose:
    day = profile.local_day(at)
    start, end = week_bounds(day)
    sets = await repo.strength_sets(profile.user_id, lookback_start(start), end)
    cardio = await repo.cardio(profile.user_id, start, end)
    return weekly_dose(day, sets, cardio)


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
    lines.append(f"🚶 Days with a walk: {dose.walk_days}")
    return "\n".join(lines)


_MARK = {"met": "✅", "under": "⬜", "over": "🔺"}


async def history(ctx: Context, args: str) -> list[Reply]:
    if not args:
        return [Reply("Which lift? e.g. /history squat")]
    exercise = resolve(args)
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


async def ask(ctx: Context, args: str) -> list[Reply]:
    if not args:
        return [Reply("Ask me anything about training for a healthy brain, e.g. /ask how often?")]
    return [Reply(_faq_reply(ctx.profile, args).answer)]


HANDLERS: dict[str, Handler] = {
    "start": start,
    "skip": skip,
    "help": help_,
    "units": units,
    "timezone": timezone,
    "tz": timezone,
    "profile": profile_,
    "plan": plan,
    "week": week,
    "history": history,
    "undo": undo,
    "ask": ask,
    "remind": reminder_commands.remind,
    "reminders": reminder_commands.reminders,
    "reminder": reminder_commands.reminder,
    "link": linking.link,
    **history_commands.HISTORY_HANDLERS,
}

__all__ = ["HANDLERS", "Context", "conversation", "dispatch", "display_name"]
