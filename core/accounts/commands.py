"""/units, /timezone and /profile: the person's settings, shared with onboarding.

Onboarding's buttons send `/units kg` and `/timezone …`; tapped by someone not at that
question (another member of a group), they change nothing.
"""

from __future__ import annotations

from core.accounts.profile import Profile
from core.accounts.timezones import resolve_timezone
from core.coaching.heart_rate import zone2_for
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
    ctx.profile.units_since = ctx.message_id  # lifts logged before turn to the new unit
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


HEART_RATE_WORDS = {
    "maxhr": "max_hr",
    "max": "max_hr",
    "hrmax": "max_hr",
    "resthr": "rest_hr",
    "rest": "rest_hr",
    "rhr": "rest_hr",
}
HEART_RATES = {"max_hr": (100, 230), "rest_hr": (30, 110)}  # bpm a person can have


def set_heart_rate(profile: Profile, field: str, text: str) -> str:
    """Set the measured maximum or resting heart rate (`off` clears it); return a problem."""
    words = text.replace("bpm", " ").split()
    if words == ["off"] or words == ["clear"]:
        setattr(profile, field, None)
        return ""
    low, high = HEART_RATES[field]
    if len(words) != 1 or not words[0].isdigit() or not low <= int(words[0]) <= high:
        name, example = ("maximum", "maxhr 182") if field == "max_hr" else ("resting", "resthr 55")
        return (
            f"A {name} heart rate is a whole number of bpm from {low} to {high}, "
            f"e.g. /profile {example}."
        )
    setattr(profile, field, int(words[0]))
    if (
        profile.max_hr is not None
        and profile.rest_hr is not None
        and profile.rest_hr >= profile.max_hr
    ):
        setattr(profile, field, None)
        return "Your resting heart rate must be below your maximum."
    return ""


def heart_rate_lines(profile: Profile) -> str:
    """Return the heart-rate lines of /profile: the maximum used and the Zone 2 range."""
    zone = zone2_for(profile.age, profile.max_hr, profile.rest_hr)
    source = "measured" if profile.max_hr is not None else "estimated from age"
    if zone is None:
        return "Max heart rate: not set (/profile maxhr 182, or set your age)"
    rest = f", resting {profile.rest_hr}" if profile.rest_hr is not None else ""
    return f"Max heart rate: {zone.max_hr} ({source}){rest} · Zone 2: {zone.low}–{zone.high} bpm"


async def profile_(ctx: Context, args: str) -> list[Reply]:
    profile = ctx.profile
    words = args.lower().split(maxsplit=1)
    if len(words) == 2 and words[0] in ("age", "weight", "bodyweight", "bw"):
        step = "age" if words[0] == "age" else "bodyweight"
        answer = onboarding.apply(profile, step, words[1])
        if not answer.ok:
            return [Reply(answer.message)]
    elif len(words) == 2 and words[0] in HEART_RATE_WORDS:
        problem = set_heart_rate(profile, HEART_RATE_WORDS[words[0]], words[1])
        if problem:
            return [Reply(problem)]
    elif args:
        return [
            Reply(
                "Use /profile age 62, /profile weight 80kg, /profile maxhr 182 or "
                "/profile resthr 55."
            )
        ]
    age = str(profile.age) if profile.age else "not set"
    weight = (
        f"{number(from_kg(profile.bodyweight_kg, profile.units))} {profile.units}"
        if profile.bodyweight_kg
        else "not set"
    )
    return [
        Reply(
            f"Age: {age}\nBodyweight: {weight}\nUnits: {profile.units}\n"
            f"Timezone: {profile.timezone}\n{heart_rate_lines(profile)}\n"
            "Change: /profile age 62 · /profile weight 80kg · /profile maxhr 182 · "
            "/profile resthr 55",
            private=True,
        )
    ]
