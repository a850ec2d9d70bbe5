"""What the reminder dispatcher needs from storage: the claim transaction and the outcomes.

The claim (core.reminders.claim) runs in one `ClaimTransaction`: storage reads and locks
the due rows, the rows of claims whose lease expired and the batch's training, core
decides, storage writes the rows core hands it. The other `DispatchStore` methods record
what became of a ping: handed over to the platform, then sent, retried, refused or of
unknown outcome. Plain values only; storage decides nothing here.

(Apart from core.reminders.ports because it reads sets and cardio, core.ports' types,
and core.ports imports core.reminders.ports.)
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from core.ports import StoredCardio, StoredSet
from core.recording.entries import Unit
from core.reminders.ports import Status
from core.reminders.schedule import Kind, Schedule


@dataclass(frozen=True, slots=True)
class Recipient:
    """Whom a ping is for, as of the claim: their units, current timezone, age and the heart
    rates they measured (/profile maxhr, resthr), which set their Zone 2 range."""

    user_id: int
    units: Unit
    timezone: str
    age: int | None
    program: str | None = None  # the starting program's JSON: its next day is the session
    max_hr: int | None = None
    rest_hr: int | None = None


@dataclass(frozen=True, slots=True)
class DueSchedule:
    """A schedule whose fire instant has come, locked by the claim.

    `schedule.timezone` is the user's current timezone (they may have moved since
    /remind); `fire_at` is the instant that came (the row's next fire).
    """

    id: int
    schedule: Schedule
    recipient: Recipient
    fire_at: datetime


@dataclass(frozen=True, slots=True)
class DueQueued:
    """A queued delivery (a snooze or a retry) that is due, locked by the claim.

    Or (`abandoned`) a delivery whose claim's lease expired: its dispatcher died, or
    is stuck. `handed` says it was handed to the platform before that: it may have
    gone out.
    """

    id: int
    schedule_id: int
    recipient: Recipient
    kind: Kind
    fire_at: datetime
    due_at: datetime
    platform: str
    external_id: str
    attempts: int
    text: str | None  # a retry's words; None for a snooze (composed afresh)
    paused: bool  # the user's reminders are paused (the platform refused them)
    abandoned: bool = False
    handed: bool = False


@dataclass(frozen=True, slots=True)
class HistoryNeed:
    """The training a batch of pings is composed from, read in one go."""

    user_ids: Sequence[int]  # whose strength sets
    cardio_user_ids: Sequence[int]  # whose cardio sessions too
    since: date
    until: date


@dataclass(frozen=True, slots=True)
class History:
    """(user id, row) pairs: strength sets as /plan and /week read them, and cardio."""

    sets: Sequence[tuple[int, StoredSet]]
    cardio: Sequence[tuple[int, StoredCardio]]


@dataclass(frozen=True, slots=True)
class NewDelivery:
    """A delivery row to record for one (schedule, fire instant)."""

    schedule_id: int
    user_id: int
    kind: Kind
    fire_at: datetime
    due_at: datetime
    platform: str
    external_id: str
    status: Status
    attempts: int
    claimed_at: datetime


@dataclass(frozen=True, slots=True)
class NextFire:
    """Where a claimed schedule moves to, in the timezone it now follows."""

    schedule_id: int
    next_fire_at: datetime
    timezone: str


@dataclass(frozen=True, slots=True)
class QueuedOutcome:
    """What became of a queued delivery taken by the claim."""

    delivery_id: int
    status: Status
    attempts: int
    claimed_at: datetime


@dataclass(frozen=True, slots=True)
class Ping:
    """A claimed delivery, ready to hand to the platform's notifier."""

    delivery_id: int
    user_id: int
    platform: str
    external_id: str
    kind: Kind
    text: str
    due_at: datetime
    attempts: int
    claimed_at: datetime  # the claim's instant: its lease starts here; it tells claims apart


class ClaimTransaction(Protocol):
    """One claim's reads and writes, all in a single database transaction."""

    async def due_schedules(
        self, now: datetime, platforms: Sequence[str], limit: int
    ) -> list[DueSchedule]:
        """Lock up to `limit` schedules due by `now` on these platforms, earliest first.

        Rows another claim holds are passed over, not waited for.
        """
        ...

    async def due_queued(
        self, now: datetime, platforms: Sequence[str], limit: int
    ) -> list[DueQueued]:
        """Lock up to `limit` queued deliveries due by `now`, earliest first (as above)."""
        ...

    async def expired_claims(
        self, claimed_before: datetime, platforms: Sequence[str], limit: int
    ) -> list[DueQueued]:
        """Lock up to `limit` deliveries still claimed by a claim made before `claimed_before`.

        Earliest due first, as above; each marked `abandoned`, and `handed` if it was.
        """
        ...

    async def history(self, need: HistoryNeed) -> History:
        """Read the training `need` names: one query for sets, one for cardio."""
        ...

    async def insert_deliveries(self, rows: Sequence[NewDelivery]) -> dict[int, int]:
        """Record the rows, one per (schedule, fire instant); return new ids by schedule id.

        A row whose (schedule, fire instant) is already recorded (a crashed or concurrent
        claim) is left as it was and out of the answer.
        """
        ...

    async def advance(self, fires: Sequence[NextFire]) -> None:
        """Move each schedule to its next fire instant and timezone."""
        ...

    async def update_queued(self, outcomes: Sequence[QueuedOutcome]) -> None: ...


class DispatchStore(Protocol):
    """The dispatcher's transactions; each commits before it returns."""

    def claim_transaction(self) -> AbstractAsyncContextManager[ClaimTransaction]:
        """Open a claim's transaction: it commits when the block ends, rolls back on error."""
        ...

    async def hand_over(
        self, pings: Sequence[Ping], sent: Sequence[int], now: datetime
    ) -> set[int]:
        """Mark `sent` sent, and `pings` handed to the platform: all in one commit.

        Only pings their claim still holds (still claimed, at `ping.claimed_at`, not yet
        handed) are marked; return their ids. No other dispatcher sends a ping handed
        over, whatever happens to this process (unless it takes the ping back, unsent).
        """
        ...

    async def take_back(self, pings: Sequence[Ping]) -> None:
        """Undo the hand-over of these pings, not sent after all (still claimed)."""
        ...

    async def mark_sent(self, delivery_ids: Sequence[int], now: datetime) -> None: ...

    async def retry_later(self, ping: Ping, due_at: datetime | None) -> None:
        """Queue a ping whose send certainly failed; None: give up (failed)."""
        ...

    async def unknown(self, ping: Ping) -> None:
        """Record a send whose answer never came: it may have gone out, so never again."""
        ...

    async def release(self, pings: Sequence[Ping]) -> None:
        """Queue claimed pings that were never sent (a clean stop), if their claim holds them."""
        ...

    async def refused(self, ping: Ping) -> None:
        """Record the refusal and pause the user's reminders."""
        ...
