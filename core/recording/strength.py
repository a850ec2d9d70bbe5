"""Reads the sets of a fragment that names a known lift, or says what is missing.

Each part's numbers are read by `set_notation.read_sets`: a part without a load reuses the
load before it; a part with only a load gives it to the sets before it (`Squats, 5X5,
90kg`); a lone set count (`5 sets,`) is the count of the next part's set, and one no part
gives reps to is asked. Failure words (`last set only 6`, on the line or the next) change
a uniform block's last set; a later part that is a sentence about the sets adds none.
A list of `@` values after the sets is one RPE a set (`rpe_lists`; a list that does not
fit the sets is asked about unless each value had its own `@`), an RPE named for the last
set is that set's, and a decimal in `A/B` parts says which side is the load (`10/27.5`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from core.recording import notes
from core.recording.catalogue import Exercise
from core.recording.entries import (
    Ambiguity,
    Entry,
    Notation,
    Problem,
    SetEntry,
    StrengthEntry,
    Unit,
    to_kg,
)
from core.recording.fragments import (
    LOAD_HINT,
    NAME_STOP_WORDS,
    REPS_HINT,
    SET_LIKE,
    Segment,
    set_line,
)
from core.recording.marks import NUM, UNIT
from core.recording.readings import (
    BARBELL_LIFTS,
    MAX_PLAUSIBLE_REPS,
    Block,
    Lift,
    plausible_load,
)
from core.recording.rpe_lists import MAX_RPE, MIN_RPE, take_last_set_rpe, take_rpe_list
from core.recording.set_limits import MAX_REPS, check
from core.recording.set_notation import (
    MAX_SETS,
    Load,
    RawSet,
    assisted_question,
    count_disagrees,
    loads_disagree,
    read_sets,
)
from core.recording.set_pieces import same_load

# A line of only a known exercise name and at most this many other words ("squat lots")
# asks for the sets; longer chat ("squats felt heavy today") is a note.
MAX_WORDS_BESIDE_BARE_NAME = 1
# A part after the first with this many words besides set words is chat about the sets
# (`I had to really stick with it to get through all 5 reps`): none of its numbers are sets.
MIN_PROSE_WORDS = 6
# an effort written after a drop set's last `>`: `75x5>60x7 RPE 9`
_EFFORT_AFTER_DROP = re.compile(r">[^>]*(?:rpe|@)", re.IGNORECASE)
# a part that is a load and nothing more (`80kg`, `@ 185 lbs.`)
_LOAD_ALONE = re.compile(rf"\W*(?:@|at\s)?\s*({NUM})\s*(?:{UNIT}|#)?\W*", re.IGNORECASE)
TITLE_WORDS = frozenset({"day", "session", "workout", "week", "block", "focus", "today"})
# A load, then a word of failure and no reps: `135lb FAIL`, `245 missed`.
_MISSED_LOAD = re.compile(
    rf"^\W*{NUM}\s*(?:{UNIT}|#)?\.?\s*[-–:]?\s*(?:fail(?:ed)?|miss(?:ed)?)\b\W*$", re.IGNORECASE
)
# The most help an assisted machine gives that we believe (a heavy person on a big stack).
MAX_HELP_KG = 120
EXAMPLE_LOAD: dict[Unit, str] = {"kg": "100kg", "lb": "225lb"}
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_TIMED = re.compile(r"\d\s*(?:seconds?|secs?|minutes?|mins?)\b")
_LETTER = re.compile(r"[a-z]")
# `10/27.5`: two numbers and a slash, with words around them but no other number.
_PAIR = re.compile(r"(\D*?)(?<![\w.])(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)(?![\w.])(\D*)")
MIN_PAIRS = 2  # a decimal in one of at least this many `A/B` parts marks the weight side
_EFFORT = re.compile(r"@?\s*\b(?:rpe|rir)\b\s*[:=]?\s*\d*(?:\.\d+)?")
_RPE_ONLY = re.compile(r"\s*@\s*(?:rpe\s*)?(\d+(?:\.\d+)?)\s*")  # a part `@8`: one set's RPE


@dataclass(frozen=True)
class Outcome:
    item: Entry | Problem | Ambiguity | None
    counted: bool  # the fragment had sets, reps or a duration: a log even if it ends in "?"
    ambiguous: bool = False  # read by a guess between notations: ask instead


def read_strength(
    fragment: list[Segment],
    exercise: Exercise,
    source: str,
    units: Unit,
    notation: Notation | None,
) -> Outcome:
    if len(fragment) > 1 and any("/" in s.text for s in fragment):
        fragment = _pairs_by_decimal(fragment, units)
    fragment, listed = take_rpe_list(fragment)
    fragment, last_rpe = take_last_set_rpe(fragment)
    head = fragment[0]
    label = exercise.name.lower()
    if exercise.measure == "distance" and any(_TIME_OR_DISTANCE.search(s.text) for s in fragment):
        # `28kg – 45sec carry x 4`: carries go by time or distance, which sets of reps can't
        # hold; asked, never recorded as 4 reps.
        message = (
            f"I can't log {label} by time or distance yet. Send the carries as sets of one "
            f"with the load, e.g. `{label} 4x1 28kg`, or leave them out."
        )
        return Outcome(Problem("unreadable", source, message), counted=True)
    if question := _unlogged_mark(fragment, source, exercise, label, units):
        return Outcome(Problem("unreadable", source, question), counted=True)
    if any(_TIMED_SET.search(s.text) for s in fragment):
        # `495/12s x3`, `3 x 30 sec`: holds by time, which sets of reps can't hold; asked.
        message = (
            f"I can't log {label} by time yet. Send sets of reps, e.g. "
            f"`{example(exercise, units)}`, or leave the holds out."
        )
        return Outcome(Problem("unreadable", source, message), counted=True)
    if ("set" in source.lower() and count_disagrees(source)) or (
        "," in source and loads_disagree(source)
    ):
        # `100kg 3 sets of 8, 7`: three sets, but two reps listed. Asked, never 4 sets.
        message = (
            f"How many sets of {label} was that? The count and the reps or loads listed don't "
            f"match: send each set, e.g. `{example(exercise, units)}`."
        )
        return Outcome(Problem("unreadable", source, message), counted=True)
    lift = Lift(label, exercise.bodyweight, exercise.id in BARBELL_LIFTS)
    assisted = exercise.bodyweight and _named_assisted(source)
    if (
        exercise.bodyweight
        and not assisted
        and _ASSIST.search(_UNASSISTED.sub(" ", source.lower()))
    ):
        # `pull ups 3x5 +10kg (spotter assisted the last rep)`: help, but how much? Asked.
        message = (
            f"Was the {label} done with help? Send a machine's help as "
            f"`assisted {label} 3x8 30{units}`, or the sets on your own bodyweight, "
            f"e.g. `{label} 3x8 bw`."
        )
        return Outcome(Problem("unreadable", source, message), counted=True)
    sets: list[RawSet] = []
    carried: Load | None = None
    pending: float | None = None  # `5 sets,` waiting for its reps in the next part
    pending_line = -1
    headed: int | None = None  # `Squat 3 sets` above set lines: how many those lines hold
    borrowed: list[int] = []  # sets of bare reps on this line, loaded from a line above
    leaning = False  # bare reps just read took the load written earlier on their line
    borrowed_line = carried_line = loaded_single = -1
    has_reps = ambiguous = uniform = False
    unused: Load | None = None  # a load after the sets with no reps of its own
    per_line: dict[int, _LineSets] = {}
    if (
        "(" in head.text
        and (scheme := _HEADER_SCHEME.search(head.text))
        and fragment[1:]
        and fragment[1].line != head.line
        and any(s.line != head.line and _DIGIT.search(s.text) for s in fragment[1:])
    ):
        # `Barbell Row (5×10) 125lbs` above a line per set: the scheme counts those lines
        headed = int(scheme[1])
        fragment = [replace(head, text=_HEADER_SCHEME.sub(" ", head.text)), *fragment[1:]]
    for index, segment in enumerate(fragment):
        if index and (verb := _LIFT_VERB.match(segment.text)) and not _verb_fits(verb[1], exercise):
            # `Happy with the squats. Pressed only 4 reps at 49kg.`: the sets of another lift
            message = (
                f"Which lift was `{segment.text.strip()[:40]}`? Send it with its name, "
                f"e.g. `{_VERB_WORD[verb[1]]} 3x8 {100 if units == 'kg' else 225}{units}`"
            )
            return Outcome(Problem("unreadable", source, message), counted=True)
        if index and sets and notes.failure(segment.text):
            continue  # its number is the last set's reps (`_after_failure`), not a set
        if index and (tail := _list_tail(fragment, index)):
            # `bench 80kg 8, 8, 7 today`: the list's last set, then words about the session
            segment = replace(segment, text=tail)
        elif index and (first := _list_head(fragment, index)):
            # `squat at 150, my reps were 5, 2, 2, 2, 3`: words, then the list's first set
            segment = replace(segment, text=first)
        elif (
            index
            and _after_bare(fragment, index)
            and _NUMBER_FIRST.match(segment.text)
            and not _NUMBER_THEN_EFFORT.match(segment.text)
            and not _NUMBER_AND_MARKS.fullmatch(segment.text)
            and not (REPS_HINT.search(segment.text) or LOAD_HINT.search(segment.text))
        ):
            # `8, 8, 7 at 6am`, `5, 5, 5 at 8`: the list's last set, and then what? Asked,
            # never left out.
            message = (
                f"Was `{segment.text.strip()[:40]}` the last set of {label}? Send each set's "
                f"reps, e.g. `{example(exercise, units)}`"
            )
            return Outcome(Problem("unreadable", source, message), counted=True)
        if index and _is_prose(segment) and not _own_set_line(fragment, index):
            if not (leading := _LEADING_SETS.match(segment.text)):
                continue  # a sentence about the sets, not more of them
            # `350x2x2 Friday I had a quart of icecream`: more sets, then chat, or the same
            # sets talked about (`3x8 felt much easier`)? Asked, never dropped or doubled.
            message = (
                f"Was the `{leading[0].strip()}` after your {label} sets more sets, or the "
                f"same ones talked about? Send each set once, e.g. `{example(exercise, units)}`"
            )
            return Outcome(Problem("unreadable", source, message), counted=True)
        if index and (failed_at := _COUNT_THEN_FAIL.fullmatch(segment.text)):
            # `100kg x 5, 5, 3 fail`: the set that failed is still a set, of the reps it got.
            segment = replace(segment, text=failed_at[1])
        if ("fail" in segment.text or "miss" in segment.text) and _MISSED_LOAD.search(segment.text):
            # `135lb FAIL, 115lb x1`: a lift missed at a load, no reps to log. Asked, never
            # left out in silence.
            message = (
                f"A missed {label}: I can't log a lift that didn't go up yet. Send the sets "
                f"you made, e.g. `{example(exercise, units)}`."
            )
            return Outcome(Problem("unreadable", source, message), counted=True)
        if (
            index
            and sets
            and all(s.weight is None and s.reps <= MAX_PLAUSIBLE_REPS for s in sets)
            and not exercise.bodyweight
            and (alone := _LOAD_ALONE.fullmatch(segment.text)) is not None
            and float(alone[1]) > MAX_REPS
            and plausible_load(float(alone[1]), units, lift)
        ):
            # `Military press, 1x10, 110.`: no set has 110 reps, so it is the sets' load
            segment = replace(segment, text=f"{alone[1]}{units}")
        hinted = bool(REPS_HINT.search(segment.text) or LOAD_HINT.search(segment.text))
        bare = not _LETTER.search(_EFFORT.sub(" ", segment.text))  # `7 rpe 8`: reps 7
        part = read_sets(
            notes.without_failure(segment.text),
            lift,
            units,
            carried,
            bare_numbers_are_reps=hinted
            or (head.exact if index == 0 else bare)
            or (exercise.bodyweight and index == 0 and head.beside_name <= 1)
            or (index == 0 and _list_starts(fragment, 0))
            or (index > 0 and _after_a_list(fragment, index))
            or (index == 0 and head.after_number),
            notation=notation,
            weighted="weighted" in head.text,
            assisted=assisted,
        )
        if part.problem:
            return Outcome(Problem("implausible", source, part.problem), counted=True)
        if (
            ">" in segment.text
            and len(part.sets) > 1
            and part.sets[0].rpe is not None
            and _EFFORT_AFTER_DROP.search(segment.text)
        ):
            # `face pull 75x5>60x7 RPE 9`: a drop set; its effort is its end's, the last set's
            last = part.sets[-1]
            part = replace(part, sets=(*(replace(s, rpe=None) for s in part.sets[:-1]), last))
        if (
            loaded_single == segment.line
            and part.uniform
            and carried is not None
            and (pair := _PAIR_ONLY.fullmatch(segment.text))
            and plausible_load(float(pair[1]), carried.unit, lift)
        ):
            # `12.5 x 12, 15 x 10, 5 x 10`: after a load and its reps, is `5 x 10` 5 kg
            # for 10 reps, or 5 sets of 10 at 15 kg? Asked, never guessed.
            message = (
                f"Is `{pair[0].strip()}` {pair[1]} {carried.unit} for {pair[2]} reps, or "
                f"{pair[1]} sets of {pair[2]} at {carried.weight:g} {carried.unit}? Send each "
                f"set with its load, e.g. `{example(exercise, units)}`"
            )
            return Outcome(Problem("implausible", source, message), counted=True)
        loaded_single = (
            segment.line
            if len(part.sets) == 1 and part.load is not None and _PAIR_LAST.search(segment.text)
            else -1
        )
        if (
            index
            and segment.line != fragment[index - 1].line
            and _DIGIT.search(segment.text)
            and not part.sets
            and (
                _own_set_line(fragment, index)
                or not (part.load or part.count is not None or part.has_reps)
            )
        ):
            # `Squat 3x5 100kg` then `Max reps 12`: a line of numbers read as nothing is
            # asked about, never left out in silence.
            message = (
                f"What was `{segment.text.strip()[:40]}` under your {label}? Send those sets "
                f"with their load, e.g. `{example(exercise, units)}`"
            )
            return Outcome(Problem("unreadable", source, message), counted=True)
        has_reps = has_reps or part.has_reps or part.count is not None
        ambiguous = ambiguous or part.ambiguous
        uniform = uniform or part.uniform
        if pending is not None and part.sets:
            in_run, plain = _bare_run(fragment, index)
            if segment.line != pending_line and (in_run > 1 or not plain):
                # `curls 12kg, 3 sets` then `10, 10, 8` (or one a line): each set's reps,
                # when as many and plain; `Reps: 10, 10, 8` or another count is asked.
                if in_run != pending or not plain:
                    return Outcome(Problem("unreadable", source, _reps_for(pending, label)), True)
                pending = None
            elif (
                segment.line != pending_line
                and sum(1 for s in fragment[index:] if _DIGIT.search(s.text)) > 1
            ):
                # `Squat 3 sets` then `100x5` on each line below (or `100x5, 100x5, 100x5`):
                # those are the sets
                headed, pending = int(pending), None
            else:
                if len(part.sets) != 1:
                    return Outcome(Problem("unreadable", source, _reps_for(pending, label)), True)
                part = replace(part, sets=part.sets * int(pending), uniform=True)
                pending, uniform = None, True
        if part.count is not None and not part.sets:
            if _reps_then_count(fragment, index, per_line):
                # `3 reps, 5 sets @ 125lb`: the reps just before on this line, that many times
                count = int(part.count)
                sets = [*sets[:-1], *[sets[-1]] * count]
                per_line[segment.line].count += count - 1
                per_line[segment.line].uniform = uniform = True
            else:
                pending, pending_line = part.count, segment.line
        if part.sets or part.count is not None:
            unused = None
        elif (
            part.load
            and part.load.weight
            and sets
            and all(s.weight is not None for s in sets)
            and (alone := _LOAD_ALONE.fullmatch(segment.text)) is not None
            and float(alone[1]) == part.load.weight
        ):
            unused = part.load  # `bench 60kg x 8, 70kg x 6, 80kg`: a load after the sets
        if part.load and not part.sets and any(s.weight is None for s in sets):
            sets = [_loaded(s, part.load) for s in sets]  # `Squats, 5x5, 90kg`
        if (
            part.sets
            and borrowed
            and segment.line == borrowed_line
            and LOAD_HINT.search(segment.text)
        ):
            # `15, 12, 10 @ 10 lbs` under `5 @ BW`: the load after a line's reps is theirs
            first = part.sets[0]
            for i in borrowed:
                sets[i] = replace(
                    sets[i], weight=first.weight, unit=first.unit, bodyweight=first.bodyweight
                )
        if (
            part.sets
            and leaning
            and segment.line == carried_line
            and _REPS_THEN_LOAD.match(segment.text)
            and carried is not None
            and part.load is not None
            and not same_load([part.load, carried])
        ):
            # `225lbs x 12, 3, 4, 4 reps @ 315lbs`: were the bare reps at 225 or at 315?
            message = (
                f"Which load went with which set of {label}? e.g. `{example(exercise, units)}`"
            )
            return Outcome(Problem("implausible", source, message), counted=True)
        leaning = (
            part.sets and _BARE.fullmatch(segment.text) and carried_line == segment.line
        ) or bool(leaning and not LOAD_HINT.search(segment.text))
        borrowed = (
            (borrowed if borrowed and segment.line == borrowed_line else [])
            + list(range(len(sets), len(sets) + len(part.sets)))
            if part.sets and _BARE.fullmatch(segment.text) and carried_line != segment.line
            else []
        )
        borrowed_line = segment.line
        if part.load is not None and LOAD_HINT.search(segment.text):
            carried_line = segment.line
        line = per_line.setdefault(segment.line, _LineSets())
        line.count += len(part.sets)
        line.bare = line.bare and bool(_REPS_LINE.fullmatch(segment.text))
        line.uniform = line.uniform or part.uniform
        carried = part.load or carried
        sets.extend([replace(s, warmup=True) for s in part.sets] if segment.warmup else part.sets)
    if unused is not None:
        # a load with no reps after the sets: a set whose reps were left out. Asked, never
        # dropped in silence.
        message = (
            f"How many reps of {label} at {unused.weight:g} {unused.unit}? "
            f"Send that set with its reps, e.g. `{example(exercise, units)}`"
        )
        return Outcome(Problem("unreadable", source, message), counted=True)
    if question := _reps_of_those_sets(per_line, label, example(exercise, units)):
        return Outcome(Problem("unreadable", source, question), counted=True)
    if pending is not None and len(sets) == 1 and pending.is_integer() and pending > 1:
        # `Bench Press: 147.5×8 reps, 4 sets`: the one set written, that many times
        sets, pending, uniform = sets * int(pending), None, True
    if headed is not None and headed != len(sets):
        message = (
            f"{len(sets)} set{'s' if len(sets) != 1 else ''} of {label} listed, {headed} in "
            "the heading: which is it? "
            f"Send each set, e.g. `{example(exercise, units)}`"
        )
        return Outcome(Problem("unreadable", source, message), counted=True)
    if pending is not None:  # `1 set of as many reps as possible`: never dropped
        return Outcome(Problem("unreadable", source, _reps_for(pending, label)), counted=True)
    if not sets:
        return Outcome(_unreadable(fragment, exercise, source, units), counted=has_reps)
    if (said := _SETS_SAID.search(source)) and int(said[1]) != len(sets):
        if len(sets) == 1 and 1 < int(said[1]) <= MAX_SETS:
            sets = sets * int(said[1])  # `bench 80kg x 5 (2 sets)`: that set, twice
        else:
            # `squat 100x5 (3 sets) 110x3`: a count in brackets that the sets read don't
            # match. Asked, never one of the two taken.
            read = f"{len(sets)} set" + ("s" if len(sets) != 1 else "")
            message = (
                f"{read} of {label}, or {said[1]}? Send each set, e.g. `{example(exercise, units)}`"
            )
            return Outcome(Problem("unreadable", source, message), counted=True)
    if len(sets) > MAX_SETS:  # e.g. a list of 500 rep counts: each part alone was fine
        message = (
            f"{len(sets)} sets of {label}? I can log up to {MAX_SETS} at once. "
            f"Check the numbers, e.g. `{label} 3x8 100kg`."
        )
        return Outcome(Problem("implausible", source, message), counted=True)
    if uniform and (failed := notes.failure(" ".join(s.text for s in fragment))):
        sets = _after_failure(sets, *failed)
    if marks := [
        float(m[1])
        for seg in fragment[1:]
        if (m := _RPE_ONLY.fullmatch(seg.text)) and MIN_RPE <= float(m[1]) <= MAX_RPE
    ]:  # `squat 1, @99`: no RPE goes past 10, so 99 was the load
        sets = _rpe_per_set(sets, marks)
    if listed and len(listed.values) == len(sets):
        sets = [replace(s, rpe=rpe) for s, rpe in zip(sets, listed.values, strict=True)]
    elif listed and listed.marked:
        sets = [replace(s, rpe=None) for s in sets]  # which mark is which set's? none kept
    elif listed:
        shown = ", ".join(f"{v:g}" for v in listed.values)
        message = (
            f"{len(sets)} set{'s' if len(sets) != 1 else ''} of {label} and "
            f"{len(listed.values)} numbers after `@` "
            f"({shown}): which RPE went with which set? e.g. `{label} 3x8 100kg @7, @8, @9`"
        )
        return Outcome(Problem("unreadable", source, message), counted=True)
    if last_rpe is not None:
        sets = [*sets[:-1], replace(sets[-1], rpe=last_rpe)]
    if any(s.weight is None for s in sets):
        problem = Problem("missing_load", source, _missing_load(sets, label, units))
        return Outcome(problem, counted=True)
    if (
        _WEIGHTED.search(head.text)
        and exercise.bodyweight
        and all(s.bodyweight and not s.weight for s in sets)
    ):
        # `weighted pull ups 3x5`: weighted with what? Never logged as bodyweight alone.
        message = f"How much weight did you add to the {label}? e.g. `{label} 3x5 bw+10{units}`"
        return Outcome(Problem("missing_load", source, message), counted=True)
    if assisted and all(not s.weight for s in sets):
        # `assisted pull ups 3x8`: how much help? Never logged as bodyweight alone.
        message = (
            f"How much help did the machine give on the {label}? "
            f"e.g. `assisted {label} 3x8 30{units}`"
        )
        return Outcome(Problem("missing_load", source, message), counted=True)
    if any(
        s.weight is not None and s.weight < 0 and to_kg(-s.weight, s.unit) > MAX_HELP_KG
        for s in sets
    ):
        message = (
            f"More than {MAX_HELP_KG} kg of help on the {label}? Check the numbers, "
            f"e.g. `assisted {label} 3x8 30{units}`."
        )
        return Outcome(Problem("implausible", source, message), counted=True)
    if any(s.reps < 1 for s in sets):
        message = f"How many reps did the last set of {label} get? e.g. `{label} 100kg 8, 8, 6`"
        return Outcome(Problem("unreadable", source, message), counted=True)
    # A load met in another part (`squat-1,@1e30`) passes the limits a set's own load does.
    if message := check(
        [Block(1.0, float(s.reps), s.weight, s.unit) for s in sets], None, None, label
    ):
        return Outcome(Problem("implausible", source, message), counted=True)
    entry_sets = tuple(
        SetEntry(int(s.reps), s.weight or 0.0, s.unit, s.bodyweight, s.rpe, s.warmup) for s in sets
    )
    entry = StrengthEntry(exercise.id, entry_sets, source)
    return Outcome(entry, counted=True, ambiguous=ambiguous)


def _pairs_by_decimal(fragment: list[Segment], units: Unit) -> list[Segment]:
    """Return the fragment with `A/B` parts made plain when a decimal says which side is
    the weight: reps are whole, so in `10/25; 10/27.5; 10/27.5` the second is the load."""
    pairs = [_PAIR.fullmatch(s.text) for s in fragment]
    found = [m for m in pairs if m]
    if len(found) < MIN_PAIRS:
        return fragment
    decimal = [any("." in m[side] for m in found) for side in (2, 3)]
    if decimal.count(True) != 1:
        return fragment
    weight, reps = (3, 2) if decimal[1] else (2, 3)
    return [
        replace(s, text=f"{m[1]}{m[weight]}{units} x {m[reps]}{m[4]}") if m else s
        for s, m in zip(fragment, pairs, strict=True)
    ]


def _reps_for(count: float, label: str) -> str:
    return f"How many reps in the {count:g} set(s) of {label}? e.g. `{label} {count:g}x8 100kg`"


_TIME_OR_DISTANCE = re.compile(
    r"\d\s*(?:s|secs?|seconds?|mins?|minutes?|m|metres?|meters?|yds?|yards?|ft|feet)\b",
    re.IGNORECASE,
)
_PLATES = re.compile(r"\d\s*(?:plates?|discs?)\b")  # `deadlift 2 plates`: a load, reps asked for
_BARE = re.compile(r"\s*\d+\s*")


# A number, then words only: `7 today`, `7 felt good` (not `7 sets`, `7 x 5`, `7 kg`)
_NUMBER_THEN_WORDS = re.compile(
    r"\s*(\d+)\s*[.!?)]*(?:\s+(?!(?:x|sets?|reps?|kgs?|lbs?|kilos?|pounds?|min\w*|@|rpe|rir)\b)"
    r"(?!at\s+(?:rpe\b|\d))[^\W\d_][^\d@]*)?"
)


def _after_bare(fragment: list[Segment], index: int) -> bool:
    """Whether the part before this one, on its line, is a bare number of a list."""
    before = fragment[index - 1]
    return before.line == fragment[index].line and bool(_BARE.fullmatch(before.text))


def _after_a_list(fragment: list[Segment], index: int) -> bool:
    """Whether a part that is a number and its effort follows a bare list's number on its
    line (`8, 8, 7 at rpe 9`): that number is reps like the list's."""
    return _after_bare(fragment, index) and bool(_NUMBER_THEN_EFFORT.match(fragment[index].text))


_NUMBER_AND_MARKS = re.compile(r"\s*\d+[\s\W]*")  # `20 –` (a note after it blanked)
_NUMBER_THEN_EFFORT = re.compile(r"\s*\d+\s*(?:@|at\s+rpe\b|rpe\b|rir\b)")


def _list_tail(fragment: list[Segment], index: int) -> str | None:
    """Return the set a list ends in when words follow it (`8, 8, 7 today`), or None."""
    if not _after_bare(fragment, index):
        return None
    m = _NUMBER_THEN_WORDS.fullmatch(fragment[index].text)
    return m[1] if m else None


def _list_head(fragment: list[Segment], index: int) -> str | None:
    """Return the set that words end in when a list of bare reps follows (`my reps were
    5, 2, 2`), or None."""
    if not _list_starts(fragment, index):
        return None
    text = fragment[index].text
    last = _REPS_CUE.search(text)
    return last[1] if last and not _DIGIT.search(text[: last.start(1)]) else None


# Words that put reps before a list: `my reps were 5, 2, 2`, `the pushups were 40, 30`
# (not `week 3, 8, 8, 7`, a label).
_REPS_CUE = re.compile(r"\b(?:reps?|were|was|got|did|managed|went|sets?)\s+(\d+)\s*$")


def _list_starts(fragment: list[Segment], index: int) -> bool:
    """`the pushups were 40, 30, 30`: the number ending a part of words starts a list of
    bare reps on its line, so it is reps like them."""
    return (
        index + 1 < len(fragment)
        and fragment[index + 1].line == fragment[index].line
        and bool(_BARE.fullmatch(fragment[index + 1].text))
        and bool(_REPS_CUE.search(fragment[index].text))
    )


# One `A x B` and nothing else: `15 x 10`, ` 5x10 `.
_PAIR_ONLY = re.compile(r"\s*(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+)\s*")
_PAIR_LAST = re.compile(
    r"(?<![\d.x×*]\s)(?<![\d.x×*])\d+(?:\.\d+)?\s*(?:kgs?|lbs?)?\s*[x×*]\s*\d+\s*$", re.IGNORECASE
)
_NUMBERS_ONLY = re.compile(r"\s*\d+(?:\s+\d+)*\s*")
# `(3 sets)`, `(2x)`: how many sets the writer counts, checked against those read
_SETS_SAID = re.compile(r"\(\s*(\d+)\s*(?:sets|x)\s*\)", re.IGNORECASE)
# A line of reps alone: `10, 10, 8`, `10 10 8`, `got 10, 10, 8`, `Reps: 10, 10, 8 reps`
_REPS_LINE = re.compile(r"\s*(?:(?:got|reps?)\s*:?\s*)?\d+(?:\s+\d+)*\s*(?:reps?)?\s*")
_PRIME_S = re.compile(r"\b(?:7|21)\s*['′’]s\b")  # `7′s`, `21's`: a curl scheme, not reps
_PLATE_LOAD = re.compile(r"\d\s*plates?\b")  # `deadlift 2 plates`: a load in plates
_PER_SIDE = re.compile(r"(?<![\w.])(\d+)\s*/\s*\1\s*x")  # `5/5 x 20k`: each side
_BAR_PLUS = re.compile(r"\bbar\s*\+\s*\d")  # `bar + 15 lbs`: plates on a bar we don't know
_WEIGHTED = re.compile(r"\bweighted\b")
# A part that opens with a lift's verb: the sets are that lift's (`Pressed only 4 reps`).
_LIFT_VERB = re.compile(
    r"\s*(?:then\s+|and\s+|i\s+|also\s+)*(pressed|benched|deadlifted|squatted|curled|rowed)\b"
)
_VERB_WORD = {
    "pressed": "press",
    "benched": "bench",
    "deadlifted": "deadlift",
    "squatted": "squat",
    "curled": "curl",
    "rowed": "row",
}


def _verb_fits(verb: str, exercise: Exercise) -> bool:
    """Return whether `verb` (`squatted`) names `exercise` (any squat), by its name's words."""
    word = _VERB_WORD[verb]
    return any(w.startswith(word) for w in exercise.name_words)


_BAND = re.compile(r"(?<!\bno )(?<!without )\b(?:bands?|banded)\b")
# Named as assisted (`assisted pull up 3x8 30kg`, `Pull up (assisted)`): its load is help.
_ASSIST = re.compile(r"\bassist(?:ed|ance|s)?\b")
_UNASSISTED = re.compile(r"\b(?:no|without|un)\s*-?\s*assist(?:ed|ance)?\b")
# A load said to be help, as our replies write it: `3×8 @ 30 kg assistance`.
_HELP_LOAD = re.compile(r"\d\s*(?:kgs?|lbs?)?\s*(?:of\s+)?(?:assistance|assist)\b")


def _named_assisted(source: str) -> bool:
    """Return whether the lift was named as assisted, before its first number (`assisted
    pull up 3x8 30kg`, `Pull up (assisted) 3x8 30kg`, not `3x5 (spotter assisted)`), or its
    load called help (`3×8 @ 30 kg assistance`)."""
    text = _UNASSISTED.sub(" ", source.lower())
    named = re.split(r"\d", text, maxsplit=1)[0]
    return bool(_ASSIST.search(named) or _HELP_LOAD.search(text))


# A set held for a time (`495/12s`, `x 30 sec`, `for 45 seconds`), not a rest between sets.
_TIMED_SET = re.compile(
    r"(?:[x×/]\s*|\bfor\s+)\d+\s*(?:s|secs?|seconds?)\b"
    r"(?!\s*(?:rest|recovery|between|break|off|pause|paused|\d))",
    re.IGNORECASE,
)
_COUNT_THEN_FAIL = re.compile(r"\s*(\d+)\s*(?:fail(?:ed|ure|s)?|f)\b[\s.!]*", re.IGNORECASE)


# Reps, then the load they were done at (`7 @ 65kg`, `4 reps @ 315lbs`).
_REPS_THEN_LOAD = re.compile(rf"\s*{NUM}\s*(?:reps?\s*)?(?:@|at\b)")
# Sets that open a part before chat (`350x2x2 Friday I had a quart of icecream`).
_LEADING_SETS = re.compile(rf"\s*{NUM}\s*(?:{UNIT})?(?:\s*x\s*{NUM}\s*(?:{UNIT})?){{1,2}}(?![\w.])")


def _own_set_line(fragment: list[Segment], index: int) -> bool:
    """Return whether part `index` is a line of its own that a set line's words start
    (`Max reps 12`, `Top set 120kg x 3`): sets, read or asked about, never chat."""
    segment = fragment[index]
    return (
        segment.line != fragment[index - 1].line
        and bool(_DIGIT.search(segment.text))
        and set_line(segment.name)
    )


def _is_prose(segment: Segment) -> bool:
    """Return whether a part is a sentence about the sets: MIN_PROSE_WORDS words or more
    and no load (`... with 10 pounds of added weight` gives its load to the sets before)."""
    words = [w for w in _WORD.findall(segment.text) if w not in NAME_STOP_WORDS]
    return len(words) >= MIN_PROSE_WORDS and not LOAD_HINT.search(segment.text)


def _unlogged_mark(
    fragment: list[Segment], source: str, exercise: Exercise, label: str, units: Unit
) -> str | None:
    """Return a question for a mark that changes the sets in a way a set can't hold: `7's`
    (sevens, or 21s?), `5/5 x 20k` (reps each side?), `bar + 15 lbs` (what does the bar
    weigh?), a band's help on a bodyweight lift (how much?)."""
    text = " ".join(s.text for s in fragment)
    lower = source.lower()
    shown = example(exercise, units)
    if "s" in text and (prime := _PRIME_S.search(text)):
        return f"What does `{prime[0]}` mean for the {label}? Send each set's reps, e.g. `{shown}`."
    if "/" in source and (side := _PER_SIDE.search(source)):
        each = side[0].rstrip(" xX")
        return (
            f"Is `{each}` reps on each side of the {label}? Send each set's reps, e.g. `{shown}`."
        )
    if "plate" in lower and _PLATE_LOAD.search(lower):
        return (
            f"How much did the {label} weigh in all? A count of plates can't tell me. "
            f"Send the load, e.g. `{shown}`."
        )
    if "bar" in lower and _BAR_PLUS.search(lower):
        return f"What does your bar weigh? Send the whole load of the {label}, e.g. `{shown}`."
    if (
        exercise.bodyweight
        and _BAND.search(lower)  # in a bracket note too: `Pull up (band) 3x8`
        and not _BAND.search(" ".join(exercise.name_words))
    ):
        return assisted_question(label)
    return None


def _loaded(raw: RawSet, load: Load) -> RawSet:
    if raw.weight is not None:
        return raw
    return RawSet(raw.reps, load.weight, load.unit, raw.bodyweight or load.bodyweight, raw.rpe)


def _after_failure(sets: list[RawSet], kind: str, count: int) -> list[RawSet]:
    """Return `sets` with the last set's reps changed by words of failure (`notes.failure`)."""
    last = sets[-1]
    reps = count if kind in ("last", "last-is") else last.reps - count
    if kind == "last" and count >= last.reps:
        return sets
    return [*sets[:-1], RawSet(reps, last.weight, last.unit, last.bodyweight, last.rpe)]


_NUMBER_FIRST = re.compile(r"\s*\d")


def _numbers_follow(head: Segment) -> bool:
    """Whether the text after the lift's name starts with a number."""
    return bool(head.typed) and bool(_NUMBER_FIRST.match(head.text[len(head.typed) :]))


def _unreadable(
    fragment: list[Segment], exercise: Exercise, source: str, units: Unit
) -> Problem | None:
    """Return a request for the sets when a fragment names an exercise but has none.

    With numbers, the name must stand alone or the numbers look like sets or loads
    (`squat day 2` is a title). Without numbers, only the name and at most one more
    word will do (`squat lots`, not `squats felt heavy today`).
    """
    head = fragment[0]
    if any(_DIGIT.search(s.text) for s in fragment):
        # Numbers shaped like sets, or a time (`39 second chin-up`): ask, never drop them.
        wanted = head.exact or any(
            REPS_HINT.search(s.text)
            or LOAD_HINT.search(s.text)
            or SET_LIKE.search(s.text)
            or _TIMED.search(s.text)
            or _PLATES.search(s.text)
            for s in fragment
        )
        # `I deadlifted 85 today`, `the push-ups were 40-30-30`: the name runs straight into
        # its numbers, a log missing a part (`squat day 2` is a title)
        wanted = wanted or (
            _numbers_follow(head) and not TITLE_WORDS.intersection(head.name.split())
        )
    else:
        wanted = (
            head.leading
            and head.beside_name <= MAX_WORDS_BESIDE_BARE_NAME
            and not TITLE_WORDS.intersection(head.name.split())
        )
    if not wanted:
        return None
    return Problem(
        "unreadable",
        source,
        f"I couldn't read the sets and reps for {exercise.name.lower()}. "
        f"Try e.g. `{example(exercise, units)}` (sets x reps, then the weight).",
    )


def example(exercise: Exercise, units: Unit) -> str:
    """Return a log of `exercise` to show: `squat 3x8 100kg`, `pull-up 3x8 bw`."""
    load = "bw" if exercise.bodyweight else EXAMPLE_LOAD[units]
    return f"{exercise.name.lower()} 3x8 {load}"


def _missing_load(sets: list[RawSet], label: str, units: Unit) -> str:
    reps = {s.reps for s in sets}
    shape = f"{len(sets)}x{reps.pop():g}" if len(reps) == 1 else "3x8"
    return f"How heavy was the {label}? e.g. `{label} {shape} {EXAMPLE_LOAD[units]}`"


def _rpe_per_set(sets: list[RawSet], marks: list[float]) -> list[RawSet]:
    """Return `sets` with `3x8 60kg @6, @8, @9`'s RPEs one per set, in order.

    When the marks don't match the sets one to one, no RPE is kept: a wrong effort would
    change the next load, a missing one leaves the usual rules.
    """
    first = sets[0].rpe if sets else None
    every = ([first] if first is not None else []) + marks
    if len(every) == len(sets):
        return [replace(s, rpe=rpe) for s, rpe in zip(sets, every, strict=True)]
    return [replace(s, rpe=None) for s in sets]


_REPS_AT_END = re.compile(r"(?<![\w.])\d{1,2}\s*reps?\s*$")


@dataclass
class _LineSets:
    """The sets one line of a fragment gave: how many, all bare reps, any `N sets` written."""

    count: int = 0
    bare: bool = True
    uniform: bool = False


# A set scheme in brackets on a lift's own line (`Barbell Row (5×10) 125lbs`).
_HEADER_SCHEME = re.compile(r"\(\s*(\d{1,2})\s*x\s*(\d{1,2})\s*\)")


def _bare_run(fragment: list[Segment], index: int) -> tuple[int, bool]:
    """Return how many reps the parts of reps alone from part `index` on list, and whether
    they are numbers only (`10, 10, 8`; not `Reps: 10` or `got 10`)."""
    listed, plain = 0, True
    for part in fragment[index:]:
        if not _REPS_LINE.fullmatch(part.text):
            break
        listed += len(re.findall(r"\d+", part.text))
        plain = plain and _NUMBERS_ONLY.fullmatch(part.text) is not None
    return listed, plain


def _reps_then_count(fragment: list[Segment], index: int, per_line: dict[int, _LineSets]) -> bool:
    """Return whether the part before `index`, on its line, was one set of reps alone."""
    if not index or fragment[index - 1].line != fragment[index].line:
        return False
    line = per_line.get(fragment[index].line)
    before = fragment[index - 1].text
    return line is not None and line.count == 1 and _REPS_AT_END.search(before) is not None


def _reps_of_those_sets(per_line: dict[int, _LineSets], label: str, shown: str) -> str | None:
    """Return a question when a line of bare reps follows a line of counted sets.

    `Incline press 3 reps, 5 sets @ 125lb` then `3, 3, 2, 2, 1`, or `curls 12kg 3x10` then
    `10 10 8`: what those sets got, or more sets? Asked, never added.
    """
    lines = sorted(per_line)
    for above, below in pairwise(lines):
        first, then = per_line[above], per_line[below]
        if first.uniform and not first.bare and then.bare and then.count >= 1:
            return (
                f"Were the reps on the line after your {first.count} {label} sets what those "
                f"sets got, or {first.count} sets more? Send each set once, e.g. `{shown}`"
            )
    return None
