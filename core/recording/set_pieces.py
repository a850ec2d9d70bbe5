"""Takes the marked pieces out of one strength part: RPE, bodyweight, loads, set words.

Each `take_*` returns what it found and the text with it blanked out, so the numbers left
are read after: an RPE (`@rpe 8`, `8 rpe`), `bw` and an added load (`bw+10`, `+10kg`), a
load with a unit or after `@` / `at`, a list of loads (`105lbs/120lbs/135lbs`, a unit on
at least one), and set words (`3 sets of 8`, `5 reps`, `5 reps x 3 sets`, a lone count).
"""

from __future__ import annotations

import re

from core.recording.entries import Unit, to_kg
from core.recording.marks import NUM, UNIT, UNIT_STARTS
from core.recording.readings import Block
from core.recording.set_values import Load, number, unit_of

_RPE_BEFORE = re.compile(rf"@?\s*\brpe\s*[:=]?\s*({NUM})")
_RPE_AFTER = re.compile(rf"@?\s*(?<![\w.])({NUM})\s*rpe\b")
_BODYWEIGHT = re.compile(rf"\b(?:bw|bodyweight|body\s*weight)\b(?:\s*\+\s*({NUM})\s*({UNIT})?)?")
# Added load: `+10`, never the `+` of `3+3 reps` (a cluster) or another sum of counts.
_ADDED = re.compile(rf"(?<![\d.])(?<![\d.]\s)\+\s*({NUM})\s*({UNIT})?")
# `bw+25 x6,5`: the x before a rep list, when no count stands before it (`bw 3 x 8,8,6`)
_X_BEFORE_REP_LIST = re.compile(r"(?<![\w.])(?<!\d\s)(?<!\d\s\s)x\s*(?=\d+(?:\s*,\s*\d+)+\s*$)")
CHAIN = re.compile(
    rf"(?<![\w.])({NUM})\s*({UNIT})?\s*x\s*({NUM})\s*({UNIT})?(?:\s*x\s*({NUM})\s*({UNIT})?)?"
)
_LOAD = re.compile(rf"(?:@|\bat\b)?\s*(?<![\w.])({NUM})\s*({UNIT})")
_AT_LOAD = re.compile(rf"(?:@|\bat\b)\s*({NUM})(?![\d.])(?!\s*(?:sets?|reps?|x)\b)")
_SETS_OF = re.compile(rf"(?<![\w.])({NUM})\s*sets?\s*(?:of|x)?\s*({NUM})(?:\s*reps?\b)?")
_SETS = re.compile(rf"(?<![\w.])({NUM})\s*sets?\b")
_REPS = re.compile(rf"(?<![\w.])({NUM})\s*reps?\b")
COLON_LOAD = re.compile(rf"(?<![\w.])({NUM})\s*:\s*(?={NUM})")
BARE_REPS = re.compile(rf"(?<![\w.])x\s*({NUM})(?![\w.])")
_LOAD_LIST = re.compile(rf"(?<![\w.])({NUM}\s*(?:{UNIT})?(?:\s*/\s*{NUM}\s*(?:{UNIT})?)+)")
_LIST_ITEM = re.compile(rf"({NUM})\s*({UNIT})?")


def take(
    pattern: re.Pattern[str], text: str, needs: tuple[str, ...] = ()
) -> tuple[list[re.Match[str]], str]:
    """Return the matches of `pattern` in `text` and the text with them blanked out.

    `needs`: strings one of which every match holds; without any, nothing is searched.
    """
    for need in needs:
        if need in text:
            break
    else:
        if needs:
            return [], text
    matches = list(pattern.finditer(text))
    if not matches:
        return matches, text
    kept, end = [], 0
    for m in matches:
        kept.append(text[end : m.start()])
        end = m.end()
    return matches, " ".join(kept) + " " + text[end:]


def take_rpe(text: str) -> tuple[float | None, str]:
    if "rpe" not in text:
        return None, text
    for pattern in (_RPE_BEFORE, _RPE_AFTER):
        if m := pattern.search(text):
            return number(m[1]), text[: m.start()] + " " + text[m.end() :]
    return None, text


def take_bodyweight(text: str, units: Unit) -> tuple[bool, Load | None, str]:
    """Return whether `bw` was written, the added load (`bw+10`, `+10kg`), and the rest."""
    marks, text = take(_BODYWEIGHT, text, ("bw", "body"))
    added = next((m for m in marks if m[1]), None)
    if added is None:
        pluses, text = take(_ADDED, text, ("+",))
        added = pluses[0] if pluses else None
    load = Load(number(added[1]), unit_of(added[2], units), True) if added else None
    if (marks or load is not None) and "x" in text:
        text = _X_BEFORE_REP_LIST.sub(" ", text)  # `bw+25 x6,5`: reps 6 and 5 on it
    return bool(marks), load, text


def take_load(text: str, units: Unit) -> tuple[Load | None, bool, str]:
    """Return the load of a part (with a unit, or after `@` / `at`), whether it had a unit,
    and the rest.

    Two different loads with units in one part (`3x5 100kg 3x5 80kg`) are `SEVERAL_LOADS`:
    which sets had which is asked, never guessed. The same load written in both units
    (`100kg 220lbs`) is one.
    """
    with_unit, text = take(_LOAD, text, UNIT_STARTS)
    at, text = take(_AT_LOAD, text, ("@", "at"))
    if with_unit:
        loads = [Load(number(m[1]), unit_of(m[2], units), False) for m in with_unit]
        if not same_load(loads):
            return SEVERAL_LOADS, True, text
        return loads[0], True, text
    if at:
        return Load(number(at[0][1]), units, False), False, text
    return None, False, text


# Loads this close (as a ratio) are one load written twice, e.g. in kg and in lb.
SAME_LOAD = 1.02


def same_load(loads: list[Load]) -> bool:
    """Return whether `loads` are one load, written in kg or lb (`100kg 220lbs`)."""
    kilos = [to_kg(x.weight, x.unit) for x in loads]
    return max(kilos) <= min(kilos) * SAME_LOAD


SEVERAL_LOADS = Load(0.0, "kg", False)  # a part naming two loads: asked (see `take_load`)


def take_set_words(text: str) -> tuple[list[Block], float | None, str]:
    """Return blocks from `3 sets of 8`, `5 reps` and `5 reps x 3 sets`, and a lone set count."""
    sets_of, text = take(_SETS_OF, text, ("set",))
    blocks = [Block(number(m[1]), number(m[2])) for m in sets_of]
    sets, text = take(_SETS, text, ("set",))
    reps, text = take(_REPS, text, ("rep",))
    if sets and len(reps) == 1:
        return [*blocks, Block(number(sets[0][1]), number(reps[0][1]))], None, text
    count = number(sets[-1][1]) if sets else None
    return [*blocks, *(Block(1.0, number(m[1])) for m in reps)], count, text


def take_load_list(text: str, units: Unit) -> tuple[list[Load], str]:
    """Return a list of loads `105lbs/120lbs/135lbs` (a unit on at least one) and the rest."""
    if "/" not in text:
        return [], text
    for m in _LOAD_LIST.finditer(text):
        items = _LIST_ITEM.findall(m[1])
        if any(unit for _, unit in items):
            last_unit = next(unit for _, unit in reversed(items) if unit)
            loads = [Load(number(n), unit_of(u or last_unit, units), False) for n, u in items]
            if len(loads) == 2 and loads[0].unit != loads[1].unit:
                # `10x 45lbs/20.4kg`: one load in both units, read as written first
                first = _LIST_ITEM.match(m[1])
                return [], text[: m.start()] + (first[0] if first else "") + " " + text[m.end() :]
            return loads, text[: m.start()] + " " + text[m.end() :]
    return [], text
