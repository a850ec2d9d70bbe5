"""A message that holds part of a workout, but not enough to record: asked about.

When a message reads as no log at all yet holds a piece of one, the coach asks for what is
missing instead of saying it found no workout. Nothing is recorded; the question names the
piece it saw and shows how to send it:

- a lift's name with numbers (`I warmed up with 45, 75, then 85 for thrusters`): its sets;
- an activity with numbers (`Walked a mile this morning`): its time;
- a load (`I pumped 240 kilograms today`): the lift and the reps;
- a time or a distance (`Finished up with a 27:40!`, `66 laps`): the activity.

A number about something else stays quiet, as before: body weight, a week's or a year's
total, steps, a goal or a plan, a best from before, what one can do, someone else's lift,
sleep, a price. So does any message with a question mark (the FAQ answers those).
"""

from __future__ import annotations

import re

from core.recording.cardio import ACTIVITIES
from core.recording.catalogue import NAME_WORDS_ALONE, Exercise, resolve, singular
from core.recording.entries import Problem, Unit
from core.recording.marks import UNIT
from core.recording.notes import PAST, PLAN, USUAL
from core.recording.other_numbers import NOT_TODAYS
from core.recording.set_values import unit_of
from core.recording.whole_message import named_subject

_NUMBER = r"\d{1,4}(?:[.,]\d{1,2})?"
_BEFORE = r"(?<![\w.,:/])"  # a number of its own (not `c25k`, `1.5`, `3/4`)
_LOAD = re.compile(rf"{_BEFORE}({_NUMBER})[ \t]*({UNIT}|#)(?![a-z])", re.IGNORECASE)
_HEAVIEST = {"kg": 500.0, "lb": 1100.0}  # above that: a session's tonnage, not a load
# A time on a clock (`27:40`, `1:04:32`), never a time of day (`at 9:00`, `6:30am`) or a pace.
_CLOCK = re.compile(
    r"(?<![\d:.,/])(?<!\bat )(?<!\bby )(?<!\baround )(?<!\buntil )(?<!\bfrom )(?<!\bto )"
    r"(\d{1,2}:\d{2}(?::\d{2})?(?:\.\d)?)(?![\d:]|\.\d)"
    r"(?!\s*(?:am|pm|a\.m|p\.m|o'?clock|per\b|min\s*/|a\s+mile|/\s*(?:mi|km|k\b|100|500)))",
    re.IGNORECASE,
)
_HOURS_MINUTES = r"\d{1,2}\s*(?:h|hrs?|hours?)\s*\d{1,2}(?:\s*(?:m|mins?|minutes?))?"
_LENGTH = re.compile(
    rf"{_BEFORE}({_HOURS_MINUTES}|{_NUMBER}\s*(?:min(?:ute)?s?|hours?|hrs?|km|kms|"
    r"kilomet(?:er|re)s?|miles?|mi|yards?|yds|meters?|metres?|m|k|laps?|lengths?|watts?|w))"
    r"(?![a-z\d])"
    r"|\b((?:half\s+an|an|one|two|three)\s+hours?|half\s+(?:an\s+)?hour|"
    r"a\s+(?:full|good|solid)\s+hour)\b",
    re.IGNORECASE,
)
_MINUTES = re.compile(
    rf"{_BEFORE}({_HOURS_MINUTES}|\d{{1,3}}[ \t]*(?:min(?:ute)?s?|hours?|hrs?))(?![a-z\d])", re.I
)
# A length said in words, with no digit (`Walked a mile this morning`).
_WORDED_LENGTH = re.compile(
    r"\b(?:a|one|half\s+a|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|a\s+hundred)\s+"
    r"(?:miles?|km|kilomet\w+|laps?|lengths?|hours?|minutes?|floors?)\b"
)
# A bare load after a lifting verb (`hit 225 today`, `pulled 160`, `got 185 for a double`).
_BARE_LOAD = re.compile(
    r"\b(?:hit|pulled|benched|squatted|pressed|lifted|deadlifted|worked\s+up\s+to|"
    r"got(?=\s+\d+\s+(?:up|for)\b)|did\s+\d{1,2}\s+(?:reps\s+)?at)\s+(\d{2,3})\b"
    r"(?!\s*(?:[:.]\d|min|mins|minutes|hours?|reps?|x\b|k\b|km|m\b|mi\b|miles?|laps?|times|%|"
    r"steps|pounds|lbs?|kgs?|kilos?|#|seconds|secs|s\b|yards|cal))",
    re.IGNORECASE,
)
# Words that take a lift's short name in another meaning (`dead hang`, `dead bug`).
_NOT_THE_LIFT = {("dead", "hang"), ("dead", "bug"), ("clean", "eating")}
_DISTANCE = re.compile(
    r"[\d\s](?:km|kms|kilomet|mile|mi\b|yard|yds|meter|metre|m\b|k\b|lap|length)"
)
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


def partial_log(text: str, units: Unit = "kg") -> Problem | None:
    """Return the question about a piece of a workout in `text`, which read as no log, or
    None if it holds none, or its numbers are about something else."""
    lower = text.lower()
    numbers = _DIGIT.search(lower) is not None
    worded = _WORDED_LENGTH.search(lower) is not None
    if not numbers and not worded and not _LENGTH.search(lower):
        return None
    if "?" in lower or NOT_TODAYS.search(lower) or named_subject(text):
        return None
    if PLAN.search(lower) or PAST.search(lower) or USUAL.search(lower):
        return None
    source = text.strip()[:200]
    load = _load(text)
    default = load or ("135lb" if units == "lb" else "60kg")
    words = _WORD.findall(lower)
    if numbers:
        at = _lift_word(words)
        if at is not None and words[at] not in ACTIVITIES:
            lift = _lift(words, at)
            bodyweight = lift is not None and lift.bodyweight and load is None
            sets = "3x8" if bodyweight else f"3x8 {default}"
            name = lift.name.lower() if lift is not None else singular(words[at])
            return Problem(
                "unreadable",
                source,
                f"I couldn't read the sets of that {name}, so nothing is logged. Send them like "
                f"`{name} {sets}`.",
            )
    if numbers or worded:
        activity = next((ACTIVITIES[w] for w in words if w in ACTIVITIES), None)
        if activity is not None:
            time = _CLOCK.search(text) or _MINUTES.search(text)
            said = (
                f"I couldn't read that {activity}"
                if time
                else f"I couldn't read how long that {activity} was"
            )
            example = f"{activity} {time[1] if time else '30 min'}"
            return Problem(
                "unreadable", source, f"{said}, so nothing is logged. Send it like `{example}`."
            )
    if load is not None:
        return Problem(
            "unreadable",
            source,
            f"I see {_spaced(load)} but not the lift or the reps, so nothing is logged. Send it "
            f"like `deadlift 5x3 {load}`.",
        )
    if (bare := _BARE_LOAD.search(text)) is not None and 20 <= int(bare[1]):
        load = f"{bare[1]}{units}"
        return Problem(
            "unreadable",
            source,
            f"I see {bare[1]} but not the lift, the reps or the unit, so nothing is logged. Send "
            f"it like `deadlift 5x3 {load}`.",
        )
    clock = _CLOCK.search(text)
    length = _LENGTH.search(text)
    said = _WORDED_LENGTH.search(lower)
    if clock is None and length is None and said is None:
        return None
    if clock is not None:
        piece, example = clock[1], f"run {clock[1]}"
    elif length is None:  # `65 FLOORS in TEN MINUTES!`
        piece = " ".join(said[0].split())
        example = f"{'run' if _DISTANCE.search(f' {piece}') else 'walk'} {piece}"
    else:
        piece = " ".join((length[1] or length[2]).split())
        if piece.lower().endswith(("w", "watt", "watts")):
            minutes = _MINUTES.search(text)
            example = f"bike {minutes[1] if minutes else '45 min'}"
        elif length[1] is not None and _is_distance(piece):
            example = f"run {piece} 45 min"
        else:
            example = f"walk {piece}"
    return Problem(
        "unreadable",
        source,
        f"I see {piece} but couldn't tell which session it was, so nothing is logged. If it "
        f"was one, send it like `{example}`.",
    )


def _is_distance(piece: str) -> bool:
    """Return whether `piece` is a distance: a bare `m` under 100 is minutes, as the parser
    reads it (`25m`), never metres."""
    if not _DISTANCE.search(piece):
        return False
    number = re.match(r"[\d.,]+", piece)
    plain_m = re.fullmatch(r"[\d.,]+\s*m", piece.lower()) is not None
    return not (plain_m and number is not None and float(number[0].replace(",", ".")) < 100)


def _lift_word(words: list[str]) -> int | None:
    """Return where the first word that alone names a lift is; two words that name one
    together (`push ups`) are joined into one in `words`."""
    for i, word in enumerate(words):
        if i + 1 < len(words) and (word, words[i + 1]) in _NOT_THE_LIFT:
            continue
        if singular(word) in NAME_WORDS_ALONE:
            return i
        if i + 1 < len(words) and singular(word + words[i + 1]) in NAME_WORDS_ALONE:
            words[i : i + 2] = [word + words[i + 1]]
            return i
    return None


def _lift(words: list[str], at: int) -> Exercise | None:
    """Return the catalogue lift the words around `words[at]` name (`dumb bell bench
    presses`: the dumbbell bench press), the longest such name first."""
    spans = sorted(
        ((start, end) for start in range(max(0, at - 3), at + 1) for end in range(at + 1, at + 4)),
        key=lambda span: span[0] - span[1],
    )
    for start, end in spans:
        if end <= len(words) and (found := resolve(" ".join(words[start:end]))) is not None:
            return found
    return resolve(singular(words[at]))


def _load(text: str) -> str | None:
    """Return the first load in `text` that one lift could be (`240kg`), as we write it."""
    for m in _LOAD.finditer(text):
        unit = "lb" if m[2] == "#" else unit_of(m[2].lower(), "kg")
        value = float(m[1].replace(",", "."))
        if 0 < value <= _HEAVIEST[unit]:
            return f"{m[1].replace(',', '.')}{unit}"
    return None


def _spaced(load: str) -> str:
    """Return `240kg` as prose writes it: `240 kg`."""
    return re.sub(r"(?<=\d)(?=[a-z])", " ", load)
