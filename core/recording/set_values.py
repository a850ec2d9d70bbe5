"""The values a strength part is read into: a load, a set as written, and their numbers.

`Load` is a weight named in a part (`100kg`, `bw+10`), carried to the parts after it;
`RawSet` one set before it becomes an entry. `number` reads a digit string (too long for
any real lift: infinite), `shown` prints one for a message, `unit_of` reads a unit word,
`unloggable` finds a number no log is written with (`1e308`, `inf`), to refuse, not read.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from core.recording.entries import Unit


@dataclass(frozen=True)
class Load:
    weight: float
    unit: Unit
    bodyweight: bool  # `weight` is added to bodyweight


@dataclass(frozen=True)
class RawSet:
    """A set as written; reps are checked whole numbers, weight None when not given."""

    reps: float
    weight: float | None
    unit: Unit
    bodyweight: bool
    rpe: float | None
    warmup: bool = False


def number(text: str) -> float:
    """Return `text` as a float; digit strings too long for any real lift are infinite."""
    return math.inf if len(text.split(".")[0]) > 9 else float(text)


# What a float would read but no one logs a set or a session with: exponent notation (read
# digit by digit, `bw+1e308` would be 1 kg), and infinity or not-a-number where a number
# goes (after `x`, `+`, `@`, `rpe`, `hr`..., or before `x`, a unit or a set word).
_NOT_FINITE = r"inf(?:inity)?|nan"
_UNLOGGABLE = re.compile(
    r"(?<![a-wyz\d.])\d+(?:\.\d+)?e[+-]?\d+|∞"
    rf"|(?:[x×*+@:=/]|\b(?:rpe|rir|hr|bpm|of))\s*(?:{_NOT_FINITE})(?![a-z])"
    rf"|(?<![a-z])(?:{_NOT_FINITE})\s*(?:[x×*/+]|(?:kgs?|kilos?|lbs?|pounds?|sets?|reps?|rpe|rir"
    r"|min(?:ute)?s?|h(?:ou)?rs?|sec(?:ond)?s?|bpm|km|miles?)(?![a-z]))"
)
_NUMBER_IN = re.compile(rf"\d+(?:\.\d+)?e[+-]?\d+|∞|{_NOT_FINITE}")


def unloggable(text: str) -> str | None:
    """Return the first number in lowercased `text` that can't be logged (`1e308`, `inf`)."""
    found = _UNLOGGABLE.search(text)
    if found is None:
        return None
    number_in = _NUMBER_IN.search(found[0])
    return number_in[0] if number_in else found[0].strip()


def shown(value: float) -> str:
    """Return `value` for a message: `102.5`, or words for a number too big to print."""
    return f"{value:g}" if value < 1e9 else "over a billion"


def unit_of(word: str | None, default: Unit) -> Unit:
    if not word:
        return default
    return "lb" if word.startswith(("lb", "pound")) else "kg"


def weight_of(load: Load | None) -> tuple[float | None, Unit | None]:
    return (load.weight, load.unit) if load else (None, None)
