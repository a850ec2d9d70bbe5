"""Finds the durations written in a cardio note and what each one is, then the session's.

Forms read: `45 min`, `45m`, `45-minute`, `20'`, `37′ 30″`, `90 seconds`, `1h15`,
`1h 01′ 42″`, `1h:01m:18s`, `1 hour and 33 minutes`, `an hour and 10 minutes`, `half an
hour`, `0.67hr`, `1:30hrs`, and clock forms `1:04:04`, `40:41`, `23:14.87` (`a:bb` is
hours:minutes when `a` is at most MAX_CLOCK_HOURS, unless a distance makes only
minutes:seconds plausible).

Not durations at all: a list of three or more clock times (splits), a pace (`5:30/km`,
`8:21 min/mile`, `10.31 minutes a mile`, `7:03 pace`, `pace of 10:28`), a bare clock after
`@`, `at` or `/` (a pace, a send-off or a time of day), a clock before am/pm, `every 20
minutes`, and anything inside brackets unless the brackets hold only a duration
(`(15 minute deficit)` is a note).

Each duration has a role, from the words around it: `total` (`20 min total`, `40:41 time`,
`took 32 minutes`, `Duration: 23:14`), `repeat` (`4x4 min`, `4 sets of 30 second`), `part`
(rest, warm-up, cool-down, `first`/`last` minutes, time in an unnumbered zone or above or
below range), `bound` (`less than an hour`), or `plain`; a duration in a numbered zone
(`18 minutes in zone 2`, `Zone 2 for 45 minutes`) also records that zone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from core.recording.set_notation import number

MAX_CLOCK_HOURS = 5
# Speeds (km/h) that any cardio session can plausibly have, to read `a:bb` beside a distance.
MIN_KMH, MAX_KMH = 1.0, 60.0
# `Nm` glued is minutes below this; `500m` is metres.
MAX_BARE_M_MINUTES = 100
SAME = 0.5  # minutes: durations this close are the same one written twice

Role = Literal["plain", "total", "repeat", "part", "bound", "piece"]
# Why a note's durations give no one session length (see `session_minutes`).
Unclear = Literal["none", "several", "zones", "intervals", "parts", "bound"]

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
}  # fmt: skip
_W = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_N = rf"\d+(?:\.\d+)?|\.\d+|{_W}"
_MIN = r"(?:minutes?|mins?)\b|['′’](?!s\b)"  # `20'`; never `the 70's`
_SEC = r"(?:seconds?|secs?)\b\.?|[\"″”]|''"
_HRS = r"(?:hours?|hrs?|h)(?![a-z])\.?"
_TOKEN = re.compile(
    rf"(?<![a-wyz\d_.:])(?P<ch>\d{{1,2}}):(?P<cm>[0-5]\d)\s*{_HRS}"  # 1:30hrs
    rf"|(?<![a-wyz\d_.:])(?P<c1>\d{{1,2}}):(?P<c2>[0-5]\d)(?::(?P<c3>[0-5]\d))?(?P<cf>\.\d+)?(?![\d:])"
    r"|(?<![\w.])(?P<half>half(?:\s+an)?|a\s+half)[\s-]+hour\b"  # `half hour walk`
    rf"|(?<![a-wyz\d_.])(?P<h>{_N}|an?(?=\s)|(?=hour[\s-]*long\b))\s*-?\s*{_HRS}"
    rf"(?:\s*(?:and\s+)?(?P<hhalf>a\s+half)\b"
    rf"|\s*:?\s*(?:and\s+)?(?P<hm>\d{{1,2}}(?:\.\d+)?|{_W})\s*(?:{_MIN}|m\b)"
    rf"(?:\s*:?\s*(?P<hs>\d{{1,2}})\s*(?:{_SEC}|s\b))?"
    # `1 hour, 26 minutes, which...`: a comma only where nothing follows the minutes
    rf"|\s*,\s*(?P<hc>\d{{1,2}}|{_W})\s*(?:minutes?|mins?)\b(?=\s*(?:[,.;)!]|$))"
    r"|:?(?P<hg>\d{1,2})(?![\w.:]))?"
    rf"|(?<![a-wyz\d_.])(?P<m>{_N})(?:\s*-?\s*(?:{_MIN})|(?P<bare_m>m)(?![a-z]))"
    rf"(?:\s*(?P<ms>\d{{1,2}})\s*(?:{_SEC}|s\b))?"
    rf"|(?<![a-wyz\d_.])(?P<s>{_N})\s*-?\s*(?:{_SEC})"
)
_BRACKETS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_ZONE_NUMBER = re.compile(rf"\b(?:zone|z)\s*-?\s*(\d|{_W})\b")
_CLOCK = r"\d{1,2}:[0-5]\d(?::[0-5]\d)?(?:\.\d+)?"
_SPLITS = re.compile(rf"(?<![\d:.])(?:{_CLOCK}\s*[,/|;]\s*){{2,}}{_CLOCK}(?![\d:])")
_DISTANCE_UNIT = r"(?:km|k|kilomet\w*|mi|miles?|m|met(?:er|re)s?|y|yds?|yards?|laps?|lengths?)\b"
_PACE_AFTER = re.compile(
    r"(?:\s*(?:-|–|to|bis|a|à|al)\s*[\d:.]+)?\s*(?:(?:minutes?|mins?)\b|['′’])?\s*"
    rf"(?:(?:/|\bper\b|\ban?\b|\beach\b)\s*\d*\s*{_DISTANCE_UNIT}"
    r"|(?:(?:avg|average|overall|target|mile|km|race|hundreds?|100s?)\.?\s*)*pace\b)"
)
# `30 minutes of weight training`, `10 minutes of stretching`: time for other work, not the
# session's
_OTHER_WORK_AFTER = re.compile(
    r"\s*(?:of\s+)?(?:weight|strength|resistance|circuit)\s*(?:training|work|lifting|room)\b"
    r"|\s*of\s+(?:weights|lifting|stretching|yoga|pilates|abs|core|mobility|foam\s+rolling)\b"
)
_POOL_AFTER = re.compile(r"\s*(?:pool|lengths?|laps?|sprints?|swim|freestyle|crawl)\b")
_PACE_BEFORE = re.compile(
    r"\b(?:pace|tempo|ritmo)\s*(?:of|was|at|is|von|de|di|:|=)?\s*"
    r"(?:about|around|roughly|um\s+die|etwa|ungefähr|circa|o+h+|u+m+|u+h+|like)?\s*$"
)
# `pace went from 16 to 13:41`: the clocks of a pace that changed
_PACE_CHANGE_BEFORE = re.compile(
    r"\bpace\s+(?:went\s+|dropped\s+|came\s+down\s+)?from\b[^.\n]{0,15}$"
)
_CLOCK_NOT_DURATION_BEFORE = re.compile(r"(?:@|\bat|/|\bit['’]?s|\bit\s+is|\bnow)\s*$")
# `by 6:30`, `until 8:15`, `from 7:30`, `started 6:45`: a time of day; with one in the note,
# no bare clock in it is a duration (`Walked till 7:30, started 6:45`: how long?)
_DAY_CLOCK = re.compile(
    r"\b(?:by|until|till|before|since|from|started|starting|finished|left|got\s+back)\s+"
    r"(?:at\s+)?\d{1,2}:[0-5]\d(?![\d:])"
)
# `7:00am`, and `5:30` in `5:30-7:00am`: times of day
_TIME_OF_DAY_AFTER = re.compile(r"\s*(?:[-–]\s*\d{1,2}(?::\d\d)?\s*)?[ap]\.?m\b")
# `around 8:30 this morning`, `by 6:15 tonight`: a time of day, said with the day's part
_TIME_OF_DAY_SAID = re.compile(r"\b(?:around|about)\s*$")
EARLIEST_HOUR_SAID = 6  # `around 8:30 this morning` is a time of day; `about 1:10`, a time
_PART_OF_DAY_AFTER = re.compile(
    r"\s*(?:(?:this|in\s+the|that|on\s+\w+)\s+(?:morning|afternoon|evening|night)|tonight)\b"
)
# `erg 5000m 2:30 avg`: an average split; but in `57:22 avg 5:02` the average is the next
# clock's, and that one is no time either
_AVERAGE_AFTER = re.compile(
    r"\s*(?:avg|average)\b(?!\s*(?:hr|heart|pulse|speed|power|\.?\s*(?:pace|split)?\s*:?\s*\d))"
)
_AVERAGE_BEFORE = re.compile(r"\b(?:avg|average)\.?\s*(?:pace|split)?\s*:?\s*$")
_EVERY_BEFORE = re.compile(r"\bevery\s*$")
# `taking 34 seconds off my best`, `10 secs better than my PB`: a difference, not a time
_BETTER_AFTER = re.compile(
    r"\s*(?:off\s+(?:my|the|his|her|our|last)\b|(?:faster|quicker|slower|better|worse)\s+than\b"
    r"|ahead\s+of\b|behind\s+(?:me|him|her|them)\b)"
)
_OFF_BEST = re.compile(r"\s*off\s+(?:my|the|his|her|our)\s+(?:\w+\s+)?(?:best|pb|pr|record|time)\b")
_AGO_AFTER = re.compile(r"\s*ago\b")
# ... unless the time is the session's own (`Ran 5k in 27:10 faster than last week`)
_OWN_TIME_BEFORE = re.compile(
    r"\b(?:in|took|time|for|of|was|a|did|ran|walked|rode|rowed|cycled|swam|hiked|jogged)\s*$"
)
# `averaging 54.7km an hour`, `at 15 miles an hour`: a speed (`rode 30km an hour and a half`
# is a time)
_SPEED_UNIT_BEFORE = re.compile(
    r"\b(?:averag\w*|avg|at|speed|pace)\s+(?:of\s+)?(?:about\s+|around\s+)?\d+(?:\.\d+)?\s*"
    r"(?:km|kms|kilomet\w*|k|mi|miles?)\s*$"
)
# `instead of my usual 45 minutes`: what one usually does, not this session's time
_USUAL_BEFORE = re.compile(
    r"\b(?:instead\s+of|than|rather\s+than)\s+(?:my\s+|the\s+|our\s+)?(?:usual|normal|regular|"
    r"typical)\s*$"
    # `instead of just walking for 30 minutes as planned`: what was not done
    r"|\binstead\s+of\s+(?:just\s+)?[a-z]+ing\s+(?:for\s+)?(?:about\s+|around\s+)?$"
)
_TOTAL_AFTER = re.compile(
    r"\s*(?:in\s+)?(?:total|overall|time|elapsed|duration|altogether|all\s+in)\b"
)
_TOTAL_BEFORE = re.compile(
    r"\b(?:total(?:\s+time)?|duration|time|took(?:\s+me)?|completed\s+in|finished\s+in|"
    r"in\s+total|elapsed|lasted)\s*(?:of|was|is|:|=|-)?\s*(?:about|around|roughly|~)?\s*$"
)
_REPEAT_BEFORE = re.compile(
    rf"(?:(?<![\w.])\d{{1,3}}\s*x\s*|\b(?:\d+|{_W})\s*(?:sets?|rounds?|reps?|repeats?|intervals?)"
    r"\s*of\s*)$"
)
_REPEAT_AFTER = re.compile(r"\s*x\s*\d|\s*(?:for\s+)?each\b")  # `10:30 for each`: a piece's
# `30 minutes, with 4 minute intervals`, `45 min with 5x3 min intervals`: pieces inside the
# session, whose time is the plain one beside them
_PIECE_BEFORE = re.compile(r"\b(?:with|including|incl\.?|doing)\s+(?:\d{1,2}\s*x\s*)?$")
# `an hour ride with some good intervals ( 20 x 1-minute, ...)`: the intervals listed
_LISTED_PIECES = re.compile(r"\bintervals?\s*[(:-]\s*\d{1,2}\s*x\s*$")
_PIECE_AFTER = re.compile(r"\s*(?:hard\s+|fast\s+)?intervals?\b")
_REPEATED = re.compile(
    r"\brepeat(?:ed|s)?\b|\b(?:[2-9]|\d\d+)\s*times\b|(?<=[\s(])x\s*(?:[2-9]|\d\d+)\b"
)
_PART_BEFORE = re.compile(
    r"(?:\b(?:first|last|final|next|rest|recovery|warm(?:ing|ed)?\s*-?\s*up(?:\s+(?:for|of))?|"
    r"cool(?:ing|ed)?\s*-?\s*down(?:\s+(?:for|of))?|warmup|cooldown|break(?:\s+of)?)"
    r"|(?:\d|['′’\"″”]|mins?|minutes?|secs?|seconds?)\s*/)\s*$"
)
_PART_AFTER = re.compile(
    r"\.?\s*(?:of\s+)?(?:(?:easy|short|quick)\s+(?=rest|break|pause))?"
    r"(?:(?:walk(?:ing)?|jog(?:ging)?|easy)\s+recover(?:y|ies)\b|pauses?\b|"
    r"rest|recovery|recoveries|recover|break|off\b(?!\s+(?:the|my|road|trail|path|piste))|"
    r"warm\s*-?\s*up|warmup|cool\s*-?\s*down|"
    r"cooldown|r\b|above|below|(?:(?:were|was)\s+)?(?:spent\s+)?in\s+(?:the\s+)?zone\b(?!\s*\d))"
)
# `The first mile I ran in 9:34`: a split of the session, not its time
_SPLIT_BEFORE = re.compile(
    r"\b(?:first|last|final|second|third|fastest|slowest|opening)\s+(?:mile|km|kilomet\w+|lap|"
    r"length|half|split|5k|10k)\b[^.\n\d]{0,25}$"
)
_BOUND_BEFORE = re.compile(
    r"\b(?:less\s+than|under|over|more\s+than|nearly|almost|just\s+over|just\s+under|"
    r"at\s+least|up\s+to|upwards\s+of|had\s+only\s+(?:\w+\s+)?(?:for\s+)?)\s*$"
)
_ZONE_AFTER = re.compile(
    r"\s*(?:(?:were|was)\s+)?(?:spent\s+)?(?:(?:in|at)\s+)?(?:(?:heart\s*(?:rate\s*)?)?zone|z)"
    r"\s*(\d(?:\s*(?:-|&|/|and|to)\s*\d)?)\b"
)
_ZONE_BEFORE = re.compile(r"\b(?:zone|z)\s*(\d)\s*(?:for|:|-|–)?\s*$")
_DIGITS = re.compile(r"\d")
_PRIMES = "'′’"
_FEET = re.compile(r"(?<![\d.])(\d+)\s*(?:feet|foot|ft)\b")
_CLIMB_AFTER = re.compile(r"\s*(?:of\s+)?(?:ascent|descent|climb(?:ing)?|elevation|gain|vert)\b")


@dataclass(frozen=True)
class Duration:
    minutes: float
    role: Role
    zones: frozenset[str] = field(default_factory=frozenset)


_TENS = {w: WORD_NUMBERS[w] for w in ("twenty", "thirty", "forty", "fifty")}
_UNITS = {w: n for w, n in WORD_NUMBERS.items() if n < 10}
_COMPOUND = re.compile(rf"\b({'|'.join(_TENS)})[\s-]+({'|'.join(_UNITS)})\b")
# Times said as people say them, each as minutes (at the same length, so the text around
# still lines up): `quarter of an hour`, `three quarters of an hour`, `an hour and a
# quarter`, `hour and 20 min` (no `an`).
_SPOKEN_TIMES = (
    (re.compile(r"\bthree[\s-]+quarters?\s+of\s+an\s+hour\b"), "45 min"),
    (re.compile(r"\b(?:a\s+|one\s+)?quarter\s+of\s+an\s+hour\b"), "15 min"),
    (re.compile(r"(?<![\d.])(?:1\s*/\s*2|½)\s*(?:an\s+)?hour\b"), "30 min"),  # `1/2 an hour`
    (re.compile(r"\b(?:an?\s+|one\s+)?hour\s+and\s+a\s+quarter\b"), "75 min"),
    (re.compile(r"(?<![\w.])hour\s+and\s+(?=\d)"), "1h and "),
    (re.compile(r"\b(?:an?|one)\s+(?:full|whole|good|solid|entire)\s+hour(?:['’]s)?\b"), "60 min"),
)


# `an hour and 15`, `1hr 15`, `1 hour 20`, `2h 30`: the bare number after the hours is
# their minutes (`1h15`), unless a unit says otherwise (`1h 3 miles`).
_HOUR_AND_BARE = re.compile(
    r"(?<![\w.])(?:(an?|one|[1-9])\s*(?:hours?|hrs?|h)|hours?)\s+(?:and\s+)?([0-5]?\d)(?![\d.,:])"
    r"(?!\s*(?:m|mins?|minutes?|s|secs?|seconds?|k|km|kms|mi|miles?|x|reps?|kgs?|lbs?|sets?"
    r"|laps?|lengths?|y|yds?|yards?|metres?|meters?|times|%|bpm|hr|heart|steps?)\b)"
)


# `nine and one-half minutes`, `40 and a half min`: a half more
_AND_A_HALF = re.compile(
    rf"(?<![\w.])({_N})\s+and\s+(?:a|one)[\s-]+half(?=\s+(?:{_MIN}|hours?|hrs?)\b)"
)


def _half_more(m: re.Match[str]) -> str:
    return f"{_value(m[1]) + 0.5:g}".ljust(len(m[0]))


def _spoken(scan: str) -> str:
    """Return `scan` with spoken numbers and times as digits, each padded to its length."""
    scan = _COMPOUND.sub(lambda m: f"{_TENS[m[1]] + _UNITS[m[2]]}".ljust(len(m[0])), scan)
    if "half" in scan:
        scan = _AND_A_HALF.sub(_half_more, scan)
    for pattern, minutes in _SPOKEN_TIMES:
        scan = pattern.sub(
            lambda m, w=minutes: w.ljust(len(m[0])) if len(w) <= len(m[0]) else m[0], scan
        )
    return scan


def _hours_and_minutes(m: re.Match[str]) -> str:
    hours = m[1] if m[1] is not None and m[1].isdigit() else "1"
    return f"{hours}h{m[2]}".ljust(len(m[0]))


def _zone_label(z: re.Match[str]) -> str:
    """Return a zone's label with its number blanked; before a bare `hour`, as `a`."""
    label = z[0][: z.start(1) - z.start()]
    if _HOUR_NEXT.match(z.string, z.end()):
        return (label + "a").ljust(len(z[0]))  # `zone 2 hour`: an hour of it
    return label.ljust(len(z[0]))


_HOUR_NEXT = re.compile(r"\s+hour\b")


def find_durations(text: str, distance_km: float | None = None) -> list[Duration]:
    """Return the durations written in lowercased `text`, in order, each with its role.

    With a distance, an `a:bb` clock that is only plausible as minutes:seconds is read so.
    """
    text = _SPLITS.sub(lambda m: " " * len(m[0]), _BRACKETS.sub(_bracket, text))
    scan = text
    if "z" in text:  # `zone 2 hour long`: the zone's number is no count of hours
        scan = _ZONE_NUMBER.sub(_zone_label, text)
    if "ty" in scan or "quarter" in scan or "hour and" in scan or "half" in scan or " hour" in scan:
        scan = _spoken(scan)
    if "h" in scan:
        scan = _HOUR_AND_BARE.sub(_hours_and_minutes, scan)
    found = []
    feet = set(_FEET.findall(text)) if "f" in text else set()
    day_clocks = ":" in text and _DAY_CLOCK.search(text) is not None
    for m in _TOKEN.finditer(scan):
        end = m.end()
        while end < len(text) and scan[end] != text[end]:
            end += 1  # past the padding of a time said in words
        before, after = text[max(0, m.start() - 40) : m.start()], text[end : end + 60]
        minutes = _minutes(m, distance_km)
        if minutes is None or _not_a_duration(m, before, after):
            continue
        if day_clocks and m["c1"] is not None and m["c3"] is None:
            continue  # `Walked till 7:30, started 6:45`: times of day, not how long
        if m[0][-1] in _PRIMES and (m["m"] in feet or _CLIMB_AFTER.match(after)):
            continue  # `220 for 50'` beside `50 feet`, `267’ ascent`: feet, not minutes
        found.append(Duration(minutes, _role(before, after), _zones(before, after)))
    return found


def session_minutes(durations: list[Duration], repeats: bool) -> float | Unclear:
    """Return the session's minutes from its durations, or why they do not say it.

    A stated total wins. Otherwise: time split over two or more zones is one session of
    unstated length (`zones`); intervals without a total are `intervals`; one plain
    duration (written once or repeated) is the session unless parts beside it do not add
    up to it; of several plain ones, one that is the sum of the others is the total.
    """
    totals = _distinct(d.minutes for d in durations if d.role == "total")
    if totals:
        return totals[0] if len(totals) == 1 else "several"
    if len(frozenset().union(*(d.zones for d in durations))) > 1:
        return "zones"
    if any(d.role == "piece" for d in durations) and not repeats:
        # `bike 45 min, with 5x3 min intervals`: the one plain time is the session's
        plain = _distinct(d.minutes for d in durations if d.role == "plain")
        if len(plain) == 1 and not any(d.role == "repeat" for d in durations):
            return plain[0]
        return "intervals"
    if any(d.role == "repeat" for d in durations) or (repeats and durations):
        return "intervals"
    written = [d.minutes for d in durations if d.role == "plain"]
    plain = _distinct(written)
    parts = [d.minutes for d in durations if d.role == "part"]
    if not plain:
        if any(d.role == "bound" for d in durations):
            return "bound"
        return "parts" if parts else "none"
    if len(plain) == 1:
        return plain[0] if not parts or _same(plain[0], sum(parts)) else "parts"
    for total in plain:
        if _same(total, sum(written) - total + sum(parts)):
            return total
    return "several"


def _distinct(values: Iterable[float]) -> list[float]:
    kept: list[float] = []
    for value in values:
        if not any(_same(value, k) for k in kept):
            kept.append(value)
    return kept


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= SAME


def repeated(text: str) -> bool:
    """Return whether `text` says its work was repeated (`repeated 8 times`, `(x6)`)."""
    return bool(_REPEATED.search(text))


def _bracket(m: re.Match[str]) -> str:
    inner = m[1] if m[1] is not None else m[2]
    # `(2:26:25)`: hours, minutes and seconds are a time; `(1:35/100)`, `(8:21)` may be a pace
    t = _TOKEN.fullmatch(inner.strip())
    only_duration = t is not None and (t["c1"] is None or t["c3"] is not None)
    return f" {inner} " if only_duration else " " * len(m[0])


def _value(text: str) -> float:
    return float(WORD_NUMBERS[text]) if text in WORD_NUMBERS else number(text)


def _minutes(m: re.Match[str], distance_km: float | None) -> float | None:
    if m["ch"] is not None:
        return int(m["ch"]) * 60.0 + int(m["cm"])
    if m["c1"] is not None:
        return _clock(m, distance_km)
    if m["half"] is not None:
        return 30.0
    if m["h"] is not None:
        hours = 1.0 if m["h"] in ("a", "an", "") else _value(m["h"])  # `hour-long`: an hour
        extra = 30 if m["hhalf"] else _value(m["hm"] or m["hc"] or m["hg"] or "0")
        return hours * 60 + extra + int(m["hs"] or 0) / 60
    if m["m"] is not None:
        value = _value(m["m"])
        if m["bare_m"] and value >= MAX_BARE_M_MINUTES:
            return None  # `500m` is metres
        return value + int(m["ms"] or 0) / 60
    return _value(m["s"]) / 60


def _clock(m: re.Match[str], distance_km: float | None) -> float:
    first, second = int(m["c1"]), int(m["c2"])
    if m["c3"] is not None:
        return first * 60 + second + int(m["c3"]) / 60
    as_hours, as_minutes = first * 60 + second, first + (second + float(m["cf"] or 0)) / 60
    if first > MAX_CLOCK_HOURS:
        return as_minutes
    if (
        distance_km
        and not _plausible(distance_km, as_hours)
        and _plausible(distance_km, as_minutes)
    ):
        return as_minutes
    return as_hours


def _plausible(distance_km: float, minutes: float) -> bool:
    return minutes > 0 and MIN_KMH <= distance_km / (minutes / 60) <= MAX_KMH


def _not_a_duration(m: re.Match[str], before: str, after: str) -> bool:
    if m["bare_m"] and _POOL_AFTER.match(after):
        return True  # `the 25m pool`: metres
    if _PACE_AFTER.match(after) or _EVERY_BEFORE.search(before) or _OTHER_WORK_AFTER.match(after):
        return True
    if _USUAL_BEFORE.search(before):
        return True
    if _BETTER_AFTER.match(after) and (
        not _OWN_TIME_BEFORE.search(before) or _OFF_BEST.match(after)
    ):
        return True  # `taking 34 seconds off my best`, `took 2 min off my best`: a difference
    if _AGO_AFTER.match(after):
        return True  # `Ran 5k an hour ago`: when, not how long
    if (
        m["h"] in ("a", "an")
        and not m["hhalf"]
        and not m["hm"]
        and _SPEED_UNIT_BEFORE.search(before)
    ):
        return True  # `averaging 54.7km an hour`: a speed
    if _PACE_BEFORE.search(before) and m["c3"] is None:
        return True  # `pace 8:21`; but `14:36 pace (2:26:25)`: hours are no pace
    clock = m["c1"] is not None
    if clock and _PACE_CHANGE_BEFORE.search(before):
        return True
    return clock and bool(
        _CLOCK_NOT_DURATION_BEFORE.search(before)
        or _TIME_OF_DAY_AFTER.match(after)
        or (
            _TIME_OF_DAY_SAID.search(before)
            and _PART_OF_DAY_AFTER.match(after)
            and int(m["c1"]) >= EARLIEST_HOUR_SAID
        )
        or _AVERAGE_AFTER.match(after)
        or _AVERAGE_BEFORE.search(before)
    )


def _role(before: str, after: str) -> Role:
    if _TOTAL_AFTER.match(after) or _TOTAL_BEFORE.search(before):
        return "total"
    if (_PIECE_BEFORE.search(before) and _PIECE_AFTER.match(after)) or _LISTED_PIECES.search(
        before
    ):
        return "piece"
    if _REPEAT_BEFORE.search(before) or _REPEAT_AFTER.match(after):
        return "repeat"
    if _PART_BEFORE.search(before) or _PART_AFTER.match(after) or _SPLIT_BEFORE.search(before):
        return "part"
    if _BOUND_BEFORE.search(before):
        return "bound"
    return "plain"


def _zones(before: str, after: str) -> frozenset[str]:
    if m := _ZONE_AFTER.match(after):
        return frozenset(_DIGITS.findall(m[1]))
    if m := _ZONE_BEFORE.search(before):
        return frozenset(m[1])
    return frozenset()
