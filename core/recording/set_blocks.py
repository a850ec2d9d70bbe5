"""Turns the numbers read from a strength part into blocks of sets, then into sets.

What `A x B` and `A x B x C` mean (`chain_block`, by `core.recording.readings`), two
numbers `A/B` with no load (`slash_pair`: reps and weight in the order plausibility
allows, else a question), `@7` after reps that is an RPE, not a load (`rpe_not_load`);
then which load goes with which set (`spread_loads` for a list of loads, `base_load` for the
part's) and one `RawSet` per set (`expand`).
"""

from __future__ import annotations

import re

from core.recording.entries import Notation, Unit
from core.recording.readings import (
    Block,
    Lift,
    counts,
    pair,
    plausible_load,
    plausible_reps,
    weight_first,
)
from core.recording.set_limits import MAX_SETS
from core.recording.set_values import Load, RawSet, number, unit_of

MANY_SETS = 8  # from this many sets, `A x B` with B < A may be reps × sets


def chain_block(
    m: re.Match[str],
    units: Unit,
    lift: Lift,
    with_load: bool,
    notation: Notation | None,
    load_leads: bool = False,
) -> tuple[Block, bool]:
    """Return what `AxB` or `AxBxC` means (`core.recording.readings`), and if it was a guess.

    `load_leads`: a load taken out just before it led the chain (`bw+25lbs x 4 x 2`), so
    `A x B` holds the two counts of `W x A x B`."""
    a, unit_a, b, unit_b, c, unit_c = m.groups()
    na, nb = number(a), number(b)
    if c is None and load_leads and not (unit_a or unit_b):
        return counts(na, nb, notation)
    if c is not None:
        nc = number(c)
        if unit_b:
            # `3 x 100kg x 5` (sets first) or `8x80kg x3` (reps first): as `W x A x B`,
            # asked when both counts could be the sets, then the person's way remembered
            block, guessed = counts(na, nc, notation)
            return Block(block.sets, block.reps, nb, unit_of(unit_b, units)), guessed
        if weight_first(na, nc, bool(unit_a), bool(unit_c)):
            block, guessed = counts(nb, nc, notation)
            return Block(block.sets, block.reps, na, unit_of(unit_a, units)), guessed
        return Block(na, nb, nc, unit_of(unit_c, units)), False
    if unit_a:
        return Block(1.0, nb, na, unit_of(unit_a, units)), False
    if unit_b:
        return Block(1.0, na, nb, unit_of(unit_b, units)), False
    block = pair(na, nb, units, lift, with_load, notation)
    return block, with_load and notation is None and many_sets_of_fewer_reps(block)


def many_sets_of_fewer_reps(block: Block) -> bool:
    """`10x5 100kg`: ten sets of 5 is rare, five sets of 10 is common, and some write reps
    first: read with a load and no notation known, it is asked (then remembered)."""
    return block.sets >= MANY_SETS and block.reps < block.sets and block.weight is None


def slash_pair(a: float, b: float, units: Unit, lift: Lift) -> Block | str | None:
    """Return reps and weight of `A/B` by plausibility, a question if both fit, or None."""
    reps_first = plausible_reps(a, False) and plausible_load(b, units, lift) and b > 30
    weight_first = plausible_reps(b, False) and plausible_load(a, units, lift) and a > 30
    if reps_first and not weight_first:
        return Block(1.0, a, b, units)
    if weight_first and not reps_first:
        return Block(1.0, b, a, units)
    if plausible_load(a, units, lift) and plausible_load(b, units, lift) and a != b:
        return f"Is `{a:g}/{b:g}` reps/weight or weight/reps for the {lift.label}?"
    return None


def rpe_not_load(load: Load, lift: Lift) -> bool:
    """Return whether `@7` after reps (`x5@7`) is an RPE: a barbell load that small is not real."""
    return lift.barbell and load.weight <= 10 and not plausible_load(load.weight, load.unit, lift)


def spread_loads(blocks: list[Block], loads: list[Load]) -> list[Block] | None:
    """Return `blocks` with one load per set from `loads`, or None if they do not match."""
    flat = [Block(1.0, b.reps, b.weight, b.unit) for b in blocks for _ in set_range(b)]
    if len(flat) == 1 and len(loads) > 1:
        flat = flat * len(loads)
    if len(loads) == 1:
        return [
            Block(b.sets, b.reps, b.weight or loads[0].weight, b.unit or loads[0].unit)
            for b in blocks
        ]
    if len(flat) != len(loads):
        return None
    return [Block(1.0, b.reps, load.weight, load.unit) for b, load in zip(flat, loads, strict=True)]


def set_range(block: Block) -> range:
    """Return a range over the sets of `block` (none when there are more than MAX_SETS)."""
    return range(int(block.sets)) if block.sets <= MAX_SETS else range(0)


def base_load(
    load: Load | None, bw: bool, added: Load | None, units: Unit, bodyweight_exercise: bool
) -> Load | None:
    """Return the load of the part: an added load on bodyweight, or the weight written."""
    if added:
        return added
    if bw:
        return Load(load.weight, load.unit, True) if load else Load(0.0, units, True)
    if load:
        return Load(load.weight, load.unit, bodyweight_exercise)
    return None


def expand(
    block: Block, base: Load | None, on_bodyweight: bool, units: Unit, rpe: float | None
) -> RawSet:
    """Return one set of `block`, taking the part's load when the block has none."""
    if block.weight is not None:
        return RawSet(block.reps, block.weight, block.unit or units, on_bodyweight, rpe)
    if base is not None:
        return RawSet(block.reps, base.weight, base.unit, on_bodyweight or base.bodyweight, rpe)
    return RawSet(block.reps, 0.0 if on_bodyweight else None, units, on_bodyweight, rpe)
