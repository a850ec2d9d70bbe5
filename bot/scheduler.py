"""The reminder dispatcher process: APScheduler ticks, the database decides what is due.

APScheduler only supplies the clock (an IntervalTrigger job on the running loop) and,
in core.reminders, the cron arithmetic. Nothing lives in its memory or a job store:
each schedule row holds its next fire instant, so any number of dispatcher processes
can start, stop or crash without doubling a ping: what a crashed one held is claimed
again by another once its lease has run out (core.reminders.claim).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot import console
from bot.observability import METRICS
from core.clock import utcnow
from core.messages import Reply
from core.reminders.dispatch import BATCH, Pace, RoundStats, dispatch_round
from core.reminders.dispatch_ports import DispatchStore
from core.reminders.notifier import Notifier

logger = logging.getLogger(__name__)

INTERVAL = timedelta(seconds=5)


class ConsoleNotifier:
    """Prints pings to stdout: the console platform's notifier (`coach run scheduler|all`)."""

    platform = console.PLATFORM

    async def send(self, user_id: str, reply: Reply) -> None:
        sys.stdout.write(f"[reminder for {user_id}]\n{console.render(reply)}\n")
        sys.stdout.flush()


async def drain(
    store: DispatchStore,
    notifiers: Mapping[str, Notifier],
    *,
    batch: int = BATCH,
    clock: Callable[[], datetime] = utcnow,
    stop: asyncio.Event | None = None,
    paces: dict[str, Pace] | None = None,
) -> RoundStats:
    """Run rounds until nothing is due; return the totals."""
    total = RoundStats()
    paces = {} if paces is None else paces  # each notifier's pace, from round to round
    while stop is None or not stop.is_set():
        stats = await dispatch_round(
            store, notifiers, limit=batch, clock=clock, stop=stop, paces=paces
        )
        for field in ("claimed", "sent", "refused", "retried", "released", "unknown"):
            setattr(total, field, getattr(total, field) + getattr(stats, field))
        if stats.claimed == 0:
            break
    return total


async def run_dispatcher(
    store: DispatchStore,
    notifiers: dict[str, Notifier],
    stop: asyncio.Event,
    *,
    interval: timedelta = INTERVAL,
    batch: int = BATCH,
    clock: Callable[[], datetime] = utcnow,
) -> None:
    """Dispatch reminders for these platforms every `interval` until `stop` is set.

    Safe to run in several processes at once (PostgreSQL). Only platforms with a
    notifier here are claimed, so a console-only dispatcher leaves Telegram pings alone.
    """
    if not notifiers:
        raise ValueError("run_dispatcher needs at least one notifier")
    in_flight: set[asyncio.Task[object]] = set()
    paces: dict[str, Pace] = {}

    async def tick() -> None:
        task = asyncio.current_task()
        assert task is not None
        in_flight.add(task)
        task.add_done_callback(in_flight.discard)
        try:
            stats = await drain(store, notifiers, batch=batch, clock=clock, stop=stop, paces=paces)
            METRICS.reminder_round(stats)
            if stats.claimed:
                logger.info("reminders: %s", stats)
        except Exception:
            logger.exception("reminder dispatch round failed; retrying next tick")

    scheduler = AsyncIOScheduler(event_loop=asyncio.get_running_loop())
    job = scheduler.add_job(
        tick,
        IntervalTrigger(seconds=interval.total_seconds()),
        next_run_time=datetime.now(UTC),
        max_instances=1,
        coalesce=True,
        misfire_grace_time=None,
    )
    scheduler.start()
    logger.info("reminder dispatcher running for %s", ", ".join(sorted(notifiers)))
    try:
        await stop.wait()
    finally:
        job.remove()
        # Let a round in flight finish or hand back what it has not sent (it watches
        # `stop`) before the scheduler goes: its shutdown cancels running jobs.
        if in_flight:
            await asyncio.wait(in_flight, timeout=30)
        scheduler.shutdown(wait=False)
