"""Collects samples one at a time, as a reader streams them, into an `Activity`."""

from __future__ import annotations

from datetime import UTC, datetime

from core.activities.activity import Activity

MAX_MOVING_GAP_S = 30.0  # a longer gap between samples is a pause, not movement


class TrackBuilder:
    """Accumulates (time, heart rate) samples, keeping nothing but the HR pairs.

    Times are kept as seconds after the first sample, so that in the usual case (samples in
    order) the pairs need no second pass and no copy beyond the final tuple.
    """

    def __init__(self) -> None:
        self._first: float | None = None
        self._earliest = 0.0  # relative to the first sample, like everything below
        self._latest = 0.0
        self._previous = 0.0
        self._moving = 0.0
        self._hr: list[tuple[float, int]] = []
        self._hr_in_order = True

    @property
    def empty(self) -> bool:
        """Return whether no timed sample has been added."""
        return self._first is None

    def add(self, epoch_s: float, hr: int | None) -> None:
        """Add one sample: its time in POSIX seconds and its heart rate, if any."""
        if self._first is None:
            self._first = epoch_s
        at = round(float(epoch_s) - self._first, 3)
        gap = at - self._previous
        if 0 < gap <= MAX_MOVING_GAP_S:
            self._moving += gap
        self._previous = at
        if at < self._earliest:
            self._earliest = at
        elif at > self._latest:
            self._latest = at
        if hr is None or hr <= 0:
            return
        if self._hr:
            last = self._hr[-1][0]
            if at == last:  # a repeated time (Garmin's TCX lap boundary) is one sample
                return
            if at < last:
                self._hr_in_order = False
        self._hr.append((at, hr))

    def build(self, sport: str, fmt: str, local_offset_s: int | None = None) -> Activity:
        """Return the activity; call only when not `empty`."""
        assert self._first is not None
        shift = self._earliest  # 0 unless a sample came before the first one
        if self._hr_in_order and not shift:
            hr = tuple(self._hr)
        else:
            hr = tuple(_ordered_unique(self._hr, shift))
        return Activity(
            sport=sport,
            start=datetime.fromtimestamp(self._first + shift, UTC),
            elapsed_s=self._latest - shift,
            moving_s=self._moving,
            hr=hr,
            local_offset_s=local_offset_s,
            fmt=fmt,
        )


def _ordered_unique(samples: list[tuple[float, int]], shift: float) -> list[tuple[float, int]]:
    """Return the samples sorted by time, one per time, measured from `shift`."""
    out: list[tuple[float, int]] = []
    for at, bpm in sorted(samples, key=lambda sample: sample[0]):
        since_start = round(at - shift, 3)
        if not out or since_start != out[-1][0]:
            out.append((since_start, bpm))
    return out
