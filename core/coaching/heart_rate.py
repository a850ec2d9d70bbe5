"""The person's Zone 2 heart-rate range, and where a session's average falls in it.

The one definition the FAQ answer, the reply to a Zone 2 log, an activity file and `/week`
all use. The maximum heart rate is the person's own when they set it (`/profile maxhr
182`), else estimated from age (Tanaka). Zone 2 is 60–70% of it; with a resting heart rate
(`/profile resthr 55`) it is 60–70% of the heart-rate reserve instead (Karvonen: rest +
60–70% of max − rest), which sits higher for a fit person with a low resting rate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

# Tanaka, Monahan & Seals 2001: maximum heart rate ≈ 208 − 0.7 × age.
TANAKA_INTERCEPT = 208.0
TANAKA_SLOPE = 0.7
ZONE2_LOW, ZONE2_HIGH = 0.60, 0.70  # the article: 60–70% of maximum heart rate
# The ages the estimate is given for; outside them the coach gives no range.
MIN_AGE, MAX_AGE = 18, 100

AGE_HINT = "Tell me your age (/profile age 62) and I'll check your heart rate against your Zone 2."

Position = Literal["below", "in", "above"]


class Zone2Range(NamedTuple):
    """Maximum heart rate and the Zone 2 range, in bpm."""

    max_hr: int
    low: int
    high: int


def _round(x: float) -> int:
    return int(x + 0.5)


def zone2_range(age: int) -> Zone2Range:
    """Return (max heart rate, low, high) in bpm for `age`, by the Tanaka formula."""
    max_hr = TANAKA_INTERCEPT - TANAKA_SLOPE * age
    return Zone2Range(_round(max_hr), _round(ZONE2_LOW * max_hr), _round(ZONE2_HIGH * max_hr))


def zone2_for(
    age: int | None, max_hr: int | None = None, rest_hr: int | None = None
) -> Zone2Range | None:
    """Return the person's Zone 2 range, or None with neither a measured maximum nor an age
    the estimate holds for."""
    if max_hr is None:
        if age is None or not MIN_AGE <= age <= MAX_AGE:
            return None
        top = TANAKA_INTERCEPT - TANAKA_SLOPE * age
    else:
        top = float(max_hr)
    if rest_hr is not None and rest_hr < top:  # Karvonen: a share of the reserve
        reserve = top - rest_hr
        return Zone2Range(
            _round(top),
            _round(rest_hr + ZONE2_LOW * reserve),
            _round(rest_hr + ZONE2_HIGH * reserve),
        )
    return Zone2Range(_round(top), _round(ZONE2_LOW * top), _round(ZONE2_HIGH * top))


def zone2_position(avg_hr: int, zone: Zone2Range) -> Position:
    """Return whether `avg_hr` is below, in or above the range (both ends are in)."""
    if avg_hr < zone.low:
        return "below"
    return "above" if avg_hr > zone.high else "in"


def heart_rate_line(avg_hr: int, zone: Zone2Range) -> str:
    """Return the one line on a Zone 2 session's average heart rate: what it was, what to change."""
    where = f"your Zone 2 ({zone.low}–{zone.high})"
    position = zone2_position(avg_hr, zone)
    if position == "above":
        return (
            f"⚠️ {avg_hr} bpm is above {where}: slow down until you can talk in full "
            "sentences; walk the hills."
        )
    if position == "below":
        return (
            f"❤️ {avg_hr} bpm is below {where}: fine if you are just starting out; "
            "otherwise go a little faster, until talking takes some effort."
        )
    return f"❤️ {avg_hr} bpm is in {where}: keep that pace."


def heart_rate_lines(
    avg_hrs: Sequence[int],
    age: int | None,
    max_hr: int | None = None,
    rest_hr: int | None = None,
) -> list[str]:
    """Return a line per Zone 2 average heart rate, or once how to get the check."""
    if not avg_hrs:
        return []
    zone = zone2_for(age, max_hr, rest_hr)
    if zone is None:
        return [AGE_HINT] if age is None else []
    return [heart_rate_line(hr, zone) for hr in avg_hrs]


def sessions_above(avg_hrs: Sequence[int | None], zone: Zone2Range | None) -> int:
    """Return how many of the sessions' averages ran above the range."""
    if zone is None:
        return 0
    return sum(1 for hr in avg_hrs if hr is not None and zone2_position(hr, zone) == "above")
