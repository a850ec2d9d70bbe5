"""Group commit: messages handled at the same moment share one batch.

An adapter handling many updates at once calls `handle` concurrently; instead of one
transaction each, the calls that arrive while a batch is being written wait for the next
batch and go into the database together (ConversationService.handle_batch). Each caller
still gets its own result, and only after its writes committed.

This only batches: every message waiting goes into the next batch. How many are handled
at once, in which order per chat, and what is retried, the adapters decide (each caps
its own concurrency, so a batch is at most what they let in together).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from core.conversation.results import HandleResult
from core.conversation.service import ConversationService
from core.messages import IncomingMessage

logger = logging.getLogger(__name__)


class GroupCommit:
    """Wraps a ConversationService; `handle` batches, everything else passes through."""

    def __init__(self, service: ConversationService) -> None:
        self.service = service
        self._waiting: list[tuple[IncomingMessage, asyncio.Future[HandleResult]]] = []
        self._marks: list[tuple[str, list[str], asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.service, name)

    async def handle(self, message: IncomingMessage) -> HandleResult:
        future: asyncio.Future[HandleResult] = asyncio.get_running_loop().create_future()
        self._waiting.append((message, future))
        self._wake()
        return await asyncio.shield(future)

    async def answered(self, platform: str, message_keys: Sequence[str]) -> None:
        """Mark messages answered, by the same writer as the batches (never beside one)."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._marks.append((platform, list(message_keys), future))
        self._wake()
        await asyncio.shield(future)

    def _wake(self) -> None:
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write())

    async def _write(self) -> None:
        """Write marks and batches until nobody is waiting.

        One writer for both: on SQLite, a mark written beside a batch would wait for the
        file's lock (busy-waiting in growing sleeps), which cost most of the throughput.
        """
        while self._waiting or self._marks:
            if self._marks:
                await self._write_marks()
            if not self._waiting:
                continue
            batch, self._waiting = self._waiting, []
            try:
                results = await self.service.handle_batch([m for m, _ in batch])
            except Exception as exc:  # handle_batch doesn't raise; if it did, tell every caller
                logger.exception("a batch of %d messages failed", len(batch))
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)

    async def _write_marks(self) -> None:
        marks, self._marks = self._marks, []
        by_platform: dict[str, list[str]] = {}
        for platform, keys, _ in marks:
            by_platform.setdefault(platform, []).extend(keys)
        try:
            for platform, keys in by_platform.items():
                await self.service.answered(platform, keys)
        except Exception as exc:
            for _, _, future in marks:
                if not future.done():
                    future.set_exception(exc)
            return
        for _, _, future in marks:
            if not future.done():
                future.set_result(None)
