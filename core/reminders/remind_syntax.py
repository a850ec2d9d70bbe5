"""The words of `/remind`: a kind, days and a time, `defaults`, or `off`.

People write it the way they would say it: `/remind me to lift mon thu 6pm`,
`/remind walk every day at noon`, `/remind zone2 3 times a week`. Filler words are
dropped; a kind with no days gets buttons with the article's suggested days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.messages import Choice
from core.reminders.schedule import (
    ADVICE,
    DAY_NAMES,
    SUGGESTED_DAYS,
    Kind,
    days_label,
    days_text,
    usual_time,
)

_KIND_WORDS: dict[str, Kind] = {
    "resistance": "resistance",
    "strength": "resistance",
    "lifting": "resistance",
    "lift": "resistance",
    "lifts": "resistance",
    "weights": "resistance",
    "zone2": "zone2",
    "z2": "zone2",
    "cardio": "zone2",
    "hiit": "hiit",
    "intervals": "hiit",
    "interval": "hiit",
    "walk": "walk",
    "walks": "walk",
    "walking": "walk",
    "summary": "weekly-summary",
    "weekly-summary": "weekly-summary",
    "week": "weekly-summary",
    "nudge": "nudge",
}
# The word each kind is written with in an example or a button's command.
_KIND_WORD: dict[Kind, str] = {
    "resistance": "resistance",
    "zone2": "zone2",
    "hiit": "hiit",
    "walk": "walk",
    "weekly-summary": "summary",
    "nudge": "nudge",
}
_DAY_WORDS: dict[str, tuple[int, ...]] = {
    **{name: (i,) for i, name in enumerate(DAY_NAMES)},
    **{
        full: (i,)
        for i, full in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
    "tues": (1,),
    "weds": (2,),
    "thur": (3,),
    "thurs": (3,),
    "daily": tuple(range(7)),
    "everyday": tuple(range(7)),
    "weekday": tuple(range(5)),
    "weekdays": tuple(range(5)),
    "workday": tuple(range(5)),
    "workdays": tuple(range(5)),
    "weekends": (5, 6),
    "weekend": (5, 6),
}
# Words that say nothing about the reminder: `remind me to lift every monday at 6pm, please`.
_FILLER = frozenset(
    "me to remind reminder reminders every each please at on and my a an the for go do turn "
    "around".split()
)
_RANGE_WORDS = frozenset(("to", "through", "thru", "till", "until", "-"))
_TIME = re.compile(r"^(\d{1,2})(?:([:.h])(\d{2})?)?(am|pm)?$")
_NAMED_TIMES = {"noon": (12, 0), "midday": (12, 0)}
_RANGE = re.compile(r"^([a-z]+)-([a-z]+)$")
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# `twice a week`, `3 times a week`, `3x a week`, `2x/week`, `three days a week`, `once weekly`
_PER_WEEK = re.compile(
    r"\b(once|twice|thrice|\d+|one|two|three|four|five|six|seven)"
    r"(?:\s*(?:x|times?|days?))?\s*(?:(?:a|per|each|every|/)\s*week|weekly)\b"
)
# For a count the article's suggestions don't cover: days spread over the week.
_SPREAD: dict[int, tuple[int, ...]] = {
    1: (0,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: tuple(range(5)),
    6: tuple(range(6)),
    7: tuple(range(7)),
}


@dataclass(frozen=True)
class SetReminder:
    kind: Kind
    days: tuple[int, ...]
    hour: int
    minute: int


@dataclass(frozen=True)
class TurnOff:
    kind: Kind | None  # None: every reminder


@dataclass(frozen=True)
class SetDefaults:
    pass


@dataclass(frozen=True)
class Invalid:
    """Nothing to change: a line for the user, and buttons when there is a likely answer."""

    message: str
    choices: tuple[Choice, ...] = ()


Request = SetReminder | TurnOff | SetDefaults | Invalid

USAGE = (
    "Set a reminder with the kind, days and time, e.g.\n"
    "• /remind resistance mon,thu 18:00\n"
    "• /remind zone2 tue wed sat 07:30\n"
    "• /remind hiit fri 7am\n"
    "• /remind walk every day at noon\n"
    "/remind defaults sets the article's week · /remind off zone2 · /remind off · /reminders"
)


def _normalize(args: str) -> str:
    text = args.lower().replace("zone 2", "zone2").replace("zone-2", "zone2")
    text = text.replace("–", "-").replace("—", "-")
    text = re.sub(r"\b(?:every|each)\s+day\b", "daily", text)
    text = re.sub(r"(\d)\s*([ap])\.\s*m\b\.?", r"\1\2m", text)  # 6 p.m.
    text = re.sub(r"(\d)\s+(am|pm|h)\b", r"\1\2", text)  # 6 pm, 18 h
    text = re.sub(r"(\d)\s+in the morning\b", r"\1am", text)
    text = re.sub(r"(\d)\s+(?:in the (?:afternoon|evening)|at night)\b", r"\1pm", text)
    text = re.sub(r"\bin the (?:morning|afternoon|evening)\b|\bat night\b", " ", text)
    return re.sub(r"([a-z])\s*-\s*([a-z])", r"\1-\2", text)  # mon - fri


def _take_per_week(text: str) -> tuple[int | None, str]:
    """Return how many times a week the text asks for (or None), and the text without it."""
    match = _PER_WEEK.search(text)
    if match is None:
        return None, text
    word = match[1]
    count = {"once": 1, "twice": 2, "thrice": 3, **_NUMBERS}.get(word)
    return (count if count is not None else int(word)), text[: match.start()] + text[match.end() :]


def _parse_time(word: str) -> tuple[int, int] | None:
    if word in _NAMED_TIMES:
        return _NAMED_TIMES[word]
    match = _TIME.match(word)
    if match is None:
        return None
    hour, separator, minutes, half = int(match[1]), match[2], match[3], match[4]
    if separator in (":", ".") and minutes is None:
        return None
    minute = int(minutes or 0)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif separator is None:
        return None  # a bare number is not a time
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def _one_day_word(word: str) -> tuple[int, ...] | None:
    """Return the days one word names: `mon`, `mondays`, `weekdays`, `daily`."""
    if word in _DAY_WORDS:
        return _DAY_WORDS[word]
    if word.endswith("s") and word[:-1] in _DAY_WORDS:
        return _DAY_WORDS[word[:-1]]  # mondays, tuesdays
    return None


def _parse_day(word: str) -> tuple[int, ...] | None:
    found = _one_day_word(word)
    if found is not None:
        return found
    match = _RANGE.match(word)
    if match:
        first, last = _one_day_word(match[1]), _one_day_word(match[2])
        if first is not None and last is not None and len(first) == len(last) == 1:
            start, end = first[0], last[0]
            return tuple((start + i) % 7 for i in range((end - start) % 7 + 1))
    return None


def _single_day(word: str) -> bool:
    found = _one_day_word(word)
    return found is not None and len(found) == 1


def _join_ranges(words: list[str]) -> list[str]:
    """Return the words with `mon to fri` (or `through`, `till`) as one `mon-fri`."""
    joined: list[str] = []
    i = 0
    while i < len(words):
        if (
            words[i] in _RANGE_WORDS
            and joined
            and i + 1 < len(words)
            and _single_day(joined[-1])
            and _single_day(words[i + 1])
        ):
            joined[-1] = f"{joined[-1]}-{words[i + 1]}"
            i += 2
            continue
        joined.append(words[i])
        i += 1
    return joined


def _hhmm(at: tuple[int, int]) -> str:
    return f"{at[0]:02d}:{at[1]:02d}"


def _days_word(days: tuple[int, ...]) -> str:
    named = {tuple(range(7)): "daily", tuple(range(5)): "weekdays", (5, 6): "weekends"}
    return named.get(tuple(sorted(set(days)))) or days_text(days)


def _example(kind: Kind | None, days: tuple[int, ...], at: tuple[int, int] | None) -> str:
    """Return a `/remind` command close to what was typed, with the gaps filled in."""
    kind = kind or "resistance"
    days = days or SUGGESTED_DAYS[kind][0]
    return f"/remind {_KIND_WORD[kind]} {_days_word(days)} {_hhmm(at or usual_time(kind))}"


def _ask_days(kind: Kind, at: tuple[int, int] | None, per_week: int | None) -> Invalid:
    """Return the question "which days?" with a button per suggested set of days."""
    time = at or usual_time(kind)
    suggested = SUGGESTED_DAYS[kind]
    if per_week is None:
        offered = list(suggested)
    else:
        offered = [d for d in suggested if len(d) == per_week] or [_SPREAD[per_week]]
        if suggested[0] not in offered:
            offered.append(suggested[0])  # the kind's own default, as well
    choices = tuple(
        Choice(
            f"{days_label(days)} {_hhmm(time)}",
            f"/remind {_KIND_WORD[kind]} {days_text(days)} {_hhmm(time)}",
        )
        for days in offered
    )
    advice = f" {ADVICE[kind]}" if kind in ADVICE else ""
    return Invalid(
        f"On which days?{advice} Tap one, or type e.g. {_example(kind, offered[0], time)}",
        choices,
    )


def parse_remind(args: str) -> Request:
    """Return what `/remind <args>` asks for, or Invalid with a message for the user."""
    per_week, text = _take_per_week(_normalize(args))
    words = _join_ranges([w for w in re.split(r"[\s,;/&+]+", text) if w])
    words = [w for w in words if w not in _FILLER]
    if not words:
        if per_week is not None:
            return Invalid(f"Which reminder, {per_week}× a week? e.g. {_example(None, (), None)}")
        return Invalid(USAGE)
    if words[0] in ("off", "stop", "none", "cancel"):
        if len(words) == 1 or words[1] in ("all", "everything"):
            return TurnOff(None)
        kind = _KIND_WORDS.get(words[1])
        if kind is None:
            return Invalid(f"Which reminder? e.g. /remind off zone2. {_kinds_hint()}")
        return TurnOff(kind)
    if words[0] in ("defaults", "default"):
        return SetDefaults()
    kinds: list[Kind] = []
    days: set[int] = set()
    times: list[tuple[int, int]] = []
    unread: list[str] = []
    for word in words:
        if word in _KIND_WORDS:
            kinds.append(_KIND_WORDS[word])
        elif (time := _parse_time(word)) is not None:
            times.append(time)
        elif (found := _parse_day(word)) is not None:
            days.update(found)
        else:
            unread.append(word)
    kind = kinds[0] if kinds else None
    named = tuple(sorted(days))
    at = times[0] if times else None
    if unread:
        word = unread[0][:30]
        if kind is None and word == words[0]:
            return Invalid(
                f"I don't know the reminder '{word}'. {_kinds_hint()} "
                f"e.g. {_example(None, named, at)}"
            )
        return Invalid(
            f"I couldn't read '{word}' as a day or a time, e.g. {_example(kind, named, at)}"
        )
    if kind is None:
        return Invalid(f"Which reminder? {_kinds_hint()} e.g. {_example(None, named, at)}")
    if len(set(kinds)) > 1:
        return Invalid(f"One kind per reminder, please, e.g. {_example(kind, named, at)}")
    if len(set(times)) > 1:
        return Invalid(f"One time per reminder, please, e.g. {_example(kind, named, at)}")
    if per_week is not None and not 1 <= per_week <= 7:
        return Invalid(f"At most once a day, e.g. {_example(kind, named, at)}")
    if not days:
        return _ask_days(kind, at, per_week)
    if at is None:
        return Invalid(f"At what time? e.g. {_example(kind, named, None)}")
    return SetReminder(kind, named, *at)


def _kinds_hint() -> str:
    return "Kinds: resistance, zone2, hiit, walk, summary, nudge."
