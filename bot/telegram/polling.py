"""The getUpdates loop that confirms an update only after the core committed it.

PTB's Updater confirms a batch (advances the offset) before its updates are handled,
so a crash in between loses them. Here the offset moves past an update only once its
handling finished; a kill at any instant means Telegram delivers it again, and the
core's unique message ids turn that re-delivery into a no-op.

The poller only fetches and confirms: how a batch is handled (each chat in order, how
many at once, what is retried) is the adapter's (`TelegramAdapter.handle_updates`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import timedelta

from telegram import Bot, Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError

from bot.observability import METRICS
from bot.stopping import sleep_unless_stopped
from bot.telegram.adapter import ALLOWED_UPDATES, BATCH_LIMIT, HandleUpdates
from bot.telegram.incoming import PLATFORM

logger = logging.getLogger(__name__)

POLL_TIMEOUT = 30  # seconds Telegram holds a getUpdates open when there is nothing new
MAX_BACKOFF = 30.0
REFETCH_AFTER = 1.0  # seconds before fetching again a batch not all done (a blip passes)


class Poller:
    """Long-polls getUpdates, hands each batch over whole, confirms what was done."""

    def __init__(
        self,
        bot: Bot,
        handle: HandleUpdates,
        *,
        timeout: int = POLL_TIMEOUT,
        limit: int = BATCH_LIMIT,
    ) -> None:
        self.bot = bot
        self.handle = handle
        self.timeout = timeout
        self.limit = limit
        self.offset: int | None = None
        self.reaching_telegram = True  # False while getUpdates keeps failing (for /healthz)

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until `stop` is set; the batch in hand is always finished first."""
        backoff = 1.0
        while not stop.is_set():
            try:
                updates = await self._poll(stop)
            except RetryAfter as exc:
                METRICS.platform_error(PLATFORM)
                wait = exc.retry_after
                await sleep_unless_stopped(
                    stop, wait.total_seconds() if isinstance(wait, timedelta) else wait
                )
                continue
            except InvalidToken:
                # Revoked or replaced while running: polling stops (the runner keeps the
                # rest going, /healthz says disconnected). One line, no traceback or token.
                self.reaching_telegram = False
                METRICS.platform_error(PLATFORM)
                logger.error(
                    "Telegram rejected TELEGRAM_TOKEN while running (revoked or replaced with "
                    "@BotFather?): Telegram is stopped; set a valid token and restart"
                )
                return
            except Conflict:
                self.reaching_telegram = False
                METRICS.platform_error(PLATFORM)
                logger.error("another getUpdates or a webhook is active for this bot; retrying")
                await sleep_unless_stopped(stop, backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
                continue
            except (NetworkError, TelegramError) as exc:
                self.reaching_telegram = False
                METRICS.platform_error(PLATFORM)
                logger.warning("getUpdates failed (%s); retrying in %.0f s", exc, backoff)
                await sleep_unless_stopped(stop, backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
                continue
            backoff = 1.0
            self.reaching_telegram = True
            if updates and not await self.handle_batch(updates):
                # Let a failing update's cause (a network blip) pass.
                await sleep_unless_stopped(stop, REFETCH_AFTER)
        await self._confirm_handled()

    async def _poll(self, stop: asyncio.Event) -> Sequence[Update]:
        poll = asyncio.ensure_future(
            self.bot.get_updates(
                offset=self.offset,
                timeout=self.timeout,
                limit=self.limit,
                allowed_updates=ALLOWED_UPDATES,
            )
        )
        stopping = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait({poll, stopping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopping.cancel()
        if not poll.done():
            # Nothing handled from this poll: cancelling it loses nothing.
            poll.cancel()
            await asyncio.gather(poll, return_exceptions=True)
            return ()
        return poll.result()

    async def handle_batch(self, updates: Sequence[Update]) -> bool:
        """Hand a batch over; move the offset past its done prefix; return True if all were.

        An update not done stays unconfirmed, and so does everything after it (of any
        chat): Telegram delivers them again, and the core ignores what it already has.
        """
        done = await self.handle(updates)
        offset = self.offset
        for update in sorted(updates, key=lambda u: u.update_id):
            if update.update_id not in done:
                break
            offset = update.update_id + 1
        self.offset = offset
        return all(u.update_id in done for u in updates)

    async def _confirm_handled(self) -> None:
        """Tell Telegram what was handled, so a restart doesn't get those updates again."""
        if self.offset is None:
            return
        try:
            await self.bot.get_updates(offset=self.offset, timeout=0, limit=1)
        except TelegramError as exc:
            logger.debug("final confirm failed (%s); the updates will come again", exc)
