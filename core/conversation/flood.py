"""A per-person flood limit: a sliding window of recent messages, noticed once per flood."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Verdict = Literal["ok", "notice", "drop"]

DEFAULT_MESSAGES = 20
DEFAULT_SECONDS = 10.0
MAX_TRACKED = 100_000  # people tracked at once; the oldest idle ones are forgotten first


@dataclass
class FloodLimit:
    """Allow `messages` per `seconds` per person; 0 messages turns the limit off.

    The first message over the limit gets a polite notice, the rest of that flood are
    dropped silently, and the person is welcome again once the window has room.
    """

    messages: int = DEFAULT_MESSAGES
    seconds: float = DEFAULT_SECONDS
    clock: Callable[[], float] = time.monotonic
    _seen: dict[str, deque[float]] = field(default_factory=dict)
    _noticed: set[str] = field(default_factory=set)

    def check(self, who: str) -> Verdict:
        if self.messages <= 0:
            return "ok"
        now = self.clock()
        window = self._seen.pop(who, None) or deque()
        self._seen[who] = window  # re-inserted: dict order is least recently seen first
        while window and window[0] <= now - self.seconds:
            window.popleft()
        if len(self._seen) > MAX_TRACKED:
            oldest = next(iter(self._seen))
            del self._seen[oldest]
            self._noticed.discard(oldest)
        if len(window) < self.messages:
            window.append(now)
            self._noticed.discard(who)
            return "ok"
        if who in self._noticed:
            return "drop"
        self._noticed.add(who)
        return "notice"
