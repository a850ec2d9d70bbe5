"""The person's own next load, for "what should I lift next?" or "squat next?"."""

from __future__ import annotations

import re

from core.accounts.profile import Profile
from core.coaching import commands as coaching
from core.conversation.context import Context
from core.formatting import plan_line
from core.messages import Reply
from core.recording.catalogue import Exercise, display_name, named

# Exercise names run to three words ("romanian deadlift", "close grip bench press").
_LONGEST_NAME = 3
_WORD = re.compile(r"[a-z0-9-]+")


def lift_in(question: str, profile: Profile) -> Exercise | None:
    """Return the lift a question names ("squat", "bench press", a name they taught), if any.

    The longest name wins, so "bench press" is the bench press, not the overhead press.
    """
    words = _WORD.findall(question.lower().replace("'", "").replace("’", ""))
    for n in range(_LONGEST_NAME, 0, -1):
        for i in range(len(words) - n + 1):
            found = named(" ".join(words[i : i + n]), profile.names)
            if found is not None:
                return found
    return None


async def next_load(ctx: Context, question: str) -> list[Reply]:
    """Return the next load of the lift the question names, else the person's `/plan`.

    A lift not logged in /plan's window gets a pointer to /plan, never a made-up load.
    """
    lift = lift_in(question, ctx.profile)
    if lift is None:
        return await coaching.plan(ctx, "")
    plans = await coaching.plans_at(ctx.repo, ctx.profile, ctx.message.sent_at)
    plan = next((p for p in plans if p.exercise == lift.id), None)
    name = display_name(lift.id)
    if plan is None:
        return [
            Reply(
                f"You haven't logged {name.lower()} in the last 12 weeks, so I don't have a "
                "next load for it yet. Log it when you train it (sets, reps and weight) and "
                "I'll work out the next one. /plan shows your next session.",
                private=True,
            )
        ]
    why = f" ({plan.rule}: {plan.reason})" if plan.reason else f" ({plan.rule})"
    return [
        Reply(
            f"Next {name.lower()}: {plan_line(plan)}{why}\nYour whole next session: /plan",
            private=True,
        )
    ]
