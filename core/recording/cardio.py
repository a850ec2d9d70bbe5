"""Reads a cardio session out of a text fragment: kind, activity, duration, heart rate.

How a cardio note is read:

* It is cardio when it names zone 2 (`zone 2`, `z2`), intervals (`hiit`, `intervals`,
  `tabata`, `sprints`), an activity (`ran`, `rode`, `rowing`, `elliptical`…) or a
  distance (`5k`, `3.1 miles`).
* Kind: `zone2` only when the writer says zone 2; else `hiit` for intervals; `walk` for
  walks; everything else `other`, with the activity. A treadmill is a walk below
  WALK_MAX_KMH when the speed is given, else a run; with no speed, which one is asked.
* Duration: core.recording.durations finds each duration and its role (total, part,
  repeat…) and says which one is the session's. A note that does not say it plainly gets
  a question, never a guess: a distance with no time or pace (one distance at one pace or
  speed is worked out by core.recording.paces), intervals without a total,
  minutes in several zones, several times that do not add up, `less than an hour`, or
  two activities at once.
* Heart rate: `avg hr 128`, `ahr 146`, `HRav:133`, `average heart rate of 130bpm`,
  `hr 128`, `128 bpm`; a maximum (`mhr 157`, `max hr 170`) is never the average.
* A plan (`I'm supposed to run for an hour`) is not a log: nothing is read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.recording.durations import (
    Unclear,
    find_durations,
    repeated,
    session_minutes,
)
from core.recording.entries import CardioEntry, Modality, Problem
from core.recording.notes import EITHER
from core.recording.paces import (
    KM_PER_MILE,
    NUMBER_WORDS,
    SPEED,
    kmh,
    minutes_from_pace,
    running_pace,
)
from core.recording.set_notation import shown

MAX_MINUTES = 24 * 60
MIN_SESSION_MINUTES = 3  # a shorter time is asked: a piece of a session, more often than not
# A time written in seconds alone (`Row 12 180sec`) is a piece's, up to this many minutes
MAX_SECONDS_ONLY_MINUTES = 5
_SECONDS = re.compile(r"\d\s*(?:s|secs?|seconds?)\b")
# Minutes or hours written (`45 min`, `an hour`): a class's time, or more than seconds alone
_TIME_WRITTEN = r"\d\s*(?:min(?:ute)?s?|hours?|hrs?|h)\b|\bhour\b"
_MINUTES_OR_CLOCK = re.compile(rf"{_TIME_WRITTEN}|\d\s*m\b|\d:\d\d")


def _in_seconds_only(text: str) -> bool:
    """Return whether the times in `text` are written in seconds only (`180sec`)."""
    return _SECONDS.search(text) is not None and _MINUTES_OR_CLOCK.search(text) is None


# Over this many minutes written as minutes (`zone 2 900 min`), a session is asked about.
LONG_SESSION_MINUTES = 6 * 60
_MANY_MINUTES = re.compile(r"(?<![\d.:])\d{3,}(?:\.\d+)?\s*(?:minutes?|mins?|m)\b")
MIN_HR, MAX_HR = 30, 250
WALK_MAX_KMH = 7.0
MIN_BARE_M_METRES = 100  # `45m` glued is minutes, `400m` metres
KM_PER = {"km": 1.0, "k": 1.0, "mi": KM_PER_MILE, "y": 0.0009144, "m": 0.001}

# `zon 2`, `z 2 45 min`: typed fast (not `z 2 rounds`)
_ZONE2 = re.compile(
    r"\b(?:zo(?:ne?|me)\s*(?:2|two)|z2|z\s2(?=\s+(?:\d|bike|run|walk|ride|row|swim)))\b"
)
_HIIT = re.compile(r"\b(?:hiit|hitt|intervals?|tabata|sprints?)\b")
_WORD = re.compile(r"[a-z]+")
_NAMED = re.compile(rf"{_ZONE2.pattern}|{_HIIT.pattern}")  # zone 2 or intervals, in one pass
ACTIVITIES = {
    **dict.fromkeys(("run", "ran", "running", "jog", "jogged", "jogging", "parkrun"), "run"),
    **dict.fromkeys(
        ("bike", "bikes", "biked", "biking", "cycle", "cycled", "cycling", "spin"), "bike"
    ),
    **dict.fromkeys(("airdyne", "airbike", "peloton", "zwift"), "bike"),
    **dict.fromkeys(("pedal", "pedaled", "pedalled", "pedaling", "pedalling"), "bike"),
    **dict.fromkeys(("ride", "rode", "riding"), "bike"),
    **dict.fromkeys(("row", "rowed", "rowing", "rower", "erg"), "row"),
    **dict.fromkeys(("walk", "walked", "walking"), "walk"),
    **dict.fromkeys(
        ("swim", "swam", "swimming", "lengths", "scy", "scm", "lcm"), "swim"
    ),  # a pool's lengths, a course
    **dict.fromkeys(("hike", "hiked", "hiking"), "hike"),
    **dict.fromkeys(("elliptical", "crosstrainer"), "elliptical"),
    **dict.fromkeys(("stairs", "stairmaster", "stepper", "stepmill"), "stairs"),
    **dict.fromkeys(("skierg", "skiing"), "ski"),
    **dict.fromkeys(("boxing", "kickboxing"), "boxing"),
    **dict.fromkeys(
        ("canoe", "canoed", "canoeing", "kayak", "kayaked", "kayaking", "paddled", "paddling"),
        "paddle",
    ),
    **{sport: sport for sport in ("pickleball", "tennis", "badminton")},
    **dict.fromkeys(("mowing", "mowed"), "mowing"),
    **{practice: practice for practice in ("pilates", "yoga", "taebo", "zumba", "golf")},
    "reformer": "pilates",  # `30 minutes on the reformer`
    **dict.fromkeys(("skate", "skated", "skating", "rollerblading", "rollerbladed"), "skating"),
    **{"dancing": "dancing", "bouldering": "bouldering"},
    **dict.fromkeys(("snowshoe", "snowshoed", "snowshoeing", "snowshoes"), "snowshoeing"),
    **dict.fromkeys(("karate", "judo", "bjj"), "martial arts"),
    **dict.fromkeys(("aquacise", "aquafit", "aquarobics", "aqua"), "aqua aerobics"),
    # `water aerobics 45 min`, `step aerobics`; team sports played for an hour
    "aerobics": "aerobics",
    **{sport: sport for sport in ("lacrosse", "volleyball", "basketball", "netball")},
}
_NOUNS = {"bike": "ride", "elliptical": "elliptical session", "stairs": "stair session"}


def activity_noun(activity: str) -> str:
    """Return how a reply names a session of `activity`: `ride` for `bike`."""
    return _NOUNS.get(activity, activity)


MACHINE = "treadmill"  # walked or ran on: the speed or another word says which
_ACTIVITY_WORDS = frozenset(ACTIVITIES) | {MACHINE}
_NOT_AN_ACTIVITY = re.compile(
    r"\bin a row\b|\brunning\s+(?:errands|late|a\s+(?:fever|temperature))\b"
    # `I just walked up to it` (a machine), `walked over to the rack`: steps, not a walk
    r"|\bwalk(?:ed)?\s+(?:up|over)\s+to\s+(?:it|him|her|them|the\s+(?:rack|bar|machine|erg|"
    r"rower|platform|counter|desk))\b"
    # a place's distance: `it's 10 minutes walk to the gym`, `cycling to the shops is 15 mins`
    r"|\b(?:it['’]?s|is)\s+(?:a\s+|about\s+|only\s+|just\s+)?\d+\s*(?:min(?:ute)?s?|km|k|miles?)"
    r"['’]?\s+(?:walk|drive|ride|cycle|run|jog)\b"
    r"|\b(?:walking|cycling|driving|running|riding)\s+to\s+(?:the\s+|my\s+)?[a-z]+\s+is\b"
)
# `my first exercise class`, `Silver Sneakers class 45 min`: a class, when nothing else names
# what it was (`spin class` is a ride), with its time or gone to (not `Class is at 9:15`)
CLASS = "class"
_CLASS = re.compile(r"\bclass\b(?!\s+(?:size|length|times?|schedule|fees?|list)\b)")
_CLASS_TIME = re.compile(_TIME_WRITTEN)


def _a_class(text: str) -> bool:
    return (
        "class" in text
        and _CLASS.search(text) is not None
        and (_CLASS_TIME.search(text) is not None or _DID_ONE.search(text) is not None)
    )


# `8 minutes on the trainer`: a cyclist's indoor trainer (never a personal trainer, whom
# one trains *with*).
_ON_TRAINER = re.compile(r"\bon\s+(?:the|my|a|an\s+indoor|the\s+indoor)\s+trainer\b")

_NUMBER_WORD = "|".join(NUMBER_WORDS)
_DISTANCE = re.compile(
    rf"(?<![\w.:/])(\d+(?:\.\d+)?|\.\d+|{_NUMBER_WORD})\s*-?\s*"
    r"(?:(km|kilomet(?:er|re)s?|k)|(mi|miles?)|(y|yds?|yards?)|(m|met(?:er|re)s?))"
    r"(?![a-z]|/o|\s*/\s*h)"  # never the `km` of `5km/hour`
)
_MAX_HR = re.compile(
    r"\b(?:mhr|hr\s*max|max(?:imum)?\.?\s*(?:hr|heart\s*rate|pulse)|peak\s*(?:hr|heart\s*rate))"
    r"\s*(?:of|was|is|:|=)?\s*\d+(?:\s*bpm\b)?"
)
_AVG_HR = re.compile(
    r"\b(?:ahr|hr\s*av(?:g|erage)?|(?:avg|average|mean)\.?\s*(?:hr|heart\s*rate|pulse)"
    r"|hr|heart\s*rate|pulse)\s*(?:of|was|is|at|:|=|-|–)?\s*(\d+)(?!\d|\s*(?:m|mins?|minutes?)\b)"
    # `128 bpm`, `128 avg hr`; not `2h 30 avg hr 128`, whose number follows its words
    r"|(?<![\w.])(\d+)\s*(?:bpm|ahr|avg\.?\s*hr)\b(?!\s*(?:of|was|is|:|=|-|–)?\s*\d)"
)
# Heart rates listed one a part: `heart rate of 169, 165, 165 and 168 bpm`
_HR_LIST = re.compile(
    r"\b(?:hr|heart\s*rates?|pulse|bpm)\b[^.;\n\d]{0,20}\d{2,3}(?:\s*(?:,|and|/)\s*\d{2,3}){2,}"
)
_HR_WORDS = re.compile(r"\b(?:ahr|hr|bpm|heart\s*rate)\b|\d\s*bpm\b|\bhr\s*av")
_AVG_HR_WORDS = re.compile(r"\b(?:ahr|hr\s*av|(?:avg|ave|average|mean)\.?\s*(?:hr|heart\s*rate))")
_STEPS = re.compile(r"\d\s*k?\s*steps\b")
_STEPS_IN = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s*steps\s+(?:in|over|during|within)\s+([^,;.]+)"
)
# Walkers take about 90 to 130 steps a minute; runners 150 and more.
WALK_MIN_CADENCE, WALK_MAX_CADENCE = 80, 135
# A treadmill's slope (`6.0 mph at .5% incline`): the speed is a walk's or a run's.
_INCLINE = re.compile(r"%\s*incline\b|\bincline\s+(?:of\s+)?\d+(?:\.\d+)?\s*%")
# Every word `durations` reads a total by (`took`, `completed in`...), to call it only then.
_TOTAL_WORDS = re.compile(
    r"total|overall|time|elapsed|duration|altogether|took|complete|finish|lasted"
)
_SESSION_WORDS = re.compile(r"\b(?:gym|workout|sessions?|training|cardio)\b")
_SPLITS = re.compile(r"\d{1,2}:[0-5]\d(?:\s*,\s*\d{1,2}:[0-5]\d){2,}")  # lap times
_TIME = re.compile(r"\d|\b(?:hours?|hrs?|minutes?|mins?)\b")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_PLAN = re.compile(
    r"\b(?:supposed\s+to|going\s+to|gonna|plan(?:ning)?\s+to|i'll|i\s+will|want\s+to|"
    r"hope\s+to|tomorrow|next\s+week)\b"
    r"|^\s*planned\s+(?:session|workout|run|ride|swim|walk)\s*:"
)
_RECORD_STAT = re.compile(r"\s*(?:longest|shortest|fastest|slowest)\b[^:\d]*:")
_VAGUE = re.compile(r"\b(?:some|a\s+few|few|several|many|couple\s+of)\s+(?:minutes|mins|hours)\b")
_DIGIT = re.compile(r"\d")
# A message that is only an activity, at most one word beside it (`fast running`, `walk`).
_NOT_DONE = frozenset(
    "no not skipped skip skipping missed cancelled canceled late later tomorrow next".split()
)
_A_TIME = r"\d\s*(?:min\w*|hours?|hrs?)\b"
_PLUS_TIMES = re.compile(rf"{_A_TIME}[^+\n]*\+[^+\n]*?{_A_TIME}")
# A session that did not happen: `skipped my 30 min run`, `never went for the walk`.
_NOT_DONE_SESSION = re.compile(
    r"\b(?:skipped|skip|missed|miss|cancel+ed|postponed|no|never|(?:did|could|would|have|has|"
    r"had)(?:\s*n[o']?t|\s+not)|haven'?t|hasn'?t|hadn'?t)\s+(?:(?:go|went|gone|do|done|did|"
    r"get|got|make|made|have|had|manage|managed)\s+(?:to\s+)?(?:go\s+)?(?:for|out\s+for)?\s*)?"
    r"(?:my|the|a|an|our|today'?s|this\s+morning'?s|any)?\s*(?:\d+\s*-?\s*(?:min\w*|hours?|hrs?|"
    r"k|km|miles?)\s+)?(?:\w+\s+)?(?:walk|run|jog|ride|bike|swim|hike|row|spin|zone\s*2|"
    r"cardio|intervals|hiit)\b"
)


def _either_time_or_rate(text: str) -> re.Match[str] | None:
    """Return `40 or 45` when it is the session's time or heart rate (`zone 2 40 or 45 min`,
    `hr 110 or 115`), not a distance or a count (`2 or 3 km`, `1 or 2 hills`)."""
    for m in EITHER.finditer(text):
        after, before = text[m.end() : m.end() + 8], text[max(0, m.start() - 12) : m.start()]
        if _TIME_AFTER.match(after) or _RATE_BEFORE.search(before):
            return m
    return None


_UNIT_OF_TIME = r"(?:min\w*|hours?|hrs?|h)\b"
_NOT_ONE_TIME = re.compile(
    rf"\d\s*{_UNIT_OF_TIME}\s+each\b|"
    r"\b(?:walked|ran|rode|swam|went|walk|run|ride)\s+twice\b|\btwice\s+(?:today|a\s+day)\b|"
    rf"\d\s*\+\s*\d+\s*{_UNIT_OF_TIME}|"
    r"\d[^.\n]*\bonly\s+(?:walked\s+|ran\s+|did\s+)?\d+(?!\s*(?:km|k|miles?|m|stops?|times)\b)|"
    rf"\d\s*{_UNIT_OF_TIME}\s+(?:in\s+total\s+)?this\s+(?:week|month|year)\b|"
    # `walked 20 min to work and 20 back`, `30 this morning and another 30 tonight`,
    # `10 min walk after each meal`
    rf"\band\s+(?:another\s+)?\d+\s*(?:{_UNIT_OF_TIME}\s+)?(?:back|home|again|later|"
    r"tonight|this\s+(?:evening|afternoon))\b|\b(?:and|then)\s+another\s+\d+|\bafter\s+(?:each|every)\s+meal\b"
    rf"|\d\s*{_UNIT_OF_TIME}\s+twice\b|\bbefore\s+and\s+after\b|,?\s*then\s+\d+\s+more\b"
    rf"|\d\s*{_UNIT_OF_TIME}\s+(?:this\s+|in\s+the\s+)?(?:morning|am)\b[^.\n]*\d\s*{_UNIT_OF_TIME}\s+"
    r"(?:this\s+|in\s+the\s+)?(?:evening|afternoon|tonight|night|pm)\b"
    r"|\bday['’]?s\s+total\b|\btotal\s+for\s+the\s+day\b|\bdaily\s+total\b"
)
_TIME_AFTER = re.compile(rf"\s*{_UNIT_OF_TIME}")
_RATE_BEFORE = re.compile(r"\b(?:hr|bpm|heart\s*rate|pulse)\b")


def _done_beside(text: str, skipped: re.Match[str]) -> bool:
    """Return whether `text` names a session beyond the one not done (`skipped my run, did
    30 min on the bike`; `no watch run 30 min`; `missed my 7am run so did 30 min at lunch`)."""
    beside = text[: skipped.start()] + " " + text[skipped.end() :]
    return bool(activities_named(beside) or find_durations(beside))


# A session told of in words, with no time: `had a walk in the dark`, `went for a run`.
_DID_ONE = re.compile(
    r"\b(?:went|had|did|took|done|finished|enjoyed)\s+(?:out\s+)?(?:for\s+)?"
    r"(?:a|an|my|our|the|another)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:walk|run|jog|ride|bike\s+ride|swim|hike|row|spin)\b(?!\s+of\b)"
    # `I went to water aerobics this morning`, `did some kayaking`, `played pickleball`
    r"|\b(?:went\s+to|did\s+(?:some\s+)?|attended|played|took)\s+(?:my\s+|the\s+|a\s+|an\s+)?"
    r"(?:[a-z“”\"]+\s+){0,3}?(?:class|aerobics|aqua\w*|yoga|pilates|zumba|pickleball|tennis|badminton|"
    r"golf|kayaking|canoeing|paddling|boxing|kickboxing|dancing|bouldering|spin|lacrosse|"
    r"volleyball|basketball|netball)\b"
    # `I swam this morning`, `we walked today`, `Last night I swam fifty lengths`
    r"|\b(?:i|we)\s+(?:just\s+|finally\s+|also\s+)?(?:swam|walked|ran|jogged|rode|cycled|biked|"
    r"hiked|rowed|snowshoed)\b(?=\s*(?:[.!]|$)|\s+(?:today|this\s+(?:morning|afternoon|evening)"
    r"|tonight|last\s+night|yesterday|again)\b|\s+[a-z]+\s+(?:lengths|laps|miles)\b)"
)
_BARE_ACTIVITY = re.compile(r"(?:[a-z]+\s+)?(?:[a-z]+|zone\s*2)")

_EXAMPLE = "e.g. `{example} 45 min`"
_QUESTIONS: dict[Unclear, str] = {
    "none": "How long was the {what}? " + _EXAMPLE,
    "several": "I see more than one time for the {what}. How long was it in all? " + _EXAMPLE,
    "zones": "Those minutes look like time in different heart-rate zones of one session. "
    "What was it, and how long in all? e.g. `bike 151 min`",
    "intervals": "How long was the {what} in total, start to finish? "
    "e.g. `hiit 4x4 min, 28 min total`",
    "parts": "Those minutes look like parts of the {what}. How long was it in all? " + _EXAMPLE,
    "bound": "Roughly how many minutes was the {what}? " + _EXAMPLE,
}


@lru_cache(maxsize=4096)
def _activity_words(text: str) -> list[str]:
    if "in a row" in text or "running " in text or "walk" in text or " to " in text:
        # `3rd week in a row`: a streak, no rowing; `running errands`: no run
        text = _NOT_AN_ACTIVITY.sub(" ", text)
    return _WORD.findall(text)


def names_activity(text: str) -> bool:
    """Return whether lowercased `text` names zone 2, intervals or a cardio activity itself
    (not only a distance, pace or heart rate, which are details of a session)."""
    return (
        bool(_NAMED.search(text))
        or not _ACTIVITY_WORDS.isdisjoint(_activity_words(text))
        or ("trainer" in text and _ON_TRAINER.search(text) is not None)
        or _a_class(text)
    )


@lru_cache(maxsize=4096)
def mentions_cardio(text: str) -> bool:
    """Return whether lowercased `text` names zone 2, intervals or a cardio activity.

    A distance, or an average heart rate, is cardio only with a time or pace beside it
    (`2 miles in 30 minutes`), or after `distance` (a watch's summary): alone (`56 miles`
    after `bike 3:04:00,`), like a pace alone, it is a detail of the session before it.
    """
    if names_activity(text) or activities_named(text):
        return True  # named, or settled by a pace or a cadence (`4036 steps in 36 minutes`)
    outside = _BRACKETS.sub(" ", text)
    if read_distance(outside) is not None:
        return (
            outside.lstrip().startswith("distance")
            or bool(_TIME.search(_DISTANCE.sub(" ", outside)))
            or bool(SPEED.search(text))  # `two miles (6.0 mph)`: asked how long
        )
    if "hr" not in text and "heart" not in text and "bpm" not in text:
        return False
    # `90 min avg hr 141`, `45 min hr 130`, `90 minutes, 141 bpm`: a session's heart rate
    return bool(_HR_WORDS.search(text) and find_durations(outside))


_STEP_COUNT = re.compile(r"\d[\d,.]*\s*k?\s*steps\b")
_MACHINE_LEVEL = re.compile(
    r"\b(?:level|lvl|resistance)\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b"
)
_DONE_TODAY = re.compile(
    r"\b(?:did|done|completed?|finished|managed|today|tonight|this morning|clocked|covered|"
    r"logged|got)\b"
)


def session_without_activity(text: str) -> bool:
    """Return whether lowercased `text` reads like a cardio session that names no activity:
    a distance, steps, a pace or an average heart rate beside a time (`1:04:04, 7.73
    miles`, `4036 steps in 36 minutes`), a time marked as the total (`completed in
    0:30:03`), a time or distance beside `gym`, `workout` or `session`, a distance and a
    pace, two distances (`Today, 1.5 miles; Total, 12.6 miles`) or lap times. Asked about."""
    outside = _BRACKETS.sub(" ", text)
    distance = read_distance(outside) is not None
    details = (
        distance
        or _STEPS.search(outside) is not None
        or _AVG_HR_WORDS.search(outside) is not None
        or "pace" in outside
        or _MACHINE_LEVEL.search(outside) is not None  # `Five minutes at level nine`
        or SPEED.search(outside) is not None  # `in 3hrs 41 minutes at an average of 16.3mph`
    )
    timed = details or _SESSION_WORDS.search(outside) or _TOTAL_WORDS.search(outside)
    durations = find_durations(outside) if timed else []
    if durations and (details or any(d.role == "total" for d in durations)):
        return True
    if (durations or distance) and _SESSION_WORDS.search(outside):
        return True  # `Gym for 1.5 hours`, `a pair of 5k sessions`
    if distance and ("pace" in outside or SPEED.search(outside)):
        return True  # `4.8 miles, or an average pace of 10:28 per mile`
    if distance and _DONE_TODAY.search(outside) and not _STEPS.search(outside):
        return True  # `managed the full 10km`, `my first 5K today`: which, and how long?
    if _STEPS.search(outside) and read_distance(_STEP_COUNT.sub(" ", outside)) is not None:
        return True  # `Walkabout: 54,852 steps, 44.85 KM`: a walk? how long? (`10k steps`: no)
    return len(_DISTANCE.findall(outside)) > 1 or _SPLITS.search(text) is not None


def read_heart_rate(text: str) -> tuple[int | None, str]:
    """Return the average heart rate mentioned (None if none) and `text` without it.

    A maximum heart rate is taken out first and never read as the average.
    """
    text = _MAX_HR.sub(" ", text)
    m = _AVG_HR.search(text)
    if not m:
        return None, text
    digits = m[1] or m[2]
    # Past nine digits it is no heart rate: a billion, asked about (over MAX_HR), never dropped.
    return int(digits) if len(digits) <= 9 else 10**9, text[: m.start()] + " " + text[m.end() :]


def read_distance(text: str) -> float | None:
    """Return the first distance in `text` in km (None if none); `45m` glued is minutes."""
    if not _DIGIT.search(text) and not any(w in text for w in NUMBER_WORDS):
        return None
    for m in _DISTANCE.finditer(text):
        value = float(m[1]) if _DIGIT.search(m[1]) else NUMBER_WORDS.index(m[1]) + 1.0
        if m[5] == "m" and value < MIN_BARE_M_METRES and m[0][len(m[1])] == "m":
            continue
        return value * KM_PER["km" if m[2] else "mi" if m[3] else "y" if m[4] else "m"]
    return None


def activities_named(text: str) -> list[str]:
    """Return the activities lowercased `text` names, in order, each once."""
    found: list[str] = []
    words = _activity_words(text)
    for at, word in enumerate(words):
        if word == "aerobics" and at and words[at - 1] in ("water", "aqua", "pool"):
            word = "aqua"  # `water aerobics`, `aqua aerobics`: one class
        if word in ACTIVITIES and ACTIVITIES[word] not in found:
            found.append(ACTIVITIES[word])
    if "trainer" in text and "bike" not in found and _ON_TRAINER.search(text):
        found.append("bike")
    if not found and _a_class(text):
        found.append(CLASS)
    if found:
        return found
    if (MACHINE in text or _INCLINE.search(text)) and (speed := SPEED.search(text)):
        # A treadmill is walked or run on: its speed says which; with none, it is asked.
        found.append("walk" if kmh(speed) < WALK_MAX_KMH else "run")
    elif running_pace(_BRACKETS.sub(" ", text)):  # a bracket holds the pace converted
        found.append("run")  # `4 miles @ 8:55 average pace`: no walk goes that fast
    elif (cadence := _steps_a_minute(text)) and WALK_MIN_CADENCE <= cadence <= WALK_MAX_CADENCE:
        found.append("walk")  # `4036 steps in 36 minutes`: a walker's cadence
    return found


def _steps_a_minute(text: str) -> float | None:
    """Return the steps a minute of `4036 steps in 36 minutes`: a count and the time it
    took, written together; else None (`12000 steps today, slept 8 hours` is no walk)."""
    m = _STEPS_IN.search(text)
    durations = find_durations(m[2]) if m else []
    if m is None or len(durations) != 1 or durations[0].minutes <= 0:
        return None
    return int(m[1].replace(",", "")) / durations[0].minutes


def _first_digit(text: str) -> int:
    m = _DIGIT.search(text)
    return m.start() if m else len(text)


def _modality(text: str, activity: str | None) -> Modality:
    if _ZONE2.search(text):
        return "zone2"
    if _HIIT.search(text):
        return "hiit"
    return "walk" if activity == "walk" else "other"


# A number alone at the end of a session timed by nature (zone 2, intervals, a walk on foot or
# a machine): minutes. Not after a ride, run, swim or row, which a distance may be.
_BARE_NUMBER_END = re.compile(r"(?<![\d.,:/])(\d{2,3})[\s.!]*$")
_TIMED_BY_NATURE = frozenset({None, "walk", "elliptical", "stairs"})
MIN_BARE_MINUTES, MAX_BARE_MINUTES = 10, 240
_NOT_MINUTES_BEFORE = re.compile(
    r"(?:\b(?:level|incline|speed|resistance|gear|laps?|lengths?|days?|weeks?|stage|round|sets?|"
    r"floors?|number|no|hr|bpm|pulse|rate|pace|cadence|rpm|watts|steps|age|aged|km|miles?|at|"
    r"of|x|by|over|under|about|around|nearly|almost|day|rep|reps)|[@#x×/+-])\s*$"
)


def _bare_minutes(rest: str, modality: str, activity: str | None) -> float | None:
    if activity not in _TIMED_BY_NATURE or (activity is None and modality == "other"):
        return None
    plain = _ZONE2.sub(" ", rest)
    if len(_DIGIT.findall(plain)) > 3 or not (m := _BARE_NUMBER_END.search(plain)):
        return None
    if _DIGIT.search(plain[: m.start()]) or _NOT_MINUTES_BEFORE.search(plain[: m.start()]):
        return None  # one number only (`walk 3 45`), and none of a setting (`level 12`)
    value = int(m[1])
    return float(value) if MIN_BARE_MINUTES <= value <= MAX_BARE_MINUTES else None


def _example(modality: str, activity: str | None) -> str:
    """Return a question's example in the person's words: `walk`, `zone 2 bike`, `hiit`."""
    named = {"zone2": "zone 2", "hiit": "hiit"}.get(modality)
    if named is None:
        return activity or "zone 2 run"
    return f"{named} {activity}" if activity else named


_PRACTICES = frozenset({"yoga", "pilates"})
_OF_PRACTICE = re.compile(r"\bof\s+(yoga|pilates)\b")


def read_cardio(text: str, source: str) -> CardioEntry | Problem | None:
    """Return the cardio session in lowercased `text`, a Problem, or None if it has none.

    A session needs a duration; a cardio word with other numbers but no duration is
    a Problem, and one with no numbers at all (a question, a note) or a plan is None.
    """
    if not mentions_cardio(text) or _PLAN.search(text[: _first_digit(text)]):
        return None
    if (skipped := _NOT_DONE_SESSION.search(text)) and not _done_beside(text, skipped):
        return None  # `skipped my 30 min run`, `didn't go for my walk`: nothing was done
    if _RECORD_STAT.match(text):
        return None  # `Longest duration walk: 1:08:17`: a statistic over many sessions
    activities = activities_named(text)
    if len(activities) > 1 and "(" in text:
        # `jog ... 45 minutes (with walking interspersed)`: a note's activity is no session
        activities = activities_named(_BRACKETS.sub(" ", text)) or activities
    activity = activities[0] if activities else None
    modality = _modality(text, activity)
    what = (activity and activity_noun(activity)) or (
        "zone 2 session" if modality == "zone2" else "session"
    )
    example = _example(modality, activity)
    hr, rest = read_heart_rate(text)
    if hr is not None and _HR_LIST.search(text):
        # `an average heart rate of 169, 165, 165 and 168 bpm`: each interval's, not the
        # session's. Asked, never the first one taken.
        return Problem(
            "unreadable",
            source,
            "Those heart rates look like one for each part. What was the whole session's "
            f"average? e.g. `{example} 45 min hr 140`",
        )
    if activity in _PRACTICES and len(activities) == 1:
        # `10 mins of yoga` is the yoga's own time (beside a walk it is other work)
        rest = _OF_PRACTICE.sub(r"   \1", rest)
    distance = read_distance(rest)
    durations = find_durations(rest, distance)
    if len(activities) > 1 and durations:
        return Problem(
            "unreadable",
            source,
            f"Was that {' or '.join(activities)}? Send each on its own line with its time, "
            f"e.g. `{activities[0]} 30 min`.",
        )
    if _NOT_ONE_TIME.search(text):
        # `20 min each`, `walk 20+20 min`, `couldn't walk 40 min, only 20`, `200 min this
        # week`: the time written is not the session's. How long in all?
        return Problem(
            "unreadable", source, _QUESTIONS["several"].format(what=what, example=example)
        )
    if either := _either_time_or_rate(text):  # `zone 2 40 or 45 min`: which was it?
        return Problem(
            "unreadable",
            source,
            f"Was it {either[1]} or {either[2]}? Send the {what} as it was, e.g. "
            f"`{activity or 'zone 2 run'} 45 min`.",
        )
    minutes = session_minutes(durations, repeated(rest))
    if minutes == "none" and (derived := minutes_from_pace(rest)) is not None:
        minutes = derived  # `5k run @ 5:30/km`: the time is the distance at that pace
    if minutes == "none" and (bare := _bare_minutes(rest, modality, activity)) is not None:
        minutes = bare  # `z2 45`, `hiit 20`, `walk 45`: minutes, as typed on a phone
    if not isinstance(minutes, str) and len(durations) > 1 and _PLUS_TIMES.search(rest):
        minutes = "several"  # `35 min hill + 35 min intervals`: two sessions, not one twice
    if isinstance(minutes, str):
        if minutes == "none" and not _VAGUE.search(rest):
            numbers = _DIGIT.search(_ZONE2.sub(" ", rest)) or distance is not None
            bare = _BARE_ACTIVITY.fullmatch(rest.strip(" .!")) or (
                _ZONE2.sub(" ", rest).strip(" .!") in ACTIVITIES  # `zone 2 ride`
            )
            done = bare or _DID_ONE.search(rest)  # `walk`, `went for a walk in the dark`
            if hr is None and not numbers and not (done and _NOT_DONE.isdisjoint(rest.split())):
                return None  # a note or a question; `fast running` alone is asked how long
        return Problem("unreadable", source, _QUESTIONS[minutes].format(what=what, example=example))
    # a distance timed (`Row 500m 1:52`) is a piece in its own right, from a minute
    timed_distance = minutes >= 1 and distance is not None
    if (0 < minutes < MIN_SESSION_MINUTES and not timed_distance) or (
        minutes <= MAX_SECONDS_ONLY_MINUTES and _in_seconds_only(rest)
    ):
        # `Tabata, 38 seconds working, 22 seconds rest`, `60 seconds jogging (5.0 mph), 90
        # seconds walking`: one piece of the session, not all of it
        said = (
            "under a minute"
            if minutes < 1
            else "only a minute"
            if minutes == 1
            else f"only {shown(round(minutes, 1))} minutes"
        )
        return Problem(
            "unreadable",
            source,
            f"Was the whole {what} {said}? Send its time in all, e.g. `{example} 20 min`.",
        )
    if minutes <= 0 or minutes > MAX_MINUTES:
        return Problem(
            "implausible",
            source,
            f"Was the {what} really {shown(round(minutes) if minutes < 1e9 else minutes)} minutes? "
            "I can log 1 minute to 24 hours, e.g. `zone 2 bike 45 min`.",
        )
    if minutes > LONG_SESSION_MINUTES and _MANY_MINUTES.search(rest):
        # `zone 2 900 min`: 15 hours, or a slip for 90? Written in hours it is taken as meant.
        hours = shown(round(minutes / 60, 1))
        example = activity or ("zone 2" if modality == "zone2" else "walk")
        return Problem(
            "implausible",
            source,
            f"Was the {what} really {shown(round(minutes))} minutes, {hours} hours? If it was, "
            f"send it in hours, e.g. `{example} {hours}h`; if not, send the minutes.",
        )
    if hr is not None and not MIN_HR <= hr <= MAX_HR:
        return Problem(
            "implausible",
            source,
            f"An average heart rate of {shown(hr)} bpm? I expect {MIN_HR}–{MAX_HR}, "
            "e.g. `zone 2 run 45 min hr 128`.",
        )
    return CardioEntry(modality, round(minutes, 2), activity, hr, source)
