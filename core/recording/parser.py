"""Reads workout logs out of chat text: strength sets, cardio sessions, and problems.

How a message is read:

* It is split into lines, and lines at `;` and at commas that are not between two
  digits (`8,8,7` is a rep list, `102,5kg` a decimal weight). A part that starts
  with an exercise name or mentions cardio starts a new fragment; any other part
  continues the fragment before it (`100x5, 105x5, 110x3`; a name on its own line
  followed by set lines). Parts with no numbers and no name are notes.
* Numbers joined by `x` (or `×`, `*`):
  - `AxBxC` is weight × reps × sets (`DL 140x5x3`) when A ≥ C, otherwise
    sets × reps × weight (`3 x 8 x 100`); a unit on A or on C says which is the weight.
  - `AxB` is sets × reps when the part also has a load (`3x8 100kg`, `3x8 @ 100`,
    `row 3x10 50`, `bw+10`), for bodyweight movements, and when A is a whole
    number up to 10 (`squat 3x8`, which then lacks a load). Otherwise it is
    weight × reps, one set (`100x5`). A unit on A or B marks the weight (`100kgx5`).
* A bare number is a weight in the user's units. After a load, bare numbers are reps,
  one set each (`100kg 8,8,7`, `100kg 8/8/7`, `100kg 8 8 7`). A continuation part
  without a load reuses the load before it (`100kg 8, 8, 7`).
* `@` or `at` before a number marks the load; `rpe` before or after a number is RPE
  for the sets of that part. `bw`, `bw+10` and `+10kg` mark bodyweight sets, whose
  weight is the added load.
* A message ending in `?` is a question unless it has sets, reps or a duration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.recording.cardio import mentions_cardio, read_cardio
from core.recording.catalogue import Exercise, resolve
from core.recording.entries import (
    CardioEntry,
    Entry,
    ParseResult,
    Problem,
    SetEntry,
    StrengthEntry,
    Unit,
)
from core.recording.set_notation import MAX_SETS, NUM, UNIT, Load, RawSet, read_sets

MAX_CHARS = 2000
MAX_LINES = 50
MAX_NAME_WORDS = 6
# A line of only a known exercise name and at most this many other words ("squat lots")
# asks for the sets; longer chat ("squats felt heavy today") is a note.
MAX_WORDS_BESIDE_BARE_NAME = 1
TITLE_WORDS = frozenset({"day", "session", "workout", "week", "block", "focus", "today"})
NAME_STOP_WORDS = frozenset(
    {"bw", "bodyweight", "body", "sets", "set", "reps", "rep", "x", "at", "rpe", "of", "for"}
)

_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_PART = re.compile(r"(?:[^,;]|(?<=\d),(?=\d))+")
_LIST_MARKER = re.compile(r"^\s*(?:[-–—*•·>]+\s+|\d{1,2}[.)](?![\d.])\s*)")
_NAME_END = re.compile(r"[\d@+]")
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[a-z]")
_QUESTION = re.compile(r"\?[\W_]*$")
_EXAMPLE_LOAD: dict[Unit, str] = {"kg": "100kg", "lb": "225lb"}
_DECIMAL_COMMA = re.compile(rf"(\d),(\d{{1,2}})(?=\s*{UNIT})")
_REPS_HINT = re.compile(
    rf"(?<![\w.]){NUM}\s*(?:{UNIT})?\s*x\s*{NUM}|(?<![\w.]){NUM}\s*(?:sets?|reps?)\b"
)
_LOAD_HINT = re.compile(rf"(?<![\w.]){NUM}\s*{UNIT}|@\s*{NUM}|\bbw\b|\+\s*{NUM}")


@dataclass(frozen=True)
class _Segment:
    """One comma/semicolon/line part of the message, with the exercise it names."""

    text: str  # lowercased and normalised, without a list marker
    start: int
    end: int
    line: int
    name: str  # the words before the first number
    exercise: Exercise | None
    exact: bool  # `name` is the exercise name itself, not "squat day"
    leading: bool  # `name` starts with the exercise name
    beside_name: int  # words in `name` that are not part of the exercise name
    cardio: bool


@dataclass(frozen=True)
class _Outcome:
    item: Entry | Problem | None
    counted: bool  # the fragment had sets, reps or a duration: a log even if it ends in "?"


def parse(text: str, units: Unit = "kg") -> ParseResult:
    """Return the entries and problems found in a chat message; never raises."""
    if not text or not text.strip():
        return ParseResult()
    segments, overflow = _segments(text)
    outcomes = [_read_fragment(f, text, units) for f in _fragments(segments)]
    if _QUESTION.search(text[-40:]):
        outcomes = [o for o in outcomes if o.counted]
    entries = tuple(o.item for o in outcomes if isinstance(o.item, CardioEntry | StrengthEntry))
    problems = [o.item for o in outcomes if isinstance(o.item, Problem)]
    if overflow.strip() and (entries or problems):
        problems.append(_overflow_problem(overflow))
    return ParseResult(entries, tuple(problems))


def _overflow_problem(overflow: str) -> Problem:
    return Problem(
        "unreadable",
        overflow.strip()[:200],
        f"That was a long message, so I read only the first {MAX_LINES} lines "
        f"({MAX_CHARS:,} characters). Please send the rest separately.",
    )


# --- splitting ---------------------------------------------------------------------


def _segments(text: str) -> tuple[list[_Segment], str]:
    """Return the parts of the first lines of `text`, and the text left unread."""
    head = text[:MAX_CHARS]
    if len(text) > MAX_CHARS and (cut := head.rfind("\n")) > 0:
        head = head[:cut]
    segments: list[_Segment] = []
    for number, line in enumerate(_LINE.finditer(head)):
        if number >= MAX_LINES:
            return segments, text[line.start() :]
        for part in _PART.finditer(line[0]):
            if part[0].strip():
                segments.append(_segment(part[0], line.start() + part.start(), number))
    return segments, text[len(head) :]


def _normalise(raw: str) -> str:
    text = _LIST_MARKER.sub("", " ".join(raw.lower().split()), count=1)
    text = text.replace("×", "x").replace("*", "x")
    return _DECIMAL_COMMA.sub(r"\1.\2", text)


def _segment(raw: str, start: int, line: int) -> _Segment:
    text = _normalise(raw)
    words = _name_words(text)
    exercise, used, leading = _find_exercise(words)
    return _Segment(
        text=text,
        start=start,
        end=start + len(raw),
        line=line,
        name=" ".join(words),
        exercise=exercise,
        exact=exercise is not None and used == len(words),
        leading=leading,
        beside_name=len(words) - used,
        cardio=mentions_cardio(text),
    )


def _name_words(text: str) -> list[str]:
    """Return the words before the first number, `@`, `+` or set/rep keyword."""
    words: list[str] = []
    for word in _WORD.findall(_NAME_END.split(text, maxsplit=1)[0]):
        if word in NAME_STOP_WORDS or len(words) == MAX_NAME_WORDS:
            break
        words.append(word)
    return words


def _find_exercise(words: list[str]) -> tuple[Exercise | None, int, bool]:
    """Return the exercise named by the first or else the last of `words`.

    Also returns how many words name it and whether they lead (`squat day` vs `did squats`).
    """
    for n in range(len(words), 0, -1):
        if exercise := resolve(" ".join(words[:n])):
            return exercise, n, True
    for n in range(1, len(words)):
        if exercise := resolve(" ".join(words[n:])):
            return exercise, len(words) - n, False
    return None, 0, False


def _fragments(segments: list[_Segment]) -> list[list[_Segment]]:
    fragments: list[list[_Segment]] = []
    for segment in segments:
        if fragments and _continues(fragments[-1], segment):
            fragments[-1].append(segment)
        else:
            fragments.append([segment])
    return fragments


def _continues(fragment: list[_Segment], segment: _Segment) -> bool:
    """Return whether `segment` adds to `fragment` rather than starting a new one."""
    if segment.exercise or segment.cardio:
        return False
    if fragment[-1].line == segment.line:
        return True
    # A new line of sets after an unknown word is another exercise, not more sets.
    unknown_name = bool(segment.name) and bool(_REPS_HINT.search(segment.text))
    return fragment[0].exercise is not None and not unknown_name


# --- reading a fragment ------------------------------------------------------------


def _read_fragment(fragment: list[_Segment], text: str, units: Unit) -> _Outcome:
    head = fragment[0]
    source = text[head.start : fragment[-1].end].strip()
    joined = " , ".join(s.text for s in fragment)
    if head.cardio and (head.exercise is None or not _REPS_HINT.search(joined)):
        cardio = read_cardio(joined, source)
        if isinstance(cardio, CardioEntry):
            return _Outcome(cardio, counted=True)
        if cardio and (head.exercise is None or cardio.kind == "implausible"):
            return _Outcome(cardio, counted=cardio.kind == "implausible")
    if head.exercise is None:
        return _orphan(fragment, source)
    return _strength(fragment, head.exercise, source, units)


def _orphan(fragment: list[_Segment], source: str) -> _Outcome:
    """Return a problem for sets with no known exercise; anything else is a note."""
    if not any(_REPS_HINT.search(s.text) for s in fragment):
        return _Outcome(None, counted=False)
    name = fragment[0].name
    message = (
        f"I don't know the exercise '{name}' yet. Try a name like squat, bench or deadlift."
        if name
        else "Which exercise was that? Start with its name, e.g. `squat 3x8 100kg`."
    )
    # Not counted: in a question, sets next to an unknown word are chat, not a log.
    return _Outcome(Problem("unknown_exercise", source, message), counted=False)


def _strength(fragment: list[_Segment], exercise: Exercise, source: str, units: Unit) -> _Outcome:
    head = fragment[0]
    label = exercise.name.lower()
    sets: list[RawSet] = []
    carried: Load | None = None
    has_reps = False
    for index, segment in enumerate(fragment):
        hinted = bool(_REPS_HINT.search(segment.text) or _LOAD_HINT.search(segment.text))
        bare = not _LETTER.search(segment.text)
        part = read_sets(
            segment.text,
            label,
            exercise.bodyweight,
            units,
            carried,
            bare_numbers_are_reps=hinted or (head.exact if index == 0 else bare),
        )
        if part.problem:
            return _Outcome(Problem("implausible", source, part.problem), counted=True)
        has_reps = has_reps or part.has_reps
        carried = part.load or carried
        sets.extend(part.sets)
    if not sets:
        return _Outcome(_unreadable(fragment, exercise, source, units), counted=has_reps)
    if len(sets) > MAX_SETS:  # e.g. a list of 500 rep counts: each part alone was fine
        message = (
            f"{len(sets)} sets of {label}? I can log up to {MAX_SETS} at once. "
            f"Check the numbers, e.g. `{label} 3x8 100kg`."
        )
        return _Outcome(Problem("implausible", source, message), counted=True)
    if any(s.weight is None for s in sets):
        problem = Problem("missing_load", source, _missing_load(sets, label, units))
        return _Outcome(problem, counted=True)
    entry_sets = tuple(
        SetEntry(int(s.reps), s.weight or 0.0, s.unit, s.bodyweight, s.rpe) for s in sets
    )
    return _Outcome(StrengthEntry(exercise.id, entry_sets, source), counted=True)


def _unreadable(
    fragment: list[_Segment], exercise: Exercise, source: str, units: Unit
) -> Problem | None:
    """Return a request for the sets when a fragment names an exercise but has none.

    With numbers, the name must stand alone or the numbers look like sets or loads
    (`squat day 2` is a title). Without numbers, only the name and at most one more
    word will do (`squat lots`, not `squats felt heavy today`).
    """
    head = fragment[0]
    if any(_DIGIT.search(s.text) for s in fragment):
        wanted = head.exact or any(
            _REPS_HINT.search(s.text) or _LOAD_HINT.search(s.text) for s in fragment
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
        f"Try e.g. `{_example(exercise, units)}` (sets x reps, then the weight).",
    )


def _example(exercise: Exercise, units: Unit) -> str:
    load = "bw" if exercise.bodyweight else _EXAMPLE_LOAD[units]
    return f"{exercise.name.lower()} 3x8 {load}"


def _missing_load(sets: list[RawSet], label: str, units: Unit) -> str:
    reps = {s.reps for s in sets}
    shape = f"{len(sets)}x{reps.pop():g}" if len(reps) == 1 else "3x8"
    return f"How heavy was the {label}? e.g. `{label} {shape} {_EXAMPLE_LOAD[units]}`"
