"""What numbers a set may have: the limits past which they are asked about, never logged.

`check` asks about numbers no one lifts (0 reps, over MAX_SETS sets or MAX_REPS reps,
fractions of a rep, over MAX_LOAD_KG, an RPE outside MIN_RPE-MAX_RPE); `doubtful` about
numbers possible but unlikely to be what was meant: reps past MAX_PLAUSIBLE_REPS with a
weight on a loaded lift, or on a bodyweight lift an added load below a small plate or one
a person could weigh that is not marked as added.
"""

from __future__ import annotations

from core.recording.entries import to_kg
from core.recording.readings import MAX_PLAUSIBLE_REPS, Block, Lift
from core.recording.set_values import Load, shown, weight_of

MAX_LOAD_KG = 600
MAX_REPS = 100
MAX_SETS = 20
MIN_RPE, MAX_RPE = 1, 10
# An added load on a bodyweight lift is at least a small plate; one this heavy or more,
# written without `+`, `bw` or `weighted`, may be the person's bodyweight itself: asked.
MIN_ADDED_KG = 1.25
MIN_BODYWEIGHT_KG = 40


def check(blocks: list[Block], base: Load | None, rpe: float | None, label: str) -> str | None:
    """Return a question about numbers no one lifts, or None if they look real."""
    example = f"e.g. `{label} 3x8 100kg`"
    for block in blocks:
        if block.sets < 1 or block.reps < 1:
            return f"A set of 0 reps of {label}? Check the numbers, {example}."
        if block.sets > MAX_SETS:
            return (
                f"{shown(block.sets)} sets of {label}? I can log up to {MAX_SETS} at once. "
                f"Check the numbers, {example}."
            )
        if block.reps > MAX_REPS:
            return (
                f"{shown(block.reps)} reps in one set of {label}? I can log up to {MAX_REPS} "
                f"a set. Check the numbers, {example}."
            )
        if not (block.sets.is_integer() and block.reps.is_integer()):
            return f"Sets and reps are whole numbers. Check the {label} numbers, {example}."
        weight, unit = (block.weight, block.unit) if block.weight is not None else weight_of(base)
        if weight is not None and unit and to_kg(weight, unit) > MAX_LOAD_KG:
            return (
                f"{shown(weight).capitalize()} {unit} on the {label}? That's over "
                f"{MAX_LOAD_KG} kg, more than I can log. Check the weight, {example}."
            )
    if rpe is not None and not MIN_RPE <= rpe <= MAX_RPE:
        return (
            f"RPE {shown(rpe)}? RPE goes from {MIN_RPE} to {MAX_RPE}, "
            f"e.g. `{label} 3x5 100kg @rpe 8`."
        )
    return None


def doubtful(blocks: list[Block], base: Load | None, lift: Lift, marked: bool) -> str | None:
    """Return a question about numbers that are possible but unlikely to be what was meant.

    Reps beyond MAX_PLAUSIBLE_REPS with a weight on a loaded lift (`db bench 2x90`); on a
    bodyweight lift, an added load below a small plate, or one a person could weigh that is
    not marked as added (`3x10 pull ups @ 135lbs`).
    """
    label = lift.label
    for block in blocks:
        weight, unit = (block.weight, block.unit) if block.weight is not None else weight_of(base)
        if weight is None or not unit or weight <= 0:
            continue
        kg = to_kg(weight, unit)
        if not lift.bodyweight and block.reps > MAX_PLAUSIBLE_REPS:
            return (
                f"{block.reps:g} reps a set of {label} at {weight:g} {unit}? "
                f"Check the numbers, e.g. `{label} 3x8 100kg` (sets x reps, then the weight)."
            )
        if lift.bodyweight and (kg < MIN_ADDED_KG or (kg >= MIN_BODYWEIGHT_KG and not marked)):
            return (
                f"Was {weight:g} {unit} added to your bodyweight on the {label}? If so, "
                f"send e.g. `{label} 3x8 bw+{weight:g}{unit}`; if not, `{label} 3x8 bw`."
            )
    return None
