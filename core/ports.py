"""What the core needs from storage, as small protocols over plain values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol, Self

from core.accounts.ports import LinkStore
from core.accounts.profile import Profile
from core.coaching.equipment import EquipmentSetup
from core.conversation.outbox import OutboxStore
from core.history.import_pending import PendingImportStore
from core.history.ports import HistoryStore
from core.history.sets import StoredSet  # beside the export's HistorySet, which holds one
from core.messages import IncomingMessage
from core.recording.entries import Entry
from core.reminders.ports import ReminderStore

MAX_ID = 2**63 - 1  # ids are 64-bit integers in the database


def parse_id(text: str) -> int | None:
    """Return a database id from text (a button's payload), or None if it can't be one."""
    if not text.isdecimal() or len(text) > len(str(MAX_ID)):
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None


class DuplicateMessage(Exception):
    """The platform message was already stored (a concurrent re-delivery)."""


class StoreUnavailable(Exception):
    """The store could not be reached (refused, dropped or hung), or its disk is full
    (`full`): nothing was written.

    Nothing about the message is wrong; the same message will work once the store is back.
    """

    def __init__(self, message: str = "", *, full: bool = False) -> None:
        super().__init__(message)
        self.full = full


@dataclass(frozen=True)
class StoredMessage:
    id: int
    user_id: int
    text: str
    sent_at: datetime
    recorded: bool
    undone: bool
    owed: str | None = None  # its replies, encoded, while they have not gone out
    choices: str | None = None  # the buttons its replies offered (typed_choice.encode)


@dataclass(frozen=True)
class StoredCardio:
    modality: str
    activity: str | None
    day: date
    minutes: float
    avg_hr: int | None
    zone2_minutes: float | None = None  # from an activity file: by the heart-rate stream
    above_minutes: float | None = None


@dataclass(frozen=True)
class EntryBatch:
    """The entries of one message, for inserting many messages' entries at once."""

    user_id: int
    message_id: int
    entries: Sequence[Entry]
    day: date
    performed_at: datetime


class Repository(Protocol):
    async def identify(
        self, platform: str, external_id: str, display_name: str | None, now: datetime
    ) -> Profile: ...

    async def save_profile(self, profile: Profile) -> None: ...

    async def find_message(
        self, platform: str, platform_message_id: str
    ) -> StoredMessage | None: ...

    async def add_message(
        self, user_id: int, message: IncomingMessage, now: datetime, recorded: bool = False
    ) -> int:
        """Store the message as typed; raises DuplicateMessage if it is already there."""
        ...

    async def update_message_text(self, message_id: int, text: str) -> None: ...

    async def set_recorded(self, message_id: int, recorded: bool) -> None: ...

    async def add_entries_of(self, batches: Sequence[EntryBatch]) -> None: ...

    async def profiles(self, accounts: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Profile]:
        """Return the profiles of the (platform, external id) accounts that exist."""
        ...

    async def create_accounts(
        self, accounts: Sequence[tuple[str, str, str | None]], now: datetime
    ) -> dict[tuple[str, str], Profile]:
        """Create the (platform, external id, display name) accounts not there yet.

        Returns the profile of every account given, as `identify` would.
        """
        ...

    async def add_messages(
        self, rows: Sequence[tuple[int, IncomingMessage, bool]], now: datetime
    ) -> dict[tuple[str, str], int]:
        """Insert (user id, message, recorded) rows; return ids of the new ones.

        Keys are (platform, platform message id); one already stored is left out.
        """
        ...

    async def strength_sets_of(
        self,
        user_ids: Sequence[int],
        since: date,
        until: date,
        exercises: Sequence[str] | None = None,
    ) -> dict[int, list[StoredSet]]: ...

    async def delete_entries(self, message_id: int) -> None: ...

    async def last_recorded_message(self, user_id: int) -> StoredMessage | None: ...

    async def cardio_started_near(self, user_id: int, start: datetime, within: timedelta) -> bool:
        """Return whether an activity file's session starting within `within` is stored."""
        ...

    async def get_message(self, user_id: int, message_id: int) -> StoredMessage | None: ...

    async def mark_undone(self, message_id: int) -> None: ...

    async def previous_message(self, user_id: int, message_id: int) -> StoredMessage | None:
        """Return the person's message stored just before `message_id`, if any."""
        ...

    async def strength_sets(
        self, user_id: int, since: date, until: date, exercises: Sequence[str] | None = None
    ) -> list[StoredSet]:
        """Sets with since <= day <= until, ordered by day, message and position."""
        ...

    async def cardio(self, user_id: int, since: date, until: date) -> list[StoredCardio]: ...

    async def equipment_of(self, user_ids: Sequence[int]) -> dict[int, EquipmentSetup]:
        """Return each user's equipment (an empty setup for a user who set none)."""
        ...

    async def exercise_names(self, user_ids: Sequence[int]) -> dict[int, dict[str, str]]:
        """Return each user's own names for exercises (name key -> exercise id)."""
        ...

    async def save_exercise_name(
        self, user_id: int, name_key: str, exercise_id: str, now: datetime
    ) -> None: ...

    async def forget_exercise_name(self, user_id: int, name_key: str) -> None: ...

    async def message_texts(self, message_ids: Sequence[int]) -> dict[int, str]:
        """Return the text of each stored message, by id (what its log says beside the sets)."""
        ...


class UnitOfWork(Protocol):
    """One message's worth of work: rolled back on exit unless committed.

    Every store shares the one transaction; this is the only way the core reaches them.
    """

    repo: Repository
    reminders: ReminderStore
    links: LinkStore
    history: HistoryStore
    outbox: OutboxStore
    pending_imports: PendingImportStore

    async def __aenter__(self) -> Self: ...

    async def __aexit__(self, *exc: object) -> None: ...

    async def commit(self) -> None: ...
