"""A file kept while its import waits for an answer (which unit its loads are in)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class PendingImport:
    message_id: int  # the stored message the file came with; the buttons name it
    filename: str
    content: str  # the file's text, as read


class PendingImportStore(Protocol):
    """Where a file waits for its question's answer: one file per person at a time."""

    async def keep(self, user_id: int, pending: PendingImport, now: datetime) -> None:
        """Keep the file, in place of any other file of theirs still waiting."""
        ...

    async def take(self, user_id: int, message_id: int) -> PendingImport | None:
        """Return the person's file waiting under this message and let it go (once)."""
        ...
