"""One dispatcher round: claim due pings, send them earliest first, record the outcome.

A ping goes out once, or not at all. It is recorded (and its schedule advanced) in the
claim transaction, under a lease (core.reminders.claim.LEASE). Before a ping is sent it
is handed over: a commit marking it, taken only while the claim still holds it. So:

- a process killed mid-round leaves its pings claimed; once the lease has run out,
  another dispatcher claims again those it never handed over (or drops them as late),
  and marks `unknown` those it had (they may have gone out, so never again);
- a send whose answer never came back (DeliveryUnknown: a timeout, a connection cut
  after the request) is marked `unknown`, not retried;
- a send that certainly failed (any other error) is retried; DeliveryRefused pauses
  the person; a clean stop hands unsent pings back to the queue.

Handing over costs a commit, so pings are handed over in groups sized to the notifier's
pace: about HAND_OVER_SECONDS of sending each (one ping at a time at Telegram's 30/s),
and a group that runs long because the pace dropped is cut short (`take_back`). Sent
pings are recorded with the next hand-over. So a process killed mid-group leaves that
group unknown, some of it sent once and the rest not at all; none of it is doubled.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from core.clock import utcnow
from core.reminders.claim import claim
from core.reminders.dispatch_ports import DispatchStore, Ping
from core.reminders.notifier import DeliveryRefused, DeliveryUnknown, Notifier
from core.reminders.texts import ping as ping_reply

logger = logging.getLogger(__name__)

BATCH = 500
ACK_EVERY = 500  # sent pings are marked in groups: one UPDATE per group
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=5))  # then it is marked failed
HAND_OVER_SECONDS = 0.05  # each hand-over covers about this much sending

_Outcome = Literal["sent", "refused", "retried", "unknown"]


@dataclass
class RoundStats:
    claimed: int = 0
    sent: int = 0
    refused: int = 0
    retried: int = 0
    released: int = 0
    unknown: int = 0  # handed over with no answer back: may have arrived, never re-sent


@dataclass
class Pace:
    """How long a platform's sends take lately: sizes its hand-overs (kept across rounds)."""

    seconds_per_send: float | None = None

    def add(self, seconds: float) -> None:
        old = self.seconds_per_send
        self.seconds_per_send = seconds if old is None else old + (seconds - old) * 0.2

    def group(self, left: int) -> int:
        """Return how many of the `left` pings the next hand-over takes (at least one)."""
        if self.seconds_per_send is None:
            return 1
        return max(1, min(left, int(HAND_OVER_SECONDS / max(self.seconds_per_send, 1e-6))))


async def dispatch_round(
    store: DispatchStore,
    notifiers: Mapping[str, Notifier],
    *,
    limit: int = BATCH,
    clock: Callable[[], datetime] = utcnow,
    stop: asyncio.Event | None = None,
    paces: dict[str, Pace] | None = None,
) -> RoundStats:
    """Claim up to `limit` due pings for these platforms and send them.

    `paces`, by platform, carries each notifier's pace from round to round.
    """
    paces = {} if paces is None else paces
    taken = await claim(store, clock(), list(notifiers), limit)
    pings = taken.pings
    stats = RoundStats(claimed=taken.rows, unknown=taken.unknown)
    by_platform: dict[str, list[Ping]] = defaultdict(list)
    for ping in pings:  # already earliest first
        by_platform[ping.platform].append(ping)
    # Platforms go side by side, so a slow rate limit on one does not hold up another.
    await asyncio.gather(
        *(
            _send_all(store, notifiers[platform], queue, stats, clock, stop, paces)
            for platform, queue in by_platform.items()
        )
    )
    return stats


async def _send_all(
    store: DispatchStore,
    notifier: Notifier,
    pings: list[Ping],
    stats: RoundStats,
    clock: Callable[[], datetime],
    stop: asyncio.Event | None,
    paces: dict[str, Pace] | None = None,
) -> None:
    sent: list[int] = []
    refused_users: set[int] = set()
    pace = Pace() if paces is None else paces.setdefault(notifier.platform, Pace())
    held: set[int] = set()  # handed over by this round: its claim still held them
    handed = 0  # pings[:handed] have been through a hand-over
    handed_at = time.monotonic()
    index = 0
    try:
        while index < len(pings):
            if stop is not None and stop.is_set():
                break
            if index == handed:
                group = pings[index : index + pace.group(len(pings) - index)]
                held = await store.hand_over(group, sent, clock())
                sent, handed, handed_at = [], index + len(group), time.monotonic()
            elif time.monotonic() - handed_at > HAND_OVER_SECONDS:
                # The pace has dropped (a burst allowance spent): take back what would now
                # take too long to send, so a kill cannot leave it unknown.
                keep = index + pace.group(handed - index)
                if keep < handed:
                    await store.take_back(pings[keep:handed])
                    handed = keep
                handed_at = time.monotonic()
            ping = pings[index]
            if ping.delivery_id not in held:
                # This claim's lease ran out and another dispatcher has claimed it since.
                logger.warning("reminder %s was claimed again elsewhere", ping.delivery_id)
                stats.released += 1
            elif ping.user_id in refused_users:
                await store.refused(ping)
            else:
                outcome = await _send_one(store, notifier, ping, stats, clock, pace)
                if outcome == "sent":
                    sent.append(ping.delivery_id)
                    if len(sent) >= ACK_EVERY:
                        await store.mark_sent(sent, clock())
                        sent = []
                elif outcome == "refused":
                    refused_users.add(ping.user_id)
            index += 1
    except asyncio.CancelledError:
        # The ping being sent may or may not have gone out: it stays handed over (unknown).
        index += 1
        raise
    finally:
        await store.mark_sent(sent, clock())
        rest = pings[index:]
        if rest:
            stats.released += len(rest)
            await store.release(rest)


async def _send_one(
    store: DispatchStore,
    notifier: Notifier,
    ping: Ping,
    stats: RoundStats,
    clock: Callable[[], datetime],
    pace: Pace,
) -> _Outcome:
    """Send one handed-over ping; record all but a success; return what became of it."""
    try:
        started = time.monotonic()
        try:
            reply = ping_reply(ping.delivery_id, ping.kind, ping.text)
            await notifier.send(ping.external_id, reply)
        finally:
            pace.add(time.monotonic() - started)
    except DeliveryRefused:
        logger.info("%s refused delivery to %s: pausing", notifier.platform, ping.external_id)
        stats.refused += 1
        await store.refused(ping)
        return "refused"
    except DeliveryUnknown as exc:
        logger.warning(
            "reminder %s on %s got no answer (%s): it may have arrived, so it is not sent again",
            ping.delivery_id,
            notifier.platform,
            exc,
        )
        stats.unknown += 1
        await store.unknown(ping)
        return "unknown"
    except Exception:
        logger.warning(
            "sending reminder %s on %s failed", ping.delivery_id, notifier.platform, exc_info=True
        )
        stats.retried += 1
        await store.retry_later(ping, _retry_at(ping, clock()))
        return "retried"
    stats.sent += 1
    return "sent"


def _retry_at(ping: Ping, now: datetime) -> datetime | None:
    """Return when to try again, or None once the retries are used up."""
    if ping.attempts > len(RETRY_DELAYS):
        return None
    return now + RETRY_DELAYS[ping.attempts - 1]
