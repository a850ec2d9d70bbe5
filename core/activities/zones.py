"""Time in a heart-rate band, and the mean and peak, from an activity's HR samples.

For time in a band, each sample is credited with the time until the next sample. A gap over
30 s is a pause or a strap drop-out, so it is credited to nobody, nor is a gap of 0 s or less;
the last sample gets nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise

MAX_CREDITED_GAP_S = 30.0

HrSamples = Sequence[tuple[float, int]]


def credited(hr: HrSamples) -> Iterator[tuple[float, int]]:
    """Yield (seconds credited, bpm) for each sample followed by a countable gap."""
    for (at, bpm), (next_at, _) in pairwise(hr):
        gap = next_at - at
        if 0 < gap <= MAX_CREDITED_GAP_S:
            yield gap, bpm


def _minutes_where(hr: HrSamples, keep: Callable[[int], bool]) -> float:
    return sum(gap for gap, bpm in credited(hr) if keep(bpm)) / 60


def minutes_between(hr: HrSamples, low: int, high: int) -> float:
    """Return the minutes spent with low ≤ bpm ≤ high (both inclusive)."""
    return _minutes_where(hr, lambda bpm: low <= bpm <= high)


def minutes_above(hr: HrSamples, high: int) -> float:
    """Return the minutes spent above `high` bpm (high itself not included)."""
    return _minutes_where(hr, lambda bpm: bpm > high)


def average_hr(hr: HrSamples) -> float | None:
    """Return the mean bpm over all samples, or None without any.

    A plain mean, as watches and the fixtures' reference figures report it: with smart
    recording (a sample every few seconds) it differs slightly from a time-weighted mean.
    """
    return sum(bpm for _, bpm in hr) / len(hr) if hr else None


def max_hr(hr: HrSamples) -> int | None:
    """Return the highest bpm recorded, or None without samples."""
    return max((bpm for _, bpm in hr), default=None)
