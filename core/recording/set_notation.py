"""Reads the sets in one part of a strength log: `3x8 100kg`, `140x5`, `100kg 8/8/7`.

Which number is the weight, reps or sets is chosen in `core.recording.readings`. Before
that, marks are made plain: `225#` is 225 lb, `70k` 70 kg, `12r 4s` 12 reps 4 sets,
`2 singles` 2 sets of 1, `x bar` an empty bar, `5 reps x 3 sets` 3 sets of 5, a trailing
`x 3 sets` or `(x 3)` repeats the set before it three times, `2 RIR` is RPE 8, `@RPE<8`
(no single number) no RPE, and a percentage is not a load. `x5` alone is 5 reps on the
load before it. A list of loads (`105lbs/120lbs/135lbs 3x5`, `8x3 80/85/.../100kg`) gives
one load per set in order, or pairs with a rep list (`135lbs/155lbs 5/3`); two numbers
`A/B` with no load are reps and weight in the order plausibility allows, else a question.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from core.recording.entries import Notation, Unit, to_kg
from core.recording.marks import NUM, UNIT, plain
from core.recording.readings import (
    MAX_PLAUSIBLE_REPS,
    Block,
    Lift,
    counts,
    pair,
    plausible_load,
    plausible_reps,
    weight_first,
)

MAX_LOAD_KG = 600
MAX_REPS = 100
MAX_SETS = 20
MIN_RPE, MAX_RPE = 1, 10
# An added load on a bodyweight lift is at least a small plate; one this heavy or more,
# written without `+`, `bw` or `weighted`, may be the person's bodyweight itself: asked.
MIN_ADDED_KG = 1.25
MIN_BODYWEIGHT_KG = 40


_NEGATIVE = re.compile(r"(?<![a-wyz0-9.])-\d")
_RPE_BEFORE = re.compile(rf"@?\s*\brpe\s*[:=]?\s*({NUM})")
_RPE_AFTER = re.compile(rf"@?\s*(?<![\w.])({NUM})\s*rpe\b")
_BODYWEIGHT = re.compile(rf"\b(?:bw|bodyweight|body\s*weight)\b(?:\s*\+\s*({NUM})\s*({UNIT})?)?")
_ADDED = re.compile(rf"\+\s*({NUM})\s*({UNIT})?")
_CHAIN = re.compile(
    rf"(?<![\w.])({NUM})\s*({UNIT})?\s*x\s*({NUM})\s*({UNIT})?(?:\s*x\s*({NUM})\s*({UNIT})?)?"
)
_LOAD = re.compile(rf"(?:@|\bat\b)?\s*(?<![\w.])({NUM})\s*({UNIT})")
_AT_LOAD = re.compile(rf"(?:@|\bat\b)\s*({NUM})(?![\d.])(?!\s*(?:sets?|reps?|x)\b)")
_SETS_OF = re.compile(rf"(?<![\w.])({NUM})\s*sets?\s*(?:of|x)?\s*({NUM})(?:\s*reps?\b)?")
_SETS = re.compile(rf"(?<![\w.])({NUM})\s*sets?\b")
_REPS = re.compile(rf"(?<![\w.])({NUM})\s*reps?\b")
_RUN = re.compile(rf"(?<![\w.]){NUM}(?:(?:\s*[,/]\s*|\s+){NUM})*(?!\w|\.\d)")
_FAILED_SET = re.compile(r"x\s*(?:fail(?:ed)?|f)\b|\bno lift\b")
_SETS_OF_NO_COUNT = re.compile(rf"(?<![\d\s])\s*\bsets\s+of\s+{NUM}|^\s*sets\s+of\s+{NUM}")
_COLON_LOAD = re.compile(rf"(?<![\w.])({NUM})\s*:\s*(?={NUM})")
_BARE_REPS = re.compile(rf"(?<![\w.])x\s*({NUM})(?![\w.])")
_LOAD_LIST = re.compile(rf"(?<![\w.])({NUM}\s*(?:{UNIT})?(?:\s*/\s*{NUM}\s*(?:{UNIT})?)+)")
_LIST_ITEM = re.compile(rf"({NUM})\s*({UNIT})?")
_PAIR = re.compile(rf"^\D*?(?<![\w.])({NUM})\s*/\s*({NUM})(?![\w.])\D*$")


@dataclass(frozen=True)
class Load:
    weight: float
    unit: Unit
    bodyweight: bool  # `weight` is added to bodyweight


@dataclass(frozen=True)
class RawSet:
    """A set as written; reps are checked whole numbers, weight None when not given."""

    reps: float
    weight: float | None
    unit: Unit
    bodyweight: bool
    rpe: float | None


@dataclass(frozen=True)
class PartSets:
    sets: tuple[RawSet, ...] = ()
    load: Load | None = None  # the last load named here, for the parts after it
    has_reps: bool = False
    problem: str | None = None  # a question back when the numbers cannot be real
    ambiguous: bool = False  # `W x A x B` read by a guess: the caller asks
    uniform: bool = False  # the sets came from a count (`3x8`), not a list of reps
    count: float | None = None  # a set count with no reps (`5 sets,`): for the next part


def number(text: str) -> float:
    """Return `text` as a float; digit strings too long for any real lift are infinite."""
    return math.inf if len(text.split(".")[0]) > 9 else float(text)


def shown(value: float) -> str:
    """Return `value` for a message: `102.5`, or words for a number too big to print."""
    return f"{value:g}" if value < 1e9 else "over a billion"


def unit_of(word: str | None, default: Unit) -> Unit:
    if not word:
        return default
    return "lb" if word.startswith(("lb", "pound")) else "kg"


def _take(pattern: re.Pattern[str], text: str) -> tuple[list[re.Match[str]], str]:
    """Return the matches of `pattern` in `text` and the text with them blanked out."""
    matches = list(pattern.finditer(text))
    return matches, pattern.sub(" ", text) if matches else text


def _take_rpe(text: str) -> tuple[float | None, str]:
    for pattern in (_RPE_BEFORE, _RPE_AFTER):
        if m := pattern.search(text):
            return number(m[1]), text[: m.start()] + " " + text[m.end() :]
    return None, text


def _take_bodyweight(text: str, units: Unit) -> tuple[bool, Load | None, str]:
    """Return whether `bw` was written, the added load (`bw+10`, `+10kg`), and the rest."""
    marks, text = _take(_BODYWEIGHT, text)
    added = next((m for m in marks if m[1]), None)
    if added is None:
        pluses, text = _take(_ADDED, text)
        added = pluses[0] if pluses else None
    load = Load(number(added[1]), unit_of(added[2], units), True) if added else None
    return bool(marks), load, text


def _take_load(text: str, units: Unit) -> tuple[Load | None, str]:
    with_unit, text = _take(_LOAD, text)
    at, text = _take(_AT_LOAD, text)
    if with_unit:
        return Load(number(with_unit[0][1]), unit_of(with_unit[0][2], units), False), text
    if at:
        return Load(number(at[0][1]), units, False), text
    return None, text


def _take_set_words(text: str) -> tuple[list[Block], float | None, str]:
    """Return blocks from `3 sets of 8`, `5 reps` and `5 reps x 3 sets`, and a lone set count."""
    sets_of, text = _take(_SETS_OF, text)
    blocks = [Block(number(m[1]), number(m[2])) for m in sets_of]
    sets, text = _take(_SETS, text)
    reps, text = _take(_REPS, text)
    if sets and len(reps) == 1:
        return [*blocks, Block(number(sets[0][1]), number(reps[0][1]))], None, text
    count = number(sets[-1][1]) if sets else None
    return [*blocks, *(Block(1.0, number(m[1])) for m in reps)], count, text


def _chain_block(
    m: re.Match[str], units: Unit, lift: Lift, with_load: bool, notation: Notation | None
) -> tuple[Block, bool]:
    """Return what `AxB` or `AxBxC` means (`core.recording.readings`), and if it was a guess."""
    a, unit_a, b, unit_b, c, unit_c = m.groups()
    na, nb = number(a), number(b)
    if c is not None:
        nc = number(c)
        if unit_b:
            return Block(na, nc, nb, unit_of(unit_b, units)), False
        if weight_first(na, nc, bool(unit_a), bool(unit_c)):
            block, guessed = counts(nb, nc, notation)
            return Block(block.sets, block.reps, na, unit_of(unit_a, units)), guessed
        return Block(na, nb, nc, unit_of(unit_c, units)), False
    if unit_a:
        return Block(1.0, nb, na, unit_of(unit_a, units)), False
    if unit_b:
        return Block(1.0, na, nb, unit_of(unit_b, units)), False
    return pair(na, nb, units, lift, with_load, notation), False


def _take_load_list(text: str, units: Unit) -> tuple[list[Load], str]:
    """Return a list of loads `105lbs/120lbs/135lbs` (a unit on at least one) and the rest."""
    for m in _LOAD_LIST.finditer(text):
        items = _LIST_ITEM.findall(m[1])
        if any(unit for _, unit in items):
            last_unit = next(unit for _, unit in reversed(items) if unit)
            loads = [Load(number(n), unit_of(u or last_unit, units), False) for n, u in items]
            if len(loads) == 2 and loads[0].unit != loads[1].unit:  # 45lbs/20.4kg: one load
                loads = loads[:1]
            return loads, text[: m.start()] + " " + text[m.end() :]
    return [], text


def _check(blocks: list[Block], base: Load | None, rpe: float | None, label: str) -> str | None:
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
        weight, unit = (block.weight, block.unit) if block.weight is not None else _weight(base)
        if weight is not None and unit and to_kg(weight, unit) > MAX_LOAD_KG:
            return (
                f"{shown(weight)} {unit} on the {label}? That's over {MAX_LOAD_KG} kg, more than "
                f"I can log. Check the weight, {example}."
            )
    if rpe is not None and not MIN_RPE <= rpe <= MAX_RPE:
        return (
            f"RPE {shown(rpe)}? RPE goes from {MIN_RPE} to {MAX_RPE}, "
            f"e.g. `{label} 3x5 100kg @rpe 8`."
        )
    return None


def read_sets(
    text: str,
    lift: Lift,
    units: Unit,
    carried: Load | None,
    bare_numbers_are_reps: bool,
    notation: Notation | None = None,
    weighted: bool = False,
) -> PartSets:
    """Return the sets written in `text`, one part of a fragment about `lift`.

    `carried` is the load named earlier in the fragment; `bare_numbers_are_reps` says
    whether lone numbers here may be read as reps (`100kg 8 8 7`) when nothing else is;
    `weighted` that the lift was named as weighted (a load on it is added to bodyweight).
    """
    label = lift.label
    example = f"e.g. `{label} 3x8 100kg`"
    if _NEGATIVE.search(text):
        return PartSets(
            has_reps=True,
            problem=f"Negative numbers can't be logged. Check the {label} numbers, {example}.",
        )
    text, rpe, times = plain(text, units)
    if _FAILED_SET.search(text):
        return PartSets(
            has_reps=True,
            problem=f"A failed set of {label}: how many reps did each set get? "
            f"e.g. `{label} 100kg 5, 5, 3`",
        )
    if _SETS_OF_NO_COUNT.search(text):
        return PartSets(has_reps=True, problem=f"How many sets of {label} was that? {example}")
    if rpe is None:
        rpe, text = _take_rpe(text)
    marked = weighted or "weighted" in text or "+" in text or bool(_BODYWEIGHT.search(text))
    bw, added, text = _take_bodyweight(text, units)
    loads, text = _take_load_list(text, units)
    colon, text = _take(_COLON_LOAD, text)
    chains, text = _take(_CHAIN, text)
    load, text = _take_load(text, units)
    if load is None and colon:
        load = Load(number(colon[0][1]), units, False)
    if load and rpe is None and not load.bodyweight and _rpe_not_load(load, lift, text):
        rpe, load = load.weight, None
    blocks, count, text = _take_set_words(text)
    bare, text = _take(_BARE_REPS, text)
    on_bodyweight = lift.bodyweight or bw or added is not None
    base = _base_load(load, bw, added, units, lift.bodyweight)
    run = _RUN.search(text)
    numbers = [number(n) for n in re.findall(NUM, run[0])] if run else []
    stray = bool(run and _RUN.search(text, run.end()))  # a second run of numbers: unread
    if not chains and not blocks and not bare and base is None and not loads and not on_bodyweight:
        if m := _PAIR.match(text):
            read = _slash_pair(number(m[1]), number(m[2]), units, lift)
            if isinstance(read, str):
                return PartSets(has_reps=True, problem=read)
            if read:
                blocks, numbers = [read], []
    with_load = base is not None or bw or len(numbers) == 1 or bool(loads)
    guessed = False
    chain_blocks = []
    for m in chains:
        block, guess = _chain_block(m, units, lift, with_load, notation)
        chain_blocks.append(block)
        guessed = guessed or guess
    blocks = chain_blocks + blocks + [Block(1.0, number(m[1])) for m in bare]
    if times and blocks and blocks[-1].sets == 1:
        blocks[-1] = Block(times, blocks[-1].reps, blocks[-1].weight, blocks[-1].unit)
    uniform = any(b.sets > 1 for b in blocks)
    counted = bool(blocks)
    used = 0  # how many of `numbers` were read
    if loads and not blocks and numbers and len(numbers) == len(loads):
        blocks = [Block(1.0, n, x.weight, x.unit) for n, x in zip(numbers, loads, strict=True)]
        used = len(numbers)
    elif blocks and base is None and numbers and not loads:
        base, used = Load(numbers[0], units, lift.bodyweight), 1
    elif not blocks and numbers and (base is not None or bare_numbers_are_reps or loads):
        blocks, used = [Block(1.0, n) for n in numbers], len(numbers)
    if not loads and counted and len(numbers) > 1 and run and "/" in run[0]:
        if sum(b.sets for b in blocks) == len(numbers):  # `3 x 5 - 80/100/120`
            loads, base, used = (
                [Load(n, units, lift.bodyweight) for n in numbers],
                None,
                len(numbers),
            )
    if blocks and (used < len(numbers) or stray):
        shown_numbers = " ".join(f"{n:g}" for n in numbers[used:]) or "other numbers"
        return PartSets(
            has_reps=True,
            problem=f"I couldn't tell what {shown_numbers} means in the {label} sets. "
            f"Send one set per line, e.g. `{label} 100kg x 8`.",
        )
    if loads:
        spread = _spread(blocks, loads)
        if spread is None:
            return PartSets(
                has_reps=True, problem=f"Which load went with which set of {label}? {example}"
            )
        blocks, base = spread, Load(loads[-1].weight, loads[-1].unit, lift.bodyweight)
    if carried and base is None and any(b.sets == 1 and b.weight is None for b in chain_blocks):
        m = chains[0]
        return PartSets(
            has_reps=True,
            problem=f"Is `{m[0].strip()}` one set of {m[3]} reps at {carried.weight:g} "
            f"{carried.unit}, or {m[1]} x {m[3]} {carried.unit}? {example}",
        )
    base = base or carried
    if problem := _check(blocks, base, rpe, label) or _doubtful(blocks, base, lift, marked):
        return PartSets(has_reps=True, problem=problem)
    sets = tuple(
        _expand(block, base, on_bodyweight, units, rpe) for block in blocks for _ in _count(block)
    )
    last = sets[-1] if sets else None
    if last and last.weight is not None:
        base = Load(last.weight, last.unit, last.bodyweight)
    return PartSets(sets, base, bool(blocks), ambiguous=guessed, uniform=uniform, count=count)


def _doubtful(blocks: list[Block], base: Load | None, lift: Lift, marked: bool) -> str | None:
    """Return a question about numbers that are possible but unlikely to be what was meant.

    Reps beyond MAX_PLAUSIBLE_REPS with a weight on a loaded lift (`db bench 2x90`); on a
    bodyweight lift, an added load below a small plate, or one a person could weigh that is
    not marked as added (`3x10 pull ups @ 135lbs`).
    """
    label = lift.label
    for block in blocks:
        weight, unit = (block.weight, block.unit) if block.weight is not None else _weight(base)
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


def _rpe_not_load(load: Load, lift: Lift, rest: str) -> bool:
    """Return whether `@7` after reps (`x5@7`) is an RPE: a barbell load that small is not real."""
    return lift.barbell and load.weight <= 10 and not plausible_load(load.weight, load.unit, lift)


def _slash_pair(a: float, b: float, units: Unit, lift: Lift) -> Block | str | None:
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


def _spread(blocks: list[Block], loads: list[Load]) -> list[Block] | None:
    """Return `blocks` with one load per set from `loads`, or None if they do not match."""
    flat = [Block(1.0, b.reps, b.weight, b.unit) for b in blocks for _ in _count(b)]
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


def _count(block: Block) -> range:
    return range(int(block.sets)) if block.sets <= MAX_SETS else range(0)


def _weight(load: Load | None) -> tuple[float | None, Unit | None]:
    return (load.weight, load.unit) if load else (None, None)


def _base_load(
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


def _expand(
    block: Block, base: Load | None, on_bodyweight: bool, units: Unit, rpe: float | None
) -> RawSet:
    """Return one set of `block`, taking the part's load when the block has none."""
    if block.weight is not None:
        return RawSet(block.reps, block.weight, block.unit or units, on_bodyweight, rpe)
    if base is not None:
        return RawSet(block.reps, base.weight, base.unit, on_bodyweight or base.bodyweight, rpe)
    return RawSet(block.reps, 0.0 if on_bodyweight else None, units, on_bodyweight, rpe)
