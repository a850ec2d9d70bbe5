"""Reads workout logs out of chat text: strength sets, cardio sessions, and problems.

How a message is read:

* Each line loses its notes first (`notes.blank`: brackets, quotes, a dash note, a
  total after `=`), then is split into parts at `;`, at commas not between two digits
  (`8,8,7` reps, `102,5kg` a weight), at ` + `, a slash before words, a sentence end,
  `then`, and a known name with a colon mid-line (`... Press: 135 x 5`).
* Each part's exercise is found by `names.find_exercise`: at the start, after the
  numbers (`4x8 squat @ 185lbs`) or in prose, the person's own names first; a known name
  inside a longer unknown one is never taken. Number words next to set words are digits
  (`three sets of five`). A part naming an exercise or cardio starts a new fragment; any
  other part continues the one before it (`100x5, 105x5`; a name on its own line, then
  set lines). Parts with no numbers and no name are notes.
* `set_notation.read_sets` reads one part's numbers (marks made plain by `marks`; which
  number is weight, reps or sets chosen by plausibility in `readings`). A bare number is
  a weight in the user's units; after a load, bare numbers are reps, one set each. A part
  without a load reuses the load before it; a part with only a load gives it to the
  sets before it (`Squats, 5X5, 90kg`).
* `W x A x B` with two plausible set counts is an `Ambiguity` with both readings unless
  `notation` says which; nothing is recorded for it. Words of failure (`last set only
  6`) change a uniform block's last set. Plans (`supposed to`, `called for`) are asked.
* Sets with no known exercise are an `unknown_exercise` problem carrying the typed name.
* A message ending in `?` is a question unless it has sets, reps or a duration.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from core.recording import notes
from core.recording.cardio import mentions_cardio, read_cardio
from core.recording.catalogue import Exercise
from core.recording.entries import (
    Ambiguity,
    CardioEntry,
    Entry,
    Notation,
    ParseResult,
    Problem,
    Reading,
    SetEntry,
    StrengthEntry,
    Unit,
)
from core.recording.names import find_exercise
from core.recording.numbers import digits
from core.recording.readings import BARBELL_LIFTS, Lift
from core.recording.set_notation import MAX_SETS, NUM, UNIT, Load, RawSet, read_sets

MAX_CHARS = 2000
MAX_LINES = 50
MAX_NAME_WORDS = 6
NOTATIONS: tuple[Notation, ...] = ("sets-reps", "reps-sets")
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
_SET_HINT = re.compile(rf"(?<![\w.])x\s*{NUM}|{NUM}\s*@\s*{NUM}|{NUM}(?:\s*[-/]\s*{NUM}){{2,}}")
# Words of a plan or a wish, not a record: such sets are asked about, never logged.
_PLAN = re.compile(
    r"\b(?:supposed to|called for|planned|plan(?:ning)? to|going to|gonna|will do|want(?:ed)? "
    r"to|next (?:time|week|session)|tomorrow|goal)\b"
)
_PLUS = re.compile(r"\s\+\s")
_SPACED_SLASH = re.compile(r"\s/(?=\s)|/(?=\s*[^\W\d_])")
_SENTENCE = re.compile(r"(?<=[^\W\d_#])\.(?=\s+[A-Z])|(?<=#)\.(?=\s+[A-Z][a-z])")
_THEN = re.compile(r"\bthen\b", re.IGNORECASE)
_NAME_COLON = re.compile(r"(?<=\S)\s+([A-Za-z][A-Za-z-]*(?:\s[A-Za-z][A-Za-z-]*){0,3})\s*:\s*\d")


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
    typed: str  # the name as typed, for a question about an unknown exercise


@dataclass(frozen=True)
class _Outcome:
    item: Entry | Problem | Ambiguity | None
    counted: bool  # the fragment had sets, reps or a duration: a log even if it ends in "?"
    ambiguous: bool = False  # read by a guess between notations: ask instead


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
    segments, overflow = _segments(text, names)
    outcomes = [_read_fragment(f, text, units, notation) for f in _fragments(segments)]
    if _QUESTION.search(text[-40:]):
        outcomes = [o for o in outcomes if o.counted]
    entries = tuple(o.item for o in outcomes if isinstance(o.item, CardioEntry | StrengthEntry))
    problems = [o.item for o in outcomes if isinstance(o.item, Problem)]
    ambiguities = tuple(o.item for o in outcomes if isinstance(o.item, Ambiguity))
    if overflow.strip() and (entries or problems or ambiguities):
        problems.append(_overflow_problem(overflow))
    return ParseResult(entries, tuple(problems), ambiguities)


def _overflow_problem(overflow: str) -> Problem:
    return Problem(
        "unreadable",
        overflow.strip()[:200],
        f"That was a long message, so I read only the first {MAX_LINES} lines "
        f"({MAX_CHARS:,} characters). Please send the rest separately.",
    )


# --- splitting ---------------------------------------------------------------------


def _segments(text: str, names: Mapping[str, str] | None) -> tuple[list[_Segment], str]:
    """Return the parts of the first lines of `text`, and the text left unread."""
    head = text[:MAX_CHARS]
    if len(text) > MAX_CHARS and (cut := head.rfind("\n")) > 0:
        head = head[:cut]
    segments: list[_Segment] = []
    for number, line in enumerate(_LINE.finditer(head)):
        if number >= MAX_LINES:
            return segments, text[line.start() :]
        prepared = _prepare(line[0], names)
        for part in _PART.finditer(prepared):
            if part[0].strip(" ;"):
                start = line.start() + part.start()
                raw = text[start : line.start() + part.end()]
                segments.append(_segment(part[0], raw, start, number, names))
    return segments, text[len(head) :]


def _prepare(line: str, names: Mapping[str, str] | None) -> str:
    """Return `line` with notes blanked and more part breaks as `;`, at the same length.

    Breaks: ` + ` (not `bw + 10`), a slash before words or between spaces, a sentence end,
    `then`, and a known name with a colon mid-line (`... Press: 135 x 5`).
    """
    if mentions_cardio(line.lower()):
        return line
    chars = list(notes.blank(line))
    for m in _PLUS.finditer(line):
        if not line[: m.start()].lower().rstrip().endswith(("bw", "bodyweight", "body weight")):
            chars[m.start() + 1] = ";"
    for pattern in (_SPACED_SLASH, _SENTENCE):
        for m in pattern.finditer(line):
            chars[m.end() - 1] = ";"
    for m in _THEN.finditer(line):
        chars[m.start()] = ";"
    for m in _NAME_COLON.finditer(line):
        if not _DIGIT.search(_LIST_MARKER.sub("", line[: m.start()], count=1)):
            continue
        words = m[1].split()
        exercise, first, _ = find_exercise([w.lower() for w in words], names)
        if exercise is not None:
            offset = m.start(1) + sum(len(w) + 1 for w in words[:first])
            chars[offset - 1] = ";"
    return "".join(chars)


def _normalise(raw: str) -> str:
    text = _LIST_MARKER.sub("", " ".join(raw.lower().split()), count=1)
    text = text.replace("×", "x").replace("*", "x").replace("’", "'")
    return digits(_DECIMAL_COMMA.sub(r"\1.\2", text))


def _segment(
    prepared: str, raw: str, start: int, line: int, names: Mapping[str, str] | None
) -> _Segment:
    text = _normalise(prepared)
    lead = _name_words(text)
    exercise, first, used = find_exercise(_WORD.findall(text), names)
    leading = exercise is not None and first == 0
    typed = _LIST_MARKER.sub("", _NAME_END.split(prepared.strip(" ;"), maxsplit=1)[0])
    return _Segment(
        text=text,
        start=start,
        end=start + len(raw.rstrip()),
        line=line,
        name=" ".join(lead),
        exercise=exercise,
        exact=leading and used == len(lead),
        leading=leading,
        beside_name=len(lead) - used if leading else len(lead),
        cardio=mentions_cardio(text),
        typed=typed.strip(" :-–—*•\t").strip(),
    )


def _name_words(text: str) -> list[str]:
    """Return the words before the first number, `@`, `+` or set/rep keyword."""
    words: list[str] = []
    for word in _WORD.findall(_NAME_END.split(text, maxsplit=1)[0]):
        if word in NAME_STOP_WORDS or len(words) == MAX_NAME_WORDS:
            break
        words.append(word)
    return words


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


def _read_fragment(
    fragment: list[_Segment], text: str, units: Unit, notation: Notation | None
) -> _Outcome:
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
    outcome = _strength(fragment, head.exercise, source, units, notation)
    if isinstance(outcome.item, Problem) and not head.leading:  # a name in prose or a question
        outcome = _Outcome(outcome.item, counted=False)
    if isinstance(outcome.item, StrengthEntry | Ambiguity) and _PLAN.search(joined):
        message = f"Was that {head.exercise.name.lower()} planned or done? Send what you did."
        return _Outcome(Problem("unreadable", source, message), counted=False)
    if outcome.ambiguous and notation is None and isinstance(outcome.item, StrengthEntry):
        readings = []
        for way in NOTATIONS:
            read = _strength(fragment, head.exercise, source, units, way).item
            if isinstance(read, StrengthEntry):
                readings.append(Reading(_label(read), way, read))
        question = f"{head.exercise.name}: {readings[0].label}, or {readings[-1].label}?"
        return _Outcome(Ambiguity(source, question, tuple(readings)), counted=True)
    return outcome


def _label(entry: StrengthEntry) -> str:
    """Return a button label for a reading: "3 sets of 5 at 225 lb"."""
    first = entry.sets[0]
    return f"{len(entry.sets)} sets of {first.reps} at {first.weight:g} {first.unit}"


def _orphan(fragment: list[_Segment], source: str) -> _Outcome:
    """Return a problem for sets with no known exercise; anything else is a note."""
    if not any(_REPS_HINT.search(s.text) or _SET_HINT.search(s.text) for s in fragment):
        return _Outcome(None, counted=False)
    name = fragment[0].typed if fragment[0].name else ""
    message = (
        f"I don't know the exercise '{name}' yet. Try a name like squat, bench or deadlift."
        if name
        else "Which exercise was that? Start with its name, e.g. `squat 3x8 100kg`."
    )
    # Not counted: in a question, sets next to an unknown word are chat, not a log.
    return _Outcome(Problem("unknown_exercise", source, message, name), counted=False)


def _strength(
    fragment: list[_Segment],
    exercise: Exercise,
    source: str,
    units: Unit,
    notation: Notation | None,
) -> _Outcome:
    head = fragment[0]
    label = exercise.name.lower()
    lift = Lift(label, exercise.bodyweight, exercise.id in BARBELL_LIFTS)
    sets: list[RawSet] = []
    carried: Load | None = None
    has_reps = ambiguous = uniform = False
    for index, segment in enumerate(fragment):
        hinted = bool(_REPS_HINT.search(segment.text) or _LOAD_HINT.search(segment.text))
        bare = not _LETTER.search(segment.text)
        part = read_sets(
            segment.text,
            lift,
            units,
            carried,
            bare_numbers_are_reps=hinted
            or (head.exact if index == 0 else bare)
            or (exercise.bodyweight and index == 0 and head.beside_name <= 1),
            notation=notation,
        )
        if part.problem:
            return _Outcome(Problem("implausible", source, part.problem), counted=True)
        has_reps = has_reps or part.has_reps
        ambiguous = ambiguous or part.ambiguous
        uniform = uniform or part.uniform
        if part.load and not part.sets and any(s.weight is None for s in sets):
            sets = [_loaded(s, part.load) for s in sets]  # `Squats, 5x5, 90kg`
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
    if uniform and (failed := notes.failure(" ".join(s.text for s in fragment))):
        sets = _after_failure(sets, *failed)
    if any(s.weight is None for s in sets):
        problem = Problem("missing_load", source, _missing_load(sets, label, units))
        return _Outcome(problem, counted=True)
    if any(s.reps < 1 for s in sets):
        message = f"How many reps did the last set of {label} get? e.g. `{label} 100kg 8, 8, 6`"
        return _Outcome(Problem("unreadable", source, message), counted=True)
    entry_sets = tuple(
        SetEntry(int(s.reps), s.weight or 0.0, s.unit, s.bodyweight, s.rpe) for s in sets
    )
    entry = StrengthEntry(exercise.id, entry_sets, source)
    return _Outcome(entry, counted=True, ambiguous=ambiguous)


def _loaded(raw: RawSet, load: Load) -> RawSet:
    if raw.weight is not None:
        return raw
    return RawSet(raw.reps, load.weight, load.unit, raw.bodyweight or load.bodyweight, raw.rpe)


def _after_failure(sets: list[RawSet], kind: str, count: int) -> list[RawSet]:
    """Return `sets` with the last set's reps changed by words of failure (`notes.failure`)."""
    last = sets[-1]
    reps = count if kind == "last" else last.reps - count
    if kind == "last" and count >= last.reps:
        return sets
    return [*sets[:-1], RawSet(reps, last.weight, last.unit, last.bodyweight, last.rpe)]


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
