"""Reads workout logs out of chat text: strength sets, cardio sessions, and questions.

How a message is read, in order:

0. `dates`: a date or a weekday heading the message, or under its title line (`Nov 28 -
   squat ...`, `Push Day` / `Monday 15 July 2024`, `Monday: squat ...`), is the day of its
   sets (`ParseResult.dated`).
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
   `whole_message` asks once about a message that is no log of today's own sets: advice,
   an aim, a habit, someone else's, rounds, splits, a score.
4. A message ending in `?` (outside a bracket note) is a question unless it has sets, reps
   or a duration.

Never dropped, always asked: numbers shaped like sets beside no known exercise (`100 8 9`,
`135;185;185;195;200`, `100 froggers`: which exercise?), a session with a distance, steps,
pace or heart rate but no activity (`1:04:04, 7.73 miles`, `4 miles @ 8:55 pace`), and a
column of `Name: N` lines where some N is more than a set's reps (totals or sets?).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from core.recording.cardio import (
    ACTIVITIES,
    names_activity,
    read_cardio,
    read_distance,
    session_without_activity,
)
from core.recording.catalogue import Exercise, display_name
from core.recording.dates import Dated, Heading, Weekday, date_heading
from core.recording.doubts import doubt, entry_doubt
from core.recording.durations import find_durations, session_minutes
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
    SET_LIKE,
    Segment,
    fragments,
    segments,
)
from core.recording.names import HARMLESS_BEFORE, find_exercise, variant_first
from core.recording.notes import PLAN
from core.recording.readings import MAX_PLAUSIBLE_REPS
from core.recording.set_notation import listed_loads, listed_reps
from core.recording.set_values import unloggable
from core.recording.strength import Outcome, example, read_strength
from core.recording.unread import unread_lines
from core.recording.whole_message import TODAY, YESTERDAY
from core.recording.whole_message import checked as whole_message_checked

_LOAD = re.compile(r"\d\s*(?:kgs?|lbs?|pounds?|#)(?![a-z])", re.IGNORECASE)
# A column of this many `Name: N` lines, one number over a set's reps, may be totals.
MIN_TALLY_LINES = 3
_TALLY = re.compile(r"[^\d]*?(\d+)\s*")  # one number after a name (`name` is checked)
# A line of a count and one to three words (`100 froggers`): reps of an unknown exercise,
# unless the words are a unit, a time or a set word.
_SUPERSET = re.compile(
    r"\bsuper\s*-?\s*set(?:ted)?\s+(?:with|and)\s+(?:\d+\s*[x×]\s*\d+\s+)?([a-z][a-z -]{2,40})"
)
# A load worked up to, with no lift named: asked which, never dropped.
# (`I started with 95kg, then jumped to 100kg and missed`: lifted, missed, opened at a load)
_LOAD_REACHED = re.compile(
    r"\b(?:(?:got|get|getting|worked|working|built|went|go|made\s+it)\s+up\s+to|lifted|pulled|"
    r"pressed|hit|missed|jumped\s+to|started\s+with|opened\s+(?:at|with))\s+(?:a\s+)?"
    r"\d+(?:\.\d+)?\s*(?:kgs?|lbs?|pounds?|kilos?|#)(?![a-z])"
)
_COUNT_OF_UNKNOWN = re.compile(
    r"\s*\d+\s+((?!(?:kgs?|lbs?|pounds?|kilos?|reps?|sets?|min\w*|sec\w*|hours?|hrs?|days?"
    r"|weeks?|months?|years?|times|x|am|pm|miles?|km|k|m|steps?|calories|cals?|bpm)\b)"
    r"[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2})\s*"
)
NOTATIONS: tuple[Notation, ...] = ("sets-reps", "reps-sets")
_DIGIT = re.compile(r"\d")
_QUOTED = re.compile(r"\"([^\"\n]*\d[^\"\n]*)\"|“([^”\n]*\d[^”\n]*)”")
_QUESTION = re.compile(r"\?[\W_]*$")
_BRACKET = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")  # `(who knows the units?)` asks nothing


_ALL_IN_BRACKETS = re.compile(r"\s*\(([^()]*)\)\s*")
_LINE_IN_BRACKETS = re.compile(r"^([ \t]*)\(([^()\n]*)\)([ \t]*)$", re.MULTILINE)


def _unbracketed(m: re.Match[str], names: Mapping[str, str] | None) -> str:
    """Return a line that is all one bracket without it when it is a lift with its sets
    (`squat 3x5 100kg` then `(bench 3x8 80kg)`); any other bracket line stays a note."""
    words = re.findall(r"[a-z]+", m[2].lower())[:6]
    found, at, _ = find_exercise(words, names)
    if found is None or at != 0 or not re.search(r"\d", m[2]):
        return m[0]
    return f"{m[1]} {m[2]} {m[3]}"


_SETS_COMMA_REPS = re.compile(r"(?<![\w.])(\d{1,2}\s*sets?)\s*,(\s*\d{1,3}\s*reps?\b)", re.I)
_AND_SETS = re.compile(
    r"\s+(?:and|&)(?=\s+\d{1,2}\s*[x×]\s*\d{1,2}\s*(?:@|at\b|\d|$|[,;.\n]))", re.IGNORECASE
)
_LONG_NUMBER = re.compile(r"\d{40,}")
_KEYCAP = re.compile("([0-9#*])\ufe0f?\u20e3")


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
    if (long := _LONG_NUMBER.search(text)) is not None:
        # a run of digits no set or session has: said back at once, before any pattern
        # spends time on it
        message = "That number is too long to log. Check the numbers, e.g. `squat 3x8 100kg`."
        return ParseResult(problems=(Problem("implausible", long[0][:40] + "…", message),))
    heading, at = _dated(text)
    if heading is not None:
        # `Nov 28 - squat 3x5 100kg`: that day's sets; the heading is not read as sets
        end = at + heading.end
        text = text[:at] + re.sub(r"[^\n]", " ", text[at:end]) + text[end:]
    if (m := _ALL_IN_BRACKETS.fullmatch(text)) and m[1].strip():
        text = f" {m[1]} "  # `(And I deadlifted 85 today!)`: an aside is the whole message
    elif "(" in text and "\n" in text:
        text = _LINE_IN_BRACKETS.sub(lambda m: _unbracketed(m, names), text)
    if "\u20e3" in text:  # a keycap digit (`3️⃣x8`): the digit
        text = _KEYCAP.sub(r"\1", text)
    if hello := _HELLO_FIRST.match(text):  # `Good morning! Squat 3x5 100kg`: a greeting first
        text = " " * hello.end() + text[hello.end() :]
    if add_on := _ADD_ON_FIRST.match(text):  # `Sorry, 1 more thing: curls 3x10 12kg`
        text = " " * add_on.end() + text[add_on.end() :]
    if "[[" in text or "#" in text:
        # `#lift [[Bench Press]] 80kg 8-8-6`: a notes app's tag and link around the name
        text = _TAG.sub("", _WIKI_LINK.sub(r"\1", text))
    if "trainer" in text.lower():
        text = _CROSS_TRAINER.sub("crosstrainer", text)  # `5 mins X-trainer`, `Arc Trainer`
    if "." in text or "," in text:
        text = _THOUSANDS_METRES.sub(r"\1\2\3", text)  # `Row intervals for 5.250m`: 5,250 m
    if "\n" in text:
        # `Incline Walking` / `-30 minutes`: a session's name, its time on the line below
        text = _ACTIVITY_THEN_TIME.sub(_time_under_activity, text)
    if "climber" in text.lower():
        text = _STAIR_CLIMBER.sub("stairmaster", text)  # `Stair Climber - 30 minutes`
    if "half-an" in text.lower():
        text = _HALF_AN_HOUR.sub("half an hour", text)  # `walked for about half-an-hour`
    if "min" in text.lower():
        text = _MINUTE_TYPO.sub("minutes", text)  # `20 mintues on the elliptical`
        # `a short, 35 minute, open water swim`: the time, then the session it is of
        text = _TIME_COMMA.sub(r"\1 ", text)
    # `3 sets of 8, 8, 7`, `3 sets 8, 8, 7`, `3 x 7, 5, 4`: those three sets
    text = listed_reps(text)
    if "set" in text.lower():
        # `3 sets, 8 reps deadlifts`: a comma inside one count, not between two parts
        text = _SETS_COMMA_REPS.sub(lambda m: f"{m[1]} of {m[2]}", text)
    if "," in text:
        text = listed_loads(text)  # `3x5 35kg, 35kg, 32.5kg`: one load a set
    if " and " in text or " & " in text:
        # `bench 3x8 at 60 and 3x5 at 70`: a second block of sets, as after a comma
        text = _AND_SETS.sub(lambda m: "," + " " * (len(m[0]) - 1), text)
    if _LIST_START.search(text):
        text = _one_item_a_line(text)  # `1. Squat 3x5 100kg 2. Bench 3x8 80kg`
    if "(" in text:
        # `Flat bench press – (115, 120, 120)x5`: one load a set, each for those reps
        text = _LOADS_THEN_REPS.sub(lambda m: _each_load(m, units), text)
    if "(" in text and (broken_down := _TOTAL_THEN_SETS.search(text)):
        text = _sets_for_total(text, broken_down)  # `25 reps (5 sets of 5)`: those sets
    if _GLUED.search(text):
        text = _GLUED.sub(r"\1 \2", text)  # `Barbell Squat10 reps`: the name, then the sets
    parts, overflow = segments(variant_first(text), names)
    groups = fragments(parts)
    outcomes = [_read_fragment(f, text, units, notation) for f in groups]
    outcomes = _tallies(groups, outcomes)
    outcomes = _merged(outcomes, [f[0].leading for f in groups])
    if _QUESTION.search(text[-40:]) and _QUESTION.search(_BRACKET.sub(" ", text[-200:])):
        outcomes = [o for o in outcomes if o.counted]
    lower = text.lower()
    outcomes = whole_message_checked(outcomes, text)
    outcomes = [  # a question about the whole message is asked once, not once a lift
        o for i, o in enumerate(outcomes) if not (isinstance(o.item, Problem) and o in outcomes[:i])
    ]
    entries = tuple(o.item for o in outcomes if isinstance(o.item, CardioEntry | StrengthEntry))
    problems = [o.item for o in outcomes if isinstance(o.item, Problem)]
    ambiguities = tuple(o.item for o in outcomes if isinstance(o.item, Ambiguity))
    if not entries and ('"' in text or "“" in text):
        problems.extend(_quoted_logs(text, units, names))
    if overflow.strip() and (entries or problems or ambiguities):
        problems.append(_overflow_problem(overflow))
    elif entries or problems or ambiguities:
        # a line of the log read as nothing is said back, never lost in silence
        sources = [i.source for group in (entries, problems, ambiguities) for i in group]
        problems.extend(unread_lines(text, sources))
    days_ago = int(bool(entries and YESTERDAY.search(lower.strip()) and not TODAY.search(lower)))
    if entries or ambiguities:
        if heading is not None and heading.dated is None:
            return ParseResult(problems=(_unclear_date(heading.written, text),))
        below, day = (at + heading.end, heading.dated) if heading is not None else (0, None)
        if _another_day_below(text, below, day):
            # `Mon: squat ...` / `Tue: run ...` (or today's sets, then `Tue: ...`): a week
            # pasted at once; each day on its own
            return ParseResult(problems=(Problem("unreadable", text.strip()[:200], _ONE_DAY),))
        if heading is not None:
            return ParseResult(entries, tuple(problems), ambiguities, 0, heading.dated)
    return ParseResult(entries, tuple(problems), ambiguities, days_ago)


# An app's share text: the workout's title, then its date (`Push Day\nMonday 15 July 2024`).
# A label and a dash before a date (`WORKOUT DATA - 2024-07-04`), or a title line above it
# (`Push Day`, `Day 4 of 60`: numbers, but never sets or a session's time or distance).
_TITLE_DASH = re.compile(r"[ \t]*[^\W\d][^\d\n]{0,40}?[ \t][-–—:|][ \t]*")
_TITLE_LINE = re.compile(
    r"[ \t]*[^\W\d](?:(?!\d\s*(?:x|kg|lb|:|min|h\b|hours?|km|k\b|mi))[^\n]){0,40}\n",
    re.IGNORECASE,
)


def _dated(text: str) -> tuple[Heading | None, int]:
    """Return the date heading that opens `text`, or follows its title, and where."""
    if not _DIGIT.search(text[:80]):
        return None, 0
    if heading := date_heading(text):
        return heading, 0
    for title in (_TITLE_DASH.match(text), _TITLE_LINE.match(text)):
        if title and (heading := date_heading(text[title.end() :])) and heading.certain:
            return heading, title.end()  # after a title only a date no set could be (`5/5`)
    return None, 0


_ONE_DAY = (
    "That's more than one day. Send each day on its own, e.g. `Mon: squat 3x5 100kg`, so each "
    "goes on its day."
)


def _another_day_below(text: str, end: int, day: Dated | Weekday | None) -> bool:
    """Return whether a line after the first (or after the heading ending at `end`) opens with
    another day's heading (`Tue: run 30 min`; not `Sunday I rest`)."""
    for line in text[end:].split("\n")[1:]:
        heading = date_heading(line)
        if heading is not None and heading.certain and heading.marked and heading.dated != day:
            return True
    return False


def _unclear_date(written: str, text: str) -> Problem:
    """`3/12: squat 3x5 100kg`: the 3rd of December or March 12th? Asked, never guessed."""
    message = (
        f"Which day is {written}? Send the date with its month's name, e.g. "
        f"`3 Dec: squat 3x5 100kg`, or leave it out to log the sets for today."
    )
    return Problem("unreadable", text.strip(), message)


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


def _tallies(groups: list[list[Segment]], outcomes: list[Outcome]) -> list[Outcome]:
    """Return `outcomes` with a column of `Name: N` lines asked about when the numbers look
    like totals (one is more than a set's reps): `Rows: 52`, `Pull-ups: 12` may each be a
    day's reps, not one set."""
    if len(groups) < MIN_TALLY_LINES:
        return outcomes
    counts = [
        _TALLY.fullmatch(group[0].text) if len(group) == 1 and group[0].name else None
        for group in groups
    ]
    numbers = [float(m[1]) for m in counts if m]
    if len(numbers) < MIN_TALLY_LINES:
        return outcomes
    if max(numbers) <= MAX_PLAUSIBLE_REPS:
        return outcomes
    message = (
        "Are those numbers totals for the day, or one set each? "
        "Send the sets, e.g. `pull-up 3x8 bw`."
    )
    return [
        Outcome(Problem("unreadable", o.item.source, message), counted=True)
        if m and isinstance(o.item, StrengthEntry)
        else o
        for m, o in zip(counts, outcomes, strict=True)
    ]


def _quoted_logs(text: str, units: Unit, names: Mapping[str, str] | None) -> list[Problem]:
    """Return a question for each log quoted in prose (`my logbook said “Squats, 5X5,
    90kg”`): quotes are notes, never recorded, but one that reads as sets may be what
    was done, or only what was planned."""
    found = []
    for m in _QUOTED.finditer(text[:MAX_CHARS]):
        quoted = m[1] or m[2] or ""
        if any(isinstance(e, StrengthEntry) for e in parse(quoted, units, names=names).entries):
            message = f"Was `{quoted}` what you did today? Send it on its own to log it."
            found.append(Problem("unreadable", m[0], message))
    return found


# A numbered list written on one line: each number after the first starts a line of its own.
_LIST_START = re.compile(r"(?m)^[ \t]*1[.)][ \t]+[A-Za-z].*[ \t]2[.)][ \t]+[A-Za-z]")
_LIST_ITEM = re.compile(r"\s(\d{1,2})[.)]\s+(?=[A-Za-z])")


def _one_item_a_line(text: str) -> str:
    """Return `text` with each item of a one-line numbered list on its own line (the same
    length: a space before each number becomes a line break)."""
    lines = []
    for line in text.split("\n"):
        if _LIST_START.match(line):
            expected = 2
            for m in _LIST_ITEM.finditer(line):
                if int(m[1]) == expected:
                    line = line[: m.start()] + "\n" + line[m.start() + 1 :]
                    expected += 1
        lines.append(line)
    return "\n".join(lines)


_TOTAL_THEN_SETS = re.compile(
    r"(?<![\d.])(\d+)\s*reps?\s*\(\s*(\d+)\s*(?:sets?\s*of|x)\s*(\d+)\s*(?:reps?)?\s*\)",
    re.IGNORECASE,
)


def _sets_for_total(text: str, m: re.Match[str]) -> str:
    """Return `text` with `25 reps (5 sets of 5)` as `5 sets of 5`, when they agree."""
    if int(m[1]) != int(m[2]) * int(m[3]):
        return text
    return text[: m.start()] + f"{m[2]} sets of {m[3]}".ljust(len(m[0])) + text[m.end() :]


# A word glued to the sets after it (`Squat10 reps @ 60 Kg`, `Deadlift5x5`); short marks
# (`x8`, `rpe8`) are not words, and a stat glued to its value (`Duration30:26`) is left.
_GLUED = re.compile(r"(?<![\w.])([A-Za-z]{4,})(\d+\s*(?:x|×|reps?\b|sets?\b))", re.IGNORECASE)
_WIKI_LINK = re.compile(r"\[\[([^\[\]\n|]{1,60})(?:\|[^\[\]\n]*)?\]\]")
_TAG = re.compile(r"(?<![\w#])#[A-Za-z][\w-]*")
# A greeting, then the log (`Good morning! Squat 3x5 100kg`, `hi coach, bench 3x8 60kg`): not the
# good-morning lift, which is written with its sets (`good mornings: 3x10 40kg`).
_HELLO_FIRST = re.compile(
    r"\s*(?:good\s+(?:morning|afternoon|evening)|hi|hello|hey|morning|thanks|thank\s+you)"
    r"(?:\s+(?:there|coach|bot|all|everyone))?\s*(?:[!.]+|,(?=\s*[a-z]))\s*(?=\S)",
    re.IGNORECASE,
)
# Words that add to an earlier message before the sets (never `sorry 3x6`, a correction).
_ADD_ON_FIRST = re.compile(
    r"\s*(?:(?:sorry|oops|oh|and|also|plus)\s*[,!.]?\s*)*"
    r"(?:(?:1|one)\s+more(?:\s+thing)?|forgot(?:\s+to\s+(?:add|say|mention)(?:\s+this)?)?|"
    r"also|p\.?s\.?)\s*[:,!.\-–]+\s*(?=\S)"
    r"|\s*(?:1|one)\s+more\s+(?=[a-z])(?!sets?\b|reps?\b|rounds?\b|times?\b|minutes?\b|mins?\b)",
    re.IGNORECASE,
)
_BRACKET_NOTE = re.compile(r"\([^()]*\)")
_PLAN_IN_BRACKET = re.compile(
    r"\b(?:plan|planned|next\s+(?:session|time|week|workout)|tomorrow|"
    r"(?:for|on)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)
_CROSS_TRAINER = re.compile(r"\b(?:x|cross|arc)\s*-?\s*trainer\b", re.IGNORECASE)
_THOUSANDS_METRES = re.compile(
    r"(?<![\d.,])(\d{1,2})[.,](\d{3})(\s*(?:m|meters?|metres?))(?![\w.,])"
)
_ACTIVITY_THEN_TIME = re.compile(
    r"^([ \t]*[a-z][a-z ]{0,30}?)[ \t]*:?[ \t]*\n[ \t]*[-–•*]?[ \t]*"
    r"(?=\d+(?:[.,]\d+)?[ \t]*(?:min(?:ute)?s?|hours?|hrs?)\b)",
    re.IGNORECASE | re.MULTILINE,
)


def _time_under_activity(m: re.Match[str]) -> str:
    return f"{m[1]} " if names_activity(m[1].lower()) else m[0]


_STAIR_CLIMBER = re.compile(r"\bstair\s*-?\s*climber\b", re.IGNORECASE)
MAX_PLAUSIBLE_REPS_WRITTEN = 30  # a bracket's numbers above this are loads, not reps
# Loads in brackets, then the reps of each: `(115, 120, 120)x5`. Read so only when every
# number in the brackets is more than any set's reps could be; `(8,10,10)x10` stays asked.
_LOADS_THEN_REPS = re.compile(
    r"\(\s*(\d+(?:\.\d+)?(?:\s*[,/]\s*\d+(?:\.\d+)?){1,9})\s*\)\s*[x×]\s*(\d{1,2})\b(?!\s*(?:kg|lb))"
)


def _each_load(m: re.Match[str], units: Unit) -> str:
    loads = re.split(r"\s*[,/]\s*", m[1])
    if min(float(load) for load in loads) <= MAX_PLAUSIBLE_REPS_WRITTEN:
        return m[0]
    return ", ".join(f"{load}{units} x {m[2]}" for load in loads)


_HALF_AN_HOUR = re.compile(r"\bhalf-an-hour\b", re.IGNORECASE)
_MINUTE_TYPO = re.compile(r"\b(?:mintues?|minuets?|minutues?|minites?|mnutes?|minuts?)\b", re.I)
_TIME_COMMA = re.compile(
    r"(\d\s*(?:minutes?|mins?|hours?))\s*,(?=[ \t]*(?:[a-z]+[ \t]+){0,3}"
    r"(?:swim|walk|run|jog|ride|row|hike|spin)\b)",
    re.IGNORECASE,
)


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
    source = text[min(s.start for s in fragment) : max(s.end for s in fragment)].strip()
    joined = " , ".join(s.text for s in fragment)
    if (head.cardio or head.exercise) and (written := unloggable(joined)):
        # Refused whole: read digit by digit it would be another number (`1e308` is 1).
        shape = example(head.exercise, units) if head.exercise else "zone 2 run 45 min"
        message = f"I can't log `{written}` as a number. Check the numbers, e.g. `{shape}`."
        return Outcome(Problem("implausible", source, message), counted=True)
    if head.cardio and (head.exercise is None or not REPS_HINT.search(joined)):
        cardio = read_cardio(joined, source)
        if cardio is not None and _lift_not_cardio(head, joined, isinstance(cardio, CardioEntry)):
            cardio = None  # `cable row 90 12 12 15`, `farmers walk 40m 32kg`: the lift
        if (
            isinstance(cardio, CardioEntry)
            and cardio.activity is None
            and cardio.modality == "other"
        ):
            # `4 miles @ 8:55 average pace`, `Distance 3.83 mi / Duration 1h:01m:18s`: a
            # session, but a walk, a run or a ride? Asked, never recorded as none of them.
            minutes = f"{round(cardio.minutes)}"
            message = f"Was that {minutes} min a walk, a run or a ride? e.g. `run {minutes} min`"
            if "treadmill" in joined:
                message = (
                    f"Was that {minutes} min on the treadmill a walk or a run? "
                    f"e.g. `treadmill walk {minutes} min`"
                )
            return Outcome(Problem("unreadable", source, message), counted=True)
        if isinstance(cardio, CardioEntry):
            return Outcome(cardio, counted=True)
        # A load (`16kg`) names a lift, not a row or a ride: `dumbbell row 16kg 8,8,6`.
        no_sets = not (REPS_HINT.search(joined) or SET_HINT.search(joined) or _LOAD.search(joined))
        if cardio and (head.exercise is None or no_sets or cardio.kind == "implausible"):
            return Outcome(cardio, counted=cardio.kind == "implausible")
    if head.exercise is None:
        return _orphan(fragment, source)
    if other := _another_lift_named(head):
        # `squat day: leg press 3x12 150kg`, `instead of squats I did leg press 3x12`:
        # two lifts named before the sets. Which? Asked, never the first one taken.
        message = (
            f"Were those sets {head.exercise.name.lower()} or {other}? Send them with the "
            f"lift's name first, e.g. `{other} 3x8 ...`"
        )
        return Outcome(Problem("unreadable", source, message), counted=True)
    outcome = read_strength(fragment, head.exercise, source, units, notation)
    if isinstance(outcome.item, Problem) and not head.leading:  # a name in prose or a question
        outcome = Outcome(outcome.item, counted=False)
    # a note in brackets (`(... I wanted to try it out)`) says nothing of a plan for the sets,
    # unless it says so: `(plan for Friday)`, `(next session)`, `(for Thursday)`
    lower = source.lower()
    planned = PLAN.search(_BRACKET_NOTE.sub(" ", lower)) or any(
        _PLAN_IN_BRACKET.search(b[0]) for b in _BRACKET_NOTE.finditer(lower)
    )
    if isinstance(outcome.item, StrengthEntry | Ambiguity) and planned:
        message = f"Was that {head.exercise.name.lower()} planned or done? Send what you did."
        return Outcome(Problem("unreadable", source, message), counted=False)
    if isinstance(outcome.item, StrengthEntry) and (other := _superset_with(source, head.exercise)):
        # `Leg ext superset with leg curl – 4 sets of 15`: both lifts' sets? Asked.
        message = (
            f"Were those sets of {head.exercise.name.lower()} and of {other} too? Send each "
            f"lift on its own line, e.g. `{head.exercise.name.lower()} 3x8 ...`."
        )
        return Outcome(Problem("unreadable", source, message), counted=True)
    if isinstance(outcome.item, StrengthEntry) and (
        question := doubt(fragment, head.exercise, source)
        or _added_or_own(outcome.item, source)
        or entry_doubt(outcome.item, head.exercise, source, head.leading)
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


# On a bodyweight lift, a load said to be the body's (`pull ups 3x5 bw 85kg`, `85kg bw`,
# `bodyweight (82kg)`), or a number with no unit and no `+` (`push ups 2 sets 30 25`):
# added weight or not? Asked, never recorded as added.
_STATED_BODYWEIGHT = re.compile(
    r"\b(?:bw|bodyweight|body\s*weight)\s*(?:[=:(]|of|is|was)?\s*\d+(?:\.\d+)?\s*(?:kgs?|lbs?|#|kilos?)"
    r"|\d+(?:\.\d+)?\s*(?:kgs?|lbs?|kilos?)\s*\)?\s*(?:bw|bodyweight|body\s*weight)\b"
)
_ADDED = re.compile(
    r"\+|\b(?:added|adding|add|weighted|with|vest|belt|plates?|dumbbells?|db|kettlebells?|kb|"
    r"extra|holding|held|chains?|assist(?:ed|ance)?|kgs?|lbs?|kilos?|pounds?)\b|#|\d(?:kg|lb)"
)


def _added_or_own(entry: StrengthEntry, source: str) -> str | None:
    """Return a question when a bodyweight lift's added load may be the body's own."""
    added = [s for s in entry.sets if s.bodyweight and s.weight > 0]
    if not added:
        return None
    lower = source.lower()
    name = display_name(entry.exercise).lower()
    added_with_a_plus = f"Send added weight with a +, e.g. `{name} 3x5 bw+10kg`"
    if "+" not in lower and _STATED_BODYWEIGHT.search(lower):
        load = f"{added[0].weight:g} {added[0].unit}"
        return (
            f"Was {load} your body weight, or weight you added to the {name}? "
            f"{added_with_a_plus}, or the sets alone, e.g. `{name} 3x5`"
        )
    load_first = re.search(rf"(?<![\d.]){added[0].weight:g}\s*[x×]\s*\d", lower)
    if not _ADDED.search(lower) and not load_first:  # (`dip 15x3x8`: a load, by its place)
        return (
            f"Was {added[0].weight:g} weight you added to the {name}, or a set's reps? "
            f"{added_with_a_plus}, or each set's reps, e.g. `{name} 30, 25`"
        )
    return None


def _lift_not_cardio(head: Segment, joined: str, timed: bool) -> bool:
    """Return whether a fragment read as cardio is a lift named in full whose name holds a
    cardio word (`cable row`, `farmers walk`: more words than the bare `row` or `walk`): so
    when it has a load with its unit (`farmers walk 40m 32kg`), or, when the cardio reader
    could not time it (`timed` false), no time or distance either (`cable row 90 12 12`)."""
    if head.exercise is None or len(head.name.split()) < 2:
        return False
    if ACTIVITIES.keys().isdisjoint(head.exercise.name_words):
        return False
    if _LOAD.search(joined):
        return True
    lower = joined.lower()
    return not timed and not find_durations(lower) and read_distance(lower) is None


def _superset_with(source: str, head: Exercise) -> str | None:
    """Return the other lift a part says it was supersetted with, or None."""
    m = _SUPERSET.search(source.lower()) if "set" in source.lower() else None
    if not m:
        return None
    other, first, _ = find_exercise(m[1].split())
    if other is None or first != 0 or other.id == head.id:
        return None
    return other.name.lower()


def _label(entry: StrengthEntry) -> str:
    """Return a button label for a reading: "3 sets of 5 at 225 lb". The sets read two ways
    are the last ones (`Bdwt/4, Bdwt +25lbs/4 x2`: "2 sets of 4 at bw+25 lb")."""
    last = entry.sets[-1]
    trailing = next((i for i, s in enumerate(reversed(entry.sets)) if s != last), len(entry.sets))
    load = f"{last.weight:g} {last.unit}"
    if last.bodyweight:
        load = f"bw+{load}" if last.weight else "bodyweight"
        if last.weight < 0:
            load = f"{-last.weight:g} {last.unit} of help"
    return f"{trailing} sets of {last.reps} at {load}"


def _another_lift_named(head: Segment) -> str | None:
    """Return a second known lift named between the first and the sets, if any."""
    words = re.findall(r"[a-z]+", re.split(r"\d", head.text, maxsplit=1)[0])
    found, first, used = find_exercise(words, None)
    if found is None or first + used >= len(words) or "/" in head.typed:
        return None  # (`Crunches/Sit-ups`: one name for the same sets)
    rest = words[first + used :]
    other, at, _ = find_exercise(rest, None)
    if other is None and (did := _DID_NEXT.search(" ".join(rest))):
        # `after bench I did flys 3x10 20kg`: the sets are of what was done next, a name
        # we don't know; asked, never the lift named first
        named = [w for w in did[1].split() if w not in HARMLESS_BEFORE]
        return " ".join(named) or None
    if other is None or other.id == found.id:
        return None
    if (at and rest[at - 1] in _PLACE_WORDS) or (len(rest) == 1 and rest[0] in _GEAR_NAMES):
        return None  # `Overhead Press in Squat Rack`, `Hack Squat Sled`: where, or with what
    return other.name.lower()


# `... I did flys`: a lift's name, then what was done after it, named in words we don't know.
_DID_NEXT = re.compile(
    r"\b(?:i\s+)?(?:did|do|moved\s+on\s+to|went\s+to|switched\s+to)\s+((?:[a-z]+\s+)*[a-z]+)\s*$"
)
_PLACE_WORDS = frozenset("in on at using with from inside".split())
_GEAR_NAMES = frozenset("sled sleds rack machine station bench box bar".split())


def _which_session(text: str) -> str:
    """Return the question for a session that names no activity (`cardio 35 min`)."""
    if isinstance(session_minutes(find_durations(text), False), str):
        return "What was that session, and how long in all? e.g. `run 45 min`"
    return "Which activity was that? e.g. `bike 35 min`"


def _orphan(fragment: list[Segment], source: str) -> Outcome:
    """Return a problem for sets with no known exercise; anything else is a note."""
    if not any(_DIGIT.search(s.text) for s in fragment):
        return Outcome(None, counted=False)  # words only: a note
    name = fragment[0].typed if fragment[0].name else ""
    joined = " , ".join(s.text for s in fragment)
    if "cardio" in joined and session_without_activity(joined):  # `did 30 min of cardio`
        return Outcome(Problem("unreadable", source, _which_session(joined)), counted=False)
    if len(fragment) == 1 and (m := _COUNT_OF_UNKNOWN.fullmatch(fragment[0].text)):
        name = m[1]  # `100 froggers`: reps of an exercise we don't know
    elif _LOAD_REACHED.search(joined):
        name = ""  # `I managed to get up to 90 kg`: a load reached, on which lift?
    elif not any(REPS_HINT.search(s.text) or SET_HINT.search(s.text) for s in fragment) and not (
        SET_LIKE.search(joined)
    ):
        if session_without_activity(joined):
            cardio = read_cardio(joined, source)
            if isinstance(cardio, CardioEntry) and cardio.activity is not None:
                # `1:04:04, 7.73 miles, 8:17 pace`: the pace says it was a run.
                return Outcome(cardio, counted=True)
            return Outcome(Problem("unreadable", source, _which_session(joined)), counted=False)
        return Outcome(None, counted=False)
    if name and set(re.findall(r"[a-z]+", name.lower())) <= HARMLESS_BEFORE:
        name = ""  # `did 3 sets of 6 at 60kg`: no name at all, not an exercise called "did"
    message = (
        f"I don't know the exercise '{name}' yet. Try a name like squat, bench or deadlift."
        if name
        else "Which exercise was that? Start with its name, e.g. `squat 3x8 100kg`."
    )
    # Not counted: in a question, sets next to an unknown word are chat, not a log.
    return Outcome(Problem("unknown_exercise", source, message, name), counted=False)
