"""Marks messages answered once their replies went out, many at once when many are sent.

A mark is written as soon as the write before it is done, in one statement with every
mark made meanwhile: alone when the bot is quiet, many at once when it is busy. A mark
that cannot be written (the database is out of reach) is tried again; a reply whose mark
never made it is sent once more after a restart, the only way a reply can go out twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

logger = logging.getLogger(__name__)

RETRY_AFTER = 1.0
MarkAnswered = Callable[[str, Sequence[str]], Awaitable[None]]


class AnsweredMarks:
    """Collects message keys whose replies went out and writes them answered."""

    def __init__(self, platform: str, mark: MarkAnswered) -> None:
        self.platform = platform
        self._mark = mark
        self._pending: list[str] = []
        self._writer: asyncio.Task[None] | None = None

    def add(self, key: str) -> None:
        self._pending.append(key)
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write())

    async def flush(self, within: float) -> None:
        """Write what is pending, waiting at most `within` seconds (what is left is resent)."""
        if self._writer is None:
            return
        try:
            await asyncio.wait_for(asyncio.shield(self._writer), within)
        except TimeoutError:
            logger.warning("%d answered marks not written before stopping", len(self._pending))
            self._writer.cancel()

    async def _write(self) -> None:
        while self._pending:
            # Marks made in this same moment share the write; ones made while it is under
            # way share the next. The core writes them between its batches, never beside one
            # (core.conversation.group_commit): how long a mark takes is how long a reply can
            # be sent twice after a kill (sent, not yet marked).
            await asyncio.sleep(0)
            batch, self._pending = self._pending, []
            try:
                await self._mark(self.platform, batch)
            except Exception:
                logger.warning("marking %d messages answered failed; retrying", len(batch))
                self._pending = batch + self._pending
                await asyncio.sleep(RETRY_AFTER)


def marker_of(service: object) -> MarkAnswered:
    """Return the core's `answered` (a stand-in core without an outbox: marks nothing)."""
    answered = getattr(service, "answered", None)
    if answered is not None:
        return answered  # type: ignore[no-any-return]

    async def nowhere(platform: str, keys: Sequence[str]) -> None:
        return None

    return nowhere
