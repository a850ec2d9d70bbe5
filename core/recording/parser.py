"""Reads workout logs out of chat text: strength sets, cardio sessions, and questions.

How a message is read, in order:

1. `fragments`: each line loses its notes, is split into parts, and the parts are grouped
   into fragments, one lift or cardio session each (a name starts one; sets after it,
   on its line or the lines below, continue it).
2. A cardio fragment is read by `cardio.read_cardio` (a session, or a question about its
   time). A lift's fragment is read by `strength.read_strength`, which reads each part's
   numbers with `set_notation.read_sets` (which number is weight, reps or sets chosen by
   plausibility in `readings`). Sets with no known exercise are an `unknown_exercise`
   problem carrying the typed name.
3. `doubts`: a reading not confidently the writer's becomes a question, never a record: a
   plan, a past session, a detail that may change the sets. `W x A x B` with two plausible
   set counts is an `Ambiguity` with both readings unless `notation` says which.
4. A message ending in `?` is a question unless it has sets, reps or a duration.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from core.recording.cardio import read_cardio
from core.recording.doubts import doubt
from core.recording.entries import (
    Ambiguity,
    CardioEntry,
    Notation,
    ParseResult,
    Problem,
    Reading,
    StrengthEntry,
    Unit,
)
from core.recording.fragments import (
    MAX_CHARS,
    MAX_LINES,
    REPS_HINT,
    SET_HINT,
    Segment,
    fragments,
    segments,
)
from core.recording.notes import PAST, PLAN
from core.recording.set_values import unloggable
from core.recording.strength import Outcome, example, read_strength

_LOAD = re.compile(r"\d\s*(?:kgs?|lbs?|pounds?|#)(?![a-z])", re.IGNORECASE)

NOTATIONS: tuple[Notation, ...] = ("sets-reps", "reps-sets")
_QUESTION = re.compile(r"\?[\W_]*$")


def parse(
    text: str,
    units: Unit = "kg",
    notation: Notation | None = None,
    names: Mapping[str, str] | None = None,
) -> ParseResult:
    """Return the entries, problems and ambiguities in a chat message; never raises.

    `notation` is how the person writes `225x3x5` (see `core.recording.readings`), `names`
    their own exercise names (`catalogue.name_key(typed)` -> exercise id), tried first.
    """
    if not text or not text.strip():
        return ParseResult()
    parts, overflow = segments(text, names)
    groups = fragments(parts)
    outcomes = [_read_fragment(f, text, units, notation) for f in groups]
    outcomes = _merged(outcomes, [f[0].leading for f in groups])
    if _QUESTION.search(text[-40:]):
        outcomes = [o for o in outcomes if o.counted]
    if PAST.search(text.lower()):
        outcomes = [_history(o) for o in outcomes]
    entries = tuple(o.item for o in outcomes if isinstance(o.item, CardioEntry | StrengthEntry))
    problems = [o.item for o in outcomes if isinstance(o.item, Problem)]
    ambiguities = tuple(o.item for o in outcomes if isinstance(o.item, Ambiguity))
    if overflow.strip() and (entries or problems or ambiguities):
        problems.append(_overflow_problem(overflow))
    return ParseResult(entries, tuple(problems), ambiguities)


def _merged(outcomes: list[Outcome], leading: list[bool]) -> list[Outcome]:
    """Return `outcomes` with sets that name their lift after the numbers (`20 kg kettlebell
    – 5 x 20`) joined to the entry of that lift just before them: one entry, as written."""
    out: list[Outcome] = []
    for outcome, named_first in zip(outcomes, leading, strict=True):
        entry, last = outcome.item, out[-1].item if out else None
        if (
            not named_first
            and isinstance(entry, StrengthEntry)
            and isinstance(last, StrengthEntry)
            and last.exercise == entry.exercise
        ):
            joined = StrengthEntry(
                entry.exercise, last.sets + entry.sets, f"{last.source}\n{entry.source}"
            )
            out[-1] = Outcome(joined, counted=True)
        else:
            out.append(outcome)
    return out


def _history(outcome: Outcome) -> Outcome:
    """Return a question instead of sets from a session in the past (see `PAST`)."""
    item = outcome.item
    if not isinstance(item, StrengthEntry | Ambiguity):
        return outcome
    message = "Was that today's session, or an earlier one? Send what you did today."
    return Outcome(Problem("unreadable", item.source, message), counted=outcome.counted)


def _overflow_problem(overflow: str) -> Problem:
    return Problem(
        "unreadable",
        overflow.strip()[:200],
        f"That was a long message, so I read only the first {MAX_LINES} lines "
        f"({MAX_CHARS:,} characters). Please send the rest separately.",
    )


def _read_fragment(
    fragment: list[Segment], text: str, units: Unit, notation: Notation | None
) -> Outcome:
    head = fragment[0]
    source = text[head.start : fragment[-1].end].strip()
    joined = " , ".join(s.text for s in fragment)
    if (head.cardio or head.exercise) and (written := unloggable(joined)):
        # Refused whole: read digit by digit it would be another number (`1e308` is 1).
        shape = example(head.exercise, units) if head.exercise else "zone 2 run 45 min"
        message = f"I can't log `{written}` as a number. Check the numbers, e.g. `{shape}`."
        return Outcome(Problem("implausible", source, message), counted=True)
    if head.cardio and (head.exercise is None or not REPS_HINT.search(joined)):
        cardio = read_cardio(joined, source)
        if isinstance(cardio, CardioEntry):
            return Outcome(cardio, counted=True)
        # A load (`16kg`) names a lift, not a row or a ride: `dumbbell row 16kg 8,8,6`.
        no_sets = not (REPS_HINT.search(joined) or SET_HINT.search(joined) or _LOAD.search(joined))
        if cardio and (head.exercise is None or no_sets or cardio.kind == "implausible"):
            return Outcome(cardio, counted=cardio.kind == "implausible")
    if head.exercise is None:
        return _orphan(fragment, source)
    outcome = read_strength(fragment, head.exercise, source, units, notation)
    if isinstance(outcome.item, Problem) and not head.leading:  # a name in prose or a question
        outcome = Outcome(outcome.item, counted=False)
    if isinstance(outcome.item, StrengthEntry | Ambiguity) and PLAN.search(source.lower()):
        message = f"Was that {head.exercise.name.lower()} planned or done? Send what you did."
        return Outcome(Problem("unreadable", source, message), counted=False)
    if isinstance(outcome.item, StrengthEntry) and (
        question := doubt(fragment, head.exercise, source)
    ):
        return Outcome(Problem("unreadable", source, question), counted=True)
    if outcome.ambiguous and notation is None and isinstance(outcome.item, StrengthEntry):
        readings = []
        for way in NOTATIONS:
            read = read_strength(fragment, head.exercise, source, units, way).item
            if isinstance(read, StrengthEntry):
                readings.append(Reading(_label(read), way, read))
        question = f"{head.exercise.name}: {readings[0].label}, or {readings[-1].label}?"
        return Outcome(Ambiguity(source, question, tuple(readings)), counted=True)
    return outcome


def _label(entry: StrengthEntry) -> str:
    """Return a button label for a reading: "3 sets of 5 at 225 lb"."""
    first = entry.sets[0]
    return f"{len(entry.sets)} sets of {first.reps} at {first.weight:g} {first.unit}"


def _orphan(fragment: list[Segment], source: str) -> Outcome:
    """Return a problem for sets with no known exercise; anything else is a note."""
    if not any(REPS_HINT.search(s.text) or SET_HINT.search(s.text) for s in fragment):
        return Outcome(None, counted=False)
    name = fragment[0].typed if fragment[0].name else ""
    message = (
        f"I don't know the exercise '{name}' yet. Try a name like squat, bench or deadlift."
        if name
        else "Which exercise was that? Start with its name, e.g. `squat 3x8 100kg`."
    )
    # Not counted: in a question, sets next to an unknown word are chat, not a log.
    return Outcome(Problem("unknown_exercise", source, message, name), counted=False)
