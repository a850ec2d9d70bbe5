"""What a reminder ping says: worth reading on its own, with the article's numbers."""

from __future__ import annotations

from core.coaching.heart_rate import zone2_for
from core.messages import Choice, Reply

ZONE2_MINUTES = (45, 60)
HIIT_SESSION = "4 × 4 min hard, 3 min easy between"
RESISTANCE_TARGET = 2  # sessions a week

WELCOME_BACK = "Welcome back — reminders were paused because I couldn't reach you; they're back on."


def resistance_text(plan_lines: list[str]) -> str:
    """Return today's session: the planned loads, or three compound lifts to start with."""
    if not plan_lines:
        return (
            "💪 Resistance session today. No lifts logged yet, so build it on three "
            "compound lifts:\n"
            "• a squat (or leg press)\n"
            "• a hinge (Romanian deadlift)\n"
            "• a push or pull (overhead press or row)\n"
            "3 sets of 8 each, at a weight you could lift about 10 times. "
            "Log it afterwards, e.g. `squat 3x8 60kg`, and I'll set next time's loads."
        )
    lines = ["💪 Resistance session today:", *(f"• {line}" for line in plan_lines)]
    lines.append("Log it when you're done and I'll set next time's loads.")
    return "\n".join(lines)


def zone2_text(age: int | None, max_hr: int | None = None, rest_hr: int | None = None) -> str:
    low, high = ZONE2_MINUTES
    text = (
        f"🚴 Zone 2 today: {low}–{high} minutes at 60–70% of your max heart rate "
        "(you can talk in full sentences, but not sing)."
    )
    # The range the log reply, /week and the watch files judge by: measured rates first.
    zone = zone2_for(age, max_hr, rest_hr)
    if zone is None:
        return text + " Tell me your age (/profile age 62) and I'll give you your range in bpm."
    if max_hr is None:
        basis = f"max ≈ {zone.max_hr} by Tanaka: 208 − 0.7 × {age}"
    else:
        basis = f"your measured max {max_hr}"
    if rest_hr is not None and rest_hr < zone.max_hr:
        basis += f", resting {rest_hr}"
    return f"{text} For you that's {zone.low}–{zone.high} bpm ({basis})."


def hiit_text() -> str:
    return (
        f"🔥 HIIT today: {HIIT_SESSION}. Warm up for 10 minutes first; "
        "hard means too hard to hold a conversation."
    )


def walk_text() -> str:
    """Return the daily-movement ping: the article's "move every day", with how to log it."""
    return (
        "🚶 Time to move: a walk, the stairs, some gardening or a few minutes of mobility. "
        "It needn't be hard, just regular. Log a walk, e.g. `walk 30 min`, and /week counts it."
    )


def summary_text(week: str) -> str:
    return f"📊 Your week in review.\n{week}"


def nudge_text(sessions: int, days_left: int) -> str:
    done = "No resistance session" if sessions == 0 else f"{sessions} resistance session"
    need = RESISTANCE_TARGET - sessions
    days = "today" if days_left <= 1 else f"in the {days_left} days left"
    return (
        f"⏰ {done} so far this week; the protocol is at least {RESISTANCE_TARGET}. "
        f"{need} more {'session' if need == 1 else 'sessions'} {days} keeps you on track: "
        "three compound lifts, 3 sets of 8, is enough."
    )


def buttons(delivery_id: int) -> tuple[Choice, ...]:
    """Return Done / Snooze 1h / Skip, whose data are `/reminder` commands."""
    return (
        Choice("Done", f"/reminder done {delivery_id}"),
        Choice("Snooze 1h", f"/reminder snooze {delivery_id}"),
        Choice("Skip", f"/reminder skip {delivery_id}"),
    )


def ping(delivery_id: int, kind: str, text: str) -> Reply:
    """Return the reply a ping goes out as; the weekly summary has no buttons."""
    if kind == "weekly-summary":
        return Reply(text, private=True)
    return Reply(text, buttons(delivery_id), private=True)
