"""Reads the sets in one part of a strength log: `3x8 100kg`, `140x5x3`, `100kg 8/8/7`.

The rules for numbers joined by `x` are documented in `core.parser`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from core.recording.entries import Unit, to_kg

MAX_LOAD_KG = 600
MAX_REPS = 100
MAX_SETS = 20
MIN_RPE, MAX_RPE = 1, 10
# `AxB` with no other load is sets × reps when A is a whole number up to this.
MAX_SETS_IN_AXB = 10

NUM = r"\d+(?:\.\d+)?"
UNIT = r"(?:kilograms?|kilos?|kgs?|pounds?|lbs?)(?![a-wyz])"

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


@dataclass(frozen=True)
class _Block:
    sets: float
    reps: float
    weight: float | None = None
    unit: Unit | None = None


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


def _take_set_words(text: str) -> tuple[list[_Block], str]:
    """Return blocks from `3 sets of 8`, `5 reps` and `5 reps x 3 sets`."""
    sets_of, text = _take(_SETS_OF, text)
    blocks = [_Block(number(m[1]), number(m[2])) for m in sets_of]
    counts, text = _take(_SETS, text)
    reps, text = _take(_REPS, text)
    if counts and len(reps) == 1:
        return [*blocks, _Block(number(counts[0][1]), number(reps[0][1]))], text
    return [*blocks, *(_Block(1.0, number(m[1])) for m in reps)], text


def _chain_block(m: re.Match[str], units: Unit, sets_by_reps: bool) -> _Block:
    """Return what `AxB` or `AxBxC` means (see the rules in `core.parser`)."""
    a, unit_a, b, unit_b, c, unit_c = m.groups()
    na, nb = number(a), number(b)
    if c is not None:
        nc = number(c)
        if unit_b:
            return _Block(na, nc, nb, unit_of(unit_b, units))
        if unit_a or (not unit_c and na >= nc):
            return _Block(nc, nb, na, unit_of(unit_a, units))
        return _Block(na, nb, nc, unit_of(unit_c, units))
    if unit_a:
        return _Block(1.0, nb, na, unit_of(unit_a, units))
    if unit_b:
        return _Block(1.0, na, nb, unit_of(unit_b, units))
    if sets_by_reps or (na <= MAX_SETS_IN_AXB and na.is_integer()):
        return _Block(na, nb)
    return _Block(1.0, nb, na, units)


def _check(blocks: list[_Block], base: Load | None, rpe: float | None, label: str) -> str | None:
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


def _weight(load: Load | None) -> tuple[float | None, Unit | None]:
    return (load.weight, load.unit) if load else (None, None)


def read_sets(
    text: str,
    label: str,
    bodyweight_exercise: bool,
    units: Unit,
    carried: Load | None,
    bare_numbers_are_reps: bool,
) -> PartSets:
    """Return the sets written in `text`, one part of a fragment about exercise `label`.

    `carried` is the load named earlier in the fragment; `bare_numbers_are_reps` says
    whether lone numbers here may be read as reps (`100kg 8 8 7`) when nothing else is.
    """
    if _NEGATIVE.search(text):
        return PartSets(
            has_reps=True,
            problem=f"Negative numbers can't be logged. Check the {label} numbers, "
            f"e.g. `{label} 3x8 100kg`.",
        )
    rpe, text = _take_rpe(text)
    bw, added, text = _take_bodyweight(text, units)
    chains, text = _take(_CHAIN, text)
    load, text = _take_load(text, units)
    blocks, text = _take_set_words(text)
    run = _RUN.search(text)
    numbers = [number(n) for n in re.findall(NUM, run[0])] if run else []
    on_bodyweight = bodyweight_exercise or bw or added is not None
    base = _base_load(load, bw, added, units, bodyweight_exercise)
    sets_by_reps = base is not None or on_bodyweight or len(numbers) == 1
    blocks = [_chain_block(m, units, sets_by_reps) for m in chains] + blocks
    has_reps = bool(blocks)
    if blocks and base is None and numbers:
        base = Load(numbers[0], units, bodyweight_exercise)
    elif not blocks and numbers and (base is not None or bare_numbers_are_reps):
        blocks = [_Block(1.0, n) for n in numbers]
    base = base or carried
    if problem := _check(blocks, base, rpe, label):
        return PartSets(has_reps=True, problem=problem)
    sets = tuple(
        _expand(block, base, on_bodyweight, units, rpe) for block in blocks for _ in _count(block)
    )
    last = sets[-1] if sets else None
    if last and last.weight is not None:
        base = Load(last.weight, last.unit, last.bodyweight)
    return PartSets(sets, base, has_reps)


def _count(block: _Block) -> range:
    return range(int(block.sets))


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
    block: _Block, base: Load | None, on_bodyweight: bool, units: Unit, rpe: float | None
) -> RawSet:
    """Return one set of `block`, taking the part's load when the block has none."""
    if block.weight is not None:
        return RawSet(block.reps, block.weight, block.unit or units, on_bodyweight, rpe)
    if base is not None:
        return RawSet(block.reps, base.weight, base.unit, on_bodyweight or base.bodyweight, rpe)
    return RawSet(block.reps, 0.0 if on_bodyweight else None, units, on_bodyweight, rpe)
