"""Reads the sets in one part of a strength log: `3x8 100kg`, `140x5`, `100kg 8/8/7`.

Which number is the weight, reps or sets is chosen in `core.recording.readings`. Before
that, marks are made plain: `225#` is 225 lb, `70k` 70 kg, `12r 4s` 12 reps 4 sets,
`2 singles` 2 sets of 1, `x bar` an empty bar, `5 reps x 3 sets` 3 sets of 5, a trailing
`x 3 sets` or `(x 3)` repeats the set before it three times, `2 RIR` is RPE 8, `@RPE<8`
(no single number) no RPE, and a percentage is not a load. `x5` alone is 5 reps on the
load before it. A list of loads (`105lbs/120lbs/135lbs 3x5`, `8x3 80/85/.../100kg`) gives
one load per set in order, or pairs with a rep list (`135lbs/155lbs 5/3`); two numbers
`A/B` with no load are reps and weight in the order plausibility allows, else a question.
A number no set has as reps before reps (`bench 135 8,8,7,6`, `bench 185 8`) is their load.

This module puts the steps in order: the marked pieces are taken out by `set_pieces`, the
numbers become blocks and sets by `set_blocks` and are checked by `set_limits`. The limits
and `set_values`' names can still be imported from here.

Asked, never guessed: two different loads in one part (`3x5 100kg 3x5 80kg`), `+10` on a
lift that is not on bodyweight (added to what?), an `x` no count follows (`405 2,1,x`,
`135 x AMRAP`), and a bare number after the sets that no one lifts on that lift (`squat
3x5,5`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.recording.entries import Notation, Unit
from core.recording.marks import NUM, UNIT, plain
from core.recording.readings import (
    MAX_PLAUSIBLE_REPS,
    Block,
    Lift,
    plausible_load,
    plausible_reps,
)
from core.recording.set_blocks import (
    base_load,
    chain_block,
    expand,
    rpe_not_load,
    set_range,
    slash_pair,
    spread_loads,
)
from core.recording.set_limits import (
    MAX_LOAD_KG,
    MAX_REPS,
    MAX_RPE,
    MAX_SETS,
    MIN_RPE,
    check,
    doubtful,
)
from core.recording.set_pieces import (
    BARE_REPS,
    CHAIN,
    COLON_LOAD,
    SEVERAL_LOADS,
    same_load,
    take,
    take_bodyweight,
    take_load,
    take_load_list,
    take_rpe,
    take_set_words,
)
from core.recording.set_values import Load, RawSet, number, shown, unit_of

__all__ = [
    "MAX_LOAD_KG",
    "MAX_REPS",
    "MAX_RPE",
    "MAX_SETS",
    "MIN_RPE",
    "NUM",
    "UNIT",
    "Load",
    "PartSets",
    "RawSet",
    "number",
    "read_sets",
    "shown",
    "unit_of",
]

_NUMBER = re.compile(NUM)
_NEGATIVE = re.compile(r"(?<![a-wyz0-9.])-\d")
_RUN = re.compile(rf"(?<![\w.]){NUM}(?:(?:\s*[,/]\s*|\s+){NUM})*(?!\w|\.\d)")
_FAILED_SET = re.compile(r"x\s*(?:fail(?:ed|ure)?|f)\b|\bno lift\b")
_SETS_OF_NO_COUNT = re.compile(rf"(?<![\d\s])\s*\bsets\s+of\s+{NUM}|^\s*sets\s+of\s+{NUM}")
_LONE_X = re.compile(r"(?<![\w.])x\s*(?:$|[,;)]|(?:amrap|max|as many)\b)")
_LOAD_THEN_LIST = re.compile(rf"^({NUM})\s+{NUM}(?:(?:\s*[,/]\s*|\s+){NUM})*$")
# `bw+25lbs x 4 x 2`: the added load leads `x A x B`, as a weight leads `W x A x B`.
_ADDED_LEADS = re.compile(rf"\+\s*{NUM}\s*(?:{UNIT})?\s*x\s*{NUM}\s*x\s*{NUM}")
# Bodyweight less a machine's or band's help: `bw-20kg`, `bodyweight - 20`.
# Not `BW – 5` (a dash before the reps): spaced, the number needs a unit.
_ASSISTED = re.compile(
    rf"\b(?:bw|bodyweight|body\s*weight)(?:[-–−]({NUM})(\s*(?:{UNIT}))?|\s*[-–−]\s*({NUM})\s*({UNIT}))"
)


def _sets_of_at_load(m: re.Match[str]) -> str:
    """Return `5 sets of 3 x 155` as `5 sets of 3 @ 155`, or as written if 155 is no load."""
    if not m[4] and float(m[3]) < MIN_BARE_LOAD:
        return m[0]
    return f"{m[1]} sets of {m[2]} @ "


def assisted_question(label: str) -> str:
    """Return what the coach says to band-assisted sets: a band's help can't be weighed."""
    return (
        f"I can't log band-assisted {label}s: a band's help can't be weighed. Send the sets "
        f"on your own bodyweight, e.g. `{label} 3x5 bw`, or a machine's help as "
        f"`assisted {label} 3x8 30kg`."
    )


# `5 sets of 3 x 155`, `3 sets x 155 x 5`: a set count, then a chain that is not its own.
# Only when the last number is a load (a unit, or at least MIN_BARE_LOAD) and ends the part:
# `3 sets of 5x5 225`, `4 sets of 5 x 8 100kg` are asked, never read as a load of 5 or 8.
_SETS_OF_THEN_X = re.compile(
    rf"(?<![\w.])({NUM})\s*sets?\s*(?:of|x)\s*({NUM})\s*(?:reps?\s*)?x\s*"
    rf"(?=({NUM})\s*({UNIT})?[^\d]*$)"
)
MIN_BARE_LOAD = 5
# A range of reps (`4 sets of 2 to 3`, `2-3 reps`, `sets of 8–10`): not one count, and the
# second number must never become a load (`+3 kg` on a pull-up).
_NO_UNIT = r"(?!\s*(?:%|/|\.\d|kgs?\b|lbs?\b|#|kilos?\b|pounds?\b|k\b))"
_REP_RANGE = re.compile(
    rf"(?:\bsets?\s+of|\bsets?|[x×])\s*(\d+)(?:[-–]|\s+to\s+)(\d+)\b{_NO_UNIT}"
    r"|(?<![\w.])(\d+)\s*(?:-|–|to)\s*(\d+)\s*reps?\b"
)

# `3 sets of 8, 8, 7`, `3 sets 8, 8, 7`: a count, then each set's reps. Read as the list
# when they agree.
_LIST_ITEM = r"\d{1,2}(?:\s*@\s*\d+(?:\.\d+)?)?"
SETS_OF_LIST = re.compile(
    rf"(?<![\w.])(\d+)[ \t]*sets?(?:\s+of\s+|[ \t]*[:,][ \t]*|[ \t]+)"
    # `3 sets to failure 30, 22, 18`: how each went, then each one's reps
    r"(?:(?:to|till|until)\s+failure|max(?:imum)?\s+effort|as\s+many\s+as\s+possible)?"
    r"[ \t]*:?[ \t]*"
    r"(?P<load>(?:@[ \t]*|at[ \t]+)?\d+(?:\.\d+)?[ \t]*(?:kgs?|lbs?|kilos?|pounds?)"
    r"[ \t]*[:,]?[ \t]*)?"
    rf"({_LIST_ITEM}(?:\s*[,/]\s*{_LIST_ITEM})+)"
    r"(?![\d.]|\s*[,/]\s*\d|\s*(?:sets?\b|x\b|reps?\s*x\b|kgs?\b|lbs?\b|#|kilos?\b|pounds?\b|k\b))",
    re.IGNORECASE,
)


def _count_agrees(m: re.Match[str]) -> bool:
    return int(m[1]) == len(re.split(r"\s*[,/]\s*", m[3]))


# `Pull-Ups: 3 x 7, 5, 4`: a count, then each set's reps (never a set of 7 and two more).
# Read as the list only when the count agrees and no rep after the first outgrows it by more
# than 2 (`3x8, 60, 65` is no list of reps).
_X_LIST = re.compile(
    r"(?<![\w.])(\d)[ \t]*[x×][ \t]*(\d{1,2}(?:[ \t]*,[ \t]*\d{1,2})+)"
    r"(?![\d.]|[ \t]*[,/][ \t]*\d|[ \t]*(?:sets?\b|x\b|reps?[ \t]*x\b|kgs?\b|lbs?\b|#|kilos?\b|"
    r"pounds?\b|k\b))",
    re.IGNORECASE,
)


def _reps_listed(m: re.Match[str]) -> str:
    reps = [int(r) for r in re.split(r"[ \t]*,[ \t]*", m[2])]
    if int(m[1]) != len(reps) or any(r < 1 or r > reps[0] + 2 for r in reps):
        return m[0]
    return m[2]


def listed_reps(text: str) -> str:
    """Return `text` with each `N sets of A, B, C` (or `N x A, B, C`) whose count agrees as
    `A, B, C` (a load between them kept: `3 sets 80kg 8, 8, 7`); one that disagrees is left
    as written, to be asked (`count_disagrees`)."""
    if "set" in text.lower():
        text = SETS_OF_LIST.sub(
            lambda m: f"{m['load'] or ''}{m[3]}" if _count_agrees(m) else m[0], text
        )
    return _X_LIST.sub(_reps_listed, text) if "," in text else text


# Loads listed after the sets, one a set: `3x5 35kg, 35kg, 32.5kg` (three sets of 5, each its
# load), `5x25lbs, 35lbs, 50lbs` (5 reps at each load). Every load has its unit.
_LOAD_ITEM = r"\d+(?:\.\d+|,\d{1,2})?[ \t]*(?:kgs?|lbs?|kilos?|pounds?)(?![a-z])"
_LOAD_ITEMS = re.compile(_LOAD_ITEM, re.IGNORECASE)
SETS_THEN_LOADS = re.compile(
    rf"(?<![\w.])(?:(?P<sets>\d{{1,2}})[ \t]*[x×][ \t]*(?P<reps>\d{{1,2}})[ \t]+"
    rf"|(?P<each>\d{{1,2}})[ \t]*[x×][ \t]*)(?P<first>{_LOAD_ITEM})"
    rf"(?P<more>(?:[ \t]*,[ \t]*{_LOAD_ITEM})+)"
    # the list ends its clause (not `, 20kg more than last week`, `, 170kg in total`)
    r"(?=[ \t]*(?:$|[.;!(\n]|@|rpe\b|rir\b|,[ \t]*(?!\d)))",
    re.IGNORECASE | re.MULTILINE,
)


def _loads(m: re.Match[str]) -> list[str]:
    """Return the loads of a match, a decimal comma as a point (`32,5kg` is 32.5 kg)."""
    return [x.replace(",", ".") for x in (m["first"], *_LOAD_ITEMS.findall(m["more"]))]


def listed_loads(text: str) -> str:
    """Return `text` with loads listed one a set written as those sets (`3x5 35kg, 35kg,
    32.5kg` as `5x35kg, 5x35kg, 5x32.5kg`); a count that disagrees is left to be asked
    (`loads_disagree`)."""

    def sets(m: re.Match[str]) -> str:
        loads = _loads(m)
        if m["sets"] is not None and int(m["sets"]) != len(loads):
            return m[0]
        reps = m["reps"] or m["each"]
        return ", ".join(f"{reps}x{load}" for load in loads)

    return SETS_THEN_LOADS.sub(sets, text)


def loads_disagree(text: str) -> bool:
    """Return whether `text` lists loads one a set other than its set count (`3x5 35kg, 40kg`)."""
    return any(
        m["sets"] is not None and int(m["sets"]) != len(_loads(m))
        for m in SETS_THEN_LOADS.finditer(text)
    )


def count_disagrees(text: str) -> bool:
    """Return whether a `N sets of A, B` in `text` lists other than N reps (`3 sets of 8, 7`)."""
    return any(not _count_agrees(m) for m in SETS_OF_LIST.finditer(text))


def _rep_range(text: str) -> bool:
    for m in _REP_RANGE.finditer(text):
        low, high = (int(n) for n in m.groups() if n is not None)
        if 0 < low < high <= 30:
            return True
    return False


_AM_PM = re.compile(r"(?:(?:@|\bat\b)\s*)?(?<![\d.])\d{1,2}(?::\d\d)?\s*(?:am|pm)\b", re.IGNORECASE)
# A time of day (`@ 8:30`) or a time labelled as one (`Time = 13:29`): never a load and its
# reps, as `24:10` (24 kg for 10) is. (`6:15pm` is gone already: `_AM_PM`.)
_CLOCK = re.compile(r"(?:(?:@|\bat\b)\s*|\btime\s*[=:]?\s*)(?<![\d.])\d{1,2}:\d\d(?![\d.,])")

_LOAD_COLON_REPS = re.compile(r"(?<![\d.:])(\d+(?:\.\d+)?):(\d{1,2})(?![\d.:])")

_PAIR = re.compile(rf"^\D*?(?<![\w.])({NUM})\s*/\s*({NUM})(?![\w.])\D*$")


@dataclass(frozen=True)
class PartSets:
    sets: tuple[RawSet, ...] = ()
    load: Load | None = None  # the last load named here, for the parts after it
    has_reps: bool = False
    problem: str | None = None  # a question back when the numbers cannot be real
    ambiguous: bool = False  # `W x A x B` read by a guess: the caller asks
    uniform: bool = False  # the sets came from a count (`3x8`), not a list of reps
    count: float | None = None  # a set count with no reps (`5 sets,`): for the next part


def read_sets(
    text: str,
    lift: Lift,
    units: Unit,
    carried: Load | None,
    bare_numbers_are_reps: bool,
    notation: Notation | None = None,
    weighted: bool = False,
    assisted: bool = False,
) -> PartSets:
    """Return the sets written in `text`, one part of a fragment about `lift`.

    `carried` is the load named earlier in the fragment; `bare_numbers_are_reps` says
    whether lone numbers here may be read as reps (`100kg 8 8 7`) when nothing else is;
    `weighted` that the lift was named as weighted (a load on it is added to bodyweight);
    `assisted` that it was named as assisted (a load on it is help, taken off bodyweight).
    """
    if ("-" in text or "–" in text or "−" in text) and (help_ := _ASSISTED.search(text)):
        if not (help_[2] or help_[4]):
            # `bw-10 x 8`: 10 kg of help, or bodyweight for 10? Asked, never guessed.
            return PartSets(
                has_reps=True,
                problem=f"Is `{help_[0].strip()}` bodyweight with {help_[1]} {units} of a "
                f"machine's help? Send it with the unit, e.g. `{lift.label} 3x8 bw-"
                f"{help_[1]}{units}`, or the reps on bodyweight, e.g. `{lift.label} 3x8 bw`.",
            )
        # `bw-20kg`: bodyweight less 20 kg of a machine's help, never 20 kg added.
        text = _ASSISTED.sub(lambda m: f" {m[1] or m[3]}{m[2] or m[4] or ''} ", text)
        assisted = True
    if not assisted or "+" in text or "weighted" in text:
        # `assisted pull ups 30kg x 8, then bw+5kg x 3`: a load added is never help.
        return _read_sets(text, lift, units, carried, bare_numbers_are_reps, notation, weighted)
    part = _read_sets(text, lift, units, carried, bare_numbers_are_reps, notation, True)
    return _helped(part)


def _helped(part: PartSets) -> PartSets:
    """Return `part` with each load it names as help: bodyweight less that load."""

    def helped(s: RawSet) -> RawSet:
        if s.weight is None or s.weight <= 0:
            return s
        return RawSet(s.reps, -s.weight, s.unit, True, s.rpe)

    load = part.load
    if load is not None and load.weight > 0:
        load = Load(-load.weight, load.unit, True)
    return replace(part, sets=tuple(helped(s) for s in part.sets), load=load)


def _read_sets(
    text: str,
    lift: Lift,
    units: Unit,
    carried: Load | None,
    bare_numbers_are_reps: bool,
    notation: Notation | None,
    weighted: bool,
) -> PartSets:
    label = lift.label
    example = f"e.g. `{label} 3x8 100kg`"
    if "-" in text and _NEGATIVE.search(text):
        return PartSets(
            has_reps=True,
            problem=f"Negative numbers can't be logged. Check the {label} numbers, {example}.",
        )
    if ("to" in text or "-" in text or "–" in text) and _rep_range(text.lower()):
        return PartSets(
            has_reps=True,
            problem=f"How many reps was each set of {label}? A range can't tell me: send "
            f"each set's reps, e.g. `{label} {'bw' if lift.bodyweight else '60' + units} 8, 8, 7`.",
        )
    if "am" in text or "pm" in text:
        text = _AM_PM.sub(" ", text)  # `at 6am squat 3x5 100`: when, never an RPE of 6
    text, rpe, times = plain(text, units, lift.barbell and "trap" not in lift.label)
    if ":" in text:
        text = _CLOCK.sub(" ", text)  # `squat 3x8 100kg @ 8:30`: when, not how much
        if len(_LOAD_COLON_REPS.findall(text)) > 1:  # `80:12 90:10 100:8`: loads for reps
            text = _LOAD_COLON_REPS.sub(r"\1x\2", text)
    if "f" in text and _FAILED_SET.search(text):
        return PartSets(
            has_reps=True,
            problem=f"A failed set of {label}: how many reps did each set get? "
            f"e.g. `{label} 100kg 5, 5, 3`",
        )
    if "sets" in text and _SETS_OF_NO_COUNT.search(text):
        return PartSets(has_reps=True, problem=f"How many sets of {label} was that? {example}")
    if rpe is None:
        rpe, text = take_rpe(text)
    marked = weighted or "weighted" in text or "+" in text
    added_leads = "+" in text and bool(_ADDED_LEADS.search(text))
    bw, added, text = take_bodyweight(text, units)
    if added is not None and not (bw or lift.bodyweight or weighted or "weighted" in text):
        # `deadlift +10 5`: more than last time, or plates added up? Not bodyweight.
        return PartSets(
            has_reps=True,
            problem=f"What did the {label} weigh in all? `+{added.weight:g}` reads as added "
            f"to something I don't know. Send the load, {example}.",
        )
    marked = marked or bw
    loads, text = take_load_list(text, units)
    colon, text = take(COLON_LOAD, text, (":",))
    if "sets" in text and "x" in text:  # `5 sets of 3 x 155`: the count is the sets', not a chain's
        text = _SETS_OF_THEN_X.sub(_sets_of_at_load, text)
    chains, text = take(CHAIN, text, ("x",))
    load, with_unit, text = take_load(text, units)
    if load is SEVERAL_LOADS:
        return PartSets(
            has_reps=True, problem=f"Which load went with which sets of {label}? {example}"
        )
    if load is None and colon:
        load = Load(number(colon[0][1]), units, False)
    if load and rpe is None and not with_unit and not load.bodyweight and rpe_not_load(load, lift):
        rpe, load = load.weight, None
    blocks, count, text = take_set_words(text)
    worded = bool(blocks)  # `4 sets of 5`: sets in words, beside any chain
    bare, text = take(BARE_REPS, text, ("x",))
    on_bodyweight = lift.bodyweight or bw or added is not None
    base = base_load(load, bw, added, units, lift.bodyweight)
    run = _RUN.search(text)
    numbers = [number(n) for n in _NUMBER.findall(run[0])] if run else []
    if "x" in text and (numbers or text.strip(" .") == "x") and _LONE_X.search(text):
        # `405 2,1,x`, `135 x AMRAP`: an `x` no count follows, read as nothing, is asked.
        return PartSets(
            has_reps=True,
            problem=f"What does the `x` in the {label} sets mean? If a set failed, send the "
            f"reps of each set, e.g. `{label} 100kg 5, 5, 3`.",
        )
    stray = bool(run and _RUN.search(text, run.end()))  # a second run of numbers: unread
    if not chains and not blocks and not bare and base is None and not loads and not on_bodyweight:
        if "/" in text and (m := _PAIR.match(text)):
            read = slash_pair(number(m[1]), number(m[2]), units, lift)
            if isinstance(read, str):
                return PartSets(has_reps=True, problem=read)
            if read:
                blocks, numbers = [read], []
    with_load = base is not None or bw or len(numbers) == 1 or bool(loads)
    guessed = False
    chain_blocks = []
    for m in chains:
        block, guess = chain_block(m, units, lift, with_load, notation, added_leads)
        chain_blocks.append(block)
        guessed = guessed or guess
    if chain_blocks and (worded or count is not None):
        # `squat 3 sets 5x100kg`: one set written, that many times; `bench 4x8 60kg 4 sets`:
        # the same count twice. Any other count beside a chain's own (`4 sets of 5 x 8 100kg`,
        # `2 sets 80kg x 5`... `3x5 (4 sets)`) is asked, never one of them taken.
        single = len(chain_blocks) == 1 and chain_blocks[0].sets == 1
        if not worded and count is not None and single:
            chain_blocks[0] = replace(chain_blocks[0], sets=count)
            count = None
        elif worded or count != sum(b.sets for b in chain_blocks):
            return PartSets(has_reps=True, problem=f"How many sets of {label} was that? {example}")
        else:
            count = None
    blocks = chain_blocks + blocks + [Block(1.0, number(m[1])) for m in bare]
    if with_unit and load and any(_other_load(load, b) for b in chain_blocks):
        # `squat 100kg 180lbs x 5`: which of the two was lifted is asked, never guessed
        return PartSets(
            has_reps=True, problem=f"Which load went with which sets of {label}? {example}"
        )
    if times and blocks and blocks[-1].sets == 1:
        blocks[-1] = Block(times, blocks[-1].reps, blocks[-1].weight, blocks[-1].unit)
    uniform = any(b.sets > 1 for b in blocks)
    counted = bool(blocks)
    used = 0  # how many of `numbers` were read
    if loads and not blocks and numbers and len(numbers) == len(loads):
        blocks = [Block(1.0, n, x.weight, x.unit) for n, x in zip(numbers, loads, strict=True)]
        used = len(numbers)
    listed = (not blocks and base is None and not loads and not on_bodyweight) and _load_then_reps(
        run, lift, units
    )
    if blocks and base is None and numbers and not loads:
        if not lift.bodyweight and numbers[0] > 0 and not plausible_load(numbers[0], units, lift):
            # `squat 3x5,5`: 5 lb is no squat; what the number is gets asked
            return PartSets(
                has_reps=True,
                problem=f"What is the {numbers[0]:g} after the {label} sets? {example}",
            )
        base, used = Load(numbers[0], units, lift.bodyweight), 1
    elif not blocks and numbers and (base is not None or bare_numbers_are_reps or loads or listed):
        if listed:
            # `bench-press 135 8,8,7,6`: 135 is no set's reps, so it is the load
            base, numbers = Load(numbers[0], units, False), numbers[1:]
            used = 1
        blocks, used = [Block(1.0, n) for n in numbers], used + len(numbers)
        if times and len(blocks) == 1:  # `chin ups 6 x 5 sets`: 5 sets of the 6
            if times > blocks[0].reps:
                # `bench 135 3 x 8 sets`: 8 sets of 3, or 3 sets of 8 named `sets`? Asked.
                return PartSets(
                    has_reps=True,
                    problem=f"How many sets of how many reps of {label}? {example} (sets x reps)",
                )
            blocks[0], uniform = Block(times, blocks[0].reps), True
    if not loads and counted and len(numbers) > 1 and run and "/" in run[0]:
        if sum(b.sets for b in blocks) == len(numbers):  # `3 x 5 - 80/100/120`
            loads, base, used = (
                [Load(n, units, lift.bodyweight) for n in numbers],
                None,
                len(numbers),
            )
    if blocks and (used < len(numbers) or stray):
        left = numbers[used:]
        shown_numbers = " ".join(f"{n:g}" for n in left) or "the other numbers"
        means = "means" if len(left) == 1 else "mean"
        return PartSets(
            has_reps=True,
            problem=f"I couldn't tell what {shown_numbers} {means} in the {label} sets. "
            f"Send one set per line, e.g. `{label} 100kg x 8`.",
        )
    if guessed and loads and len(loads) == sum(b.sets for b in chain_blocks):
        guessed = False  # `8x3 (80, 85, ... 100kg)`: one load a set says how many sets
    if loads:
        spread = spread_loads(blocks, loads)
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
    if problem := check(blocks, base, rpe, label) or doubtful(blocks, base, lift, marked):
        return PartSets(has_reps=True, problem=problem)
    sets = tuple(
        expand(block, base, on_bodyweight, units, rpe) for block in blocks for _ in set_range(block)
    )
    last = sets[-1] if sets else None
    if last and last.weight is not None:
        base = Load(last.weight, last.unit, last.bodyweight)
    return PartSets(sets, base, bool(blocks), ambiguous=guessed, uniform=uniform, count=count)


def _load_then_reps(run: re.Match[str] | None, lift: Lift, units: Unit) -> bool:
    """Whether a run of numbers is a load, a space, then reps (`135 8,8,7,6`, `185 8`): the
    first number no one does as reps, each after it a plausible set's reps. Two spaced
    numbers after the load (`135 3 10`) may be sets and reps: not read here."""
    m = run and _LOAD_THEN_LIST.match(run[0])
    if not m:
        return False
    first, rest = number(m[1]), [number(n) for n in _NUMBER.findall(run[0])[1:]]
    if len(rest) == 2 and not re.search(r"[,/]", run[0]):
        return False  # `bench 135 3 10`: 3 sets of 10, or sets of 3 and 10? Asked
    return (
        first > MAX_PLAUSIBLE_REPS
        and plausible_load(first, units, lift)
        and all(plausible_reps(n, False) for n in rest)
    )


def _other_load(load: Load, block: Block) -> bool:
    """Return whether a block's own load (`180lbs x 5`) differs from `load` in either unit."""
    if block.weight is None or block.unit is None:
        return False
    return not same_load([load, Load(block.weight, block.unit, False)])
