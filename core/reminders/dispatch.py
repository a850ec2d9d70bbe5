"""One dispatcher round: claim due pings, send them earliest first, record the outcome.

Delivery is at most once. A ping is recorded (and its schedule advanced) in the claim
transaction, before it is sent, so nothing can send it a second time. The price is
that a process killed between that commit and the send loses the pings it held: the
reaper marks them `unknown` after a lease, never re-sends them. A clean stop hands
unsent pings back to the queue; a send that fails with an ordinary error is retried
(it did not go out); DeliveryRefused pauses the person.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.clock import utcnow
from core.reminders.claim import claim
from core.reminders.dispatch_ports import DispatchStore, Ping
from core.reminders.notifier import DeliveryRefused, Notifier
from core.reminders.texts import ping as ping_reply

logger = logging.getLogger(__name__)

BATCH = 500
ACK_EVERY = 500  # sent pings are marked in groups: one UPDATE per group
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=5))  # then it is marked failed
LEASE = timedelta(minutes=15)  # a claim older than this belongs to a dead dispatcher


@dataclass
class RoundStats:
    claimed: int = 0
    sent: int = 0
    refused: int = 0
    retried: int = 0
    released: int = 0


async def dispatch_round(
    store: DispatchStore,
    notifiers: Mapping[str, Notifier],
    *,
    limit: int = BATCH,
    clock: Callable[[], datetime] = utcnow,
    stop: asyncio.Event | None = None,
) -> RoundStats:
    """Claim up to `limit` due pings for these platforms and send them."""
    taken = await claim(store, clock(), list(notifiers), limit)
    pings = taken.pings
    stats = RoundStats(claimed=taken.rows)
    by_platform: dict[str, list[Ping]] = defaultdict(list)
    for ping in pings:  # already earliest first
        by_platform[ping.platform].append(ping)
    # Platforms go side by side, so a slow rate limit on one does not hold up another.
    await asyncio.gather(
        *(
            _send_all(store, notifiers[platform], queue, stats, clock, stop)
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
) -> None:
    sent: list[int] = []
    refused_users: set[int] = set()
    index = 0
    try:
        while index < len(pings):
            if stop is not None and stop.is_set():
                break
            ping = pings[index]
            if ping.user_id in refused_users:
                await store.refused(ping)
                index += 1
                continue
            try:
                await notifier.send(
                    ping.external_id, ping_reply(ping.delivery_id, ping.kind, ping.text)
                )
            except DeliveryRefused:
                logger.info(
                    "%s refused delivery to %s: pausing", notifier.platform, ping.external_id
                )
                refused_users.add(ping.user_id)
                stats.refused += 1
                await store.refused(ping)
            except Exception:
                logger.warning(
                    "sending reminder %s on %s failed",
                    ping.delivery_id,
                    notifier.platform,
                    exc_info=True,
                )
                stats.retried += 1
                await store.retry_later(ping, _retry_at(ping, clock()))
            else:
                sent.append(ping.delivery_id)
                stats.sent += 1
                if len(sent) >= ACK_EVERY:
                    await store.mark_sent(sent, clock())
                    sent = []
            index += 1
    except asyncio.CancelledError:
        # The ping being sent may or may not have gone out: it stays claimed (at most once).
        index += 1
        raise
    finally:
        await store.mark_sent(sent, clock())
        rest = [p.delivery_id for p in pings[index:]]
        if rest:
            stats.released += len(rest)
            await store.release(rest)


def _retry_at(ping: Ping, now: datetime) -> datetime | None:
    """Return when to try again, or None once the retries are used up."""
    if ping.attempts > len(RETRY_DELAYS):
        return None
    return now + RETRY_DELAYS[ping.attempts - 1]
