"""The words of `/remind`: a kind, days and a time, `defaults`, or `off`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.reminders.schedule import DAY_NAMES, Kind, days_text

_KIND_WORDS: dict[str, Kind] = {
    "resistance": "resistance",
    "strength": "resistance",
    "lifting": "resistance",
    "lift": "resistance",
    "weights": "resistance",
    "zone2": "zone2",
    "z2": "zone2",
    "cardio": "zone2",
    "hiit": "hiit",
    "intervals": "hiit",
    "interval": "hiit",
    "summary": "weekly-summary",
    "weekly-summary": "weekly-summary",
    "week": "weekly-summary",
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
    "weekdays": tuple(range(5)),
    "weekends": (5, 6),
    "weekend": (5, 6),
}
_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$")
_RANGE = re.compile(r"^([a-z]+)-([a-z]+)$")


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
    message: str


Request = SetReminder | TurnOff | SetDefaults | Invalid

USAGE = (
    "Set a reminder with the kind, days and time, e.g.\n"
    "• /remind resistance mon,thu 18:00\n"
    "• /remind zone2 tue wed sat 07:30\n"
    "• /remind hiit fri 07:00\n"
    "/remind defaults sets the article's week · /remind off zone2 · /remind off · /reminders"
)


def _parse_time(word: str) -> tuple[int, int] | None:
    match = _TIME.match(word)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    if match[3]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[3] == "pm" else 0)
    elif match[2] is None:
        return None  # a bare number is not a time
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def _parse_day(word: str) -> tuple[int, ...] | None:
    if word in _DAY_WORDS:
        return _DAY_WORDS[word]
    match = _RANGE.match(word)
    if match and match[1] in _DAY_WORDS and match[2] in _DAY_WORDS:
        first, last = _DAY_WORDS[match[1]], _DAY_WORDS[match[2]]
        if len(first) == len(last) == 1:
            start, end = first[0], last[0]
            return tuple((start + i) % 7 for i in range((end - start) % 7 + 1))
    return None


def parse_remind(args: str) -> Request:
    """Return what `/remind <args>` asks for, or Invalid with a message for the user."""
    text = args.lower().replace("zone 2", "zone2").replace("zone-2", "zone2")
    text = re.sub(r"(\d)\s+(am|pm)\b", r"\1\2", text)
    words = [w for w in re.split(r"[\s,;/]+", text) if w and w not in ("at", "on", "and")]
    if not words:
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
    kind = _KIND_WORDS.get(words[0])
    if kind is None:
        return Invalid(f"I don't know the reminder '{words[0][:30]}'. {_kinds_hint()}\n\n{USAGE}")
    days: set[int] = set()
    at: tuple[int, int] | None = None
    for word in words[1:]:
        time = _parse_time(word)
        if time is not None:
            if at is not None:
                return Invalid("One time per reminder, please, e.g. /remind hiit fri 07:00.")
            at = time
            continue
        found = _parse_day(word)
        if found is None:
            return Invalid(f"I couldn't read '{word[:30]}' as a day or a time.\n\n{USAGE}")
        days.update(found)
    if not days:
        return Invalid(f"On which days? e.g. /remind {words[0]} mon,thu 18:00")
    if at is None:
        return Invalid(f"At what time? e.g. /remind {words[0]} {days_text(tuple(days))} 18:00")
    return SetReminder(kind, tuple(sorted(days)), *at)


def _kinds_hint() -> str:
    return "Kinds: resistance, zone2, hiit, summary, nudge."
