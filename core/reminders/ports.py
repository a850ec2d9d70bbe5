"""What the /remind commands need from storage: a user's schedules and their deliveries.

The dispatcher's side (the claim transaction) is in core.reminders.dispatch_ports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from core.reminders.schedule import Kind, Schedule

# claimed: recorded and about to be sent (handed over to the platform once `sent_at` is
# set); sent; queued: snoozed or a retry, due at due_at; dropped: found too late;
# skipped: nothing to say (already trained, nudge not needed); refused: the platform
# refused; failed: retries used up; unknown: handed over but no answer came back (a
# timeout, a connection cut after the request, its dispatcher died mid-send), so it may
# or may not have gone out (never re-sent).
Status = Literal["claimed", "sent", "queued", "dropped", "skipped", "refused", "failed", "unknown"]
Response = Literal["done", "snoozed", "skipped"]


@dataclass(frozen=True)
class Delivery:
    id: int
    user_id: int
    kind: Kind
    fire_at: datetime
    status: Status
    response: Response | None
    text: str | None


class ReminderStore(Protocol):
    """The reminder side of one unit of work (the /remind commands)."""

    async def schedules(self, user_id: int) -> list[Schedule]: ...

    async def save_schedules(self, schedules: Sequence[Schedule], now: datetime) -> None:
        """Insert or replace each (user, kind) schedule."""
        ...

    async def delete_schedules(self, user_id: int, kinds: Sequence[Kind]) -> int: ...

    async def delivery(self, delivery_id: int) -> Delivery | None: ...

    async def respond(self, delivery_id: int, response: Response) -> bool:
        """Record the user's answer once; False if it was already answered."""
        ...

    async def queue_snooze(self, delivery: Delivery, due_at: datetime) -> int | None:
        """Queue the delivery's text again at `due_at`; return the new delivery id."""
        ...

    async def set_paused(self, user_id: int, paused: bool) -> None: ...
