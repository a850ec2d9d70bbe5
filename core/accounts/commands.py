"""/units, /timezone and /profile: the person's settings, shared with onboarding.

Onboarding's buttons send `/units kg` and `/timezone …`; tapped by someone not at that
question (another member of a group), they change nothing.
"""

from __future__ import annotations

from core.accounts.timezones import resolve_timezone
from core.conversation import onboarding
from core.conversation.context import Context
from core.conversation.ownership import NOT_OPEN
from core.formatting import number
from core.messages import Reply
from core.recording.entries import from_kg


def _not_open(ctx: Context, step: str) -> bool:
    """Return True for a tap on onboarding's `step` button by someone not at that step."""
    return ctx.message.is_callback and ctx.profile.onboarding_step != step


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
    if _not_open(ctx, "units"):
        return [NOT_OPEN]
    if not args:
        return [Reply(f"You log in {ctx.profile.units}. Change with /units kg or /units lb.")]
    answer = onboarding.apply(ctx.profile, "units", args)
    if not answer.ok:
        return [Reply("Use /units kg or /units lb.")]
    return await _set_and_continue(ctx, "units", args, f"Units set to {ctx.profile.units}.")


async def timezone(ctx: Context, args: str) -> list[Reply]:
    if _not_open(ctx, "timezone"):
        return [NOT_OPEN]
    if not args:  # where the person lives: theirs alone
        return [
            Reply(
                f"Your timezone is {ctx.profile.timezone}. e.g. /timezone Europe/Berlin",
                private=True,
            )
        ]
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
