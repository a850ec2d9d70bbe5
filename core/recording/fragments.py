"""Splits a message into parts and groups the parts into fragments, one lift or session each.

Each line loses its notes first (`notes.blank`), then is split into parts at `;`, at commas
not between two digits (`8,8,7` reps, `102,5kg` a weight), at ` + `, a slash before words,
a sentence end, `then`, and a known name with a colon mid-line (`... Press: 135 x 5`); a
cardio line is split only at commas and `;`. Each part's exercise is found by
`names.find_exercise`. A part naming an exercise or cardio starts a new fragment; any other
part continues the one before it: on its line, or on the next lines when the fragment
names a known lift or is headed by a line of only an unknown name (`Seated Press
(Machine)`). A cardio fragment keeps the distance, pace or heart rate beside it on its line
and, after a heading ending in `:`, the `- Key: value` lines below it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from core.recording import notes
from core.recording.cardio import mentions_cardio, names_activity
from core.recording.catalogue import Exercise
from core.recording.names import find_exercise
from core.recording.numbers import digits
from core.recording.set_notation import NUM, UNIT

MAX_CHARS = 2000
MAX_LINES = 50
MAX_NAME_WORDS = 6
# A line of at most this many words, no numbers and no known name, heads the set lines after
# it (an unknown exercise to ask about), unless it is a note about the sets.
MAX_HEADING_WORDS = 5
# A part after the first with this many words besides set words is chat about the sets
# (`I had to really stick with it to get through all 5 reps`): none of its numbers are sets.
MIN_PROSE_WORDS = 6
NOTE_HEADINGS = frozenset(
    {"warm", "warmup", "warmups", "working", "work", "backoff", "back", "top", "felt", "easy"}
)
NAME_STOP_WORDS = frozenset(
    {"bw", "bodyweight", "body", "sets", "set", "reps", "rep", "x", "at", "rpe", "of", "for"}
)

_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_PART = re.compile(r"(?:[^,;]|(?<=\d),(?=\d))+")
_LIST_MARKER = re.compile(r"^\s*(?:[-–—*•·>]+\s+|\d{1,2}[.)](?![\d.])\s*)")
_NAME_END = re.compile(r"[\d@+]")
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_DECIMAL_COMMA = re.compile(rf"(\d),(\d{{1,2}})(?=\s*{UNIT})")
REPS_HINT = re.compile(
    rf"(?<![\w.]){NUM}\s*(?:{UNIT})?\s*x\s*{NUM}|(?<![\w.]){NUM}\s*(?:sets?|reps?)\b"
)
LOAD_HINT = re.compile(rf"(?<![\w.]){NUM}\s*{UNIT}|@\s*{NUM}|\bbw\b|\+\s*{NUM}")
SET_HINT = re.compile(rf"(?<![\w.])x\s*{NUM}|{NUM}\s*@\s*{NUM}|{NUM}(?:\s*[-/]\s*{NUM}){{2,}}")
_KEY_VALUE = re.compile(r"[a-z][a-z .]{0,24}:\s*\S")
_PLUS = re.compile(r"\s\+\s")
_SPACED_SLASH = re.compile(r"\s/(?=\s)|(?<![^\W\d_])/(?=\s*[^\W\d_])")
_SENTENCE = re.compile(r"(?<=[^\W\d_#])\.(?=\s+[A-Z])|(?<=[\d#])\.(?=\s+[A-Z][a-z]+\b)")
_THEN = re.compile(r"\bthen\b", re.IGNORECASE)
_AND = re.compile(r"(?:\band\b|&)\s+([^\W\d_][^\d,;]*)", re.IGNORECASE)
_NAME_COLON = re.compile(r"(?<=\S)\s+([A-Za-z][A-Za-z-]*(?:\s[A-Za-z][A-Za-z-]*){0,3})\s*:\s*\d")


@dataclass(frozen=True)
class Segment:
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
    heading: bool = False  # a line of only an unknown name: the set lines after it are its


def segments(text: str, names: Mapping[str, str] | None) -> tuple[list[Segment], str]:
    """Return the parts of the first lines of `text`, and the text left unread."""
    head = text[:MAX_CHARS]
    if len(text) > MAX_CHARS and (cut := head.rfind("\n")) > 0:
        head = head[:cut]
    segments: list[Segment] = []
    for number, line in enumerate(_LINE.finditer(head)):
        if number >= MAX_LINES:
            return segments, text[line.start() :]
        prepared = _prepare(line[0], names)
        first = True
        for part in _PART.finditer(prepared):
            if part[0].strip(" ;"):
                start = line.start() + part.start()
                raw = text[start : line.start() + part.end()]
                segments.append(_segment(part[0], raw, start, number, names, first))
                first = False
    return segments, text[len(head) :]


def _prepare(line: str, names: Mapping[str, str] | None) -> str:
    """Return `line` with notes blanked and more part breaks as `;`, at the same length.

    Breaks: ` + ` (not `bw + 10`), a slash before words or between spaces, a sentence end,
    `then`, `and` before a known name, and a known name with a colon mid-line
    (`... Press: 135 x 5`).
    """
    lower = line.lower()
    if mentions_cardio(lower):
        return line
    chars = list(notes.blank(line))
    # Each pattern is tried only when the line holds a string every match of it holds.
    for m in _PLUS.finditer(line) if "+" in line else ():
        if not line[: m.start()].lower().rstrip().endswith(("bw", "bodyweight", "body weight")):
            chars[m.start() + 1] = ";"
    for pattern, mark in ((_SPACED_SLASH, "/"), (_SENTENCE, ".")):
        for m in pattern.finditer(line) if mark in line else ():
            if not _LIST_MARKER.fullmatch(line[: m.end() + 1]):  # not `1. Squat`
                chars[m.end() - 1] = ";"
    for m in _THEN.finditer(line) if "then" in lower else ():
        chars[m.start() : m.end()] = ";" + " " * (m.end() - m.start() - 1)
    for m in _AND.finditer(line) if " and " in lower or "&" in line else ():
        # `squat 100kg 3x5 and bench 80kg 3x5`: "and" before a known name starts a part,
        # unless the line is a plan or history, which must stay one fragment to be asked.
        if not _DIGIT.search(line[: m.start()]) or notes.PLAN.search(lower):
            continue
        if notes.PAST.search(lower):
            continue
        exercise, first, _ = find_exercise(m[1].lower().split()[:6], names)
        if exercise is not None and first == 0:
            chars[m.start()] = ";"
            chars[m.start() + 1 : m.start(1) - 1] = " " * (m.start(1) - 1 - m.start() - 1)
    for m in _NAME_COLON.finditer(line) if ":" in line else ():
        if not _DIGIT.search(_LIST_MARKER.sub("", line[: m.start()], count=1)):
            continue
        words = m[1].split()
        exercise, first, _ = find_exercise([w.lower() for w in words], names)
        if exercise is not None:
            offset = m.start(1) + sum(len(w) + 1 for w in words[:first])
            chars[offset - 1] = ";"
    return "".join(chars)


def _normalise(raw: str, first: bool) -> str:
    """Return a part lowercased, spaced once, with plain marks; a list marker only leads a line."""
    text = " ".join(raw.lower().split())
    if first:
        text = _LIST_MARKER.sub("", text, count=1)
    text = text.replace("×", "x").replace("*", "x").replace("’", "'")
    if "," in text:
        text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    return digits(text)


def _segment(
    prepared: str, raw: str, start: int, line: int, names: Mapping[str, str] | None, first: bool
) -> Segment:
    text = _normalise(prepared, first)
    lead = _name_words(text)
    exercise, first, used = find_exercise(_WORD.findall(text), names)
    leading = exercise is not None and first == 0
    typed = _LIST_MARKER.sub("", _NAME_END.split(prepared.strip(" ;"), maxsplit=1)[0])
    return Segment(
        text=text,
        start=start,
        end=start + len(raw.rstrip()),
        line=line,
        name=" ".join(lead),
        exercise=exercise,
        exact=leading and used == len(lead),
        leading=leading,
        beside_name=len(lead) - used if exercise and first + used <= len(lead) else len(lead),
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


def fragments(segments: list[Segment]) -> list[list[Segment]]:
    fragments: list[list[Segment]] = []
    for index, segment in enumerate(segments):
        if _is_heading(segments, index):
            segment = replace(segment, heading=True)
        if fragments and _continues(fragments[-1], segment):
            fragments[-1].append(segment)
        else:
            fragments.append([segment])
    return fragments


def _is_heading(segments: list[Segment], index: int) -> bool:
    """Return whether the part is a line of only a short unknown name (`Seated Press (Machine)`)."""
    segment = segments[index]
    alone = (index == 0 or segments[index - 1].line != segment.line) and (
        index + 1 == len(segments) or segments[index + 1].line != segment.line
    )
    return (
        alone
        and segment.exercise is None
        and not segment.cardio
        and 0 < len(segment.name.split()) <= MAX_HEADING_WORDS
        and not _DIGIT.search(segment.text)
        and not NOTE_HEADINGS.intersection(segment.name.split())
    )


def _continues(fragment: list[Segment], segment: Segment) -> bool:
    """Return whether `segment` adds to `fragment` rather than starting a new one."""
    if fragment[0].cardio and not segment.exercise:
        if segment.line == fragment[-1].line and not names_activity(segment.text):
            return True  # `run 5k, 27:30, 5:30/km, hr 150`: details of the same session
        if fragment[0].text.endswith(":") and _KEY_VALUE.match(segment.text):
            return True  # `Run:` then `- Distance: 5 km` lines
    if segment.exercise or segment.cardio or segment.heading:
        return False
    if fragment[-1].line == segment.line:
        return True
    if fragment[0].exercise is not None and notes.failure(segment.text):
        return True  # `Last set failed - got only 4 reps` on a line of its own
    # A new line of sets after an unknown word is another exercise, not more sets.
    unknown_name = bool(segment.name) and bool(REPS_HINT.search(segment.text))
    return (fragment[0].exercise is not None or fragment[0].heading) and not unknown_name
