"""`/program`: choose a starting week (equipment, then days), see it, or drop it."""

from __future__ import annotations

import re

from core.coaching.program import (
    EQUIPMENT,
    LIFT_DAYS,
    Equipment,
    Program,
    build_program,
    days_text,
    decode,
    encode,
)
from core.conversation.context import Context
from core.messages import Choice, Reply
from core.recording.catalogue import display_name

ASK_EQUIPMENT = "Let's set up your week. What do you have to train with?"
EQUIPMENT_CHOICES = (
    Choice("Full gym", "/program gym"),
    Choice("Dumbbells", "/program dumbbells"),
    Choice("Kettlebell", "/program kettlebell"),
    Choice("Home, no equipment", "/program home"),
)
ASK_DAYS = "How many days a week can you lift?"
DEFAULT_TIME = "18:00"
_WORDS: dict[str, Equipment] = {
    "gym": "gym",
    "full gym": "gym",
    "dumbbells": "dumbbells",
    "dumbbell": "dumbbells",
    "db": "dumbbells",
    "kettlebell": "kettlebell",
    "kettlebells": "kettlebell",
    "kb": "kettlebell",
    "home": "home",
    "bodyweight": "home",
    "home no equipment": "home",
    "none": "home",
    "nothing": "home",
    "no equipment": "home",
}
_DAYS = {"2": 2, "two": 2, "2 days": 2, "3": 3, "three": 3, "3 days": 3}


def _days_choices(equipment: Equipment) -> tuple[Choice, ...]:
    return tuple(
        Choice(
            f"{n} days ({days_text(LIFT_DAYS[n])})",
            f"/program {equipment} {n}",
        )
        for n in (2, 3)
    )


def equipment_of(text: str) -> Equipment | None:
    """Return the equipment a typed answer names (`dumbbells`, `2` for the second button)."""
    words = " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
    if words.isdigit() and 1 <= int(words) <= len(EQUIPMENT_CHOICES):
        return EQUIPMENT_CHOICES[int(words) - 1].data.split()[1]  # type: ignore[return-value]
    return _WORDS.get(words)


def days_of(text: str) -> int | None:
    """Return the lifting days a typed answer names (`2`, `three`, `3 days`)."""
    words = " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
    return _DAYS.get(words.removesuffix(" a week"))


def program_text(program: Program) -> str:
    """Return the week as the reply shows it."""
    names = [", ".join(display_name(e) for e in t) for t in program.templates]
    lines = [
        f"Your week ({EQUIPMENT[program.equipment]}, {len(program.lift_days)} lifting days):",
        f"🏋️ {days_text(program.lift_days)}: full body, {program.sets}×{program.reps} each lift",
    ]
    if len(names) == 1:
        lines.append(f"   {names[0]}")
    else:
        lines += [f"   {label}: {n}" for label, n in zip("AB", names, strict=False)]
        lines.append("   Alternate A and B: A, B, A, then B, A, B.")
    lines += [
        f"🫀 Zone 2 {days_text(program.zone2_days)}: {program.zone2_minutes} min "
        "(brisk walk, bike, swim: you can talk, not sing)",
        f"⚡ Intervals {days_text(program.hiit_days)}: {program.hiit_minutes} min",
        "🚶 A walk every day.",
    ]
    return "\n".join(lines)


CALIBRATION_TEXT = (
    "First session, to find your loads: for each lift do a few easy warm-up sets, then one "
    "set of 8 that feels like 2–3 reps left in the tank. Log that set, like "
    "`goblet squat 1x8 {example}`, and I'll set your working loads from it. Bodyweight "
    "moves: 3 sets, each stopped 2–3 reps short. /plan shows each session."
)
EXAMPLE_LOAD = {"kg": "16kg", "lb": "35lb"}  # a common dumbbell in each unit


async def program(ctx: Context, args: str) -> list[Reply]:
    """`/program`: the week chosen, or the questions that choose one."""
    words = args.lower().split()
    current = decode(ctx.profile.program)
    if not words:
        if current is not None:
            return [
                Reply(
                    program_text(current),
                    (Choice("Change it", "/program new"), Choice("Drop it", "/program off")),
                    private=True,
                )
            ]
        return [Reply(ASK_EQUIPMENT, EQUIPMENT_CHOICES)]
    if words == ["new"]:
        return [Reply(ASK_EQUIPMENT, EQUIPMENT_CHOICES)]
    if words[0] in ("off", "stop", "drop", "none"):
        if current is None:
            return [Reply("You have no program. /program sets one up.")]
        ctx.profile.program = None
        return [Reply("Program dropped: /plan now follows what you log.")]
    equipment = equipment_of(words[0])
    if equipment is None:
        return [Reply(f"I don't know “{args[:30]}”. " + ASK_EQUIPMENT, EQUIPMENT_CHOICES)]
    if len(words) == 1:
        return [Reply(ASK_DAYS, _days_choices(equipment))]
    days = days_of(" ".join(words[1:]))
    if days is None:
        return [Reply("2 or 3 days? " + ASK_DAYS, _days_choices(equipment))]
    chosen = build_program(equipment, days, ctx.profile.age)
    ctx.profile.program = encode(chosen)
    remind = ",".join(days_text(chosen.lift_days).lower().split())
    return [
        Reply(program_text(chosen), private=True),
        Reply(
            CALIBRATION_TEXT.format(example=EXAMPLE_LOAD[ctx.profile.units]),
            (
                Choice(
                    f"🔔 Remind me {days_text(chosen.lift_days)} {DEFAULT_TIME}",
                    f"/remind resistance {remind} {DEFAULT_TIME}",
                ),
            ),
        ),
    ]
