"""Lines of a log that were read as nothing, said back so none is lost in silence.

In a message of several lines where something was recorded or asked, a line that names a
lift or an activity and holds a number, yet gave neither a record nor a question
(`I had my five deadlifts at a heavy for me, 305 pounds.` under a squat's sets), is said
back: nothing from it was recorded, and how to send it. A line of words alone, or of
numbers with no lift (`felt good`, `Week 3`), is a note and stays quiet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.recording.cardio import ACTIVITIES
from core.recording.catalogue import NAME_WORDS_ALONE, singular
from core.recording.entries import Problem
from core.recording.notes import PAST, PLAN

_WORD = re.compile(r"[a-z]+")
_NUMBER = re.compile(r"\d")
# A treadmill's settings under its session (`-2.2mph @ 10 degree incline`): no lift's line.
_SETTINGS = re.compile(r"\d\s*(?:mph|kph|km/?h)\b|\bdegrees?\b|%\s*incline\b")
_NOT_DONE = re.compile(r"\b(?:skipped|skip|missed|didn'?t|did\s+not|no)\b|\bago\b")
_WORDS = NAME_WORDS_ALONE | frozenset(ACTIVITIES)
MAX_SAID_BACK = 3  # more unread lines than that: one word for the rest


def unread_lines(text: str, sources: Iterable[str]) -> list[Problem]:
    """Return a note for each line of `text` that names a lift or an activity with a number
    and that no recorded entry or question in `sources` came from."""
    if "\n" not in text.strip():
        return []
    pieces = [p.strip().lower() for s in sources for p in s.split("\n") if p.strip()]
    unread = []
    for line in text.split("\n"):
        plain = line.strip()
        lower = plain.lower()
        if not _NUMBER.search(lower) or any(p in lower or lower in p for p in pieces):
            continue
        if _SETTINGS.search(lower):
            continue
        if PLAN.search(lower) or PAST.search(lower) or _NOT_DONE.search(lower):
            continue  # `run tomorrow 5k`, `2 years ago I squatted 140`, `deadlifts skipped`
        words = _WORD.findall(lower)
        if _WORDS.isdisjoint(words) and _WORDS.isdisjoint(map(singular, words)):
            continue
        unread.append(plain)
    notes = [
        Problem(
            "unreadable",
            line,
            "I couldn't read that line. If it was a workout, send it on its own, e.g. "
            "`deadlift 3x5 140kg` or `walk 30 min`.",
        )
        for line in unread[:MAX_SAID_BACK]
    ]
    if len(unread) > MAX_SAID_BACK:
        rest = len(unread) - MAX_SAID_BACK
        notes.append(
            Problem(
                "unreadable",
                "\n".join(unread[MAX_SAID_BACK:])[:200],
                f"…and {rest} more line{'s' if rest > 1 else ''} I couldn't read, not recorded.",
            )
        )
    return notes
