"""The values a strength part is read into: a load, a set as written, and their numbers.

`Load` is a weight named in a part (`100kg`, `bw+10`), carried to the parts after it;
`RawSet` one set before it becomes an entry. `number` reads a digit string (too long for
any real lift: infinite), `shown` prints one for a message, `unit_of` reads a unit word.
"""

from __future__ import annotations

import math
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


def number(text: str) -> float:
    """Return `text` as a float; digit strings too long for any real lift are infinite."""
    return math.inf if len(text.split(".")[0]) > 9 else float(text)


def shown(value: float) -> str:
    """Return `value` for a message: `102.5`, or words for a number too big to print."""
    return f"{value:g}" if value < 1e9 else "over a billion"


def unit_of(word: str | None, default: Unit) -> Unit:
    if not word:
        return default
    return "lb" if word.startswith(("lb", "pound")) else "kg"


def weight_of(load: Load | None) -> tuple[float | None, Unit | None]:
    return (load.weight, load.unit) if load else (None, None)
