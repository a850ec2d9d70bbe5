"""Choosing between the readings of numbers joined by `x`: which is the weight, the reps,
the sets, by what is plausible for the exercise and the unit.

Plausible: sets 1-10; reps 1-30 (up to 100 for bodyweight work); a load at least an empty
bar (20 kg, 45 lb) for a barbell lift. A unit mark settles which number is the weight.

* `A x B` with a load elsewhere in the part (`3x8 100kg`) is A sets of B reps, unless A
  is no plausible set count and B is (`50kg 15x4` is 4 sets of 15).
* `A x B` alone: A sets of B reps if both fit (`squat 3x8`, which lacks a load), else
  weight × reps (`100x5`), else reps × weight (`5x135`, `5x80` on a squat).
* `A x B x C`: the weight is the number with a unit, else the one that is no plausible
  count, else the larger end. Weight last (`3x5x100`) is sets × reps × weight.
  Weight first (`225x3x5`) leaves two counts: when both are plausible set counts and
  differ, the line is ambiguous and the person's notation decides — "sets-reps" reads
  `W x A x B` as A sets of B reps, "reps-sets" as A reps × B sets (in `A x B` with a load
  too). Without a notation the caller asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.recording.entries import Notation, Unit

MAX_PLAUSIBLE_SETS = 10
MAX_PLAUSIBLE_REPS = 30
MAX_PLAUSIBLE_LIGHT_REPS = 100
EMPTY_BAR: dict[Unit, float] = {"kg": 20.0, "lb": 45.0}
BARBELL_LIFTS = frozenset(
    {
        "squat", "front_squat", "deadlift", "romanian_deadlift", "trap_bar_deadlift",
        "bench_press", "incline_bench_press", "overhead_press", "barbell_row", "hip_thrust",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Lift:
    """What the reader knows of the exercise: its label, whether it is on bodyweight."""

    label: str
    bodyweight: bool
    barbell: bool


@dataclass(frozen=True)
class Block:
    sets: float
    reps: float
    weight: float | None = None
    unit: Unit | None = None


def plausible_sets(n: float) -> bool:
    return n.is_integer() and 1 <= n <= MAX_PLAUSIBLE_SETS


def plausible_reps(n: float, light: bool) -> bool:
    top = MAX_PLAUSIBLE_LIGHT_REPS if light else MAX_PLAUSIBLE_REPS
    return n.is_integer() and 1 <= n <= top


def plausible_load(w: float, unit: Unit, lift: Lift) -> bool:
    return w > 0 and (lift.bodyweight or not lift.barbell or w >= EMPTY_BAR[unit])


def pair(
    a: float, b: float, unit: Unit, lift: Lift, with_load: bool, notation: Notation | None
) -> Block:
    """Return what `A x B` (no unit on either) means; see the module docstring."""
    if with_load:
        flipped = not plausible_sets(a) and plausible_sets(b) and plausible_reps(a, lift.bodyweight)
        if notation == "reps-sets" or flipped:
            return Block(b, a)
        return Block(a, b)
    if plausible_sets(a) and plausible_reps(b, lift.bodyweight):
        return Block(a, b)
    if plausible_reps(b, lift.bodyweight) and plausible_load(a, unit, lift):
        return Block(1.0, b, a, unit)
    if plausible_reps(a, lift.bodyweight) and plausible_load(b, unit, lift):
        return Block(1.0, a, b, unit)
    return Block(1.0, b, a, unit) if not plausible_sets(a) else Block(a, b)


def counts(a: float, b: float, notation: Notation | None) -> tuple[Block, bool]:
    """Return sets and reps of `W x A x B`, and whether they were a guess (ambiguous)."""
    if notation == "sets-reps":
        return Block(a, b), False
    if notation == "reps-sets":
        return Block(b, a), False
    if a == b:
        return Block(a, b), False
    if plausible_sets(a) and plausible_sets(b):
        return Block(a, b), True
    if plausible_sets(b) and not plausible_sets(a):
        return Block(b, a), False
    return Block(a, b), False


def weight_first(a: float, c: float, unit_a: bool, unit_c: bool) -> bool:
    """Return whether `A x B x C` has its weight first (see the module docstring)."""
    if unit_a or unit_c:
        return unit_a
    a_count = a.is_integer() and a <= MAX_PLAUSIBLE_REPS
    c_count = c.is_integer() and c <= MAX_PLAUSIBLE_REPS
    if a_count != c_count:
        return not a_count
    return a >= c
