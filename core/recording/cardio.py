"""Reads a cardio session out of a text fragment: kind, activity, duration, heart rate."""

from __future__ import annotations

import re

from core.recording.entries import CardioEntry, Modality, Problem
from core.recording.set_notation import number, shown

MAX_MINUTES = 24 * 60
MIN_HR, MAX_HR = 30, 250
# `a:bb` is hours:minutes up to this many hours, minutes:seconds above it (`45:30`).
MAX_CLOCK_HOURS = 5

_ZONE2 = re.compile(r"\b(?:zone\s*2|z2)\b")
_HIIT = re.compile(r"\b(?:hiit|intervals?|tabata|sprints?)\b")
_WORD = re.compile(r"[a-z]+")
ACTIVITIES = {
    **dict.fromkeys(("run", "ran", "running", "jog", "jogged", "jogging"), "run"),
    **dict.fromkeys(("bike", "biked", "biking", "cycle", "cycled", "cycling", "spin"), "bike"),
    **dict.fromkeys(("row", "rowed", "rowing", "rower", "erg"), "row"),
    **dict.fromkeys(("walk", "walked", "walking"), "walk"),
    **dict.fromkeys(("swim", "swam", "swimming"), "swim"),
    **dict.fromkeys(("hike", "hiked", "hiking"), "hike"),
    **dict.fromkeys(("elliptical", "crosstrainer"), "elliptical"),
    **dict.fromkeys(("stairs", "stairmaster", "stepper"), "stairs"),
}

_NUM = r"\d+(?:\.\d+)?"
_HOURS = re.compile(
    rf"(?<![\w.])({_NUM})\s*(?:hours?|hrs?|h)(?:\s*(\d{{1,2}})(?!\d)\s*(?:minutes?|mins?|m)?)?(?![a-z])"
)
_CLOCK = re.compile(r"(?<![\d:])(\d{1,2}):([0-5]\d)(?::([0-5]\d))?(?![\d:])")
_REPEATS = re.compile(rf"(?<![\w.])(\d{{1,3}})\s*x\s*({_NUM})\s*(?:minutes?|mins?)(?![a-z])")
_MINUTES = re.compile(rf"(?<![\w.])({_NUM})\s*(?:minutes?|mins?|m)(?![a-z])")
_SECONDS = re.compile(rf"(?<![\w.])({_NUM})\s*(?:seconds?|secs?)(?![a-z])")
_HEART_RATE = re.compile(
    r"(?:\b(?:avg|average)\.?\s*)?\b(?:hr|heart\s*rate|pulse)\s*[:=]?\s*(\d{1,9})(?!\d)"
    r"|(?<![\w.])(\d{1,9})\s*bpm\b"
)
_DIGIT = re.compile(r"\d")


def mentions_cardio(text: str) -> bool:
    """Return whether lowercased `text` names zone 2, intervals or a cardio activity."""
    return bool(
        _ZONE2.search(text)
        or _HIIT.search(text)
        or any(w in ACTIVITIES for w in _WORD.findall(text))
    )


def read_minutes(text: str) -> tuple[float | None, str]:
    """Return the total duration in minutes (None if none) and `text` without it."""
    total = 0.0
    found = False

    def take(minutes: float) -> str:
        nonlocal total, found
        total += minutes
        found = True
        return " "

    text = _REPEATS.sub(lambda m: take(int(m[1]) * number(m[2])), text)
    text = _HOURS.sub(lambda m: take(number(m[1]) * 60 + int(m[2] or 0)), text)
    text = _CLOCK.sub(lambda m: take(_clock_minutes(m)), text)
    text = _MINUTES.sub(lambda m: take(number(m[1])), text)
    text = _SECONDS.sub(lambda m: take(number(m[1]) / 60), text)
    return (total if found else None), text


def _clock_minutes(m: re.Match[str]) -> float:
    first, second = int(m[1]), int(m[2])
    if m[3] is not None:
        return first * 60 + second + int(m[3]) / 60
    return first * 60 + second if first <= MAX_CLOCK_HOURS else first + second / 60


def read_heart_rate(text: str) -> tuple[int | None, str]:
    """Return the average heart rate mentioned (None if none) and `text` without it."""
    m = _HEART_RATE.search(text)
    if not m:
        return None, text
    return int(m[1] or m[2]), text[: m.start()] + " " + text[m.end() :]


def _modality(text: str, activity: str | None) -> Modality:
    if _ZONE2.search(text):
        return "zone2"
    if _HIIT.search(text):
        return "hiit"
    return "walk" if activity == "walk" else "other"


def _activity(text: str) -> str | None:
    return next((ACTIVITIES[w] for w in _WORD.findall(text) if w in ACTIVITIES), None)


def read_cardio(text: str, source: str) -> CardioEntry | Problem | None:
    """Return the cardio session in lowercased `text`, a Problem, or None if it has none.

    A session needs a duration; a cardio word with other numbers but no duration is
    a Problem, and one with no numbers at all (a question, a note) is None.
    """
    if not mentions_cardio(text):
        return None
    activity = _activity(text)
    modality = _modality(text, activity)
    rest = _ZONE2.sub(" ", text)
    minutes, rest = read_minutes(rest)
    hr, rest = read_heart_rate(rest)
    what = activity or ("zone 2" if modality == "zone2" else "session")
    if minutes is None:
        if hr is None and not _DIGIT.search(rest):
            return None
        return Problem("unreadable", source, f"How long was the {what}? e.g. `zone 2 run 45 min`")
    if minutes <= 0 or minutes > MAX_MINUTES:
        return Problem(
            "implausible",
            source,
            f"Was the {what} really {shown(round(minutes) if minutes < 1e9 else minutes)} minutes? "
            "I can log 1 minute to 24 hours, e.g. `zone 2 bike 45 min`.",
        )
    if hr is not None and not MIN_HR <= hr <= MAX_HR:
        return Problem(
            "implausible",
            source,
            f"An average heart rate of {hr} bpm? I expect {MIN_HR}–{MAX_HR}, "
            "e.g. `zone 2 run 45 min hr 128`.",
        )
    return CardioEntry(modality, round(minutes, 2), activity, hr, source)
