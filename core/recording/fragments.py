"""Splits a message into parts and groups the parts into fragments, one lift or session each.

Each line loses its notes first (`notes.blank`), then is split into parts at `;`, at commas
not between two digits (`8,8,7` reps, `102,5kg` a weight), at ` + `, a slash before words,
a sentence end, `then`, a known name with a colon mid-line (`... Press: 135 x 5`), and a
known name between one lift's sets and the next (`goblet squat 1x8 16kg rdl 1x8 20kg`). A
cardio line is split only at commas and `;`, and at its sentences when it names several
activities (`60 minutes on bike = 16 miles. 30 minute run = 3 miles.`). Each part's exercise
is found by `names.find_exercise`; a day label or a logger's command before it (`Monday-
Press`, `TM day – SQ 175kg x 5`) is not part of the name. A part naming an exercise or
cardio starts a new fragment; any other part continues the one before it: on its line, or
on the next lines when the fragment names a known lift or is headed by a line of only an
unknown name (`Seated Press (Machine)`). A cardio fragment keeps the distance, pace or
heart rate beside it on its line, the summary lines below it (`Total time - 1:59:41`,
`AHR - 140`) and, after a heading ending in `:`, the `- Key: value` lines below it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from core.recording import notes
from core.recording.cardio import (
    activities_named,
    mentions_cardio,
    names_activity,
    read_heart_rate,
)
from core.recording.catalogue import Exercise, resolve
from core.recording.durations import find_durations
from core.recording.entries import LB_IN_KG
from core.recording.names import HARMLESS_BEFORE, PREFACE, another_name_after, find_exercise
from core.recording.numbers import VALUES, digits
from core.recording.set_notation import NUM, UNIT

MAX_CHARS = 2000
# A cardio line naming this many activities is split at its sentences: a session each.
MIN_ACTIVITIES_TO_SPLIT = 2
MAX_LINES = 50
MAX_NAME_WORDS = 6
# A line of at most this many words, no numbers and no known name, heads the set lines after
# it (an unknown exercise to ask about), unless it is a note about the sets.
MAX_HEADING_WORDS = 5
# A part after the first with this many words besides set words is chat about the sets
# (`I had to really stick with it to get through all 5 reps`): none of its numbers are sets.
MIN_PROSE_WORDS = 6
MIN_SLASHED_LOAD = 20  # `180 x 6/5` is a load and its sets' reps; `3 x 5/5/5` is not read so
NOTE_HEADINGS = frozenset(
    {"warm", "warmup", "warmups", "working", "work", "backoff", "back", "top", "felt", "easy"}
)
# Gear a set was done with, heading its line (`with straps: 165 x 7`): the same lift.
GEAR_NOTE = frozenset(
    "with without no straps strap belt belted beltless wraps wrapped sleeves chalk raw".split()
)
# A set line's own words before its numbers (`Max reps @ 85% – 100# – 8 reps`): no name.
SET_LINE_WORDS = frozenset("max reps rep amrap top set sets backoff back off".split())
# ... with one of these (`Back 3x10 40kg` is another lift; `Last 2 sets` another count)
SET_LINE_MARKS = frozenset("max amrap top backoff".split())
NAME_STOP_WORDS = frozenset(
    {"bw", "bodyweight", "body", "sets", "set", "reps", "rep", "x", "at", "rpe", "of", "for"}
)

_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_PART = re.compile(r"(?:[^,;]|(?<=\d),(?=\d))+")
# A bullet, a number (`1.`, `2)`) or a programme's exercise label (`A2:`, `B1)`, `D.`, `2:1`
# before a name), or a logging app's set label (`Set 1:`, `Set #2 -`, `W1:` for a warm-up).
_LIST_MARKER = re.compile(
    r"^\s*(?:[-–—*•·>]+\s+|\d{1,2}[.)](?![\d.])\s*|[a-hA-H]\d?[.:)]\s+|\d:\d\s+(?=[a-z])"
    r"|(?:set\s*#?\s*\d{1,2}|w\d{0,2})\s*(?::|[-–—](?!\d))\s*(?=\d|bw\b)"
    # a bare set number before a whole set (`1: 100 kg × 5`), never `80: 12` (a load, reps)
    r"|\d{1,2}\s*:\s+(?=\d+(?:[.,]\d+)?\s*(?:kgs?|lbs?)\s*[x×]\s*\d))",
    re.IGNORECASE,
)
_WITH_AFTER_SETS = re.compile(r"\d(?:\s*(?:kgs?|lbs?|#))?\s+(w)ith\s+", re.IGNORECASE)
_COMMA_RPE = re.compile(
    r",(?=\s*@?\s*(?:rpe|rir)\s*(?:\d+(?:\.\d+)?|one|two|three|four|five)\s*(?:$|[,;.]))",
    re.IGNORECASE,
)
# Body parts after a lift's name: the day's label (`squat legs`), not another lift.
_BODY_PARTS = frozenset(
    """legs leg chest back arms arm shoulders shoulder core abs glutes quads hamstrings upper
    lower""".split()
)
# A set labelled a warm-up by an app or in words: `W1:` (Strong), `[Warm-up]` (Hevy),
# `(warmup)`, `warm-up:` before the set.
_WARMUP_LABEL = re.compile(
    r"^\s*w\d{0,2}\s*:|[\[(]\s*warm[\s-]*ups?\s*(?:sets?)?\s*[\])]|^\s*warm[\s-]*ups?\s*:",
    re.IGNORECASE,
)


_WARMUP_LINE = re.compile(
    r"\s*[a-z][a-z' -]{1,30}?\s+warm[\s-]*ups?\s*:?\s*(?=\d|empty|bar\b)", re.IGNORECASE
)


def _labelled_warmup(text: str) -> bool:
    return ("w" in text or "W" in text) and _WARMUP_LABEL.search(text) is not None


# A line in markdown's italics: its stars are no `x` (`*3 minutes rest*` is no set of 3).
_ITALIC_LINE = re.compile(r"(\s*)\*(?=[^\s*])([^*]*[^\s*])\*(\s*)")
# Markdown's bold and underline marks (`**Work:** Squat / 30kg / 5,5,15`), never a `3*10`.
_EMPHASIS = re.compile(r"(?<![\d\s])\*\*|\*\*(?![\d\s])|__")
_NAME_END = re.compile(r"[\d@+]")
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
# `102,5kg`, and a time or distance: `walk 1,5 hours` is 90 minutes, never 1 and then 5
_KG_LB_PAIR = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)(?![\d.])")


def _first_of_pair(m: re.Match[str]) -> str:
    """Return `27.5/60` as `27.5` when the second is the first in pounds, else as it was."""
    kg, lb = float(m[1]), float(m[2])
    return m[1] if kg >= 1 and abs(lb / kg - 1 / LB_IN_KG) < 0.08 else m[0]


_THOUSANDS = re.compile(
    r"(?<![\d,.])(\d{1,3}),(\d{3})(?=\s*(?:min(?:ute)?s?|steps|m|met(?:er|re)s|yards|yds|k?cal\w*)\b)"
)
_DECIMAL_COMMA = re.compile(
    # not after `x` (`bench 3x8,80kg`: the reps, then the load)
    r"(?<![x×])(?<![x×]\d)(?<![x×]\s)(?<![x×]\s\d)"
    rf"(\d),(\d{{1,2}})(?=\s*(?:{UNIT}|h\b|hrs?\b|hours?\b|km\b|mi\b|miles?\b|k\b))"
    r"|(?<![x×])(\d),(\d)(?=\s*min)"  # `28,5 minutes`; not `25,30 min` (two sessions or a range)
    # a load after `at` or `@` (`8,8,7 at 62,5`): more than an RPE, and last in its list
    r"|(?:(?<=\bat\s)|(?<=@)|(?<=@\s))([1-9]\d{1,2}),(5|25|75)(?![\d,.]|\s*,\s*\d)"
    # a load last after the sets, in plates' steps (`squat 3x5 102,5`, `OHP 3x5 42,5`)
    r"|(?<=\d\s)([1-9]\d{1,2}),(5|25|75)(?=[\s.!]*$)"
)
_HALF_LOAD = re.compile(
    r"(?<![\d.])(\d+)(?:\s+and\s+a\s+half\s*|\s*½\s*)(kilograms?|kilos?|kgs?|pounds?|lbs?)\b"
)
REPS_HINT = re.compile(
    rf"(?<![\w.]){NUM}\s*(?:{UNIT})?\s*x\s*{NUM}|(?<![\w.]){NUM}\s*(?:sets?|reps?)\b"
)
LOAD_HINT = re.compile(rf"(?<![\w.]){NUM}\s*(?:{UNIT}|#)|@\s*{NUM}|\bbw\b|\+\s*{NUM}")
SET_HINT = re.compile(rf"(?<![\w.])x\s*{NUM}|{NUM}\s*@\s*{NUM}|{NUM}(?:\s*[-/]\s*{NUM}){{2,}}")
# Numbers shaped like sets though no `x` or set word says so: a run of three or more numbers
# (`100 8 9`, `135;185;185;195;200`, `5,5,4,4,3`), reps or seconds marked `12r 4s`, `30s`,
# `135 x AMRAP`, `3@BW`, a load for a count (`25 lbs for 45s`, `315 for 12`), a load then
# more loads (`@ 145 pounds, 155, 165`), `sets of 10`, `the 3rd set`, `10 minutes of swings`,
# a hold for a time. Beside no known exercise they are asked about (which one?); beside
# one that they do not give sets to, its sets are asked for. Never dropped.
_TIME_WORD = r"(?:min(?:ute)?s?|sec(?:ond)?s?|h(?:ou)?rs?|days?|weeks?|months?|years?|%)"
SET_LIKE = re.compile(
    rf"(?<![\w.:/-]){NUM}(?:\s*[,;/]\s*{NUM}|\s+{NUM}){{2,}}(?![\w.:/-])"
    rf"|(?<![\w.:]){NUM}\s*[rs]\b|(?<![\w.:]){NUM}\s*x\s*[a-z]|{NUM}\s*@\s*bw\b"
    rf"|(?<![\w.:]){NUM}\s*(?:{UNIT}|#)?\s+(?:for|x)\s+{NUM}(?!\s*{_TIME_WORD}|[\w:]|\.\d)"
    rf"|{NUM}\s*(?:{UNIT}|#)\s*,\s*{NUM}|\bsets?\s+of\s+{NUM}|\b\d+(?:st|nd|rd|th)\s+set\b"
    rf"|(?<![\w.:]){NUM}\s*(?:minutes?|mins?|seconds?|secs?)\s+(?:of\s+\w|[a-z0-9 -]*\bholds?\b)"
)
_KEY_VALUE = re.compile(r"[a-z][a-z .]{0,24}:\s*\S")
_MULTIPLE = {"double": 2, "triple": 3}
_MULTIPLES = re.compile(r"(?<![\w.])(\d+)\s+(double|triple)s\b")
# `8@60` (reps at a load), `3x8@70` (sets of reps at a load); a run of two or more of either
_REP_AT_LOAD = re.compile(r"(?<![\w.@])(\d{1,2})\s*@\s*(\d+(?:\.\d+)?)(\s*(?:kgs?|lbs?))?")
_SET_AT_LOAD = re.compile(
    r"(?<![\w.@])([1-9])\s*x\s*(\d{1,2})\s*@\s*(\d+(?:\.\d+)?)(\s*(?:kgs?|lbs?))?"
)


def _run_of(item: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(rf"(?:{item.pattern}\s+)+{item.pattern}(?![\w.])")


_REPS_AT_LOADS = _run_of(_REP_AT_LOAD)
_SETS_AT_LOADS = _run_of(_SET_AT_LOAD)
_TO_FAILURE = re.compile(
    r"\b(?:(?:to|till|until|til)\s+(?:failure|fail)|max(?:imum)?\s+effort"
    r"|as\s+many\s+as\s+(?:possible|i\s+could))\b\s*:?(?=\s*\d)"
)
_REPETITIONS = re.compile(r"(?<=\d)\s*repetition(?=s?\b)")
_PLUS = re.compile(r"\s\+\s")
_SPACED_DASH = re.compile(r"\s[-–—]\s")
_SET_LINE_START = re.compile(r"\s*(?:[-•*]\s*)?\d")
_FARMERS = re.compile(r"\bfarmers?'s?(?=\s)")
_OF_IT = re.compile(r"\bof\s+(?:it|that|which|those|them)\b")
# `..., this time with 4 minute intervals`: how the session before went, not another
_WITH_WHAT = re.compile(r"\W*(?:this\s+time\s+|and\s+)?(?:with|including|incl\.?)\s")
_SETS_BEFORE = re.compile(r"\d\s*x\s*\d|\d\s*(?:kgs?|lbs?)\b", re.IGNORECASE)
_PLUS_OR_THEN = re.compile(
    rf"{_PLUS.pattern}|[,;]?\s*\b(?:and\s+)?then\b|(?<=[^\W_])\.(?=\s)|{_SPACED_DASH.pattern}"
    r"|\s(?:and|&)\s",
    re.IGNORECASE,
)
# (`10/side`, `8/leg` are reps on each side, no break)
_SPACED_SLASH = re.compile(
    r"\s/(?=\s)|(?<![^\W\d_])/(?=\s*[^\W\d_])(?!\s*(?:side|leg|arm|hand)s?\b)"
)
_SENTENCE = re.compile(r"(?<=[^\W\d_#])\.(?=\s+[A-Z])|(?<=[\d#])\.(?=\s+[A-Z][a-z]+\b)")
_IN_RESERVE = re.compile(
    r"\s*\breps?\s+(?:left\s+)?in\s+(?:the\s+)?(?:reserve|tank)\b|\s*\breps?\s+left\b"
)
_AND_IN_LIST = re.compile(
    r"\d{1,2}\s*,\s*\d{1,2}(\s*,?\s+(?:(?:and|&)\s+(?:then\s+|finally\s+)?|then\s+|finally\s+))"
    r"\d{1,2}\b(?!\s*(?:x|kgs?|lbs?|min\w*|sets?|%|:|\.\d)|[^,;\n]*?\d+\s*(?:reps?|total)\b)",
    re.IGNORECASE,
)
_LOWER_SENTENCE = re.compile(r"(?<=[^\W_])\.(?=\s+[a-z])|(?<=[^\W\d_])\.(?=[A-Za-z])")
_CARDIO_SENTENCE = re.compile(r"(?<=[^\W_])\.(?=\s+[\dA-Z])")
_THEN = re.compile(r"\bthen\b", re.IGNORECASE)
_AND = re.compile(r"(?:\band\b|&)\s+([^\W\d_][^\d,;]*)", re.IGNORECASE)
# Words after a set's numbers and before more numbers: maybe a second lift on the line.
_NAME_AFTER_SETS = re.compile(
    rf"(?:\d|{UNIT}|\bbw)\s+(?!(?:x|sets?|reps?|at|for|of|rpe|rir|kgs?|lbs?)\b)"
    rf"([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){{0,4}})\s*:?\s*(?=@?\s*\d)"
)
# Sets next, maybe after their load: `3x5`, `@80 3x8`, `80kg 3x8`
_SETS_NEXT = re.compile(
    rf"@?\s*(?:{NUM}\s*(?:{UNIT}|#)?\s+)?(?:{REPS_HINT.pattern})", re.IGNORECASE
)
# `3*8`, `225×5`: the times sign, as `x`
_TIMES_SIGN = re.compile(r"(?<=\d)(\s?)[*×](?=\s?\d)")
_REPS_LIST_END = re.compile(r"(?:(?<=x)|(?<![\w.]))\d{1,2}(?:\s*,\s*\d{1,2})+\s*$")
# Nothing but sets: `100x5`, `80kg x 8`
_SETS_ONLY = re.compile(
    rf"\s*(?:{NUM}\s*(?:{UNIT}|#)?\s*x\s*{NUM}\s*(?:{UNIT}|#)?\s*)+", re.IGNORECASE
)
_LABEL_DASH = re.compile(r"(?:\s|(?<=[a-z]))[-–—]+\s")
_ONLY_LOAD = re.compile(rf"\s*{NUM}\s*(?:{UNIT}|#)\s*", re.IGNORECASE)
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
    after_number: bool = False  # the name follows a number (`125 squats`): it counts reps
    warmup: bool = False  # labelled a warm-up: `W1: 60 kg × 10`, `5x185lb (warmup)`


def segments(text: str, names: Mapping[str, str] | None) -> tuple[list[Segment], str]:
    """Return the parts of the first lines of `text`, and the text left unread."""
    head = text[:MAX_CHARS]
    if len(text) > MAX_CHARS and (cut := head.rfind("\n")) > 0:
        head = head[:cut]
    segments: list[Segment] = []
    heading_dumbbells = False
    for number, line in enumerate(_LINE.finditer(head)):
        if number >= MAX_LINES:
            return segments, text[line.start() :]
        plain = _EMPHASIS.sub("  ", line[0]) if "**" in line[0] or "__" in line[0] else line[0]
        if italic := _ITALIC_LINE.fullmatch(plain):  # `*3 minutes rest after each set*`
            plain = f"{italic[1]} {italic[2]} {italic[3]}"
        prepared = _prepare(plain, names)
        first = True
        # a heading line's dumbbells hold for the sets on the lines under it
        # (`Flat dumbbell press:` / `40s x 8, 45s x 6`), until the next heading
        named = _DUMBBELL_WORD.search(plain) is not None
        if not _DIGIT.search(plain) and plain.strip():
            heading_dumbbells = named
        # (only a line of sets alone: `bench 30s x 10` under `Dumbbells:` names its own lift)
        dumbbells = named or (heading_dumbbells and _SET_LINE_START.match(plain) is not None)
        # `Squat warmups 20x10, 50x5, 70x3`: every set of the line is a warm-up
        warmup_line = "arm" in plain and _WARMUP_LINE.match(plain) is not None
        for part in _PART.finditer(prepared):
            if part[0].strip(" ;"):
                # from the part's first character, past a word blanked before it (`... then
                # squat 3x5`: `squat 3x5`, never `hen squat 3x5`)
                start = line.start() + part.start() + len(part[0]) - len(part[0].lstrip())
                raw = text[start : line.start() + part.end()]
                # `[Warm-up] 40kg x 10`: the label before a line's first part was blanked
                lead = text[line.start() : start] if first else ""
                warmup = warmup_line or _labelled_warmup(raw) or _labelled_warmup(lead.strip())
                segments.append(
                    _segment(part[0], raw, start, number, names, first, dumbbells, warmup)
                )
                first = False
    return segments, text[len(head) :]


def _opens_with_lift(text: str, names: Mapping[str, str] | None) -> bool:
    """Whether `text` starts with a known lift's name (`squat 100kg x 5`)."""
    found, at, _ = find_exercise(_WORD.findall(text.lower())[:6], names)
    return found is not None and at == 0


_PIECE_END = re.compile(r"[;,]|\s(?:and|&)\s")
_INSIDE = re.compile(r"\b(?:in\s+the\s+middle|of\s+(?:it|that|them)|during|within|inside)\b")
_PIECE_WINDOW = 160  # characters either side of an `and` that a session there may take
_TIMED = re.compile(r"\d\s*-?\s*(?:min\w*|hours?|hrs?)\b|\b(?:an?|one)\s+hour\b")


def _machine(text: str) -> list[str]:
    """Return `["treadmill"]` when `text` names one: a session, its walk or run asked."""
    return ["treadmill"] if "treadmill" in text else []


def _two_sessions(lower: str, m: re.Match[str]) -> bool:
    """Return whether the `and` at `m` joins two sessions, each one activity with its time:
    `walked 30 min and did 10 mins of yoga` (not `ran 3 miles and it took 27 min`)."""
    # (each piece is near its `and`: a window keeps a long message linear)
    left = re.split(r"[;,]", lower[max(0, m.start() - _PIECE_WINDOW) : m.start()])[-1]
    right = _PIECE_END.split(lower[m.end() : m.end() + _PIECE_WINDOW], maxsplit=1)[0]
    if _INSIDE.search(right):
        return False  # `walk 2 hours and ran 30 min in the middle`: one inside the other
    before, after = activities_named(left), activities_named(right) or _machine(right)
    return (
        len(before) == 1
        and len(after) == 1
        and before != after
        and _TIMED.search(left) is not None
        and _TIMED.search(right) is not None
    )


def _lift_after_plus(line: str, names: Mapping[str, str] | None) -> str:
    """Return `line` with ` + ` or `then` before a known lift's name made a part break
    (`;`): `walk 20 min + squat 3x5 100kg`, `walk 60 min then squat 3x5 100kg`."""
    chars = list(line)
    lower = line.lower()
    for m in _PLUS_OR_THEN.finditer(line):
        if _LIST_MARKER.fullmatch(line[: m.end()]):
            continue  # `3. Row 3x8 60kg`: a list's number, not a sentence before the row
        # the words after it, number words left out (`then three sets of ten on the leg press`)
        words = [w for w in _WORD.findall(line[m.end() :].lower()) if w not in VALUES][:6]
        found, at, _ = find_exercise(words, names)
        lift_next = found is not None and all(w in HARMLESS_BEFORE for w in words[:at])
        if m[0].strip().lower() in ("and", "&") and _two_sessions(lower, m):
            # `a 30 minute walk and 10 mins of yoga`: each activity with its own time
            chars[m.start() : m.end()] = ";" + " " * (m.end() - m.start() - 1)
            continue
        if m[0].strip().lower() in ("and", "&") and not (
            _opens_with_lift(line, names) or mentions_cardio(" ".join(lower.split()[:2]))
        ):
            # `walk 30 min and squat 3x5`, `squat 3x5 and 30 min walk`: each its own; not
            # `It was 8x400 that took 33:36 and ran me 3 miles`, one session in two halves
            continue
        # `squat 3x5 100kg then walk 30 min`: a session after the lift is its own too
        # `squat 3x5 100kg. walk 30 min`: a session after sets (sessions between
        # themselves are split by sentence above, or asked)
        sets_before = _SETS_BEFORE.search(line[: m.start()]) is not None
        # `45 min walk + 20 min bike`, `bike 30 + walk 20`: a session, then another
        session_before = (
            "+" in m[0]
            and _DIGIT.search(line[: m.start()]) is not None
            and names_activity(lower[: m.start()].split("+")[-1])
        )
        session_next = (
            ("+" not in m[0] or sets_before or session_before)  # `squat 3x5 100kg + 30 min walk`
            and names_activity(" ".join(line[m.end() :].lower().split()[:3]))
            and ("then" in m[0].lower() or sets_before or session_before)
        )
        if (lift_next or session_next) and _DIGIT.search(line):
            chars[m.start() : m.end()] = ";" + " " * (m.end() - m.start() - 1)
    return "".join(chars)


_AND_SETS_NAME = re.compile(
    r"\s(?:and|&)\s+(?=\d+\s*x\s*\d+\s+((?!(?:reps?|sets?|kgs?|lbs?|at|with|@)\b)[a-z][a-z' -]*))",
    re.IGNORECASE,
)
# `3 x 10 bicep curls with 4 kg`: sets, then the lift's name (a few words may come first)
_SETS_THEN_LIFT = re.compile(r"(?:[a-z:]+\s+){0,6}?\d+\s*x\s*\d+\s+([a-z][a-z' -]*)", re.I)
_ZONE_LABEL_END = re.compile(r"\b(?:zone|z)\s*-?\s*\d\s*$")


def _names_after_sets(
    line: str, lower: str, chars: list[str], names: Mapping[str, str] | None
) -> None:
    """Mark with `;` in `chars` each known name, or unknown words with sets of their own,
    that come after a lift's sets on `line` (`goblet squat 1x8 16kg rdl 1x8 20kg`). A
    session after the sets is split by `_session_after_sets`, which runs first."""
    marked, last_cut = None, -1
    # in every REPS_HINT or list of reps
    sets_words = "x" in lower or "set" in lower or "rep" in lower or "," in lower
    for m in _NAME_AFTER_SETS.finditer(lower) if sets_words else ():
        # `goblet squat 1x8 16kg rdl 1x8 20kg`: a known name between sets starts a lift,
        # when what comes before it on the line is a lift with sets of its own.
        if marked is None:
            if notes.PLAN.search(lower) or notes.PAST.search(lower):
                break  # a plan or history stays one fragment, to be asked about whole
            marked = "".join(chars).lower()  # the breaks made above, as `;`
        before = marked[: m.start(1)]
        head = before[max(before.rfind(";"), before.rfind(","), last_cut) + 1 :]
        if not REPS_HINT.search(head):
            # `squat 100kg 5, 5, 5 bench 80kg 8, 8, 7`: a load and a list of reps before
            head = before[max(before.rfind(";"), last_cut) + 1 :]
            if not (
                _REPS_LIST_END.search(head) and (LOAD_HINT.search(head) or REPS_HINT.search(head))
            ):
                continue
        words = m[1].split()
        exercise, first, used = find_exercise(words, names)
        # `squat 3x5 100kg box jumps 3x5`: words we don't know, with sets of their own
        unknown = (
            exercise is None
            and _unknown_words(m[1])
            and _SETS_NEXT.match(lower, m.end()) is not None
        )
        if not unknown and (exercise is None or first != 0 or used != len(words)):
            continue
        head_exercise, head_first, _ = find_exercise(_WORD.findall(head), names)
        if (
            head_exercise is None
            and _SETS_ONLY.fullmatch(head)
            and _SETS_NEXT.match(lower, m.end())
        ):
            # `squat 100x5, 100x5 bench 80x8`: sets after a comma, the lift before it
            wide = before[max(before.rfind(";"), last_cut) + 1 :]
            head_exercise, head_first, _ = find_exercise(_WORD.findall(wide), names)
        if head_exercise is not None and head_first == 0:
            chars[m.start(1) - 1] = ";"
            last_cut = m.start(1) - 1


def _session_after_sets(line: str, names: Mapping[str, str] | None) -> str:
    """Return `line` with a part break (`;`) before a session named right after a lift's
    sets (`squat 3x5 100kg walk 30 min`, `bench 3x8 80kg walked home 25 min`)."""
    lower = line.lower()
    chars = list(line)
    for m in _NAME_AFTER_SETS.finditer(lower):
        before = lower[: m.start(1)]
        head = before[before.rfind(";") + 1 :]
        if (
            names_activity(" ".join(m[1].split()[:3]))
            and not _ZONE_LABEL_END.search(before)  # `..., zone 2 row 30 min`: its label
            and _SETS_BEFORE.search(head)
            and _opens_with_lift(head.strip(), names)
        ):
            chars[m.start(1) - 1] = ";"
    return "".join(chars)


def _lift_after_dash(line: str, names: Mapping[str, str] | None) -> str:
    """Return `line` with a spaced dash between sets and a known lift with numbers made a
    part break (`;`), so the note-blanking after a dash leaves the lift alone."""
    chars = list(line)
    for m in _SPACED_DASH.finditer(line):
        rest = line[m.end() :]
        if (
            _opens_with_lift(rest, names)
            and _DIGIT.search(line[: m.start()])
            and _DIGIT.search(rest)
        ):
            chars[m.start() + 1] = ";"
    return "".join(chars)


def _prepare(line: str, names: Mapping[str, str] | None) -> str:
    """Return `line` with notes blanked and more part breaks as `;`, at the same length.

    Breaks: ` + ` (not `bw + 10`), a slash before words or between spaces, a sentence end,
    `then`, `and` before a known name, and a known name with a colon mid-line
    (`... Press: 135 x 5`).
    """
    if "*" in line or "×" in line:
        line = _TIMES_SIGN.sub(r"\1x", line)
    lower = line.lower()
    if mentions_cardio(lower):
        if (
            "+" in line
            or "then" in lower
            or ". " in line
            or " - " in line
            or "–" in line
            or "—" in line
            or " and " in lower
            or " & " in line
        ):
            line = _lift_after_plus(line, names)  # `walk 20 min + squat 3x5 100kg`: its own
        if _SETS_BEFORE.search(line):
            line = _session_after_sets(line, names)  # `squat 3x5 100kg walk 30 min`
            if REPS_HINT.search(line):  # `row 60x10,10,10 curls 12x12,12,10`: lifts after sets
                chars = list(line)
                _names_after_sets(line, line.lower(), chars, names)
                line = "".join(chars)
        if "." not in line or len(activities_named(lower)) < MIN_ACTIVITIES_TO_SPLIT:
            return line
        # `60 minutes on bike = 16.24 miles. ... 30 minute run = 3.35 miles.`: a sentence
        # each, each session with the details after it.
        sentences = _CARDIO_SENTENCE.split(lower)
        if any(len(activities_named(s)) > 1 and find_durations(s) for s in sentences):
            return line  # `12 minute fast run/2 minute walk`: parts of one session, asked
        chars = list(line)
        for m in _CARDIO_SENTENCE.finditer(line):
            chars[m.start()] = ";"
        return "".join(chars)
    if " - " in line or " – " in line or " — " in line:
        line = _lift_after_dash(line, names)  # `squat 3x5 100kg - bench 3x8 80kg`: two lifts
    if ("rpe" in lower or "rir" in lower) and "," in line:
        line = _COMMA_RPE.sub(" ", line)  # `bench 3x8 185, RPE 7`: the RPE of those sets
    chars = list(notes.blank(line))
    # Each pattern is tried only when the line holds a string every match of it holds.
    for m in _PLUS.finditer(line) if "+" in line else ():
        if not line[: m.start()].lower().rstrip().endswith(("bw", "bodyweight", "body weight")):
            chars[m.start() + 1] = ";"
    for m in _WITH_AFTER_SETS.finditer(line) if " with " in lower else ():
        # `Superset: bench 80x8 with rows 60x10`: a lift of its own after the sets
        rest = line[m.end() :]
        if _opens_with_lift(rest, names) and _SET_CHAIN.search(rest.lower()):
            chars[m.start(1) : m.start(1) + 4] = ";   "
    for pattern, mark in ((_SPACED_SLASH, "/"), (_SENTENCE, ".")):
        for m in pattern.finditer(line) if mark in line else ():
            if not _LIST_MARKER.fullmatch(line[: m.end() + 1]):  # not `1. Squat`
                chars[m.end() - 1] = ";"
    for m in _LOWER_SENTENCE.finditer(line) if "." in line else ():
        # `bench 80kg x 8. squat 100kg x 5`: a sentence typed without capitals, when the
        # next one starts with a known lift; `squat 3x5 100kg.bench 3x5 80kg` without a space
        if _opens_with_lift(line[m.end() :], names):
            chars[m.start()] = ";"
    for m in (
        _AND_IN_LIST.finditer(line)
        if " and " in lower or "&" in line or "then" in lower or "finally" in lower
        else ()
    ):
        # `bench 80kg 8, 8 and 7`: the list's last set, as after a comma
        chars[m.start(1) : m.end(1)] = "," + " " * (m.end(1) - m.start(1) - 1)
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
        # `squat 100kg 3x5 and box jumps 3x5`: words we don't know with their own sets
        unknown = _OWN_SETS_AFTER_WORDS.match(line, m.start(1)) and _unknown_words(
            " ".join(_WORD.findall(m[1].lower()))
        )
        if (exercise is not None and first == 0) or unknown:
            chars[m.start()] = ";"
            chars[m.start() + 1 : m.start(1) - 1] = " " * (m.start(1) - 1 - m.start() - 1)
    for m in _AND_SETS_NAME.finditer(line) if " and " in lower or " & " in line else ():
        # `bench 3x8 80kg and 3x10 dips`: another lift, its sets before its name
        words = " ".join(_WORD.findall(m[1].lower()))
        named = _opens_with_lift(words, names) or _unknown_words(words)
        before = line[: m.start()]
        last = before.split(";")[-1].strip()
        if (
            named
            and REPS_HINT.search(before)
            and (
                _opens_with_lift(last, names)
                # `3 x 10 bicep curls with 4 kg and 3 x 10 shoulder press`: sets, then a name
                or ((lift := _SETS_THEN_LIFT.match(last)) and _opens_with_lift(lift[1], names))
            )
        ):
            chars[m.start() : m.end()] = ";" + " " * (m.end() - m.start() - 1)
    _names_after_sets(line, lower, chars, names)
    for m in _NAME_COLON.finditer(line) if ":" in line else ():
        before = _LIST_MARKER.sub("", line[: m.start()], count=1)
        if (
            not _DIGIT.search(before)
            or _ONLY_LOAD.fullmatch(before)
            or _ONE_SIDE_BEFORE.search(line[: m.end(1)])
        ):
            continue  # `185# Bench press: 2-2-2-2-1`: the load before the name is its
        words = m[1].split()
        exercise, first, _ = find_exercise([w.lower() for w in words], names)
        if exercise is not None:
            offset = m.start(1) + sum(len(w) + 1 for w in words[:first])
            chars[offset - 1] = ";"
    return "".join(chars)


_PLATE_COUNT = re.compile(r"(\d)\s*plates?\b")
_ANGLE = re.compile(
    r"(?<![\w.])\d{1,2}\s*(?:\*|°|-?\s*deg(?:ree)?s?)\s*(?:incline|decline)\b(?!\s*\w)"
)
_ONE_SIDE = re.compile(r"(?<![\w.])(?:1|single)\s*-?\s*(leg|arm)(?:ged|ed)?\b")
_ONE_SIDE_BEFORE = re.compile(r"(?<![\w.])1\s*-?\s*(?:leg|arm)\b[^:]*$", re.IGNORECASE)
# A line of a watch's or app's summary, below the session it describes.
_CARDIO_DETAIL = re.compile(
    r"\s*(?:total\s+time|moving\s+time|elapsed(?:\s+time)?|duration|time|ahr|"
    r"(?:(?:avg|average|max(?:imum)?|normali[sz]ed)\.?\s*)?"
    r"(?:hr|heart\s*rate|speed|pace|power|watts?|cadence)|"
    r"avg\.?|average|distance|calories|kcal|elevation)\s*[:=\-–]?\s*\d",
    re.IGNORECASE,
)
# A line that is only a distance or a time (`5.135 km`, `26 minutes`, `27:40`)
_AMOUNT_LINE = re.compile(
    r"\s*-?\s*(?:\d+(?:[.,]\d+)?\s*(?:km|k|mi|miles?|m|meters?|metres?|yards?|yds|minutes?|mins?"
    r"|hours?|hrs?|h|secs?|seconds?)\.?|\d{1,2}:\d\d(?::\d\d)?)\s*",
    re.IGNORECASE,
)
_TIME_KEY = re.compile(r"\s*(?:total\s+time|moving\s+time|elapsed|duration|time)\b", re.IGNORECASE)
_WEIGHT_SLASH_COUNTS = re.compile(r"(?<![\w./])(\d+(?:\.\d+)?)\s*/\s*(\d+)\s*x\s*(?=\d)")
# `Bdwt +25lbs/4 x2`, `135lbs/16 reps`, `70kg/8`: a load with its unit, a slash, then its reps.
_LOAD_SLASH_REPS = re.compile(
    r"(?<![\w./])(\d+(?:\.\d+)?\s*(?:kgs?|lbs?|#))\s*/\s*(\d{1,2})(?![\d.]|\s*(?:kg|lb|#|/))"
)
# `180 x 6/5`: one load, then the reps of each set at it (a load, so at least 20).
_LOAD_X_REP_SLASHES = re.compile(
    r"(?<![\w./])(\d+(?:\.\d+)?)(\s*(?:kgs?|lbs?|#)?)\s*x\s*(\d{1,2}(?:\s*/\s*\d{1,2})+)(?![\d./])"
)
# (`rpe 7/8` is a list, one a set; `rpe 8 - 9 reps` is an RPE, then reps)
_PAIR_OF_DUMBBELLS = re.compile(r"(?<![\w.])2\s*x\s*(\d+(?:\.\d+)?)\s*(kgs?|lbs?)\b")
# (only before the sets: `db row 3x10 90s` is 90 seconds)
_DUMBBELL_PLURAL = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)s(?=\s+\d+\s*x\s*\d)")
_DUMBBELL_WORD = re.compile(r"\b(?:db|dbs|dumbb?ells?)\b", re.IGNORECASE)
_DUMBBELLS_X_REPS = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?s(?=\s*(?:x|for)\s*\d)")
# (a tempo's digits are 0 to 5 seconds: `8-8-7 tempo` is reps)
_TEMPO = re.compile(
    r"\btempo\s*:?\s*[0-5](?:\s*[-/]\s*[0-5x]){2,3}\b|(?<![\w.])[0-5](?:\s*-\s*[0-5x]){2,3}\s+tempo\b"
)
_REPS_LABEL = re.compile(r"(?:reps?|got)\s*:?\s*(?=\d)")
_RPE_RANGE = re.compile(
    r"\brpe\s*(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)(?![\d.])"
    r"(?!\s*(?:reps?|sets?|x)\b)"
)
# The widest range read as the effort between its ends (`7-8` is 7.5); wider ones are left.
MAX_RPE_RANGE = 1.5


def _rpe_between(m: re.Match[str]) -> str:
    low, high = float(m[1]), float(m[2])
    if not 1 <= low < high <= 10 or high - low > MAX_RPE_RANGE:
        return m[0]
    return f"rpe {math.floor(low + high) / 2:g}"  # the half step at or below the middle


_PER_SIDE = re.compile(r"(?<=\d)\s*/\s*(side|leg|arm|hand)s?\b")
# `4 reps/315lbs`: reps, a slash, then their load.
_REPS_SLASH_LOAD = re.compile(r"\b(reps?)\s*/\s*(?=\d+(?:\.\d+)?\s*(?:kgs?|lbs?|#))")


def _each_set_at_its_load(m: re.Match[str]) -> str:
    """Return `180 x 6/5` as `180x6 180x5`, or the text as it was when 180 may be sets."""
    if float(m[1]) < MIN_SLASHED_LOAD:
        return m[0]
    return " ".join(f"{m[1]}{m[2].strip()}x{reps.strip()}" for reps in m[3].split("/"))


def _normalise(raw: str, first: bool, dumbbells: bool = False) -> str:
    """Return a part lowercased, spaced once, with plain marks; a list marker only leads a line.

    `dumbbells`: the part's line names dumbbells (`db fly 60s x 10, 50s x 5`)."""
    text = " ".join(raw.lower().split())
    if first:
        text = _LIST_MARKER.sub("", text, count=1)
    if "plate" in text:  # `deadlift 2 plates`: a load (a disc count), not a plate exercise
        text = _PLATE_COUNT.sub(r"\1 discs", text)
    if "cline" in text:  # `45* incline`, `30° incline`: the bench's angle, not a lift
        text = _ANGLE.sub(lambda m: " " * len(m[0]), text)
    text = text.replace("×", "x").replace("*", "x").replace("’", "'")
    if "farmer" in text:  # `farmer's walk`: one word before `walk`, as the catalogue has it
        text = _FARMERS.sub("farmers", text)
    if "/" in text:  # `27.5/60 x 8`: a load in kg, then in lb; one load
        text = _KG_LB_PAIR.sub(_first_of_pair, text)
    if "/" in text:  # `100/3*10`: a weight, then its two counts, as `100x3x10` (asked)
        text = _PER_SIDE.sub(" ", text)  # `10/side`, `8/leg`: reps on each side
        text = _LOAD_SLASH_REPS.sub(r"\1 x \2", _WEIGHT_SLASH_COUNTS.sub(r"\1x\2x", text))
        text = _REPS_SLASH_LOAD.sub(r"\1 @ ", text)
        text = _LOAD_X_REP_SLASHES.sub(_each_set_at_its_load, text)
    if "leg" in text or "arm" in text:  # `1 leg press`, `single-arm row`: one side's lift
        text = _ONE_SIDE.sub(r"one \1", text)
    if dumbbells or "db" in text or "dumbbell" in text:  # `db press 2x20kg 3x10`, `22.5s 3x10`:
        text = _PAIR_OF_DUMBBELLS.sub(r"\1\2", text)  # one dumbbell's weight, as we log it
        text = _DUMBBELL_PLURAL.sub(r"\1", text)
        text = _DUMBBELLS_X_REPS.sub(r"\1 ", text)  # `60s x 10, 50s x 5`: each set's pair
    if "tempo" in text or "-" in text:  # `tempo 3-1-1`, `3-0-1 tempo`: a pace, never loads
        text = _TEMPO.sub(lambda m: " " * len(m[0]), text)
    if text.startswith(("rep", "got")):  # `Reps: 10, 10, 8`, `got 10, 10, 8`: the reps
        text = _REPS_LABEL.sub("", text, count=1)
    if "rpe" in text:  # `RPE 7-8`, `rpe 8.5/9`: one effort between the two, never reps
        text = _RPE_RANGE.sub(_rpe_between, text)
    if "reserve" in text or "left" in text or "tank" in text:  # `2 reps in reserve`: RIR 2
        text = _IN_RESERVE.sub(" rir", text)
    if "@" in text:  # `bench 8@60 6@65 4@70`, `1x5@85 3x8@70`: each set's own load
        text = _REPS_AT_LOADS.sub(
            lambda m: _REP_AT_LOAD.sub(lambda i: f"{i[2]}{i[3] or ''}x{i[1]}", m[0]), text
        )
        text = _SETS_AT_LOADS.sub(
            lambda m: _SET_AT_LOAD.sub(
                lambda i: " ".join([f"{i[3]}{i[4] or ''}x{i[2]}"] * int(i[1])), m[0]
            ),
            text,
        )
    if "fail" in text or "effort" in text or "as many" in text:  # `to failure 12, 9, 7`
        text = _TO_FAILURE.sub(lambda m: " " * len(m[0]), text)
    if "repetition" in text:  # `30 repetitions` is 30 reps
        text = _REPETITIONS.sub(" rep", text)
    if "," in text:
        text = _THOUSANDS.sub(r"\1\2", text)  # `walked 1,200 minutes`: 1200, never 200
        text = _DECIMAL_COMMA.sub(
            lambda m: f"{m[1] or m[3] or m[5] or m[7]}.{m[2] or m[4] or m[6] or m[8]}", text
        )
    if "half" in text or "½" in text:
        text = _HALF_LOAD.sub(r"\1.5 \2", text)  # `57 and a half kg`, `57½kg`: 57.5 kg
    text = digits(text)
    if "ubles" in text or "iples" in text:  # `five triples`, `3 doubles`: sets of 3, of 2
        text = _MULTIPLES.sub(lambda m: f"{m[1]}x{_MULTIPLE[m[2]]}", text)
    return text


def _segment(
    prepared: str,
    raw: str,
    start: int,
    line: int,
    names: Mapping[str, str] | None,
    first: bool,
    dumbbells: bool = False,
    warmup: bool = False,
) -> Segment:
    text = _normalise(prepared, first, dumbbells)
    lead = _name_words(text)
    words = _WORD.findall(text)
    exercise, first, used = find_exercise(words, names)
    # A day label or a logger's command before the name (`Monday- Press`) still leads.
    prefaced = first == 0 or (first <= len(lead) and all(w in PREFACE for w in words[:first]))
    leading = exercise is not None and prefaced
    if leading and first:
        lead = lead[first:]
        first = 0
    if (
        leading
        and used < len(lead)
        and lead[used] not in _BODY_PARTS  # `squat legs`, `bench chest`: a day's label
        and another_name_after(lead[used])
        and not re.search(rf"{lead[used - 1]}\s*/\s*{lead[used]}", text)  # `crunches/sit-ups`
    ):
        # `row seated 3x10` is a seated row, `curls hammer` hammer curls; `row cable`,
        # `press de banca`: another lift than the known name, asked
        exercise = resolve(" ".join([lead[used], *lead[:used]]))
        leading, used = exercise is not None, used + 1
    dashed = "-" in text or "–" in text or "—" in text
    if dashed and not leading and (dash := _LABEL_DASH.search(_NAME_END.split(text, 1)[0])):
        # `TM Intensity day – SQ 175kg x 5`: a label, a dash, then the lift, which leads.
        rest = text[dash.end() :]
        found, at, size = find_exercise(_WORD.findall(rest), names)
        if found is not None and at == 0:
            exercise, first, used, leading = found, 0, size, True
            words, lead = _WORD.findall(rest), _name_words(rest)
    after_number = exercise is not None and (
        (
            not leading
            and first == len(lead)
            and re.search(rf"(?<![\w.]){NUM}\s+{re.escape(words[first])}", text) is not None
        )  # `30 squats` at the very start: a count of them too
        or (not lead and re.match(rf"\s*{NUM}\s+{re.escape(words[first])}", text) is not None)
    )
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
        warmup=warmup,
        after_number=after_number,
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
        elif fragments and segment.cardio and _heart_rate_before(fragments[-1], segment):
            # `My avg. HR was 143 bpm, and I covered 4.6 miles at 9:41 per mile`
            fragments[-1] = [segment, *fragments[-1]]
        else:
            fragments.append([segment])
    return fragments


_NOT_SESSION_HR = re.compile(
    r"\b(?:rest\w*|rhr|max\w*|peak|top|morning|woke|wake|waking|sleep\w*|night|bed)\b"
)


def set_line(name: str) -> bool:
    """Return whether `name` is a set line's own words (`Max reps @`, `Top set`, `Back off`)."""
    words = _WORD.findall(name)
    marked = not SET_LINE_MARKS.isdisjoint(words) or "back off" in " ".join(words)
    return bool(words) and marked and SET_LINE_WORDS.issuperset(words)


def _heart_rate_before(fragment: list[Segment], session: Segment) -> bool:
    """Return whether `fragment` is only a heart rate, earlier on the session's own line."""
    if fragment[-1].line != session.line:
        return False
    for part in fragment:
        hr, rest = read_heart_rate(part.text)
        if part.exercise or part.cardio or hr is None or _DIGIT.search(rest):
            return False
        if _NOT_SESSION_HR.search(part.text):
            return False  # `resting hr 55`, `hr 150 max`, `woke up with hr 48`
    return True


def _is_heading(segments: list[Segment], index: int) -> bool:
    """Return whether the part is a line of only a short unknown name (`Seated Press (Machine)`)."""
    segment = segments[index]
    starts = index == 0 or segments[index - 1].line != segment.line
    alone = index + 1 == len(segments) or segments[index + 1].line != segment.line
    # `Crunches/Sit-ups, 75 reps` under a lift: the name heads the sets after its comma
    sets_after = not alone and _DIGIT.search(segments[index + 1].text) is not None
    return (
        starts
        and (alone or (sets_after and _unknown_words(segment.name)))
        and segment.exercise is None
        and not segment.cardio
        and 0 < len(segment.name.split()) <= MAX_HEADING_WORDS
        and not _DIGIT.search(segment.text)
        and not NOTE_HEADINGS.intersection(segment.name.split())
    )


# Words, then a set chain: `box jumps 3x5`, `flys 3x12 12kg`, `lunges @80 3x8`.
_OWN_SETS_AFTER_WORDS = re.compile(
    r"\s*(?:[^\W\d_]+(?:[\s-]+[^\W\d_]+)+|[^\W\d_]{4,})\s*:?\s*"
    r"(?:@?\s*\d+(?:\.\d+)?\s*(?:kgs?|lbs?|#)?\s+)?\d+\s*x\s*\d"
)


_SET_CHAIN = re.compile(r"\d\s*x\s*\d")
_SETS_THEN_WORDS = re.compile(
    r"\s*\d+\s*x\s*\d+\s+((?!(?:reps?|sets?|kgs?|lbs?|at|with|for|of|rpe|rir|bw|each)\b)"
    r"[a-z][a-z'-]+(?:\s+[a-z][a-z'-]+){0,2})"
)
# Words that tell how sets went, never an exercise's name: `then down to 345x5`.
_HOW_SETS_WENT = frozenset(
    """then down up back off drop dropped dropping went go going more another extra rest
    paused pause tempo deficit each side arm leg singles doubles triples worked working
    added adding took ramped ramping finished finishing followed backoff backoffs dropset
    dropsets amrap top warmup warmups warm last first final heavy light plus also assisted
    banded weighted once twice thrice times again felt feel feels feeling was were easier
    harder easy hard good great solid strong tough nice fine ok okay smooth""".split()
)


def _unknown_words(name: str) -> bool:
    """Whether a part's leading words could name an exercise: not set words, gear or chat."""
    words = name.split()
    return (
        bool(words)
        and not set_line(name)
        and not GEAR_NOTE.issuperset(words)
        and not any(w in _HOW_SETS_WENT for w in words)
        and not all(w in HARMLESS_BEFORE for w in words)
    )


def _continues(fragment: list[Segment], segment: Segment) -> bool:
    """Return whether `segment` adds to `fragment` rather than starting a new one."""
    if fragment[0].cardio and not segment.exercise:
        if segment.line == fragment[-1].line and not names_activity(segment.text):
            return True  # `run 5k, 27:30, 5:30/km, hr 150`: details of the same session
        if fragment[0].text.endswith(":") and _KEY_VALUE.match(segment.text):
            return True  # `Run:` then `- Distance: 5 km` lines
        if (
            _KEY_VALUE.match(segment.text)
            and not _DIGIT.search(segment.text)
            and not names_activity(segment.text)
        ):
            return True  # a summary's label line: `Strategy: Steady Output`, `Route: Watopia`
        if _CARDIO_DETAIL.match(segment.text) and not names_activity(segment.text):
            # `Biked 31.5 miles` then `Total time - 1:59:41`, `AHR - 140`; a second time
            # under a session that has one (`Run 30 min` / `Time 45:00`) is its own, asked
            timed = any(find_durations(s.text) for s in fragment)
            return not (timed and _TIME_KEY.match(segment.text))
    if (
        fragment[0].cardio
        and not segment.exercise
        and segment.line == fragment[-1].line + 1
        and _AMOUNT_LINE.fullmatch(segment.text)
    ):
        return True  # `parkrun` / `5.135 km` / `26 minutes`: the session's lines below it
    if fragment[0].cardio and segment.cardio and _OF_IT.search(segment.text):
        return True  # `bike 60 min, 40 min of it in zone 2`: a part of the same session
    if (
        fragment[0].cardio
        and segment.cardio
        and segment.line == fragment[-1].line
        and _WITH_WHAT.match(segment.text)
        and not activities_named(segment.text)
    ):
        return True  # `elliptical for 30 minutes, this time with 4 minute intervals`
    if segment.exercise or segment.cardio or segment.heading:
        return False
    if fragment[-1].line == segment.line:
        # `squat 100kg 3x5, box jumps 3x5`: words we don't know, then sets of their own,
        # are another exercise (asked), never more squats; so are sets, then such words
        # (`bench 3x8 80kg and 3x10 flyes 12kg`)
        if (then := _SETS_THEN_WORDS.match(segment.text)) and _unknown_words(then[1]):
            return False
        return not (
            fragment[0].exercise is not None
            and any(_SET_CHAIN.search(s.text) for s in fragment)
            and _OWN_SETS_AFTER_WORDS.match(segment.text)
            and _unknown_words(segment.name)
        )
    if fragment[0].exercise is not None and notes.failure(segment.text):
        return True  # `Last set failed - got only 4 reps` on a line of its own
    # A new line of sets after an unknown word is another exercise, not more sets.
    unknown_name = (
        bool(segment.name)
        and bool(REPS_HINT.search(segment.text))
        and not GEAR_NOTE.issuperset(segment.name.split())  # `with straps: 165 x 7`
        and not set_line(segment.name)
    )
    return (fragment[0].exercise is not None or fragment[0].heading) and not unknown_name
