"""The values a recorded activity is read into: an `Activity`, or `NotAnActivity` saying why not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# Every value `Activity.sport` can take.
SPORTS = ("running", "cycling", "walking", "swimming", "skiing", "rowing", "hiking", "other")


@dataclass(frozen=True)
class Activity:
    """One recorded workout, reduced to what heart-rate coaching needs.

    `hr` holds (seconds since `start`, bpm) for every sample with a heart rate above 0, in time
    order, with a second sample at the same time dropped. `moving_s` is the sum of the gaps
    between consecutive samples (with or without heart rate) that are above 0 and at most 30 s,
    so a pause does not count as moving.
    """

    sport: str
    start: datetime
    elapsed_s: float
    moving_s: float
    hr: tuple[tuple[float, int], ...]
    local_offset_s: int | None = None
    fmt: str = ""


@dataclass(frozen=True)
class NotAnActivity:
    """Why a file could not be read: one line a person can act on."""

    message: str
