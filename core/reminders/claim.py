"""The dispatcher's claim: which due pings go out, in what words, and when each fires next.

One claim is one storage transaction (DispatchStore.claim_transaction). Storage locks a
batch of due schedules, queued deliveries and deliveries whose claim's lease expired, and
reads the batch's training in one go; here each row is judged: found too late (dropped),
its person paused (refused), nothing to say (skipped), composing broke on their data
(failed), handed to the platform by a dispatcher that then died (unknown: it may have
gone out), or claimed with its text. Storage then records one delivery per (schedule,
fire instant), moves each schedule to its next fire and updates the other deliveries.
Only after that commits are the pings returned for sending, earliest first.

A claim holds its pings for LEASE. The dispatcher hands each ping over (a commit)
before sending it, and only while its claim still holds it; so a ping its dispatcher
never handed over can be claimed again once the lease has run out, and one it did
hand over never is: a ping goes out once, or (when the answer is lost) not at all.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.reminders.compose import Prefetched, compose, data_need, local_day
from core.reminders.dispatch_ports import (
    ClaimTransaction,
    DispatchStore,
    DueQueued,
    DueSchedule,
    History,
    HistoryNeed,
    NewDelivery,
    NextFire,
    Ping,
    QueuedOutcome,
    Recipient,
)
from core.reminders.ports import Status
from core.reminders.schedule import Kind, following_fire, is_late, next_week_fire

logger = logging.getLogger(__name__)

# A claim older than this belongs to a dispatcher that died (or is stuck): what it never
# handed over is claimed again. A live round takes well under it (1,500 pings at
# Telegram's 30/s: 50 s); a live one past it gives up only what it had not handed over.
LEASE = timedelta(minutes=5)


@dataclass(frozen=True)
class Claim:
    """What one claim took: `rows` due items handled, of which `pings` are to be sent.

    `unknown`: rows a dead dispatcher had handed to the platform, now marked unknown.
    """

    rows: int
    pings: list[Ping]
    unknown: int = 0


def lease_expired_before(now: datetime) -> datetime:
    """Return the instant before which a claim's lease has run out at `now`."""
    return now - LEASE


@dataclass(slots=True)
class _Due:
    """One claimed row being judged: its status, and its text once composed."""

    schedule_id: int
    recipient: Recipient
    kind: Kind
    fire_at: datetime
    platform: str
    external_id: str
    text: str | None = None  # a retry arrives with the words it sends again
    status: Status = "claimed"


async def claim(store: DispatchStore, now: datetime, platforms: Sequence[str], limit: int) -> Claim:
    """Claim up to `limit` due schedules and `limit` due queued deliveries of `platforms`.

    Returns the pings to send, earliest first, once the claim has committed.
    """
    platforms = list(platforms)
    async with store.claim_transaction() as tx:
        scheduled = await tx.due_schedules(now, platforms, limit)
        queued = await tx.due_queued(now, platforms, limit)
        queued += await tx.expired_claims(lease_expired_before(now), platforms, limit)
        fresh = [_fresh(row) for row in scheduled]
        again = [_again(row) for row in queued]
        dues = [*fresh, *again]
        _drop_late(dues, now)
        need = _history_need(dues)
        history = await tx.history(need) if need is not None else History((), ())
        _compose_all(dues, Prefetched(history.sets, history.cardio))
        pings: list[Ping] = []
        if scheduled:
            pings += await _record_fresh(tx, scheduled, fresh, now)
        if queued:
            pings += await _record_again(tx, queued, again, now)
    pings.sort(key=lambda p: (p.due_at, p.delivery_id))
    unknown = _log_abandoned(queued, again)
    return Claim(len(scheduled) + len(queued), pings, unknown)


def _fresh(row: DueSchedule) -> _Due:
    s = row.schedule
    return _Due(row.id, row.recipient, s.kind, row.fire_at, s.platform, s.external_id)


def _again(row: DueQueued) -> _Due:
    # Handed over by a dispatcher that died: it may have gone out, so it never goes again.
    status: Status = "unknown" if row.handed else "refused" if row.paused else "claimed"
    return _Due(
        row.schedule_id,
        row.recipient,
        row.kind,
        row.fire_at,
        row.platform,
        row.external_id,
        text=row.text,
        status=status,
    )


def _drop_late(dues: Sequence[_Due], now: datetime) -> None:
    """Mark pings found too long after their fire instant dropped: a late ping is noise."""
    for due in dues:
        if due.status == "claimed" and is_late(due.fire_at, now):
            due.status, due.text = "dropped", None


def _history_need(dues: Sequence[_Due]) -> HistoryNeed | None:
    """Return the training the batch's texts are built from, or None if none needs any."""
    users: dict[int, bool] = {}  # user id -> needs cardio too
    since = until = None
    for due in dues:
        if due.status != "claimed":
            continue
        day = local_day(due.fire_at, due.recipient.timezone)
        if due.text is None:
            need = data_need(due.kind, day)
            if need is None:
                continue
            first, last, cardio = need.since, need.until, need.cardio
        elif due.kind == "resistance":  # a retry keeps its text; re-check "trained today"
            first, last, cardio = day, day, False
        else:
            continue
        user_id = due.recipient.user_id
        users[user_id] = users.get(user_id, False) or cardio
        since = first if since is None else min(since, first)
        until = last if until is None else max(until, last)
    if since is None or until is None:
        return None
    cardio_users = [user_id for user_id, cardio in users.items() if cardio]
    return HistoryNeed(list(users), cardio_users, since, until)


def _compose_all(dues: Sequence[_Due], data: Prefetched) -> None:
    for due in dues:
        if due.status != "claimed":
            continue
        try:
            _compose_one(data, due)
        except Exception:
            # One person's data that breaks composing must not hold up the others'
            # pings (the whole claim would roll back, tick after tick).
            logger.warning(
                "composing %s reminder %s for user %s failed",
                due.kind,
                due.schedule_id,
                due.recipient.user_id,
                exc_info=True,
            )
            due.status, due.text = "failed", None


def _compose_one(data: Prefetched, due: _Due) -> None:
    """Set the due ping's text, or mark it skipped when it has nothing to say."""
    if due.text is not None:  # a retry resends its text, unless trained today meanwhile
        if due.kind == "resistance" and data.trained_on(
            due.recipient.user_id, local_day(due.fire_at, due.recipient.timezone)
        ):
            due.status, due.text = "skipped", None
        return
    due.text = compose(data, due.recipient, due.kind, due.fire_at)
    if due.text is None:
        due.status = "skipped"


async def _record_fresh(
    tx: ClaimTransaction, scheduled: Sequence[DueSchedule], dues: Sequence[_Due], now: datetime
) -> list[Ping]:
    """Record a delivery per schedule and advance each; return the new pings to send."""
    rows = [
        NewDelivery(
            schedule_id=due.schedule_id,
            user_id=due.recipient.user_id,
            kind=due.kind,
            fire_at=due.fire_at,
            due_at=due.fire_at,
            platform=due.platform,
            external_id=due.external_id,
            status=due.status,
            attempts=1 if due.status == "claimed" else 0,
            claimed_at=now,
        )
        for due in dues
    ]
    inserted = await tx.insert_deliveries(rows)
    fires: list[NextFire] = []
    pings: list[Ping] = []
    for row, due in zip(scheduled, dues, strict=True):
        fires.append(NextFire(row.id, _next_fire(row, due, now), row.schedule.timezone))
        delivery_id = inserted.get(row.id)
        if delivery_id is None:
            # Already recorded for this instant (a crashed or concurrent claim).
            logger.warning("ping %s@%s already recorded", row.id, due.fire_at)
        elif due.status == "claimed" and due.text is not None:
            pings.append(_ping(delivery_id, due, due.fire_at, 1, now))
    await tx.advance(fires)
    return pings


def _next_fire(row: DueSchedule, due: _Due, now: datetime) -> datetime:
    """Return the schedule's next fire not in the past; after a nudge, next week's first."""
    following = following_fire(row.schedule, due.fire_at, now)
    if due.kind == "nudge" and due.text is not None:  # at most one nudge a week
        following = max(following, next_week_fire(row.schedule, due.fire_at))
    return following


async def _record_again(
    tx: ClaimTransaction, queued: Sequence[DueQueued], dues: Sequence[_Due], now: datetime
) -> list[Ping]:
    """Update each re-sent delivery's status and attempts; return the ones to send."""
    outcomes = []
    pings: list[Ping] = []
    for row, due in zip(queued, dues, strict=True):
        claimed = due.status == "claimed"
        # An abandoned claim's attempt was counted when it was made, and never tried.
        attempts = row.attempts + (1 if claimed and not row.abandoned else 0)
        outcomes.append(QueuedOutcome(row.id, due.status, attempts, now))
        if claimed and due.text is not None:
            pings.append(_ping(row.id, due, row.due_at, attempts, now))
    await tx.update_queued(outcomes)
    return pings


def _log_abandoned(queued: Sequence[DueQueued], dues: Sequence[_Due]) -> int:
    """Log once what became of a dead dispatcher's pings; return how many are unknown."""
    found = [due.status for row, due in zip(queued, dues, strict=True) if row.abandoned]
    if found:
        logger.warning(
            "%d pings were held by a dispatcher whose lease ran out: %d claimed again, "
            "%d dropped as late, %d handed over before it stopped (outcome unknown)",
            len(found),
            found.count("claimed"),
            found.count("dropped"),
            found.count("unknown"),
        )
    return found.count("unknown")


def _ping(delivery_id: int, due: _Due, due_at: datetime, attempts: int, now: datetime) -> Ping:
    assert due.text is not None
    return Ping(
        delivery_id=delivery_id,
        user_id=due.recipient.user_id,
        platform=due.platform,
        external_id=due.external_id,
        kind=due.kind,
        text=due.text,
        due_at=due_at,
        attempts=attempts,
        claimed_at=now,
    )
