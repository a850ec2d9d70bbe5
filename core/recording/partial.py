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
from core.recording.notes import PAST, PLAN, USUAL

_KIN = (
    r"wife|husband|son|daughter|partner|friend|dad|mom|mum|father|mother|brother|sister|kids?|"
    r"grandson|granddaughter|boyfriend|girlfriend"
)
# Numbers that are no part of today's session of the writer's own.
_NOT_TODAYS = re.compile(
    # body weight
    r"\bweigh|\bbody\s*-?\s*weight|\bbw\b|\bscale\b|\bbmi\b|\b(?:lost|gained|lose|gain)\b"
    r"|^\s*weight\s*[:=\-–]"
    r"|\bi\s+(?:was|am|['’]m)\s+(?:at\s+|now\s+|down\s+to\s+|up\s+to\s+)?\d|\bup\s+from\b|\bdown\s+(?:to|from)\b"
    # totals over days, steps, streaks, tonnage
    r"|\bthis\s+(?:week|month|year|season)|\bso\s+far\b|\bper\s+(?:day|week|month)\b"
    r"|\ba\s+(?:day|week|month|year)\b|\b(?:daily|weekly|monthly|yearly)\b|\bsteps\b"
    r"|\bstreak\b|\btotall?ed\b|\bvolume\b|\btonnage\b|\bin\s+total\b|\bmost\s+days\b"
    r"|\b(?:the|for\s+the|during\s+the)\s+(?:month|year|summer|winter|spring|autumn|season)\b"
    # a year named (`Back in January 2013`), a future (`Next up, 200lbs!`, `I WILL walk`)
    r"|\b(?:in|since|of|during)\s+(?:19[5-9]\d|20[0-4]\d)\b|^\s*(?:19|20)\d\d\s*:"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}\w*,?\s+)?"
    r"(?:19|20)\d\d\b|\bnext\b|\bi['’]ll\b"
    r"|\b(?:i|we)\s+will\b(?!\s+say\b)"
    # a description of oneself: age, height (`32 y/o male, 5’8” 210 lbs`)
    r"|\by/?o\b|\byears?\s+old\b|\bvitals\b|\b[4-7]\s*[′'’]\s*(?:1[01]|\d)\s*[″\"”]?(?!\d)"
    # rest between sets, a one-rep max, other people around (`There were 30 nordic walkers`)
    r"|\brest(?:ing)?[ \t]*(?::|\d)|\bbetween\s+sets\b|\b1\s*rm\b|\bone[- ]rep\s+max\b"
    r"|\bthere\s+(?:were|are|was|is)\b"
    # what one can do, a best from before
    r"|\b(?:i|you|we)\s+can\b|\bcan\s+(?:do|bench|squat|lift|deadlift|press|run|walk)\b"
    r"|(?<!\bas\si\s)(?<!\bas\swe\s)\bcould\b"
    r"|\bmy\s+(?:\w+\s+){0,2}(?:best|pr|pb|record|1\s*rm|max|maxes)\s+(?:is|was|are|were|:)"
    r"|\bpersonal\s+(?:best|record)\s+(?:is|was)\b"
    r"|\b(?:previous|old|all[- ]time)\s+(?:best|pr|pb|record)\b"
    r"|\bbest\s+time\b"
    # someone else
    r"|\b(?:he|she|his|her|him|they|their|guy|girl|woman|lady|someone|somebody|everyone|athlete)\b"
    rf"|\b(?:{_KIN})\b"
    # sleep, work, money, pain
    r"|\bsleep|\bslept\b|\bwork(?:ed)?\s+\d|\bbought\b|\bcosts?\b|\bpaid\b|\bprice\b"
    r"|\bpain\b|\bhurts?\b|\bsore\b|\binjur"
)
_NUMBER = r"\d{1,4}(?:[.,]\d{1,2})?"
_BEFORE = r"(?<![\w.,:/])"  # a number of its own (not `c25k`, `1.5`, `3/4`)
_LOAD = re.compile(
    rf"{_BEFORE}({_NUMBER})[ \t]*(kgs?|kilos?|kilograms?|lbs?|pounds?|#)(?![a-z])", re.IGNORECASE
)
_LB = ("lb", "lbs", "pound", "pounds", "#")
_HEAVIEST = {"kg": 500.0, "lb": 1100.0}  # above that: a session's tonnage, not a load
# A time on a clock (`27:40`, `1:04:32`), never a time of day (`at 9:00`, `6:30am`) or a pace.
_CLOCK = re.compile(
    r"(?<![\d:.,/])(?<!\bat )(?<!\bby )(?<!\baround )(?<!\buntil )(?<!\bfrom )(?<!\bto )"
    r"(\d{1,2}:\d{2}(?::\d{2})?(?:\.\d)?)(?![\d:]|\.\d)"
    r"(?!\s*(?:am|pm|a\.m|p\.m|o'?clock|per\b|min\s*/|a\s+mile|/\s*(?:mi|km|k\b|100|500)))",
    re.IGNORECASE,
)
_LENGTH = re.compile(
    rf"{_BEFORE}({_NUMBER}\s*(?:min(?:ute)?s?|hours?|hrs?|km|kms|kilomet(?:er|re)s?|"
    r"miles?|mi|yards?|yds|meters?|metres?|m|k|laps?|lengths?|watts?|w))(?![a-z])"
    r"|\b((?:half\s+an|an|one|two|three)\s+hours?|half\s+(?:an\s+)?hour)\b",
    re.IGNORECASE,
)
_MINUTES = re.compile(rf"{_BEFORE}(\d{{1,3}}[ \t]*(?:min(?:ute)?s?|hours?|hrs?))(?![a-z])", re.I)
_DISTANCE = re.compile(
    r"[\d\s](?:km|kms|kilomet|mile|mi\b|yard|yds|meter|metre|m\b|k\b|lap|length)"
)
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


def partial_log(text: str, units: Unit = "kg") -> Problem | None:
    """Return the question about a piece of a workout in `text`, which read as no log, or
    None if it holds none, or its numbers are about something else."""
    lower = text.lower()
    if not _DIGIT.search(lower) and not _LENGTH.search(lower):
        return None
    if "?" in lower or _NOT_TODAYS.search(lower):
        return None
    if PLAN.search(lower) or PAST.search(lower) or USUAL.search(lower):
        return None
    source = text.strip()[:200]
    load = _load(text)
    default = load or ("135lb" if units == "lb" else "60kg")
    words = _WORD.findall(lower)
    if _DIGIT.search(lower):
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
    clock = _CLOCK.search(text)
    length = _LENGTH.search(text)
    if clock is None and length is None:
        return None
    if clock is not None:
        piece, example = clock[1], f"run {clock[1]}"
    else:
        piece = " ".join((length[1] or length[2]).split())
        distance = length[1] is not None and _DISTANCE.search(piece) is not None
        watts = piece.lower().endswith(("w", "watt", "watts"))
        example = "bike 45 min" if watts else f"run {piece} 45 min" if distance else f"walk {piece}"
    return Problem(
        "unreadable",
        source,
        f"I see {piece} but not what it was, so nothing is logged. Send it like `{example}`.",
    )


def _lift_word(words: list[str]) -> int | None:
    """Return where the first word that alone names a lift is; two words that name one
    together (`push ups`) are joined into one in `words`."""
    for i, word in enumerate(words):
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
        unit = "lb" if m[2].lower() in _LB else "kg"
        value = float(m[1].replace(",", "."))
        if 0 < value <= _HEAVIEST[unit]:
            return f"{m[1].replace(',', '.')}{unit}"
    return None


def _spaced(load: str) -> str:
    """Return `240kg` as prose writes it: `240 kg`."""
    return re.sub(r"(?<=\d)(?=[a-z])", " ", load)
