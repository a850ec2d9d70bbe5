"""Works out a session's minutes from its distance and its pace or speed, when no time is given.

`5k run @ 5:30/km` is 27.5 minutes, `4 miles @ 8:55 average pace` 35.7, `treadmill 7.2 mph,
3.0 miles` 25. It is arithmetic, not a guess, so only when the note says it once: exactly
one distance and exactly one pace or speed, the pace's distance unit written or the same
as the distance's, and a speed any session can have. A rower's `/500m` split, a pace with
two distances, a rough figure (`about 16mph`, `just over 20 miles`), or a pace for part of
it or a peak (`last mile at 7:30`, `4x400m`, `max speed 28 mph`) is asked about.

A pace also says what the session was when nothing else does: a pace per km or per mile
faster than a brisk walk can go (`8:17 pace` over `7.73 miles`) is a run.
"""

from __future__ import annotations

import re

KM_PER_MILE = 1.609344
MIN_KMH, MAX_KMH = 2.0, 60.0
# A brisk walk reaches 12 minutes a mile (8 km/h); under 7:04 a kilometre (8.5 km/h) it is a
# run. Past 3:00 a kilometre (20 km/h) a pace is a rower's split or a ride: asked.
RUN_MIN_KMH, RUN_MAX_KMH = 8.5, 20.0
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
SPEED = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(mph|km\s*/\s*h(?:ou)?r?|kph|kmh)\b")

# A distance in km or miles, never the `km` of a speed (`25 km/h`).
_DISTANCE = re.compile(
    rf"(?<![\w.:/])(\d+(?:\.\d+)?|\.\d+|{'|'.join(NUMBER_WORDS)})"
    r"\s*-?\s*(?:(km|kilomet(?:er|re)s?|k)|(mi|miles?))(?![a-z]|/)"
)
_OTHER_DISTANCE = re.compile(r"(?<![\w.:/])\d+(?:\.\d+)?\s*(?:m|met(?:er|re)s?|y|yds?|yards?)\b")
_CLOCK = r"(?<![\d:.])(\d{1,2}):([0-5]\d)(?![\d:])"
_PACE = re.compile(
    rf"{_CLOCK}\s*(?:min(?:utes?|s)?\s*)?"
    r"(?:(?:/|\bper\s+|\ba\s+)\s*(km|k|kilomet\w*|mi|miles?)\b"
    r"|\s*(?:(?:avg|average|overall|mile|km)\.?\s*)*pace\b)"
    rf"|\bpace\b[^\d:]{{0,30}}?{_CLOCK}\s*(?:min(?:utes?|s)?\s*)?(?:(?:/|\bper\s+)\s*(km|k|mi|miles?)\b)?"
)
# A rower's or swimmer's split: `2:20/500 meters`, `1:45/100m`.
_SPLIT = re.compile(r"/\s*\d+\s*(?:m|met(?:er|re)s?)\b")
# A split or a rough figure (`just over 20 miles at about 16mph`)
_NOT_EXACT = re.compile(
    _SPLIT.pattern + r"|\b(?:about|around|roughly|approx\w*|nearly|almost|"
    r"just\s+(?:over|under)|over|under|more\s+than|less\s+than|at\s+least|target|goal)\b|~"
    # a pace or speed for part of it, or a peak: `last mile at 7:30`, `4x400m`, `top speed`
    r"|\b(?:max(?:imum)?|top|best|fastest|slowest|peak|last|first|final|split|splits|incl|including|"
    r"with|then|each|every|lap|laps|intervals?|repeats?|strides?)\b|\d\s*x\s*\d"
)


# A peak speed in its own words: `(29.0 mph max)`, `max speed 28 mph`, `top 35 km/h`.
_PEAK = r"(?:max(?:imum)?|top|peak|fastest|best|highest)"
_PEAK_SPEED = re.compile(
    rf"\(?\s*{_PEAK}\s*(?:speed)?\s*[:=]?\s*\d+(?:\.\d+)?\s*(?:mph|km/h|kph|kmh)\s*\)?"
    rf"|\(?\s*\d+(?:\.\d+)?\s*(?:mph|km/h|kph|kmh)\s*{_PEAK}\b\s*\)?"
)


def kmh(speed: re.Match[str]) -> float:
    """Return a `SPEED` match in km/h."""
    return float(speed[1]) * (KM_PER_MILE if speed[2] == "mph" else 1.0)


def _pace_kmh(m: re.Match[str], in_miles: bool) -> float | None:
    """Return a `_PACE` match as km/h; `in_miles` is the unit of a pace that names none."""
    minutes, seconds, unit = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
    per = int(minutes) + int(seconds) / 60
    if per <= 0:
        return None
    per_mile = unit.startswith("mi") if unit else in_miles
    return (KM_PER_MILE if per_mile else 1.0) / per * 60


def running_pace(text: str) -> bool:
    """Return whether lowercased `text` gives one pace, per km or per mile, that only a run
    goes at (`9:14/mile`, `7.73 miles ... 8:17 pace`). Never a rower's `/500m` split."""
    paces = list(_PACE.finditer(text))
    if len(paces) != 1 or _SPLIT.search(text):
        return False
    in_miles = {bool(m[3]) for m in _DISTANCE.finditer(text)} == {True}
    per_hour = _pace_kmh(paces[0], in_miles)
    return per_hour is not None and RUN_MIN_KMH <= per_hour <= RUN_MAX_KMH


def minutes_from_pace(text: str) -> float | None:
    """Return the minutes that lowercased `text`'s one distance takes at its one pace or
    speed, or None when the note does not say both exactly once. A top speed written
    beside the average (`@ 17.1 mph avg (29.0 mph max)`) is only a peak: left out."""
    text = _PEAK_SPEED.sub(" ", text)
    if _NOT_EXACT.search(text):
        return None
    distances = {(m[1], bool(m[3])) for m in _DISTANCE.finditer(text)}
    if len(distances) != 1 or _OTHER_DISTANCE.search(text):
        return None
    ((value, in_miles),) = distances
    km = (float(value) if value[-1].isdigit() else NUMBER_WORDS.index(value) + 1.0) * (
        KM_PER_MILE if in_miles else 1.0
    )
    paces, speeds = list(_PACE.finditer(text)), list(SPEED.finditer(text))
    if len(paces) + len(speeds) != 1 or km <= 0:
        return None
    per_hour = kmh(speeds[0]) if speeds else _pace_kmh(paces[0], in_miles)
    if per_hour is None or not MIN_KMH <= per_hour <= MAX_KMH:
        return None
    return round(km / per_hour * 60, 2)
